"""What every step page shares: the open dossier, the heading, guidance, item lists and previous / next."""

from __future__ import annotations

import streamlit as st

from workbench.dossier.model import Model
from workbench.dossier.steps import STEP_KEYS, neighbours
from workbench.guide import items as list_items
from workbench.guide import labels
from workbench.guide.form_specs import FormSpec
from workbench.guide.guidance import guidance
from workbench.i18n import t
from workbench.store.dossiers import DossierRecord
from workbench.ui import after_save, derived, editing, form_view
from workbench.ui.comments import item_comments, section_panel
from workbench.ui.common import current_dossier_id, fragment, lang, store, tr
from workbench.ui.editing import FormRef
from workbench.ui.markup import bullets, inert, md, strong
from workbench.ui.prelude import open_record
from workbench.ui.progress_view import STATE_ICONS, finding_line, link_to_step, state_label

SEARCH_FROM = 12  # lists longer than this get a search field
PAGE_SIZE = 20  # items drawn at once: a page of a 300-role list costs what a short list costs


def begin(step_key: str, *, lists_alone: bool = False) -> DossierRecord | None:
    """Load the open dossier and draw the step's heading; None (with a way back) when there is none.

    `lists_alone`: nothing on this page follows a save of a list item but the lists and the
    step's state (every other form is a fragment of its own): such a save reruns those alone.
    """
    record = open_record()
    if record is None:
        return None
    if lists_alone:
        after_save.lists_alone(record.id)
    if focus := st.query_params.get("focus"):
        # A link from the Overzicht names the item to look at: open it once, then tidy the address.
        st.session_state["focus"] = focus
        del st.query_params["focus"]
    number = STEP_KEYS.index(step_key) + 1
    st.caption(md("step.of", name=record.dossier.identity.name, n=number, total=len(STEP_KEYS)))
    st.title(tr(f"step.{step_key}"))
    # One container whatever the findings, so the forms below keep their place in the page.
    with st.container(key="step_status"):
        _status(step_key, record.id)
    return record


@fragment(key=after_save.STATUS)
def _status(step_key: str, dossier_id: int) -> None:
    """Show how far this step is and its open points (assessor hints), always as one element."""
    if message := st.session_state.pop("flash", None):  # a save's confirmation
        st.toast(md(message), icon=":material/check:")
    progress = store().section_progress(dossier_id).progress  # the coach's verdict counted in
    state = progress.states[step_key]
    found = progress.findings_for(step_key)
    percent = round(progress.completeness[step_key] * 100)
    key = "step.status" if len(found) > 1 else "step.status_one" if found else "step.status_done"
    label = md(
        key,
        state=state_label(state),
        percent=percent,
        count=len(found),
    )
    with st.expander(label, icon=STATE_ICONS[state]):
        if found:  # one element for all of them: a save reruns this part, with thirty points or one
            st.text("\n".join(finding_line(f) for f in found))


def guidance_panel(step_key: str) -> None:
    """Show the step's hulpvragen and example, then the coach's verdict and the comments beside it."""
    _guidance(step_key)
    dossier_id = current_dossier_id()
    if dossier_id is not None:
        section_panel(dossier_id, step_key)


def _guidance(step_key: str) -> None:
    """Show the step's hulpvragen and an example from practice (catalogue text, inert all the same)."""
    found = guidance(step_key, lang())
    if found is None:
        return
    with st.container(border=True, key=f"guidance_{step_key}"):
        if found.intro:
            st.markdown(strong(found.intro))
        st.markdown(strong(tr("guidance.questions")))
        st.markdown(bullets(found.questions))
        if found.example:
            st.markdown(strong(tr("guidance.example")))
            st.caption(inert(found.example))


def end(step_key: str) -> None:
    """Draw the previous / next bar of the workshop flow."""
    st.session_state.pop("focus", None)  # an item to open that this page did not have
    before, after = neighbours(step_key)
    dossier_id = current_dossier_id()
    st.divider()
    left, _, right = st.columns([3, 2, 3])
    if before:
        with left:
            link_to_step(
                before,
                tr("step.previous", name=tr(f"step.{before}")),
                dossier_id,
                icon=":material/arrow_back:",
            )
    if after:
        with right:
            link_to_step(
                after, tr("step.next", name=tr(f"step.{after}")), dossier_id, icon=":material/arrow_forward:"
            )


def items_of(record: DossierRecord, spec: FormSpec) -> list[Model]:
    """Return the items a list form edits, in saved order."""
    return list_items.items_of(record.dossier, spec)


item_key = list_items.item_key


