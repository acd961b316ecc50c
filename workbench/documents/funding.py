"""The financing plan as document context: per source and partner, and the facts articles 8 and 9 cite."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from workbench.dossier.funding import CALL, CATEGORIES, call_share, streams, total

if TYPE_CHECKING:
    from workbench.documents.builder import Builder


def _cells(b: Builder, budget_or_amounts: dict[str, Decimal]) -> dict[str, str]:
    cells = {c: b.money(budget_or_amounts[c]) for c in CATEGORIES}
    cells["total"] = b.money(sum(budget_or_amounts.values(), Decimal(0)))
    return cells


def financing_plan(b: Builder) -> dict[str, Any]:
    """Return the financing plan per source for the annex, and the facts article 8 and 9 cite."""
    d = b.dossier
    call_label = b.t(f"call.{d.identity.call.value}")
    found = streams(d, b.t("documents.stream_call", call=call_label), b.t("documents.stream_call_funder"))
    rows: list[dict[str, str]] = []
    summary: list[dict[str, str]] = []
    grand = total(d)
    for stream in found:
        if stream.key != CALL and not stream.lines:
            b.todo("financiering", "stream_without_lines", stream=stream.name)
        kind = b.t("documents.stream_kind.call") if stream.key == CALL else b.t(f"funding_kind.{stream.kind}")
        for line in stream.lines:
            if not line.budget.total:
                continue
            amounts = {c: getattr(line.budget, c) for c in CATEGORIES}
            rows.append(
                {"source": stream.name, "name": b.name(line.partner_id), "role": b.role_label(line.role)}
                | _cells(b, amounts)
            )
        share = (stream.total / grand * 100) if grand else Decimal(0)
        summary.append(
            {
                "source": stream.name,
                "kind": kind,
                "funder": stream.funder or "–",
                "decision": stream.decision or "–",
                "amount": b.money(stream.total),
                "share": b.t("documents.percent", value=b.number(share.quantize(Decimal("0.1")))),
            }
        )
    others = [s for s in found if s.key != CALL]
    return {
        "rows": rows,
        "summary": summary,
        "has_other_streams": bool(others),
        "other_names": b.join([s.name for s in others]),
        "call_share": b.money(call_share(d)),
        "cofunding": b.money(d.cofunding_total()),
        "total": b.money(grand),
        "separate_registration": b.t(
            "documents.separate_registration", streams=b.join([s.name for s in found])
        )
        if others
        else "",
    }
