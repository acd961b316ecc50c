"""Workshops and consent through the Workspace: facilitating needs edit rights, reading needs membership."""

from __future__ import annotations

import pytest

from tests.workspace.conftest import People
from workbench.access.permissions import AccessDenied
from workbench.dossier.records import Decision
from workbench.dossier.units import section_unit


def test_the_coordinator_facilitates_and_the_viewer_follows(people: People) -> None:
    coordinator, viewer = people.workspace("coordinator"), people.workspace("viewer")
    workshop = coordinator.start_workshop(people.dossier_id, "doelgroep", dots=2)
    assert workshop.started_by == "Coordinator"
    joined = viewer.participation.join(workshop.code, "Buurtbewoner")
    viewer.participation.add_idea(joined.token, "Meer uren")
    assert [i.text for i in viewer.workshop_board(workshop.id).ideas] == ["Meer uren"]
    assert viewer.workshops_of(people.dossier_id) == [coordinator.workshop(workshop.id)]
    with pytest.raises(AccessDenied):
        viewer.start_round(workshop.id, 60)
    record = coordinator.load(people.dossier_id)
    [idea] = coordinator.workshop_board(workshop.id).ideas
    base = record.version(section_unit("doelgroep"))
    revision = coordinator.promote_ideas(workshop.id, [idea.id], "Meer openingsuren", base)
    assert coordinator.history(people.dossier_id, limit=1)[0].revision == revision
    assert coordinator.close_workshop(workshop.id).closed_by == "Coordinator"
    assert viewer.workshop_summary_docx(workshop.id, "nl").startswith(b"PK")


def test_a_stranger_sees_no_workshop_board_nor_consent(people: People) -> None:
    coordinator, stranger = people.workspace("coordinator"), people.workspace("stranger")
    workshop = coordinator.start_workshop(people.dossier_id, "doelgroep")
    record = coordinator.load(people.dossier_id)
    for call in (
        lambda: stranger.workshop(workshop.id),
        lambda: stranger.workshop_board(workshop.id),
        lambda: stranger.workshops_of(people.dossier_id),
        lambda: stranger.workshop_summary_docx(workshop.id, "nl"),
        lambda: stranger.consent_matrix(record),
        lambda: stranger.objections(record),
    ):
        with pytest.raises(AccessDenied):
            call()


def test_consent_is_recorded_under_the_person_and_read_back_as_the_matrix(people: People) -> None:
    coordinator, coach = people.workspace("coordinator"), people.workspace("coach")
    consent = coordinator.record_consent(people.dossier_id, "doelgroep", "vzw", Decision.OBJECT, "Te vaag")
    assert consent.by == "Coordinator"
    record = coach.load(people.dossier_id)
    [(name, standing)] = coach.objections(record)
    assert (name, standing.reason) == ("Vzw Verbinding", "Te vaag")
    rows = {row.partner_id: row for row in coach.consent_matrix(record)}
    assert rows["vzw"].cells["doelgroep"] == standing
    with pytest.raises(AccessDenied):  # a coach reviews; deciding is for those who edit the sections
        coach.record_consent(people.dossier_id, "doelgroep", "stad", Decision.AGREE, "")
