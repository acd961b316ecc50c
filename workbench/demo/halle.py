"""Digibank Halle - Pepingen - Gooik: a city-led network with many digipunten."""

from __future__ import annotations

from datetime import date

from workbench.demo.builders import (
    ALL_OBJECTIVES,
    CONTROLLER,
    JOINT,
    ONDERSTEUNING,
    PROCESSOR,
    TOEGANG,
    VAARDIGHEDEN,
    _eur,
    _flow,
    _indicator,
    _partner,
    _role,
    _subsidy_flows,
    lawful,
    standard_lending,
)
from workbench.dossier.model import (
    AccessPoint,
    AccessPointKind,
    CallKind,
    CirculariteitSection,
    ConnectiviteitSection,
    ConnectivityKind,
    ConnectivityMeasure,
    DeviceLine,
    DoelgroepSection,
    Dossier,
    DossierStatus,
    DuurzaamheidSection,
    FinancingSource,
    FlowType,
    Governance,
    Identity,
    ImpactmetingSection,
    IndicatorType,
    Klankbordgroep,
    Milestone,
    OrgType,
    OutreachChannel,
    OutreachSection,
    Period,
    Planning,
    ProcessingActivity,
    ProcessingRole,
    ScalingStep,
    SocialEconomyActivity,
    SocialeEconomieSection,
    Strategy,
    Stuurgroep,
    TargetGroup,
    VatStatus,
    Werkgroep,
)

# ---------------------------------------------------------------- Halle - Pepingen - Gooik


