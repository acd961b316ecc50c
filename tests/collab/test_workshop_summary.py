"""The one-page workshop summary (.docx): what changed, what was decided, what is still open."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from tests.collab.workshop_helpers import join_as
from workbench.collab.consent import Consents
from workbench.collab.workshop import Workshops
from workbench.collab.workshop_records import (
    Limits,
    Workshop,
)
from workbench.collab.workshop_summary import summarise, summary_docx
from workbench.dossier.units import section_unit
from workbench.store.dossiers import Store


def test_workshop_summary_docx_shows_changed_decided_and_open(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int, db_path: Path
) -> None:
    ann = join_as(workshops, workshop, "Ann & Co <b>")
    kept = workshops.add_idea(ann, "Digibus & bib <script>")
    workshops.add_idea(ann, "Nog te bespreken")
    workshops.vote(ann, kept.id)
    version = store.load(dossier_id).version(section_unit("doelgroep"))
    workshops.promote(store, workshop.id, [kept.id], "Digibus & bib", version, by="Fien")
    Consents(db_path).record(store, dossier_id, "doelgroep", "vzw", "object", "Te duur", by="Fien")
    workshops.close(store, workshop.id, by="Fien")

    summary = summarise(db_path, workshop.id)
    assert [i.text for i in summary.open_ideas] == ["Nog te bespreken"]
    text = "\n".join(p.text for p in Document(io.BytesIO(summary_docx(summary, "nl"))).paragraphs)
    assert "Workshop Doelgroep: samenvatting" in text
    assert "Wat veranderde" in text and "uit workshop" in text
    assert "Digibus & bib <script> (Ann & Co <b>, 1 stip)" in text  # not "1 stippen"
    assert "Nieuwe tekst van Doelgroep: Digibus & bib" in text  # the text that went into the section
    assert "Nog te bespreken (Ann & Co <b>, 0 stippen)" in text
    assert "Bezwaar van Vzw Verbinding tegen Doelgroep: Te duur" in text
    english = "\n".join(p.text for p in Document(io.BytesIO(summary_docx(summary, "en"))).paragraphs)
    assert "What was decided" in english
    assert "(Ann & Co <b>, 1 dot)" in english and "New text of Target group: Digibus & bib" in english


def test_the_vote_record_carries_the_text_that_was_promoted(
    workshops: Workshops, workshop: Workshop, store: Store, dossier_id: int
) -> None:
    ann = join_as(workshops, workshop, "Ann")
    idea = workshops.add_idea(ann, "Digibus")
    version = store.load(dossier_id).version(section_unit("doelgroep"))
    workshops.promote(store, workshop.id, [idea.id], "Een digibus rijdt elke week", version, by="Fien")
    (decision,) = workshops.decisions(workshop.id)
    assert decision["note"]["text"] == "Een digibus rijdt elke week"
    assert store.history(dossier_id)[0].note["text"] == "Een digibus rijdt elke week"  # type: ignore[index]


def test_workshop_summary_of_a_quiet_workshop_says_so(
    workshops: Workshops, workshop: Workshop, db_path: Path
) -> None:
    text = "\n".join(
        p.text for p in Document(io.BytesIO(summary_docx(summarise(db_path, workshop.id), "nl"))).paragraphs
    )
    assert "Niets gewijzigd in het dossier." in text
    assert "Geen open ideeën." in text


def test_workshop_summary_of_a_busy_workshop_fits_on_one_page(
    db_path: Path, store: Store, dossier_id: int
) -> None:
    import re

    from workbench.documents import generate as documents

    if documents.pdf_unavailable_reason():
        pytest.skip("LibreOffice is not installed")
    busy = Workshops(db_path, Limits(burst_ideas=1000, ideas_per_participant=1000))
    w = busy.start(store, dossier_id, "doelgroep", by="Fien")
    tokens = [busy.join(w.code, f"Deelnemer met een lange naam {n}").token for n in range(12)]
    long_idea = "Een digibus die elke week langs de deelgemeenten rijdt, met spreekuren in de bib " * 6
    ideas = [busy.add_idea(t, f"{long_idea[:490]} {n}").id for n, t in enumerate(tokens * 4)]
    for token in tokens:
        busy.vote(token, ideas[0])
    for n in range(10):
        version = store.load(dossier_id).version(section_unit("doelgroep"))
        busy.promote(store, w.id, [ideas[n]], f"Tekst {n}", version, by="Fien")
    for partner in ("stad", "vzw"):
        for section in ("doelgroep", "outreach", "impactmeting", "circulariteit"):
            Consents(db_path).record(store, dossier_id, section, partner, "object", "Te vaag " * 100, by="F")
    pdf = documents.to_pdf(summary_docx(summarise(db_path, w.id), "nl"))
    assert pdf is not None
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
