"""The projector's layout: ideas packed into pages of columns that fit one screen, and a cluster overview."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from workbench.collab.workshop_records import Board, Idea


@dataclass(frozen=True)
class Grid:
    """The projector's grid, measured in text lines of a card (projector.css keeps to these sizes)."""

    name: str = "large"  # the stylesheet's name for its type size
    columns: int = 6
    column_lines: float = 27.0  # lines of card text one column holds at 1440x900
    chars_per_line: float = 20.5  # characters of average width on one line of a card
    card_lines: float = 1.9  # a card's author line, padding, border and the gap to the next card
    heading_lines: float = 1.6  # a cluster's label above its first card in a column
    paging_lines: float = 2.0  # the row of the page buttons: one page has this room for cards too


LARGE = Grid()
# Smaller type when the large one needs more than one page (0.9rem instead of 1.05rem).
COMPACT = Grid("compact", column_lines=33.0, chars_per_line=24.0, card_lines=1.9, paging_lines=2.4)


@dataclass(frozen=True)
class ClusterCount:
    """One line of the cluster overview: a label (or '' for ungrouped ideas), ideas, dots."""

    label: str
    ideas: int
    votes: int | None  # None during a hidden vote: no count at all


@dataclass(frozen=True)
class Entry:
    """One item in a column: a cluster heading (idea None; label '' for the ungrouped) or an idea card."""

    label: str
    idea: Idea | None = None


Page = list[list[Entry]]


def overview(board: Board) -> list[ClusterCount]:
    """Return per cluster the number of ideas and of dots (no dots during a hidden vote)."""
    return [
        ClusterCount(label, len(members), None if board.hidden else sum(i.votes for i in members))
        for label, members in board.clusters()
    ]


def _char_width(char: str) -> float:
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2.0  # CJK and most emoji take two cells
    if char in "MW@%":
        return 1.7  # the widest letters: a line of W holds two thirds of the average
    if char in "mw":
        return 1.5
    return 1.35 if char.isupper() else 1.0


def text_lines(text: str, per_line: float) -> int:
    """Estimate how many lines a text wraps to (word wrap; a word longer than a line breaks anywhere)."""
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            width = sum(_char_width(c) for c in word)
            if used and used + 1 + width > per_line:
                lines, used = lines + 1, 0.0
            elif used:
                used += 1
            while used + width > per_line:  # the stylesheet breaks a long word anywhere
                width -= per_line - used
                lines, used = lines + 1, 0.0
            used += width
        total += lines
    return total


def card_size(idea: Idea, grid: Grid) -> float:
    """Return the height of an idea's card in lines."""
    return text_lines(idea.text, grid.chars_per_line) + grid.card_lines


def layout(board: Board) -> tuple[Grid, list[Page]]:
    """Choose the type size: large if the board fits one page so, else compact (paged if need be)."""
    for grid in (LARGE, COMPACT):
        # One page has no page buttons: its columns reach up to where they would be.
        one = pages(board, replace(grid, column_lines=grid.column_lines + grid.paging_lines))
        if len(one) == 1:
            return grid, one
    return COMPACT, pages(board, COMPACT)


def pages(board: Board, grid: Grid = LARGE) -> list[Page]:
    """Pack the ideas, cluster by cluster, down the columns of as many pages as they need."""
    result: list[Page] = []
    page: Page = []
    column: list[Entry] = []
    used = 0.0

    def next_column() -> None:
        nonlocal page, column, used
        if column:
            page.append(column)
        if len(page) == grid.columns:
            result.append(page)
            page = []
        column, used = [], 0.0

    groups = board.clusters()
    headed = any(label for label, _ in groups)  # ungrouped ideas get a heading beside labelled ones
    for label, members in groups:
        for n, idea in enumerate(members):
            size = card_size(idea, grid)
            # A heading goes with the cluster's first card, and again atop a column it continues in.
            heading = grid.heading_lines if headed and (n == 0 or not column) else 0.0
            if column and used + heading + size > grid.column_lines:
                next_column()
                heading = grid.heading_lines if headed else 0.0
            if heading:
                column.append(Entry(label))
            column.append(Entry(label, idea))
            used += heading + size
    next_column()
    if page:
        result.append(page)
    return result or [[]]
