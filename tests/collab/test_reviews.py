"""Comment threads, section verdicts and rubric scores, read back from the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbench.collab.reviews import (
    Anchor,
    EntryKind,
    Level,
    ReviewError,
    Reviews,
    ReviewStatus,
    ThreadNotFound,
    ThreadStatus,
)
from workbench.store.dossiers import DossierNotFound

T0 = datetime(2026, 3, 5, 14, 0, tzinfo=UTC)


@pytest.fixture
def reviews(db_path: Path, dossier_id: int) -> Reviews:
    return Reviews(db_path)


def test_thread_with_replies_resolve_and_reopen_records_who_and_when(
    reviews: Reviews, dossier_id: int
) -> None:
    anchor = Anchor(step="doelgroep", field="target_groups")
    thread = reviews.start_thread(
        dossier_id, anchor, "Hoeveel werkzoekenden?", "Coach Cas", None, "vzw", now=T0
    )
    reviews.reply(dossier_id, thread.id, "Een 120, zie nulmeting.", "Ann", None, now=T0 + timedelta(hours=1))
    resolved = reviews.set_status(
        dossier_id, thread.id, ThreadStatus.RESOLVED, "Ann", now=T0 + timedelta(hours=2)
    )
    assert not resolved.is_open
    assert [(e.kind, e.author) for e in resolved.entries] == [
        (EntryKind.COMMENT, "Coach Cas"),
        (EntryKind.COMMENT, "Ann"),
        (EntryKind.RESOLVED, "Ann"),
    ]
    assert resolved.last_status_change is not None
    assert resolved.last_status_change.at == T0 + timedelta(hours=2)
    reopened = reviews.set_status(dossier_id, thread.id, ThreadStatus.OPEN, "Coach Cas", note="Nog niet")
    assert reopened.is_open and reopened.entries[-1].kind == EntryKind.REOPENED
    assert reopened.entries[-1].body == "Nog niet"
    (stored,) = reviews.threads(dossier_id, step="doelgroep")
    assert stored.anchor == anchor and stored.responsible_partner == "vzw"
    assert reviews.open_counts([dossier_id, 999]) == {dossier_id: 1, 999: 0}


def test_resolving_twice_records_it_once(reviews: Reviews, dossier_id: int) -> None:
    thread = reviews.start_thread(dossier_id, Anchor(step="partners"), "KBO?", "Cas")
    reviews.set_status(dossier_id, thread.id, ThreadStatus.RESOLVED, "Ann")
    again = reviews.set_status(dossier_id, thread.id, ThreadStatus.RESOLVED, "Bob")
    assert [e.kind for e in again.entries].count(EntryKind.RESOLVED) == 1


def test_threads_filter_by_step_and_status(reviews: Reviews, dossier_id: int) -> None:
    a = reviews.start_thread(dossier_id, Anchor(step="partners"), "Eén", "Cas")
    reviews.start_thread(dossier_id, Anchor(step="governance", clause="governance"), "Twee", "Cas")
    reviews.set_status(dossier_id, a.id, ThreadStatus.RESOLVED, "Ann")
    assert [t.comments[0].body for t in reviews.threads(dossier_id, status=ThreadStatus.OPEN)] == ["Twee"]
    assert [t.comments[0].body for t in reviews.threads(dossier_id, step="partners")] == ["Eén"]


@pytest.mark.parametrize("body", ["", "   \n ", "x" * 5001])
def test_empty_or_huge_comments_are_refused(reviews: Reviews, dossier_id: int, body: str) -> None:
    with pytest.raises(ReviewError):
        reviews.start_thread(dossier_id, Anchor(step="partners"), body, "Cas")
    assert reviews.threads(dossier_id) == []


def test_comment_text_is_kept_as_typed_but_without_control_characters(
    reviews: Reviews, dossier_id: int
) -> None:
    thread = reviews.start_thread(dossier_id, Anchor(step="partners"), "<b>Jansen & Zn</b>\x0b ok", "Cas")
    assert thread.comments[0].body == "<b>Jansen & Zn</b>\n ok"  # Word's manual line break is a line break


def test_threads_of_unknown_dossiers_and_ids_are_refused(reviews: Reviews, dossier_id: int) -> None:
    with pytest.raises(DossierNotFound):
        reviews.start_thread(999, Anchor(step="partners"), "Hallo", "Cas")
    with pytest.raises(ThreadNotFound):
        reviews.reply(dossier_id, 12345, "Hallo", "Cas")


def test_section_review_needs_a_reason_for_needs_work(reviews: Reviews, dossier_id: int) -> None:
    with pytest.raises(ReviewError) as refused:
        reviews.set_section_review(dossier_id, "outreach", ReviewStatus.NEEDS_WORK, " ", "Cas")
    assert refused.value.reason == "review.reason_required"
    reviews.set_section_review(dossier_id, "outreach", ReviewStatus.NEEDS_WORK, "Geen kanalen", "Cas", now=T0)
    reviews.set_section_review(dossier_id, "doelgroep", ReviewStatus.OK, "", "Cas")
    reviews.set_section_review(dossier_id, "outreach", ReviewStatus.OK, "Nu wel", "Dirk")
    found = reviews.section_reviews(dossier_id)
    assert {s: (r.status, r.by) for s, r in found.items()} == {
        "outreach": (ReviewStatus.OK, "Dirk"),
        "doelgroep": (ReviewStatus.OK, "Cas"),
    }
    assert reviews.review_counts([dossier_id])[dossier_id][ReviewStatus.OK] == 2


def test_rubric_score_overrides_and_clears(reviews: Reviews, dossier_id: int) -> None:
    reviews.set_score(dossier_id, "governance", Level.PARTLY, "Geen beslisregel", "Cas")
    reviews.set_score(dossier_id, "governance", Level.FULLY, "", "Cas")
    assert reviews.scores(dossier_id)["governance"].level == Level.FULLY
    reviews.clear_score(dossier_id, "governance")
    assert reviews.scores(dossier_id) == {}


def test_deleting_a_dossier_deletes_its_reviews(reviews: Reviews, dossier_id: int, db_path: Path) -> None:
    from workbench.store.dossiers import Store

    reviews.start_thread(dossier_id, Anchor(step="partners"), "Weg", "Cas")
    reviews.set_section_review(dossier_id, "partners", ReviewStatus.OK, "", "Cas")
    Store(db_path).delete_dossier(dossier_id)
    assert reviews.threads(dossier_id) == [] and reviews.section_reviews(dossier_id) == {}
