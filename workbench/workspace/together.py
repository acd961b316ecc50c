"""Working together in a Workspace: workshops (facilitated, followed on the projector) and consent.

A facilitator's calls pass the Workspace itself to the workshop core, which checks edit_section
on the workshop's dossier and records the person's name; reading a workshop or the consent matrix
needs read on its dossier. Participants act with their workshop token only (`participation`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from workbench.access.permissions import Action
from workbench.collab.consent import Consents
from workbench.collab.consent_round import ConsentRound, ConsentRounds, PhoneRound, RoundTable
from workbench.collab.participation import Participation
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Board, Idea, Workshop
from workbench.collab.workshop_summary import summarise, summary_docx
from workbench.dossier.records import Consent, ConsentRow, Decision, DossierRecord
from workbench.workspace.dossiers import DossierCalls


class WorkshopCalls(DossierCalls):
    """Workshops and consent of the dossiers this person works on."""

    @cached_property
    def _workshops(self) -> Workshops:
        return Workshops(self.backend)

    @cached_property
    def _consents(self) -> Consents:
        return Consents(self.backend)

    @cached_property
    def _rounds(self) -> ConsentRounds:
        return ConsentRounds(self.backend)

    @property
    def participation(self) -> Participation:
        """Return what workshop participants do with their token (join, ideas, dots): no account needed."""
        return self._workshops

    # ------------------------------------------------------------ facilitating

    def start_workshop(self, dossier_id: int, section: str, dots: int = 3) -> Workshop:
        return self._workshops.start(self, dossier_id, section, by=self.by, dots=dots)

    def close_workshop(self, workshop_id: int) -> Workshop:
        return self._workshops.close(self, workshop_id, by=self.by)

    def start_round(self, workshop_id: int, seconds: int) -> Workshop:
        return self._workshops.start_round(self, workshop_id, seconds)

    def stop_round(self, workshop_id: int) -> Workshop:
        return self._workshops.stop_round(self, workshop_id)

    def cluster_ideas(self, workshop_id: int, idea_ids: Iterable[int], label: str) -> int:
        return self._workshops.cluster(self, workshop_id, idea_ids, label)

    def hide_idea(self, workshop_id: int, idea_id: int) -> None:
        self._workshops.hide(self, workshop_id, idea_id)

    def add_formulation(self, workshop_id: int, text: str) -> Idea:
        return self._workshops.add_formulation(self, workshop_id, text, by=self.by)

    def promote_ideas(self, workshop_id: int, idea_ids: Iterable[int], text: str, base_version: int) -> int:
        """Save the chosen ideas, worded as `text`, as the section's narrative; return the revision."""
        return self._workshops.promote(self, workshop_id, idea_ids, text, base_version, by=self.by)

    # ------------------------------------------------------------ following

    def workshop(self, workshop_id: int) -> Workshop:
        """Return one workshop of a dossier this person may read."""
        found = self._workshops.get(workshop_id)
        self.require(Action.READ, found.dossier_id)
        return found

    def workshops_of(self, dossier_id: int) -> list[Workshop]:
        self.require(Action.READ, dossier_id)
        return self._workshops.of_dossier(dossier_id)

    def workshop_board(self, workshop_id: int) -> Board:
        """Return what the projector shows: the ideas with their dots (none during a hidden vote).

        Every page gets the room's view: in open mode a participant can reach the facilitator's
        page too. The facilitator reveals the counts to see them.
        """
        self.workshop(workshop_id)
        return self._workshops.room_board(workshop_id)

    def workshop_stamp(self, workshop_id: int) -> tuple[Any, ...]:
        """Return a stamp that changes whenever the workshop's board does (one cheap read)."""
        dossier_id, stamp = self._workshops.stamp(workshop_id)
        self.require(Action.READ, dossier_id)
        return stamp

    def set_votes_hidden(self, workshop_id: int, hidden: bool) -> Workshop:
        return self._workshops.set_votes_hidden(self, workshop_id, hidden, by=self.by)

    def workshop_summary_docx(self, workshop_id: int, lang: str) -> bytes:
        """Return the one-page summary of a workshop (an export of its dossier)."""
        self.require(Action.EXPORT, self._workshops.get(workshop_id).dossier_id)
        return summary_docx(summarise(self.backend, workshop_id), lang)

    # ------------------------------------------------------------ consent

    def consent_matrix(self, record: DossierRecord) -> list[ConsentRow]:
        """Return partners x sections with every partner's latest word."""
        self.require(Action.READ, record.id)
        return self._consents.matrix(record.id, record.dossier)

    def objections(self, record: DossierRecord) -> list[tuple[str, Consent]]:
        """Return (partner name, consent) for every standing objection of a current partner."""
        self.require(Action.READ, record.id)
        return self._consents.objections(record.id, record.dossier)

    def record_consent(
        self,
        dossier_id: int,
        section: str,
        partner_id: str,
        decision: Decision | str,
        reason: str,
        workshop_id: int | None = None,
    ) -> Consent:
        """Record a partner's word on a section (edit_section); an objection needs a reason."""
        return self._consents.record(
            self, dossier_id, section, partner_id, decision, reason, by=self.by, workshop_id=workshop_id
        )

    # ------------------------------------------------------------ consent rounds on the phones

    def open_consent_round(self, workshop_id: int, sections: list[str]) -> ConsentRound:
        """Open a consent round on these sections for the workshop's phones (edit_section)."""
        return self._rounds.open(self, workshop_id, sections, by=self.by)

    def close_consent_round(self, round_id: int) -> ConsentRound:
        return self._rounds.close(self, round_id, by=self.by)

    def release_representative(self, round_id: int, partner_id: str) -> bool:
        """Free a partner claimed by the wrong phone (edit_section)."""
        return self._rounds.release(self, round_id, partner_id)

    def consent_round(self, workshop_id: int) -> ConsentRound | None:
        """Return the workshop's latest consent round (read)."""
        self.workshop(workshop_id)
        return self._rounds.of_workshop(workshop_id)

    def consent_round_table(self, round_id: int) -> RoundTable:
        """Return the round's matrix of partners x sections (read)."""
        found = self._rounds.get(round_id)
        self.require(Action.READ, found.dossier_id)
        return self._rounds.table(round_id, self.store.load(found.dossier_id).dossier)

    # Phones act with their workshop token only: the bare store reads the dossier for them and
    # records their words under their name (no account, as for ideas and dots).

    def phone_round(self, token: str) -> PhoneRound | None:
        return self._rounds.phone(self.store, token)

    def represent_partner(self, token: str, round_id: int, partner_id: str) -> PhoneRound:
        return self._rounds.claim(self.store, token, round_id, partner_id)

    def give_consent(
        self, token: str, round_id: int, partner_id: str, section: str, decision: Decision | str, reason: str
    ) -> Consent:
        return self._rounds.answer(self.store, token, round_id, partner_id, section, decision, reason)
