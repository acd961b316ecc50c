"""Digibank Noordrand: an extension with federal co-funding, a new lending operator and long loans.

Fictional, in real municipalities of Halle-Vilvoorde. The call pays its share within the cap;
"E-inclusion for Belgium" (a federal programme named in DOMAIN section 2) and the city's own
contribution pay the rest, so the total budget is above the call's cap. Digitaal Thuis vzw runs
the lending service until 31 December 2025; Herwerk cv takes it over on 1 January 2026. The
decision numbers and amounts of the trajectories are invented.
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
)
from workbench.demo.sections import Facts, governance, register, strategy
from workbench.dossier.model import (
    AccessPoint,
    AccessPointKind,
    Budget,
    CallKind,
    Dossier,
    DossierStatus,
    EndOfLoan,
    FlowType,
    FundingKind,
    FundingLine,
    FundingStream,
    Identity,
    LendingPolicy,
    Milestone,
    OrgType,
    Period,
    Planning,
    Trajectory,
    VatStatus,
)

_TOWNS = {
    "machelen": ("Gemeente Machelen", "1830", "Woluwelaan 21", "Ann Ontwerp", date(2024, 12, 17)),
    "zemst": ("Gemeente Zemst", "1980", "Hoortstraat 1", "Bart Model", date(2024, 12, 19)),
    "kampenhout": ("Gemeente Kampenhout", "1910", "Trawoolstraat 1", "Chris Schets", date(2024, 12, 16)),
}


def noordrand() -> Dossier:
    """Return the extension dossier with three funding streams and a change of lending operator."""
    gr = "gemeenteraad"
    partners = [
        _partner(
            "vilvoorde",
            "Stad Vilvoorde",
            OrgType.LOKAAL_BESTUUR,
            "stad",
            151,
            ("Grote Markt 1", "1800", "Vilvoorde"),
            ("Dana Voorbeeld", "+32 2 000 00 51"),
            VatStatus.NIET_BTW_PLICHTIG,
            True,
            ("Eric Proef", "burgemeester"),
            (gr, date(2024, 12, 18), "gemeenteraad 18 december 2024, agendapunt 7"),
        )
    ]
    for i, (pid, (name, postcode, street, rep, decided)) in enumerate(_TOWNS.items(), start=152):
        partners.append(
            _partner(
                pid,
                name,
                OrgType.LOKAAL_BESTUUR,
                "gemeente",
                i,
                (street, postcode, name.removeprefix("Gemeente ")),
                (f"Fien Voorbeeld {i % 100}", f"+32 2 000 00 {i % 100:02d}"),
                VatStatus.NIET_BTW_PLICHTIG,
                True,
                (rep, "burgemeester"),
                (gr, decided, f"gemeenteraad {decided:%d/%m/%Y}"),
            )
        )
    partners += [
        _partner(
            "ocmw",
            "OCMW Vilvoorde",
            OrgType.OCMW,
            "OCMW",
            155,
            ("Rolwagenstraat 49", "1800", "Vilvoorde"),
            ("Gert Voorbeeld", "+32 2 000 00 55"),
            VatStatus.NIET_BTW_PLICHTIG,
            True,
            ("Eric Proef", "voorzitter van het vast bureau"),
            ("vast bureau", date(2024, 12, 16), "vast bureau 16 december 2024"),
        ),
        _partner(
            "thuis",
            "Digitaal Thuis vzw",
            OrgType.VZW,
            "vzw",
            156,
            ("Leuvensestraat 20", "1800", "Vilvoorde"),
            ("Hanne Concept", "+32 2 000 00 56"),
            VatStatus.VRIJGESTELD,
            True,
            ("Ivo Test", "voorzitter van de raad van bestuur"),
            ("raad van bestuur", date(2024, 12, 5), "raad van bestuur 5 december 2024"),
        ),
        _partner(
            "herwerk",
            "Herwerk cv",
            OrgType.SOCIALE_ECONOMIE,
            "cv (maatwerkbedrijf)",
            157,
            ("Industrieweg 3", "1800", "Vilvoorde"),
            ("Joke Demo", "+32 2 000 00 57"),
            VatStatus.BTW_PLICHTIG,
            True,
            ("Karim Staal", "gedelegeerd bestuurder"),
            ("raad van bestuur", date(2024, 12, 9), "raad van bestuur 9 december 2024"),
        ),
        _partner(
            "leerpunt",
            "Leerpunt Noordrand vzw",
            OrgType.OPLEIDINGSVERSTREKKER,
            "vzw",
            158,
            ("Schaarbeekstraat 12", "1800", "Vilvoorde"),
            ("Lara Model", "+32 2 000 00 58"),
            VatStatus.VRIJGESTELD,
            True,
            ("Mo Ontwerp", "directeur"),
            ("raad van bestuur", date(2024, 12, 3), "raad van bestuur 3 december 2024"),
        ),
    ]
    roles = [
        _role(
            "r-vil-promotor",
            "vilvoorde",
            "promotor",
            ALL_OBJECTIVES,
            "Dient de verlenging in, ontvangt de subsidie, stort de aandelen binnen 30 dagen door en "
            "houdt de registratie per financieringsbron bij.",
            "1 VTE coördinator",
            loon=92_000,
            werking=8_000,
        ),
        _role(
            "r-vil-digipunt",
            "vilvoorde",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Digipunt in de bibliotheek en in het sociaal huis van Vilvoorde.",
            "20 uur per week, 1 VTE digicoach",
            loon=58_000,
            werking=6_000,
        ),
        _role(
            "r-ocmw-toeleider",
            "ocmw",
            "toeleider",
            (ONDERSTEUNING,),
            "Maatschappelijk werkers verwijzen door naar het digipunt en de uitleendienst.",
            "alle maatschappelijk werkers",
            loon=12_000,
        ),
        _role(
            "r-ocmw-connect",
            "ocmw",
            "connectiviteit",
            (TOEGANG,),
            "4G-boxen en hulp bij het sociaal internettarief.",
            "50 4G-boxen",
            werking=12_000,
        ),
        _role(
            "r-thuis-uitleen",
            "thuis",
            "uitleendienst",
            (TOEGANG,),
            "Baat de uitleendienst uit tot en met 31 december 2025.",
            "200 laptops",
            loon=38_000,
            werking=6_000,
        ),
        _role(
            "r-herwerk-uitleen",
            "herwerk",
            "uitleendienst",
            (TOEGANG,),
            "Neemt de uitleendienst over vanaf 1 januari 2026, met de toestellen en de wachtlijst.",
            "200 laptops",
            loon=26_000,
            werking=4_000,
        ),
        _role(
            "r-herwerk-refurb",
            "herwerk",
            "refurbisher",
            (TOEGANG,),
            "Maakt 200 laptops klaar en voert het nazicht uit tussen twee ontleners.",
            "200 laptops, 5 maatwerkplaatsen",
            loon=64_000,
            werking=22_000,
        ),
        _role(
            "r-leerpunt-trainer",
            "leerpunt",
            "trainer",
            (VAARDIGHEDEN,),
            "Geeft de reeksen 'Digitaal op weg' en 'Online solliciteren' in de vier gemeenten.",
            "16 reeksen",
            loon=56_000,
            werking=4_000,
        ),
    ]
    roles[4].end = date(2025, 12, 31)
    roles[5].start = date(2026, 1, 1)
    roles[5].takes_over_from_partner_id = "thuis"
    access_points = [
        AccessPoint(
            id="ap-vil-bib",
            name="Digipunt bibliotheek Vilvoorde",
            host_partner_id="vilvoorde",
            municipality="Vilvoorde",
            address="Grote Markt 1",
            opening_hours="ma-vr 9-12, wo 14-17",
            accessibility="rolstoeltoegankelijk",
            objectives=[TOEGANG, ONDERSTEUNING],
        ),
        AccessPoint(
            id="ap-digibus",
            name="Digibus Noordrand",
            kind=AccessPointKind.MOBIEL,
            host_partner_id="ocmw",
            municipality="Machelen, Zemst, Kampenhout",
            address="vaste standplaatsen aan de gemeentehuizen",
            opening_hours="elke gemeente twee halve dagen per week",
            accessibility="laagdrempelig, aan huis op afspraak",
            objectives=[TOEGANG, ONDERSTEUNING],
        ),
    ]
    for pid, (name, _, street, _, _) in _TOWNS.items():
        town = name.removeprefix("Gemeente ")
        roles.append(
            _role(
                f"r-{pid}-digipunt",
                pid,
                "digipunt_host",
                (TOEGANG, ONDERSTEUNING),
                f"Onthaal van de digibus en een vast digipunt in {town}.",
                "6 uur per week",
                loon=16_000,
                werking=2_000,
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
    flows = _subsidy_flows("vilvoorde", partners)
    flows += [
        _flow("f-ref", FlowType.REFERRAL, "ocmw", "thuis", "Doorverwijsfiche voor een laptop."),
        _flow("f-dev", FlowType.DEVICES, "herwerk", "thuis", "Klaargemaakte laptops tot eind 2025."),
        _flow("f-train", FlowType.TRAINING, "leerpunt", "zemst", "Reeksen in het gemeentehuis."),
        _flow(
            "f-data",
            FlowType.DATA_EXCHANGE,
            "thuis",
            "herwerk",
            "Overdracht van het uitleenregister op 1/1/2026.",
        ),
        _flow("f-exp", FlowType.EXPERTISE, "herwerk", "vilvoorde", "Advies over de aankoop van toestellen."),
    ]
    streams = [
        FundingStream(
            id="eib",
            name="E-inclusion for Belgium",
            kind=FundingKind.PUBLIC_PROGRAMME,
            funder="Federale overheid (oproep E-inclusion for Belgium)",
            decision_reference="EIB-2025-042",
            decision_date=date(2025, 3, 14),
            amount=_eur(60_000),
        ),
        FundingStream(
            id="eigen",
            name="Eigen inbreng Stad Vilvoorde",
            kind=FundingKind.OWN_CONTRIBUTION,
            funder="Stad Vilvoorde",
            decision_reference="meerjarenplan 2025-2030",
            amount=_eur(35_000),
        ),
    ]
    lines = [
        FundingLine(
            id="fl-eib-train",
            stream_id="eib",
            partner_id="leerpunt",
            role="trainer",
            description="Extra reeksen voor werkzoekenden (E-inclusion)",
            budget=Budget(loonkosten=_eur(40_000), werkingskosten=_eur(5_000), externe_prestaties=_eur(0)),
        ),
        FundingLine(
            id="fl-eib-uitleen",
            stream_id="eib",
            partner_id="thuis",
            role="uitleendienst",
            description="Tablets voor senioren (E-inclusion)",
            budget=Budget(loonkosten=_eur(0), werkingskosten=_eur(15_000), externe_prestaties=_eur(0)),
        ),
        FundingLine(
            id="fl-eigen-digipunt",
            stream_id="eigen",
            partner_id="vilvoorde",
            role="digipunt_host",
            description="Inrichting van het digipunt in het sociaal huis",
            budget=Budget(
                loonkosten=_eur(30_000),
                werkingskosten=_eur(0),
                externe_prestaties=_eur(0),
                investeringen=_eur(5_000),
            ),
        ),
    ]
    everyone = tuple(p.id for p in partners)
    facts = Facts(
        area="de Noordrand (Vilvoorde, Machelen, Zemst en Kampenhout)",
        promotor="vilvoorde",
        toeleiders=("ocmw",),
        social_economy="herwerk",
        trainer="leerpunt",
        devices=200,
        users=1600,
        jobs=5,
        social_economy_share="ongeveer een vijfde",
        connectivity="ocmw",
        all_partners=everyone,
        start=date(2025, 1, 1),
    )
    hosts = tuple(dict.fromkeys(a.host_partner_id for a in access_points if a.host_partner_id))
    processing = register(facts, hosts)
    # Until the takeover, Digitaal Thuis vzw runs the lending register as processor too.
    processing[1].roles.append(processing[1].roles[1].model_copy(update={"partner_id": "thuis"}))
    dossier = Dossier(
        identity=Identity(
            name="Digibank Noordrand",
            call=CallKind.VERLENGING,
            werkingsgebied=["Vilvoorde", "Machelen", "Zemst", "Kampenhout"],
            period=Period(start=date(2025, 1, 1), end=date(2026, 7, 31)),
            status=DossierStatus.IN_REVIEW,
            summary=(
                "De verlenging van een regionale digibank met federale cofinanciering (E-inclusion "
                "for Belgium), een nieuwe uitbater van de uitleendienst vanaf 2026 en langdurige "
                "uitlening van laptops."
            ),
            effect_from_period_start=True,
        ),
        partners=partners,
        roles=roles,
        flows=flows,
        access_points=access_points,
        governance=governance(facts),
        strategy=strategy(facts),
        processing=processing,
        planning=Planning(
            milestones=[
                Milestone(
                    id="ms-eib",
                    title="Start van de E-inclusion-reeksen",
                    due=date(2025, 4, 1),
                    owner_partner_id="leerpunt",
                ),
                Milestone(
                    id="ms-overdracht",
                    title="Overdracht van de uitleendienst aan Herwerk cv",
                    due=date(2026, 1, 1),
                    owner_partner_id="herwerk",
                ),
                Milestone(
                    id="ms-eind",
                    title="Eindrapport aan WSE",
                    due=date(2026, 7, 15),
                    owner_partner_id="vilvoorde",
                ),
            ],
            narrative="De overdracht van de uitleendienst wordt vanaf september 2025 voorbereid.",
        ),
        funding_streams=streams,
        funding_lines=lines,
        trajectories=[
            Trajectory(
                id="tr-vt",
                call=CallKind.VOORTRAJECT,
                start=date(2021, 11, 1),
                end=date(2022, 2, 28),
                promotor_partner_id="vilvoorde",
                requested=_eur(15_000),
                decision_date=date(2021, 10, 20),
                decision_number="VV127-VT-2021-064",
                granted=_eur(15_000),
            ),
            Trajectory(
                id="tr-impl",
                call=CallKind.IMPLEMENTATIETRAJECT,
                start=date(2023, 1, 1),
                end=date(2024, 12, 31),
                promotor_partner_id="vilvoorde",
                requested=_eur(499_000),
                decision_date=date(2022, 12, 13),
                decision_number="VV127-IT-2022-211",
                granted=_eur(497_600),
            ),
            Trajectory(
                id="tr-verl",
                call=CallKind.VERLENGING,
                start=date(2025, 1, 1),
                end=date(2026, 7, 31),
                promotor_partner_id="vilvoorde",
                requested=_eur(462_000),
                decision_date=date(2024, 12, 16),
                decision_number="VV127-VL-2024-031",
                granted=_eur(462_000),
            ),
        ],
    )
    policy = LendingPolicy(
        eligibility="Volwassenen uit de doelgroep met een doorverwijzing van het OCMW of een partner.",
        loan_term_days=90,
        extensions=1,
        long_term=True,
        long_term_months=24,
        deposit=_eur(20),
        insured_by_partner_id="herwerk",
        insurance="diefstal en accidentele schade; bij diefstal betaalt de ontlener niets bij aangifte",
        end_of_loan=EndOfLoan.RETURN_OR_DONATION,
        donation_conditions=(
            "het toestel na 24 maanden langdurige uitlening in gebruik blijft en de ontlener nog tot de "
            "doelgroep behoort; de stuurgroep beslist op voorstel van de uitbater."
        ),
        revision_partner_id="herwerk",
        revision="gecertificeerd wissen, herinstallatie, nazicht van batterij en scherm",
        reuse_cycles=3,
    )
    return lawful(dossier, policy)