def item_list(
    record: DossierRecord, spec: FormSpec, items: list[Model] | None = None, *, heading: bool = True
) -> None:
    """Draw a list as one expander per item (its form drawn only when open) and one to add an item.

    The list sits in its own container, so that an item added or removed does not move what
    follows it on the page (a moved element is rebuilt in the browser, losing text being typed).
    A list of the dossier's own items is a fragment that a save may rerun alone (after_save.py);
    a list of given items (sorted, filtered by the page) follows the page's run.
    """
    with st.container(key=f"list_{spec.key}"):
        if items is None:
            _list_of_dossier(record.id, spec, heading)
        else:
            after_save.whole_page()
            _item_list(record, spec, items, heading)


@fragment(key=after_save.LIST)
def _list_of_dossier(dossier_id: int, spec: FormSpec, heading: bool) -> None:
    # Read again: on a rerun of the list alone, the record of the page's run is an older one.
    _item_list(store().load(dossier_id), spec, None, heading)


def _item_list(record: DossierRecord, spec: FormSpec, items: list[Model] | None, heading: bool) -> None:
    code = lang()
    items = items_of(record, spec) if items is None else items
    if heading:
        st.subheader(tr(f"form.{spec.key}.list"))
    if not items:
        st.caption(tr(f"form.{spec.key}.empty"))
    titles = _titles(record, spec, items, code)
    if len(items) > SEARCH_FROM:
        needle = st.text_input(
            tr("form.search"), key=f"search_{spec.key}", placeholder=tr("form.search_hint")
        )
        if needle.strip():
            kept = [
                (o, title) for o, title in zip(items, titles, strict=True) if needle.lower() in title.lower()
            ]
            items, titles = [o for o, _ in kept], [title for _, title in kept]
    # Always drawn, so that the expanders below keep their place: an element that moves is
    # rebuilt in the browser, and text being typed into it would be lost.
    notice = st.container(key=f"unsaved_{spec.key}")
    refs = [FormRef(spec, item_key(spec, obj)) for obj in items]
    focus = st.session_state.get("focus")
    if focus and focus in {ref.item for ref in refs}:
        st.session_state[editing.open_key(FormRef(spec, focus))] = True
        position = [ref.item for ref in refs].index(focus)
        st.session_state[f"page_{spec.key}"] = position // PAGE_SIZE  # the page the item is on
        del st.session_state["focus"]
    new = FormRef(spec)
    unsaved = [title for ref, title in zip(refs, titles, strict=True) if editing.touched(ref)]
    if editing.touched(new):
        unsaved.append(tr(f"form.{spec.key}.new"))
    if unsaved:
        notice.caption(md("edit.unsaved_in", names=", ".join(unsaved)))
    for ref, title in _page(spec, list(zip(refs, titles, strict=True))):
        _expander(ref, record, title, None)
    if form_view.may_edit(new, record.id):  # a read-only person has nothing to add
        _expander(new, record, tr(f"form.{spec.key}.new"), ":material/add:")


def _titles(record: DossierRecord, spec: FormSpec, items: list[Model], code: str) -> list[str]:
    """Return the items' titles, named once per revision (a title looks up the partners it names)."""
    keys = tuple(item_key(spec, obj) for obj in items)
    shown = list(items)  # the items of this call, for the one call that names them
    return derived.once(
        "item_titles",
        record,
        lambda: [labels.item_title(obj, record.dossier, code) for obj in shown],
        spec.key,
        code,
        keys,
    )


def _page(spec: FormSpec, shown: list[tuple[FormRef, str]]) -> list[tuple[FormRef, str]]:
    """Return the items of the page chosen (long lists come in pages, with the page of an item to open)."""
    if len(shown) <= PAGE_SIZE:
        return shown
    total = len(shown)
    pages = -(-total // PAGE_SIZE)
    key = f"page_{spec.key}"
    opened = [i for i, (ref, _) in enumerate(shown) if st.session_state.get(editing.open_key(ref))]
    if st.session_state.get(key) not in range(pages):
        # A list that got shorter, or a new item opened: show the page it is on.
        st.session_state[key] = opened[-1] // PAGE_SIZE if opened else 0
    code = lang()  # format_func may run off the script thread: the language is read here
    chosen = st.selectbox(
        tr("form.page"),
        list(range(pages)),
        format_func=lambda i: t(
            "form.page_range",
            code,
            first=i * PAGE_SIZE + 1,
            last=min((i + 1) * PAGE_SIZE, total),
            total=total,
        ),
        key=key,
        placeholder=tr("form.choose"),
    )
    return shown[chosen * PAGE_SIZE : (chosen + 1) * PAGE_SIZE]


def _expander(ref: FormRef, record: DossierRecord, label: str, icon: str | None) -> None:
    """Draw a lazily filled expander holding one form; it stays open when its label changes."""
    key = editing.open_key(ref)
    box = st.expander(
        inert(label), expanded=bool(st.session_state.get(key)), key=key, on_change="rerun", icon=icon
    )
    if box.open:
        with box:
            form_view.draw(ref, record)
            if ref.item:  # comments pinned to this very item (a target group, a partner, a digipunt)
                item_comments(record.id, list_items.spec_step(ref.spec), ref.item)
