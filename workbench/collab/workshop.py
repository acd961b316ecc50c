"""Workshop co-creation: join with a short code, add ideas, dot-vote, promote ideas into a section.

A facilitator starts a workshop on one strategy section of a dossier. Participants join with
the workshop's short code and a name only (no account): the token they get back lives in their
browser session and lets them add ideas and vote in that one workshop, nothing else. The
facilitator clusters ideas, adds alternative formulations to vote on, and promotes the chosen
ones into the section's narrative: a normal versioned save through the dossier store, whose
revision carries the vote record, so the section's history shows what the group decided.

Every read-modify-write runs in one BEGIN IMMEDIATE transaction: dots and limits hold when
thirty phones press at once.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from workbench import clock
from workbench.access.rate_limits import LOCAL_CLIENT, JoinLimits, Limiter, Throttled, join_checks
from workbench.collab.acting import Dossiers, authorise, who
from workbench.collab.acting import name as acting_name
from workbench.dossier.fields import clean_line, clean_text
from workbench.dossier.model import SECTION_KEYS
from workbench.dossier.units import Change, section_unit
from workbench.i18n import t
from workbench.refusal import Refusal
from workbench.store import workshops as sql
from workbench.store.db import connect, prepare, write
from workbench.store.rows import record

# No 0/O, 1/I/L: a code read from a projector across a room must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
PROMOTED_ACTION = "workshop"  # the revision action of a promotion (history: "uit workshop")
TALLY_ROWS = 50  # ideas kept with their votes in a promotion's vote record
TALLY_TEXT = 200  # characters of each idea kept there


@dataclass(frozen=True)
class Limits:
    """Size and rate limits: participants type on phones, and user text is data, not trust."""

    name_max: int = 40
    idea_max: int = 500
    label_max: int = 60
    ideas_per_participant: int = 30
    ideas_per_workshop: int = 1000
    participants_per_workshop: int = 200
    burst_ideas: int = 5  # at most this many ideas ...
    burst_seconds: int = 15  # ... per participant within this many seconds
    dots_max: int = 20
    round_max_seconds: int = 3600


class WorkshopError(Refusal):
    """A refused workshop action; `reason` is a catalogue key, `params` fill it in."""


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class IdeaKind(StrEnum):
    IDEA = "idea"  # from a participant
    FORMULATION = "formulation"  # an alternative wording of the section, from the facilitator


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Workshop:
    id: int
    dossier_id: int
    section: str
    code: str
    status: Status
    dots: int
    base_revision: int  # the dossier revision when the workshop started
    started_at: datetime
    started_by: str
    round_started_at: datetime | None
    round_seconds: int | None
    closed_at: datetime | None
    closed_by: str | None

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    def remaining(self, now: datetime | None = None) -> int | None:
        """Return the seconds left in the current round (0: over), None when no round runs."""
        if self.round_started_at is None or self.round_seconds is None:
            return None
        end = self.round_started_at + timedelta(seconds=self.round_seconds)
        left = (end - (now or clock.now())).total_seconds()
        return max(0, int(left + 0.999))


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    workshop_id: int
    name: str
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class Joined:
    """A participant who just joined: the token is shown this once and kept in their browser."""

    participant: Participant
    token: str
    workshop: Workshop


@dataclass(frozen=True, slots=True)
class Idea:
    id: int
    workshop_id: int
    participant_id: int | None
    author: str
    kind: IdeaKind
    text: str
    cluster: str
    created_at: datetime
    votes: int = 0


@dataclass(frozen=True)
class Board:
    """What the projector shows: the ideas with their dots, biggest first."""

    workshop: Workshop
    ideas: list[Idea]
    participants: int
    votes: int
    promoted: frozenset[int] = field(default_factory=frozenset)

    def clusters(self) -> list[tuple[str, list[Idea]]]:
        """Group the ideas by cluster label, labelled groups first (in label order)."""
        groups: dict[str, list[Idea]] = {}
        for idea in self.ideas:
            groups.setdefault(idea.cluster, []).append(idea)
        return sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold()))


@dataclass(frozen=True)
class ParticipantView:
    """What one participant sees on their phone: all ideas to vote on, their own, their dots."""

    participant: Participant
    workshop: Workshop
    ideas: list[Idea]
    my_votes: frozenset[int]

    @property
    def dots_left(self) -> int:
        return max(0, self.workshop.dots - len(self.my_votes))

    @property
    def mine(self) -> list[Idea]:
        return [i for i in self.ideas if i.participant_id == self.participant.id]


# ---------------------------------------------------------------- the core


class Workshops:
    """Workshops of every dossier in one database file."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        limits: Limits | None = None,
        join_limits: JoinLimits | None = None,
    ) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self.join_limits = join_limits or JoinLimits()
        prepare(self.path)

    # ------------------------------------------------------------ facilitator

    def start(self, dossiers: Dossiers, dossier_id: int, section: str, by: str, dots: int = 3) -> Workshop:
        """Open a workshop on one strategy section, with a fresh short code."""
        record = authorise(dossiers, dossier_id)
        if section not in SECTION_KEYS:
            raise WorkshopError("workshop.error.unknown_section", section=section)
        if not 1 <= dots <= self.limits.dots_max:
            raise WorkshopError("workshop.error.dots", max=self.limits.dots_max)
        now = clock.stamp()
        with write(self.path) as db:
            code = _new_code(db)
            workshop_id = sql.insert_workshop(
                db,
                {
                    "dossier_id": dossier_id,
                    "section": section,
                    "code": code,
                    "status": Status.OPEN.value,
                    "dots": dots,
                    "base_revision": record.revision,
                    "started_at": now,
                    "started_by": who(dossiers, by),
                },
            )
        return self.get(workshop_id)

    def close(self, dossiers: Dossiers, workshop_id: int, by: str) -> Workshop:
        """Close a workshop: its code no longer admits anyone, ideas and votes are final."""
        self._facilitate(dossiers, workshop_id)
        with write(self.path) as db:
            sql.update_workshop(
                db,
                workshop_id,
                {"status": Status.CLOSED.value, "closed_at": clock.stamp(), "closed_by": who(dossiers, by)},
            )
        return self.get(workshop_id)

    def start_round(self, dossiers: Dossiers, workshop_id: int, seconds: int) -> Workshop:
        """Start the visible timer of a round (a new round replaces a running one)."""
        self._facilitate(dossiers, workshop_id)
        if not 10 <= seconds <= self.limits.round_max_seconds:
            raise WorkshopError("workshop.error.round", max=self.limits.round_max_seconds // 60)
        with write(self.path) as db:
            sql.update_workshop(
                db, workshop_id, {"round_started_at": clock.stamp(), "round_seconds": seconds}
            )
        return self.get(workshop_id)

    def stop_round(self, dossiers: Dossiers, workshop_id: int) -> Workshop:
        """Stop the timer."""
        self._facilitate(dossiers, workshop_id)
        with write(self.path) as db:
            sql.update_workshop(db, workshop_id, {"round_started_at": None, "round_seconds": None})
        return self.get(workshop_id)

    def cluster(self, dossiers: Dossiers, workshop_id: int, idea_ids: Iterable[int], label: str) -> int:
        """Give ideas a cluster label ('' takes them out of their cluster); return how many changed."""
        self._facilitate(dossiers, workshop_id)
        label = clean_line(label)
        if len(label) > self.limits.label_max:
            raise WorkshopError("workshop.error.label_too_long", max=self.limits.label_max)
        with write(self.path) as db:
            return sql.set_cluster(db, workshop_id, sorted(set(idea_ids)), label)

    def hide(self, dossiers: Dossiers, workshop_id: int, idea_id: int) -> None:
        """Take an idea off the board (spam, a duplicate); its dots go back to the voters."""
        self._facilitate(dossiers, workshop_id)
        with write(self.path) as db:
            if sql.idea_row(db, workshop_id, idea_id) is None:
                raise WorkshopError("workshop.error.unknown_idea")
            sql.hide_idea(db, workshop_id, idea_id)

    def add_formulation(self, dossiers: Dossiers, workshop_id: int, text: str, by: str) -> Idea:
        """Put an alternative formulation of the section on the board, for the group to vote on."""
        self._facilitate(dossiers, workshop_id)
        text = self._idea_text(text)
        with write(self.path) as db:
            workshop = _workshop(db, workshop_id)
            self._check_room(db, workshop)
            idea_id = sql.insert_idea(
                db,
                {
                    "workshop_id": workshop_id,
                    "participant_id": None,
                    "author": who(dossiers, by),
                    "kind": IdeaKind.FORMULATION.value,
                    "text": text,
                    "created_at": clock.stamp(),
                },
            )
            return _idea(_one(sql.idea_row(db, workshop_id, idea_id)))

    def promote(
        self,
        dossiers: Dossiers,
        workshop_id: int,
        idea_ids: Iterable[int],
        text: str,
        base_version: int,
        by: str,
    ) -> int:
        """Save the chosen ideas, worded as `text`, as the section's narrative; return the revision.

        The save is based on the section version the facilitator loaded: when someone changed
        the section meanwhile the store raises EditConflict and nothing is saved. The revision
        carries the vote record: the promoted ideas with their dots and the tally of the board.
        """
        workshop = self._facilitate(dossiers, workshop_id)
        wanted = set(idea_ids)
        board = self.board(workshop_id)
        chosen = [i for i in board.ideas if i.id in wanted]
        if not wanted or len(chosen) != len(wanted):
            raise WorkshopError("workshop.error.unknown_idea")
        narrative = clean_text(text).strip()
        if not narrative:
            raise WorkshopError("workshop.error.text_empty")
        record = dossiers.load(workshop.dossier_id)
        section = getattr(record.dossier.strategy, workshop.section)
        change = Change(
            unit=section_unit(workshop.section),
            data={**section.model_dump(mode="json"), "narrative": narrative},
            base_version=base_version,
        )
        by = who(dossiers, by)
        note = vote_record(board, chosen, by)
        return dossiers.apply(workshop.dossier_id, [change], by=by, action=PROMOTED_ACTION, note=note)

    def _facilitate(self, dossiers: Dossiers, workshop_id: int) -> Workshop:
        workshop = self.get(workshop_id)
        authorise(dossiers, workshop.dossier_id)
        return workshop

    # ------------------------------------------------------------ participants

    def join(self, code: str, name: str, client: str = LOCAL_CLIENT, now: datetime | None = None) -> Joined:
        """Join an open workshop with its code and a name; return the participant's token.

        A wrong code counts against the join limits of the client (its address) and of everyone,
        reserved before the lookup so that parallel guesses cannot slip past. A closed workshop's
        code answers exactly like an unknown one: a stranger guessing learns nothing.
        """
        wanted = normalise_code(code)
        name = acting_name(name, default="")
        if not name:
            raise WorkshopError("workshop.error.name_empty")
        if len(name) > self.limits.name_max:
            raise WorkshopError("workshop.error.name_too_long", max=self.limits.name_max)
        try:
            reservation = Limiter(self.path, now).reserve(join_checks(self.join_limits, client))
        except Throttled as throttled:
            minutes = throttled.minutes
            reason = "workshop.error.throttled" if minutes > 1 else "workshop.error.throttled_minute"
            raise WorkshopError(reason, minutes=minutes) from None
        token = secrets.token_urlsafe(24)
        stamp = clock.stamp(now)
        with write(self.path) as db:
            # One query for unknown and closed alike: the same answer along the same path.
            row = sql.open_workshop_by_code(db, wanted)
            if row is None:
                raise WorkshopError("workshop.error.unknown_code")
            workshop = _workshop_of(row)
            if sql.participant_count(db, workshop.id) >= self.limits.participants_per_workshop:
                raise WorkshopError("workshop.error.full")
            participant_id = sql.insert_participant(db, workshop.id, name, _hash(token), stamp)
        reservation.release()  # a right code is no guess
        participant = Participant(participant_id, workshop.id, name, clock.moment(stamp))
        return Joined(participant=participant, token=token, workshop=workshop)

    def participant(self, token: str) -> Participant | None:
        """Return who holds this token (None: unknown token)."""
        with connect(self.path) as db:
            row = sql.participant_by_token(db, _hash(token))
        return _participant(row) if row else None

    def add_idea(self, token: str, text: str) -> Idea:
        """Add a participant's idea to their workshop's board."""
        text = self._idea_text(text)
        now = clock.now()
        with write(self.path) as db:
            participant, workshop = _acting(db, token)
            if sql.ideas_by(db, participant.id) >= self.limits.ideas_per_participant:
                raise WorkshopError("workshop.error.too_many_ideas", max=self.limits.ideas_per_participant)
            since = clock.stamp(now - timedelta(seconds=self.limits.burst_seconds))
            if sql.ideas_by(db, participant.id, since) >= self.limits.burst_ideas:
                raise WorkshopError("workshop.error.too_fast", seconds=self.limits.burst_seconds)
            self._check_room(db, workshop)
            idea_id = sql.insert_idea(
                db,
                {
                    "workshop_id": workshop.id,
                    "participant_id": participant.id,
                    "author": participant.name,
                    "kind": IdeaKind.IDEA.value,
                    "text": text,
                    "created_at": clock.stamp(now),
                },
            )
            return _idea(_one(sql.idea_row(db, workshop.id, idea_id)))

    def vote(self, token: str, idea_id: int) -> int:
        """Put one of the participant's dots on an idea (at most one per idea); return dots left."""
        with write(self.path) as db:
            participant, workshop = _acting(db, token)
            idea = sql.idea_row(db, workshop.id, idea_id)
            if idea is None or idea["hidden"]:
                raise WorkshopError("workshop.error.unknown_idea")
            mine = sql.votes_of(db, participant.id)
            if idea_id in mine:
                return workshop.dots - len(mine)  # a double click counts once
            if len(mine) >= workshop.dots:
                raise WorkshopError("workshop.error.no_dots_left", dots=workshop.dots)
            sql.insert_vote(db, workshop.id, participant.id, idea_id, clock.stamp())
            return workshop.dots - len(mine) - 1

    def unvote(self, token: str, idea_id: int) -> int:
        """Take a dot back from an idea; return dots left."""
        with write(self.path) as db:
            participant, workshop = _acting(db, token)
            sql.delete_vote(db, participant.id, idea_id)
            return workshop.dots - len(sql.votes_of(db, participant.id))

    def view(self, token: str) -> ParticipantView | None:
        """Return what one participant sees (None: unknown token)."""
        with connect(self.path) as db:
            row = sql.participant_by_token(db, _hash(token))
            if row is None:
                return None
            participant = _participant(row)
            workshop = _workshop(db, participant.workshop_id)
            ideas = [_idea(r) for r in sql.idea_rows(db, workshop.id)]
            mine = frozenset(sql.votes_of(db, participant.id))
        return ParticipantView(participant=participant, workshop=workshop, ideas=ideas, my_votes=mine)

    # ------------------------------------------------------------ reading

    def get(self, workshop_id: int) -> Workshop:
        """Return one workshop."""
        with connect(self.path) as db:
            return _workshop(db, workshop_id)

    def by_code(self, code: str) -> Workshop | None:
        """Return the workshop with this code, open or closed (None: no such code)."""
        wanted = normalise_code(code)
        if not wanted:
            return None
        with connect(self.path) as db:
            row = sql.workshop_by_code(db, wanted)
        return _workshop_of(row) if row else None

    def of_dossier(self, dossier_id: int) -> list[Workshop]:
        """Return a dossier's workshops, newest first."""
        with connect(self.path) as db:
            return [_workshop_of(r) for r in sql.workshops_of(db, dossier_id)]

    def board(self, workshop_id: int) -> Board:
        """Return the board: visible ideas by dots (most first, then oldest first) and the counts."""
        with connect(self.path) as db:
            workshop = _workshop(db, workshop_id)
            ideas = [_idea(r) for r in sql.idea_rows(db, workshop_id)]
            participants = sql.participant_count(db, workshop_id)
            votes = sql.vote_count(db, workshop_id)
            promoted = {
                i["id"]
                for n in sql.promotion_notes(db, workshop.dossier_id, workshop_id)
                for i in n["note"].get("ideas", [])
            }
        ideas.sort(key=lambda i: (-i.votes, i.id))
        return Board(workshop, ideas, participants, votes, frozenset(promoted))

    def decisions(self, workshop_id: int) -> list[dict[str, Any]]:
        """Return the vote records of the promotions this workshop made, oldest first."""
        with connect(self.path) as db:
            workshop = _workshop(db, workshop_id)
            return sql.promotion_notes(db, workshop.dossier_id, workshop_id)

    # ------------------------------------------------------------ helpers

    def _idea_text(self, text: str) -> str:
        text = clean_text(text).strip()
        if not text:
            raise WorkshopError("workshop.error.idea_empty")
        if len(text) > self.limits.idea_max:
            raise WorkshopError("workshop.error.idea_too_long", max=self.limits.idea_max)
        return text

    def _check_room(self, db: Any, workshop: Workshop) -> None:
        if sql.idea_count(db, workshop.id) >= self.limits.ideas_per_workshop:
            raise WorkshopError("workshop.error.board_full", max=self.limits.ideas_per_workshop)


def vote_record(board: Board, chosen: list[Idea], by: str) -> dict[str, Any]:
    """Describe a promotion for the section's history: what was chosen, with how many dots."""
    w = board.workshop
    ranked = [i for i in board.ideas if i.votes > 0][:TALLY_ROWS]
    return {
        "workshop": {"id": w.id, "code": w.code, "section": w.section},
        "promoted_by": by,
        "participants": board.participants,
        "dots": w.dots,
        "votes_cast": board.votes,
        "ideas": [
            {
                "id": i.id,
                "kind": i.kind.value,
                "author": i.author,
                "text": i.text,
                "cluster": i.cluster,
                "votes": i.votes,
            }
            for i in chosen
        ],
        "tally": [{"id": i.id, "text": i.text[:TALLY_TEXT], "votes": i.votes} for i in ranked],
    }


def note_line(note: dict[str, Any] | None, lang: str) -> str:
    """Describe a revision's note in one line for the history ('' when there is none)."""
    if not note:
        return ""
    if "workshop" in note:
        ideas = note.get("ideas", [])
        return t(
            "workshop.note",
            lang,
            code=note["workshop"].get("code", "?"),
            count=len(ideas),
            votes=", ".join(str(i.get("votes", 0)) for i in ideas),
            by=note.get("promoted_by", "?"),
            cast=note.get("votes_cast", 0),
            people=note.get("participants", 0),
        )
    if "consent" in note:
        return t("consent.note", lang, section=t(f"section.{note['consent'].get('section', '')}", lang))
    return ""


def normalise_code(raw: str) -> str:
    """Read a code as typed on a phone: case, spaces and dashes do not matter ('' when invalid)."""
    code = "".join(raw.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return ""
    return code


# ---------------------------------------------------------------- internals


def _new_code(db: Any) -> str:
    while True:  # 31^6 codes: a collision is rare, and the unique index would catch a race
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not sql.code_taken(db, code):
            return code


def _acting(db: Any, token: str) -> tuple[Participant, Workshop]:
    row = sql.participant_by_token(db, _hash(token)) if token else None
    if row is None:
        raise WorkshopError("workshop.error.unknown_participant")
    participant = _participant(row)
    workshop = _workshop(db, participant.workshop_id)
    if not workshop.is_open:
        raise WorkshopError("workshop.error.closed")
    return participant, workshop


def _workshop(db: Any, workshop_id: int) -> Workshop:
    row = sql.workshop_row(db, workshop_id)
    if row is None:
        raise WorkshopError("workshop.error.unknown_workshop")
    return _workshop_of(row)


def _workshop_of(row: dict[str, Any]) -> Workshop:
    return record(Workshop, row)


def _participant(row: dict[str, Any]) -> Participant:
    return record(Participant, row)


def _idea(row: dict[str, Any]) -> Idea:
    return record(Idea, row, votes=int(row.get("votes") or 0))


def _one(row: dict[str, Any] | None) -> dict[str, Any]:
    if row is None:
        raise WorkshopError("workshop.error.unknown_idea")
    return row


def _hash(token: str) -> str:
    # Only a hash is stored: reading the database file does not let anyone act as a participant.
    return hashlib.sha256(token.encode()).hexdigest()
