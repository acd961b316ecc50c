"""Linked trajectories and time: grant decisions in the recitals, effect dates, role periods, takeovers."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from workbench.dossier.model import CallKind

if TYPE_CHECKING:
    from workbench.documents.builder import Builder

_ORDER = {CallKind.VOORTRAJECT: 0, CallKind.IMPLEMENTATIETRAJECT: 1, CallKind.VERLENGING: 2}


def _decision(b: Builder, tr: Any) -> str:
    parts = []
    if tr.decision_number:
        parts.append(b.t("documents.trajectory.number", number=tr.decision_number))
    if tr.decision_date:
        parts.append(b.t("documents.trajectory.date", date=b.date(tr.decision_date)))
    return " ".join(parts)


def recitals(b: Builder) -> dict[str, Any]:
    """Return one recital per linked trajectory, and whether this trajectory's grant is decided."""
    current = b.dossier.identity.call
    lines, decided = [], False
    for tr in sorted(
        b.dossier.trajectories,
        key=lambda t: (_ORDER[t.call], t.start or date.min),
    ):
        label = b.t(f"call.{tr.call.value}")
        period = (
            b.t("documents.trajectory.period", start=b.date(tr.start), end=b.date(tr.end))
            if tr.start and tr.end
            else ""
        )
        promotor = b.name(tr.promotor_partner_id) if tr.promotor_partner_id else ""
        decision = _decision(b, tr)
        if tr.granted is not None and decision:
            grant = b.t("documents.trajectory.granted", amount=b.money(tr.granted), decision=decision)
        elif tr.requested is not None:
            grant = b.t("documents.trajectory.requested", amount=b.money(tr.requested))
        else:
            grant = ""
        key = "documents.trajectory.current" if tr.call is current else "documents.trajectory.linked"
        text = b.t(
            key,
            label=label,
            period=period,
            promotor=promotor and b.t("documents.trajectory.promotor", name=promotor),
            grant=grant,
        )
        lines.append(" ".join(text.split()))
        decided |= tr.call is current and tr.granted is not None and bool(decision)
    return {"lines": lines, "decided": decided}


def effect(b: Builder) -> str:
    """Return when the agreement takes effect: on signing, or with effect from the start of the period."""
    start = b.dossier.identity.period.start
    if b.dossier.identity.effect_from_period_start and start:
        return b.t("documents.effect_from", date=b.date(start))
    return b.t("documents.effect_on_signing")


def role_periods(b: Builder) -> list[str]:
    """Describe the roles that start or end within the project, and every takeover with its transfer."""
    lines = []
    for r in b.dossier.roles:
        who, role = b.name(r.partner_id), b.role_label(r.role)
        if r.takes_over_from_partner_id:
            start = (
                b.date(r.start)
                if r.start
                else b.todo("toetreding_uittreding", "takeover_date", partner=who, role=role)
            )
            lines.append(
                b.t(
                    "documents.takeover",
                    partner=who,
                    role=role,
                    previous=b.name(r.takes_over_from_partner_id),
                    date=start,
                )
            )
        elif r.start and r.end:
            lines.append(
                b.t(
                    "documents.role_between", partner=who, role=role, start=b.date(r.start), end=b.date(r.end)
                )
            )
        elif r.end:
            lines.append(b.t("documents.role_until", partner=who, role=role, end=b.date(r.end)))
        elif r.start:
            lines.append(b.t("documents.role_from", partner=who, role=role, start=b.date(r.start)))
    return lines
