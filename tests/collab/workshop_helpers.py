"""Helpers of the workshop and consent tests: expect a refusal, join, mark ready, a person with a role."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import Workshop
from workbench.dossier.model import DossierStatus
from workbench.dossier.units import Change, identity_unit
from workbench.refusal import Refusal
from workbench.store.dossiers import Store
from workbench.workspace import Workspace


@contextmanager
def refusal(reason: str) -> Iterator[None]:
    """Expect a workshop or consent refusal with this catalogue key."""
    with pytest.raises(Refusal) as caught:
        yield
    assert caught.value.reason == reason


def join_as(workshops: Workshops, workshop: Workshop, name: str) -> str:
    return workshops.join(workshop.code, name).token


def mark_ready(store: Store, dossier_id: int, by: str = "ann") -> int:
    record = store.load(dossier_id)
    identity = record.dossier.identity.model_copy(update={"status": DossierStatus.READY})
    return store.save(
        dossier_id, Change.put(identity_unit(), identity, record.version(identity_unit())), by=by
    )


def person(db_path: Path, dossier_id: int, role: DossierRole) -> Workspace:
    accounts = Accounts(db_path)
    user = accounts.add_user(f"{role.value}@example.be", role.value.title())
    accounts.set_member(dossier_id, user.id, role, by="setup")
    return Workspace(db_path, accounts.get_user(user.id))
