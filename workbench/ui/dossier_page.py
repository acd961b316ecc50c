"""Partnerschap: the dossier's identity (name, call, werkingsgebied, period, status) and its rule check."""

from __future__ import annotations

from typing import Any

import streamlit as st

from workbench.i18n import fmt_date
from workbench.model import CallKind, DossierStatus, Identity, Period
from workbench.portable import to_json
from workbench.store import DossierNotFound
from workbench.ui import editing
from workbench.ui.common import PAGES, current_dossier_id, labeller, lang, store, tr
from workbench.units import identity_unit
from workbench.validation import rule_problems

FIELDS = ["name", "call", "werkingsgebied", "start", "end", "status", "summary"]


def _values(identity: Identity) -> dict[str, Any]:
    return {
        "name": identity.name,
        "call": identity.call,
        "werkingsgebied": "\n".join(identity.werkingsgebied),
        "start": identity.period.start,
        "end": identity.period.end,
        "status": identity.status,
        "summary": identity.summary,
    }


def _build(values: dict[str, Any]) -> Identity:
    municipalities = [m.strip() for m in str(values["werkingsgebied"] or "").splitlines() if m.strip()]
    return Identity(
        name=values["name"] or "",
        call=values["call"],
        werkingsgebied=municipalities,
        period=Period(start=values["start"], end=values["end"]),
        status=values["status"],
        summary=values["summary"] or "",
    )


def _describe(data: dict[str, Any]) -> str:
    identity = Identity.model_validate(data)
    period = f"{fmt_date(identity.period.start, lang())} – {fmt_date(identity.period.end, lang())}"
    return "\n".join([identity.name, tr(f"call.{identity.call}"), ", ".join(identity.werkingsgebied), period])


def render() -> None:
    dossier_id = current_dossier_id()
    if dossier_id is None:
        st.info(tr("dossier.none_open"))
        st.page_link(PAGES["start"], label=tr("nav.start"), icon=":material/home:")
        return
    try:
        record = store().load(dossier_id)
    except DossierNotFound:
        st.error(tr("cli.unknown_dossier", id=dossier_id))
        st.page_link(PAGES["start"], label=tr("nav.start"), icon=":material/home:")
        return
    unit = identity_unit()
    st.title(record.dossier.identity.name)
    editing.seed(unit, record, _values(record.dossier.identity))
    editing.conflict_panel(dossier_id, unit, record, _describe)
    if editing.wants_resave(unit) and editing.save(
        dossier_id, unit, lambda: _build(editing.current(unit, FIELDS))
    ):
        st.rerun()

    key = lambda field: editing.widget_key(unit, field)  # noqa: E731
    with st.form("dossier_identity"):
        st.subheader(tr("dossier.identity"))
        st.text_input(tr("field.name"), key=key("name"), max_chars=200)
        st.selectbox(tr("field.call"), list(CallKind), key=key("call"), format_func=labeller("call"))
        st.text_area(
            tr("field.werkingsgebied"), key=key("werkingsgebied"), help=tr("dossier.werkingsgebied_help")
        )
        left, right = st.columns(2)
        left.date_input(tr("field.start"), key=key("start"), format="DD/MM/YYYY", value=None)
        right.date_input(tr("field.end"), key=key("end"), format="DD/MM/YYYY", value=None)
        st.selectbox(
            tr("field.status"), list(DossierStatus), key=key("status"), format_func=labeller("status")
        )
        st.text_area(tr("field.summary"), key=key("summary"), height=120)
        if st.form_submit_button(tr("edit.save"), type="primary") and editing.save(
            dossier_id, unit, lambda: _build(editing.current(unit, FIELDS))
        ):
            st.rerun()

    problems = rule_problems(record.dossier)
    st.subheader(tr("dossier.checks"))
    if not problems:
        st.success(tr("dossier.no_problems"))
    for problem in problems:
        (st.error if problem.severity == "error" else st.warning)(problem.message(lang()), icon=None)

    st.download_button(
        tr("dossier.export"),
        data=to_json(record.dossier),
        file_name=f"dossier-{dossier_id}.json",
        mime="application/json",
        key="dossier_export",
        on_click="ignore",
    )


render()
