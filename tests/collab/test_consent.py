"""Consent per partner and section: reasons, the ready block, the matrix in the strategy document."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.collab.workshop_helpers import mark_ready, person, refusal
from workbench.access.permissions import AccessDenied, DossierRole
from workbench.collab.consent import ConsentError, Consents, consent_matrix
from workbench.dossier.model import DossierStatus
from workbench.dossier.records import Decision
from workbench.dossier.units import Change
from workbench.store.dossiers import ReadyWhileObjecting, Store


def test_consent_objection_requires_a_reason(consents: Consents, store: Store, dossier_id: int) -> None:
    with pytest.raises(ConsentError) as refused:
        consents.record(store, dossier_id, "doelgroep", "vzw", "object", "  ", by="Fien")
    assert refused.value.message("nl") == "Een bezwaar heeft een reden nodig."
    consents.record(store, dossier_id, "doelgroep", "vzw", Decision.ABSTAIN, "", by="Fien")
    assert consents.latest(dossier_id)[("doelgroep", "vzw")].decision == Decision.ABSTAIN


def test_consent_refuses_unknown_partner_section_or_decision(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    with refusal("consent.error.unknown_partner"):
        consents.record(store, dossier_id, "doelgroep", "nobody", "agree", "", by="Fien")
    with refusal("workshop.error.unknown_section"):
        consents.record(store, dossier_id, "budget", "vzw", "agree", "", by="Fien")
    with refusal("consent.error.decision"):
        consents.record(store, dossier_id, "doelgroep", "vzw", "maybe", "", by="Fien")


def test_consent_blocks_ready_while_a_partner_objects(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    consents.record(store, dossier_id, "doelgroep", "stad", "agree", "", by="Fien")
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Geen toeleiding via OCMW", by="Fien")
    with pytest.raises(ReadyWhileObjecting) as refused:
        mark_ready(store, dossier_id)
    (problem,) = refused.value.problems
    assert problem.message("nl") == (
        "Het dossier kan niet klaar zijn zolang Vzw Verbinding bezwaar maakt tegen Outreach:"
        " Geen toeleiding via OCMW"
    )
    assert "Vzw Verbinding objects to Outreach" in problem.message("en")
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.CONCEPT


def test_consent_changed_to_agree_clears_the_block(consents: Consents, store: Store, dossier_id: int) -> None:
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Te vaag", by="Fien")
    consents.record(store, dossier_id, "outreach", "vzw", "agree", "", by="Fien")
    mark_ready(store, dossier_id)
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.READY


def test_consent_objection_on_a_ready_dossier_sets_it_back_to_review(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    mark_ready(store, dossier_id)
    consents.record(store, dossier_id, "impactmeting", "stad", "object", "Geen nulmeting", by="Fien")
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.IN_REVIEW
    assert store.history(dossier_id)[0].action == "consent"


def test_consent_of_a_removed_partner_no_longer_blocks(
    consents: Consents, store: Store, dossier_id: int
) -> None:
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Te vaag", by="Fien")
    record = store.load(dossier_id)
    role = next(r for r in record.dossier.roles if r.partner_id == "vzw")
    store.apply(
        dossier_id,
        [
            Change(
                unit=("role", role.id), data=None, base_version=record.versions[f"role:{role.id}"].version
            ),
            Change(unit=("partner", "vzw"), data=None, base_version=record.versions["partner:vzw"].version),
        ],
        by="ann",
    )
    mark_ready(store, dossier_id)  # no ReadyWhileObjecting: the objection left with its partner
    assert store.load(dossier_id).dossier.identity.status == DossierStatus.READY
    assert consents.objections(dossier_id, store.load(dossier_id).dossier) == []


def test_consent_matrix_has_every_partner_and_section(
    consents: Consents, store: Store, dossier_id: int, db_path: Path
) -> None:
    consents.record(store, dossier_id, "doelgroep", "vzw", "object", "Eerst", by="Fien")
    consents.record(store, dossier_id, "doelgroep", "vzw", "abstain", "Toch niet", by="Fien")
    consents.record(store, dossier_id, "circulariteit", "stad", "agree", "", by="Fien")
    rows = consent_matrix(db_path, dossier_id, store.load(dossier_id).dossier)
    assert [r.partner_name for r in rows] == ["Stad Voorbeeld", "Vzw Verbinding"]
    assert len(rows[0].cells) == 7
    assert rows[1].cells["doelgroep"] is not None and rows[1].cells["doelgroep"].reason == "Toch niet"
    assert rows[0].cells["circulariteit"] is not None
    assert rows[0].cells["doelgroep"] is None
    assert all(not r.objections for r in rows)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_consent_matrix_appears_in_the_strategy_document(
    consents: Consents, store: Store, dossier_id: int, db_path: Path, lang: str
) -> None:
    from tests.documents.test_generate import document_text
    from workbench.documents import generate as documents

    consents.record(store, dossier_id, "doelgroep", "stad", "agree", "", by="Fien")
    consents.record(store, dossier_id, "outreach", "vzw", "object", "Kosten & baten <onduidelijk>", by="Fien")
    dossier = store.load(dossier_id).dossier
    rows = consent_matrix(db_path, dossier_id, dossier)
    text = document_text(documents.strategy(dossier, lang, consent=rows))
    heading = {"nl": "Instemming van de partners", "en": "Consent of the partners"}[lang]
    agree, objection = {"nl": ("akkoord", "bezwaar"), "en": ("agree", "object")}[lang]
    assert heading in text
    table = text.split(heading, 1)[1]
    assert f"Stad Voorbeeld\n{agree}\n–\n" in table
    assert f"Vzw Verbinding\n–\n{objection}\n" in table
    assert "Kosten & baten <onduidelijk>" in table


def test_consent_matrix_missing_from_a_document_made_without_the_database(
    store: Store, dossier_id: int
) -> None:
    from tests.documents.test_generate import document_text
    from workbench.documents import generate as documents

    text = document_text(documents.strategy(store.load(dossier_id).dossier, "nl"))
    assert "De instemming van de partners is niet opgenomen in deze versie van het document." in text


def test_consent_matrix_reaches_the_strategy_from_the_cli(
    consents: Consents, store: Store, dossier_id: int, db_path: Path, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from tests.documents.test_generate import document_text
    from workbench.cli.main import main

    consents.record(store, dossier_id, "impactmeting", "vzw", "object", "Geen nulmeting", by="Fien")
    out = tmp_path / "strategie.docx"
    args = ["strategy", str(dossier_id), "-o", str(out), "--no-picture", "--db", str(db_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Geen nulmeting" in document_text(out.read_bytes())


def test_consent_is_recorded_by_someone_who_may_edit(db_path: Path, dossier_id: int) -> None:
    viewer = person(db_path, dossier_id, DossierRole.VIEWER)
    with pytest.raises(AccessDenied):
        Consents(db_path).record(viewer, dossier_id, "doelgroep", "vzw", "agree", "", by="Viewer")
    editor = person(db_path, dossier_id, DossierRole.PARTNER_EDITOR)
    Consents(db_path).record(editor, dossier_id, "doelgroep", "vzw", "agree", "", by="Somebody Else")
    assert Consents(db_path).latest(dossier_id)[("doelgroep", "vzw")].by == "Partner_Editor"
