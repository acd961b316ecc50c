"""Budget en planning: the budget per partner and cost category against the call's cap, milestones."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from workbench.access.permissions import edit_action
from workbench.guide import forms
from workbench.guide.budget import (
    CATEGORIES,
    budget_changes_on,
    budget_table,
    milestone_rows,
    partner_choices,
    planning_changes_on,
    role_lines,
)
from workbench.i18n import fmt_money, t
from workbench.store.dossiers import DossierRecord
from workbench.ui import derived, step_page, table_editing
from workbench.ui.comments import section_panel
from workbench.ui.common import lang, store, tr
from workbench.ui.markup import inert, inert_cells, plain_cell
from workbench.ui.prelude import open_record
from workbench.ui.progress_view import role_label, show_alerts


def _summary_of(record: DossierRecord, code: str) -> tuple[pa.Table, tuple[str, str, str]]:
    """Return the summary rows, made inert, and the total, cap and remaining, formatted in a language."""
    table = budget_table(record.dossier)
    money = lambda amount: fmt_money(amount, code)  # noqa: E731
    partner, total = t("budget.partner", code), t("budget.total", code)
    heads = {c: t(f"cost.{c}", code) for c in CATEGORIES}
    rows = [
        {partner: r.partner, **{heads[c]: money(r.amounts[c]) for c in CATEGORIES}, total: money(r.total)}
        for r in table.rows
    ]
    rows.append(
        {partner: total, **{heads[c]: money(table.totals[c]) for c in CATEGORIES}, total: money(table.total)}
    )
    # An Arrow table: st.dataframe sends it as it is (a data frame is converted on every run).
    return inert_cells(pa.Table.from_pylist(rows)), (
        money(table.total),
        money(table.cap),
        money(table.remaining),
    )


def _summary(record: DossierRecord) -> None:
    # Formatting some 500 amounts took more time than the rest of the page: once per revision.
    code = lang()
    rows, (total, cap, remaining) = derived.once(
        "budget_summary", record, lambda: _summary_of(record, code), code
    )
    st.dataframe(inert_cells(rows), hide_index=True, key="budget_summary")
    left, middle, right = st.columns(3)
    left.metric(tr("budget.total"), inert(total))
    middle.metric(tr("budget.cap"), inert(cap))
    right.metric(tr("budget.remaining"), inert(remaining))


def _role_frame(base: DossierRecord, code: str) -> pd.DataFrame:
    """Return the role budgets as the table edits them (the editor copies it: it is shared)."""
    lines = role_lines(base.dossier)
    return inert_cells(
        pd.DataFrame(
            [
                {"partner": line.partner, "role": role_label(line.role, code)}
                | {c: float(line.amounts[c]) for c in CATEGORIES}
                for line in lines
            ],
            index=[line.role_id for line in lines],
            columns=["partner", "role", *CATEGORIES],
        )
    )


def _role_budgets(dossier_id: int, record: DossierRecord) -> None:
    name = "budget_roles"
    base = table_editing.snapshot(name, record)
    st.subheader(tr("budget.per_role"))
    if not base.dossier.roles:  # one line per role assignment
        st.info(tr("budget.no_roles"))
        return
    code = lang()
    frame = derived.once("budget_role_frame", base, lambda: _role_frame(base, code), code)
    # No min_value: the grid's editor then drops a typed minus sign, so "-5" was saved as € 5.
    # The model refuses a negative amount naming the role and the cost category.
    amount = lambda c: st.column_config.NumberColumn(tr(f"cost.{c}"), step=0.01, format="euro")  # noqa: E731
    editable = store().can(edit_action("role"), dossier_id)  # read-only: the stored amounts only
    edited = st.data_editor(
        inert_cells(frame),  # made inert with the frame already: comes back as it is
        key=table_editing.editor_key(name),
        hide_index=True,
        placeholder="–",
        disabled=["partner", "role"] if editable else True,
        column_config={
            "partner": st.column_config.TextColumn(tr("budget.partner"), width="medium"),
            "role": st.column_config.TextColumn(tr("budget.role")),
            **{c: amount(c) for c in CATEGORIES},
        },
    )
    if not editable:
        st.caption(tr("access.read_only"))
        return
    if table_editing.touched(name):
        st.caption(tr("edit.unsaved"))  # as the forms do: typed in the table, not yet saved
    if st.button(tr("budget.save_budget"), key="budget_roles_save", type="primary"):
        edits = {str(rid): values for rid, values in edited[list(CATEGORIES)].to_dict("index").items()}
        if table_editing.save(name, dossier_id, budget_changes_on(base, edits)):
            st.rerun()
    table_editing.conflict_panel(name, dossier_id, record)


def _planning_frame(base: DossierRecord) -> pd.DataFrame:
    """Return the milestones as the table edits them (the editor copies it: it is shared)."""
    frame = pd.DataFrame(milestone_rows(base.dossier), columns=["id", "title", "due", "owner"])
    frame["due"] = pd.to_datetime(frame["due"]).dt.date
    return inert_cells(frame)


def _planning(dossier_id: int, record: DossierRecord) -> None:
    name = "budget_planning"
    base = table_editing.snapshot(name, record, lambda r: {"narrative": r.dossier.planning.narrative})
    st.subheader(tr("budget.planning"))
    frame = derived.once("budget_planning_frame", base, lambda: _planning_frame(base))
    editable = store().can(edit_action("planning"), dossier_id)
    edited = st.data_editor(
        inert_cells(frame),  # made inert with the frame already: comes back as it is
        key=table_editing.editor_key(name),
        disabled=not editable,
        num_rows="dynamic" if editable else "fixed",
        hide_index=True,
        placeholder="–",
        column_order=["title", "due", "owner"],
        column_config={
            "title": st.column_config.TextColumn(tr("field.title"), max_chars=200),
            "due": st.column_config.DateColumn(tr("field.due"), format="DD/MM/YYYY"),
            "owner": st.column_config.SelectboxColumn(
                tr("field.owner_partner_id"), options=list(partner_choices(base.dossier))
            ),
        },
    )
    st.text_area(
        tr("budget.planning_narrative"),
        key=table_editing.editor_key(name, "narrative"),
        height=150,
        disabled=not editable,
    )
    if not editable:
        st.caption(tr("access.read_only"))
        return
    if st.button(tr("budget.save_planning"), key="budget_planning_save", type="primary"):
        narrative = st.session_state.get(table_editing.editor_key(name, "narrative")) or ""
        if table_editing.save(
            name, dossier_id, planning_changes_on(_typed(edited.to_dict("records")), narrative)
        ):
            st.rerun()
    table_editing.conflict_panel(name, dossier_id, record)


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the planning rows as typed: without the word joiner that kept a title out of formulas."""
    return [{**row, "title": plain_cell(row.get("title"))} for row in rows]


def render() -> None:
    record = open_record()
    if record is None:
        return
    dossier_id = record.id
    st.title(tr("step.budget"))
    st.caption(tr("budget.intro"))
    _summary(record)
    show_alerts(derived.progress(record).findings_for("budget"))
    _role_budgets(dossier_id, record)
    # Other sources beside the call: the call's cap applies to the call's share only.
    st.caption(tr("budget.streams_hint"))
    step_page.item_list(record, forms.FUNDING_STREAM)
    step_page.item_list(record, forms.FUNDING_LINE)
    _planning(dossier_id, record)
    section_panel(dossier_id, "budget")
    step_page.end("budget")


render()
