"""`workbench agreement` and `workbench strategy`: Word files (and PDF) from the command line."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from tests.documents.test_generate import document_text
from workbench.cli.main import main
from workbench.documents import generate as documents
from workbench.store.dossiers import Store


def run(*args: str, lang: str = "nl") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def demo_ids(db_path: Path) -> dict[str, int]:
    assert run("demo", "--db", str(db_path))[0] == 0
    return {s.name: s.id for s in Store(db_path).list_dossiers()}


@pytest.mark.parametrize("command", ["agreement", "strategy"])
def test_document_commands_have_help(command: str) -> None:
    code, out = run(command, "--help", lang="en")
    assert code == 0
    assert all(option in out for option in ("--output", "--lang", "--template", "--pdf", "--db"))


def test_agreement_is_written_stored_and_names_its_revision(
    db_path: Path, tmp_path: Path, demo_ids: dict[str, int]
) -> None:
    dossier_id = demo_ids["Digibank ZORA Werkt"]
    out = tmp_path / "overeenkomst.docx"
    code, said = run("agreement", str(dossier_id), "-o", str(out), "--no-picture", "--db", str(db_path))
    assert code == 0, said
    assert f"Geschreven: {out} (dossierrevisie 1" in said
    text = document_text(out.read_bytes())
    assert "Samenwerkingsovereenkomst" in text and "Stad Mortsel" in text
    [kept] = Store(db_path).documents(dossier_id)
    assert (kept.kind, kept.lang, kept.revision) == ("agreement", "nl", 1)


def test_the_open_points_per_clause_name_a_coachs_needs_work(
    db_path: Path, tmp_path: Path, demo_ids: dict[str, int]
) -> None:
    from workbench.collab.reviews import Reviews, ReviewStatus

    dossier_id = demo_ids["Digibank ZORA Werkt"]
    Reviews(db_path).set_section_review(
        dossier_id, "governance", ReviewStatus.NEEDS_WORK, "Wie zit voor?", "Cas"
    )
    out = tmp_path / "overeenkomst.docx"
    code, said = run("agreement", str(dossier_id), "-o", str(out), "--no-picture", "--db", str(db_path))
    assert code == 0, said
    assert "  - Coach Cas: werk nodig. Wie zit voor?" in said.splitlines()


def test_strategy_in_english_with_the_network_picture(
    db_path: Path, tmp_path: Path, demo_ids: dict[str, int]
) -> None:
    out = tmp_path / "strategy.docx"
    code, said = run(
        "strategy", str(demo_ids["Digibank ZORA Werkt"]), "-o", str(out), "--lang", "en", "--db", str(db_path)
    )
    assert code == 0, said
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert len(document.inline_shapes) == 1
    assert "Cooperation strategy" in document_text(out.read_bytes())


def test_open_points_are_listed_per_clause(db_path: Path, tmp_path: Path, demo_ids: dict[str, int]) -> None:
    out = tmp_path / "digbij.docx"
    code, said = run(
        "agreement", str(demo_ids["DIGbij"]), "-o", str(out), "--no-picture", "--db", str(db_path)
    )
    assert code == 0
    assert "Nog te bespreken in 7. Governance:" in said
    assert "  - De beslissingsregel van de stuurgroep ontbreekt." in said


def test_a_custom_template_with_an_unknown_variable_is_refused_by_name(
    db_path: Path, tmp_path: Path, demo_ids: dict[str, int]
) -> None:
    template = tmp_path / "eigen.docx"
    document = docx.Document()
    document.add_paragraph("{{ dossier_name }} {{ partners_lijst }}")
    document.save(template)
    out = tmp_path / "out.docx"
    code, said = run(
        "agreement",
        str(demo_ids["DIGbij"]),
        "-o",
        str(out),
        "--template",
        str(template),
        "--no-picture",
        "--db",
        str(db_path),
    )
    assert code == 1
    assert "partners_lijst" in said
    assert not out.exists()


def test_a_custom_template_renders(db_path: Path, tmp_path: Path, demo_ids: dict[str, int]) -> None:
    template = tmp_path / "eigen.docx"
    document = docx.Document()
    document.add_paragraph("Eigen sjabloon voor {{ dossier_name }}")
    document.save(template)
    out = tmp_path / "out.docx"
    code, said = run(
        "agreement",
        str(demo_ids["DIGbij"]),
        "-o",
        str(out),
        "--template",
        str(template),
        "--db",
        str(db_path),
    )
    assert code == 0, said
    assert "Eigen sjabloon voor DIGbij" in document_text(out.read_bytes())
    assert Store(db_path).documents(demo_ids["DIGbij"])[0].template == "eigen.docx"


def test_an_unknown_dossier_is_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    code, said = run("agreement", "999", "-o", str(tmp_path / "x.docx"), "--db", str(db_path))
    assert code == 1 and said.strip() == "Fout: Er is geen dossier met id 999."


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_is_written_beside_the_word_file(db_path: Path, tmp_path: Path, demo_ids: dict[str, int]) -> None:
    out = tmp_path / "overeenkomst.docx"
    code, said = run(
        "agreement", str(demo_ids["DIGbij"]), "-o", str(out), "--pdf", "--no-picture", "--db", str(db_path)
    )
    assert code == 0, said
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_so(
    db_path: Path, tmp_path: Path, demo_ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    out = tmp_path / "overeenkomst.docx"
    code, said = run(
        "agreement", str(demo_ids["DIGbij"]), "-o", str(out), "--pdf", "--no-picture", "--db", str(db_path)
    )
    assert code == 1 and "LibreOffice" in said
    assert out.exists()