def halle_pepingen_gooik() -> Dossier:
    gr = "gemeenteraad"
    partners = [
        _partner(
            "halle",
            "Stad Halle",
            OrgType.LOKAAL_BESTUUR,
            "stad",
            11,
            ("Grote Markt 1", "1500", "Halle"),
            ("Sofie Voorbeeld", "+32 2 000 00 11"),
            VatStatus.GEMENGD,
            True,
            ("Tom Proef", "burgemeester"),
            (gr, date(2024, 11, 25), "gemeenteraad 25 november 2024, agendapunt 9"),
        ),
        _partner(
            "ocmw-halle",
            "OCMW Halle",
            OrgType.OCMW,
            "openbaar centrum voor maatschappelijk welzijn",
            12,
            ("Grote Markt 1", "1500", "Halle"),
            ("Wim Schets", "+32 2 000 00 12"),
            VatStatus.VRIJGESTELD,
            True,
            ("Ann Demo", "voorzitter van de raad voor maatschappelijk welzijn"),
            ("raad voor maatschappelijk welzijn", date(2024, 11, 25), "OCMW-raad 25 november 2024"),
        ),
        _partner(
            "pepingen",
            "Gemeente Pepingen",
            OrgType.LOKAAL_BESTUUR,
            "gemeente",
            13,
            ("Dorpsplein 1", "1670", "Pepingen"),
            ("Yves Fictief", "+32 2 000 00 13"),
            VatStatus.VRIJGESTELD,
            True,
            ("Zoë Model", "burgemeester"),
            (gr, date(2024, 11, 28), "gemeenteraad 28 november 2024"),
        ),
        _partner(
            "gooik",
            "Gemeente Gooik",
            OrgType.LOKAAL_BESTUUR,
            "gemeente",
            14,
            ("Kerkstraat 1", "1755", "Gooik"),
            ("Bram Ontwerp", "+32 54 00 00 14"),
            VatStatus.VRIJGESTELD,
            True,
            ("Chris Staal", "burgemeester"),
            (gr, date(2024, 12, 2), "gemeenteraad 2 december 2024"),
        ),
        _partner(
            "vites",
            "Kringwinkel ViTeS",
            OrgType.SOCIALE_ECONOMIE,
            "vzw (maatwerkbedrijf)",
            15,
            ("Industrielaan 10", "1500", "Halle"),
            ("Dana Concept", "+32 2 000 00 15"),
            VatStatus.BTW_PLICHTIG,
            True,
            ("Erik Test", "directeur"),
            ("raad van bestuur", date(2024, 11, 19), "verslag raad van bestuur 19 november 2024"),
        ),
        _partner(
            "buurtwerk",
            "Buurtwerk Zennevallei vzw",
            OrgType.VZW,
            "vzw",
            16,
            ("Nijvelsesteenweg 20", "1500", "Halle"),
            ("Fatima Voorbeeld", "+32 2 000 00 16"),
            VatStatus.VRIJGESTELD,
            True,
            ("Geert Proef", "voorzitter"),
            ("raad van bestuur", date(2024, 11, 12), "verslag raad van bestuur 12 november 2024"),
        ),
        _partner(
            "leerpunt",
            "Leerpunt Zennevallei vzw",
            OrgType.OPLEIDINGSVERSTREKKER,
            "vzw",
            17,
            ("Basiliekstraat 30", "1500", "Halle"),
            ("Hanne Schets", "+32 2 000 00 17"),
            VatStatus.VRIJGESTELD,
            True,
            ("Ivo Demo", "directeur"),
            ("raad van bestuur", date(2024, 11, 14), "verslag raad van bestuur 14 november 2024"),
        ),
    ]

    roles = [
        _role(
            "r-halle-promotor",
            "halle",
            "promotor",
            ALL_OBJECTIVES,
            "Dient de aanvraag tot verlenging in, beheert de subsidie en stort de partneraandelen binnen "
            "30 dagen door. De coördinator van de stad bereidt de stuurgroep en het stakeholderplatform "
            "voor, houdt het aantal bereikte gebruikers bij en maakt de rapportering op.",
            "0,8 VTE coördinator, 0,2 VTE financiële opvolging",
            loon=96_000,
            werking=12_000,
            extern=16_500,
        ),
        _role(
            "r-halle-digipunt",
            "halle",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Baat het digipunt in de bibliotheek van Halle uit en rijdt met de digibus langs de "
            "deelgemeenten en wijken, met vaste haltes per week.",
            "Bibliotheek 15 uur per week, digibus 3 halte-dagen per week, 1 VTE digicoach",
            loon=48_000,
            werking=18_000,
        ),
        _role(
            "r-halle-trainer",
            "halle",
            "trainer",
            (VAARDIGHEDEN,),
            "Organiseert in de bibliotheek van Halle oefenmomenten en korte workshops (e-mail, "
            "smartphone, online afspraken maken) aansluitend bij de inloopmomenten.",
            "40 workshops per jaar",
            loon=24_000,
            werking=3_000,
        ),
        _role(
            "r-ocmw-toeleider",
            "ocmw-halle",
            "toeleider",
            (ONDERSTEUNING,),
            "Maatschappelijk werkers van het Sociaal Huis nemen digitale noden op in elke intake en "
            "verwijzen door naar de digipunten of de uitleendienst.",
            "Alle maatschappelijk werkers, in de reguliere werking",
        ),
        _role(
            "r-ocmw-digipunt",
            "ocmw-halle",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Houdt digipunten open in het Sociaal Huis en in het lokaal dienstencentrum, met hulp bij "
            "Tax-on-web, itsme, online bankieren en afspraken bij de dokter.",
            "2 digipunten, samen 10 uur per week, 0,6 VTE",
            loon=36_000,
            werking=3_000,
        ),
        _role(
            "r-ocmw-connectiviteit",
            "ocmw-halle",
            "connectiviteit",
            (TOEGANG,),
            "Leent 4G-boxen uit aan gezinnen zonder internet thuis en helpt bij de aanvraag van het "
            "sociaal internettarief en bij het vergelijken van goedkope abonnementen.",
            "50 4G-boxen",
            werking=12_000,
        ),
        _role(
            "r-pepingen-digipunt",
            "pepingen",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Houdt een hybride digipunt open: een vaste zitdag in het gemeentehuis en pop-upmomenten in "
            "de deelgemeenten, samen met de digibus.",
            "6 uur per week, 0,3 VTE",
            loon=22_000,
            werking=2_500,
        ),
        _role(
            "r-pepingen-toeleider",
            "pepingen",
            "toeleider",
            (ONDERSTEUNING,),
            "De sociale dienst en het onthaal van het gemeentehuis verwijzen inwoners door naar het "
            "digipunt.",
            "In de reguliere werking",
        ),
        _role(
            "r-gooik-digipunt",
            "gooik",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Baat het digipunt in de bibliotheek van Gooik uit, met een inloopmoment op marktdag.",
            "6 uur per week, 0,3 VTE",
            loon=22_000,
            werking=2_500,
        ),
        _role(
            "r-gooik-toeleider",
            "gooik",
            "toeleider",
            (ONDERSTEUNING,),
            "De sociale dienst verwijst inwoners door en organiseert vervoer naar het digipunt waar nodig.",
            "In de reguliere werking",
        ),
        _role(
            "r-vites-refurbisher",
            "vites",
            "refurbisher",
            (TOEGANG,),
            "Maakt ingezamelde en geschonken laptops klaar, reinigt en herstelt de uitleenlaptops na elke "
            "uitlening en geeft elk toestel een jaarlijkse onderhoudsbeurt.",
            "150 laptops in omloop, 3 werknemers maatwerk",
            loon=38_000,
            werking=9_000,
        ),
        _role(
            "r-vites-uitleendienst",
            "vites",
            "uitleendienst",
            (TOEGANG,),
            "Baat de gratis uitleendienst uit: registratie, uitlening voor drie maanden (verlengbaar), "
            "terugname en het wissen van gegevens. Laptops kunnen worden afgehaald in de kringwinkel of in "
            "elk digipunt.",
            "150 laptops, 2 werknemers maatwerk",
            loon=32_000,
            werking=4_000,
        ),
        _role(
            "r-buurtwerk-outreach",
            "buurtwerk",
            "outreach",
            (ONDERSTEUNING,),
            "Zoekt kwetsbare inwoners op in wijken en ontmoetingsplaatsen, kiest warme locaties voor de "
            "digibus en brengt mensen persoonlijk naar een eerste bezoek aan het digipunt.",
            "0,5 VTE opbouwwerker",
            loon=28_000,
            werking=2_000,
        ),
        _role(
            "r-buurtwerk-toeleider",
            "buurtwerk",
            "toeleider",
            (ONDERSTEUNING,),
            "Verwijst bezoekers van de buurtwerking door naar digipunten en de uitleendienst.",
            "In de reguliere werking",
        ),
        _role(
            "r-buurtwerk-vrijwilligers",
            "buurtwerk",
            "vrijwilligers",
            (ONDERSTEUNING,),
            "Werft, vormt en begeleidt digibuddy's die bezoekers in de digipunten bijstaan.",
            "Pool van 25 digibuddy's",
        ),
        _role(
            "r-leerpunt-trainer",
            "leerpunt",
            "trainer",
            (VAARDIGHEDEN,),
            "Geeft reeksen basisvaardigheden voor laaggeletterden en anderstaligen die Nederlands leren, "
            "in kleine groepen en in de digipunten van Pepingen en Gooik.",
            "12 reeksen per jaar van 8 lessen",
            loon=18_000,
            werking=1_500,
        ),
    ]

    flows = _subsidy_flows("halle", partners)
    flows += [
        _flow(
            "f-verwijzing-ocmw",
            FlowType.REFERRAL,
            "ocmw-halle",
            "vites",
            "Het Sociaal Huis geeft inwoners een doorverwijsbrief voor een gratis uitleenlaptop.",
        ),
        _flow(
            "f-verwijzing-buurtwerk",
            FlowType.REFERRAL,
            "buurtwerk",
            "halle",
            "De opbouwwerker begeleidt bezoekers van de buurtwerking naar de digibus en de bibliotheek.",
        ),
        _flow(
            "f-verwijzing-pepingen",
            FlowType.REFERRAL,
            "pepingen",
            "leerpunt",
            "Inwoners met weinig basisvaardigheden worden doorverwezen naar de reeksen van Leerpunt.",
        ),
        _flow(
            "f-toestellen-stad",
            FlowType.DEVICES,
            "halle",
            "vites",
            "Afgeschreven laptops uit de stedelijke scholen en administratie, geschonken voor hergebruik.",
        ),
        _flow(
            "f-toestellen-digipunten",
            FlowType.DEVICES,
            "vites",
            "gooik",
            "Een kleine voorraad uitleenlaptops in het digipunt van Gooik, wekelijks aangevuld.",
        ),
        _flow(
            "f-opleiding-leerpunt",
            FlowType.TRAINING,
            "leerpunt",
            "pepingen",
            "Leerpunt geeft de reeks basisvaardigheden in het gemeentehuis van Pepingen.",
        ),
        _flow(
            "f-opleiding-digibuddy",
            FlowType.TRAINING,
            "leerpunt",
            "buurtwerk",
            "Leerpunt vormt de digibuddy's in het begeleiden van laaggeletterde bezoekers.",
        ),
        _flow(
            "f-gegevens-vites",
            FlowType.DATA_EXCHANGE,
            "vites",
            "halle",
            "Maandelijkse uitleenregistratie (naam, postcode, doelgroep, toestel) voor de telling van "
            "unieke gebruikers.",
        ),
        _flow(
            "f-gegevens-ocmw",
            FlowType.DATA_EXCHANGE,
            "ocmw-halle",
            "halle",
            "Registratie van vragen in de digipunten van het OCMW via het gedeelde registratieformulier.",
        ),
        _flow(
            "f-expertise-vites",
            FlowType.EXPERTISE,
            "vites",
            "halle",
            "Advies over de keuze van toestellen, levensduur en herstelbaarheid bij aankoop.",
        ),
    ]

    access_points = [
        AccessPoint(
            id="ap-bib-halle",
            name="Digipunt bibliotheek Halle",
            kind=AccessPointKind.VAST,
            host_partner_id="halle",
            municipality="Halle",
            address="Bibliotheek, 1500 Halle",
            opening_hours="ma, wo en vr 13.00-18.00",
            accessibility="Rolstoeltoegankelijk, vlak bij het station.",
            objectives=list(ALL_OBJECTIVES),
        ),
        AccessPoint(
            id="ap-sociaal-huis-halle",
            name="Digipunt Sociaal Huis Halle",
            kind=AccessPointKind.VAST,
            host_partner_id="ocmw-halle",
            municipality="Halle",
            address="Sociaal Huis, 1500 Halle",
            opening_hours="di en do 9.00-12.00",
            accessibility="Gelijkvloers; discreet onthaal en hulp bij één-op-één.",
            objectives=[TOEGANG, ONDERSTEUNING],
        ),
        AccessPoint(
            id="ap-ldc-halle",
            name="Digipunt lokaal dienstencentrum Halle",
            kind=AccessPointKind.VAST,
            host_partner_id="ocmw-halle",
            municipality="Halle",
            address="Lokaal dienstencentrum, 1500 Halle",
            opening_hours="wo 14.00-16.00",
            accessibility="Gelijkvloers, aansluitend bij de cafetaria van het dienstencentrum.",
            objectives=[VAARDIGHEDEN, ONDERSTEUNING],
        ),
        AccessPoint(
            id="ap-pepingen",
            name="Digipunt Pepingen (gemeentehuis en pop-up)",
            kind=AccessPointKind.HYBRIDE,
            host_partner_id="pepingen",
            municipality="Pepingen",
            address="Gemeentehuis, 1670 Pepingen; pop-up in de deelgemeenten",
            opening_hours="di 9.00-12.00; pop-up tweewekelijks op donderdag",
            accessibility="Vaste zitdag gelijkvloers; pop-up in parochiezalen van de deelgemeenten.",
            objectives=[TOEGANG, VAARDIGHEDEN, ONDERSTEUNING],
        ),
        AccessPoint(
            id="ap-bib-gooik",
            name="Digipunt bibliotheek Gooik",
            kind=AccessPointKind.VAST,
            host_partner_id="gooik",
            municipality="Gooik",
            address="Bibliotheek, 1755 Gooik",
            opening_hours="za 9.00-12.00 (marktdag) en wo 14.00-17.00",
            accessibility="Rolstoeltoegankelijk; vervoer op vraag via de sociale dienst.",
            objectives=[TOEGANG, ONDERSTEUNING],
        ),
        AccessPoint(
            id="ap-digibus",
            name="Digibus Halle - Pepingen - Gooik",
            kind=AccessPointKind.MOBIEL,
            host_partner_id="halle",
            municipality="Halle, Pepingen, Gooik",
            address="Vaste haltes in wijken en deelgemeenten",
            opening_hours="ma, wo en vr, volgens haltekalender",
            accessibility="Komt naar de mensen toe; wifi, drie laptops en een printer aan boord.",
            objectives=list(ALL_OBJECTIVES),
        ),
        AccessPoint(
            id="ap-kringwinkel",
            name="Uitleenbalie Kringwinkel ViTeS Halle",
            kind=AccessPointKind.VAST,
            host_partner_id="vites",
            municipality="Halle",
            address="Industrielaan 10, 1500 Halle",
            opening_hours="di tot za 10.00-17.00",
            accessibility="Gelijkvloers, ruime parking, bus voor de deur.",
            objectives=[TOEGANG],
        ),
    ]

    all_ids = [p.id for p in partners]
    governance = Governance(
        stuurgroep=Stuurgroep(
            member_partner_ids=all_ids,
            chair_partner_id="halle",
            frequency="driemaandelijks",
            decision_rule="consensus; bij gebrek aan consensus twee derde meerderheid",
        ),
        werkgroepen=[
            Werkgroep(
                id="wg-stakeholderplatform",
                name="Stakeholderplatform digitale inclusie",
                purpose="Brede kring van scholen, huisartsen, ziekenfondsen, VDAB en verenigingen die "
                "signalen doorgeven en het aanbod mee bekendmaken.",
                member_partner_ids=all_ids,
                frequency="twee keer per jaar",
            ),
            Werkgroep(
                id="wg-digipunten",
                name="Werkgroep digipunten en digibus",
                purpose="Haltekalender, openingsuren, registratie en vorming van digicoaches.",
                member_partner_ids=["halle", "ocmw-halle", "pepingen", "gooik", "buurtwerk"],
                frequency="maandelijks",
            ),
            Werkgroep(
                id="wg-toestellen",
                name="Werkgroep uitleendienst en toestellen",
                purpose="Voorraad, herstellingen, uitleenreglement en einde levensduur.",
                member_partner_ids=["halle", "vites"],
                frequency="tweemaandelijks",
            ),
        ],
        klankbordgroep=Klankbordgroep(
            composition="Tien gebruikers van digipunten, digibus en uitleendienst, begeleid door Buurtwerk "
            "Zennevallei.",
            frequency="om de twee maanden",
        ),
        narrative="De verlenging bouwt verder op de bestaande werking. De stuurgroep verdeelt het budget en "
        "beslist hoe het bedrag wordt aangepast als minder gebruikers worden bereikt dan voorzien: elk "
        "partneraandeel daalt dan in dezelfde verhouding. Het stakeholderplatform houdt het brede netwerk "
        "betrokken.",
    )

    strategy = Strategy(
        doelgroep=DoelgroepSection(
            target_groups=[
                TargetGroup(
                    id="tg-senioren",
                    name="Alleenwonende senioren met weinig digitale ervaring",
                    estimated_number=500,
                    needs="Hulp bij itsme, online bankieren en afspraken bij de dokter; nabijheid.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-armoede",
                    name="Mensen in armoede",
                    estimated_number=550,
                    needs="Gratis toestel, internet thuis, hulp bij premies en tegemoetkomingen.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-laaggeletterden",
                    name="Laaggeletterden en anderstaligen die Nederlands leren",
                    estimated_number=450,
                    needs="Lessen in kleine groepen met veel beeld en oefening; hulp bij formulieren.",
                    priority=False,
                ),
            ],
            narrative="Tijdens de eerste projectperiode kwamen vooral alleenwonende senioren en mensen in "
            "armoede naar de digipunten. In de verlenging willen we samen 1.500 unieke gebruikers bereiken "
            "en meer laaggeletterden en anderstaligen. In de landelijke deelgemeenten van Pepingen en Gooik "
            "is de afstand tot een digipunt groot; daar zetten we in op de digibus en pop-ups.",
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id="oc-sociaal-huis",
                    description="Doorverwijzing door maatschappelijk werkers van OCMW en sociale diensten",
                    toeleider_partner_ids=["ocmw-halle", "pepingen", "gooik"],
                    target_group_ids=["tg-armoede", "tg-senioren"],
                ),
                OutreachChannel(
                    id="oc-buurtwerk",
                    description="Outreach door de opbouwwerker in wijken en ontmoetingsplaatsen",
                    toeleider_partner_ids=["buurtwerk"],
                    target_group_ids=["tg-armoede", "tg-laaggeletterden"],
                ),
                OutreachChannel(
                    id="oc-digibus",
                    description="Digibus met vaste haltes aan markten, dienstencentra en sociale woonwijken",
                    toeleider_partner_ids=["ocmw-halle", "buurtwerk"],
                    target_group_ids=["tg-senioren"],
                ),
            ],
            narrative="We gaan naar de mensen toe: de digibus stopt waar de doelgroep al komt, en de "
            "opbouwwerker neemt mensen mee naar hun eerste bezoek. Via het stakeholderplatform vragen we "
            "huisartsen, ziekenfondsen en scholen om het aanbod bekend te maken.",
        ),
        sociale_economie=SocialeEconomieSection(
            activities=[
                SocialEconomyActivity(
                    id="se-refurbishing",
                    partner_id="vites",
                    activity="Klaarmaken, reinigen en herstellen van de uitleenlaptops",
                    jobs=3,
                ),
                SocialEconomyActivity(
                    id="se-uitleenbalie",
                    partner_id="vites",
                    activity="Uitleenbalie in de kringwinkel: registratie, uitlening en terugname",
                    jobs=2,
                ),
            ],
            narrative="Kringwinkel ViTeS maakt als sociale-economiebedrijf de uitleenlaptops klaar, reinigt "
            "en herstelt ze. Vijf werknemers in maatwerk leren zo technische en klantgerichte vaardigheden. "
            "De uitleenbalie in de kringwinkel trekt bovendien bezoekers aan die de digibank nog niet "
            "kenden.",
        ),
        circulariteit=CirculariteitSection(
            devices=[
                DeviceLine(
                    id="dl-laptops",
                    device_type="Laptop",
                    source="Afgeschreven toestellen van stad, scholen en bedrijven uit de regio",
                    collected=180,
                    refurbished=150,
                    lent=400,
                    end_of_life="Onherstelbare toestellen worden ontmanteld; onderdelen gaan naar "
                    "herstellingen, "
                    "de rest naar een erkend recyclagekanaal.",
                ),
                DeviceLine(
                    id="dl-4g",
                    device_type="4G-box",
                    source="Aankoop",
                    collected=50,
                    refurbished=0,
                    lent=120,
                    end_of_life="Terugname door de leverancier na het einde van het contract.",
                ),
            ],
            responsible_partner_id="vites",
            narrative="Geen nieuwe laptops: de uitleendienst werkt enkel met tweedehandstoestellen die ViTeS "
            "klaarmaakt. Na elke uitlening worden gegevens gewist en wordt het toestel gereinigd. Tassen en "
            "laders worden hergebruikt; wat niet meer te herstellen is, wordt ontmanteld en gerecycleerd.",
        ),
        duurzaamheid=DuurzaamheidSection(
            financing_after_subsidy=[
                FinancingSource(
                    id="fs-meerjarenplan",
                    source="Meerjarenplan Stad Halle en OCMW Halle (personeel digipunten)",
                    amount=_eur(90_000),
                    secured=True,
                ),
                FinancingSource(
                    id="fs-gemeenten",
                    source="Bijdrage Pepingen en Gooik per inwoner",
                    amount=_eur(20_000),
                    secured=False,
                ),
                FinancingSource(
                    id="fs-kringwinkel",
                    source="Verkoop van laptops die niet nodig zijn voor de uitleendienst via de kringwinkel",
                    amount=_eur(8_000),
                    secured=False,
                ),
            ],
            scaling_steps=[
                ScalingStep(
                    id="ss-buurgemeenten",
                    description="Haltes van de digibus uitbreiden naar buurgemeenten in het Pajottenland",
                    planned=date(2025, 9, 1),
                ),
                ScalingStep(
                    id="ss-verankering",
                    description="Digipunten verankeren in het lokaal sociaal beleid na juli 2026",
                    planned=date(2026, 6, 30),
                ),
            ],
            narrative="Na juli 2026 blijven de digipunten open binnen de reguliere werking van bibliotheken, "
            "Sociaal Huis en dienstencentrum. De uitleendienst draait verder bij ViTeS. We zoeken nog een "
            "structurele financiering voor de digibus en bespreken een bijdrage per inwoner met Pepingen en "
            "Gooik.",
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id="cm-wifi",
                    kind=ConnectivityKind.WIFI_DIGIPUNT,
                    description="Gratis wifi in alle digipunten",
                    partner_id="halle",
                ),
                ConnectivityMeasure(
                    id="cm-digibus",
                    kind=ConnectivityKind.MOBIELE_HOTSPOT,
                    description="Mobiele hotspot aan boord van de digibus",
                    partner_id="halle",
                ),
                ConnectivityMeasure(
                    id="cm-4g",
                    kind=ConnectivityKind.INTERNETBOX,
                    description="50 4G-boxen om uit te lenen aan gezinnen zonder internet",
                    partner_id="ocmw-halle",
                ),
                ConnectivityMeasure(
                    id="cm-sociaal-tarief",
                    kind=ConnectivityKind.SOCIAAL_TARIEF,
                    description="Hulp bij de aanvraag van het sociaal internettarief",
                    partner_id="ocmw-halle",
                ),
            ],
            narrative="Elk digipunt heeft gratis wifi, ook de digibus. Het Sociaal Huis leent 4G-boxen uit "
            "en "
            "helpt gezinnen die recht hebben op het sociaal internettarief bij hun aanvraag. Bij elke "
            "uitlening vragen we of er thuis een verbinding is.",
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    "ind-gebruikers",
                    "Unieke gebruikers bereikt",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    1_500,
                    "Registratie digipunten, digibus en uitleendienst",
                    "maandelijks",
                    "halle",
                ),
                _indicator(
                    "ind-uitleningen",
                    "Uitleningen van laptops",
                    IndicatorType.OUTPUT,
                    "uitleningen",
                    0,
                    400,
                    "Uitleenregister ViTeS",
                    "maandelijks",
                    "vites",
                ),
                _indicator(
                    "ind-openingsuren",
                    "Openingsuren van digipunten en digibus",
                    IndicatorType.OUTPUT,
                    "uren per week",
                    45,
                    55,
                    "Haltekalender en openingsuren",
                    "per kwartaal",
                    "halle",
                ),
                _indicator(
                    "ind-deelnemers",
                    "Deelnemers aan workshops en reeksen",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    350,
                    "Aanwezigheidslijsten",
                    "per reeks",
                    "leerpunt",
                ),
                _indicator(
                    "ind-zelfstandig",
                    "Gebruikers die een essentiële onlinedienst zelfstandig gebruiken",
                    IndicatorType.OUTCOME,
                    "% van de bevraagde gebruikers",
                    30,
                    60,
                    "Korte bevraging na drie maanden",
                    "halfjaarlijks",
                    "ocmw-halle",
                ),
                _indicator(
                    "ind-verwijzingen",
                    "Doorverwijzingen tussen partners",
                    IndicatorType.OUTPUT,
                    "doorverwijzingen",
                    120,
                    300,
                    "Doorverwijsfiches",
                    "per kwartaal",
                    "buurtwerk",
                ),
                _indicator(
                    "ind-kwetsbaarheid",
                    "Inwoners die zich digitaal kwetsbaar voelen",
                    IndicatorType.IMPACT,
                    "% van de bevraagde inwoners",
                    40,
                    35,
                    "Lokale bevraging naar het model van de Barometer digitale inclusie",
                    "bij start en einde",
                    "halle",
                ),
            ],
            narrative="De nulmeting komt uit de registraties van de eerste projectperiode. Omdat de "
            "subsidie in de verlenging afhangt van het aantal bereikte gebruikers, telt elke persoon één "
            "keer, over alle digipunten heen, op basis van een gedeeld registratieformulier. Bij start en "
            "einde doen we een lokale bevraging naar het model van de Barometer digitale inclusie.",
        ),
    )

    processing = [
        ProcessingActivity(
            id="pa-gebruikers",
            name="Registratie van unieke gebruikers",
            purpose="Tellen van unieke gebruikers voor de subsidieschijven en anonieme rapportering aan "
            "Vlaanderen.",
            data_categories="Naam, geboortejaar, postcode, doelgroep, gebruikte diensten.",
            retention="Tot de eindafrekening van de verlenging; daarna enkel geanonimiseerd",
            roles=[
                ProcessingRole(partner_id="halle", role=JOINT),
                ProcessingRole(partner_id="ocmw-halle", role=JOINT),
                ProcessingRole(partner_id="pepingen", role=JOINT),
                ProcessingRole(partner_id="gooik", role=JOINT),
            ],
        ),
        ProcessingActivity(
            id="pa-uitlening",
            name="Uitleenregister laptops en 4G-boxen",
            purpose="Uitlenen, terugvorderen en onderhouden van toestellen.",
            data_categories="Naam, adres, telefoon, identiteit toestel, uitleendata.",
            retention="Twee jaar na de laatste uitlening",
            roles=[
                ProcessingRole(partner_id="halle", role=CONTROLLER),
                ProcessingRole(partner_id="vites", role=PROCESSOR),
            ],
        ),
        ProcessingActivity(
            id="pa-vorming",
            name="Inschrijvingen voor workshops en reeksen",
            purpose="Organisatie van het vormingsaanbod en opvolging van de deelnemers.",
            data_categories="Naam, telefoon, taalniveau, aanwezigheden.",
            retention="Een jaar na de laatste les",
            roles=[
                ProcessingRole(partner_id="leerpunt", role=CONTROLLER),
                ProcessingRole(partner_id="buurtwerk", role=CONTROLLER),
            ],
        ),
    ]

    planning = Planning(
        milestones=[
            Milestone(
                id="ms-addendum",
                title="Samenwerkingsovereenkomst verlenging ondertekend",
                due=date(2025, 1, 31),
                owner_partner_id="halle",
            ),
            Milestone(
                id="ms-haltes",
                title="Nieuwe haltekalender digibus",
                due=date(2025, 3, 1),
                owner_partner_id="halle",
            ),
            Milestone(
                id="ms-1000",
                title="1.000 unieke gebruikers bereikt",
                due=date(2025, 12, 31),
                owner_partner_id="halle",
            ),
            Milestone(
                id="ms-1500",
                title="1.500 unieke gebruikers bereikt",
                due=date(2026, 6, 30),
                owner_partner_id="halle",
            ),
            Milestone(
                id="ms-eind",
                title="Eindrapport en afrekening",
                due=date(2026, 7, 31),
                owner_partner_id="halle",
            ),
        ],
        narrative="De verlenging loopt van 1 januari 2025 tot 31 juli 2026. Halverwege toetst de stuurgroep "
        "het aantal bereikte gebruikers aan de schijven van de subsidie.",
    )

    dossier = Dossier(
        identity=Identity(
            name="Digibank Halle - Pepingen - Gooik",
            call=CallKind.VERLENGING,
            werkingsgebied=["Halle", "Pepingen", "Gooik"],
            period=Period(start=date(2025, 1, 1), end=date(2026, 7, 31)),
            status=DossierStatus.READY,
            summary="Stad Halle, OCMW Halle, Pepingen en Gooik zetten hun digibank voort met een netwerk van "
            "zeven toegangspunten: bibliotheken, het Sociaal Huis, een lokaal dienstencentrum, een hybride "
            "digipunt en een digibus. Kringwinkel ViTeS maakt de laptops van de gratis uitleendienst klaar, "
            "reinigt en herstelt ze. Een stakeholderplatform houdt het brede netwerk betrokken.",
        ),
        partners=partners,
        roles=roles,
        flows=flows,
        access_points=access_points,
        governance=governance,
        strategy=strategy,
        processing=processing,
        planning=planning,
    )
    return lawful(dossier, standard_lending("vites", "vites"))
