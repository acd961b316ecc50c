"""Dossier -> template context: every value pre-formatted, every silence a visible default.

The context is plain data (str, bool, int, list, dict) so that it can cross a process
boundary for sandboxed custom templates. Where the dossier is silent, the value is a
sensible default wrapped as "[Te bespreken: ...]" and the gap is recorded per clause, so
the readiness check and the documents can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from workbench.documents import annexes, funding, gdpr, lending, obligations, signatories, timeline
from workbench.documents.builder import DASH, Builder, Gaps
from workbench.documents.strategy import consent_matrix, strategy_sections
from workbench.dossier.calls import CallProfile, call_profile
from workbench.dossier.model import CallKind, Dossier, Objective
from workbench.dossier.records import ConsentRow

# The 23 clauses of the samenwerkingsovereenkomst (DOMAIN section 4), in article order.
CLAUSES: tuple[str, ...] = (
    "partijen",
    "overwegingen",
    "voorwerp",
    "duur",
    "rollen",
    "promotor",
    "governance",
    "financiering",
    "subsidievoorwaarden",
    "rapportering",
    "gegevensbescherming",
    "uitleendienst",
    "aansprakelijkheid",
    "vertrouwelijkheid",
    "intellectuele_eigendom",
    "communicatie",
    "toetreding_uittreding",
    "wijzigingen",
    "volledige_overeenkomst",
    "geschillen",
    "beeindiging",
    "ondertekening",
    "bijlagen",
)
ANNEXES: tuple[str, ...] = (
    "strategie",
    "rolmatrix",
    "budget",
    "planning",
    "digipunten",
    "indicatoren",
    "avg",
    "uitleenreglement",
    "netwerk",
)

_COSTS = ("loonkosten", "werkingskosten", "externe_prestaties")


def build(
    dossier: Dossier,
    lang: str,
    *,
    revision: int | None = None,
    findings: list[tuple[str, str]] | None = None,
    today: date | None = None,
    consent: Sequence[ConsentRow] | None = None,
) -> tuple[dict[str, Any], Gaps]:
    """Return the template context and the gaps it had to fill with defaults."""
    b = Builder(dossier, lang)
    promotor = _promotor(b)
    budget = obligations.budget(b)
    ctx: dict[str, Any] = {
        "lang": b.lang,
        "dossier_name": dossier.identity.name,
        "doc": _doc(b, revision, today or date.today()),
        "call": _call(b),
        "area": ", ".join(dossier.identity.werkingsgebied)
        or b.todo(("overwegingen", "partnerschap"), "area"),
        "summary": dossier.identity.summary or b.todo(("overwegingen", "partnerschap"), "summary"),
        "period": _period(b),
        "parties": signatories.parties(b, DASH),
        "representation_bases": signatories.bases(b),
        "promotor": promotor,
        "objectives": _objectives(b),
        "engagements": _engagements(b),
        "governance": _governance(b, promotor),
        "budget": budget,
        "reporting": obligations.reporting(b),
        "funding": funding.financing_plan(b),
        "gdpr": obligations.gdpr(b),
        "gdpr_annex": gdpr.annex(b, DASH),
        "lending": obligations.lending(b) | {"rules": lending.rules(b)},
        "court": annexes.court(b, promotor),
        "signing": annexes.signing(b, promotor),
        "signatures": signatories.signatures(b),
        "timeline": {
            "recitals": timeline.recitals(b),
            "effect": timeline.effect(b),
            "roles": timeline.role_periods(b),
        },
        "role_matrix": _role_matrix(b),
        "milestones": annexes.milestones(b),
        "access_points": annexes.access_points(b),
        "flows": annexes.flows(b),
        "network_picture": b.t("documents.network_placeholder"),
        "findings": annexes.findings(b, findings),
        "consent": consent_matrix(b, consent),
    }
    ctx["sections"] = strategy_sections(b, call_profile(dossier.identity.call))
    return ctx, b.gaps


def context(
    dossier: Dossier,
    lang: str,
    *,
    revision: int | None = None,
    findings: list[tuple[str, str]] | None = None,
    consent: Sequence[ConsentRow] | None = None,
) -> dict[str, Any]:
    """Return the template context for both documents of a dossier."""
    return build(dossier, lang, revision=revision, findings=findings, consent=consent)[0]


# ---------------------------------------------------------------- identity and call


def _doc(b: Builder, revision: int | None, today: date) -> dict[str, Any]:
    generated = b.date(today)
    if revision is None:
        version = b.t("documents.version_unsaved", date=generated)
    else:
        version = b.t("documents.version_revision", revision=revision, date=generated)
    return {
        "generated_on": generated,
        "version_label": version,
        "submission_label": b.t("documents.submission_label", date=generated),
        "status": b.t(f"status.{b.dossier.identity.status.value}"),
    }


def _call(b: Builder) -> dict[str, Any]:
    kind = b.dossier.identity.call
    profile = call_profile(kind)
    tiers = []
    previous = 0
    for tier in profile.funding_tiers:
        upto = tier.users_up_to
        users = (
            b.t("documents.tier_upto", users=b.number(upto))
            if upto
            else b.t("documents.tier_above", users=b.number(previous))
        )
        tiers.append({"users": users, "amount": b.money(tier.amount)})
        previous = upto or previous
    return {
        "label": b.t(f"call.{kind.value}"),
        "max_subsidy": b.money(profile.max_subsidy),
        "recital": b.t(f"documents.recital.{kind.value}"),
        "duration_rule": _duration_rule(b, profile),
        "is_verlenging": kind is CallKind.VERLENGING,
        "tiers": tiers,
    }


def _duration_rule(b: Builder, profile: CallProfile) -> str:
    parts = []
    if profile.min_duration_months:
        parts.append(b.t("documents.duration_min", months=profile.min_duration_months))
    if profile.max_duration_months:
        parts.append(b.t("documents.duration_max", months=profile.max_duration_months))
    if profile.latest_end:
        parts.append(b.t("documents.duration_latest_end", date=b.date(profile.latest_end)))
    if not parts:
        return ""
    return b.t("documents.duration_rule", rule=b.join(parts))


def _period(b: Builder) -> dict[str, str]:
    period = b.dossier.identity.period
    return {
        "start": b.date(period.start) if period.start else b.todo("duur", "period_start"),
        "end": b.date(period.end) if period.end else b.todo("duur", "period_end"),
    }


# ---------------------------------------------------------------- parties


def _promotor(b: Builder) -> dict[str, Any]:
    holders = b.dossier.partners_with_role("promotor")
    if len(holders) > 1:
        b.todo("promotor", "several_promotors", names=b.join([p.name for p in holders]))
    if not holders:
        name = b.todo(("partijen", "promotor"), "promotor")
        return {"name": name, "label": name, "municipality": "", "postcode": "", "exists": False}
    body = holders[0]
    # A body without legal personality cannot be promotor: the party acting for it is.
    p = signatories.acting_party(b.dossier, body)
    number = b.dossier.partners.index(p) + 1
    name = signatories.party_label(b, body)
    if not body.legal_personality and p is body:
        b.todo(("partijen", "promotor"), "acts_via_missing", partner=body.name)
    return {
        "name": name,
        "label": b.t("documents.party_label", number=number, name=name),
        "municipality": p.address.municipality,
        "postcode": p.address.postcode,
        "exists": True,
    }


# ---------------------------------------------------------------- roles and engagements


def _objectives(b: Builder) -> list[dict[str, str]]:
    rows = []
    for objective in Objective:
        ids = [r.partner_id for r in b.dossier.roles if objective in r.objectives]
        names = b.names(dict.fromkeys(ids))
        rows.append(
            {
                "label": b.t(f"objective.{objective.value}"),
                "description": b.t(f"documents.objective.{objective.value}"),
                "partners": names
                or b.todo("voorwerp", "objective_uncovered", objective=b.t(f"objective.{objective.value}")),
            }
        )
    return rows


def _flow_lines(b: Builder) -> dict[str, list[str]]:
    """Describe every flow from both ends: what each partner gives and receives."""
    lines: dict[str, list[str]] = defaultdict(list)
    for flow in b.dossier.flows:
        for direction, me, other in (
            ("out", flow.source_partner_id, flow.target_partner_id),
            ("in", flow.target_partner_id, flow.source_partner_id),
        ):
            if me is None:
                continue
            line = b.t(f"documents.flow_{direction}.{flow.type.value}", other=b.name(other))
            if flow.description:
                line += f": {flow.description}"
            lines[me].append(line)
    return lines


def _engagements(b: Builder) -> list[dict[str, Any]]:
    rows = []
    hosted: dict[str, list[str]] = defaultdict(list)
    for ap in b.dossier.access_points:
        if ap.host_partner_id:
            where = f" ({ap.municipality})" if ap.municipality else ""
            hosted[ap.host_partner_id].append(f"{ap.name}{where}")
    flow_lines = _flow_lines(b)
    for p in b.dossier.partners:
        roles = []
        for r in b.roles_of[p.id]:
            label = b.role_label(r.role)
            text = r.engagement or b.todo("rollen", "engagement", partner=p.name, role=label)
            extras = []
            if r.objectives:
                extras.append(b.t("documents.objectives", objectives=b.objective_labels(r.objectives)))
            if r.capacity:
                extras.append(b.t("documents.capacity", capacity=r.capacity))
            if r.budget.total:
                extras.append(b.t("documents.role_budget", amount=b.money(r.budget.total)))
            roles.append({"label": label, "text": text, "details": "; ".join(extras)})
        if not roles:
            roles.append(
                {
                    "label": b.t("documents.role"),
                    "text": b.todo("rollen", "no_role", partner=p.name),
                    "details": "",
                }
            )
        links = list(flow_lines.get(p.id, ()))
        if hosted.get(p.id):
            count = len(hosted[p.id])
            links.insert(0, b.plural("documents.hosts", count, places=b.join(hosted[p.id])))
        rows.append({"name": p.name, "roles": roles, "links": links})
    return rows


def _role_matrix(b: Builder) -> list[dict[str, str]]:
    rows = []
    for p in b.dossier.partners:
        mine = b.roles_of[p.id]
        covered = {o for r in mine for o in r.objectives}
        covered |= {o for a in b.dossier.access_points if a.host_partner_id == p.id for o in a.objectives}
        rows.append(
            {
                "name": p.name,
                "roles": ", ".join(b.role_label(r) for r in b.dossier.held_roles(p.id)) or DASH,
                "toegang": b.check(Objective.TOEGANG in covered),
                "vaardigheden": b.check(Objective.VAARDIGHEDEN in covered),
                "ondersteuning": b.check(Objective.ONDERSTEUNING in covered),
                "capacity": "; ".join(r.capacity for r in mine if r.capacity) or DASH,
            }
        )
    return b.rows_or_todo(
        rows,
        ("name", "roles", "toegang", "vaardigheden", "ondersteuning", "capacity"),
        "bijlagen",
        "no_partners",
    )


# ---------------------------------------------------------------- governance


def _governance(b: Builder, promotor: dict[str, Any]) -> dict[str, Any]:
    g = b.dossier.governance
    sg = g.stuurgroep
    places = ("governance",)
    members = b.names(sg.member_partner_ids) if sg.member_partner_ids else b.todo(places, "sg_members")
    if sg.chair_partner_id:
        chair = b.name(sg.chair_partner_id)
    elif promotor["exists"]:
        chair = b.todo(places, "sg_chair", promotor=promotor["name"])
    else:
        chair = b.todo(places, "sg_chair_unknown")
    werkgroepen = [
        {
            "name": w.name,
            "purpose": w.purpose or DASH,
            "members": b.names(w.member_partner_ids) or DASH,
            "frequency": w.frequency or DASH,
        }
        for w in g.werkgroepen
    ]
    kb = g.klankbordgroep
    if kb.composition:
        klankbord = kb.composition
        if kb.frequency:
            klankbord += " " + b.t("documents.meets", frequency=kb.frequency)
    else:
        klankbord = b.todo(places, "klankbordgroep")
    return {
        "members": members,
        "chair": chair,
        "frequency": sg.frequency or b.todo(places, "sg_frequency"),
        "decision_rule": sg.decision_rule or b.todo(places, "sg_decision_rule"),
        "werkgroepen": werkgroepen,
        "klankbord": klankbord,
        "narrative": g.narrative,
    }
