"""What a workshop is made of: the workshop, participants, ideas, the board, a phone's view; its refusals."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from workbench import clock
from workbench.refusal import Refusal
from workbench.store import workshops as sql
from workbench.store.rows import record

# No 0/O, 1/I/L: a code read from a projector across a room must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


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
    # A take-back this soon after the dot was given is the second tap of a double tap: ignored.
    retract_after_seconds: float = 1.0
    round_max_seconds: int = 3600


class WorkshopError(Refusal):
    """A refused workshop action; `reason` is a catalogue key, `params` fill it in."""


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class IdeaKind(StrEnum):
    IDEA = "idea"  # from a participant
    FORMULATION = "formulation"  # an alternative wording of the section, from the facilitator


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
    votes_hidden: bool = False  # a hidden vote: no counts and no order in the room until revealed

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

    @property
    def hidden(self) -> bool:
        """Tell whether this board is the room's view of a hidden vote (no counts, oldest first)."""
        return self.workshop.votes_hidden

    def for_the_room(self) -> Board:
        """Return what the room may see: during a hidden vote no counts and no order by dots."""
        if not self.workshop.votes_hidden:
            return self
        masked = sorted((replace(i, votes=0) for i in self.ideas), key=lambda i: i.id)
        return Board(self.workshop, masked, self.participants, 0, self.promoted)

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


def normalise_code(raw: str) -> str:
    """Read a code as typed on a phone: case, spaces and dashes do not matter ('' when invalid)."""
    code = "".join(raw.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return ""
    return code


# ---------------------------------------------------------------- rows as records


def load_workshop(db: Any, workshop_id: int) -> Workshop:
    row = sql.workshop_row(db, workshop_id)
    if row is None:
        raise WorkshopError("workshop.error.unknown_workshop")
    return workshop_of(row)


def workshop_of(row: dict[str, Any]) -> Workshop:
    return record(Workshop, row)


def participant_of(row: dict[str, Any]) -> Participant:
    return record(Participant, row)


def idea_of(row: dict[str, Any]) -> Idea:
    return record(Idea, row, votes=int(row.get("votes") or 0))


def browser_token(browser: str, code: str) -> str:
    """Return the participant token of one browser in one workshop, made again from its cookie on a reload."""
    # The browser cookie is a server-set HttpOnly secret: a token derived from it needs no storage in
    # the browser and survives a reload, a locked screen and an app switch; one browser, one person.
    return "b." + hashlib.sha256(f"workshop-participant:{code}:{browser}".encode()).hexdigest()


def token_hash(token: str) -> str:
    # Only a hash is stored: reading the database file does not let anyone act as a participant.
    return hashlib.sha256(token.encode()).hexdigest()


def found_idea(row: dict[str, Any] | None) -> dict[str, Any]:
    """Return the row of an idea that must exist (WorkshopError when it does not)."""
    if row is None:
        raise WorkshopError("workshop.error.unknown_idea")
    return row
