"""Taking part in a workshop with a code and a name only: join, add ideas, put and take back dots.

Participants have no account: the token they get when joining lives in their browser session and
lets them act in that one workshop, nothing else. Every read-modify-write runs in one
write transaction that locks the participant's workshop first (BEGIN IMMEDIATE on SQLite), so
dots and limits hold when thirty phones press at once.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from workbench import clock
from workbench.access.rate_limits import LOCAL_CLIENT, JoinLimits, Limiter, Throttled, join_checks
from workbench.collab.acting import name as acting_name
from workbench.collab.workshop_records import (
    Idea,
    IdeaKind,
    Joined,
    Limits,
    Participant,
    ParticipantView,
    Workshop,
    WorkshopError,
    browser_token,
    found_idea,
    idea_of,
    load_workshop,
    normalise_code,
    participant_of,
    token_hash,
    workshop_of,
)
from workbench.dossier.fields import clean_text
from workbench.store import workshops as sql
from workbench.store.db import Backend, Connection, scope


class Participation:
    """What participants do in the workshops of one database file (Workshops adds the facilitator)."""

    backend: Backend
    limits: Limits
    join_limits: JoinLimits

    def join(
        self,
        code: str,
        name: str,
        client: str = LOCAL_CLIENT,
        now: datetime | None = None,
        browser: str = "",
    ) -> Joined:
        """Join an open workshop with its code and a name; return the participant's token.

        With a browser cookie the token is made from it (browser_token): joining again from that
        browser returns the same participant, with their name, ideas and dots, never a second one.
        A name already on the board (case and spacing aside) is refused to anyone else, so that
        rejoining under the same name never gives more dots nor a second person.

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
            reservation = Limiter(self.backend, now).reserve(join_checks(self.join_limits, client))
        except Throttled as throttled:
            minutes = throttled.minutes
            reason = "workshop.error.throttled" if minutes > 1 else "workshop.error.throttled_minute"
            raise WorkshopError(reason, minutes=minutes) from None
        token = browser_token(browser, wanted) if browser and wanted else secrets.token_urlsafe(24)
        stamp = clock.stamp(now)
        with self.backend.write(deferred=True) as db:
            # One query for unknown and closed alike: the same answer along the same path.
            row = sql.open_workshop_by_code(db, wanted)
            if row is not None:  # a code names one workshop for good: lock it, then look again
                db.lock(scope("workshop", row["id"]))
                row = sql.open_workshop_by_code(db, wanted)
            if row is None:
                raise WorkshopError("workshop.error.unknown_code")
            workshop = workshop_of(row)
            known = sql.participant_by_token(db, token_hash(token))
            taken = name.casefold() in {n.casefold() for n in sql.participant_names(db, workshop.id)}
            if known is None and not taken:
                if sql.participant_count(db, workshop.id) >= self.limits.participants_per_workshop:
                    raise WorkshopError("workshop.error.full")
                participant_id = sql.insert_participant(db, workshop.id, name, token_hash(token), stamp)
        reservation.release()  # a right code is no guess (released after the write: one writer at a time)
        if known is not None:  # this browser joined before: the same person, never a second one
            return Joined(participant=participant_of(known), token=token, workshop=workshop)
        if taken:
            raise WorkshopError("workshop.error.name_taken")
        participant = Participant(participant_id, workshop.id, name, clock.moment(stamp))
        return Joined(participant=participant, token=token, workshop=workshop)

    def rejoin(self, code: str, browser: str) -> Joined | None:
        """Return this browser's participant in the open workshop with this code (None: not joined)."""
        wanted = normalise_code(code)
        if not wanted or not browser:
            return None
        token = browser_token(browser, wanted)
        with self.backend.read() as db:
            row = sql.participant_by_token(db, token_hash(token))
            if row is None:
                return None
            workshop = load_workshop(db, row["workshop_id"])
        if workshop.code != wanted:
            return None
        return Joined(participant=participant_of(row), token=token, workshop=workshop)

    def joined_open(self, browser: str) -> Joined | None:
        """Return this browser's participant in any open workshop (None: it joined none)."""
        if not browser:
            return None
        with self.backend.read() as db:
            codes = sql.open_codes(db)
        return next((j for code in codes if (j := self.rejoin(code, browser)) is not None), None)

    def participant(self, token: str) -> Participant | None:
        """Return who holds this token (None: unknown token)."""
        with self.backend.read() as db:
            row = sql.participant_by_token(db, token_hash(token))
        return participant_of(row) if row else None

    def add_idea(self, token: str, text: str, now: datetime | None = None, anonymous: bool = False) -> Idea:
        """Add a participant's idea to their workshop's board (anonymous: without their name).

        An anonymous idea stores no name; it keeps the participant's id, so that the limits hold
        and their phone lists it as theirs.
        """
        text = self._idea_text(text)
        now = now or clock.now()
        with self.backend.write(deferred=True) as db:
            participant, workshop = _acting(db, token)
            if sql.ideas_by(db, participant.id) >= self.limits.ideas_per_participant:
                raise WorkshopError("workshop.error.too_many_ideas", max=self.limits.ideas_per_participant)
            since = clock.stamp(now - timedelta(seconds=self.limits.burst_seconds))
            if sql.ideas_by(db, participant.id, since) >= self.limits.burst_ideas:
                # The time actually left: until the oldest idea of the window leaves it.
                oldest = clock.moment(sql.oldest_idea_since(db, participant.id, since))
                window = timedelta(seconds=self.limits.burst_seconds)
                left = max(math.ceil((oldest + window - now).total_seconds()), 1)
                if left == 1:
                    raise WorkshopError("workshop.error.too_fast_second")
                raise WorkshopError("workshop.error.too_fast", seconds=left)
            self._check_room(db, workshop)
            idea_id = sql.insert_idea(
                db,
                {
                    "workshop_id": workshop.id,
                    "participant_id": participant.id,
                    "author": "" if anonymous else participant.name,
                    "kind": IdeaKind.IDEA.value,
                    "text": text,
                    "created_at": clock.stamp(now),
                },
            )
            return idea_of(found_idea(sql.idea_row(db, workshop.id, idea_id)))

    def vote(self, token: str, idea_id: int, now: datetime | None = None) -> int:
        """Put one of the participant's dots on an idea (at most one per idea); return dots left."""
        with self.backend.write(deferred=True) as db:
            participant, workshop = _acting(db, token)
            idea = sql.idea_row(db, workshop.id, idea_id)
            if idea is None or idea["hidden"]:
                raise WorkshopError("workshop.error.unknown_idea")
            mine = sql.votes_of(db, participant.id)
            if idea_id in mine:
                return workshop.dots - len(mine)  # a double click counts once
            if len(mine) >= workshop.dots:
                raise WorkshopError("workshop.error.no_dots_left", dots=workshop.dots)
            sql.insert_vote(db, workshop.id, participant.id, idea_id, clock.stamp(now))
            return workshop.dots - len(mine) - 1

    def unvote(self, token: str, idea_id: int, now: datetime | None = None) -> int:
        """Take a dot back from an idea; return dots left.

        A take-back within `retract_after_seconds` of giving that dot is ignored: two taps 400 ms
        apart on a phone are one tap that the page redrew in between, never give-and-take-back.
        """
        now = now or clock.now()
        with self.backend.write(deferred=True) as db:
            participant, workshop = _acting(db, token)
            given = sql.vote_given_at(db, participant.id, idea_id)
            window = timedelta(seconds=self.limits.retract_after_seconds)
            if given is None or clock.moment(given) + window <= now:
                sql.delete_vote(db, participant.id, idea_id)
            return workshop.dots - len(sql.votes_of(db, participant.id))

    def view(self, token: str) -> ParticipantView | None:
        """Return what one participant sees (None: unknown token)."""
        with self.backend.read() as db:
            row = sql.participant_by_token(db, token_hash(token))
            if row is None:
                return None
            participant = participant_of(row)
            workshop = load_workshop(db, participant.workshop_id)
            ideas = [idea_of(r) for r in sql.idea_rows(db, workshop.id)]
            if workshop.votes_hidden:  # a hidden vote: no counts leave the server
                ideas = [replace(i, votes=0) for i in ideas]
            mine = frozenset(sql.votes_of(db, participant.id))
        return ParticipantView(participant=participant, workshop=workshop, ideas=ideas, my_votes=mine)

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


def _acting(db: Connection, token: str) -> tuple[Participant, Workshop]:
    """Find the participant of a token and lock their workshop (a write's scope) before reading it."""
    row = sql.participant_by_token(db, token_hash(token)) if token else None
    if row is None:
        raise WorkshopError("workshop.error.unknown_participant")
    participant = participant_of(row)
    db.lock(scope("workshop", participant.workshop_id))  # a participant never changes workshop
    workshop = load_workshop(db, participant.workshop_id)
    if not workshop.is_open:
        raise WorkshopError("workshop.error.closed")
    return participant, workshop
