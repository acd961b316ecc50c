"""Digibank ZORA Werkt: eight municipalities around Mortsel, lending run by STW vzw."""

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

# ---------------------------------------------------------------- Digibank ZORA Werkt


_ZORA_MUNICIPALITIES = {
    # id: (name, postcode, street of the town hall (invented), contact, representative, decision date)
    "boechout": ("Gemeente Boechout", "2530", "Heuvel 1", "Bart Proef", "Lien Staal", date(2023, 2, 27)),
    "borsbeek": (
        "Gemeente Borsbeek",
        "2150",
        "Dorpsplein 1",
        "Carine Demo",
        "Marc Ontwerp",
        date(2023, 2, 20),
    ),
    "edegem": ("Gemeente Edegem", "2650", "Kerkplein 1", "Dirk Fictief", "Nele Concept", date(2023, 2, 21)),
    "hove": ("Gemeente Hove", "2540", "Kerkstraat 1", "Els Schets", "Olaf Model", date(2023, 2, 23)),
    "kontich": ("Gemeente Kontich", "2550", "Marktplein 1", "Filip Model", "Petra Proef", date(2023, 2, 28)),
    "lint": ("Gemeente Lint", "2547", "Dorpsplein 2", "Greet Ontwerp", "Quinten Demo", date(2023, 2, 16)),
    "wommelgem": (
        "Gemeente Wommelgem",
        "2160",
        "Kerkplaats 1",
        "Hans Staal",
        "Rita Schets",
        date(2023, 2, 22),
    ),
}


