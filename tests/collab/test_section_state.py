"""One truth for a section's state: progress, the coach's verdict and its staleness, counted everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from workbench.collab.document_places import places
from workbench.collab.reviews import Level, ReviewStatus, SectionReview
from workbench.collab.section_state import is_stale, section_progress
from workbench.demo import demo_dossiers
from workbench.documents import checks
from workbench.dossier.records import StepChange
from workbench.dossier.units import Change, item_unit, section_unit
from workbench.guide.progress import StepState
from workbench.store.dossiers import Store
from workbench.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def coach(db_path: Any) -> Workspace:
    return Workspace.open_mode(db_path, "Coach Cas")


@pytest.fixture
def zora(coach: Workspace) -> int:
    return coach.import_dossier(demo_dossiers()[0])


def _edit_doelgroep(store: Store, dossier_id: int, narrative: str = "Herschreven.") -> None:
    record = store.load(dossier_id)
    unit = section_unit("doelgroep")
    changed = record.dossier.strategy.doelgroep.model_copy(update={"narrative": narrative})
    store.save(dossier_id, Change.put(unit, changed, record.version(unit)), by="Coördinator Cor")


def test_the_demo_section_is_complete_to_begin_with(coach: Workspace, zora: int) -> None:
    sections = coach.section_progress(zora)
    assert sections.progress.states["doelgroep"] == StepState.COMPLETE
    assert sections.sections["doelgroep"].verdict == ReviewStatus.NOT_REVIEWED


def test_needs_work_is_an_open_point_and_keeps_the_step_from_green(coach: Workspace, zora: int) -> None:
    coach.set_section_review(zora, "doelgroep", ReviewStatus.NEEDS_WORK, "Geen aantallen per gemeente")
    sections = coach.section_progress(zora)
    assert sections.progress.states["doelgroep"] == StepState.NEEDS_ATTENTION
    assert sections.progress.states["overzicht"] == StepState.NEEDS_ATTENTION
    (point,) = [f for f in sections.progress.findings_for("doelgroep") if f.code.startswith("review")]
    assert point.message("nl") == "Coach Coach Cas: werk nodig. Geen aantallen per gemeente"
    assert sections.sections["doelgroep"].completeness == StepState.COMPLETE  # what the rules alone say


def test_the_rubric_cannot_score_a_section_fully_while_it_needs_work(coach: Workspace, zora: int) -> None:
    assert _level(coach, zora, "doelgroep") == Level.FULLY
    coach.set_section_review(zora, "doelgroep", ReviewStatus.NEEDS_WORK, "Geen aantallen")
    assert _level(coach, zora, "doelgroep") == Level.PARTLY
    coach.set_rubric_level(zora, "doelgroep", Level.FULLY, "toch goed")  # an override cannot either
    assert _level(coach, zora, "doelgroep") == Level.PARTLY
    coach.set_section_review(zora, "doelgroep", ReviewStatus.OK)
    assert _level(coach, zora, "doelgroep") == Level.FULLY


def _level(ws: Workspace, dossier_id: int, criterion: str) -> Level:
    report = ws.readiness(dossier_id, "nl")
    return next(i.level for i in report.items if i.criterion.key == criterion)


def test_the_documents_readiness_counts_needs_work_in_the_clause_that_writes_it(
    coach: Workspace, zora: int
) -> None:
    coach.set_section_review(zora, "governance", ReviewStatus.NEEDS_WORK, "Wie zit voor?")
    agreement = {c.key: c for c in coach.document_readiness(zora, "nl", "agreement")}
    assert "Coach Coach Cas: werk nodig. Wie zit voor?" in agreement["governance"].missing
    assert not any("werk nodig" in m for c in agreement.values() if c.key != "governance" for m in c.missing)
    strategy = {c.key: c for c in coach.document_readiness(zora, "nl", "strategy")}
    assert not strategy["governance"].ready


def test_the_documents_readiness_finds_the_gaps_once_per_revision_and_the_verdicts_every_time(
    coach: Workspace, zora: int, db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    real = checks.readiness

    def counted(dossier: Any, lang: str, kind: Any = "agreement") -> Any:
        built.append(kind)
        return real(dossier, lang, kind)

    monkeypatch.setattr(checks, "readiness", counted)
    first = coach.document_readiness(zora, "nl", "agreement")
    coach.set_section_review(zora, "governance", ReviewStatus.NEEDS_WORK, "Wie zit voor?")
    again = {c.key: c for c in coach.document_readiness(zora, "nl", "agreement")}
    assert built == ["agreement"]  # a verdict does not change the revision: the gaps are the same
    assert "Coach Coach Cas: werk nodig. Wie zit voor?" in again["governance"].missing
    assert [c.missing for c in first if c.key != "governance"] == [
        c.missing for c in again.values() if c.key != "governance"
    ]
    _edit_doelgroep(Store(db_path), zora)
    coach.document_readiness(zora, "nl", "agreement")
    assert built == ["agreement", "agreement"]  # a new revision: found again


def test_an_edit_after_the_verdict_makes_it_stale(coach: Workspace, zora: int, db_path: Any) -> None:
    coach.set_section_review(zora, "doelgroep", ReviewStatus.OK)
    coach.set_section_review(zora, "outreach", ReviewStatus.OK)
    assert coach.section_progress(zora).sections["doelgroep"].approved
    _edit_doelgroep(Store(db_path), zora)
    sections = coach.section_progress(zora).sections
    assert sections["doelgroep"].stale
    assert not sections["doelgroep"].approved
    assert sections["doelgroep"].verdict == ReviewStatus.NOT_REVIEWED  # a stale "in orde" no longer counts
    assert not sections["outreach"].stale  # another section's edit leaves it alone
    coach.set_section_review(zora, "doelgroep", ReviewStatus.OK)  # the coach looks again
    assert coach.section_progress(zora).sections["doelgroep"].approved


def test_a_stale_needs_work_still_counts_and_says_it_is_stale(
    coach: Workspace, zora: int, db_path: Any
) -> None:
    coach.set_section_review(zora, "doelgroep", ReviewStatus.NEEDS_WORK, "Aantallen?")
    _edit_doelgroep(Store(db_path), zora)
    sections = coach.section_progress(zora)
    assert sections.sections["doelgroep"].stale and sections.sections["doelgroep"].needs_work
    assert sections.progress.states["doelgroep"] == StepState.NEEDS_ATTENTION
    codes = {f.code for f in sections.progress.findings_for("doelgroep")}
    assert "review_needs_work_stale" in codes


def test_deleting_an_item_changes_its_step(coach: Workspace, zora: int, db_path: Any) -> None:
    store = Store(db_path)
    coach.set_section_review(zora, "digipunten", ReviewStatus.OK)
    record = store.load(zora)
    point = record.dossier.access_points[-1]
    unit = item_unit("access_point", point.id)
    store.save(zora, Change(unit=unit, data=None, base_version=record.version(unit)), by="Cor")
    assert coach.section_progress(zora).sections["digipunten"].stale
    assert set(store.step_changes(zora)) >= {"digipunten", "doelgroep", "partners"}


def test_a_verdict_kept_before_revisions_were_recorded_compares_times() -> None:
    old = SectionReview("doelgroep", ReviewStatus.OK, "", "Cas", MONDAY)
    assert is_stale(old, StepChange(revision=3, at=MONDAY + timedelta(seconds=1)))
    assert not is_stale(old, StepChange(revision=3, at=MONDAY - timedelta(days=1)))
    assert not is_stale(old, None)
    judged = SectionReview("doelgroep", ReviewStatus.OK, "", "Cas", MONDAY, revision=3)
    assert not is_stale(judged, StepChange(revision=3, at=MONDAY + timedelta(days=1)))
    assert is_stale(judged, StepChange(revision=4, at=MONDAY - timedelta(days=1)))


def test_the_pure_function_needs_no_database(small_dossier: Any) -> None:
    review = SectionReview("partners", ReviewStatus.NEEDS_WORK, "KBO", "Cas", MONDAY, revision=1)
    sections = section_progress(small_dossier, {"partners": review}, {"partners": StepChange(1, MONDAY)})
    assert sections.needs_work == ("partners",)
    assert not sections.sections["partners"].stale


@pytest.mark.parametrize("kind", ["agreement", "strategy"])
def test_every_place_is_a_bookmark_of_the_built_templates(kind: str) -> None:
    for lang in ("nl", "en"):
        document = docx.Document(str(ROOT / "agreement_templates" / f"{kind}_{lang}.docx"))
        marks = {m.get(qn("w:name")) for m in document.element.body.iter(qn("w:bookmarkStart"))}
        named = {
            p for table in (kind, f"{kind}_fields") for ps in places().get(table, {}).values() for p in ps
        }
        assert named <= marks, named - marks


def test_the_board_counts_the_effective_verdicts(coach: Workspace, zora: int, db_path: Any) -> None:
    """The coach's board agrees with the pages: a stale "in orde" is not reviewed, a "werk nodig" a gap."""
    before = next(r for r in coach.portfolio() if r.id == zora)
    coach.set_section_review(zora, "doelgroep", ReviewStatus.OK)
    coach.set_section_review(zora, "outreach", ReviewStatus.NEEDS_WORK, "Welke kanalen?")
    row = next(r for r in coach.portfolio() if r.id == zora)
    assert row.reviews["doelgroep"] == ReviewStatus.OK and row.stale == ()
    assert row.needs_work == 1 and row.gaps == before.gaps + 1
    _edit_doelgroep(Store(db_path), zora)
    row = next(r for r in coach.portfolio() if r.id == zora)
    assert row.stale == ("doelgroep",)
    assert row.reviews["doelgroep"] == ReviewStatus.NOT_REVIEWED  # the coach has to look again
    assert row.review_state == ReviewStatus.NEEDS_WORK


def test_a_verdict_judges_the_revision_the_coach_saw_not_a_save_that_slipped_in(
    coach: Workspace, zora: int, db_path: Any
) -> None:
    # The coach reads doelgroep; the coordinator saves; the coach, who never saw that, says "in orde".
    seen = coach.section_progress(zora).revision
    assert seen == coach.load(zora).revision
    _edit_doelgroep(Store(db_path), zora, "Iets heel anders.")
    coach.set_section_review(zora, "doelgroep", ReviewStatus.OK, seen_revision=seen)
    sections = coach.section_progress(zora).sections
    assert sections["doelgroep"].stale and not sections["doelgroep"].approved
    # A revision from the future (forged, or a stale tab of another dossier) approves nothing unseen either.
    now = coach.load(zora).revision
    coach.set_section_review(zora, "doelgroep", ReviewStatus.OK, seen_revision=now + 50)
    assert coach.section_progress(zora).sections["doelgroep"].approved
    _edit_doelgroep(Store(db_path), zora, "Nog eens anders.")
    assert coach.section_progress(zora).sections["doelgroep"].stale
