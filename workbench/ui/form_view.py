"""Draw a form from its spec: widgets per field kind, problems beside fields, save, delete, conflicts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import streamlit as st

from workbench.access.permissions import edit_action
from workbench.dossier.model import Dossier, GdprRole
from workbench.guide import edits, forms, labels, parts, widget_values
from workbench.guide.form_specs import ENUM_LABELS, Field, Kind
from workbench.i18n import fmt_datetime, fmt_money, has, t
from workbench.store.dossiers import DossierRecord
from workbench.ui import editing, faults, kept_drafts, suggestion_view
from workbench.ui.common import fragment, lang, store, tr
from workbench.ui.editing import FormRef
from workbench.ui.markup import bullets, inert, link_to, md, red, strong

# The widget takes any date; edits.date_problems refuses implausible ones in words.
EARLIEST, LATEST = date.min, date.max


def _options(f: Field, dossier: Dossier) -> tuple[list[Any], Callable[[Any], str]]:
    """Return the choices of a choice field and how to show them (names resolved now: off-thread safe)."""
    code = lang()
    if f.kind in (Kind.CHOICE, Kind.CHOICES) and f.enum is not None:
        prefix = ENUM_LABELS[f.enum]
        return [e.value for e in f.enum], lambda v: t(f"{prefix}.{v}", code)
    if f.kind in (Kind.PARTNER, Kind.PARTNERS, Kind.GDPR_ROLES):
        names = {p.id: p.name for p in dossier.partners}
        options: list[Any] = list(names)
        if f.kind is Kind.PARTNER and (f.optional or not names):
            options = ["", *options]
        return options, lambda v: names.get(v, "—") if v else t("form.none", code)
    if f.kind is Kind.TARGET_GROUPS:
        groups = {g.id: g.name for g in dossier.strategy.doelgroep.target_groups}
        return list(groups), lambda v: groups.get(v, v)
    if f.kind is Kind.ROLE:
        roles = {key: labels.role_name(dossier, key, code) for key in dossier.role_keys()}
        return list(roles), lambda v: roles.get(v, v)
    if f.kind is Kind.FUNDING_STREAM:
        streams = {s.id: s.name for s in dossier.funding_streams}
        return list(streams), lambda v: streams.get(v, v)
    return [], str


def _keep_valid(ref: FormRef, name: str, options: list[Any], many: bool) -> None:
    """Make a widget's value one of its options: a choice that no longer exists (a partner deleted
    meanwhile) is dropped, an empty required choice starts at the first option. The seed follows
    when it had the same value, so an untouched form does not count as changed."""
    key = editing.widget_key(ref.id, name)
    value = st.session_state.get(key)
    if many:
        valid = [v for v in value or [] if v in options]
        if value is not None and valid != value:
            st.session_state[key] = valid
    elif options and value not in options:
        valid = options[0]
        st.session_state[key] = valid
    else:
        return
    seed = editing.state(ref).get("seed")
    if seed is not None and seed.get(name) == value:
        seed[name] = valid


def field_anchor(ref: FormRef, path: str) -> str:
    """Return the anchor of one field of one form on the page (letters, digits and dashes only)."""
    return "field-" + hashlib.sha256(f"{ref.id}/{path}".encode()).hexdigest()[:16]


def _label(ref: FormRef, f: Field) -> str:
    return labels.field_label(ref.spec.key, f, lang())


def _first_problem_field(ref: FormRef) -> Field | None:
    """Return the first field of the form (in its order) that a problem is about."""
    about = {edits.problem_field(ref.spec, p) for p in editing.state(ref).get("problems") or []}
    return next((f for f in ref.spec.fields if f.path in about), None)


def _widget(ref: FormRef, f: Field, dossier: Dossier, container: Any, disabled: bool = False) -> None:
    # Catalogue texts only (labels.field_label, written out so the Markdown check can see it).
    code = lang()
    specific = has(f"label.{ref.spec.key}.{f.path}", code)
    label = tr(f"label.{ref.spec.key}.{f.path}") if specific else tr(f"field.{f.name}")
    help_text = tr(f"help.{ref.spec.key}.{f.path}") if has(f"help.{ref.spec.key}.{f.path}", code) else None
    key = editing.widget_key(ref.id, f.path)
    if _problems(ref, f.path):
        # Where the link in the "Niet bewaard" box leads: a heading only screen readers see.
        with container, st.container(key=f"anchor-{field_anchor(ref, f.path)}"):
            st.subheader(md("edit.field_anchor", field=label), anchor=field_anchor(ref, f.path))
    with container:
        if f.kind is Kind.LINE:
            st.text_input(label, key=key, max_chars=f.max_chars, help=help_text, disabled=disabled)
        elif f.kind in (Kind.TEXT, Kind.LINES):
            st.text_area(
                label,
                key=key,
                help=help_text or (tr("form.one_per_line") if f.kind is Kind.LINES else None),
                disabled=disabled,
            )
        # No min_value or max_value on numbers: the browser would refuse a value below it with its
        # own English tooltip and keep the old one without a word; the model refuses it in words.
        elif f.kind is Kind.INT:
            st.number_input(label, key=key, step=1, help=help_text, disabled=disabled)
        elif f.kind is Kind.DECIMAL:
            st.number_input(label, key=key, step=1.0, format="%.2f", help=help_text, disabled=disabled)
        elif f.kind is Kind.DATE:
            st.date_input(
                label,
                min_value=EARLIEST,
                max_value=LATEST,
                key=key,
                help=help_text,
                format="DD/MM/YYYY",
                disabled=disabled,
            )
        elif f.kind is Kind.BOOL:
            st.checkbox(label, key=key, help=help_text, disabled=disabled)
        elif f.kind is Kind.GDPR_ROLES:
            options, show = _options(f, dossier)
            for role, name in zip(GdprRole, f.widget_names(), strict=True):
                role_key = editing.widget_key(ref.id, name)
                _keep_valid(ref, name, options, many=True)
                st.multiselect(
                    tr(f"form.gdpr_roles.{role.value}"),
                    options,
                    key=role_key,
                    format_func=show,
                    placeholder=tr("form.choose"),
                    disabled=disabled,
                )
        else:
            options, show = _options(f, dossier)
            many = f.kind in (Kind.CHOICES, Kind.PARTNERS, Kind.TARGET_GROUPS)
            _keep_valid(ref, f.path, options, many)
            if many:
                st.multiselect(
                    label,
                    options,
                    key=key,
                    format_func=show,
                    help=help_text,
                    placeholder=tr("form.choose"),
                    disabled=disabled,
                )
            else:
                st.selectbox(
                    label,
                    options,
                    key=key,
                    format_func=show,
                    help=help_text,
                    placeholder=tr("form.choose"),
                    disabled=disabled,
                )
            if not options or options == [""]:
                st.caption(tr("form.no_partners") if "partner" in f.kind else tr("form.no_options"))
        for problem in _problems(ref, f.path):
            st.markdown(red(problem))


def _problems(ref: FormRef, path: str | None) -> list[str]:
    """Return the messages about one field (without its name: they stand beside it), or the rest."""
    code = lang()
    found = [p for p in editing.state(ref).get("problems") or [] if edits.problem_field(ref.spec, p) == path]
    if path is None:
        return [p.message(code) for p in found]
    return [p.message(code).removeprefix(f"{p.where(code)}: ") for p in found]


def _all_problems(ref: FormRef) -> list[str]:
    """Return every message, a field's own under its label: the list beside the save button."""
    code = lang()
    fields = {f.path: f for f in ref.spec.fields}
    lines = []
    for p in editing.state(ref).get("problems") or []:
        path = edits.problem_field(ref.spec, p)
        if path is None:
            lines.append(p.message(code))
        else:
            label = labels.field_label(ref.spec.key, fields[path], code)
            lines.append(f"{label}: {p.message(code).removeprefix(f'{p.where(code)}: ')}")
    return lines