def zora_werkt() -> Dossier:
    partners = [
        _partner(
            "mortsel",
            "Stad Mortsel",
            OrgType.LOKAAL_BESTUUR,
            "stad",
            1,
            ("Stadsplein 1", "2640", "Mortsel"),
            ("An Voorbeeld", "+32 3 000 00 01"),
            VatStatus.GEMENGD,
            True,
            ("Karel Voorbeeld", "burgemeester"),
            ("gemeenteraad", date(2023, 1, 30), "gemeenteraad 30 januari 2023, agendapunt 14"),
        )
    ]
    for i, (pid, (name, postcode, street, contact, representative, decided)) in enumerate(
        _ZORA_MUNICIPALITIES.items(), start=2
    ):
        municipality = name.removeprefix("Gemeente ")
        partners.append(
            _partner(
                pid,
                name,
                OrgType.LOKAAL_BESTUUR,
                "gemeente",
                i,
                (street, postcode, municipality),
                (contact, f"+32 3 000 00 {i:02d}"),
                VatStatus.VRIJGESTELD,
                True,
                (representative, "burgemeester"),
                (
                    "gemeenteraad",
                    decided,
                    f"gemeenteraad {decided:%d/%m/%Y}, goedkeuring samenwerkingsovereenkomst",
                ),
            )
        )
    partners.append(
        _partner(
            "stw",
            "STW vzw",
            OrgType.SOCIALE_ECONOMIE,
            "vzw (maatwerkbedrijf)",
            9,
            ("Atelierstraat 5", "2640", "Mortsel"),
            ("Ines Concept", "+32 3 000 00 09"),
            VatStatus.BTW_PLICHTIG,
            True,
            ("Jo Test", "algemeen directeur"),
            ("raad van bestuur", date(2023, 1, 24), "verslag raad van bestuur 24 januari 2023"),
        )
    )

    digipunt_budgets = {
        "boechout": (18_500, 2_000),
        "borsbeek": (16_000, 2_000),
        "edegem": (22_000, 2_500),
        "hove": (15_500, 2_000),
        "kontich": (21_000, 2_500),
        "lint": (14_000, 1_800),
        "wommelgem": (17_500, 2_000),
    }
    roles = [
        _role(
            "r-mortsel-promotor",
            "mortsel",
            "promotor",
            ALL_OBJECTIVES,
            "Dient de aanvraag in en draagt de eindverantwoordelijkheid tegenover het Departement WSE. "
            "Stelt een projectcoördinator aan die de stuurgroep voorbereidt, de partneraandelen binnen "
            "30 dagen doorstort, de tussentijdse en finale rapportering opmaakt en de communicatie "
            "volgens de huisstijlregels van Vlaanderen en NextGenerationEU bewaakt.",
            "1 VTE projectcoördinator, 0,2 VTE financiële opvolging",
            loon=118_000,
            werking=14_500,
            extern=16_000,
        ),
        _role(
            "r-mortsel-digipunt",
            "mortsel",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Baat het digipunt in de bibliotheek van Mortsel uit met vaste inloopmomenten, onthaalt "
            "bezoekers voor de uitleendienst en helpt bij essentiële onlinediensten zoals Tax-on-web, "
            "itsme en Mijn Burgerprofiel.",
            "12 uur per week open, 0,5 VTE digicoach",
            loon=26_000,
            werking=4_000,
        ),
        _role(
            "r-mortsel-trainer",
            "mortsel",
            "trainer",
            (VAARDIGHEDEN,),
            "Organiseert in de bibliotheek van Mortsel de vormingsreeks 'Aan de slag met je laptop' "
            "(zes sessies) en thema-workshops over online veiligheid en digitaal bankieren.",
            "8 reeksen per jaar, maximaal 8 deelnemers per reeks",
            loon=21_000,
            werking=2_500,
        ),
        _role(
            "r-mortsel-connectiviteit",
            "mortsel",
            "connectiviteit",
            (TOEGANG,),
            "Verdeelt via het Sociaal Huis Mortsel 4G-boxen met een databundel aan ontleners zonder "
            "internet thuis en begeleidt vanaf maart 2024 de aanvraag van het sociaal internettarief.",
            "40 4G-boxen, abonnement tot 24 maanden",
            werking=9_600,
        ),
        _role(
            "r-edegem-trainer",
            "edegem",
            "trainer",
            (VAARDIGHEDEN,),
            "Geeft de basisreeks en de reeks 'Solliciteren met de computer' voor werkzoekenden in de "
            "bibliotheken van Edegem, Hove en Lint, zodat kleine gemeenten geen eigen lesgevers nodig "
            "hebben.",
            "0,4 VTE lesgever, 10 reeksen per jaar",
            loon=19_000,
            werking=2_000,
            extern=3_500,
        ),
        _role(
            "r-kontich-trainer",
            "kontich",
            "trainer",
            (VAARDIGHEDEN,),
            "Geeft de basisreeks en korte workshops (smartphone, e-mail, itsme) in de bibliotheken "
            "van Kontich, Boechout, Borsbeek en Wommelgem.",
            "0,4 VTE lesgever, 10 reeksen per jaar",
            loon=18_000,
            werking=2_000,
        ),
        _role(
            "r-stw-uitleendienst",
            "stw",
            "uitleendienst",
            (TOEGANG,),
            "Baat de uitleendienst van 90 laptops uit volgens het gezamenlijke uitleenreglement: "
            "registratie van ontleners, uitlening voor zes maanden (verlengbaar), terugname, controle "
            "en het wissen van alle gegevens tussen twee ontleners.",
            "90 laptops, 2 medewerkers maatwerk en 0,3 VTE begeleider",
            loon=62_000,
            werking=6_000,
        ),
        _role(
            "r-stw-refurbisher",
            "stw",
            "refurbisher",
            (TOEGANG,),
            "Koopt 60 gereviseerde laptops aan, maakt 30 afgeschreven gemeentelaptops klaar voor "
            "hergebruik, installeert een standaardconfiguratie en voert jaarlijks onderhoud en kleine "
            "herstellingen uit.",
            "90 laptops, jaarlijkse onderhoudsbeurt",
            loon=9_000,
            werking=27_492,
        ),
        _role(
            "r-mortsel-hardware",
            "mortsel",
            "hardware_donor",
            (TOEGANG,),
            "Schenkt 20 afgeschreven laptops uit de stadsadministratie aan de uitleendienst.",
            "20 laptops in 2023",
        ),
        _role(
            "r-edegem-hardware",
            "edegem",
            "hardware_donor",
            (TOEGANG,),
            "Schenkt 10 afgeschreven laptops uit de gemeentelijke administratie aan de uitleendienst.",
            "10 laptops in 2023",
        ),
        _role(
            "r-mortsel-toeleider",
            "mortsel",
            "toeleider",
            (ONDERSTEUNING,),
            "Maatschappelijk werkers van het Sociaal Huis Mortsel bevragen de digitale noden van hun "
            "cliënten en verwijzen door naar het digipunt of de uitleendienst.",
            "Alle maatschappelijk werkers, korte vorming digitale inclusie",
        ),
    ]
    for pid, (loon, werking) in digipunt_budgets.items():
        name = _ZORA_MUNICIPALITIES[pid][0].removeprefix("Gemeente ")
        roles.append(
            _role(
                f"r-{pid}-digipunt",
                pid,
                "digipunt_host",
                (TOEGANG, ONDERSTEUNING),
                f"Richt in {name} een digipunt in met minstens twee vaste inloopmomenten per week, waar "
                "inwoners een laptop kunnen afhalen en hulp krijgen bij essentiële onlinediensten.",
                "6 uur per week open, 0,3 VTE digicoach",
                loon=loon,
                werking=werking,
            )
        )
        roles.append(
            _role(
                f"r-{pid}-toeleider",
                pid,
                "toeleider",
                (ONDERSTEUNING,),
                f"Het Sociaal Huis {name} vraagt bij elk intakegesprek naar digitale noden en verwijst "
                "door naar het digipunt, de vormingsreeksen of de uitleendienst.",
                "Maatschappelijk werkers en onthaalmedewerkers, in de reguliere werking",
            )
        )

    flows = _subsidy_flows("mortsel", partners)
    flows += [
        _flow(
            f"f-verwijzing-{pid}",
            FlowType.REFERRAL,
            pid,
            "stw",
            f"Het Sociaal Huis {_ZORA_MUNICIPALITIES[pid][0].removeprefix('Gemeente ')} verwijst inwoners "
            "zonder laptop met een doorverwijsfiche naar de uitleendienst.",
        )
        for pid in ("boechout", "lint", "wommelgem")
    ]
    flows += [
        _flow(
            "f-verwijzing-mortsel",
            FlowType.REFERRAL,
            "mortsel",
            "edegem",
            "Werkzoekenden uit Mortsel worden doorverwezen naar de reeks 'Solliciteren met de computer'.",
        ),
        _flow(
            "f-toestellen-mortsel",
            FlowType.DEVICES,
            "mortsel",
            "stw",
            "20 afgeschreven laptops van de stadsadministratie, geschonken voor hergebruik.",
        ),
        _flow(
            "f-toestellen-edegem",
            FlowType.DEVICES,
            "edegem",
            "stw",
            "10 afgeschreven laptops van de gemeentelijke administratie, geschonken voor hergebruik.",
        ),
        _flow(
            "f-toestellen-kontich",
            FlowType.DEVICES,
            "stw",
            "kontich",
            "STW plaatst een voorraad van tien uitleenlaptops in het digipunt van Kontich voor afhaling ter "
            "plaatse.",
        ),
        _flow(
            "f-opleiding-edegem-lint",
            FlowType.TRAINING,
            "edegem",
            "lint",
            "De lesgever van Edegem geeft twee keer per jaar de basisreeks in het digipunt van Lint.",
        ),
        _flow(
            "f-opleiding-kontich-boechout",
            FlowType.TRAINING,
            "kontich",
            "boechout",
            "De lesgever van Kontich geeft workshops smartphone en itsme in het digipunt van Boechout.",
        ),
        _flow(
            "f-gegevens-stw",
            FlowType.DATA_EXCHANGE,
            "stw",
            "mortsel",
            "Maandelijkse uitleenregistratie (naam, postcode, doelgroep, toestel) voor opvolging en "
            "rapportering; naar Vlaanderen gaan enkel geanonimiseerde cijfers.",
        ),
        _flow(
            "f-gegevens-digipunten",
            FlowType.DATA_EXCHANGE,
            "kontich",
            "mortsel",
            "Registratie van vragen in het digipunt (postcode, leeftijdscategorie, doelgroep, "
            "vraagcategorie) via het gedeelde registratieformulier.",
        ),
        _flow(
            "f-expertise-stw",
            FlowType.EXPERTISE,
            "stw",
            "mortsel",
            "STW deelt zijn ervaring met uitleenreglementen, borgsystemen en het veilig wissen van "
            "toestellen.",
        ),
    ]

    access_points = [
        AccessPoint(
            id="ap-bib-mortsel",
            name="Digipunt bibliotheek Mortsel",
            kind=AccessPointKind.VAST,
            host_partner_id="mortsel",
            municipality="Mortsel",
            address="Bibliotheekplein 1, 2640 Mortsel",
            opening_hours="di en do 13.00-17.00, za 9.30-12.30",
            accessibility="Gelijkvloers, rolstoeltoegankelijk, vlak bij tram- en bushalte.",
            objectives=list(ALL_OBJECTIVES),
        ),
        AccessPoint(
            id="ap-uitleendienst-stw",
            name="Uitleenbalie STW",
            kind=AccessPointKind.VAST,
            host_partner_id="stw",
            municipality="Mortsel",
            address="Atelierstraat 5, 2640 Mortsel",
            opening_hours="ma tot vr 9.00-12.00",
            accessibility="Gelijkvloers; afhalen ook mogelijk in elk digipunt na afspraak.",
            objectives=[TOEGANG],
        ),
    ]
    for pid, (name, postcode, *_rest) in _ZORA_MUNICIPALITIES.items():
        municipality = name.removeprefix("Gemeente ")
        access_points.append(
            AccessPoint(
                id=f"ap-{pid}",
                name=f"Digipunt {municipality}",
                kind=AccessPointKind.VAST,
                host_partner_id=pid,
                municipality=municipality,
                address=f"Sociaal Huis, {postcode} {municipality}",
                opening_hours="di 9.00-12.00 en do 13.30-16.30",
                accessibility="Gelijkvloers in het Sociaal Huis of de bibliotheek; onthaal in eenvoudig "
                "Nederlands.",
                objectives=[TOEGANG, ONDERSTEUNING],
            )
        )

    all_ids = [p.id for p in partners]
    governance = Governance(
        stuurgroep=Stuurgroep(
            member_partner_ids=all_ids,
            chair_partner_id="mortsel",
            frequency="driemaandelijks",
            decision_rule="consensus; zonder consensus gewone meerderheid, één stem per partner",
        ),
        werkgroepen=[
            Werkgroep(
                id="wg-digipunten",
                name="Werkgroep digipunten en onthaal",
                purpose="Stemt openingsuren, registratie en doorverwijzing tussen de digipunten af.",
                member_partner_ids=[*_ZORA_MUNICIPALITIES, "mortsel"],
                frequency="tweemaandelijks",
            ),
            Werkgroep(
                id="wg-vorming",
                name="Werkgroep vorming",
                purpose="Plant het vormingsaanbod over de gemeenten heen en deelt lesmateriaal.",
                member_partner_ids=["mortsel", "edegem", "kontich"],
                frequency="per kwartaal",
            ),
            Werkgroep(
                id="wg-uitleendienst",
                name="Werkgroep uitleendienst",
                purpose="Volgt voorraad, uitleenreglement, borg en schadegevallen op.",
                member_partner_ids=["mortsel", "stw"],
                frequency="maandelijks",
            ),
        ],
        klankbordgroep=Klankbordgroep(
            composition="Acht tot tien gebruikers uit de doelgroepen, aangebracht via de sociale huizen en "
            "STW, met een vergoeding voor hun tijd en verplaatsing.",
            frequency="om de zes weken",
        ),
        narrative="De stuurgroep met alle partners beslist over de koers, het budget en de toetreding van "
        "nieuwe partners. Drie werkgroepen bereiden de beslissingen voor. De klankbordgroep van "
        "gebruikers toetst nieuwe folders, het uitleenreglement en het vormingsaanbod aan de praktijk.",
    )

    strategy = Strategy(
        doelgroep=DoelgroepSection(
            target_groups=[
                TargetGroup(
                    id="tg-kortgeschoolden",
                    name="Kortgeschoolden",
                    estimated_number=600,
                    needs="Basisvaardigheden (muis, e-mail, bestanden), vertrouwen om online formulieren in "
                    "te vullen.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-laag-inkomen",
                    name="Gezinnen met een laag inkomen",
                    estimated_number=450,
                    needs="Een toestel en een betaalbare internetverbinding thuis, hulp bij online "
                    "bankieren en bij premies en tegemoetkomingen.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-werkzoekenden",
                    name="Werkzoekenden",
                    estimated_number=300,
                    needs="Online solliciteren, een cv opmaken, communiceren met VDAB en werkgevers.",
                    priority=True,
                ),
            ],
            narrative="Volgens de Barometer digitale inclusie van de Koning Boudewijnstichting heeft in 2023 "
            "68% van de laaggeschoolden zwakke digitale vaardigheden. In de acht gemeenten richten we ons "
            "daarom eerst op kortgeschoolden, gezinnen met een laag inkomen en werkzoekenden. Over de hele "
            "looptijd willen we samen 1.350 unieke gebruikers bereiken; de sociale huizen kennen deze "
            "inwoners al en zijn onze belangrijkste ingang.",
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id="oc-sociale-huizen",
                    description="Doorverwijzing door maatschappelijk werkers van de acht sociale huizen",
                    toeleider_partner_ids=["mortsel", *_ZORA_MUNICIPALITIES],
                    target_group_ids=["tg-laag-inkomen", "tg-kortgeschoolden"],
                ),
                OutreachChannel(
                    id="oc-werkzoekenden",
                    description="Infomomenten over solliciteren met de computer, aangekondigd via de "
                    "sociale huizen",
                    toeleider_partner_ids=["mortsel", "edegem", "kontich"],
                    target_group_ids=["tg-werkzoekenden"],
                ),
                OutreachChannel(
                    id="oc-bibliotheken",
                    description="Affiches en folders in eenvoudig Nederlands in bibliotheken en wachtzalen",
                    toeleider_partner_ids=["boechout", "hove", "lint"],
                    target_group_ids=["tg-kortgeschoolden"],
                ),
            ],
            narrative="We gaan niet uit van een website, maar van mensen die de doelgroep al kennen. "
            "Maatschappelijk werkers stellen bij elk intakegesprek de vraag of iemand een computer heeft en "
            "ermee overweg kan. Folders in eenvoudig Nederlands liggen in bibliotheken, wachtzalen en bij "
            "STW. De klankbordgroep test elke nieuwe folder vooraf.",
        ),
        sociale_economie=SocialeEconomieSection(
            activities=[
                SocialEconomyActivity(
                    id="se-uitleendienst",
                    partner_id="stw",
                    activity="Uitbaten van de uitleendienst: uitlenen, terugnemen, controleren en wissen",
                    jobs=2,
                ),
                SocialEconomyActivity(
                    id="se-refurbishing",
                    partner_id="stw",
                    activity="Klaarmaken, onderhouden en herstellen van de uitleenlaptops",
                    jobs=1,
                ),
            ],
            narrative="STW vzw is een maatwerkbedrijf. De uitleendienst en het onderhoud van de laptops "
            "bieden drie werknemers in maatwerk een zinvolle job met klantencontact en technische taken. "
            "De opleiding en begeleiding van deze werknemers zit in de reguliere werking van STW.",
        ),
        circulariteit=CirculariteitSection(
            devices=[
                DeviceLine(
                    id="dl-laptops-aankoop",
                    device_type="Laptop (gereviseerd)",
                    source="Aankoop via overheidsopdracht bij een leverancier van gereviseerde toestellen",
                    collected=60,
                    refurbished=60,
                    lent=60,
                    end_of_life="Onherstelbare toestellen gaan naar een erkend inzamelpunt voor "
                    "elektronica; bruikbare onderdelen worden bewaard voor herstellingen.",
                ),
                DeviceLine(
                    id="dl-laptops-schenking",
                    device_type="Laptop (afgeschreven gemeentelaptop)",
                    source="Schenking door Stad Mortsel (20) en Gemeente Edegem (10)",
                    collected=30,
                    refurbished=30,
                    lent=30,
                    end_of_life="Idem; de harde schijf wordt vooraf gecertificeerd gewist.",
                ),
            ],
            responsible_partner_id="stw",
            narrative="Alle 90 laptops krijgen een tweede leven: 60 gereviseerde toestellen worden "
            "aangekocht "
            "en 30 afgeschreven laptops van de gemeenten worden door STW klaargemaakt. Tussen twee "
            "ontleners worden alle gegevens gewist. Jaarlijks krijgt elk toestel een onderhoudsbeurt; "
            "laptoptassen en laders worden hergebruikt.",
        ),
        duurzaamheid=DuurzaamheidSection(
            financing_after_subsidy=[
                FinancingSource(
                    id="fs-verlenging",
                    source="Verlenging digibanken (Vlaanderen, 2025-2026)",
                    amount=_eur(350_000),
                    secured=False,
                ),
                FinancingSource(
                    id="fs-gemeenten",
                    source="Eigen inbreng gemeenten: personeel bibliotheken en sociale huizen",
                    amount=_eur(60_000),
                    secured=True,
                ),
            ],
            scaling_steps=[
                ScalingStep(
                    id="ss-reglement",
                    description="Uitleenreglement en registratieformulier delen met buurgemeenten",
                    planned=date(2024, 6, 30),
                ),
                ScalingStep(
                    id="ss-meerjarenplan",
                    description="Digipunten opnemen in het meerjarenplan 2026-2031 van elke gemeente",
                    planned=date(2024, 12, 31),
                ),
            ],
            narrative="De digipunten draaien in bestaande bibliotheken en sociale huizen, zodat ze na de "
            "subsidie kunnen blijven bestaan. De partners vragen de verlenging aan en bereiden de opname "
            "van de digipunten in hun meerjarenplan voor. Het model is bewust eenvoudig gehouden zodat "
            "buurgemeenten kunnen aansluiten.",
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id="cm-wifi",
                    kind=ConnectivityKind.WIFI_DIGIPUNT,
                    description="Gratis wifi in alle digipunten",
                    partner_id="mortsel",
                ),
                ConnectivityMeasure(
                    id="cm-4g",
                    kind=ConnectivityKind.INTERNETBOX,
                    description="40 4G-boxen voor ontleners zonder internet thuis, via het Sociaal Huis",
                    partner_id="mortsel",
                ),
                ConnectivityMeasure(
                    id="cm-sociaal-tarief",
                    kind=ConnectivityKind.SOCIAAL_TARIEF,
                    description="Info en hulp bij de aanvraag van het sociaal internettarief (vanaf maart "
                    "2024)",
                    partner_id="mortsel",
                ),
            ],
            narrative="Een laptop zonder internet thuis helpt weinig. Elke ontlener krijgt de vraag of er "
            "thuis een verbinding is; wie geen verbinding heeft, kan tijdelijk een 4G-box lenen. Sinds 1 "
            "maart 2024 helpen de sociale huizen ook bij de aanvraag van het sociaal internettarief.",
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    "ind-gebruikers",
                    "Unieke gebruikers bereikt",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    1_350,
                    "Registratieformulier digipunten en uitleendienst",
                    "maandelijks",
                    "mortsel",
                ),
                _indicator(
                    "ind-uitleningen",
                    "Uitgeleende laptops",
                    IndicatorType.OUTPUT,
                    "uitleningen",
                    0,
                    300,
                    "Uitleenregister STW",
                    "maandelijks",
                    "stw",
                ),
                _indicator(
                    "ind-deelnemers",
                    "Deelnemers aan vormingsreeksen",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    400,
                    "Aanwezigheidslijsten",
                    "per reeks",
                    "edegem",
                ),
                _indicator(
                    "ind-vaardigheid",
                    "Deelnemers die zich digitaal vaardiger voelen",
                    IndicatorType.OUTCOME,
                    "% van de deelnemers",
                    0,
                    70,
                    "Zelfevaluatie bij start en einde van de reeks",
                    "per reeks",
                    "kontich",
                ),
                _indicator(
                    "ind-essentiele-dienst",
                    "Gebruikers die zelfstandig een essentiële onlinedienst afrondden",
                    IndicatorType.OUTCOME,
                    "personen",
                    0,
                    500,
                    "Registratie digipunten",
                    "per kwartaal",
                    "mortsel",
                ),
                _indicator(
                    "ind-verbinding",
                    "Ontleners met een internetverbinding thuis na zes maanden",
                    IndicatorType.IMPACT,
                    "% van de ontleners",
                    55,
                    85,
                    "Bevraging bij terugbrengen laptop",
                    "halfjaarlijks",
                    "stw",
                ),
            ],
            narrative="We starten met een nulmeting bij de eerste ontleners en deelnemers. Elk digipunt "
            "registreert met hetzelfde formulier postcode, leeftijdscategorie, doelgroep en "
            "vraagcategorie; een gebruiker telt één keer mee, ook als hij meerdere diensten gebruikt. "
            "Naar Vlaanderen rapporteren we enkel geanonimiseerde cijfers.",
        ),
    )

    processing = [
        ProcessingActivity(
            id="pa-uitlening",
            name="Registratie van ontleners en uitleningen",
            purpose="Uitlenen en terugvorderen van laptops en 4G-boxen; anonieme rapportering aan "
            "Vlaanderen.",
            data_categories="Naam, adres, telefoon, postcode, doelgroep, identiteit toestel, uitleendata.",
            retention="Tot twee jaar na de laatste uitlening; anonieme cijfers onbeperkt",
            roles=[
                ProcessingRole(partner_id="mortsel", role=CONTROLLER),
                ProcessingRole(partner_id="stw", role=PROCESSOR),
            ],
        ),
        ProcessingActivity(
            id="pa-vragen",
            name="Registratie van vragen in de digipunten",
            purpose="Opvolging van hulpvragen en anonieme rapportering aan Vlaanderen.",
            data_categories="Voornaam, postcode, leeftijdscategorie, gender, doelgroep, toestellen in bezit, "
            "vraagcategorie.",
            retention="Tot het einde van het project; daarna enkel geanonimiseerd",
            roles=[ProcessingRole(partner_id=pid, role=JOINT) for pid in ["mortsel", *_ZORA_MUNICIPALITIES]],
        ),
    ]

    planning = Planning(
        milestones=[
            Milestone(
                id="ms-startstuurgroep",
                title="Startvergadering stuurgroep",
                due=date(2023, 1, 31),
                owner_partner_id="mortsel",
            ),
            Milestone(
                id="ms-overeenkomst",
                title="Samenwerkingsovereenkomst goedgekeurd door alle partners",
                due=date(2023, 3, 31),
                owner_partner_id="mortsel",
            ),
            Milestone(
                id="ms-uitleendienst",
                title="Uitleendienst open met 90 laptops",
                due=date(2023, 5, 1),
                owner_partner_id="stw",
            ),
            Milestone(
                id="ms-vorming",
                title="Eerste vormingsreeksen in alle gemeenten",
                due=date(2023, 9, 30),
                owner_partner_id="edegem",
            ),
            Milestone(
                id="ms-tussentijds",
                title="Tussentijds rapport aan het Departement WSE",
                due=date(2023, 12, 31),
                owner_partner_id="mortsel",
            ),
            Milestone(
                id="ms-eind",
                title="Eindevaluatie en eindrapport",
                due=date(2024, 12, 31),
                owner_partner_id="mortsel",
            ),
        ],
        narrative="In het eerste kwartaal worden de overeenkomst goedgekeurd en de laptops klaargemaakt. "
        "Vanaf mei 2023 draaien uitleendienst en digipunten; in het najaar volgt het vormingsaanbod.",
    )

    dossier = Dossier(
        identity=Identity(
            name="Digibank ZORA Werkt",
            call=CallKind.IMPLEMENTATIETRAJECT,
            werkingsgebied=[
                "Mortsel",
                "Boechout",
                "Borsbeek",
                "Edegem",
                "Hove",
                "Kontich",
                "Lint",
                "Wommelgem",
            ],
            period=Period(start=date(2023, 1, 1), end=date(2024, 12, 31)),
            status=DossierStatus.READY,
            summary="Acht gemeenten rond Antwerpen bundelen hun krachten in één bovenlokale digibank met "
            "Stad "
            "Mortsel als promotor. STW vzw, een maatwerkbedrijf, baat de uitleendienst van 90 laptops uit. "
            "In elke gemeente is er een digipunt waar inwoners een laptop lenen, een opleiding volgen of "
            "hulp "
            "krijgen bij essentiële onlinediensten. Het project werd op 13 december 2022 goedgekeurd met een "
            "budget van 499.892 euro.",
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
    return lawful(dossier, standard_lending("stw", "stw"))
