"""A consent round on the phones: each partner's representative gives their word, the matrix fills live.

The facilitator opens a round on some strategy sections of a workshop; a phone that joined the
workshop says which partner it represents (one phone per partner per round: a second claim on a
partner is refused, naming who represents it; the facilitator can release a claim), then gives per
section akkoord, onthouding or bezwaar with a reason. Every word goes through the consent rule of
collab/consent.py (checked_word, write_word, leave_ready): the same records, the same "latest word
counts" and the same ready block as the facilitator's consent form.

Each check-then-act runs in one write transaction that holds the workshop's and the dossier's
scopes (the dossier's: the store's save that refuses "ready" while a partner objects holds it too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from workbench import clock
from workbench.collab.acting import Dossiers, authorise, who
from workbench.collab.consent import ConsentError, checked_word, leave_ready, write_word
from workbench.collab.workshop_records import (
    Participant,
    Workshop,
    WorkshopError,
    load_workshop,
    participant_of,
    token_hash,
)
from workbench.dossier.model import SECTION_KEYS, Dossier
from workbench.dossier.records import Consent, Decision
from workbench.store import consent_rounds as sql
from workbench.store import workshops as workshop_sql
from workbench.store.db import Address, Connection, open_backend, scope
from workbench.store.rows import record


class RoundStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class ConsentRound:
    id: int
    workshop_id: int
    dossier_id: int
    sections: tuple[str, ...]
    status: RoundStatus
    opened_by: str
    opened_at: datetime
    closed_by: str | None = None
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


@dataclass(frozen=True)
class RoundRow:
    """One partner in a round: who represents it (None: nobody yet) and its word per section."""

    partner_id: str
    partner_name: str
    representative: str | None
    cells: dict[str, Consent | None]


@dataclass(frozen=True)
class RoundTable:
    """The round's matrix, partners x the round's sections, as the projector shows it."""

    round: ConsentRound
    rows: list[RoundRow]

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rows for c in r.cells.values() if c is not None)


@dataclass(frozen=True)
class PhoneRound:
    """What one phone sees of its workshop's round: the partners, which is theirs, their words."""

    round: ConsentRound
    participant: Participant
    partners: list[tuple[str, str]]  # (id, name) of the dossier's partners, in dossier order
    taken: dict[str, str]  # partner id -> the name of the phone that represents it
    partner_id: str | None  # the partner this phone represents (None: not chosen yet)
    answers: dict[str, Consent] = field(default_factory=dict)


