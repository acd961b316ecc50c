"""The analysis in plain words: role labels, what a drop-out costs, the report for pages and documents."""

from __future__ import annotations

from typing import Any

from workbench.dossier.model import ROLE_CATALOGUE, Dossier
from workbench.i18n import DEFAULT_LANGUAGE, t
from workbench.network.findings import Analysis, DropoutImpact, Severity, join_words


def role_label(dossier: Dossier, role: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Return the label of a catalogue role or of one of the dossier's own roles."""
    if role in ROLE_CATALOGUE:
        return t(f"role.{role}", lang)
    return next((c.label for c in dossier.custom_roles if c.key == role), role)


def describe_dropout(dossier: Dossier, impact: DropoutImpact, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Explain a drop-out in short lines, naming partners, digipunten and indicators."""
    names = {p.id: p.name for p in dossier.partners}
    points = {a.id: a.name for a in dossier.access_points}
    indicators = {i.id: i.name for i in dossier.strategy.impactmeting.indicators}
    words = lambda items: join_words(list(items), lang)  # noqa: E731
    lines = []
    if impact.roles_lost:
        lines.append(
            t(
                "graph.dropout.roles_lost",
                lang,
                roles=words(role_label(dossier, r, lang) for r in impact.roles_lost),
            )
        )
    if impact.org_types_lost:
        lines.append(
            t(
                "graph.dropout.org_types_lost",
                lang,
                what=words(t(f"org_type.{o}", lang) for o in impact.org_types_lost),
            )
        )
    if impact.objectives_lost:
        lines.append(
            t(
                "graph.dropout.objectives_lost",
                lang,
                what=words(t(f"objective.{o}", lang) for o in impact.objectives_lost),
            )
        )
    if impact.access_points:
        lines.append(
            t("graph.dropout.access_points", lang, what=words(points[a] for a in impact.access_points))
        )
    if impact.municipalities_lost:
        lines.append(t("graph.dropout.municipalities_lost", lang, what=words(impact.municipalities_lost)))
    if impact.indicators:
        lines.append(
            t("graph.dropout.indicators", lang, what=words(indicators[i] for i in impact.indicators))
        )
    if impact.flows:
        lines.append(t("graph.dropout.flows", lang, count=len(impact.flows)))
    if impact.cut_off_partners:
        lines.append(t("graph.dropout.cut_off", lang, what=words(names[p] for p in impact.cut_off_partners)))
    return lines or [t("graph.dropout.nothing", lang)]


def report(dossier: Dossier, analysis: Analysis, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Return the analysis as plain rows and words, for the overview page and the Word documents."""
    names = {p.id: p.name for p in dossier.partners}
    points = {a.id: a.name for a in dossier.access_points}
    centrality = {c.partner_id: c for c in analysis.centrality}
    key_partners = [
        p.id for p in dossier.partners if analysis.dropouts[p.id].critical or centrality[p.id].articulation
    ]
    key_partners.sort(key=lambda pid: -centrality[pid].betweenness)
    return {
        "counts": {s.value: analysis.count(s) for s in Severity},
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "severity_label": t(f"graph.severity.{f.severity.value}", lang),
                "message": f.message(lang),
                "subjects": list(f.subjects),
            }
            for f in analysis.findings
        ],
        "coverage": [
            {
                "kind": c.kind,
                "kind_label": t(f"graph.coverage.{c.kind}", lang),
                "key": c.key,
                "label": c.term.label(lang),
                "status": c.status,
                "status_label": t(f"graph.status.{c.status}", lang),
                "partners": [names[p] for p in c.partner_ids],
                "suggestions": [t(f"org_type.{s}", lang) for s in c.suggestions]
                if c.status != "covered"
                else [],
            }
            for c in analysis.coverage
        ],
        "municipalities": [
            {"name": m, "digipunten": [points[a] for a in found], "covered": bool(found)}
            for m, found in analysis.municipalities.items()
        ],
        "key_partners": [
            {
                "name": names[pid],
                "betweenness": centrality[pid].betweenness,
                "articulation": centrality[pid].articulation,
                "critical": analysis.dropouts[pid].critical,
                "dropout": describe_dropout(dossier, analysis.dropouts[pid], lang),
            }
            for pid in key_partners
        ],
    }
