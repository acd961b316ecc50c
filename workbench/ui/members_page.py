"""Leden: who works on this dossier in which role; coordinators invite people and change roles."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from workbench.access.account_records import AccountError, format_code
from workbench.access.permissions import Action, DossierRole
from workbench.collab.review_records import ReviewError
from workbench.i18n import fmt_datetime
from workbench.ui import faults
from workbench.ui.common import current_user, labeller, lang, store, tr
from workbench.ui.markup import inert, md
from workbench.ui.prelude import open_record


def _manage(dossier_id: int) -> None:
    ws = store()
    me = current_user()
    for member in ws.members(dossier_id):
        cols = st.columns([4, 3, 2], vertical_alignment="center")
        cols[0].text(f"{member.display_name or member.email}\n{member.email}")
        role = cols[1].selectbox(
            tr("members.role"),
            list(DossierRole),
            index=list(DossierRole).index(member.role),
            format_func=labeller("role.dossier"),
            key=f"members_role_{member.user_id}",
            label_visibility="collapsed",
            placeholder=tr("form.choose"),
        )
        with faults.saving():
            try:
                if role is not None and role != member.role:
                    ws.set_member_role(dossier_id, member.user_id, role)
                    st.rerun()
                if cols[2].button(
                    tr("members.remove"),
                    key=f"members_remove_{member.user_id}",
                    disabled=me is not None and me.id == member.user_id,
                ):
                    ws.remove_member(dossier_id, member.user_id)
                    st.rerun()
            except AccountError as refused:
                st.error(md(refused.reason, **refused.params))

    st.subheader(tr("members.invite"))
    with st.form("members_invite"):
        role = st.selectbox(
            tr("members.role"),
            list(DossierRole),
            format_func=labeller("role.dossier"),
            key="members_invite_role",
            placeholder=tr("form.choose"),
        )
        # No min/max on the widget (the browser would refuse in English): the core says it in words.
        days = st.number_input(tr("members.valid_days"), value=7, step=1, key="members_invite_days")
        if st.form_submit_button(tr("members.create_invitation"), type="primary") and role is not None:
            with faults.saving():
                try:
                    code, invitation = ws.invite(dossier_id, role, valid_for=invitation_days(days))
                except AccountError as refused:
                    st.error(md(refused.reason, **refused.params))
                else:
                    st.session_state["members_new_code"] = (format_code(code), code, invitation.expires_at)
    if shown := st.session_state.pop("members_new_code", None):
        grouped, raw, until = shown
        st.success(md("members.code_once", until=fmt_datetime(until, lang())))
        st.code(grouped, language=None, wrap_lines=True)
        st.caption(tr("members.link"))
        st.code(f"?invite={raw}", language=None, wrap_lines=True)

    # Not clear_on_submit: an email whose save failed must stay; it is cleared once saved.
    with st.expander(tr("members.add_existing")), st.form("members_add"):
        email = st.text_input(tr("auth.email"), key="members_add_email")
        role = st.selectbox(
            tr("members.role"),
            list(DossierRole),
            format_func=labeller("role.dossier"),
            key="members_add_role",
            placeholder=tr("form.choose"),
        )
        if st.form_submit_button(tr("members.add")) and role is not None:
            with faults.saving():
                try:
                    ws.add_member(dossier_id, email, role)
                except AccountError as refused:
                    st.error(md(refused.reason, **refused.params))
                else:
                    faults.clear_after_save("members_add_email")
                    st.rerun()

    pending = [i for i in ws.invitations(dossier_id) if i.used_at is None]
    if pending:
        st.subheader(tr("members.pending"))
        for invitation in pending:
            cols = st.columns([3, 4, 2], vertical_alignment="center")
            cols[0].text(tr(f"role.dossier.{invitation.role}"))
            cols[1].text(tr("members.valid_until", until=fmt_datetime(invitation.expires_at, lang())))
            if cols[2].button(tr("members.revoke"), key=f"members_revoke_{invitation.id}"):
                with faults.saving():
                    ws.revoke_invitation(dossier_id, invitation.id)
                    st.rerun()


def review_request_form(dossier_id: int) -> None:
    """Let the coordinator ask a named coach of this dossier for a review (it lands in their inbox)."""
    ws = store()
    coaches = dict(ws.coaches(dossier_id))
    st.subheader(tr("review_request.heading"))
    if not coaches:
        st.caption(tr("review_request.no_coach"))
        return
    with st.form("review_request"):
        coach = st.selectbox(
            tr("review_request.coach"),
            list(coaches),
            format_func=lambda uid: coaches.get(uid, "?"),
            key="review_request_coach",
            placeholder=tr("form.choose"),
        )
        note = st.text_area(tr("review_request.note"), key="review_request_note", height=68)
        if st.form_submit_button(tr("review_request.send"), type="primary") and coach is not None:
            with faults.saving():
                try:
                    ws.request_review(dossier_id, coach, note)
                except ReviewError as refused:
                    st.error(inert(refused.message(lang())))
                else:
                    faults.clear_after_save("review_request_note")
                    st.toast(tr("review_request.sent"), icon=":material/outgoing_mail:")
    for request in ws.review_requests(dossier_id)[:3]:
        st.caption(md("review_request.line", at=fmt_datetime(request.requested_at, lang())))
        st.text(f"{request.requested_by} → {coaches.get(request.coach_id, '?')}\n{request.note}".strip())


def invitation_days(value: float | None) -> timedelta:
    """Read the typed days; emptied or absurd (beyond what timedelta holds) counts as 0: refused."""
    days = int(value or 0)
    return timedelta(days=days if abs(days) <= 100_000 else 0)


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id, ws = record.id, store()
    st.title(tr("access.nav.members"))
    st.text(record.dossier.identity.name)  # user text: never Markdown
    if ws.user is None:
        st.info(tr("members.open_mode"))
        return
    if ws.can(Action.REQUEST_REVIEW, dossier_id):
        review_request_form(dossier_id)
    if ws.can(Action.MANAGE_MEMBERS, dossier_id):
        _manage(dossier_id)
        return
    for member in ws.members(dossier_id):
        st.text(f"{member.display_name or member.email} · {tr(f'role.dossier.{member.role}')}")


render()
