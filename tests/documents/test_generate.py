"""The Word documents: contract with the templates, exact text, versions, PDF."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from jinja2 import UndefinedError

from tests.document_samples import HOSTILE, UNCONFIRMED, bare_dossier, hostile_dossier, rich_dossier
from workbench.demo import demo_dossiers, large_dossier
from workbench.documents import checks
from workbench.documents import generate as documents
from workbench.documents.context import ANNEXES, CLAUSES
from workbench.dossier.model import CallKind, Dossier
from workbench.i18n import t

LANGS = ("nl", "en")
KINDS = ("agreement", "strategy", "submission")


def sample_dossiers() -> list[Dossier]:
    return [*demo_dossiers(), large_dossier(40), rich_dossier(), *(bare_dossier(call) for call in CallKind)]


def document_text(data: bytes) -> str:
    """Return every text of a .docx: body paragraphs and tables in order, then headers and footers."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []

    def walk(container: object) -> None:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if isinstance(block, docx.table.Table):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                lines.append(block.text)

    walk(document)
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)


def headings(kind: str, lang: str) -> list[str]:
    if kind == "agreement":
        return [t(f"clause.{k}", lang) for k in CLAUSES] + [t(f"annex.{k}", lang) for k in ANNEXES]
    return [c.title for c in checks.readiness(rich_dossier(), lang, kind)]  # type: ignore[arg-type]


def render(kind: str, dossier: Dossier, lang: str, **kwargs: object) -> bytes:
    return getattr(documents, kind)(dossier, lang, **kwargs)


# ---------------------------------------------------------------- contract


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_template_renders_every_dossier_with_every_heading_and_partner(kind: str, lang: str) -> None:
    for dossier in sample_dossiers():
        text = document_text(render(kind, dossier, lang))
        for heading in headings(kind, lang):
            assert heading in text, (dossier.identity.name, heading)
        for partner in dossier.partners:
            assert partner.name in text
        assert dossier.identity.name in text
        assert "None" not in text


def test_every_clause_of_the_checklist_is_an_article_in_order() -> None:
    found = documents.clauses(documents.agreement(rich_dossier(), "nl"))
    assert [k for k in found if k.startswith("clause_")] == [f"clause_{k}" for k in CLAUSES]
    assert [k for k in found if k.startswith("annex_")] == [f"annex_{k}" for k in ANNEXES]
    assert len(CLAUSES) == 23


def test_a_misspelt_variable_is_an_error_not_a_blank() -> None:
    template = _tiny_template("{{ dossier_name }} {{ dossier_naam }}")
    with pytest.raises(UndefinedError, match="dossier_naam"):
        documents.render(template, {"dossier_name": "x"}, lang="nl")


def test_documents_carry_title_and_version_in_their_properties() -> None:
    data = documents.agreement(rich_dossier(), "nl", revision=7)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Samenwerkingsovereenkomst – Digibank ZORA Werkt"
    assert "dossierrevisie 7" in props.comments
    assert "dossierrevisie 7" in document_text(data)


def test_english_documents_are_in_english() -> None:
    text = document_text(documents.agreement(rich_dossier(), "en"))
    assert "Cooperation agreement" in text
    assert "Samenwerkingsovereenkomst" not in text
    assert "€288,250.00" in text


# ---------------------------------------------------------------- defaults where the dossier is silent


