"""Clauses 8 to 12 of the agreement as context: money, reporting, data protection, lending."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from workbench.documents.builder import DASH, Builder
from workbench.documents.signatories import party_label
from workbench.documents.strategy import indicator_rows
from workbench.dossier.calls import call_profile
from workbench.dossier.model import GdprRole, VatStatus
from workbench.dossier.signatories import legal_form

_COSTS = ("loonkosten", "werkingskosten", "externe_prestaties")


def _cost_cells(b: Builder, amounts: dict[str, Decimal]) -> dict[str, str]:
    cells = {key: b.money(amounts[key]) for key in _COSTS}
    cells["total"] = b.money(sum(amounts.values(), Decimal(0)))
    return cells


def budget(b: Builder) -> dict[str, Any]:
    """Return the financial split: rows per party and per role, totals, the check against the cap."""
    per_partner: dict[str, dict[str, Decimal]] = {
        p.id: dict.fromkeys(_COSTS, Decimal(0)) for p in b.dossier.partners
    }
    role_rows = []
    for r in b.dossier.roles:
        amounts = {key: getattr(r.budget, key) for key in _COSTS}
        for key in _COSTS:
            per_partner[r.partner_id][key] += amounts[key]
        if r.budget.total:
            role_rows.append(
                {"name": b.name(r.partner_id), "role": b.role_label(r.role), **_cost_cells(b, amounts)}
            )
    rows, funded, unfunded = [], [], []
    received: list[Any] = []
    for p in b.dossier.partners:
        amounts = per_partner[p.id]
        total = sum(amounts.values(), Decimal(0))
        if not total and not p.funded:
            unfunded.append(p.name)
            continue
        funded.append(p.name)
        if p.vat_status is VatStatus.ONBEKEND:
            vat = b.todo("financiering", "vat_status", partner=p.name)
        else:
            vat = b.t(f"vat_status.{p.vat_status.value}")
        if p.funded and not total:
            b.todo("financiering", "funded_without_budget", partner=p.name)
        if total:
            received.append(p)
        rows.append({"name": p.name, "vat": vat, **_cost_cells(b, amounts)})
    totals = {key: sum((a[key] for a in per_partner.values()), Decimal(0)) for key in _COSTS}
    grand = sum(totals.values(), Decimal(0))
    cap = call_profile(b.dossier.identity.call).max_subsidy
    call_label = b.t(f"call.{b.dossier.identity.call.value}")
    if not grand:
        cap_text = b.todo("financiering", "no_budget", cap=b.money(cap))
    elif grand > cap:
        cap_text = b.todo(
            "financiering", "over_cap", excess=b.money(grand - cap), cap=b.money(cap), call=call_label
        )
    else:
        cap_text = b.t("documents.within_cap", cap=b.money(cap), call=call_label, room=b.money(cap - grand))
    keys = ("name", "vat", *_COSTS, "total")
    return {
        "rows": b.rows_or_todo(rows, keys, "financiering", "no_budget", cap=b.money(cap)),
        "role_rows": b.rows_or_todo(
            role_rows, ("name", "role", *_COSTS, "total"), "bijlagen", "no_budget", cap=b.money(cap)
        ),
        "totals": _cost_cells(b, totals),
        "total": b.money(grand),
        "cap": b.money(cap),
        "cap_text": cap_text,
        "funded": b.join(funded) or b.todo("subsidievoorwaarden", "no_funded"),
        "unfunded": b.join(unfunded),
        # A de-minimis declaration concerns undertakings; an RSZ certificate, employers whose
        # wages are charged to the subsidy (DOMAIN section 2; to be confirmed against the manual).
        "de_minimis": b.join([p.name for p in received if legal_form(p).undertaking]),
        "rsz": b.join(
            [
                p.name
                for p in received
                if any(r.budget.loonkosten for r in b.dossier.roles if r.partner_id == p.id)
            ]
        ),
    }


# ---------------------------------------------------------------- reporting, data protection, lending


def reporting(b: Builder) -> dict[str, Any]:
    """Return the indicators the parties report on, with their owners."""
    rows = indicator_rows(b, "rapportering")
    count = len(b.dossier.strategy.impactmeting.indicators)
    return {"indicators": rows, "count": b.plural("documents.indicators", count)}


def gdpr(b: Builder) -> dict[str, Any]:
    """Return the processing activities with each party's GDPR role, and the DPO contacts."""
    place = "gegevensbescherming"
    activities = []
    processors: set[str] = set()
    involved: dict[str, None] = {}
    has_joint = has_processor = False
    for act in b.dossier.processing:
        parts = []
        for pr in act.roles:
            involved[pr.partner_id] = None
            partner = b.dossier.partner(pr.partner_id)
            who = party_label(b, partner) if partner else b.name(pr.partner_id)
            parts.append(f"{who}: {b.t(f'gdpr.{pr.role.value}')}")
            has_joint |= pr.role is GdprRole.JOINT_CONTROLLER
            if pr.role is GdprRole.PROCESSOR:
                has_processor = True
                processors.add(pr.partner_id)
        activities.append(
            {
                "name": act.name,
                "purpose": act.purpose or b.todo(place, "purpose", activity=act.name),
                "data": act.data_categories or b.todo(place, "data_categories", activity=act.name),
                "retention": act.retention or b.todo(place, "retention", activity=act.name),
                "roles": "; ".join(parts) or b.todo(place, "gdpr_roles", activity=act.name),
            }
        )
    if not activities:
        marker = b.todo(place, "no_processing")
        activities = [{"name": marker, "purpose": DASH, "data": DASH, "retention": DASH, "roles": DASH}]
    dpos = []
    for partner in b.dossier.partners:
        # A missing officer matters for the parties that take part in a processing.
        needed = partner.id in involved or not involved
        dpo = partner.dpo_contact or (b.todo(place, "dpo", partner=partner.name) if needed else DASH)
        dpos.append({"name": partner.name, "dpo": dpo})
    return {
        "activities": activities,
        "dpos": dpos,
        "has_joint": has_joint,
        "has_processor": has_processor,
        "processors": b.names([pid for pid in b.partners if pid in processors]),
    }


def lending(b: Builder) -> dict[str, Any]:
    """Return who runs the lending service, who refurbishes, who owns the devices, and the device plan."""
    place = "uitleendienst"
    circ = b.dossier.strategy.circulariteit
    operators = b.dossier.partners_with_role("uitleendienst")
    refurbishers = b.dossier.partners_with_role("refurbisher")
    donors = b.dossier.partners_with_role("hardware_donor")
    responsible = b.dossier.partner(circ.responsible_partner_id)
    if responsible is not None:
        owner = party_label(b, responsible)
    elif operators:
        owner = b.todo(place, "device_owner", partner=operators[0].name)
    else:
        owner = b.todo(place, "device_owner_unknown")
    devices = [
        {
            "type": d.device_type,
            "source": d.source or DASH,
            "collected": b.number(d.collected),
            "refurbished": b.number(d.refurbished),
            "lent": b.number(d.lent),
            "end_of_life": d.end_of_life or b.todo(place, "end_of_life", device=d.device_type),
        }
        for d in circ.devices
    ]
    keys = ("type", "source", "collected", "refurbished", "lent", "end_of_life")
    return {
        "operators": b.join([p.name for p in operators]) or b.todo(place, "lending_operator"),
        "refurbishers": b.join([p.name for p in refurbishers]) or b.todo(place, "refurbisher"),
        "donors": b.join([p.name for p in donors]),
        "owner": owner,
        "devices": b.rows_or_todo(devices, keys, place, "no_devices"),
    }
