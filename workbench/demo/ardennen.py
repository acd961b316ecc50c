"""Digibank Vlaamse Ardennen: six municipalities run by an interlokale vereniging (fictional).

The interlokale vereniging has no legal personality (Decreet over het lokaal bestuur, Deel 3,
Titel 3): Stad Oudenaarde is its beheersgemeente, signs for it and is the promotor. The names of
the vereniging, the workshop and the welfare organisation are invented.
"""

from __future__ import annotations

from datetime import date

from workbench.demo.builders import (
    ALL_OBJECTIVES,
    ONDERSTEUNING,
    TOEGANG,
    VAARDIGHEDEN,
    _eur,
    _flow,
    _partner,
    _role,
    _subsidy_flows,
    lawful,
    standard_lending,
)
from workbench.demo.sections import Facts, governance, register, strategy
from workbench.dossier.model import (
    AccessPoint,
    AccessPointKind,
    CallKind,
    Dossier,
    DossierStatus,
    FlowType,
    Identity,
    Milestone,
    OrgType,
    Period,
    Planning,
    Trajectory,
    VatStatus,
)

_TOWNS = {
    # id: (name, postcode, street, representative, decision date)
    "kluisbergen": ("Gemeente Kluisbergen", "9690", "Parklaan 14", "Sara Proef", date(2022, 11, 21)),
    "wortegem": ("Gemeente Wortegem-Petegem", "9790", "Waregemseweg 2", "Tom Schets", date(2022, 11, 24)),
    "horebeke": ("Gemeente Horebeke", "9667", "Dorp 1", "Ilse Ontwerp", date(2022, 11, 17)),
    "maarkedal": ("Gemeente Maarkedal", "9680", "Nederholbeekstraat 1", "Wim Model", date(2022, 11, 28)),
    "zwalm": ("Gemeente Zwalm", "9630", "Zuidlaan 36", "Lotte Demo", date(2022, 11, 23)),
}