def test_a_silent_dossier_gets_marked_defaults_never_gaps() -> None:
    data = documents.agreement(bare_dossier(), "nl")
    text = document_text(data)
    assert "[Te bespreken: ondernemingsnummer (KBO)]" in text
    assert "[Te bespreken: minstens eenmaal per kwartaal]" in text
    assert "None" not in text
    highlighted = [
        run.text
        for p in docx.Document(io.BytesIO(data)).paragraphs
        for run in p.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert any(text.startswith("[Te bespreken: minstens eenmaal") for text in highlighted)


def test_a_complete_dossier_has_nothing_left_to_discuss() -> None:
    for kind in KINDS:
        text = document_text(render(kind, rich_dossier(), "nl"))
        # The OCMW's article of the Decreet over het lokaal bestuur is not confirmed: it says so.
        left = text.replace("(„[Te bespreken: …]”)", "").replace(UNCONFIRMED, "")
        assert "[Te bespreken:" not in left


def test_a_budget_over_the_call_cap_is_a_point_to_discuss() -> None:
    dossier = rich_dossier()
    dossier.identity.call = CallKind.VOORTRAJECT
    text = document_text(documents.agreement(dossier, "nl"))
    assert (
        "het aandeel ten laste van de oproep Voortraject strategische "
        "ontwikkeling overschrijdt de maximale subsidie van €\xa015.000,00" in text
    )
    financiering = checks.readiness(dossier, "nl")[7]
    assert financiering.key == "financiering"
    assert "€\xa0273.250,00" in financiering.missing[0]


# ---------------------------------------------------------------- exact text


@pytest.mark.parametrize("lang", LANGS)
def test_every_hostile_string_comes_out_exactly_as_typed(lang: str) -> None:
    dossier, values = hostile_dossier()
    assert len(values) > 100
    assert all("\x0b" not in v for v in values)  # the model strips what XML cannot carry
    agreement = documents.agreement(dossier, lang)
    strategy = documents.strategy(dossier, lang)
    text = document_text(agreement) + "\n" + document_text(strategy)
    missing = [v for v in values if v not in text]
    assert not missing, missing[:3]
    long_narrative = dossier.strategy.doelgroep.narrative
    assert len(long_narrative) > 10_000
    assert long_narrative in document_text(strategy)
    assert docx.Document(io.BytesIO(agreement)).core_properties.title.endswith(dossier.identity.name)
    assert dossier.identity.name in docx.Document(io.BytesIO(agreement)).sections[0].header.paragraphs[0].text


# The submission's risk section follows the network analysis, which hostile names change.
@pytest.mark.parametrize("kind", ("agreement", "strategy"))
def test_no_paragraph_is_lost_after_a_hostile_string(kind: str) -> None:
    hostile, _ = hostile_dossier(long_text=200)
    plain = rich_dossier()
    plain.identity.werkingsgebied = ["Mortsel", "Boechout"]
    shapes = []
    for dossier in (plain, hostile):
        document = docx.Document(io.BytesIO(render(kind, dossier, "nl")))
        body = document.element.body
        shapes.append(
            (len(body.findall(".//w:p", body.nsmap)), len(document.tables), document.paragraphs[-1].text)
        )
    assert shapes[0][:2] == shapes[1][:2]
    assert shapes[0][2] == shapes[1][2]


def test_control_characters_in_a_context_built_elsewhere_are_dropped() -> None:
    template = _tiny_template("{{ a }}|{{ b }}|end")
    data = documents.render(template, {"a": "x\x0by\x00z\x07", "b": "page\x0cbreak\r\nline"}, lang="nl")
    text = document_text(data)
    # Word's manual line break and the form feed are line breaks (<w:br/>), the rest is dropped.
    assert "x\nyz|page\nbreak\nline|end" in text
    assert len(docx.Document(io.BytesIO(data)).paragraphs) == 1


def test_text_with_docxtpl_escape_sequences_is_not_rewritten() -> None:
    dossier = rich_dossier()
    dossier.identity.summary = "{_{ x }_} {_% y %_} {{ 7*7 }}"
    assert "{_{ x }_} {_% y %_} {{ 7*7 }}" in document_text(documents.agreement(dossier, "en"))


# ---------------------------------------------------------------- network picture and gap analysis


def _png() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(2, 1))
    axes.plot([0, 1], [0, 1])
    out = io.BytesIO()
    figure.savefig(out, format="png")
    plt.close(figure)
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS)
def test_network_picture_is_inserted_when_given(kind: str) -> None:
    with_picture = render(kind, rich_dossier(), "nl", network_png=_png())
    assert len(docx.Document(io.BytesIO(with_picture)).inline_shapes) == 1
    assert "[Netwerkbeeld:" not in document_text(with_picture)
    without = render(kind, rich_dossier(), "nl")
    assert "[Netwerkbeeld: wordt hier ingevoegd" in document_text(without)


def test_strategy_lists_gap_findings() -> None:
    findings = [("no_refurbisher", "Geen refurbisher <in> het netwerk & meer")]
    text = document_text(documents.strategy(rich_dossier(), "nl", findings=findings))
    assert "De analyse van het netwerk vond 1 aandachtspunt:" in text
    assert "Geen refurbisher <in> het netwerk & meer" in text
    assert "geen lacunes" in document_text(documents.strategy(rich_dossier(), "nl", findings=[]))


# ---------------------------------------------------------------- versions: clause by clause


