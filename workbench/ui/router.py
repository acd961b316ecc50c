"""The router: the pages this person may see, in the sidebar; streamlit_app.py runs it every script run."""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from workbench.access.account_records import User
from workbench.access.permissions import AccessDenied, Action
from workbench.dossier.steps import STEPS
from workbench.store.db import StorageFailure
from workbench.store.dossiers import DossierNotFound
from workbench.ui import after_save, editing, faults, kept_drafts, look, session
from workbench.ui.common import (
    ICON,
    PAGES,
    current_dossier_id,
    current_user,
    forget_dossier,
    init_state,
    keep_in_address,
    lang,
    login_required,
    script_run,
    store,
    tr,
)
from workbench.ui.markup import md
from workbench.ui.progress_view import STATE_ICONS
from workbench.ui.session import cookie
from workbench.ui.session_routes import BROWSER_COOKIE
from workbench.ui.sidebar import sidebar
from workbench.ui.workshop_view import JOIN_PATH, LEFT, PARTICIPANT_TOKEN, PROJECTOR_PATH

_JOINED = "browser_joined"  # this browser's cookie names a participant of an open workshop
_PAGES = "_menu_pages"  # this tab's menu entries, by what they were made from
_MOST_PAGES = 200  # a tab that switched language and counts often starts its collection again


def _page(path: str, **options: Any) -> StreamlitPage:
    """Return a menu entry, made once per tab for the same path, title, icon, address and default.

    Making one resolves its file on disk (a dozen system calls); the menu has 27 of them and is
    made on every run. An entry is kept for this tab only: st.navigation marks the page it runs
    and the default on the entry itself, so it is set back to how a new one starts.
    """
    kept: dict[tuple[Any, ...], StreamlitPage] = st.session_state.setdefault(_PAGES, {})
    key = (path, *sorted(options.items()))
    page = kept.get(key)
    if page is None:
        if len(kept) >= _MOST_PAGES:
            kept.clear()
        page = kept[key] = st.Page(path, **options)
    page._default = bool(options.get("default", False))
    page._can_be_called = False
    return page


def main() -> None:
    """Route this script run: the login pages, or the workbench with the open dossier's pages."""
    with script_run():  # one Workspace for the whole run, forgotten when it ends
        st.set_page_config(page_title="Digibank Werkbank", page_icon=ICON, layout="wide")
        init_state()
        look.apply(lang())
        if session.begin_run():  # a reload or a new tab: the login in the cookie, the name typed before
            st.caption(tr("session.moving"))  # the browser is on its way to the cookie route
            return
        editing.keep_drafts()  # before any page runs: what was typed outlives the widgets
        after_save.page_starts()  # a save on the page drawn now reruns the whole page unless it says
        faults.apply_clears()  # texts saved in the last run leave their widgets now, before they are drawn
        try:
            _route()
        except StorageFailure as failure:  # the router itself could not read who is logged in or the dossier
            faults.show_unavailable(failure)


def _route() -> None:
    user = current_user()
    open_mode = user is None and not login_required()
    sidebar(user, open_mode)
    # An invitation link opens the join page, until this tab has used that code.
    inviting = st.query_params.get("invite", "") not in ("", st.session_state.get("join_used"))
    # Workshop participants join with a code and a name only: that page needs no account.
    participate = _page(
        PAGES["participate"], title=tr("nav.participate"), icon=":material/front_hand:", url_path=JOIN_PATH
    )
    if open_mode and _participant_only():
        # A phone that joined with a code: the participant's page only. The dossier's pages are not
        # in the page at all; their addresses (typed, or an old link) open the participant's page
        # with a refusal, as the login page stands in for them when logins are required.
        title = tr("nav.participate")
        home = _page(PAGES["participate"], title=title, url_path="meedoen_start", default=True)
        elsewhere = [_page(PAGES["participate"], title=title, url_path=p) for p in _login_elsewhere()]
        navigation = st.navigation([home, participate, *elsewhere], position="hidden")
        if navigation.url_path not in ("", JOIN_PATH):
            forget_dossier()
            st.error(tr("participate.only_workshop"), icon=":material/block:")
        run(navigation, participate)
        return
    if user is None and not open_mode:
        # Accounts exist: nothing but logging in, joining with an invitation or a workshop code.
        login = _page(
            PAGES["login"], title=tr("access.nav.login"), icon=":material/login:", default=not inviting
        )
        join = _page(
            PAGES["join"], title=tr("access.nav.join"), icon=":material/group_add:", default=inviting
        )
        # A link to any page (a reload, a shared link: /partners?dossier=3) asks to log in right
        # there, and after logging in the browser comes back to it (session.entry).
        elsewhere = [
            _page(PAGES["login"], title=tr("access.nav.login"), url_path=path) for path in _login_elsewhere()
        ]
        run(st.navigation([login, join, participate, *elsewhere], position="hidden"), participate)
        return
    dossier_id = current_dossier_id()
    if dossier_id is not None and not store().can(Action.READ, dossier_id):
        # A link or an id typed into the address bar: refuse before any page reads anything.
        forget_dossier()
        st.error(tr("access.denied_dossier"), icon=":material/block:")
        dossier_id = None
    kept_drafts.follow(dossier_id)
    kept_drafts.sync(kept_drafts.draft_owner(open_mode), dossier_id)  # a reload: the unsaved text is back
    navigation = _navigation(user, dossier_id, inviting, participate)
    if dossier_id is not None and navigation.url_path != JOIN_PATH:
        # Every page carries the open dossier in its address (a page change drops the query):
        # a reload comes back to the same dossier and page, and the address can be shared.
        keep_in_address(dossier_id)
    run(navigation, participate)


