"""Reference integrity of a dossier: unique ids, and every reference pointing at something."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Referencing(Protocol):
    """What the check reads of a dossier: the model's Dossier, which calls it from its own validator."""

    @property
    def partners(self) -> Sequence[Any]: ...
    @property
    def roles(self) -> Sequence[Any]: ...
    @property
    def flows(self) -> Sequence[Any]: ...
    @property
    def access_points(self) -> Sequence[Any]: ...
    @property
    def processing(self) -> Sequence[Any]: ...
    @property
    def governance(self) -> Any: ...
    @property
    def strategy(self) -> Any: ...
    @property
    def planning(self) -> Any: ...
    @property
    def signatories(self) -> Sequence[Any]: ...
    @property
    def funding_streams(self) -> Sequence[Any]: ...
    @property
    def funding_lines(self) -> Sequence[Any]: ...
    @property
    def trajectories(self) -> Sequence[Any]: ...
    @property
    def lending(self) -> Any: ...
    def role_keys(self) -> Sequence[str]: ...


def dangling_references(dossier: Referencing) -> list[tuple[tuple[Any, ...], str, str]]:
    """List (location, kind, value) for every duplicate id or reference to nothing."""
    found: list[tuple[tuple[Any, ...], str, str]] = []
    partners = {p.id for p in dossier.partners}

    def unique(items: Sequence[Any], field: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                found.append(((field, i, "id"), "duplicate", item.id))
            seen.add(item.id)
        return seen

    def check(loc: tuple[Any, ...], value: str | None, known: set[str], kind: str) -> None:
        if value is not None and value not in known:
            found.append((loc, kind, value))

    unique(dossier.partners, "partners")
    for field in (
        "roles",
        "flows",
        "access_points",
        "processing",
        "signatories",
        "funding_streams",
        "funding_lines",
        "trajectories",
    ):
        unique(getattr(dossier, field), field)
    roles = set(dossier.role_keys())
    streams = {s.id for s in dossier.funding_streams}
    for i, partner in enumerate(dossier.partners):
        check(("partners", i, "acts_via_partner_id"), partner.acts_via_partner_id, partners, "partner")
    for i, sig in enumerate(dossier.signatories):
        check(("signatories", i, "partner_id"), sig.partner_id, partners, "partner")
    for i, line in enumerate(dossier.funding_lines):
        check(("funding_lines", i, "stream_id"), line.stream_id, streams, "funding_stream")
        check(("funding_lines", i, "partner_id"), line.partner_id, partners, "partner")
        check(("funding_lines", i, "role"), line.role, roles, "role")
    for i, tr in enumerate(dossier.trajectories):
        check(("trajectories", i, "promotor_partner_id"), tr.promotor_partner_id, partners, "partner")
    lending = dossier.lending
    check(("lending", "insured_by_partner_id"), lending.insured_by_partner_id, partners, "partner")
    check(("lending", "revision_partner_id"), lending.revision_partner_id, partners, "partner")
    for i, r in enumerate(dossier.roles):
        check(("roles", i, "partner_id"), r.partner_id, partners, "partner")
        check(("roles", i, "role"), r.role, roles, "role")
        check(("roles", i, "takes_over_from_partner_id"), r.takes_over_from_partner_id, partners, "partner")
    for i, f in enumerate(dossier.flows):
        check(("flows", i, "source_partner_id"), f.source_partner_id, partners, "partner")
        check(("flows", i, "target_partner_id"), f.target_partner_id, partners, "partner")
    for i, a in enumerate(dossier.access_points):
        check(("access_points", i, "host_partner_id"), a.host_partner_id, partners, "partner")
    sg = dossier.governance.stuurgroep
    for j, pid in enumerate(sg.member_partner_ids):
        check(("governance", "stuurgroep", "member_partner_ids", j), pid, partners, "partner")
    check(("governance", "stuurgroep", "chair_partner_id"), sg.chair_partner_id, partners, "partner")
    for i, w in enumerate(dossier.governance.werkgroepen):
        for j, pid in enumerate(w.member_partner_ids):
            loc = ("governance", "werkgroepen", i, "member_partner_ids", j)
            check(loc, pid, partners, "partner")
    s = dossier.strategy
    groups = {g.id for g in s.doelgroep.target_groups}
    for i, c in enumerate(s.outreach.channels):
        for j, pid in enumerate(c.toeleider_partner_ids):
            check(
                ("strategy", "outreach", "channels", i, "toeleider_partner_ids", j), pid, partners, "partner"
            )
        for j, gid in enumerate(c.target_group_ids):
            check(("strategy", "outreach", "channels", i, "target_group_ids", j), gid, groups, "target_group")
    for i, act in enumerate(s.sociale_economie.activities):
        check(
            ("strategy", "sociale_economie", "activities", i, "partner_id"),
            act.partner_id,
            partners,
            "partner",
        )
    check(
        ("strategy", "circulariteit", "responsible_partner_id"),
        s.circulariteit.responsible_partner_id,
        partners,
        "partner",
    )
    for i, measure in enumerate(s.connectiviteit.measures):
        check(
            ("strategy", "connectiviteit", "measures", i, "partner_id"),
            measure.partner_id,
            partners,
            "partner",
        )
    for i, ind in enumerate(s.impactmeting.indicators):
        check(
            ("strategy", "impactmeting", "indicators", i, "owner_partner_id"),
            ind.owner_partner_id,
            partners,
            "partner",
        )
    for i, p in enumerate(dossier.processing):
        check(("processing", i, "contact_point_partner_id"), p.contact_point_partner_id, partners, "partner")
        for j, pr in enumerate(p.roles):
            check(("processing", i, "roles", j, "partner_id"), pr.partner_id, partners, "partner")
    for i, milestone in enumerate(dossier.planning.milestones):
        check(
            ("planning", "milestones", i, "owner_partner_id"), milestone.owner_partner_id, partners, "partner"
        )
    return found
