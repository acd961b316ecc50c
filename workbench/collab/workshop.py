"""Workshop co-creation: start, facilitate, promote ideas into a section (participation.py: join, vote).

A facilitator starts a workshop on one strategy section of a dossier. Participants join with
the workshop's short code and a name only (no account): the token they get back lives in their
browser session and lets them add ideas and vote in that one workshop, nothing else. The
facilitator clusters ideas, adds alternative formulations to vote on, and promotes the chosen
ones into the section's narrative: a normal versioned save through the dossier store, whose
revision carries the vote record, so the section's history shows what the group decided.

Every read-modify-write runs in one write transaction holding the workshop's scope (BEGIN
IMMEDIATE on SQLite, the workshop's lock on PostgreSQL): dots and limits hold when thirty phones
press at once, on one app process or several.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from workbench import clock
from workbench.access.rate_limits import JoinLimits
from workbench.collab.acting import Dossiers, authorise, who
from workbench.collab.participation import Participation
from workbench.collab.workshop_records import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Board,
    Idea,
    IdeaKind,
    Limits,
    Status,
    Workshop,
    WorkshopError,
    found_idea,
    idea_of,
    load_workshop,
    normalise_code,
    workshop_of,
)
from workbench.dossier.fields import clean_line, clean_text
from workbench.dossier.model import SECTION_KEYS
from workbench.dossier.units import Change, section_unit
from workbench.store import consent_rounds as consent_rounds_sql
from workbench.store import workshops as sql
from workbench.store.db import Address, open_backend, scope

PROMOTED_ACTION = "workshop"  # the revision action of a promotion (history: "uit workshop")
TALLY_ROWS = 50  # ideas kept with their votes in a promotion's vote record
TALLY_TEXT = 200  # characters of each idea kept there


# ---------------------------------------------------------------- the core


class Workshops(Participation):
    """Workshops of every dossier in one database."""

    def __init__(
        self,
        address: Address,
        limits: Limits | None = None,
        join_limits: JoinLimits | None = None,
    ) -> None:
        self.backend = open_backend(address)
        self.limits = limits or Limits()
        self.join_limits = join_limits or JoinLimits()
        self.backend.prepare()

    # ------------------------------------------------------------ facilitator

    def start(self, dossiers: Dossiers, dossier_id: int, section: str, by: str, dots: int = 3) -> Workshop:
        """Open a workshop on one strategy section, with a fresh short code."""
        record = authorise(dossiers, dossier_id)
        if section not in SECTION_KEYS:
            raise WorkshopError("workshop.error.unknown_section", section=section)
        if not 1 <= dots <= self.limits.dots_max:
            raise WorkshopError("workshop.error.dots", max=self.limits.dots_max)
        now = clock.stamp()
        with self.backend.write() as db:  # every write waits: the new code is unique among all
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
        with self.backend.write(scope("workshop", workshop_id)) as db:
            sql.update_workshop(
                db,
                workshop_id,
                {"status": Status.CLOSED.value, "closed_at": clock.stamp(), "closed_by": who(dossiers, by)},
            )
            # Its consent round ends with it: the projector and the phones say so.
            consent_rounds_sql.close_rounds_of(db, workshop_id, who(dossiers, by), clock.stamp())
        return self.get(workshop_id)

    def set_votes_hidden(self, dossiers: Dossiers, workshop_id: int, hidden: bool, by: str) -> Workshop:
        """Start a hidden vote (no counts nor order in the room) or reveal the counts."""
        self._facilitate(dossiers, workshop_id)
        with self.backend.write(scope("workshop", workshop_id)) as db:
            sql.update_workshop(db, workshop_id, {"votes_hidden": int(hidden)})
        return self.get(workshop_id)

    def start_round(self, dossiers: Dossiers, workshop_id: int, seconds: int) -> Workshop:
        """Start the visible timer of a round (a new round replaces a running one)."""
        self._facilitate(dossiers, workshop_id)
        if not 10 <= seconds <= self.limits.round_max_seconds:
            raise WorkshopError("workshop.error.round", max=self.limits.round_max_seconds // 60)
        with self.backend.write(scope("workshop", workshop_id)) as db:
            sql.update_workshop(
                db, workshop_id, {"round_started_at": clock.stamp(), "round_seconds": seconds}
            )
        return self.get(workshop_id)

    def stop_round(self, dossiers: Dossiers, workshop_id: int) -> Workshop:
        """Stop the timer."""
        self._facilitate(dossiers, workshop_id)
        with self.backend.write(scope("workshop", workshop_id)) as db:
            sql.update_workshop(db, workshop_id, {"round_started_at": None, "round_seconds": None})
        return self.get(workshop_id)

    def cluster(self, dossiers: Dossiers, workshop_id: int, idea_ids: Iterable[int], label: str) -> int:
        """Give ideas a cluster label ('' takes them out of their cluster); return how many changed."""
        self._facilitate(dossiers, workshop_id)
        label = clean_line(label)
        if len(label) > self.limits.label_max:
            raise WorkshopError("workshop.error.label_too_long", max=self.limits.label_max)
        with self.backend.write(scope("workshop", workshop_id)) as db:
            return sql.set_cluster(db, workshop_id, sorted(set(idea_ids)), label)

    def hide(self, dossiers: Dossiers, workshop_id: int, idea_id: int) -> None:
        """Take an idea off the board (spam, a duplicate); its dots go back to the voters."""
        self._facilitate(dossiers, workshop_id)
        with self.backend.write(scope("workshop", workshop_id)) as db:
            if sql.idea_row(db, workshop_id, idea_id) is None:
                raise WorkshopError("workshop.error.unknown_idea")
            sql.hide_idea(db, workshop_id, idea_id)

    def add_formulation(self, dossiers: Dossiers, workshop_id: int, text: str, by: str) -> Idea:
        """Put an alternative formulation of the section on the board, for the group to vote on."""
        self._facilitate(dossiers, workshop_id)
        text = self._idea_text(text)
        with self.backend.write(scope("workshop", workshop_id)) as db:
            workshop = load_workshop(db, workshop_id)
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
            return idea_of(found_idea(sql.idea_row(db, workshop_id, idea_id)))

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
        note = vote_record(board, chosen, by, narrative)
        return dossiers.apply(workshop.dossier_id, [change], by=by, action=PROMOTED_ACTION, note=note)

    def _facilitate(self, dossiers: Dossiers, workshop_id: int) -> Workshop:
        workshop = self.get(workshop_id)
        authorise(dossiers, workshop.dossier_id)
        return workshop

    # ------------------------------------------------------------ reading

    def get(self, workshop_id: int) -> Workshop:
        """Return one workshop."""
        with self.backend.read() as db:
            return load_workshop(db, workshop_id)

    def by_code(self, code: str) -> Workshop | None:
        """Return the workshop with this code, open or closed (None: no such code)."""
        wanted = normalise_code(code)
        if not wanted:
            return None
        with self.backend.read() as db:
            row = sql.workshop_by_code(db, wanted)
        return workshop_of(row) if row else None

    def of_dossier(self, dossier_id: int) -> list[Workshop]:
        """Return a dossier's workshops, newest first."""
        with self.backend.read() as db:
            return [workshop_of(r) for r in sql.workshops_of(db, dossier_id)]

    def board(self, workshop_id: int) -> Board:
        """Return the board: visible ideas by dots (most first, then oldest first) and the counts."""
        with self.backend.read() as db:
            workshop = load_workshop(db, workshop_id)
            ideas = [idea_of(r) for r in sql.idea_rows(db, workshop_id)]
            participants = sql.participant_count(db, workshop_id)
            votes = sql.vote_count(db, workshop_id)
            promoted = {
                i["id"]
                for n in sql.promotion_notes(db, workshop.dossier_id, workshop_id)
                for i in n["note"].get("ideas", [])
            }
        ideas.sort(key=lambda i: (-i.votes, i.id))
        return Board(workshop, ideas, participants, votes, frozenset(promoted))

    def stamp(self, workshop_id: int) -> tuple[int, tuple[Any, ...]]:
        """Return the workshop's dossier and a stamp that differs whenever its board does."""
        with self.backend.read() as db:
            row = sql.board_stamp(db, workshop_id)
        if row is None:
            raise WorkshopError("workshop.error.unknown_workshop")
        return int(row["dossier_id"]), tuple(str(value) for value in row.values())

    def room_board(self, workshop_id: int) -> Board:
        """Return the board as the room sees it: during a hidden vote without counts or order."""
        return self.board(workshop_id).for_the_room()

    def decisions(self, workshop_id: int) -> list[dict[str, Any]]:
        """Return the vote records of the promotions this workshop made, oldest first."""
        with self.backend.read() as db:
            workshop = load_workshop(db, workshop_id)
            return sql.promotion_notes(db, workshop.dossier_id, workshop_id)


def vote_record(board: Board, chosen: list[Idea], by: str, text: str) -> dict[str, Any]:
    """Describe a promotion for the section's history: what was chosen, with how many dots, as what text."""
    w = board.workshop
    ranked = [i for i in board.ideas if i.votes > 0][:TALLY_ROWS]
    return {
        "workshop": {"id": w.id, "code": w.code, "section": w.section},
        "promoted_by": by,
        "participants": board.participants,
        "dots": w.dots,
        "votes_cast": board.votes,
        "text": text,  # the wording promoted, as edited: the record follows what went into the section
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


# ---------------------------------------------------------------- internals


def _new_code(db: Any) -> str:
    while True:  # 31^6 codes: a collision is rare, and the unique index would catch a race
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not sql.code_taken(db, code):
            return code