def vlaamse_ardennen() -> Dossier:
    """Return the ILV-run cluster of six municipalities."""
    gr = "gemeenteraad"
    partners = [
        _partner(
            "oudenaarde",
            "Stad Oudenaarde",
            OrgType.LOKAAL_BESTUUR,
            "stad",
            131,
            ("Markt 1", "9700", "Oudenaarde"),
            ("Nina Voorbeeld", "+32 55 00 00 31"),
            VatStatus.NIET_BTW_PLICHTIG,
            True,
            ("Marc Proef", "burgemeester"),
            (gr, date(2022, 11, 28), "gemeenteraad 28 november 2022, agendapunt 12"),
        ),
        _partner(
            "ilv",
            "Interlokale vereniging Digitaal Vlaamse Ardennen",
            OrgType.INTERGEMEENTELIJK,
            "interlokale vereniging",
            132,
            ("Markt 1", "9700", "Oudenaarde"),
            ("Jan Concept", "+32 55 00 00 32"),
            VatStatus.NIET_BTW_PLICHTIG,
            False,
            ("Marc Proef", "voorzitter van het beheerscomité"),
            ("beheerscomité", date(2022, 11, 9), "beheerscomité 9 november 2022, punt 3"),
        ),
    ]
    partners[1].legal_personality = False
    partners[1].acts_via_partner_id = "oudenaarde"
    for i, (pid, (name, postcode, street, rep, decided)) in enumerate(_TOWNS.items(), start=133):
        partners.append(
            _partner(
                pid,
                name,
                OrgType.LOKAAL_BESTUUR,
                "gemeente",
                i,
                (street, postcode, name.removeprefix("Gemeente ")),
                (f"Kim Voorbeeld {i % 100}", f"+32 55 00 00 {i % 100:02d}"),
                VatStatus.NIET_BTW_PLICHTIG,
                True,
                (rep, "burgemeester"),
                (gr, decided, f"gemeenteraad {decided:%d/%m/%Y}, samenwerkingsovereenkomst digibank"),
            )
        )
    partners += [
        _partner(
            "ocmw",
            "OCMW Oudenaarde",
            OrgType.OCMW,
            "OCMW",
            140,
            ("Einestraat 3", "9700", "Oudenaarde"),
            ("Bram Voorbeeld", "+32 55 00 00 40"),
            VatStatus.NIET_BTW_PLICHTIG,
            True,
            ("Marc Proef", "voorzitter van het vast bureau"),
            ("vast bureau", date(2022, 11, 22), "vast bureau 22 november 2022"),
        ),
        _partner(
            "ateljee",
            "Ateljee Ardennen cv",
            OrgType.SOCIALE_ECONOMIE,
            "cv (maatwerkbedrijf)",
            141,
            ("Meerspoortstraat 10", "9700", "Oudenaarde"),
            ("Eva Concept", "+32 55 00 00 41"),
            VatStatus.BTW_PLICHTIG,
            True,
            ("Pieter Test", "gedelegeerd bestuurder"),
            ("raad van bestuur", date(2022, 11, 15), "raad van bestuur 15 november 2022"),
        ),
        _partner(
            "schakel",
            "Welzijnsschakel Ardennen vzw",
            OrgType.VZW,
            "vzw",
            142,
            ("Stationsstraat 4", "9700", "Oudenaarde"),
            ("Lies Demo", "+32 55 00 00 42"),
            VatStatus.VRIJGESTELD,
            True,
            ("Koen Staal", "voorzitter van de raad van bestuur"),
            ("raad van bestuur", date(2022, 11, 10), "raad van bestuur 10 november 2022"),
        ),
    ]
    roles = [
        _role(
            "r-oud-promotor",
            "oudenaarde",
            "promotor",
            ALL_OBJECTIVES,
            "Treedt als beheersgemeente op voor de interlokale vereniging: dient de aanvraag in, ontvangt "
            "de subsidie, stort de aandelen binnen 30 dagen door en rapporteert aan WSE.",
            "0,8 VTE coördinator, 0,2 VTE financiële opvolging",
            loon=96_000,
            werking=9_000,
        ),
        _role(
            "r-ilv-coordinator",
            "ilv",
            "coordinator",
            ALL_OBJECTIVES,
            "Het beheerscomité stemt de werking van de zes gemeenten af en bereidt de stuurgroep voor.",
            "beheerscomité, maandelijks",
        ),
        _role(
            "r-oud-digipunt",
            "oudenaarde",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Digipunt in de bibliotheek van Oudenaarde, vier inloopmomenten per week.",
            "12 uur per week, 0,5 VTE digicoach",
            loon=24_000,
            werking=3_000,
        ),
        _role(
            "r-ocmw-toeleider",
            "ocmw",
            "toeleider",
            (ONDERSTEUNING,),
            "Maatschappelijk werkers vragen naar digitale noden en verwijzen door.",
            "alle maatschappelijk werkers",
            loon=8_000,
        ),
        _role(
            "r-ocmw-connect",
            "ocmw",
            "connectiviteit",
            (TOEGANG,),
            "Verdeelt 4G-boxen en begeleidt de aanvraag van het sociaal internettarief.",
            "30 4G-boxen",
            werking=7_200,
        ),
        _role(
            "r-ateljee-refurb",
            "ateljee",
            "refurbisher",
            (TOEGANG,),
            "Maakt 150 laptops klaar: wissen, herstellen, herinstalleren, jaarlijks nazicht.",
            "150 laptops, 4 maatwerkplaatsen",
            loon=52_000,
            werking=18_000,
        ),
        _role(
            "r-ateljee-uitleen",
            "ateljee",
            "uitleendienst",
            (TOEGANG,),
            "Baat de uitleendienst uit voor de zes gemeenten volgens het uitleenreglement.",
            "150 laptops",
            loon=30_000,
            werking=4_000,
        ),
        _role(
            "r-schakel-trainer",
            "schakel",
            "trainer",
            (VAARDIGHEDEN,),
            "Geeft de reeks 'Digitaal op weg' in de zes gemeenten, in kleine groepen.",
            "12 reeksen per jaar",
            loon=38_000,
            werking=3_000,
        ),
        _role(
            "r-schakel-toeleider",
            "schakel",
            "toeleider",
            (ONDERSTEUNING,),
            "Vrijwilligers van de welzijnsschakels leiden mensen toe vanuit de vindplaatsen.",
            "20 vrijwilligers",
        ),
    ]
    access_points = [
        AccessPoint(
            id="ap-oudenaarde",
            name="Digipunt bibliotheek Oudenaarde",
            kind=AccessPointKind.VAST,
            host_partner_id="oudenaarde",
            municipality="Oudenaarde",
            address="Markt 1",
            opening_hours="ma, wo, vr 9-12 en do 14-17",
            accessibility="rolstoeltoegankelijk, op wandelafstand van het station",
            objectives=[TOEGANG, ONDERSTEUNING],
        )
    ]
    for pid, (name, _, street, _, _) in _TOWNS.items():
        town = name.removeprefix("Gemeente ")
        roles.append(
            _role(
                f"r-{pid}-digipunt",
                pid,
                "digipunt_host",
                (TOEGANG, ONDERSTEUNING),
                f"Digipunt in het gemeentehuis van {town}, twee inloopmomenten per week.",
                "6 uur per week",
                loon=14_000,
                werking=1_500,
            )
        )
        access_points.append(
            AccessPoint(
                id=f"ap-{pid}",
                name=f"Digipunt {town}",
                host_partner_id=pid,
                municipality=town,
                address=street,
                opening_hours="di 9-12 en do 14-17",
                accessibility="gelijkvloers",
                objectives=[TOEGANG, ONDERSTEUNING],
            )
        )
    flows = _subsidy_flows("oudenaarde", partners)
    flows += [
        _flow("f-ref-ocmw", FlowType.REFERRAL, "ocmw", "ateljee", "Doorverwijsfiche voor een laptop."),
        _flow(
            "f-dev", FlowType.DEVICES, "ateljee", "oudenaarde", "Klaargemaakte laptops voor de digipunten."
        ),
        _flow("f-train", FlowType.TRAINING, "schakel", "kluisbergen", "Reeksen in het gemeentehuis."),
        _flow("f-data", FlowType.DATA_EXCHANGE, "ateljee", "oudenaarde", "Maandelijkse cijfers uitlening."),
        _flow("f-exp", FlowType.EXPERTISE, "ilv", "oudenaarde", "Afstemming via het beheerscomité."),
    ]
    everyone = tuple(p.id for p in partners)
    facts = Facts(
        area="de Vlaamse Ardennen",
        promotor="oudenaarde",
        toeleiders=("ocmw", "schakel"),
        social_economy="ateljee",
        trainer="schakel",
        devices=150,
        users=1200,
        jobs=4,
        social_economy_share="ongeveer een vijfde",
        connectivity="ocmw",
        all_partners=everyone,
        start=date(2023, 1, 1),
    )
    hosts = tuple(a.host_partner_id for a in access_points if a.host_partner_id)
    dossier = Dossier(
        identity=Identity(
            name="Digibank Vlaamse Ardennen",
            call=CallKind.IMPLEMENTATIETRAJECT,
            werkingsgebied=[
                "Oudenaarde",
                "Kluisbergen",
                "Wortegem-Petegem",
                "Horebeke",
                "Maarkedal",
                "Zwalm",
            ],
            period=Period(start=date(2023, 1, 1), end=date(2024, 12, 31)),
            status=DossierStatus.IN_REVIEW,
            summary=(
                "Zes gemeenten werken samen in een interlokale vereniging zonder rechtspersoonlijkheid, "
                "met Stad Oudenaarde als beheersgemeente: zes digipunten, een uitleendienst van 150 "
                "laptops en vorming in kleine groepen."
            ),
        ),
        partners=partners,
        roles=roles,
        flows=flows,
        access_points=access_points,
        governance=governance(facts),
        strategy=strategy(facts),
        processing=register(facts, hosts, without_personality=("ilv",)),
        planning=Planning(
            milestones=[
                Milestone(
                    id="ms-start",
                    title="Start van de digipunten",
                    due=date(2023, 3, 1),
                    owner_partner_id="oudenaarde",
                ),
                Milestone(
                    id="ms-uitleen",
                    title="Uitleendienst open",
                    due=date(2023, 5, 1),
                    owner_partner_id="ateljee",
                ),
                Milestone(
                    id="ms-eind",
                    title="Eindrapport aan WSE",
                    due=date(2024, 12, 15),
                    owner_partner_id="oudenaarde",
                ),
            ],
            narrative="Eerst de digipunten, daarna de uitleendienst en de reeksen.",
        ),
        trajectories=[
            Trajectory(
                id="tr-voortraject",
                call=CallKind.VOORTRAJECT,
                start=date(2022, 1, 1),
                end=date(2022, 4, 30),
                promotor_partner_id="oudenaarde",
                requested=_eur(15_000),
                decision_date=date(2021, 12, 14),
                decision_number="VV127-VT-2021-118",
                granted=_eur(15_000),
            ),
            Trajectory(
                id="tr-implementatie",
                call=CallKind.IMPLEMENTATIETRAJECT,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                promotor_partner_id="oudenaarde",
                requested=_eur(0),
            ),
        ],
    )
    dossier.trajectories[1].requested = dossier.budget_total()
    return lawful(dossier, standard_lending("ateljee", "ateljee"))
