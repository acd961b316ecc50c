"""The strategy as it is submitted: the network's gaps rephrased as risks with the approach to each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.i18n import has, t

if TYPE_CHECKING:
    from workbench.dossier.model import Dossier


def risks(dossier: Dossier, lang: str) -> dict[str, Any]:
    """Return the risk section: each finding of the network analysis with the approach to it."""
    from workbench.network.analysis import analyse  # networkx is only needed here

    analysis = analyse(dossier)
    rows = []
    for finding in analysis.findings:
        # The analysis speaks to the workshop ("fill in ..."); a submission states the risk.
        values = finding.values(lang)
        name = f"risk.{finding.code}" + (f".{finding.variant}" if finding.variant else "")
        risk = t(name, lang, **values) if has(name, lang) else finding.message(lang)
        approach_key = f"risk.{finding.code}.approach"
        approach = t(approach_key if has(approach_key, lang) else "risk.default", lang)
        rows.append({"risk": risk, "approach": approach})
    text = t("risk.intro" if rows else "risk.none", lang)
    return {"text": text, "rows": rows}
