"""The seven strategy sections as template context: narratives and their tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workbench.documents.builder import DASH, Builder
from workbench.dossier.calls import CallProfile
from workbench.dossier.model import SECTION_KEYS
from workbench.dossier.records import ConsentRow


def indicator_rows(b: Builder, place: str) -> list[dict[str, str]]:
    """Return the indicator table rows; a missing owner is a point to discuss."""
    rows = []
    for ind in b.dossier.strategy.impactmeting.indicators:
        owner = (
            b.name(ind.owner_partner_id)
            if ind.owner_partner_id
            else b.todo(place, "indicator_owner", indicator=ind.name)
        )
        rows.append(
            {
                "name": ind.name,
                "type": b.t(f"indicator_type.{ind.type.value}"),
                "unit": ind.unit or DASH,
                "baseline": b.number(ind.baseline),
                "target": b.number(ind.target),
                "source": ind.source or DASH,
                "frequency": ind.frequency or DASH,
                "owner": owner,
            }
        )
    keys = ("name", "type", "unit", "baseline", "target", "source", "frequency", "owner")
    return b.rows_or_todo(rows, keys, place, "no_indicators")


def strategy_sections(b: Builder, profile: CallProfile) -> dict[str, Any]:
    """Return every strategy section: its narrative (or a marked default) and its rows."""
    s = b.dossier.strategy
    required = set(profile.required_sections)
    sections: dict[str, Any] = {}
    for key in SECTION_KEYS:
        narrative = getattr(s, key).narrative
        if not narrative:
            gap = "narrative_required" if key in required else "narrative"
            narrative = b.todo(key, gap, section=b.t(f"section.{key}"))
        sections[key] = {"narrative": narrative}

    groups = {g.id: g.name for g in s.doelgroep.target_groups}
    target_groups = [
        {
            "name": g.name,
            "number": b.number(g.estimated_number),
            "needs": g.needs or DASH,
            "priority": b.check(g.priority),
        }
        for g in s.doelgroep.target_groups
    ]
    sections["doelgroep"]["rows"] = _rows(
        b, "doelgroep", "no_target_groups", target_groups, ("name", "number", "needs", "priority")
    )
    channels = [
        {
            "description": c.description,
            "toeleiders": b.names(c.toeleider_partner_ids) or DASH,
            "groups": b.join([groups[g] for g in c.target_group_ids]) or DASH,
        }
        for c in s.outreach.channels
    ]
    sections["outreach"]["rows"] = _rows(
        b, "outreach", "no_channels", channels, ("description", "toeleiders", "groups")
    )
    activities = [
        {"partner": b.name(a.partner_id), "activity": a.activity, "jobs": b.number(a.jobs)}
        for a in s.sociale_economie.activities
    ]
    sections["sociale_economie"]["rows"] = _rows(
        b, "sociale_economie", "no_social_economy", activities, ("partner", "activity", "jobs")
    )
    circ = s.circulariteit
    sections["circulariteit"]["responsible"] = (
        b.name(circ.responsible_partner_id)
        if circ.responsible_partner_id
        else b.todo("circulariteit", "circularity_owner")
    )
    devices = [
        {
            "type": d.device_type,
            "source": d.source or DASH,
            "collected": b.number(d.collected),
            "refurbished": b.number(d.refurbished),
            "lent": b.number(d.lent),
            "end_of_life": d.end_of_life or DASH,
        }
        for d in circ.devices
    ]
    device_keys = ("type", "source", "collected", "refurbished", "lent", "end_of_life")
    sections["circulariteit"]["rows"] = _rows(b, "circulariteit", "no_devices", devices, device_keys)
    dz = s.duurzaamheid
    financing = [
        {
            "source": f.source,
            "amount": DASH if f.amount is None else b.money(f.amount),
            "secured": b.check(f.secured),
        }
        for f in dz.financing_after_subsidy
    ]
    sections["duurzaamheid"]["financing"] = _rows(
        b, "duurzaamheid", "no_financing", financing, ("source", "amount", "secured")
    )
    scaling = [
        {"description": st.description, "planned": b.date(st.planned) or DASH} for st in dz.scaling_steps
    ]
    sections["duurzaamheid"]["scaling"] = _rows(
        b, "duurzaamheid", "no_scaling", scaling, ("description", "planned")
    )
    measures = [
        {
            "kind": b.t(f"connectivity.{m.kind.value}"),
            "description": m.description,
            "partner": b.name(m.partner_id) if m.partner_id else DASH,
        }
        for m in s.connectiviteit.measures
    ]
    sections["connectiviteit"]["rows"] = _rows(
        b, "connectiviteit", "no_connectivity", measures, ("kind", "description", "partner")
    )
    sections["impactmeting"]["rows"] = indicator_rows(b, "impactmeting")
    sections["planning_narrative"] = b.dossier.planning.narrative
    return sections


def _rows(
    b: Builder, place: str, gap: str, rows: list[dict[str, str]], keys: tuple[str, ...]
) -> list[dict[str, str]]:
    return b.rows_or_todo(rows, keys, place, gap)


def consent_matrix(b: Builder, rows: Sequence[ConsentRow] | None) -> dict[str, Any]:
    """Return every partner's latest word per section, and the objections that still stand."""
    if rows is None:  # made without the database (e.g. from a file): say so rather than show blanks
        return {"text": b.t("documents.consent_unavailable"), "rows": [], "objections": []}
    table: list[dict[str, str]] = []
    objections: list[dict[str, str]] = []
    for row in rows:
        cells: dict[str, str] = {}
        for section in SECTION_KEYS:
            given = row.cells.get(section)
            cells[section] = b.t(f"consent.decision.{given.decision.value}") if given else DASH
            if given and given.decision.value == "object":
                objections.append(
                    {
                        "partner": row.partner_name,
                        "section": b.t(f"section.{section}"),
                        "reason": given.reason,
                    }
                )
        table.append({"partner": row.partner_name, **cells})
    recorded = any(c is not None for row in rows for c in row.cells.values())
    return {
        "text": b.t("documents.consent_intro" if recorded else "documents.consent_none"),
        "rows": table,
        "objections": objections,
    }