def _participant_only() -> bool:
    """Tell whether this tab is a workshop participant's: it joined with a code (or this browser did)."""
    if st.session_state.get(LEFT):
        return False
    if st.session_state.get(PARTICIPANT_TOKEN) or "join" in st.query_params:
        return True
    if _JOINED not in st.session_state:  # once per tab: this browser's cookie names a participant
        browser = cookie(BROWSER_COOKIE) or ""
        st.session_state[_JOINED] = store().participation.joined_open(browser) is not None
    return bool(st.session_state[_JOINED])


def _login_elsewhere() -> list[str]:
    """Return the address of every page a logged-in person could open (the login page stands in)."""
    own = {JOIN_PATH, _page(PAGES["login"]).url_path, _page(PAGES["join"]).url_path}
    paths = [_page(PAGES[key]).url_path for key in PAGES]
    return [p for p in dict.fromkeys([*paths, "history", "inbox", PROJECTOR_PATH]) if p and p not in own]


def run(navigation: StreamlitPage, participate: StreamlitPage) -> None:
    """Run the chosen page; a workshop code in any link (?join=CODE) opens the participant page."""
    if "join" in st.query_params and navigation.url_path != JOIN_PATH:
        st.switch_page(participate, query_params={"join": st.query_params["join"]})
    faults.show_pending()  # a save in a button callback met a database fault
    try:
        navigation.run()
    except AccessDenied:
        # The core refused (a role changed meanwhile, a crafted request): say so, show nothing more.
        st.error(tr("access.denied_dossier"), icon=":material/block:")
    except StorageFailure as failure:
        # The page could not read the database: the menu stays, drafts stay in the session.
        faults.show_unavailable(failure)


def _workbench_pages(user: User | None, inviting: bool, participate: StreamlitPage) -> list[StreamlitPage]:
    start = _page(PAGES["start"], title=tr("nav.start"), icon=":material/home:", default=not inviting)
    pages = [
        start,
        _inbox_page(user),
        _page(PAGES["portfolio"], title=tr("access.nav.portfolio"), icon=":material/dashboard:"),
        participate,
    ]
    if user is not None:
        pages.append(
            _page(PAGES["join"], title=tr("access.nav.join"), icon=":material/group_add:", default=inviting)
        )
        if user.is_admin:
            pages.append(
                _page(PAGES["users"], title=tr("access.nav.users"), icon=":material/manage_accounts:")
            )
    return pages


def _inbox_page(user: User | None) -> StreamlitPage:
    """Return the inbox's entry in the menu, with the number of unread items in its title."""
    try:
        unread = sum(store().unread_counts().values()) if user is not None else 0
    except StorageFailure:
        unread = 0  # the page itself will say the database is unavailable
    title = md("inbox.nav_count", count=unread) if unread else tr("inbox.nav")
    return _page(PAGES["inbox"], title=title, icon=":material/inbox:", url_path="inbox")


def _dossier_pages(dossier_id: int | None) -> list[StreamlitPage]:
    # Each step's icon shows its state in the open dossier (empty, in progress, complete, needs attention),
    # the coach's "werk nodig" counted in.
    try:
        states = store().section_progress(dossier_id).progress.states if dossier_id is not None else {}
    except DossierNotFound:
        states = {}
    return [
        *(
            _page(
                PAGES[s.key],
                title=tr(f"step.{s.key}"),
                icon=STATE_ICONS[states[s.key]] if s.key in states else ":material/radio_button_unchecked:",
            )
            for s in STEPS
        ),
        _page(PAGES["graph"], title=tr("nav.graph"), icon=":material/hub:"),
        _page(PAGES["documents"], title=tr("nav.documents"), icon=":material/description:"),
        _page(PAGES["history"], title=tr("nav.history"), icon=":material/history:", url_path="history"),
    ]


def _together_pages() -> list[StreamlitPage]:
    return [
        _page(PAGES["workshop"], title=tr("nav.workshop"), icon=":material/groups:"),
        _page(PAGES["projector"], title=tr("nav.projector"), icon=":material/tv:", url_path=PROJECTOR_PATH),
        _page(PAGES["consent"], title=tr("nav.consent"), icon=":material/how_to_vote:"),
        _page(PAGES["comments"], title=tr("access.nav.comments"), icon=":material/forum:"),
        _page(PAGES["review"], title=tr("access.nav.review"), icon=":material/fact_check:"),
        _page(PAGES["members"], title=tr("access.nav.members"), icon=":material/group:"),
    ]


def _navigation(
    user: User | None, dossier_id: int | None, inviting: bool, participate: StreamlitPage
) -> StreamlitPage:
    workbench_pages = _workbench_pages(user, inviting, participate)
    dossier_pages, together_pages = _dossier_pages(dossier_id), _together_pages()
    if dossier_id is None:
        navigation = st.navigation(
            {tr("nav.section.dossiers"): [*workbench_pages, *dossier_pages, *together_pages]},
            position="hidden",
        )
        with st.sidebar:  # the menu is hidden without a dossier: keep the workbench pages reachable
            for page in workbench_pages:
                st.page_link(page)
        return navigation
    return st.navigation(
        {
            tr("nav.section.dossiers"): workbench_pages,
            tr("nav.section.dossier"): dossier_pages,
            tr("access.nav.section"): together_pages,
        },
        expanded=True,
    )
