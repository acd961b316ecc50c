"""A dossier is never "ready" while a current partner objects, whichever way the partner comes back.

Found by the security review after issue 11 (both failed on the main it started from): the store
checked standing objections only when the identity (the status) changed. Removing an objecting
partner, marking the dossier ready and then restoring that partner from the history, or adding it
again under the same id, gave a ready dossier with a standing objection of a current partner.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.collab.consent import Consents, Decision
from workbench.dossier.model import Dossier, Partner
from workbench.dossier.records import ReadyWhileObjecting
from workbench.dossier.units import Change, identity_unit, item_unit
from workbench.dossier.vocabulary import DossierStatus
from workbench.store.dossiers import Store


@pytest.fixture
def ready_without_the_objector(store: Store, dossier_id: int, db_path: Path) -> tuple[int, dict[str, object]]:
    """Vzw Verbinding objects, is removed, and then the dossier is marked ready."""
    Consents(db_path).record(store, dossier_id, "doelgroep", "vzw", Decision.OBJECT, "Niet akkoord", by="vzw")
    record = store.load(dossier_id)
    objector = record.dossier.partner("vzw")
    assert objector is not None
    partner = item_unit("partner", "vzw")
    roles = [item_unit("role", r.id) for r in record.dossier.roles if r.partner_id == "vzw"]
    store.apply(
        dossier_id,
        [Change(unit=u, data=None, base_version=record.version(u)) for u in [partner, *roles]],
        by="coordinator",
    )
    record = store.load(dossier_id)
    ready = record.dossier.identity.model_copy(update={"status": DossierStatus.READY})
    store.apply(
        dossier_id, [Change.put(identity_unit(), ready, record.version(identity_unit()))], by="coordinator"
    )
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.READY
    return dossier_id, objector.model_dump(mode="json")


def _partner_revision(store: Store, dossier_id: int) -> int:
    return next(
        r.id for r in store.history(dossier_id) if str(r.unit) == "partner:vzw" and r.action == "import"
    )


def test_restoring_an_objecting_partner_of_a_ready_dossier_is_refused(
    store: Store, ready_without_the_objector: tuple[int, dict[str, object]], db_path: Path
) -> None:
    dossier_id, _ = ready_without_the_objector
    with pytest.raises(ReadyWhileObjecting):
        store.restore_unit(dossier_id, _partner_revision(store, dossier_id), by="coordinator")
    dossier = store.load(dossier_id).dossier
    assert dossier.partner("vzw") is None
    assert Consents(db_path).objections(dossier_id, dossier) == []


def test_adding_an_objecting_partner_again_to_a_ready_dossier_is_refused(
    store: Store, ready_without_the_objector: tuple[int, dict[str, object]]
) -> None:
    dossier_id, objector = ready_without_the_objector
    again = Change(unit=item_unit("partner", "vzw"), data=objector, base_version=0)
    with pytest.raises(ReadyWhileObjecting):
        store.apply(dossier_id, [again], by="coordinator")


def test_partners_without_an_objection_join_a_ready_dossier(
    store: Store, ready_without_the_objector: tuple[int, dict[str, object]]
) -> None:
    dossier_id, _ = ready_without_the_objector
    newcomer = Partner(id="ocmw", name="OCMW Voorbeeld", org_type="ocmw")
    store.apply(dossier_id, [Change.put(item_unit("partner", "ocmw"), newcomer, 0)], by="coordinator")
    dossier: Dossier = store.load(dossier_id).dossier
    assert dossier.identity.status == DossierStatus.READY
    assert dossier.partner("ocmw") is not None
