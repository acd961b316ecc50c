"""Comment threads become native Word comments on the paragraphs they are about, with their own dates."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from workbench.collab.document_places import places
from workbench.collab.reviews import Anchor, Reviews, ThreadStatus
from workbench.collab.suggestions import Target
from workbench.collab.word_comments import WordComment, WordNote, add_comments, initials
from workbench.demo import demo_dossiers
from workbench.documents import generate as documents
from workbench.dossier.steps import STEP_KEYS
from workbench.workspace import Workspace

W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MONDAY = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
TUESDAY = datetime(2026, 3, 3, 14, 40, tzinfo=UTC)
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _paragraphs(document: docx.document.Document) -> list:
    """Every paragraph of the body, those in tables too."""
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return found


def _anchored(data: bytes) -> dict[str, tuple[str, str]]:
    """Map each comment's first line to (the text, the style) of the paragraph its range starts in."""
    document = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: c.text.split("\n")[0] for c in document.comments}
    found = {}
    for paragraph in _paragraphs(document):
        for start in paragraph._p.iter(qn("w:commentRangeStart")):
            found[texts[int(start.get(qn("w:id")))]] = (paragraph.text, paragraph.style.name)
    return found


def _threads_xml(data: bytes) -> dict[str, dict[str, str]]:
    """Map each comment's text to its w15 attributes (paraIdParent resolved to the parent's text)."""
    document = docx.Document(io.BytesIO(data))
    by_para = {}
    for c in document.comments:
        last = list(c._comment_elm.iter(qn("w:p")))[-1]
        by_para[last.get(f"{W14}paraId")] = c.text.split("\n")[0]
    part = next(p for p in document.part.package.parts if p.partname == "/word/commentsExtended.xml")
    found = {}
    for item in etree.fromstring(part.blob):
        parent = item.get(f"{W15}paraIdParent")
        found[by_para[item.get(f"{W15}paraId")]] = {
            "parent": by_para[parent] if parent else "",
            "done": item.get(f"{W15}done"),
        }
    return found


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file: these tests are about the Word file, and generating one takes seconds."""
    return tmp_path / "workbench.db"


@pytest.fixture
def ws(db_path: Path) -> Workspace:
    return Workspace.open_mode(db_path, "Coach Cas")


@pytest.fixture
def zora(ws: Workspace) -> int:
    return ws.import_dossier(demo_dossiers()[0])


def _version(ws: Workspace, dossier_id: int, kind: str, lang: str = "nl") -> int:
    record = ws.load(dossier_id)
    data = documents.generate(record.dossier, lang, kind, revision=record.revision)
    return ws.save_document(dossier_id, kind=kind, lang=lang, revision=record.revision, data=data).id


def test_a_doelgroep_comment_lands_on_the_strategy_annex_not_on_the_bijlagen_heading(
    ws: Workspace, zora: int
) -> None:
    """The agreement does not repeat the Doelgroep: the comment goes to the annex that holds it."""
    ws.start_thread(zora, Anchor(step="doelgroep"), "Welke doelgroep is prioritair?")
    version = _version(ws, zora, "agreement")
    text, style = _anchored(ws.document_with_comments(zora, version))["Welke doelgroep is prioritair?"]
    assert text.startswith("De samenwerkingsstrategie van")
    assert "Heading" not in style


def test_a_governance_comment_sits_on_the_clause_text_not_its_heading(ws: Workspace, zora: int) -> None:
    ws.start_thread(zora, Anchor(step="governance"), "Wie zit de stuurgroep voor?")
    version = _version(ws, zora, "agreement")
    text, style = _anchored(ws.document_with_comments(zora, version))["Wie zit de stuurgroep voor?"]
    assert text.startswith("Stuurgroep. De stuurgroep stuurt")
    assert style == "Normal"


def test_a_comment_pinned_to_the_second_target_group_sits_on_its_row(ws: Workspace, zora: int) -> None:
    second = ws.load(zora).dossier.strategy.doelgroep.target_groups[1]
    ws.start_thread(zora, Anchor(step="doelgroep", item=second.id), "Hoeveel gezinnen?")
    version = _version(ws, zora, "strategy")
    assert _anchored(ws.document_with_comments(zora, version))["Hoeveel gezinnen?"][0] == second.name


def test_a_comment_pinned_to_a_partner_sits_on_the_partys_row(ws: Workspace, zora: int) -> None:
    partner = ws.load(zora).dossier.partners[2]
    ws.start_thread(zora, Anchor(step="partners", item=partner.id), "Mandaat?")
    version = _version(ws, zora, "agreement")
    assert _anchored(ws.document_with_comments(zora, version))["Mandaat?"][0] == partner.name


def test_a_comment_on_a_narrative_sits_on_that_paragraph(ws: Workspace, zora: int) -> None:
    narrative = ws.load(zora).dossier.strategy.outreach.narrative
    ws.start_thread(zora, Anchor(step="outreach", field="narrative"), "Te algemeen")
    version = _version(ws, zora, "strategy")
    assert _anchored(ws.document_with_comments(zora, version))["Te algemeen"][0] == narrative.splitlines()[0]


def test_every_step_lands_inside_one_of_its_places_in_both_documents(ws: Workspace, zora: int) -> None:
    steps = [s for s in STEP_KEYS if s != "overzicht"]
    for step in steps:
        ws.start_thread(zora, Anchor(step=step), f"over {step}")
    for kind in ("agreement", "strategy"):
        data = ws.document_with_comments(zora, _version(ws, zora, kind))
        anchored = _anchored(data)
        assert len(anchored) == len(steps)
        for step in steps:
            text, style = anchored[f"over {step}"]
            assert "Heading" not in style, (kind, step, text)
            if step in places()[kind]:
                assert style != "Title", (kind, step)  # it found its section


def test_each_message_keeps_its_author_and_date_and_replies_are_replies(db_path: Path, zora: int) -> None:
    reviews = Reviews(db_path)
    thread = reviews.start_thread(zora, Anchor(step="governance"), "Beslisregel?", "Cas", now=MONDAY)
    reviews.reply(zora, thread.id, "Consensus", "Ann Peeters", now=TUESDAY)
    done = reviews.start_thread(zora, Anchor(step="partners"), "KBO klopt", "Cas", now=MONDAY)
    reviews.set_status(zora, done.id, ThreadStatus.RESOLVED, "Ann")
    ws = Workspace.open_mode(db_path, "Cas")
    data = ws.document_with_comments(zora, _version(ws, zora, "agreement"), resolved=True)
    comments = {c.text: c for c in docx.Document(io.BytesIO(data)).comments}
    assert comments["Beslisregel?"].author == "Cas"
    assert comments["Beslisregel?"].timestamp == MONDAY
    assert comments["Consensus"].author == "Ann Peeters"
    assert comments["Consensus"].initials == "AP"
    assert comments["Consensus"].timestamp == TUESDAY
    assert _threads_xml(data) == {
        "Beslisregel?": {"parent": "", "done": "0"},
        "Consensus": {"parent": "Beslisregel?", "done": "0"},
        "KBO klopt": {"parent": "", "done": "1"},
    }
    # The reply is anchored where its thread is.
    anchored = _anchored(data)
    assert anchored["Consensus"] == anchored["Beslisregel?"]


def test_resolved_threads_are_left_out_unless_asked(ws: Workspace, zora: int) -> None:
    done = ws.start_thread(zora, Anchor(step="partners"), "Opgelost")
    ws.resolve(zora, done.id)
    ws.start_thread(zora, Anchor(step="partners"), "Nog open")
    version = _version(ws, zora, "agreement")
    assert set(_anchored(ws.document_with_comments(zora, version))) == {"Nog open"}
    assert set(_anchored(ws.document_with_comments(zora, version, resolved=True))) == {"Nog open", "Opgelost"}


def test_the_responsible_partner_is_named(ws: Workspace, zora: int) -> None:
    partner = ws.load(zora).dossier.partners[1]
    ws.start_thread(zora, Anchor(step="budget"), "Loonkosten?", responsible_partner=partner.id)
    data = ws.document_with_comments(zora, _version(ws, zora, "agreement", lang="en"))
    (comment,) = docx.Document(io.BytesIO(data)).comments
    assert comment.text == f"Loonkosten?\nTo be taken up by: {partner.name}"


def test_a_clause_comment_finds_its_article_without_bookmarks() -> None:
    """An uploaded template may carry no bookmarks: "Artikel N" still finds the clause."""
    document = docx.Document()
    document.add_heading("Samenwerkingsovereenkomst", level=0)
    for number in range(1, 8):
        document.add_heading(f"Artikel {number}. Titel", level=1)
        document.add_paragraph(f"Tekst van artikel {number}.")
    out = io.BytesIO()
    document.save(out)
    note = WordNote("Wie zit voor? & <ok>\x0b", "Cas", MONDAY)
    result = add_comments(out.getvalue(), [WordComment(("clause_governance",), (), (note,), clause_number=7)])
    # Word's manual line break stays a line break (the model's one rule for text).
    assert _anchored(result) == {"Wie zit voor? & <ok>": ("Tekst van artikel 7.", "Normal")}


def test_a_comment_whose_place_is_missing_lands_on_the_title() -> None:
    document = docx.Document()
    document.add_heading("Eigen sjabloon", level=0)
    out = io.BytesIO()
    document.save(out)
    result = add_comments(
        out.getvalue(), [WordComment(("clause_x",), (), (WordNote("Algemeen", "Cas", MONDAY),))]
    )
    assert _anchored(result) == {"Algemeen": ("Eigen sjabloon", "Title")}


def test_initials() -> None:
    assert initials("ann de smet") == "ADS"
    assert initials("") == ""


@needs_soffice
def test_libreoffice_reads_the_comments_their_anchors_dates_and_done_state(
    db_path: Path, zora: int, tmp_path: Path
) -> None:
    reviews = Reviews(db_path)
    second = Workspace.open_mode(db_path, "Cas").load(zora).dossier.strategy.doelgroep.target_groups[1]
    thread = reviews.start_thread(
        zora, Anchor(step="doelgroep", item=second.id), "Aantal?", "Cas", now=MONDAY
    )
    reviews.reply(zora, thread.id, "Wordt geteld", "Ann", now=TUESDAY)
    done = reviews.start_thread(zora, Anchor(step="governance"), "Voorzitter?", "Cas", now=MONDAY)
    reviews.set_status(zora, done.id, ThreadStatus.RESOLVED, "Ann")
    ws = Workspace.open_mode(db_path, "Cas")
    source = tmp_path / "commented.docx"
    source.write_bytes(ws.document_with_comments(zora, _version(ws, zora, "strategy"), resolved=True))
    out = tmp_path / "out"
    subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    data = (out / "commented.docx").read_bytes()
    comments = {c.text: c for c in docx.Document(io.BytesIO(data)).comments}
    assert set(comments) == {"Aantal?", "Wordt geteld", "Voorzitter?"}
    assert comments["Wordt geteld"].author == "Ann"
    assert comments["Wordt geteld"].timestamp == TUESDAY
    anchored = _anchored(data)
    assert anchored["Aantal?"][0] == anchored["Wordt geteld"][0] == second.name
    # LibreOffice 7.4 keeps the done state; it writes a commentEx only for resolved comments.
    assert _threads_xml(data)["Voorzitter?"]["done"] == "1"


def test_hostile_text_reaches_word_as_typed(ws: Workspace, zora: int) -> None:
    hostile = (
        "<b>{{ 7*7 }}</b> {% if x %}& [link](http://example.org) ![x](http://example.org/p.png) " + "z" * 4000
    )
    second = ws.load(zora).dossier.strategy.doelgroep.target_groups[1]
    ws.start_thread(zora, Anchor(step="doelgroep", item=second.id), hostile)
    data = ws.document_with_comments(zora, _version(ws, zora, "strategy"))
    (comment,) = docx.Document(io.BytesIO(data)).comments
    assert comment.text == hostile
    assert _anchored(data)[hostile][0] == second.name


def test_a_template_that_already_has_comments_keeps_one_threads_part() -> None:
    """Comments added to a file that has comments and threads of its own: one commentsExtended part."""
    document = docx.Document()
    document.add_heading("Eigen sjabloon", level=0)
    out = io.BytesIO()
    document.save(out)
    first = add_comments(
        out.getvalue(), [WordComment(("clause_x",), (), (WordNote("Eerst", "Cas", MONDAY),))]
    )
    reply = WordNote("Antwoord", "Ann", TUESDAY)
    second = add_comments(first, [WordComment(("clause_x",), (), (WordNote("Later", "Cas", TUESDAY), reply))])
    parts = [
        p for p in docx.Document(io.BytesIO(second)).part.package.parts if "commentsExtended" in p.partname
    ]
    assert len(parts) == 1
    assert _threads_xml(second) == {
        "Eerst": {"parent": "", "done": "0"},
        "Later": {"parent": "", "done": "0"},
        "Antwoord": {"parent": "Later", "done": "0"},
    }


def test_a_suggestion_carries_its_proposed_text_into_word(ws: Workspace, zora: int) -> None:
    # A suggestion without a note was an empty Word comment: the reviewer saw nothing of the proposal.
    target = Target(form="section_outreach", item="", field="narrative")
    ws.suggest(zora, target, "Wij bereiken senioren via de bibliotheek.")
    data = ws.document_with_comments(zora, _version(ws, zora, "strategy", lang="en"))
    (comment,) = docx.Document(io.BytesIO(data)).comments
    assert comment.text == "Proposed text: Wij bereiken senioren via de bibliotheek."
