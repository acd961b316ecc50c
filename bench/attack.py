"""Guess like an attacker, in real browsers, against a running app: how many guesses get through?

    login: TABS browser tabs submit wrong passwords for one email at the same moment, for a few
           rounds, then one tab tries the right password. Every "wrong password" answer is a
           password check that ran on the server; "too many attempts" is one that did not.
    join:  TABS tabs type wrong workshop codes on /meedoen as fast as the app answers, for
           SECONDS; optionally a closed workshop's code, to compare its answer with an unknown one.

Each tab is its own browser context; with --spread each sends its own X-Forwarded-For address
(the app trusts it from loopback only, as from a reverse proxy on the same machine).

    python bench/attack.py login --url http://127.0.0.1:8501 --email ann@stad.be --password '...' --tabs 13
    python bench/attack.py join --url http://127.0.0.1:8501 --seconds 10 --tabs 3 --closed-code ABC234
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import time
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WRONG = re.compile(r"^(E-mailadres of wachtwoord klopt niet\.)$")
THROTTLED = re.compile(r"^Te veel (mislukte )?pogingen\..*$")
LOGIN_ANSWER = re.compile(f"{WRONG.pattern}|{THROTTLED.pattern}")
JOIN_ANSWER = re.compile(
    r"^(Die workshopcode kennen we niet|Er is geen open workshop|Deze workshop is|Te veel).*$"
)


def wait_for_app(page: Any) -> None:
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
    )


def open_tabs(browser: Any, count: int, url: str, spread: bool) -> list[Any]:
    tabs = []
    for n in range(count):
        headers = {"X-Forwarded-For": f"203.0.113.{n + 1}"} if spread else {}
        context = browser.new_context(locale="nl-BE", extra_http_headers=headers)
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(url)
        wait_for_app(page)
        tabs.append(page)
    return tabs


def login_attack(browser: Any, args: argparse.Namespace) -> dict[str, Any]:
    tabs = open_tabs(browser, args.tabs, args.url, args.spread)
    checked = throttled = 0
    for round_ in range(args.rounds):
        for n, tab in enumerate(tabs):
            tab.get_by_label("E-mailadres").fill(args.email)
            hidden = args.right_in_batch and n == len(tabs) - 1 and round_ == args.rounds - 1
            tab.get_by_label("Wachtwoord").fill(args.password if hidden else f"raden-{round_}-{n}")
        for tab in tabs:  # all at once: the first argon2 check is still running when the last click lands
            tab.get_by_role("button", name="Aanmelden").click()
        for tab in tabs:
            tab.get_by_text(LOGIN_ANSWER).or_(tab.get_by_role("button", name="Afmelden")).wait_for()
            wait_for_app(tab)
            checked += tab.get_by_text(WRONG).count()
            throttled += tab.get_by_text(THROTTLED).count()
    last = open_tabs(browser, 1, args.url, args.spread)[0]  # a fresh tab: no earlier answer on screen
    last.get_by_label("E-mailadres").fill(args.email)
    last.get_by_label("Wachtwoord").fill(args.password)
    last.get_by_role("button", name="Aanmelden").click()
    last.get_by_text(THROTTLED).or_(last.get_by_role("button", name="Afmelden")).wait_for()
    right = "refused (throttled)" if last.get_by_text(THROTTLED).count() else "got in"
    batch_in = sum(1 for tab in tabs if tab.get_by_role("button", name="Afmelden").count())
    return {
        "right_password_in_the_batch_got_in": batch_in if args.right_in_batch else None,
        "tabs": args.tabs,
        "rounds": args.rounds,
        "guesses": args.tabs * args.rounds,
        "password_checks_ran": checked,
        "throttled": throttled,
        "right_password_then": right,
    }


def join_attack(browser: Any, args: argparse.Namespace) -> dict[str, Any]:
    tabs = open_tabs(browser, args.tabs, f"{args.url}/meedoen", args.spread)
    answers: dict[str, int] = {}
    closed_answer = unknown_answer = ""
    for tab in tabs:
        tab.get_by_label("Je naam op het bord").fill("Raad Maar")
    if args.closed_code:
        closed_answer = _join_answer(tabs[0], args.closed_code)
        unknown_answer = _join_answer(tabs[0], "ZZZZZZ")
    sent, n, deadline = 0, 0, time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        for tab in tabs:
            n += 1
            code = "".join("ABCDEFGHJKMNPQRSTUVWXYZ23456789"[(n // 31**i) % 31] for i in range(6))
            answer = _join_answer(tab, code)
            key = "throttled" if answer.startswith("Te veel") else "unknown code"
            answers[key] = answers.get(key, 0) + 1
            sent += 1
    return {
        "tabs": args.tabs,
        "seconds": args.seconds,
        "wrong_codes_sent": sent,
        "answers": answers,
        "closed_code_answer": closed_answer,
        "unknown_code_answer": unknown_answer,
    }


def _join_answer(tab: Any, code: str) -> str:
    tab.get_by_label("Workshopcode").fill(code)
    tab.get_by_role("button", name="Doe mee").click()
    # The answer may repeat the last one word for word: wait for this run to start, then to end.
    with contextlib.suppress(PlaywrightTimeout):  # a run too quick to show its status
        tab.wait_for_selector("[data-testid='stStatusWidget']", timeout=400)
    wait_for_app(tab)
    return str(tab.get_by_text(JOIN_ANSWER).first.inner_text())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", choices=["login", "join"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--email", default="ann@stad.be")
    parser.add_argument("--password", default="")
    parser.add_argument("--tabs", type=int, default=13)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--closed-code", default="")
    parser.add_argument("--right-in-batch", action="store_true", help="the last tab sends the right password")
    parser.add_argument("--spread", action="store_true", help="every tab its own X-Forwarded-For address")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        summary = login_attack(browser, args) if args.mode == "login" else join_attack(browser, args)
        browser.close()
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
