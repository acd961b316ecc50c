"""Closing clauses and annexes as context: court, signatures, planning, digipunten, flows."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.documents.builder import DASH, Builder
from workbench.dossier import courts
from workbench.dossier.signatories import legal_form


def court(b: Builder, promotor: dict[str, Any]) -> dict[str, str]:
    """Return the competent courts: the arrondissement and afdeling of the promotor's municipality."""
    place = "geschillen"
    if not promotor["municipality"] and not promotor.get("postcode"):
        text = b.todo(place, "court")
        return {"text": text, "enterprise": "", "source": ""}
    seat = courts.seat_of(promotor["municipality"], promotor.get("postcode", ""))
    if seat is None:
        text = b.todo(place, "court_unknown", municipality=promotor["municipality"])
        return {"text": text, "enterprise": "", "source": ""}
    court_name = seat.court_with_division
    if not seat.confirmed:
        court_name += " " + b.todo(place, "court_unconfirmed", court=seat.court_with_division, note=seat.note)
    text = b.t("documents.court", court=court_name, municipality=seat.municipality)
    # The enterprise court hears disputes between undertakings (art. 573 Ger.W.): only where
    # at least two parties are undertakings can it be competent.
    undertakings = [p for p in b.dossier.partners if p.legal_personality and legal_form(p).undertaking]
    enterprise = (
        b.t("documents.enterprise_court", court=seat.enterprise_court_with_division)
        if len(undertakings) >= 2
        else ""
    )
    source = courts.source()
    return {
        "text": text,
        "enterprise": enterprise,
        "source": b.t("documents.court_source", date=b.date(date.fromisoformat(source["date"]))),
    }


def signing(b: Builder, promotor: dict[str, Any]) -> dict[str, str]:
    """Return the place of signing and the number of copies."""
    place = promotor["municipality"] or b.todo("ondertekening", "signing_place")
    return {"place": place, "copies": str(max(len(b.dossier.partners), 1))}


def milestones(b: Builder) -> list[dict[str, str]]:
    """Return the planning annex rows."""
    rows = [
        {
            "title": m.title,
            "due": b.date(m.due) if m.due else b.todo("bijlagen", "milestone_due", milestone=m.title),
            "owner": b.name(m.owner_partner_id) if m.owner_partner_id else DASH,
        }
        for m in b.dossier.planning.milestones
    ]
    return b.rows_or_todo(rows, ("title", "due", "owner"), "bijlagen", "no_milestones")


def access_points(b: Builder) -> list[dict[str, str]]:
    """Return the digipunten annex rows."""
    rows = []
    for ap in b.dossier.access_points:
        where = ", ".join(x for x in (ap.address, ap.municipality) if x)
        rows.append(
            {
                "name": ap.name,
                "kind": b.t(f"ap_kind.{ap.kind.value}"),
                "where": where or b.todo("bijlagen", "ap_address", access_point=ap.name),
                "host": b.name(ap.host_partner_id) if ap.host_partner_id else DASH,
                "hours": ap.opening_hours or b.todo("bijlagen", "opening_hours", access_point=ap.name),
                "accessibility": ap.accessibility or DASH,
                "objectives": b.objective_labels(ap.objectives) or DASH,
            }
        )
    keys = ("name", "kind", "where", "host", "hours", "accessibility", "objectives")
    return b.rows_or_todo(rows, keys, "bijlagen", "no_access_points")


def flows(b: Builder) -> list[dict[str, str]]:
    """Return every flow between the parties as a table row."""
    rows = [
        {
            "source": b.name(f.source_partner_id),
            "target": b.name(f.target_partner_id),
            "type": b.t(f"flow.{f.type.value}"),
            "description": f.description or DASH,
        }
        for f in b.dossier.flows
    ]
    # Flows are optional: no flows is a plain statement, not a point to discuss.
    return rows or [{"source": b.t("documents.no_flows"), "target": DASH, "type": DASH, "description": DASH}]


def findings(b: Builder, findings: list[tuple[str, str]] | None) -> dict[str, Any]:
    """Return the gap analysis rows, or a note that it is not available."""
    if findings is None:
        return {"available": False, "rows": [], "text": b.t("documents.findings_unavailable")}
    rows = [{"label": label, "message": message} for label, message in findings]
    text = b.plural("documents.findings_count", len(rows)) if rows else b.t("documents.findings_none")
    return {"available": True, "rows": rows, "text": text}