class ConsentRounds:
    """Consent rounds of every workshop in one database."""

    def __init__(self, address: Address) -> None:
        self.backend = open_backend(address)
        self.backend.prepare()

    # ------------------------------------------------------------ facilitator

    def open(self, dossiers: Dossiers, workshop_id: int, sections: list[str], by: str) -> ConsentRound:
        """Open a round on these sections of the workshop's dossier (one open round per workshop)."""
        workshop = self._facilitate(dossiers, workshop_id)
        wanted = set(sections)
        if not wanted:
            raise ConsentError("consent_round.error.no_sections")
        if unknown := sorted(wanted - set(SECTION_KEYS)):
            raise ConsentError("workshop.error.unknown_section", section=unknown[0])
        chosen = [s for s in SECTION_KEYS if s in wanted]
        with self.backend.write(scope("workshop", workshop_id), scope("dossier", workshop.dossier_id)) as db:
            if not load_workshop(db, workshop_id).is_open:
                raise WorkshopError("workshop.error.closed")
            if sql.open_round_of(db, workshop_id) is not None:
                raise ConsentError("consent_round.error.already_open")
            round_id = sql.insert_round(
                db, workshop_id, workshop.dossier_id, chosen, who(dossiers, by), clock.stamp()
            )
            return _round_of(_found(sql.round_row(db, round_id)))

    def close(self, dossiers: Dossiers, round_id: int, by: str) -> ConsentRound:
        """Close a round: its words stay, no phone can give one any more."""
        found = self.get(round_id)
        self._facilitate(dossiers, found.workshop_id)
        with self.backend.write(
            scope("workshop", found.workshop_id), scope("dossier", found.dossier_id)
        ) as db:
            sql.close_round(db, round_id, who(dossiers, by), clock.stamp())
            return _round_of(_found(sql.round_row(db, round_id)))

    def release(self, dossiers: Dossiers, round_id: int, partner_id: str) -> bool:
        """Free a partner claimed by the wrong phone; its words stay. Return whether it was claimed."""
        found = self.get(round_id)
        self._facilitate(dossiers, found.workshop_id)
        with self.backend.write(
            scope("workshop", found.workshop_id), scope("dossier", found.dossier_id)
        ) as db:
            return sql.delete_representative(db, round_id, partner_id)

    def _facilitate(self, dossiers: Dossiers, workshop_id: int) -> Workshop:
        with self.backend.read() as db:
            workshop = load_workshop(db, workshop_id)
        authorise(dossiers, workshop.dossier_id)  # may this person edit the dossier's sections?
        return workshop

    # ------------------------------------------------------------ phones

    def claim(self, dossiers: Dossiers, token: str, round_id: int, partner_id: str) -> PhoneRound:
        """Say which partner this phone represents in the round (one phone per partner)."""
        dossier = self._dossier_of(dossiers, token)
        if dossier.partner(partner_id) is None:
            raise ConsentError("consent.error.unknown_partner")
        with self.backend.write(deferred=True) as db:
            participant, _ = _acting(db, token, round_id)
            claims = {r["partner_id"]: r for r in sql.representatives(db, round_id)}
            mine = next((p for p, r in claims.items() if r["participant_id"] == participant.id), None)
            if mine == partner_id:  # a double tap, or the same choice again after a reload
                pass
            elif mine is not None:
                raise ConsentError("consent_round.error.already_representing", partner=_name(dossier, mine))
            elif partner_id in claims:
                raise ConsentError(
                    "consent_round.error.partner_taken",
                    partner=_name(dossier, partner_id),
                    name=claims[partner_id]["name"],
                )
            else:
                sql.insert_representative(db, round_id, partner_id, participant.id, clock.stamp())
        found = self.phone(dossiers, token)
        assert found is not None  # the token was just found
        return found

    def answer(
        self,
        dossiers: Dossiers,
        token: str,
        round_id: int,
        partner_id: str,
        section: str,
        decision: Decision | str,
        reason: str,
    ) -> Consent:
        """Give the word of the partner this phone represents on one section of the round."""
        dossier = self._dossier_of(dossiers, token)
        decision, reason = checked_word(dossier, section, partner_id, decision, reason)
        now = clock.now()
        with self.backend.write(deferred=True) as db:
            participant, current = _acting(db, token, round_id)
            if section not in current.sections:
                raise ConsentError("consent_round.error.section_not_in_round")
            represented = {r["partner_id"]: r["participant_id"] for r in sql.representatives(db, round_id)}
            if represented.get(partner_id) != participant.id:
                raise ConsentError("consent_round.error.not_your_partner", partner=_name(dossier, partner_id))
            given = _words(sql.round_consents(db, round_id)).get((section, partner_id))
            if given is not None and (given.decision, given.reason) == (decision, reason):
                return given  # a double submit: one record, not two
            word = write_word(
                db,
                current.dossier_id,
                section,
                partner_id,
                decision,
                reason,
                participant.name,
                now,
                workshop_id=current.workshop_id,
                round_id=round_id,
            )
        if decision == Decision.OBJECT:
            leave_ready(dossiers, current.dossier_id, section, partner_id, participant.name)
        return word

    def phone(self, dossiers: Dossiers, token: str) -> PhoneRound | None:
        """Return what this phone sees of its workshop's latest round (None: no round, or no such token)."""
        with self.backend.read() as db:
            row = workshop_sql.participant_by_token(db, token_hash(token)) if token else None
            if row is None:
                return None
            participant = participant_of(row)
            found = sql.latest_round_of(db, participant.workshop_id)
            if found is None:
                return None
            current = _round_of(found)
            claims = sql.representatives(db, current.id)
            words = _words(sql.round_consents(db, current.id))
        dossier = dossiers.load(current.dossier_id).dossier
        mine = next((r["partner_id"] for r in claims if r["participant_id"] == participant.id), None)
        return PhoneRound(
            round=current,
            participant=participant,
            partners=[(p.id, p.name) for p in dossier.partners],
            taken={r["partner_id"]: r["name"] for r in claims if r["participant_id"] != participant.id},
            partner_id=mine,
            answers={s: c for (s, p), c in words.items() if p == mine and mine is not None},
        )

    # ------------------------------------------------------------ reading

    def get(self, round_id: int) -> ConsentRound:
        with self.backend.read() as db:
            return _round_of(_found(sql.round_row(db, round_id)))

    def of_workshop(self, workshop_id: int) -> ConsentRound | None:
        """Return the workshop's latest round (open or closed; None: it had none)."""
        with self.backend.read() as db:
            found = sql.latest_round_of(db, workshop_id)
        return _round_of(found) if found else None

    def table(self, round_id: int, dossier: Dossier) -> RoundTable:
        """Return the round's matrix: current partners x the round's sections, with this round's words."""
        with self.backend.read() as db:
            current = _round_of(_found(sql.round_row(db, round_id)))
            claims = {r["partner_id"]: r["name"] for r in sql.representatives(db, round_id)}
            words = _words(sql.round_consents(db, round_id))
        rows = [
            RoundRow(p.id, p.name, claims.get(p.id), {s: words.get((s, p.id)) for s in current.sections})
            for p in dossier.partners
        ]
        return RoundTable(current, rows)

    def _dossier_of(self, dossiers: Dossiers, token: str) -> Dossier:
        with self.backend.read() as db:
            row = workshop_sql.participant_by_token(db, token_hash(token)) if token else None
            if row is None:
                raise WorkshopError("workshop.error.unknown_participant")
            dossier_id = load_workshop(db, row["workshop_id"]).dossier_id
        return dossiers.load(dossier_id).dossier


