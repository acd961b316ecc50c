"""Guessing workshop codes: a closed code answers like an unknown one; joins are limited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import CODE_ALPHABET, Workshop, WorkshopError
from workbench.store.dossiers import Store


@pytest.fixture
def db_path(backend: Any) -> Any:
    """This suite runs on both backends: a SQLite file, then a PostgreSQL schema."""
    return backend


@pytest.fixture
def workshops(db_path: Path, store: Store) -> Workshops:
    return Workshops(db_path)


@pytest.fixture
def workshop(workshops: Workshops, store: Store, dossier_id: int) -> Workshop:
    return workshops.start(store, dossier_id, "outreach", by="Fien")


def _refusal(workshops: Workshops, code: str) -> WorkshopError:
    with pytest.raises(WorkshopError) as refused:
        workshops.join(code, "Raad Maar")
    return refused.value


def _unknown_code(workshop: Workshop) -> str:
    return next(c for c in CODE_ALPHABET if c != workshop.code[0]) + workshop.code[1:]


def test_a_stranger_cannot_tell_a_closed_code_from_an_unknown_one(
    workshops: Workshops, workshop: Workshop, store: Store
) -> None:
    workshops.close(store, workshop.id, by="Fien")
    closed, unknown = _refusal(workshops, workshop.code), _refusal(workshops, _unknown_code(workshop))
    assert (closed.reason, closed.params) == (unknown.reason, unknown.params)
    assert closed.message("nl") == unknown.message("nl")
    assert closed.message("en") == unknown.message("en")
    assert workshops.board(workshop.id).participants == 0


def test_a_participant_of_a_workshop_that_closes_is_told_it_closed(
    workshops: Workshops, workshop: Workshop, store: Store
) -> None:
    token = workshops.join(workshop.code, "Ann").token
    workshops.close(store, workshop.id, by="Fien")
    with pytest.raises(WorkshopError) as refused:
        workshops.add_idea(token, "Te laat")
    assert refused.value.reason == "workshop.error.closed"
    view = workshops.view(token)
    assert view is not None and not view.workshop.is_open
