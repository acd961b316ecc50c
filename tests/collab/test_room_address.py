"""The address phones in the room open: configured, as the browser saw it, or the LAN address."""

from __future__ import annotations

import io

from PIL import Image

from workbench.collab.room_address import lan_address, qr_png, reachable_from_the_room, room_join_url


def test_a_configured_public_url_wins() -> None:
    env = {"WORKBENCH_PUBLIC_URL": "https://werkbank.example.be/app/"}
    url = room_join_url("http://127.0.0.1:8501/workshop_page", "K7P2QX", env, lan="192.168.1.20")
    assert url == "https://werkbank.example.be/app/meedoen?join=K7P2QX"


def test_a_loopback_browser_address_becomes_the_lan_address_with_the_same_port() -> None:
    for seen in ("http://127.0.0.1:8501/projector?x=1", "http://localhost:8501/", "http://[::1]:8501/"):
        url = room_join_url(seen, "K7P2QX", {}, lan="192.168.1.20")
        assert url == "http://192.168.1.20:8501/meedoen?join=K7P2QX"


def test_an_address_phones_can_reach_is_kept_as_the_browser_used_it() -> None:
    url = room_join_url("http://10.0.0.5:8501/projector", "K7P2QX", {}, lan="192.168.1.20")
    assert url == "http://10.0.0.5:8501/meedoen?join=K7P2QX"


def test_without_a_network_address_there_is_no_link_rather_than_a_loopback_one() -> None:
    assert room_join_url("http://127.0.0.1:8501/", "K7P2QX", {}, lan="") is None
    found = lan_address()
    assert found is None or not found.startswith("127.")


def test_the_qr_code_is_a_png_drawn_offline() -> None:
    picture = Image.open(io.BytesIO(qr_png("http://192.168.1.20:8501/meedoen?join=K7P2QX")))
    assert picture.format == "PNG" and picture.size[0] == picture.size[1] >= 250


def test_a_server_listening_on_loopback_only_is_not_reachable_unless_a_public_url_is_set() -> None:
    assert not reachable_from_the_room("127.0.0.1", {})
    assert not reachable_from_the_room("localhost", {})
    assert reachable_from_the_room("0.0.0.0", {}) and reachable_from_the_room(None, {})
    assert reachable_from_the_room("127.0.0.1", {"WORKBENCH_PUBLIC_URL": "https://werkbank.example.be"})