# ---------------------------------------------------------------- internals


def _acting(db: Connection, token: str, round_id: int) -> tuple[Participant, ConsentRound]:
    """Find the phone's participant, lock its workshop and dossier, then check the round is open."""
    row = workshop_sql.participant_by_token(db, token_hash(token)) if token else None
    if row is None:
        raise WorkshopError("workshop.error.unknown_participant")
    participant = participant_of(row)
    dossier_id = load_workshop(db, participant.workshop_id).dossier_id  # a workshop never changes dossier
    db.lock(scope("workshop", participant.workshop_id), scope("dossier", dossier_id))  # one call: one order
    if not load_workshop(db, participant.workshop_id).is_open:
        raise WorkshopError("workshop.error.closed")
    found = sql.round_row(db, round_id)
    if found is None or found["workshop_id"] != participant.workshop_id:
        raise ConsentError("consent_round.error.unknown_round")
    current = _round_of(found)
    if not current.is_open:
        raise ConsentError("consent_round.error.closed")
    return participant, current


def _found(row: dict[str, Any] | None) -> dict[str, Any]:
    if row is None:
        raise ConsentError("consent_round.error.unknown_round")
    return row


def _round_of(row: dict[str, Any]) -> ConsentRound:
    return record(ConsentRound, row)


def _words(rows: list[dict[str, Any]]) -> dict[tuple[str, str], Consent]:
    return {(r["section"], r["partner_id"]): record(Consent, r) for r in rows}


def _name(dossier: Dossier, partner_id: str) -> str:
    found = dossier.partner(partner_id)
    return found.name if found else partner_id