def test_clauses_are_read_back_by_key_with_their_tables() -> None:
    found = documents.clauses(documents.agreement(rich_dossier(), "nl"))
    assert found["clause_partijen"].startswith("Partijen\n")
    assert "Stad Mortsel" in found["clause_partijen"]
    assert "Digipunt bibliotheek Mortsel" in found["annex_digipunten"]


def test_diff_names_the_changed_clauses_and_where_they_come_from() -> None:
    before = rich_dossier()
    after = rich_dossier()
    after.governance.stuurgroep.frequency = "tweemaandelijks"
    old = documents.clauses(documents.agreement(before, "nl"))
    new = documents.clauses(documents.agreement(after, "nl"))
    changes = documents.diff_clauses(old, new)
    assert [c.key for c in changes] == ["clause_governance"]
    change = changes[0]
    assert change.status == "changed"
    assert change.title == "Governance"
    assert change.sources == ("governance", "partner")
    assert any(line.startswith("+") and "tweemaandelijks" in line for line in change.diff)
    assert any(line.startswith("-") and "maandelijks" in line for line in change.diff)


def test_diff_of_identical_versions_is_empty_and_added_clauses_are_named() -> None:
    found = documents.clauses(documents.agreement(rich_dossier(), "nl"))
    assert documents.diff_clauses(found, found) == []
    fewer = {k: v for k, v in found.items() if k != "annex_netwerk"}
    [change] = documents.diff_clauses(fewer, found)
    assert (change.key, change.status) == ("annex_netwerk", "added")


# ---------------------------------------------------------------- PDF

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@needs_soffice
def test_every_document_converts_to_pdf() -> None:
    hostile, _ = hostile_dossier(long_text=2000)
    for kind in KINDS:
        for lang in LANGS:
            pdf = documents.to_pdf(render(kind, hostile, lang))
            assert pdf is not None and pdf.startswith(b"%PDF")


@needs_soffice
def test_every_template_with_every_demo_dossier_converts_with_libreoffice(tmp_path: Path) -> None:
    names = []
    for i, dossier in enumerate([*demo_dossiers(), large_dossier(40)]):
        for kind in KINDS:
            for lang in LANGS:
                name = f"{i}-{kind}-{lang}.docx"
                (tmp_path / name).write_bytes(render(kind, dossier, lang))
                names.append(name)
    # One LibreOffice run for all files: starting it per file would take minutes.
    command = [
        shutil.which("soffice") or "soffice",
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path / "pdf"),
        *names,
    ]
    subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=600, check=True)
    for name in names:
        pdf = tmp_path / "pdf" / name.replace(".docx", ".pdf")
        assert pdf.read_bytes().startswith(b"%PDF"), name


def test_without_libreoffice_there_is_no_pdf_and_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    assert documents.to_pdf(b"irrelevant") is None
    assert "LibreOffice" in (documents.pdf_unavailable_reason("nl") or "")


@needs_soffice
def test_a_conversion_that_takes_too_long_is_a_pdf_error() -> None:
    with pytest.raises(documents.PdfError, match="longer than"):
        documents.to_pdf(documents.agreement(rich_dossier(), "nl"), timeout=0.01)


# ---------------------------------------------------------------- catalogues


def test_document_catalogues_have_the_same_keys_in_both_languages() -> None:
    root = Path(documents.__file__).parents[1] / "locales"
    nl = json.loads((root / "nl" / "documents.json").read_text(encoding="utf-8"))
    en = json.loads((root / "en" / "documents.json").read_text(encoding="utf-8"))
    assert nl.keys() == en.keys()
    gaps = [key for key in nl if key.startswith("gap.")]
    assert gaps  # every gap has its to-do text: checked over real keys, not over none
    assert [key for key in gaps if f"todo.{key[4:]}" not in nl] == []


def _tiny_template(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_hostile_marker_is_what_the_issue_asks_for() -> None:
    for piece in ("&", "<", ">", '"', "'", "{{ 7*7 }}", "{% if %}", "🚀", "مرحبا", "\x0b"):
        assert piece in HOSTILE


def test_the_network_picture_and_gap_analysis_come_from_the_graph() -> None:
    dossier = demo_dossiers()[0]
    png, findings = documents.network_picture(dossier, "nl"), documents.gap_findings(dossier, "nl")
    assert png.startswith(b"\x89PNG")
    assert findings
    data = documents.strategy(dossier, "nl", network_png=png, findings=findings)
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 1
    text = document_text(data)
    assert all(message in text for _, message in findings)
