"""What the pages compute from one dossier revision, computed once per revision and shared.

The store hands out one DossierRecord per revision (store/record_cache.py), the same object to
every session until the next save; what is computed from it (the progress, the network and its
analysis, the tables) is the same too. So it is kept beside the record it came from, in a bounded
cache that holds the record itself: an entry can never be confused with a later record that
happens to reuse the memory. Results are shared between sessions: read them, never change them.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from workbench.guide.progress import Progress, assess
from workbench.guide.tables import partner_table, role_matrix
from workbench.network.analysis import analyse
from workbench.network.findings import Analysis
from workbench.network.graph import build
from workbench.store import record_cache
from workbench.store.dossiers import DossierRecord
from workbench.ui.markup import inert_cells

once = record_cache.once  # one memo per revision for every layer (store/record_cache.py)


def progress(record: DossierRecord) -> Progress:
    """Return the step states, completeness and open points of the record's dossier."""
    return once("progress", record, lambda: assess(record.dossier))


def network(record: DossierRecord, access_points: bool = False, target_groups: bool = False) -> Any:
    """Return the partner network graph, with or without digipunten and target groups."""
    return once(
        "network",
        record,
        lambda: build(
            record.dossier, include_access_points=access_points, include_target_groups=target_groups
        ),
        access_points,
        target_groups,
    )


def analysis(record: DossierRecord, access_points: bool = False, target_groups: bool = False) -> Analysis:
    """Return the analysis of the partner network (findings, coverage, drop-outs)."""
    return once(
        "analysis",
        record,
        lambda: analyse(record.dossier, network(record, access_points, target_groups)),
        access_points,
        target_groups,
    )


def partners(record: DossierRecord, lang: str) -> pa.Table:
    """Return the partners overview table in a language: an Arrow table, its cells inert (as roles)."""
    return once(
        "partners",
        record,
        lambda: inert_cells(pa.Table.from_pylist(partner_table(record.dossier, lang))),
        lang,
    )


def roles(record: DossierRecord, lang: str) -> pa.Table:
    """Return the role matrix (partners x roles) in a language: an Arrow table, its cells inert.

    Arrow, made inert once: st.dataframe sends it as it is, and inert_cells finds nothing to change.
    """
    return once(
        "roles", record, lambda: inert_cells(pa.Table.from_pylist(role_matrix(record.dossier, lang))), lang
    )
