"""The inbox in a Workspace: what is new for this person, review requests, assignments, their mail.

Mail (optional, collab/mail.py) is handed over after the call's transaction committed and sent on
a thread of its own: a reply, an assignment or a review request never waits for, nor fails
because of, the mail server.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workbench.access.permissions import Action, DossierRole
from workbench.collab.handoffs import Handoffs, ReviewRequest
from workbench.collab.inbox import Inbox, InboxItem
from workbench.collab.mail import Mail, Outbox
from workbench.collab.review_records import ReviewError, Thread
from workbench.i18n import LANGUAGES, t
from workbench.workspace.review import ReviewCalls

INBOX_LIMIT = 200  # read items shown at once (every unread one is, however old); older ones are still there


class InboxCalls(ReviewCalls):
    """This person's inbox across their dossiers; asking a coach for a review; assigning a thread."""

    @property
    def outbox(self) -> Outbox:
        found: Outbox | None = getattr(self, "_outbox", None)
        if found is None:
            found = self._outbox = Outbox.from_env(self.backend)
        return found

    # ------------------------------------------------------------ the inbox

    def inbox(self) -> list[InboxItem]:
        """Return what happened in this person's dossiers (newest first), each read or unread."""
        if self.user is None:
            return []
        items = Inbox(self.backend, migrate=False).items(self.user.id, self.by)
        # Every unread item, however many newer ones were read: it must not fall off the list or the count.
        unread = sum(1 for i in items if i.unread)
        read = [i for i in items if not i.unread][: max(0, INBOX_LIMIT - unread)]
        kept = {id(i) for i in read}
        return [i for i in items if i.unread or id(i) in kept]

    def unread_counts(self) -> Counter[int]:
        """Count the unread items per dossier."""
        return Counter(i.dossier_id for i in self.inbox() if i.unread)

    def mark_read(self, items: Iterable[InboxItem]) -> None:
        """Record that this person has read these items as they are now."""
        if self.user is not None:
            Inbox(self.backend, migrate=False).mark_read(self.user.id, {i.key: i.at for i in items})

    def mark_threads_read(self, dossier_id: int, thread_ids: Iterable[int]) -> None:
        """Mark the inbox items of these threads read (they were shown to this person)."""
        wanted = set(thread_ids)
        self.mark_read(
            i for i in self.inbox() if i.unread and i.dossier_id == dossier_id and i.thread_id in wanted
        )

    # ------------------------------------------------------------ replies tell the people in the thread

    def reply(self, dossier_id: int, thread_id: int, body: str) -> Thread:
        thread = super().reply(dossier_id, thread_id, body)
        people = {e.author_id for e in thread.entries if e.author_id is not None} | {thread.assignee_id}
        self._mail(people, "mail.reply", dossier_id, who=self.by, text=thread.entries[-1].body)
        return thread

    # ------------------------------------------------------------ handing work to someone

    def assign_thread(self, dossier_id: int, thread_id: int, user_id: int | None) -> Thread:
        """Assign a thread to a member of the dossier (None: to nobody)."""
        self.require(Action.COMMENT, dossier_id)
        thread = Handoffs(self.backend, migrate=False).assign(dossier_id, thread_id, user_id, self._user_id)
        first = thread.comments[0].body if thread.comments else ""
        self._mail({user_id}, "mail.assigned", dossier_id, who=self.by, text=first)
        return thread

    def request_review(self, dossier_id: int, coach_id: int, note: str = "") -> ReviewRequest:
        """Ask a member with the coach role to review the dossier."""
        self.require(Action.REQUEST_REVIEW, dossier_id)
        request = Handoffs(self.backend, migrate=False).request_review(
            dossier_id, coach_id, note, self.by, self._user_id
        )
        self._mail({coach_id}, "mail.request", dossier_id, who=self.by, text=request.note)
        return request

    def review_requests(self, dossier_id: int) -> list[ReviewRequest]:
        self.require(Action.READ, dossier_id)
        return Handoffs(self.backend, migrate=False).review_requests(dossier_id)

    def coaches(self, dossier_id: int) -> list[tuple[int, str]]:
        """List the members with the coach role: (user id, name)."""
        self.require(Action.READ, dossier_id)
        return [
            (m.user_id, m.display_name or m.email)
            for m in self.accounts.members(dossier_id)
            if m.role == DossierRole.COACH
        ]

    def mail_failures(self) -> list[dict[str, str]]:
        """Return the newest mail that could not be sent (administrators only)."""
        self._require_admin()
        return self.outbox.failures()

    # ------------------------------------------------------------ mail, after the commit

    def _mail(self, user_ids: Iterable[int | None], key: str, dossier_id: int, **params: str) -> None:
        outbox = self.outbox
        if not outbox.enabled:
            return
        try:
            name = self.store.load(dossier_id).dossier.identity.name
            mails = []
            # Only current members: someone who wrote in a thread or was assigned it may have left since.
            members = {m.user_id for m in self.accounts.members(dossier_id)}
            for user_id in (set(user_ids) & members) - {self._user_id}:
                user = self.accounts.get_user(user_id) if user_id is not None else None
                if user is None or user.disabled:
                    continue
                body = "\n\n---\n\n".join(
                    t(f"{key}.body", code, dossier=name, **params) for code in LANGUAGES
                )
                subject = t(f"{key}.subject", LANGUAGES[0], dossier=name, who=params.get("who", ""))
                mails.append(Mail(to=user.email, to_name=user.label, subject=subject, body=body))
        except (ReviewError, LookupError):
            return
        outbox.send_later(mails)
