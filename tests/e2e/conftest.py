"""Browser fixtures: a real app on a free loopback port and headless Debian Chromium via Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("WORKBENCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
APP_URLS: set[str] = set()  # every app started by start_app: its pages must never violate the CSP
# Report every Content-Security-Policy refusal, in every frame, to the test (a binding of Playwright).
REPORT_CSP = """
document.addEventListener('securitypolicyviolation', e => window.__workbenchCsp(
    `${e.violatedDirective} ${e.blockedURI} in ${e.documentURI} (${e.sourceFile}:${e.lineNumber})`));
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class App:
    url: str
    db: Path | str  # a SQLite file, or a postgresql:// URL
    process: subprocess.Popen[bytes]


def start_app(db: Path | str, extra_env: dict[str, str] | None = None, log_file: Path | None = None) -> App:
    """Start `streamlit run streamlit_app.py` (st.App behind the security headers, workbench/ui/server.py)
    on a free loopback port and wait until it is healthy (a database URL needs a `log_file`)."""
    port = free_port()
    env = {**os.environ, "WORKBENCH_DB": str(db), **(extra_env or {})}
    log_path = log_file or Path(db).with_suffix(".log")
    log = open(log_path, "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "streamlit_app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    APP_URLS.add(url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return App(url=url, db=db, process=process)
        except OSError:
            time.sleep(0.3)
        if process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"the app did not start: {log_path.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A running app on its own fresh SQLite file."""
    running = start_app(tmp_path_factory.mktemp("app") / "workbench.db")
    yield running
    running.process.terminate()
    try:
        running.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        running.process.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Offline:
    """Records every request that tried to leave the machine (and blocks it)."""

    blocked: list[str] = field(default_factory=list)

    def route(self, route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        host = urlparse(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.blocked.append(request.url)
            route.abort()  # type: ignore[attr-defined]


@pytest.fixture
def offline() -> Offline:
    return Offline()


@dataclass
class PolicyViolations:
    """Records every Content-Security-Policy violation on a page of the app (not of other servers)."""

    seen: list[str] = field(default_factory=list)

    def report(self, source: dict[str, object], text: str) -> None:
        page_url = str(source["page"].url)  # type: ignore[attr-defined]
        if any(page_url.startswith(url) for url in APP_URLS):
            self.seen.append(text)


@pytest.fixture
def csp() -> PolicyViolations:
    return PolicyViolations()


@pytest.fixture
def new_page(browser: object, offline: Offline, csp: PolicyViolations) -> Iterator[object]:
    """Open pages in fresh browser contexts (each a separate user) with the network cut off; the app
    must work under its Content-Security-Policy (no violation reported on any of its pages)."""
    contexts = []

    def make(locale: str = "nl-BE") -> object:
        context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        context.route("**/*", offline.route)
        context.expose_binding("__workbenchCsp", csp.report)
        context.add_init_script(REPORT_CSP)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return page

    yield make
    for context in contexts:
        context.close()
    assert offline.blocked == [], f"requests left the machine: {offline.blocked}"
    assert csp.seen == [], f"the Content-Security-Policy refused: {csp.seen}"


def wait_for_app(page: object) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector("[data-testid='stApp']")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )


def upload_template(page: object, url: str, template: Path) -> None:
    """Open the page afresh and upload; return once the server has the file.

    The uploader lists the file's name before the upload has reached the server: a click then runs
    with the old file, and the upload's own rerun drops the click. The list of variables is drawn
    by the server, only once it has a template.
    """
    page.goto(url)  # type: ignore[attr-defined]
    wait_for_app(page)
    page.locator("input[type=file]").set_input_files(str(template))  # type: ignore[attr-defined]
    page.get_by_text("Variabelen die een sjabloon kan gebruiken").wait_for(timeout=60_000)  # type: ignore[attr-defined]
    wait_for_app(page)


def join_phone(app: App, new_page: Any, code: str, name: str, timeout: float | None = None) -> Any:
    """Open a new phone on the workshop's join link, join under `name`, and wait until it has settled."""
    phone = new_page()
    phone.goto(f"{app.url}/meedoen?join={code}")
    wait_for_app(phone)
    phone.get_by_label("Je naam op het bord").fill(name)
    phone.get_by_role("button", name="Doe mee").click()
    phone.get_by_text(f"Je doet mee als {name}").wait_for(timeout=timeout)
    wait_for_app(phone)  # the join's own rerun (the code goes into the address) has finished
    return phone
