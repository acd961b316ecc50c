"""The projector's layout: pages of columns that fit one screen, the cluster overview."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from workbench.collab.projector_layout import (
    COMPACT,
    LARGE,
    Grid,
    card_size,
    layout,
    overview,
    pages,
    text_lines,
)
from workbench.collab.workshop_records import Board, Idea, IdeaKind, Status, Workshop

WHEN = datetime(2026, 12, 1, tzinfo=UTC)


def _board(texts: list[str], clusters: int = 6, hidden: bool = False) -> Board:
    workshop = Workshop(
        1, 1, "doelgroep", "ABCDEF", Status.OPEN, 3, 1, WHEN, "Fien", None, None, None, None, hidden
    )
    ideas = [
        Idea(n + 1, 1, 1, "Ann", IdeaKind.IDEA, text, f"Cluster {n % clusters}", WHEN, votes=n % 4)
        for n, text in enumerate(texts)
    ]
    return Board(workshop, ideas, participants=9, votes=sum(i.votes for i in ideas))


def _columns_fit(grid: Grid, board: Board) -> None:
    for page in pages(board, grid):
        assert len(page) <= grid.columns
        for column in page:
            cards = [e.idea for e in column if e.idea is not None]
            heads = len(column) - len(cards)
            used = sum(card_size(i, grid) for i in cards) + heads * grid.heading_lines
            assert used <= grid.column_lines or len(cards) == 1  # only a card alone may be taller


def test_45_short_ideas_in_6_clusters_fit_one_page() -> None:
    board = _board([f"Idee {n}: oefenmomenten in wijk {n}" for n in range(45)])
    grid, laid_out = layout(board)
    assert len(laid_out) == 1
    shown = [e.idea.id for column in laid_out[0] for e in column if e.idea]
    assert sorted(shown) == list(range(1, 46))
    _columns_fit(replace(grid, column_lines=grid.column_lines + grid.paging_lines), board)


def test_long_ideas_go_compact_and_onto_more_pages_each_idea_once() -> None:
    board = _board(["woord " * 80] * 30 + ["kort"] * 15)
    grid, laid_out = layout(board)
    assert grid == COMPACT and len(laid_out) > 1
    shown = [e.idea.id for page in laid_out for column in page for e in column if e.idea]
    assert sorted(shown) == list(range(1, 46))
    _columns_fit(COMPACT, board)
    _columns_fit(LARGE, board)


def test_a_cluster_heading_heads_every_column_its_cards_continue_in() -> None:
    board = _board(["woord " * 60] * 8, clusters=1)
    for page in pages(board, LARGE):
        for column in page:
            assert column[0].idea is None and column[0].label == "Cluster 0"


def test_text_lines_wraps_words_and_breaks_a_long_word() -> None:
    assert text_lines("kort", 20) == 1
    assert text_lines("een twee drie vier vijf zes", 10) == 3
    assert text_lines("x" * 45, 20) == 3
    assert text_lines("a\nb\nc", 20) == 3
    assert text_lines("W" * 20, 20) > text_lines("i" * 20, 20)  # wide letters take more room
    assert text_lines("🚌" * 10, 20) == 1 and text_lines("🚌" * 11, 20) == 2


def test_the_overview_counts_ideas_and_dots_and_no_dots_in_a_hidden_vote() -> None:
    board = _board(["a", "b", "c", "d"], clusters=2)
    assert [(c.label, c.ideas, c.votes) for c in overview(board)] == [
        ("Cluster 0", 2, 2),
        ("Cluster 1", 2, 4),
    ]
    hidden = _board(["a", "b", "c", "d"], clusters=2, hidden=True).for_the_room()
    assert [c.votes for c in overview(hidden)] == [None, None]
