"""Where a thread is pinned, in words, and the comment list's filters."""

from __future__ import annotations

from pathlib import Path

from workbench.collab.reviews import Anchor, Reviews
from workbench.collab.thread_places import ThreadFilter, authors, clause_step, clause_title, where
from workbench.dossier.model import Dossier
from workbench.store.dossiers import Store


def test_where_names_the_step_the_item_by_its_current_name_and_the_clause(
    db_path: Path, store: Store, dossier_id: int
) -> None:
    reviews = Reviews(db_path)
    on_item = reviews.start_thread(dossier_id, Anchor(step="partners", item="vzw"), "KBO?", "Cas")
    on_clause = reviews.start_thread(dossier_id, Anchor(step="governance", clause="governance"), "?", "Cas")
    gone = reviews.start_thread(dossier_id, Anchor(step="partners", item="weg"), "?", "Cas")
    dossier = store.load(dossier_id).dossier
    assert where(on_item, dossier, "nl") == ["Partners", "Vzw Verbinding"]
    assert where(on_item, dossier, "nl", step=False) == ["Vzw Verbinding"]
    assert where(on_clause, dossier, "en") == ["Governance", "Article 7. Governance"]
    assert where(gone, dossier, "nl") == ["Partners", "(verwijderd item)"]


def test_a_clause_comment_belongs_to_the_step_that_writes_it() -> None:
    assert clause_step("governance") == "governance"
    assert clause_step("vertrouwelijkheid") == "overzicht"  # a standard clause: the dossier as a whole
    assert clause_title("partijen", "nl") == "Artikel 1. Partijen"


def test_the_list_filters_by_status_partner_author_and_step(
    db_path: Path, dossier_id: int, small_dossier: Dossier
) -> None:
    reviews = Reviews(db_path)
    a = reviews.start_thread(dossier_id, Anchor(step="partners"), "a", "Cas", responsible_partner="stad")
    b = reviews.start_thread(dossier_id, Anchor(step="partnerschap"), "b", "Ann")
    reviews.reply(dossier_id, b.id, "antwoord", "Cas")
    c = reviews.start_thread(dossier_id, Anchor(step="governance"), "c", "Bob")
    threads = Reviews(db_path).threads(dossier_id)
    ids = lambda f: [t.id for t in f.apply(threads)]  # noqa: E731
    assert ids(ThreadFilter()) == [b.id, a.id, c.id]  # in the order of the guided path
    assert ids(ThreadFilter(partner="stad")) == [a.id]
    assert ids(ThreadFilter(author="Cas")) == [b.id, a.id]  # a reply counts
    assert ids(ThreadFilter(step="governance")) == [c.id]
    assert ids(ThreadFilter(status="resolved")) == []
    assert authors(threads) == ["Ann", "Bob", "Cas"]
