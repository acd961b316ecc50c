"""What the workshop pages share: the workshop in use, the join link, the timer, the hulpvragen."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st

from workbench.access.permissions import AccessDenied
from workbench.collab.room_address import qr_png, reachable_from_the_room, room_join_url
from workbench.collab.workshop_records import Workshop, WorkshopError
from workbench.guide.guidance import guidance
from workbench.refusal import Refusal
from workbench.ui.common import lang, store, tr
from workbench.ui.markup import inert, md

JOIN_PATH = "meedoen"  # url_path of the participant page: /meedoen?join=CODE
PROJECTOR_PATH = "projector"
PARTICIPANT_TOKEN = "part_token"  # a participant's token: only in this browser session, never in the address
LEFT = "part_left"  # this tab left the workshop: it gets the whole workbench again


def current_workshop(dossier_id: int) -> Workshop | None:
    """Return the workshop in use: from the address bar first (the projector is another tab)."""
    raw = st.query_params.get("workshop")
    if raw and raw.isdigit():
        st.session_state["workshop_id"] = int(raw)
    wanted = st.session_state.get("workshop_id")
    if wanted is None:
        return None
    try:
        found = store().workshop(int(wanted))
    except (WorkshopError, AccessDenied):  # gone, or of a dossier this person may not read
        found = None
    if found is None or found.dossier_id != dossier_id:  # another dossier's workshop: not here
        st.session_state.pop("workshop_id", None)
        return None
    return found


def use_workshop(workshop_id: int) -> None:
    """Remember the workshop to show and put it in the address bar."""
    st.session_state["workshop_id"] = workshop_id
    st.query_params["workshop"] = str(workshop_id)


def page_url(path: str, **params: str | int) -> str:
    """Return the address of one of our pages on this server, as the browser reached it."""
    url = urlsplit(st.context.url or "")
    origin = f"{url.scheme}://{url.netloc}" if url.netloc else ""
    return f"{origin}/{path}?{urlencode(params)}"


def join_url(code: str) -> str:
    """Return the link participants open: the participant page with the code filled in."""
    return page_url(JOIN_PATH, join=code)


def room_url(code: str) -> str | None:
    """Return the join link the room's phones can open (never loopback; None: no such address)."""
    return room_join_url(st.context.url or "", code)


def show_room_link(code: str) -> str | None:
    """Show the join link phones can use, or why there is none; return that link."""
    listening = st.get_option("server.address")
    if not reachable_from_the_room(listening):
        st.warning(md("projector.loopback_only", address=listening), icon=":material/wifi_off:")
        return None
    url = room_url(code)
    if url is None:
        st.warning(tr("projector.no_address"), icon=":material/wifi_off:")
        return None
    with st.container(key="room_link"):
        st.text(url)
    return url


def show_room_qr(url: str) -> None:
    """Show the QR code of a join link."""
    with st.container(key="room_qr"):
        st.image(qr_png(url), caption=tr("projector.qr"), width=260)


def clock(seconds: int | None) -> str:
    """Format the time left in a round: '4:05' ('' when no round runs)."""
    if seconds is None:
        return ""
    return f"{seconds // 60}:{seconds % 60:02d}"


def questions(section: str) -> list[str]:
    """Return the hulpvragen of a section in this session's language."""
    found = guidance(section, lang())
    return found.questions if found else []


def refused(exc: Refusal) -> None:
    """Show a refusal in the user's language (our catalogue text with numbers, inert all the same)."""
    st.error(inert(exc.message(lang())), icon=":material/block:")
