"""The consent round on a phone: say which partner you represent, then your word per section."""

from __future__ import annotations

import streamlit as st

from workbench.collab.consent_round import PhoneRound
from workbench.dossier.records import Decision
from workbench.refusal import Refusal
from workbench.ui import faults
from workbench.ui.common import labeller, store, tr
from workbench.ui.consent_round_view import word
from workbench.ui.workshop_view import refused

DECISIONS = [d.value for d in Decision]


def drawn(token: str) -> tuple[int, str] | None:
    """Return what the page drew of the round (its id and state), for the page's poll to compare.

    The participant page's one polling fragment asks this: when a round opens or closes, the
    whole page follows, without a reload. (A second, empty polling fragment here made Streamlit
    1.67 draw the page's later elements in the wrong places: the idea form went missing.)
    """
    seen = store().phone_round(token)
    return (seen.round.id, seen.round.status.value) if seen else None


def render(token: str) -> tuple[int, str] | None:
    """Draw the phone's part in its workshop's consent round (nothing while there is none).

    Return what was drawn (see `drawn`).
    """
    seen = store().phone_round(token)
    shown = (seen.round.id, seen.round.status.value) if seen else None
    if seen is None or (not seen.round.is_open and seen.partner_id is None):
        return shown
    _draw(token, seen)
    return shown


def _draw(token: str, seen: PhoneRound) -> None:
    with st.container(key="part_consent", border=True):
        st.subheader(tr("consent_round.phone_title"), anchor=False)
        if not seen.round.is_open:
            st.info(tr("consent_round.closed_note"))
        if seen.partner_id is None:
            _choose(token, seen)
            return
        names = dict(seen.partners)
        with st.container(key="part_consent_partner"):
            st.text(tr("consent_round.representing", partner=names.get(seen.partner_id, seen.partner_id)))
        for section in seen.round.sections:
            if seen.round.is_open:
                _answer(token, seen, section)
            else:
                st.text(f"{tr(f'section.{section}')}: {word(seen.answers.get(section))}")


def _choose(token: str, seen: PhoneRound) -> None:
    st.caption(tr("consent_round.phone_intro"))
    names = dict(seen.partners)
    # Labels made now, in this run's language; names are user text, and options are not Markdown.
    labels = {
        pid: tr("consent_round.taken_by", partner=name, name=seen.taken[pid]) if pid in seen.taken else name
        for pid, name in names.items()
    }
    with st.form("part_consent_claim"):
        picked = st.selectbox(
            tr("consent_round.choose_partner"),
            list(names),
            index=None,
            format_func=labels.__getitem__,
            key="part_consent_choice",
            placeholder=tr("form.choose"),
        )
        if st.form_submit_button(tr("consent_round.represent"), type="primary"):
            with faults.saving():
                try:
                    store().represent_partner(token, seen.round.id, str(picked or ""))
                except Refusal as exc:
                    refused(exc)
                    return
                st.rerun()


def _answer(token: str, seen: PhoneRound, section: str) -> None:
    given = seen.answers.get(section)
    reason_key = f"part_consent_reason_{section}"
    decision_key = f"part_consent_decision_{section}"
    if given is not None and decision_key not in st.session_state:
        # A reload: the phone's own answer comes back in the form, from the database.
        st.session_state[decision_key] = given.decision.value
        st.session_state[reason_key] = given.reason
    with st.container(key=f"part_consent_{section}"), st.form(f"part_consent_form_{section}", border=True):
        st.text(tr(f"section.{section}"))
        decision = st.radio(
            tr("consent.decision"),
            DECISIONS,
            index=None,
            format_func=labeller("consent.decision"),  # catalogue texts, in this run's language
            key=decision_key,
            horizontal=True,
        )
        # No max_chars: the browser would cut a long paste without a word; the core refuses in words.
        # No help icon: its label is Streamlit's English ("Help for ..."); the hint is the placeholder.
        reason = st.text_area(
            tr("consent.reason"), key=reason_key, placeholder=tr("consent.reason_help"), height=80
        )
        if given is not None:
            with st.container(key=f"part_consent_given_{section}"):
                if given.reason:
                    st.text(tr("consent_round.given_reason", decision=word(given), reason=given.reason))
                else:
                    st.text(tr("consent_round.given", decision=word(given)))
        if st.form_submit_button(tr("consent_round.give"), type="primary"):
            with faults.saving():  # on a refusal the typed reason stays in the field
                try:
                    store().give_consent(
                        token, seen.round.id, seen.partner_id or "", section, decision or "", reason
                    )
                except Refusal as exc:
                    refused(exc)
                    return
                st.toast(tr("consent_round.saved"), icon=":material/check:")
                st.rerun()
