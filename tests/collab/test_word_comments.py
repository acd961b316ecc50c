"""Open coach comments become native Word comments on the clause they concern."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

from workbench.collab.reviews import Anchor, Reviews, ThreadStatus
from workbench.collab.word_comments import WordComment, add_comments, initials, word_comments


def _agreement(bookmarks: bool) -> bytes:
    """A small agreement with numbered clause headings, like the generated one."""
    document = docx.Document()
    document.add_heading("Samenwerkingsovereenkomst Digibank Test", level=0)
    for number, (key, title) in enumerate([("partijen", "Partijen"), ("overwegingen", "Overwegingen")], 1):
        heading = document.add_heading(f"Artikel {number}. {title}", level=1)
        if bookmarks:
            start = heading._p.makeelement(
                qn("w:bookmarkStart"), {qn("w:id"): str(number), qn("w:name"): f"clause_{key}"}
            )
            heading._p.insert(0, start)
        document.add_paragraph(f"Tekst van artikel {number}.")
    for number in range(3, 8):
        document.add_heading(f"Artikel {number}. Iets", level=1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _anchored(data: bytes) -> dict[str, str]:
    """Map each comment's text to the paragraph text it is anchored in."""
    document = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in document.comments}
    found = {}
    for paragraph in document.paragraphs:
        for start in paragraph._p.iter(qn("w:commentRangeStart")):
            found[texts[int(start.get(qn("w:id")))]] = paragraph.text
    return found


def test_comments_land_on_their_clause_heading_by_bookmark() -> None:
    result = add_comments(
        _agreement(bookmarks=True),
        [
            WordComment("overwegingen", "Welk BVR?", "Coach Cas"),
            WordComment("partijen", "KBO ontbreekt", "Ann De Smet"),
        ],
    )
    assert _anchored(result) == {
        "Welk BVR?": "Artikel 2. Overwegingen",
        "KBO ontbreekt": "Artikel 1. Partijen",
    }
    authors = {c.author: c.initials for c in docx.Document(io.BytesIO(result)).comments}
    assert authors == {"Coach Cas": "CC", "Ann De Smet": "ADS"}


def test_comments_find_the_clause_by_its_number_without_bookmarks() -> None:
    result = add_comments(_agreement(bookmarks=False), [WordComment("governance", "Wie zit voor?", "Cas")])
    assert _anchored(result) == {"Wie zit voor?": "Artikel 7. Iets"}


def test_comment_without_a_clause_goes_on_the_title() -> None:
    result = add_comments(_agreement(bookmarks=False), [WordComment(None, "Algemeen: & <ok>\x0b", "Cas")])
    # Word's manual line break stays a line break (the model's one rule for text).
    assert _anchored(result) == {"Algemeen: & <ok>\n": "Samenwerkingsovereenkomst Digibank Test"}


def test_open_threads_become_comments_with_their_replies(db_path: Path, dossier_id: int) -> None:
    reviews = Reviews(db_path)
    governance = reviews.start_thread(dossier_id, Anchor(step="governance"), "Beslisregel?", "Cas")
    reviews.reply(dossier_id, governance.id, "Consensus", "Ann")
    clause = reviews.start_thread(
        dossier_id, Anchor(step="partners", clause="ondertekening"), "Mandaat?", "Cas"
    )
    done = reviews.start_thread(dossier_id, Anchor(step="partners"), "Opgelost", "Cas")
    reviews.set_status(dossier_id, done.id, ThreadStatus.RESOLVED, "Ann")
    comments = word_comments(reviews.threads(dossier_id))
    assert [(c.clause, c.text, c.author) for c in comments] == [
        ("governance", "Beslisregel?\n— Ann: Consensus", "Cas"),
        ("ondertekening", "Mandaat?", "Cas"),
    ]
    assert clause.id


def test_initials() -> None:
    assert initials("ann de smet") == "ADS"
    assert initials("") == ""


def test_comments_land_on_the_generated_agreement(db_path: Path, small_dossier) -> None:
    """Through the Workspace: a stored agreement version, downloaded with the open comments."""
    from workbench.documents import generate as documents
    from workbench.workspace import Workspace

    ws = Workspace.open_mode(db_path, "Coach Cas")
    dossier_id = ws.import_dossier(small_dossier)
    record = ws.load(dossier_id)
    version = ws.save_document(
        dossier_id,
        kind="agreement",
        lang="nl",
        revision=record.revision,
        data=documents.agreement(record.dossier, "nl"),
    )
    ws.start_thread(dossier_id, Anchor(step="governance"), "Wie zit de stuurgroep voor?")
    ws.start_thread(dossier_id, Anchor(step="partners", clause="ondertekening"), "Welk mandaat?")
    anchored = _anchored(ws.document_with_comments(dossier_id, version.id))
    # The templates number their articles through Word numbering: the heading text is the title.
    assert anchored == {"Wie zit de stuurgroep voor?": "Governance", "Welk mandaat?": "Ondertekening"}
