"""The Documenten page in AppTest: readiness, generating with progress, versions, PDF, diff."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from tests.document_samples import bare_dossier, rich_dossier
from tests.shown import as_seen
from workbench.access.accounts import Accounts
from workbench.access.permissions import DossierRole
from workbench.dossier.model import Dossier
from workbench.dossier.units import Change, UnitRef
from workbench.i18n import t
from workbench.store.dossiers import Store
from workbench.ui.common import PAGES

ROOT = Path(__file__).resolve().parents[2]


def open_page(app: AppTest, db_path: Path, dossier: Dossier, lang: str = "nl") -> tuple[AppTest, int]:
    dossier_id = Store(db_path).import_dossier(dossier, by="ann")
    app.session_state["dossier_id"] = dossier_id
    app.session_state["lang"] = lang
    app.run()
    app.switch_page(PAGES["documents"]).run()
    assert not app.exception
    return app, dossier_id


def generate(app: AppTest) -> None:
    app.toggle(key="documents_page_picture").set_value(False).run()
    app.button(key="documents_page_generate").click().run()
    assert not app.exception


def test_readiness_lists_the_open_points_per_clause(app: AppTest, db_path: Path) -> None:
    app, _ = open_page(app, db_path, bare_dossier())
    labels = [as_seen(e.label) for e in app.expander]
    assert any(label.startswith("7. Governance · Te bespreken: 5") for label in labels)
    assert "De beslissingsregel van de stuurgroep ontbreekt." in "\n".join(t.value for t in app.text)
    assert app.info[0].value == "Nog geen documenten gegenereerd."


def test_generating_keeps_a_version_and_offers_the_download(app: AppTest, db_path: Path) -> None:
    app, dossier_id = open_page(app, db_path, rich_dossier())
    generate(app)
    [kept] = Store(db_path).documents(dossier_id)
    assert (kept.kind, kept.lang, kept.revision, kept.by) == ("agreement", "nl", 1, t("app.anonymous", "nl"))
    assert app.selectbox(key="documents_page_version").value == kept.id
    assert app.success[0].value == "Geen enkel artikel of bijlage verschilt tussen deze versies."


def test_the_strategy_in_english(app: AppTest, db_path: Path) -> None:
    app, dossier_id = open_page(app, db_path, rich_dossier(), lang="en")
    app.segmented_control(key="documents_page_kind").set_value("strategy").run()
    app.segmented_control(key="documents_page_lang").set_value("en").run()
    generate(app)
    [kept] = Store(db_path).documents(dossier_id)
    assert (kept.kind, kept.lang) == ("strategy", "en")


def test_two_versions_show_which_clause_changed_and_why(app: AppTest, db_path: Path) -> None:
    app, dossier_id = open_page(app, db_path, rich_dossier())
    generate(app)
    store = Store(db_path)
    record = store.load(dossier_id)
    governance = record.dossier.governance.model_copy(deep=True)
    governance.stuurgroep.frequency = "tweemaandelijks"
    store.save(
        dossier_id,
        Change.put(UnitRef("governance"), governance, record.version(UnitRef("governance"))),
        by="bob",
    )
    app.run()
    generate(app)
    assert len(store.documents(dossier_id)) == 2
    labels = [e.label for e in app.expander]
    assert "Governance · gewijzigd" in labels
    assert any("Dossierrevisie 2: Governance" in t.value and "bob" in t.value for t in app.text)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_pdf_is_made_on_request(app: AppTest, db_path: Path) -> None:
    app, _ = open_page(app, db_path, rich_dossier())
    generate(app)
    app.button(key="documents_page_make_pdf").click().run()
    assert not app.exception
    _version_id, pdf = app.session_state["documents_page_pdf"]
    assert pdf.startswith(b"%PDF")


def test_without_libreoffice_the_page_says_so(
    app: AppTest, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    app, _ = open_page(app, db_path, rich_dossier())
    generate(app)
    assert any("LibreOffice" in i.value for i in app.info)


@pytest.mark.parametrize(
    ("role", "sees_upload"), [("coach", True), ("viewer", False), ("coordinator", False)]
)
def test_only_a_coach_sees_the_template_upload(
    app: AppTest, db_path: Path, role: str, sees_upload: bool
) -> None:
    dossier_id = Store(db_path).import_dossier(rich_dossier(), by="ann")
    accounts = Accounts(db_path, hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    user = accounts.add_user(f"{role}@example.be", role.title(), "Sjabloon-Wachtwoord-1")
    accounts.set_member(dossier_id, user.id, DossierRole(role), by="setup")
    app.session_state["auth_token"] = accounts.login(user.email, "Sjabloon-Wachtwoord-1").token
    app.session_state["dossier_id"] = dossier_id
    app.run()
    app.switch_page(PAGES["documents"]).run()
    assert not app.exception
    uploads = [e for e in app.get("file_uploader") if getattr(e, "key", None) == "documents_page_template"]
    assert bool(uploads) == sees_upload
    assert app.button(key="documents_page_generate")  # everyone who exports still generates


def test_comparison_offers_an_agreement_against_an_agreement(app: AppTest, db_path: Path) -> None:
    app, dossier_id = open_page(app, db_path, rich_dossier())
    generate(app)  # agreement
    app.segmented_control(key="documents_page_kind").set_value("strategy").run()
    generate(app)  # strategy
    app.segmented_control(key="documents_page_kind").set_value("agreement").run()
    generate(app)  # agreement again
    kept = {v.id: v.kind for v in Store(db_path).documents(dossier_id)}
    assert sorted(kept.values()) == ["agreement", "agreement", "strategy"]
    older, newer = app.selectbox(key="documents_page_older"), app.selectbox(key="documents_page_newer")
    assert kept[newer.value] == kept[older.value] == "agreement"
    assert older.value != newer.value
    strategy_label = t("documents.page.kind.strategy", "nl")
    assert len(older.options) == 2 and not any(strategy_label in option for option in older.options)