def may_edit(ref: FormRef, dossier_id: int) -> bool:
    """Tell whether this person may save this form (for showing its buttons)."""
    return store().can(edit_action(ref.spec.unit(ref.item).kind), dossier_id)


def draw(ref: FormRef, record: DossierRecord, *, save_label: str = "") -> None:
    """Draw one form with its buttons, in a container keyed by the form; buttons act in callbacks.

    The form is a fragment: typing into one of its fields reruns this form only, not the page
    with its sixty other items. A save that changed the dossier reruns the whole page (the step's
    state, the item titles and the menu follow it); what stays in the form (a conflict, problems,
    a fault) reruns the form only.
    """
    with st.container(key=f"box_{ref.id}"):
        _form(ref, record.id, save_label)


@fragment()
def _form(ref: FormRef, dossier_id: int, save_label: str) -> None:
    # Read again on every run of the fragment: the record given at the page's run may be old by
    # now. The same revision is one cached record, so this costs a query.
    record = store().load(dossier_id)
    if not editing.in_page_run():
        editing.keep_draft(ref)  # what the router does for every form at the start of a page run
        kept_drafts.sync_form(ref.id)
    _draw(ref, record, save_label)


def _draw(ref: FormRef, record: DossierRecord, save_label: str) -> None:
    editable = may_edit(ref, record.id)
    if editable:
        editing.prepare(ref, record)
    else:  # read-only: the stored values, never a draft (the Workspace refuses a save anyway)
        editing.show_stored(ref, record)
    dossier = record.dossier
    _conflict_panel(ref, record)
    for group in ref.spec.groups:
        if group.heading:
            st.markdown(strong(tr(group.heading)))
        for row in group.rows:
            columns = st.columns(len(row)) if len(row) > 1 else [st.container()]
            for f, column in zip(row, columns, strict=True):
                _widget(ref, f, dossier, column, disabled=not editable)
    saved = editing.state(ref)
    if saved.get("denied"):
        st.error(md("access.denied", action=tr(f"access.action.{saved['denied']}")), icon=":material/block:")
    if not editable:
        st.caption(tr("access.read_only"))
        if not ref.is_new:
            suggestion_view.suggest_box(ref, record)
        return
    if saved.get("problems"):
        # Beside the save button, naming each field (in a long form the field may be off screen),
        # with a link that scrolls to the first field with a problem.
        body = tr("edit.not_saved") + "\n\n" + bullets(_all_problems(ref))
        first = _first_problem_field(ref)
        if first is not None:
            body += "\n\n" + link_to(
                "edit.go_to_field", field_anchor(ref, first.path), field=_label(ref, first)
            )
        st.error(body, icon=":material/error:")
    if saved.get("failure"):
        faults.show_reason(saved["failure"])
    if editing.touched(ref):
        st.caption(tr("edit.unsaved"))
    if ref.spec is forms.ROLE:
        _budget_total(ref)
    bar = st.container(horizontal=True)
    bar.button(
        inert(save_label) if save_label else tr("form.add") if ref.is_new else tr("edit.save"),
        key=f"save_{ref.id}",
        type="primary",
        on_click=editing.save,
        args=(ref, record.id),
        icon=":material/save:",
    )
    if ref.spec.is_list and not ref.is_new:
        bar.button(
            tr("form.delete"),
            key=f"delete_{ref.id}",
            on_click=editing.ask_delete,
            args=(ref, True),
            icon=":material/delete:",
        )
        if saved.get("confirm_delete"):
            _confirm_delete(ref, record)


