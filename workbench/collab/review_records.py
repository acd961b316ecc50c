"""Review records: thread anchors, entries, section verdicts and rubric scores, and their refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workbench.dossier.model import clean_text
from workbench.dossier.steps import STEP_KEYS
from workbench.refusal import Refusal

MAX_COMMENT_LENGTH = 5_000
MAX_REASON_LENGTH = 2_000


class ReviewStatus(StrEnum):
    NOT_REVIEWED = "not_reviewed"
    NEEDS_WORK = "needs_work"
    OK = "ok"


class Level(StrEnum):
    """How far a rubric criterion is in place."""

    NOT_IN_PLACE = "not_in_place"
    PARTLY = "partly"
    FULLY = "fully"


class ThreadStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class EntryKind(StrEnum):
    COMMENT = "comment"
    RESOLVED = "resolved"
    REOPENED = "reopened"


class ReviewError(Refusal):
    """A refused review action; `reason` is a catalogue key."""


class ThreadNotFound(ReviewError):
    def __init__(self, thread_id: int) -> None:
        super().__init__("comments.thread_not_found", id=thread_id)
        self.thread_id = thread_id


class Anchor(BaseModel):
    """Where a thread hangs: a step, optionally one field, one item of a list (by its key), a clause."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    step: str
    field: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")] | None = None
    clause: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")] | None = None
    # The stable key of one item (a partner's or target group's id): it survives renames and reorders.
    item: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")] | None = None

    @field_validator("step")
    @classmethod
    def _known_step(cls, value: str) -> str:
        if value not in STEP_KEYS:
            raise ValueError(f"unknown step {value!r}")
        return value


@dataclass(frozen=True, slots=True)
class Entry:
    """One message of a thread, or the moment it was resolved or reopened."""

    id: int
    kind: EntryKind
    body: str
    author: str
    author_id: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class Thread:
    id: int
    dossier_id: int
    anchor: Anchor
    responsible_partner: str | None
    status: ThreadStatus
    created_by: str
    created_at: datetime
    updated_at: datetime
    entries: tuple[Entry, ...]
    assignee_id: int | None = None  # a member who should act on it (besides a responsible partner)
    assigned_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status == ThreadStatus.OPEN

    @property
    def comments(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == EntryKind.COMMENT)

    @property
    def last_status_change(self) -> Entry | None:
        """Return who resolved or reopened the thread last, and when."""
        return next((e for e in reversed(self.entries) if e.kind != EntryKind.COMMENT), None)


@dataclass(frozen=True, slots=True)
class SectionReview:
    step: str
    status: ReviewStatus
    reason: str
    by: str
    at: datetime
    revision: int | None = None  # the dossier revision the verdict judged (None: given before it was kept)


@dataclass(frozen=True, slots=True)
class RubricScore:
    """A coach's own verdict on one criterion, overriding the pre-filled level."""

    criterion: str
    level: Level
    reason: str
    by: str
    at: datetime


def clean_review_text(value: str, limit: int, *, required: bool) -> str:
    """Return review text cleaned, or refuse it when empty (if required) or too long."""
    cleaned = clean_text(value).strip()
    if required and not cleaned:
        raise ReviewError("comments.empty")
    if len(cleaned) > limit:
        raise ReviewError("comments.too_long", max=limit)
    return cleaned
