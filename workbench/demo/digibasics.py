"""DigiBasics: an NGO-led partnership across Antwerpen, Brussel and Gent."""

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

# ---------------------------------------------------------------- DigiBasics


def digibasics() -> Dossier:
    board = "raad van bestuur"
    partners = [
        _partner(
            "becode",
            "BeCode",
            OrgType.OPLEIDINGSVERSTREKKER,
            "vzw",
            21,
            ("Opleidingsstraat 1", "1000", "Brussel"),
            ("Laura Voorbeeld", "+32 2 000 00 21"),
            VatStatus.VRIJGESTELD,
            True,
            ("Mehdi Proef", "gedelegeerd bestuurder"),
            (board, date(2022, 9, 13), "verslag raad van bestuur 13 september 2022"),
        ),
        _partner(
            "closethegap",
            "Close the Gap",
            OrgType.VZW,
            "vzw",
            22,
            ("Circulairelaan 2", "1000", "Brussel"),
            ("Noor Demo", "+32 2 000 00 22"),
            VatStatus.GEMENGD,
            True,
            ("Olivier Fictief", "gedelegeerd bestuurder"),
            (board, date(2022, 9, 15), "verslag raad van bestuur 15 september 2022"),
        ),
        _partner(
            "beego",
            "BEEGO",
            OrgType.VZW,
            "vzw",
            23,
            ("Studentenstraat 3", "9000", "Gent"),
            ("Pieter Schets", "+32 9 000 00 23"),
            VatStatus.VRIJGESTELD,
            True,
            ("Rania Model", "voorzitter"),
            (board, date(2022, 9, 20), "verslag raad van bestuur 20 september 2022"),
        ),
        _partner(
            "herstart",
            "Atelier Herstart cv",
            OrgType.SOCIALE_ECONOMIE,
            "coöperatieve vennootschap (maatwerkbedrijf)",
            24,
            ("Werkplaatsstraat 4", "2060", "Antwerpen"),
            ("Stijn Ontwerp", "+32 3 000 00 24"),
            VatStatus.BTW_PLICHTIG,
            True,
            ("Tine Staal", "zaakvoerder"),
            ("bestuursorgaan", date(2022, 9, 21), "besluit bestuursorgaan 21 september 2022"),
        ),
        _partner(
            "buurtwerk-noord",
            "Buurtwerk Antwerpen-Noord vzw",
            OrgType.VZW,
            "vzw",
            25,
            ("Buurtstraat 5", "2060", "Antwerpen"),
            ("Umut Concept", "+32 3 000 00 25"),
            VatStatus.VRIJGESTELD,
            True,
            ("Vera Test", "coördinator"),
            (board, date(2022, 9, 22), "verslag raad van bestuur 22 september 2022"),
        ),
        _partner(
            "wijkhuis-kuregem",
            "Wijkhuis Kuregem vzw",
            OrgType.VZW,
            "vzw",
            26,
            ("Wijkstraat 6", "1070", "Anderlecht"),
            ("Walid Voorbeeld", "+32 2 000 00 26"),
            VatStatus.VRIJGESTELD,
            True,
            ("Xena Proef", "voorzitter"),
            (board, date(2022, 9, 26), "verslag raad van bestuur 26 september 2022"),
        ),
        _partner(
            "buurtcentrum-rabot",
            "Buurtcentrum Rabot vzw",
            OrgType.VZW,
            "vzw",
            27,
            ("Pleinstraat 7", "9000", "Gent"),
            ("Yara Demo", "+32 9 000 00 27"),
            VatStatus.VRIJGESTELD,
            True,
            ("Ziggy Fictief", "voorzitter"),
            (board, date(2022, 9, 27), "verslag raad van bestuur 27 september 2022"),
        ),
    ]
    hubs = {
        "buurtwerk-noord": ("Antwerpen", "Antwerpen-Noord"),
        "wijkhuis-kuregem": ("Brussel", "Kuregem"),
        "buurtcentrum-rabot": ("Gent", "de Rabotwijk"),
    }

    roles = [
        _role(
            "r-becode-promotor",
            "becode",
            "promotor",
            ALL_OBJECTIVES,
            "Initiatiefnemer en promotor: dient de aanvraag in, beheert de subsidie, stort de "
            "partneraandelen binnen 30 dagen door en rapporteert aan het Departement WSE. Bewaakt dat de "
            "dienstverlening in de drie steden in het Nederlands gebeurt.",
            "0,8 VTE projectleider, 0,2 VTE financiën",
            loon=84_000,
            werking=9_000,
            extern=12_000,
        ),
        _role(
            "r-becode-trainer",
            "becode",
            "trainer",
            (VAARDIGHEDEN,),
            "Ontwikkelt en geeft crashcursussen van vier halve dagen (tablet, e-mail, veilig online, "
            "essentiële onlinediensten) in de drie buurthuizen, en vormt de IT-studenten van BEEGO.",
            "1,5 VTE coach, 60 crashcursussen",
            loon=96_000,
            werking=8_000,
        ),
        _role(
            "r-ctg-donor",
            "closethegap",
            "hardware_donor",
            (TOEGANG,),
            "Zamelt tweedehandstablets in bij bedrijven, zorgt voor certificaten van gegevenswissing en "
            "levert de tablets aan het atelier.",
            "400 tablets over de projectperiode",
            loon=18_000,
            werking=6_000,
        ),
        _role(
            "r-ctg-expertise",
            "closethegap",
            "expertise",
            (TOEGANG,),
            "Adviseert over de keuze van toestellen, beheersoftware en de afvoer van toestellen op het "
            "einde van hun levensduur.",
            "Op vraag, 10 dagen per jaar",
        ),
        _role(
            "r-herstart-refurbisher",
            "herstart",
            "refurbisher",
            (TOEGANG,),
            "Test, herstelt en configureert de tablets (eenvoudige startschermen, Nederlandstalige "
            "instellingen) en wist ze na elke uitlening.",
            "340 tablets, 4 werknemers maatwerk",
            loon=46_000,
            werking=14_000,
        ),
        _role(
            "r-herstart-uitleendienst",
            "herstart",
            "uitleendienst",
            (TOEGANG,),
            "Beheert de voorraad en de logistiek van de tabletuitleen naar de drie buurthuizen, met "
            "uitleenreglement, borg van 10 euro en verzekering.",
            "300 uitleningen, 2 werknemers maatwerk",
            loon=30_000,
            werking=6_460,
        ),
        _role(
            "r-beego-vrijwilligers",
            "beego",
            "vrijwilligers",
            (ONDERSTEUNING,),
            "Koppelt IT-studenten aan gebruikers voor hulp aan huis: de tablet installeren, samen een "
            "eerste keer itsme, e-mail of een online afspraak gebruiken.",
            "40 studenten per academiejaar, 600 huisbezoeken",
            loon=28_000,
            werking=9_000,
        ),
        _role(
            "r-noord-connectiviteit",
            "buurtwerk-noord",
            "connectiviteit",
            (TOEGANG,),
            "Coördineert voor de drie steden de uitleen van 4G-boxen en databundels en informeert over "
            "goedkope abonnementen en het sociaal internettarief.",
            "60 4G-boxen",
            werking=11_000,
        ),
    ]
    for pid, (city, area) in hubs.items():
        roles.append(
            _role(
                f"r-{pid}-digipunt",
                pid,
                "digipunt_host",
                (TOEGANG, ONDERSTEUNING),
                f"Houdt in {area} een digipunt open waar buurtbewoners een tablet lenen, een crashcursus "
                "volgen en terechtkunnen met vragen over essentiële onlinediensten.",
                "3 inloopmomenten per week, 0,5 VTE buurtwerker",
                loon=34_000,
                werking=3_000,
            )
        )
        roles.append(
            _role(
                f"r-{pid}-toeleider",
                pid,
                "toeleider",
                (ONDERSTEUNING,),
                f"Buurtwerkers in {city} spreken bewoners aan die geen toestel hebben of vastlopen online "
                "en brengen hen naar het digipunt.",
                "In de reguliere werking",
            )
        )

    flows = _subsidy_flows("becode", partners)
    flows += [
        _flow(
            f"f-verwijzing-{pid}",
            FlowType.REFERRAL,
            pid,
            "beego",
            f"Bewoners uit {area} die niet naar het digipunt kunnen komen, worden aangemeld voor hulp aan "
            "huis.",
        )
        for pid, (_city, area) in hubs.items()
    ]
    flows += [
        _flow(
            "f-verwijzing-cursus",
            FlowType.REFERRAL,
            "buurtcentrum-rabot",
            "becode",
            "Deelnemers worden ingeschreven voor de crashcursus in het buurtcentrum.",
        ),
        _flow(
            "f-toestellen-ctg",
            FlowType.DEVICES,
            "closethegap",
            "herstart",
            "Tweedehandstablets uit bedrijven, met certificaat van gegevenswissing.",
        ),
        _flow(
            "f-toestellen-hubs",
            FlowType.DEVICES,
            "herstart",
            "wijkhuis-kuregem",
            "Klaargemaakte tablets voor de uitleenvoorraad van het wijkhuis, tweewekelijks aangevuld.",
        ),
        _flow(
            "f-opleiding-studenten",
            FlowType.TRAINING,
            "becode",
            "beego",
            "BeCode vormt de IT-studenten in het begeleiden van mensen met weinig digitale ervaring.",
        ),
        _flow(
            "f-opleiding-noord",
            FlowType.TRAINING,
            "becode",
            "buurtwerk-noord",
            "Crashcursussen in het digipunt van Antwerpen-Noord.",
        ),
        _flow(
            "f-gegevens-uitleen",
            FlowType.DATA_EXCHANGE,
            "herstart",
            "becode",
            "Uitleenregister (naam, postcode, doelgroep, toestel) voor opvolging en rapportering.",
        ),
        _flow(
            "f-gegevens-huisbezoek",
            FlowType.DATA_EXCHANGE,
            "buurtwerk-noord",
            "beego",
            "Naam, adres en telefoon van bewoners die hulp aan huis vragen, met hun toestemming.",
        ),
        _flow(
            "f-expertise-ctg",
            FlowType.EXPERTISE,
            "closethegap",
            "herstart",
            "Richtlijnen voor testen, wissen en configureren van tablets.",
        ),
    ]

    access_points = [
        AccessPoint(
            id=f"ap-{pid}",
            name=f"Digipunt {area}",
            kind=AccessPointKind.VAST,
            host_partner_id=pid,
            municipality=city,
            address=f"{partners_street}, {city}",
            opening_hours=hours,
            accessibility="Gelijkvloers in het buurthuis; kinderhoek tijdens de inloopmomenten.",
            objectives=list(ALL_OBJECTIVES),
        )
        for (pid, (city, area)), partners_street, hours in zip(
            hubs.items(),
            ["Buurtstraat 5", "Wijkstraat 6", "Pleinstraat 7"],
            ["ma, wo en vr 13.00-16.00", "di, do en za 10.00-13.00", "ma, di en do 14.00-17.00"],
            strict=True,
        )
    ]
    access_points += [
        AccessPoint(
            id=f"ap-becode-{city.lower()}",
            name=f"Cursuslokaal BeCode {city}",
            kind=AccessPointKind.VAST,
            host_partner_id="becode",
            municipality=city,
            address=f"Campus BeCode, {city}",
            opening_hours="tijdens crashcursussen, volgens kalender",
            accessibility="Rolstoeltoegankelijk; groepen van maximaal acht deelnemers.",
            objectives=[VAARDIGHEDEN],
        )
        for city in ("Antwerpen", "Brussel", "Gent")
    ]
    access_points.append(
        AccessPoint(
            id="ap-aan-huis",
            name="Digihulp aan huis",
            kind=AccessPointKind.MOBIEL,
            host_partner_id="beego",
            municipality="Antwerpen, Brussel, Gent",
            address="Bij de gebruiker thuis",
            opening_hours="op afspraak, ook 's avonds en op zaterdag",
            accessibility="Voor wie zich moeilijk verplaatst of drempels voelt om naar een digipunt te "
            "komen.",
            objectives=[TOEGANG, ONDERSTEUNING],
        )
    )

    hub_ids = list(hubs)
    governance = Governance(
        stuurgroep=Stuurgroep(
            member_partner_ids=[p.id for p in partners],
            chair_partner_id="becode",
            frequency="tweemaandelijks",
            decision_rule="consensus; zonder consensus gewone meerderheid, stem van de voorzitter beslist "
            "bij staking",
        ),
        werkgroepen=[
            Werkgroep(
                id="wg-buurthuizen",
                name="Werkgroep buurthuizen",
                purpose="Afstemming van inloopmomenten, doorverwijzing en crashcursussen per stad.",
                member_partner_ids=["becode", *hub_ids],
                frequency="maandelijks",
            ),
            Werkgroep(
                id="wg-tablets",
                name="Werkgroep tablets",
                purpose="Inzameling, voorraad, herstellingen en einde levensduur van de tablets.",
                member_partner_ids=["closethegap", "herstart", "becode"],
                frequency="tweemaandelijks",
            ),
            Werkgroep(
                id="wg-hulp-aan-huis",
                name="Werkgroep hulp aan huis",
                purpose="Planning en kwaliteit van de huisbezoeken door IT-studenten.",
                member_partner_ids=["beego", "becode", *hub_ids],
                frequency="per semester",
            ),
        ],
        klankbordgroep=Klankbordgroep(
            composition="Per stad vijf gebruikers van de tabletuitleen en de crashcursussen, samengebracht "
            "door het buurthuis.",
            frequency="om de acht weken",
        ),
        narrative="De stuurgroep brengt de drie stedelijke buurthuizen samen met de partners voor opleiding "
        "en "
        "toestellen. Omdat de partners in drie steden werken, vergadert de stuurgroep beurtelings in "
        "Antwerpen, Brussel en Gent. De klankbordgroepen per stad komen samen in het buurthuis.",
    )

    strategy = Strategy(
        doelgroep=DoelgroepSection(
            target_groups=[
                TargetGroup(
                    id="tg-nieuwkomers",
                    name="Nieuwkomers die Nederlands leren",
                    estimated_number=500,
                    needs="Een eigen toestel, hulp bij e-mail en online afspraken, uitleg in eenvoudig "
                    "Nederlands.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-laaggeletterden",
                    name="Laaggeletterde volwassenen",
                    estimated_number=350,
                    needs="Intuïtieve toestellen (tablet), veel herhaling, persoonlijke begeleiding.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-ouderen",
                    name="Oudere buurtbewoners die zich moeilijk verplaatsen",
                    estimated_number=250,
                    needs="Hulp aan huis bij installatie en bij de eerste stappen met itsme en online "
                    "bankieren.",
                    priority=False,
                ),
            ],
            narrative="In de stedelijke wijken waar de buurthuizen werken, wonen veel nieuwkomers en "
            "laaggeletterde volwassenen zonder eigen toestel. Een tablet is voor hen vaak makkelijker dan "
            "een laptop. We willen in de drie steden samen 1.100 unieke gebruikers bereiken, van wie een "
            "kwart via hulp aan huis.",
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id="oc-buurtwerkers",
                    description="Buurtwerkers spreken bewoners aan in buurthuizen en op pleinen",
                    toeleider_partner_ids=hub_ids,
                    target_group_ids=["tg-nieuwkomers", "tg-laaggeletterden"],
                ),
                OutreachChannel(
                    id="oc-aan-huis",
                    description="Aanmelding voor hulp aan huis via buurtwerkers",
                    toeleider_partner_ids=hub_ids,
                    target_group_ids=["tg-ouderen"],
                ),
            ],
            narrative="De buurthuizen zijn vertrouwde plekken; daar begint elk traject. Buurtwerkers "
            "nodigen bewoners persoonlijk uit voor een inloopmoment of crashcursus. Wie niet kan komen, "
            "krijgt een IT-student aan huis. Flyers gebruiken pictogrammen en eenvoudig Nederlands.",
        ),
        sociale_economie=SocialeEconomieSection(
            activities=[
                SocialEconomyActivity(
                    id="se-refurbishing",
                    partner_id="herstart",
                    activity="Testen, herstellen, configureren en wissen van tablets",
                    jobs=4,
                ),
                SocialEconomyActivity(
                    id="se-logistiek",
                    partner_id="herstart",
                    activity="Voorraadbeheer en transport van tablets naar de buurthuizen",
                    jobs=2,
                ),
            ],
            narrative="Atelier Herstart is een maatwerkbedrijf. Zes werknemers in maatwerk maken de tablets "
            "klaar en verzorgen de logistiek. Close the Gap levert de toestellen en deelt zijn ervaring met "
            "circulaire IT.",
        ),
        circulariteit=CirculariteitSection(
            devices=[
                DeviceLine(
                    id="dl-tablets",
                    device_type="Tablet",
                    source="Tweedehands, ingezameld bij bedrijven door Close the Gap",
                    collected=400,
                    refurbished=340,
                    lent=300,
                    end_of_life="Onherstelbare tablets gaan terug naar Close the Gap voor erkende recyclage; "
                    "batterijen en schermen worden waar mogelijk hergebruikt.",
                ),
            ],
            responsible_partner_id="herstart",
            narrative="Alle tablets zijn tweedehands en komen van bedrijven die ze anders zouden afdanken. "
            "Het atelier wist ze na elke uitlening en installeert een eenvoudige, Nederlandstalige "
            "configuratie. Hoesjes en laders worden hergebruikt.",
        ),
        duurzaamheid=DuurzaamheidSection(
            financing_after_subsidy=[
                FinancingSource(
                    id="fs-bedrijven",
                    source="Bijdragen van bedrijven die tablets schenken (maatschappelijk verantwoord "
                    "ondernemen)",
                    amount=_eur(40_000),
                    secured=False,
                ),
                FinancingSource(
                    id="fs-stichtingen",
                    source="Projectoproepen van stichtingen voor digitale inclusie",
                    amount=_eur(60_000),
                    secured=False,
                ),
                FinancingSource(
                    id="fs-buurthuizen",
                    source="Eigen middelen buurthuizen (inloopmomenten)",
                    amount=_eur(30_000),
                    secured=True,
                ),
            ],
            scaling_steps=[
                ScalingStep(
                    id="ss-draaiboek",
                    description="Draaiboek crashcursus en hulp aan huis publiceren onder een open licentie",
                    planned=date(2024, 6, 30),
                ),
                ScalingStep(
                    id="ss-nieuwe-wijk",
                    description="Een vierde buurthuis laten instappen via de werkgroep buurthuizen",
                    planned=date(2024, 9, 30),
                ),
            ],
            narrative="Het model steunt op drie herbruikbare bouwstenen: tablets uit bedrijven, korte "
            "crashcursussen en hulp aan huis door studenten. We documenteren ze in een draaiboek zodat "
            "andere buurthuizen kunnen instappen. Na de subsidie zoeken we bijdragen van bedrijven en "
            "stichtingen.",
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id="cm-wifi",
                    kind=ConnectivityKind.WIFI_DIGIPUNT,
                    description="Gratis wifi in de drie buurthuizen",
                    partner_id="buurtwerk-noord",
                ),
                ConnectivityMeasure(
                    id="cm-4g",
                    kind=ConnectivityKind.INTERNETBOX,
                    description="60 4G-boxen met databundel om mee te lenen met een tablet",
                    partner_id="buurtwerk-noord",
                ),
                ConnectivityMeasure(
                    id="cm-sociaal-tarief",
                    kind=ConnectivityKind.SOCIAAL_TARIEF,
                    description="Info over goedkope abonnementen en het sociaal internettarief",
                    partner_id="buurtwerk-noord",
                ),
            ],
            narrative="Veel gebruikers hebben thuis enkel een prepaid gsm-abonnement. Wie een tablet leent, "
            "kan er een 4G-box bij lenen. De buurtwerkers helpen bij het kiezen van een goedkoop abonnement "
            "en, zodra het bestaat, bij de aanvraag van het sociaal internettarief.",
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    "ind-gebruikers",
                    "Unieke gebruikers bereikt",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    1_100,
                    "Registratie buurthuizen en BEEGO",
                    "maandelijks",
                    "becode",
                ),
                _indicator(
                    "ind-tablets",
                    "Klaargemaakte tablets",
                    IndicatorType.OUTPUT,
                    "tablets",
                    0,
                    340,
                    "Voorraadlijst atelier",
                    "per kwartaal",
                    "herstart",
                ),
                _indicator(
                    "ind-crashcursus",
                    "Deelnemers die een crashcursus afronden",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    480,
                    "Aanwezigheidslijsten",
                    "per cursus",
                    "becode",
                ),
                _indicator(
                    "ind-huisbezoeken",
                    "Huisbezoeken door IT-studenten",
                    IndicatorType.OUTPUT,
                    "bezoeken",
                    0,
                    600,
                    "Planning BEEGO",
                    "maandelijks",
                    "beego",
                ),
                _indicator(
                    "ind-digcomp",
                    "Deelnemers met minstens basisvaardigheden volgens DigComp",
                    IndicatorType.OUTCOME,
                    "% van de deelnemers",
                    15,
                    50,
                    "Korte test bij start en einde van de crashcursus",
                    "per cursus",
                    "becode",
                ),
                _indicator(
                    "ind-verbinding",
                    "Gebruikers met een internetverbinding thuis",
                    IndicatorType.IMPACT,
                    "% van de ontleners",
                    45,
                    80,
                    "Bevraging bij terugbrengen tablet",
                    "halfjaarlijks",
                    "buurtwerk-noord",
                ),
            ],
            narrative="Bij de start van elke crashcursus doen deelnemers een korte test op de vijf "
            "DigComp-domeinen; aan het einde herhalen we die. Uitleningen en huisbezoeken worden "
            "geregistreerd met een gedeeld formulier, zodat elke gebruiker één keer telt over de drie steden "
            "heen.",
        ),
    )

    processing = [
        ProcessingActivity(
            id="pa-deelnemers",
            name="Registratie van gebruikers en deelnemers",
            purpose="Opvolging van trajecten en anonieme rapportering aan Vlaanderen.",
            data_categories="Naam, postcode, leeftijdscategorie, doelgroep, taal, deelgenomen activiteiten.",
            retention="Tot het einde van het project; daarna enkel geanonimiseerd",
            roles=[
                ProcessingRole(partner_id="becode", role=JOINT),
                *(ProcessingRole(partner_id=pid, role=JOINT) for pid in hub_ids),
            ],
        ),
        ProcessingActivity(
            id="pa-uitleen",
            name="Uitleenregister tablets en 4G-boxen",
            purpose="Uitlenen, terugvorderen en wissen van toestellen.",
            data_categories="Naam, adres, telefoon, identiteit toestel, uitleendata, borg.",
            retention="Twee jaar na de laatste uitlening",
            roles=[
                ProcessingRole(partner_id="becode", role=CONTROLLER),
                ProcessingRole(partner_id="herstart", role=PROCESSOR),
                ProcessingRole(partner_id="closethegap", role=PROCESSOR),
            ],
        ),
        ProcessingActivity(
            id="pa-huisbezoek",
            name="Planning van huisbezoeken",
            purpose="Koppelen van bewoners aan IT-studenten voor hulp aan huis.",
            data_categories="Naam, adres, telefoon, hulpvraag, beschikbaarheid.",
            retention="Zes maanden na het laatste bezoek",
            roles=[
                ProcessingRole(partner_id="becode", role=CONTROLLER),
                ProcessingRole(partner_id="beego", role=PROCESSOR),
            ],
        ),
    ]

    planning = Planning(
        milestones=[
            Milestone(
                id="ms-overeenkomst",
                title="Samenwerkingsovereenkomst ondertekend",
                due=date(2022, 10, 31),
                owner_partner_id="becode",
            ),
            Milestone(
                id="ms-eerste-tablets",
                title="Eerste 100 tablets klaar voor uitleen",
                due=date(2023, 1, 31),
                owner_partner_id="herstart",
            ),
            Milestone(
                id="ms-crashcursus",
                title="Crashcursussen in de drie steden gestart",
                due=date(2023, 2, 28),
                owner_partner_id="becode",
            ),
            Milestone(
                id="ms-hulp-aan-huis",
                title="Hulp aan huis door IT-studenten gestart",
                due=date(2023, 3, 31),
                owner_partner_id="beego",
            ),
            Milestone(
                id="ms-draaiboek",
                title="Draaiboek gepubliceerd",
                due=date(2024, 6, 30),
                owner_partner_id="becode",
            ),
            Milestone(
                id="ms-eind",
                title="Eindevaluatie en eindrapport",
                due=date(2024, 12, 31),
                owner_partner_id="becode",
            ),
        ],
        narrative="Na de ondertekening starten we met de inzameling en het klaarmaken van tablets. De "
        "crashcursussen en hulp aan huis volgen in het eerste kwartaal van 2023.",
    )

    dossier = Dossier(
        identity=Identity(
            name="DigiBasics",
            call=CallKind.IMPLEMENTATIETRAJECT,
            werkingsgebied=["Antwerpen", "Brussel", "Gent"],
            period=Period(start=date(2022, 10, 1), end=date(2024, 12, 31)),
            status=DossierStatus.IN_REVIEW,
            summary="Een partnerschap van middenveldorganisaties in Antwerpen, Brussel en Gent, op "
            "initiatief "
            "van BeCode. Close the Gap zamelt tweedehandstablets in bij bedrijven; buurthuizen lenen ze uit. "
            "BeCode geeft korte crashcursussen en IT-studenten bieden hulp aan huis.",
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
    return lawful(dossier, standard_lending("herstart", "herstart"))