def _budget_total(ref: FormRef) -> None:
    """Show the role's total as typed, formatted the user's way (number inputs cannot)."""
    typed = editing.values(ref)
    parts = [
        widget_values.model_value(f, typed.get(f.path))
        for f in ref.spec.fields
        if f.path.startswith("budget.")
    ]
    total = sum((p for p in parts if isinstance(p, Decimal)), Decimal(0))
    st.caption(md("form.budget_total", total=fmt_money(total, lang())))


def _confirm_delete(ref: FormRef, record: DossierRecord) -> None:
    obj, consequences = parts.deletion(record.dossier, ref.spec, ref.item)
    if obj is None:
        return
    code = lang()
    with st.container(border=True):
        st.warning(md("form.delete_confirm", name=labels.item_title(obj, record.dossier, code)))
        deleted = [c for c in consequences if c.action == "delete"]
        unlinked = [c for c in consequences if c.action == "unlink"]
        if deleted:
            st.text(
                tr("form.delete_also")
                + "\n"
                + "\n".join("• " + labels.unit_title(c.unit, record.dossier, code) for c in deleted)
            )
        if unlinked:
            st.text(
                tr("form.delete_unlinks")
                + "\n"
                + "\n".join("• " + labels.unit_title(c.unit, record.dossier, code) for c in unlinked)
            )
        left = right = st.container(horizontal=True)
        left.button(
            tr("form.delete_yes"),
            key=f"delete_yes_{ref.id}",
            type="primary",
            on_click=editing.delete,
            args=(ref, record.id),
        )
        right.button(
            tr("form.cancel"), key=f"delete_no_{ref.id}", on_click=editing.ask_delete, args=(ref, False)
        )


def _conflict_panel(ref: FormRef, record: DossierRecord) -> None:
    """When a save met someone else's newer version: who, when, what they changed; theirs or mine."""
    conflict = editing.state(ref).get("conflict")
    if not conflict:
        return
    code = lang()
    at = fmt_datetime(conflict["at"], code) if conflict["at"] else "?"
    with st.container(border=True, key=f"conflict_{ref.id}"):
        st.warning(md("edit.conflict", by=conflict["by"], at=at), icon=":material/group:")
        theirs = conflict["theirs"]
        if theirs is None:
            st.text(tr("edit.conflict_deleted"))
        else:
            st.caption(tr("edit.conflict_theirs"))
            lines = labels.describe(ref.spec, theirs, record.dossier, code, only=conflict["changed"] or None)
            st.text("\n".join(f"{label}: {value}" for label, value in lines))
        st.caption(tr("edit.conflict_yours_kept"))
        bar = st.container(horizontal=True)
        bar.button(
            tr("edit.take_theirs"), key=f"take_theirs_{ref.id}", on_click=editing.take_theirs, args=(ref,)
        )
        bar.button(
            tr("edit.keep_mine"),
            key=f"keep_mine_{ref.id}",
            type="primary",
            on_click=editing.keep_mine,
            args=(ref, record.id),
        )
