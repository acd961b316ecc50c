"""Consent per partner and section: agree, abstain or object (with a reason); the latest word counts.

The dossier store refuses status "ready" while any current partner's latest word on a section
is an objection (ReadyWhileObjecting). An objection recorded on a dossier that is already ready
sets it back to "in_review", so that rule also holds afterwards.
"""

from __future__ import annotations

from datetime import datetime

from workbench import clock
from workbench.collab.acting import Dossiers, authorise, who
from workbench.dossier.fields import clean_text
from workbench.dossier.model import SECTION_KEYS, Dossier, DossierStatus
from workbench.dossier.records import Consent, ConsentRow, Decision, EditConflict
from workbench.dossier.units import Change, identity_unit
from workbench.refusal import Refusal
from workbench.store import workshops as sql
from workbench.store.db import Address, Connection, open_backend, scope
from workbench.store.rows import record

REASON_MAX = 1000


class ConsentError(Refusal):
    """A refused consent (unknown partner or section, an objection without reason)."""


class Consents:
    """Consent records of every dossier in one database."""

    def __init__(self, address: Address) -> None:
        self.backend = open_backend(address)
        self.backend.prepare()

    def record(
        self,
        dossiers: Dossiers,
        dossier_id: int,
        section: str,
        partner_id: str,
        decision: Decision | str,
        reason: str,
        by: str,
        workshop_id: int | None = None,
    ) -> Consent:
        """Record a partner's word on a section; an objection needs a reason."""
        record = authorise(dossiers, dossier_id)  # may this person edit the dossier's sections?
        decision, reason = checked_word(record.dossier, section, partner_id, decision, reason)
        now = clock.now()
        by = who(dossiers, by)
        # The dossier's scope, as the store's save that refuses "ready" while a partner objects.
        with self.backend.write(scope("dossier", dossier_id)) as db:
            word = write_word(db, dossier_id, section, partner_id, decision, reason, by, now, workshop_id)
        if decision == Decision.OBJECT:
            leave_ready(dossiers, dossier_id, section, partner_id, by)
        return word

    def latest(self, dossier_id: int) -> dict[tuple[str, str], Consent]:
        """Return the latest word per (section, partner)."""
        with self.backend.read() as db:
            rows = sql.latest_consents(db, dossier_id)
        return {(r["section"], r["partner_id"]): record(Consent, r) for r in rows}

    def matrix(self, dossier_id: int, dossier: Dossier) -> list[ConsentRow]:
        """Return partners x sections, in dossier order (partners no longer in it are left out)."""
        latest = self.latest(dossier_id)
        return [
            ConsentRow(
                partner_id=p.id,
                partner_name=p.name,
                cells={s: latest.get((s, p.id)) for s in SECTION_KEYS},
            )
            for p in dossier.partners
        ]

    def objections(self, dossier_id: int, dossier: Dossier) -> list[tuple[str, Consent]]:
        """Return (partner name, consent) for every standing objection of a current partner."""
        return [(row.partner_name, c) for row in self.matrix(dossier_id, dossier) for c in row.objections]


def consent_matrix(address: Address, dossier_id: int, dossier: Dossier) -> list[ConsentRow]:
    """Return the consent matrix of a dossier: what the strategy document shows."""
    return Consents(address).matrix(dossier_id, dossier)


def checked_word(
    dossier: Dossier, section: str, partner_id: str, decision: Decision | str, reason: str
) -> tuple[Decision, str]:
    """Apply the consent rule: a known section and partner, a decision, a reason for an objection."""
    if section not in SECTION_KEYS:
        raise ConsentError("workshop.error.unknown_section", section=section)
    if dossier.partner(partner_id) is None:
        raise ConsentError("consent.error.unknown_partner")
    try:
        decision = Decision(decision)
    except ValueError as exc:
        raise ConsentError("consent.error.decision") from exc
    reason = clean_text(reason).strip()
    if decision == Decision.OBJECT and not reason:
        raise ConsentError("consent.error.reason_required")
    if len(reason) > REASON_MAX:
        raise ConsentError("consent.error.reason_too_long", max=REASON_MAX)
    return decision, reason


def write_word(
    db: Connection,
    dossier_id: int,
    section: str,
    partner_id: str,
    decision: Decision,
    reason: str,
    by: str,
    now: datetime,
    workshop_id: int | None = None,
    round_id: int | None = None,
) -> Consent:
    """Insert a checked word inside the caller's write, which holds the dossier's scope."""
    values: dict[str, object] = {
        "dossier_id": dossier_id,
        "section": section,
        "partner_id": partner_id,
        "decision": decision.value,
        "reason": reason,
        "workshop_id": workshop_id,
        "by": by,
        "at": clock.stamp(now),
    }
    if round_id is not None:
        values["round_id"] = round_id
    sql.insert_consent(db, values)
    return Consent(section, partner_id, decision, reason, by, now, workshop_id, round_id)


def leave_ready(dossiers: Dossiers, dossier_id: int, section: str, partner_id: str, by: str) -> None:
    """Set a ready dossier back to in review: it cannot stay ready with a partner objecting."""
    for _ in range(3):  # someone may save the identity between our load and our save
        record = dossiers.load(dossier_id)
        identity = record.dossier.identity
        if identity.status != DossierStatus.READY:
            return
        change = Change.put(
            identity_unit(),
            identity.model_copy(update={"status": DossierStatus.IN_REVIEW}),
            record.version(identity_unit()),
        )
        try:
            dossiers.apply(
                dossier_id,
                [change],
                by=by,
                action="consent",
                note={"consent": {"section": section, "partner_id": partner_id, "decision": "object"}},
            )
        except EditConflict:
            continue
        return
