"""Where the room's phones join: the configured URL, else the LAN address, never loopback; its QR code.

The projector's own browser often reached the app at 127.0.0.1, which no phone can open. So the
join link is built from, in this order: `WORKBENCH_PUBLIC_URL` (the operator knows best: a name
behind a proxy, https), the address the browser used if it is not loopback, this machine's
network address with the port the browser used. Loopback is never offered; without a network
address there is none, and the page says why. Finding the address sends nothing: a UDP socket
is connected (which only picks the route) and never written to.
"""

from __future__ import annotations

import io
import ipaddress
import os
import socket
from urllib.parse import urlencode, urlsplit

import segno

PUBLIC_URL_SETTING = "WORKBENCH_PUBLIC_URL"
JOIN_PATH = "meedoen"
_PROBE = ("192.0.2.1", 9)  # TEST-NET-1 (RFC 5737): a route is looked up, no packet is sent


def _loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_address() -> str | None:
    """Return this machine's network address (IPv4, not loopback), or None when it has none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            found = str(probe.getsockname()[0])
    except OSError:
        found = ""
    if found and not _loopback(found) and found != "0.0.0.0":
        return found
    try:
        candidates = {
            str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        }
    except OSError:
        return None
    return next((a for a in sorted(candidates) if not _loopback(a)), None)


def reachable_from_the_room(listening: str | None, environ: dict[str, str] | None = None) -> bool:
    """Tell whether phones can reach this server: it listens beyond loopback, or a public URL is set."""
    if (environ if environ is not None else os.environ).get(PUBLIC_URL_SETTING, "").strip():
        return True  # a proxy in front knows the way
    return not listening or not _loopback(listening)  # no address set: Streamlit listens everywhere


def room_base(browser_url: str, environ: dict[str, str] | None = None, lan: str | None = None) -> str | None:
    """Return the base address ('http://host:port') phones can open, or None when there is none."""
    configured = (environ if environ is not None else os.environ).get(PUBLIC_URL_SETTING, "").strip()
    if configured:
        parts = urlsplit(configured)
        if parts.scheme in ("http", "https") and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    seen = urlsplit(browser_url or "")
    host = seen.hostname or ""
    if host and not _loopback(host):
        return f"{seen.scheme}://{seen.netloc}"
    address = lan if lan is not None else lan_address()
    if not address:
        return None
    port = f":{seen.port}" if seen.port else ""
    return f"{seen.scheme or 'http'}://{address}{port}"


def room_join_url(
    browser_url: str, code: str, environ: dict[str, str] | None = None, lan: str | None = None
) -> str | None:
    """Return the join link for the room's phones (None: this machine has no address phones can reach)."""
    base = room_base(browser_url, environ, lan)
    return f"{base}/{JOIN_PATH}?{urlencode({'join': code})}" if base else None


def qr_png(url: str) -> bytes:
    """Draw a QR code of an address as PNG bytes, offline (segno: pure Python)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=10, border=2)
    return out.getvalue()
