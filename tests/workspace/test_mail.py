"""Mail after the commit through a local SMTP server: plain text, no header injection, failures kept."""

from __future__ import annotations

import email
import socket
import time
from collections.abc import Iterator
from email import policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.backends import rows
from tests.e2e.conftest import free_port
from tests.workspace.conftest import People
from workbench.collab.mail import Mail, MailSettings, message, one_line
from workbench.collab.reviews import Anchor
from workbench.store.db import open_backend

HOSTILE = "Eve\r\nBcc: victim@example.org\r\nX-Injected: yes"


class Collect:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Collect]:
    handler = Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("WORKBENCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WORKBENCH_SMTP_PORT", str(port))
    monkeypatch.setenv("WORKBENCH_SMTP_FROM", "werkbank@example.be")
    yield handler
    controller.stop()


def _wait(condition: Any, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_reply_mails_the_others_in_the_thread_after_the_commit(people: People, smtp: Collect) -> None:
    coach = people.workspace("coach")
    thread = coach.start_thread(people.dossier_id, Anchor(step="doelgroep"), "Hoeveel senioren?")
    coordinator = people.workspace("coordinator")
    coordinator.reply(people.dossier_id, thread.id, "Een 1.200 <b>ongeveer</b>\r\nBcc: x@example.org")
    coordinator.outbox.wait()
    _wait(lambda: len(smtp.envelopes) == 1)
    (envelope,) = smtp.envelopes
    assert envelope.rcpt_tos == ["coach@example.be"]
    parsed = email.message_from_bytes(envelope.content, policy=policy.default)
    assert parsed.get_content_type() == "text/plain"
    assert "Bcc" not in parsed and "Een 1.200 <b>ongeveer</b>" in parsed.get_content()


def test_review_request_and_assignment_mail_the_person_named(people: People, smtp: Collect) -> None:
    coordinator = people.workspace("coordinator")
    coordinator.request_review(people.dossier_id, people.ids["coach"], "Graag")
    thread = coordinator.start_thread(people.dossier_id, Anchor(step="partners"), "Wie tekent?")
    coordinator.assign_thread(people.dossier_id, thread.id, people.ids["coach"])
    coordinator.outbox.wait()
    _wait(lambda: len(smtp.envelopes) == 2)
    assert [e.rcpt_tos for e in smtp.envelopes] == [["coach@example.be"], ["coach@example.be"]]


def test_cr_lf_in_names_and_subjects_inject_no_header(people: People, smtp: Collect) -> None:
    # Account names are cleaned when typed; one written by another way (an older version, OIDC) is not.
    with open_backend(people.path).write() as db:
        db.execute("UPDATE users SET display_name = ? WHERE id = ?", [HOSTILE, people.ids["coordinator"]])
    coordinator = people.workspace("coordinator")
    coordinator.request_review(people.dossier_id, people.ids["coach"], "Graag")
    coordinator.outbox.wait()
    _wait(lambda: len(smtp.envelopes) == 1)
    (envelope,) = smtp.envelopes
    assert envelope.rcpt_tos == ["coach@example.be"]
    parsed = email.message_from_bytes(envelope.content, policy=policy.default)
    assert "Bcc" not in parsed and "X-Injected" not in parsed
    assert "\n" not in parsed["Subject"] and "Eve Bcc: victim@example.org" in parsed["Subject"]


def test_a_header_never_carries_a_line_break() -> None:
    built = message(
        Mail(to="a@example.be\r\nBcc: b@example.org", to_name=HOSTILE, subject=HOSTILE, body="x"), "w@x.be"
    )
    text = built.as_string()
    assert "\nBcc:" not in text and "\nX-Injected:" not in text
    assert one_line("a\u2028b\x85c\td") == "a b c d"


def test_a_dead_mail_server_fails_no_save_and_is_kept_for_admins(
    people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("WORKBENCH_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WORKBENCH_SMTP_PORT", str(port))
    coordinator = people.workspace("coordinator")
    request = coordinator.request_review(people.dossier_id, people.ids["coach"], "Graag")
    coordinator.outbox.wait()
    assert request.id  # the request is saved whatever the mail server does
    (failure,) = rows(people.path, "SELECT recipient, subject FROM mail_failures")
    assert failure["recipient"] == "coach@example.be"
    admin = people.accounts.add_user("admin@example.be", "Admin", admin=True)
    from workbench.workspace import Workspace

    assert [f["recipient"] for f in Workspace(people.path, admin).mail_failures()] == ["coach@example.be"]


def test_no_server_configured_sends_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_SMTP_HOST", raising=False)
    assert MailSettings.from_env() is None
    settings = MailSettings.from_env({"WORKBENCH_SMTP_HOST": "mail", "WORKBENCH_SMTP_STARTTLS": "1"})
    assert settings is not None and settings.port == 587 and settings.starttls


def test_a_reply_never_mails_someone_no_longer_a_member(people: People, smtp: Collect) -> None:
    # The coach wrote in the thread and was assigned to it, then left the dossier: the reply's text
    # is the dossier's content, and they may no longer read it.
    coach = people.workspace("coach")
    thread = coach.start_thread(people.dossier_id, Anchor(step="doelgroep"), "Hoeveel senioren?")
    coordinator = people.workspace("coordinator")
    coordinator.assign_thread(people.dossier_id, thread.id, people.ids["coach"])
    coordinator.outbox.wait()
    _wait(lambda: len(smtp.envelopes) == 1)
    coordinator.remove_member(people.dossier_id, people.ids["coach"])
    coordinator.reply(people.dossier_id, thread.id, "Vertrouwelijk: 1.200")
    coordinator.outbox.wait()
    coordinator.assign_thread(people.dossier_id, thread.id, None)
    coordinator.outbox.wait()
    assert len(smtp.envelopes) == 1  # only the assignment, while the coach was a member
