"""Memberships and one-time invitations: a code opens one dossier once, before it expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests.backends import everything_stored
from workbench.access.account_records import InvitationInvalid, format_code
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole

T0 = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def accounts(db_path: Path) -> Accounts:
    return Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_invitation_is_one_time(accounts: Accounts, dossier_id: int, db_path: Path) -> None:
    code, invitation = accounts.create_invitation(dossier_id, DossierRole.COACH, by="Ann", now=T0)
    assert code.encode() not in everything_stored(db_path)
    coach = accounts.add_user("coach@vlaanderen.be", "Coach")
    other = accounts.add_user("other@vlaanderen.be", "Other")
    assert accounts.check_invitation(code, now=T0).id == invitation.id
    # People type codes as they read them: grouped, lower-case.
    accounts.accept_invitation(format_code(code).lower(), coach.id, now=T0)
    assert accounts.role_of(dossier_id, coach.id) == DossierRole.COACH
    with pytest.raises(InvitationInvalid) as used:
        accounts.accept_invitation(code, other.id, now=T0)
    assert used.value.reason == "invite.used"
    assert accounts.role_of(dossier_id, other.id) is None
    assert accounts.invitations(dossier_id)[0].used_by == coach.id


def test_invitation_expires(accounts: Accounts, dossier_id: int) -> None:
    code, _ = accounts.create_invitation(
        dossier_id, DossierRole.VIEWER, by="Ann", valid_for=timedelta(days=2), now=T0
    )
    user = accounts.add_user("late@stad.be", "Late")
    with pytest.raises(InvitationInvalid) as expired:
        accounts.accept_invitation(code, user.id, now=T0 + timedelta(days=2))
    assert expired.value.reason == "invite.expired"
    assert accounts.role_of(dossier_id, user.id) is None


def test_unknown_and_revoked_invitations_open_nothing(accounts: Accounts, dossier_id: int) -> None:
    code, invitation = accounts.create_invitation(dossier_id, DossierRole.VIEWER, by="Ann")
    accounts.revoke_invitation(dossier_id, invitation.id)
    user = accounts.add_user("x@stad.be", "X")
    for attempt in (code, "AAAA-BBBB-CCCC-DDDD", ""):
        with pytest.raises(InvitationInvalid) as refused:
            accounts.accept_invitation(attempt, user.id)
        assert refused.value.reason == "invite.unknown"
