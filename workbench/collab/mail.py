"""Optional e-mail about inbox items, through an SMTP server the operator configures.

Nothing is sent unless `$WORKBENCH_SMTP_HOST` is set (the workbench works offline without it):
`$WORKBENCH_SMTP_PORT` (25, or 587 with STARTTLS), `$WORKBENCH_SMTP_FROM` (the sender),
`$WORKBENCH_SMTP_STARTTLS=1`, `$WORKBENCH_SMTP_USER` and `$WORKBENCH_SMTP_PASSWORD`.
A Workspace hands mail over only after its transaction committed; it is sent on a thread of its
own, so a slow or broken server never holds up or fails a save. A failure is logged and kept in
`mail_failures` for administrators (the users page), never shown to the person who saved.

Mail is plain text. User text in it is data: names and subjects lose their line breaks (no header
can be injected), the body is text/plain and never HTML.
"""

from __future__ import annotations

import logging
import os
import re
import smtplib
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr

from workbench.clock import stamp
from workbench.store.db import Address, open_backend

log = logging.getLogger(__name__)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
MAX_SUBJECT = 200
TIMEOUT = 20  # seconds: a server that hangs ends a send thread, never a save


def one_line(text: str, limit: int = MAX_SUBJECT) -> str:
    """Return text fit for a mail header: control characters (CR, LF, ...) become spaces, cut to a limit."""
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int = 25
    sender: str = "werkbank@localhost"
    starttls: bool = False
    user: str = ""
    password: str = field(default="", repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> MailSettings | None:
        """Read the operator's settings; None when no server is configured."""
        env = os.environ if env is None else env
        host = env.get("WORKBENCH_SMTP_HOST", "").strip()
        if not host:
            return None
        starttls = env.get("WORKBENCH_SMTP_STARTTLS", "").strip().lower() in ("1", "true", "yes")
        return cls(
            host=host,
            port=int(env.get("WORKBENCH_SMTP_PORT", "") or (587 if starttls else 25)),
            sender=env.get("WORKBENCH_SMTP_FROM", "").strip() or "werkbank@localhost",
            starttls=starttls,
            user=env.get("WORKBENCH_SMTP_USER", ""),
            password=env.get("WORKBENCH_SMTP_PASSWORD", ""),
        )


@dataclass(frozen=True)
class Mail:
    to: str  # an e-mail address
    to_name: str
    subject: str
    body: str


def message(mail: Mail, sender: str) -> EmailMessage:
    """Build the plain-text message; user text never reaches a header unflattened."""
    msg = EmailMessage()
    msg["From"] = one_line(sender)
    msg["To"] = formataddr((one_line(mail.to_name, 100), one_line(mail.to, 254)))
    msg["Subject"] = one_line(mail.subject)
    msg.set_content(mail.body, subtype="plain", charset="utf-8")
    return msg


class Outbox:
    """Send mail after a commit, on threads of their own; failures go to the log and `mail_failures`."""

    def __init__(self, address: Address, settings: MailSettings | None) -> None:
        self.backend = open_backend(address)
        self.settings = settings
        self._threads: list[threading.Thread] = []

    @classmethod
    def from_env(cls, address: Address) -> Outbox:
        return cls(address, MailSettings.from_env())

    @property
    def enabled(self) -> bool:
        return self.settings is not None

    def send_later(self, mails: list[Mail]) -> None:
        """Send these mails without waiting for them (nothing happens without a configured server)."""
        if self.settings is None or not mails:
            return
        worker = threading.Thread(target=self.send, args=(mails,), name="workbench-mail", daemon=True)
        self._threads.append(worker)
        worker.start()

    def wait(self, timeout: float = 60) -> None:
        """Wait for this outbox's mail to be sent (tests, the command line)."""
        for worker in self._threads:
            worker.join(timeout)

    def send(self, mails: list[Mail]) -> None:
        """Send mails now, one connection for all; record each one that fails."""
        settings = self.settings
        if settings is None:
            return
        try:
            with smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT) as smtp:
                if settings.starttls:
                    smtp.starttls()
                if settings.user:
                    smtp.login(settings.user, settings.password)
                for mail in mails:
                    try:
                        smtp.send_message(message(mail, settings.sender))
                    except (smtplib.SMTPException, ValueError) as exc:
                        self._failed(mail, exc)
        except (OSError, smtplib.SMTPException) as exc:
            for mail in mails:
                self._failed(mail, exc)

    def _failed(self, mail: Mail, exc: Exception) -> None:
        log.warning("mail to %s not sent: %s", mail.to, exc)
        try:
            with self.backend.write(scope_of_mail()) as db:
                db.execute(
                    "INSERT INTO mail_failures (at, recipient, subject, error) VALUES (?, ?, ?, ?)",
                    [stamp(), mail.to, one_line(mail.subject), one_line(str(exc), 500)],
                )
        except Exception:  # the database itself failed: the log line is all there is
            log.exception("mail failure not recorded")

    def failures(self, limit: int = 20) -> list[dict[str, str]]:
        """Return the newest failures, for administrators."""
        with self.backend.read() as db:
            rows = db.query(
                "SELECT at, recipient, subject, error FROM mail_failures ORDER BY id DESC LIMIT ?", [limit]
            )
            return [{k: str(v) for k, v in r.items()} for r in rows]


def scope_of_mail() -> str:
    """Name what recording a failure locks: only the failures themselves."""
    return "mail:failures"
