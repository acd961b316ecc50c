"""Demo dossiers, shared by tests, the CLI and the app.

The partnerships, their municipalities and the organisations named in DOMAIN section 7 are
real; so are the facts listed there (90 laptops and EUR 499,892 for ZORA Werkt, the Boechout
council decision of 27 Feb 2023). Everything else is invented but plausible: extra partners,
addresses, contact persons, representatives, decision dates, enterprise numbers, budgets,
figures and opening hours. Contact data is fictional on purpose (names such as "An Voorbeeld",
mail addresses under example.org, which is reserved for examples, phone numbers 000 00 ..).
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date
from decimal import ROUND_DOWN, Decimal

from workbench.calls import call_profile
from workbench.model import (
    ROLE_CATALOGUE,
    AccessPoint,
    AccessPointKind,
    Address,
    Budget,
    CallKind,
    CirculariteitSection,
    ConnectiviteitSection,
    ConnectivityKind,
    ConnectivityMeasure,
    ContactPerson,
    DeviceLine,
    DoelgroepSection,
    Dossier,
    DossierStatus,
    DuurzaamheidSection,
    FinancingSource,
    Flow,
    FlowType,
    GdprRole,
    Governance,
    Identity,
    ImpactmetingSection,
    Indicator,
    IndicatorType,
    Klankbordgroep,
    Mandate,
    Milestone,
    Objective,
    OrgType,
    OutreachChannel,
    OutreachSection,
    Partner,
    Period,
    Planning,
    ProcessingActivity,
    ProcessingRole,
    Representative,
    RoleAssignment,
    ScalingStep,
    SocialEconomyActivity,
    SocialeEconomieSection,
    Strategy,
    Stuurgroep,
    TargetGroup,
    VatStatus,
    Werkgroep,
)

TOEGANG, VAARDIGHEDEN, ONDERSTEUNING = Objective.TOEGANG, Objective.VAARDIGHEDEN, Objective.ONDERSTEUNING
ALL_OBJECTIVES = (TOEGANG, VAARDIGHEDEN, ONDERSTEUNING)

CONTROLLER, PROCESSOR, JOINT = GdprRole.CONTROLLER, GdprRole.PROCESSOR, GdprRole.JOINT_CONTROLLER


def demo_dossiers() -> list[Dossier]:
    """Return the demo partnerships, built anew on every call."""
    return [_zora_werkt(), _halle_pepingen_gooik(), _digibasics(), _digbij()]


# ---------------------------------------------------------------- small builders


def fictional_enterprise_eur(seed: int) -> str:
    """Return a made-up enterprise number (0xxx.xxx.xxx) that passes the mod-97 check."""
    # Fictional: a leading 0 plus seven digits from the seed, check digits = 97 - (base mod 97).
    # A chance match with a real KBO entry is possible and means nothing.
    base = 9_700_000 + seed
    digits = f"{base:08d}{97 - base % 97:02d}"
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _eur(amount: int | str) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def _partner(
    pid: str,
    name: str,
    org_type: OrgType,
    legal_form: str,
    kbo_seed: int,
    address: tuple[str, str, str],
    contact: tuple[str, str],
    vat: VatStatus,
    funded: bool,
    representative: tuple[str, str],
    mandate: tuple[str, date, str],
) -> Partner:
    contact_name, phone = contact
    # "Zoë Model" -> zoe.model: keep mail addresses plain ASCII.
    ascii_name = unicodedata.normalize("NFKD", contact_name).encode("ascii", "ignore").decode()
    mailbox = ascii_name.lower().replace(" ", ".")
    street, postcode, municipality = address
    body, decided, reference = mandate
    return Partner(
        id=pid,
        name=name,
        org_type=org_type,
        legal_form=legal_form,
        enterprise_number=fictional_enterprise_eur(kbo_seed),
        address=Address(street=street, postcode=postcode, municipality=municipality),
        contact=ContactPerson(name=contact_name, email=f"{mailbox}@{pid}.example.org", phone=phone),
        vat_status=vat,
        funded=funded,
        representative=Representative(
            name=representative[0],
            function=representative[1],
            mandate=Mandate(body=body, decision_date=decided, reference=reference),
        ),
        dpo_contact=f"Functionaris voor gegevensbescherming, dpo@{pid}.example.org",
    )


def _role(
    rid: str,
    partner_id: str,
    role: str,
    objectives: tuple[Objective, ...],
    engagement: str = "",
    capacity: str = "",
    loon: int = 0,
    werking: int = 0,
    extern: int = 0,
) -> RoleAssignment:
    return RoleAssignment(
        id=rid,
        partner_id=partner_id,
        role=role,
        objectives=list(objectives),
        engagement=engagement,
        capacity=capacity,
        budget=Budget(loonkosten=_eur(loon), werkingskosten=_eur(werking), externe_prestaties=_eur(extern)),
    )


def _flow(fid: str, kind: FlowType, source: str, target: str, description: str) -> Flow:
    return Flow(
        id=fid, type=kind, source_partner_id=source, target_partner_id=target, description=description
    )


def _subsidy_flows(promotor: str, partners: list[Partner], days: int = 30) -> list[Flow]:
    """Return one subsidy flow from the promotor to every other funded partner."""
    return [
        _flow(
            f"f-subsidie-{p.id}",
            FlowType.SUBSIDY,
            promotor,
            p.id,
            f"Doorstorting van het partneraandeel van {p.name} binnen {days} dagen na ontvangst "
            "van elke subsidieschijf; verworpen kosten worden niet doorgestort.",
        )
        for p in partners
        if p.funded and p.id != promotor
    ]


def _indicator(
    iid: str,
    name: str,
    kind: IndicatorType,
    unit: str,
    baseline: int | str | None,
    target: int | str,
    source: str,
    frequency: str,
    owner: str,
) -> Indicator:
    return Indicator(
        id=iid,
        name=name,
        type=kind,
        unit=unit,
        baseline=None if baseline is None else _eur(baseline),
        target=_eur(target),
        source=source,
        frequency=frequency,
        owner_partner_id=owner,
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


def _zora_werkt() -> Dossier:
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

    return Dossier(
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


# ---------------------------------------------------------------- Halle - Pepingen - Gooik


def _halle_pepingen_gooik() -> Dossier:
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

    return Dossier(
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


# ---------------------------------------------------------------- DigiBasics


def _digibasics() -> Dossier:
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

    return Dossier(
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


# ---------------------------------------------------------------- DIGbij (a draft)


def _digbij() -> Dossier:
    """Return a deliberately incomplete draft, so the app can show what is still missing."""
    partners = [
        _partner(
            "tongeren",
            "Stad Tongeren",
            OrgType.LOKAAL_BESTUUR,
            "stad",
            31,
            ("Maastrichterstraat 10", "3700", "Tongeren"),
            ("Amber Voorbeeld", "+32 12 00 00 31"),
            VatStatus.GEMENGD,
            True,
            ("Bert Proef", "burgemeester"),
            ("gemeenteraad", date(2022, 12, 19), "gemeenteraad 19 december 2022, principebeslissing"),
        ),
        Partner(
            id="borgloon",
            name="Stad Borgloon",
            org_type=OrgType.LOKAAL_BESTUUR,
            legal_form="stad",
            address=Address(postcode="3840", municipality="Borgloon"),
            contact=ContactPerson(name="Cas Demo", email="cas.demo@borgloon.example.org"),
        ),
        Partner(id="heers", name="Gemeente Heers", org_type=OrgType.LOKAAL_BESTUUR, legal_form="gemeente"),
        Partner(id="wellen", name="Gemeente Wellen", org_type=OrgType.LOKAAL_BESTUUR, legal_form="gemeente"),
        Partner(
            id="ocmw-tongeren",
            name="OCMW Tongeren",
            org_type=OrgType.OCMW,
            enterprise_number=fictional_enterprise_eur(35),
            vat_status=VatStatus.VRIJGESTELD,
        ),
    ]
    roles = [
        _role(
            "r-tongeren-promotor",
            "tongeren",
            "promotor",
            ALL_OBJECTIVES,
            "Dient de aanvraag in en coördineert het project.",
            "0,5 VTE coördinator",
            loon=45_000,
        ),
        _role(
            "r-tongeren-bakfiets",
            "tongeren",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Rijdt met een e-bakfiets met wifi en toestellen naar pleinen, markten en huisbezoeken in de "
            "vier gemeenten.",
            "",
        ),
        _role(
            "r-ocmw-toeleider",
            "ocmw-tongeren",
            "toeleider",
            (ONDERSTEUNING,),
            "Verwijst cliënten door naar de e-bakfiets en vraagt huisbezoeken aan.",
            "",
        ),
        _role(
            "r-borgloon-vrijwilligers",
            "borgloon",
            "vrijwilligers",
            (ONDERSTEUNING,),
            "Brugfiguren groeien door tot digihelpers die buren op weg helpen.",
            "",
        ),
        _role("r-wellen-partner", "wellen", "partner", ()),
    ]
    flows = [
        _flow(
            "f-verwijzing-ocmw",
            FlowType.REFERRAL,
            "ocmw-tongeren",
            "tongeren",
            "Aanvragen voor huisbezoeken met de e-bakfiets.",
        ),
        Flow(
            id="f-subsidie-borgloon",
            type=FlowType.SUBSIDY,
            source_partner_id="tongeren",
            target_partner_id="borgloon",
        ),
    ]
    access_points = [
        AccessPoint(
            id="ap-bakfiets",
            name="DIGbij e-bakfiets",
            kind=AccessPointKind.MOBIEL,
            host_partner_id="tongeren",
            municipality="Borgloon, Tongeren, Heers, Wellen",
            objectives=[TOEGANG, ONDERSTEUNING],
        )
    ]
    strategy = Strategy(
        doelgroep=DoelgroepSection(
            target_groups=[
                TargetGroup(
                    id="tg-geisoleerd",
                    name="Geïsoleerde inwoners in landelijke deelgemeenten",
                    estimated_number=300,
                    needs="Hulp aan huis; geen vervoer naar een vast digipunt.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-ouders", name="Ouders van schoolgaande kinderen", needs="Schoolplatformen, e-mail."
                ),
            ],
            narrative="Nog aan te vullen na de bevraging bij de sociale diensten.",
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id="oc-brugfiguren",
                    description="Brugfiguren leggen contact met gezinnen en worden zelf digihelper",
                    toeleider_partner_ids=["borgloon"],
                    target_group_ids=["tg-ouders"],
                )
            ],
            narrative="De e-bakfiets gaat naar de mensen toe, ook aan huis.",
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id="cm-bakfiets-wifi",
                    kind=ConnectivityKind.MOBIELE_HOTSPOT,
                    description="Wifi op de e-bakfiets",
                )
            ],
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    "ind-huisbezoeken",
                    "Huisbezoeken met de e-bakfiets",
                    IndicatorType.OUTPUT,
                    "bezoeken",
                    None,
                    250,
                    "Logboek e-bakfiets",
                    "maandelijks",
                    "tongeren",
                ),
            ],
        ),
    )
    return Dossier(
        identity=Identity(
            name="DIGbij",
            call=CallKind.IMPLEMENTATIETRAJECT,
            werkingsgebied=["Borgloon", "Tongeren", "Heers", "Wellen"],
            period=Period(start=date(2023, 1, 1)),
            status=DossierStatus.CONCEPT,
            summary="Een e-bakfiets met wifi en toestellen brengt de digibank naar de inwoners van Borgloon, "
            "Tongeren, Heers en Wellen, ook aan huis. Brugfiguren groeien door tot digihelpers. Dit is een "
            "eerste ontwerp: meerdere delen moeten nog worden uitgewerkt.",
        ),
        partners=partners,
        roles=roles,
        flows=flows,
        access_points=access_points,
        governance=Governance(
            stuurgroep=Stuurgroep(member_partner_ids=["tongeren", "borgloon", "heers", "wellen"]),
        ),
        strategy=strategy,
        planning=Planning(
            milestones=[Milestone(id="ms-aanvraag", title="Aanvraag indienen", owner_partner_id="tongeren")]
        ),
    )


# ---------------------------------------------------------------- a large synthetic dossier


_SYNTHETIC_STEMS = ("Voorbeeld", "Proef", "Demo", "Schets", "Model", "Ontwerp", "Staal", "Concept", "Test")
_SYNTHETIC_SUFFIXES = ("egem", "beke", "hove", "zele", "laar", "donk", "kerke", "rode")
_SYNTHETIC_KINDS = (
    (OrgType.LOKAAL_BESTUUR, "gemeente", "Gemeente"),
    (OrgType.OCMW, "openbaar centrum voor maatschappelijk welzijn", "OCMW"),
    (OrgType.VZW, "vzw", "Buurtwerk"),
    (OrgType.SOCIALE_ECONOMIE, "vzw (maatwerkbedrijf)", "Maatwerkbedrijf"),
    (OrgType.OPLEIDINGSVERSTREKKER, "vzw", "Leerpunt"),
    (OrgType.BEDRIJF, "bv", "IT-bedrijf"),
)
_KEY_ROLES = ("toeleider", "digipunt_host", "trainer", "refurbisher", "uitleendienst", "connectiviteit")
_UNFUNDED_ROLES = frozenset({"toeleider", "hardware_donor", "expertise"})
_ROLE_OBJECTIVES: dict[str, tuple[Objective, ...]] = {
    "promotor": ALL_OBJECTIVES,
    "partner": ALL_OBJECTIVES,
    "coordinator": ALL_OBJECTIVES,
    "toeleider": (ONDERSTEUNING,),
    "digipunt_host": (TOEGANG, ONDERSTEUNING),
    "trainer": (VAARDIGHEDEN,),
    "refurbisher": (TOEGANG,),
    "uitleendienst": (TOEGANG,),
    "hardware_donor": (TOEGANG,),
    "outreach": (ONDERSTEUNING,),
    "expertise": (VAARDIGHEDEN,),
    "connectiviteit": (TOEGANG,),
    "vrijwilligers": (ONDERSTEUNING,),
    "regionale_ondersteuning": (VAARDIGHEDEN, ONDERSTEUNING),
}
_ROLE_ENGAGEMENT = {
    "promotor": "Dient de aanvraag in, beheert de subsidie en stort de partneraandelen binnen 30 dagen door.",
    "partner": "Voert de afgesproken acties mee uit en neemt deel aan de stuurgroep.",
    "coordinator": "Coördineert de werking en bereidt de stuurgroep voor.",
    "toeleider": "Verwijst inwoners met digitale noden door naar digipunten en de uitleendienst.",
    "digipunt_host": "Houdt een digipunt open met vaste inloopmomenten.",
    "trainer": "Geeft vormingsreeksen basisvaardigheden in kleine groepen.",
    "refurbisher": "Maakt tweedehandstoestellen klaar, wist ze en herstelt ze.",
    "uitleendienst": "Baat de uitleendienst uit volgens het uitleenreglement.",
    "hardware_donor": "Schenkt afgeschreven toestellen voor hergebruik.",
    "outreach": "Zoekt kwetsbare inwoners op in wijken en op warme locaties.",
    "expertise": "Deelt expertise over digitale inclusie en toegankelijkheid.",
    "connectiviteit": "Leent 4G-boxen uit en helpt bij het sociaal internettarief.",
    "vrijwilligers": "Werft en begeleidt digibuddy's.",
    "regionale_ondersteuning": "Ondersteunt de partners met vorming en intervisie.",
}
# Which roles usually sit at either end of a flow; other partners are the fallback.
_FLOW_ENDS = {
    FlowType.REFERRAL: ("toeleider", "digipunt_host"),
    FlowType.DEVICES: ("refurbisher", "uitleendienst"),
    FlowType.TRAINING: ("trainer", "digipunt_host"),
    FlowType.DATA_EXCHANGE: ("digipunt_host", "promotor"),
    FlowType.EXPERTISE: ("expertise", "partner"),
}
_FLOW_TEXT = {
    FlowType.REFERRAL: "{source} verwijst inwoners door naar {target}.",
    FlowType.DEVICES: "{source} levert klaargemaakte toestellen aan {target}.",
    FlowType.TRAINING: "{source} geeft vormingsreeksen bij {target}.",
    FlowType.DATA_EXCHANGE: "{source} bezorgt registraties van gebruikers aan {target}.",
    FlowType.EXPERTISE: "{source} deelt expertise met {target}.",
}


def _synthetic_place(i: int) -> str:
    stem = _SYNTHETIC_STEMS[i % len(_SYNTHETIC_STEMS)]
    suffix = _SYNTHETIC_SUFFIXES[(i // len(_SYNTHETIC_STEMS)) % len(_SYNTHETIC_SUFFIXES)]
    cycle = i // (len(_SYNTHETIC_STEMS) * len(_SYNTHETIC_SUFFIXES))
    return f"{stem}{suffix}" + (f" {cycle + 1}" if cycle else "")


def large_dossier(partners: int = 60, flows: int | None = None, seed: int = 1) -> Dossier:
    """Build a deterministic, valid synthetic dossier with many partners, for benchmarks."""
    if not 2 <= partners <= 500:
        raise ValueError("partners must be between 2 and 500")
    flow_count = 3 * partners if flows is None else flows
    if not 0 <= flow_count <= 5000:
        raise ValueError("flows must be between 0 and 5000")
    rng = random.Random(seed)
    call = CallKind.IMPLEMENTATIETRAJECT
    catalogue = [r for r in ROLE_CATALOGUE if r != "promotor"]

    # Plan the roles first: whether a partner is funded depends on them.
    plans: list[list[str]] = [["promotor", "coordinator"]]
    for i in range(1, partners):
        chosen = [_KEY_ROLES[i - 1]] if i <= len(_KEY_ROLES) else []
        wanted = rng.randint(max(1, len(chosen)), 3)
        while len(chosen) < wanted:
            role = rng.choice(catalogue)
            if role not in chosen:
                chosen.append(role)
        plans.append(chosen)
    weights = [
        [40 if role == "promotor" else (0 if role in _UNFUNDED_ROLES else rng.randint(1, 6)) for role in plan]
        for plan in plans
    ]
    # Stay a little under the cap so that rounding can never cross it.
    available = call_profile(call).max_subsidy * Decimal("0.95")
    total_weight = sum(sum(w) for w in weights)

    partner_list: list[Partner] = []
    roles: list[RoleAssignment] = []
    for i, plan in enumerate(plans):
        pid = f"p{i:03d}"
        place = _synthetic_place(i)
        org_type, legal_form, label = (
            (OrgType.LOKAAL_BESTUUR, "stad", "Stad") if i == 0 else rng.choice(_SYNTHETIC_KINDS)
        )
        for j, (role, weight) in enumerate(zip(plan, weights[i], strict=True)):
            amount = (available * weight / total_weight).quantize(Decimal(1), rounding=ROUND_DOWN)
            loon = (amount * Decimal("0.7")).quantize(Decimal(1), rounding=ROUND_DOWN)
            werking = (amount * Decimal("0.2")).quantize(Decimal(1), rounding=ROUND_DOWN)
            roles.append(
                _role(
                    f"r-{pid}-{j}",
                    pid,
                    role,
                    _ROLE_OBJECTIVES[role],
                    _ROLE_ENGAGEMENT[role],
                    f"{rng.choice((2, 4, 6, 8, 12))} uur per week",
                    loon=int(loon),
                    werking=int(werking),
                    extern=int(amount - loon - werking),
                )
            )
        partner_list.append(
            _partner(
                pid,
                f"{label} {place}",
                org_type,
                legal_form,
                1_000 + i,
                (f"Dorpsstraat {i + 1}", f"{1000 + (i * 37) % 8999:04d}", place),
                (
                    f"{_SYNTHETIC_STEMS[i % 9]} {_SYNTHETIC_STEMS[(i // 9) % 9]}",
                    f"+32 9 000 {i // 100:02d} {i % 100:02d}",
                ),
                VatStatus.VRIJGESTELD if org_type is not OrgType.BEDRIJF else VatStatus.BTW_PLICHTIG,
                any(weights[i]),
                (f"{_SYNTHETIC_STEMS[(i + 4) % 9]} {_SYNTHETIC_STEMS[(i // 9 + 2) % 9]}", "voorzitter"),
                ("bestuursorgaan", date(2022, 12, 1 + i % 28), f"besluit {i + 1}/2022"),
            )
        )

    ids = [p.id for p in partner_list]
    holders: dict[str, list[str]] = {}
    for r in roles:
        holders.setdefault(r.role, []).append(r.partner_id)
    names = {p.id: p.name for p in partner_list}

    flow_list = _subsidy_flows("p000", partner_list)[:flow_count]
    kinds = list(_FLOW_TEXT)
    while len(flow_list) < flow_count:
        kind = kinds[len(flow_list) % len(kinds)]
        source_role, target_role = _FLOW_ENDS[kind]
        source = rng.choice(holders.get(source_role) or ids)
        target = rng.choice([t for t in holders.get(target_role) or ids if t != source] or ids)
        flow_list.append(
            _flow(
                f"f-{len(flow_list):04d}",
                kind,
                source,
                target,
                _FLOW_TEXT[kind].format(source=names[source], target=names[target]),
            )
        )

    ap_kinds = (AccessPointKind.VAST, AccessPointKind.VAST, AccessPointKind.HYBRIDE, AccessPointKind.MOBIEL)
    access_points = [
        AccessPoint(
            id=f"ap-{i:03d}",
            name=f"Digipunt {_synthetic_place(i)}",
            kind=ap_kinds[(i // 4) % len(ap_kinds)],
            host_partner_id=ids[i],
            municipality=_synthetic_place(i),
            address=f"Dorpsstraat {i + 1}",
            opening_hours="di en do 9.00-12.00",
            accessibility="Gelijkvloers en rolstoeltoegankelijk.",
            objectives=[TOEGANG, ONDERSTEUNING],
        )
        for i in range(0, partners, 4)
    ]

    def some(role: str, limit: int) -> list[str]:
        return (holders.get(role) or ids)[:limit]

    target_groups = [
        TargetGroup(
            id="tg-kortgeschoolden", name="Kortgeschoolden", estimated_number=40 * partners, priority=True
        ),
        TargetGroup(id="tg-armoede", name="Mensen in armoede", estimated_number=30 * partners, priority=True),
        TargetGroup(id="tg-werkzoekenden", name="Werkzoekenden", estimated_number=20 * partners),
    ]
    for group in target_groups:
        group.needs = "Toegang tot een toestel, basisvaardigheden en hulp bij essentiële onlinediensten."
    strategy = Strategy(
        doelgroep=DoelgroepSection(
            target_groups=target_groups,
            narrative="Synthetische doelgroepen, geschaald naar het aantal partners.",
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id=f"oc-{k}",
                    description=f"Doorverwijzing door toeleiders, groep {k + 1}",
                    toeleider_partner_ids=some("toeleider", 50)[k::3],
                    target_group_ids=[target_groups[k].id],
                )
                for k in range(3)
            ],
            narrative="Toeleiders verwijzen door naar digipunten en de uitleendienst.",
        ),
        sociale_economie=SocialeEconomieSection(
            activities=[
                SocialEconomyActivity(
                    id=f"se-{pid}", partner_id=pid, activity="Klaarmaken van toestellen", jobs=2
                )
                for pid in some("refurbisher", 50)
            ],
            narrative="Refurbishers uit de sociale economie maken de toestellen klaar.",
        ),
        circulariteit=CirculariteitSection(
            devices=[
                DeviceLine(
                    id="dl-laptops",
                    device_type="Laptop",
                    source="Afgeschreven toestellen van partners",
                    collected=5 * partners,
                    refurbished=4 * partners,
                    lent=6 * partners,
                    end_of_life="Erkende recyclage.",
                )
            ],
            responsible_partner_id=some("refurbisher", 1)[0],
            narrative="Alle toestellen zijn tweedehands en worden gewist tussen twee ontleners.",
        ),
        duurzaamheid=DuurzaamheidSection(
            financing_after_subsidy=[
                FinancingSource(
                    id="fs-eigen", source="Eigen middelen partners", amount=_eur(50_000), secured=True
                )
            ],
            scaling_steps=[
                ScalingStep(
                    id="ss-verankering",
                    description="Verankering in meerjarenplannen",
                    planned=date(2024, 12, 31),
                )
            ],
            narrative="De werking wordt verankerd in de reguliere werking van de partners.",
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id=f"cm-{pid}",
                    kind=ConnectivityKind.INTERNETBOX,
                    description="4G-boxen en info over het sociaal internettarief",
                    partner_id=pid,
                )
                for pid in some("connectiviteit", 50)
            ],
            narrative="Wifi in elk digipunt en 4G-boxen voor wie thuis geen internet heeft.",
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    f"ind-{k}",
                    name,
                    kind,
                    unit,
                    0,
                    target,
                    "Gedeeld registratieformulier",
                    "maandelijks",
                    rng.choice(ids),
                )
                for k, (name, kind, unit, target) in enumerate(
                    [
                        ("Unieke gebruikers bereikt", IndicatorType.OUTPUT, "personen", 20 * partners),
                        ("Uitgeleende toestellen", IndicatorType.OUTPUT, "uitleningen", 6 * partners),
                        ("Klaargemaakte toestellen", IndicatorType.OUTPUT, "toestellen", 4 * partners),
                        ("Deelnemers aan vorming", IndicatorType.OUTPUT, "personen", 8 * partners),
                        ("Openingsuren digipunten", IndicatorType.OUTPUT, "uren per week", 2 * partners),
                        ("Deelnemers die zich vaardiger voelen", IndicatorType.OUTCOME, "%", 70),
                        ("Zelfstandig gebruik essentiële dienst", IndicatorType.OUTCOME, "%", 50),
                        ("Gebruikers met internet thuis", IndicatorType.IMPACT, "%", 80),
                    ]
                )
            ],
            narrative="Nulmeting bij de start, daarna maandelijkse registratie.",
        ),
    )

    governance = Governance(
        stuurgroep=Stuurgroep(
            member_partner_ids=ids,
            chair_partner_id="p000",
            frequency="driemaandelijks",
            decision_rule="consensus, anders gewone meerderheid",
        ),
        werkgroepen=[
            Werkgroep(
                id=f"wg-{role}",
                name=f"Werkgroep {role}",
                member_partner_ids=some(role, 100),
                frequency="maandelijks",
            )
            for role in ("digipunt_host", "trainer", "uitleendienst", "toeleider")
        ],
        klankbordgroep=Klankbordgroep(
            composition="Tien gebruikers uit de doelgroepen", frequency="om de zes weken"
        ),
        narrative="De stuurgroep met alle partners beslist; werkgroepen bereiden voor.",
    )
    processing = [
        ProcessingActivity(
            id="pa-vragen",
            name="Registratie van vragen in de digipunten",
            purpose="Opvolging en anonieme rapportering aan Vlaanderen.",
            retention="Tot het einde van het project",
            roles=[ProcessingRole(partner_id="p000", role=JOINT)]
            + [
                ProcessingRole(partner_id=pid, role=JOINT)
                for pid in some("digipunt_host", 99)
                if pid != "p000"
            ],
        ),
        ProcessingActivity(
            id="pa-uitleen",
            name="Uitleenregister",
            purpose="Uitlenen en terugvorderen van toestellen.",
            retention="Twee jaar na de laatste uitlening",
            roles=[ProcessingRole(partner_id="p000", role=CONTROLLER)]
            + [
                ProcessingRole(partner_id=pid, role=PROCESSOR)
                for pid in some("uitleendienst", 99)
                if pid != "p000"
            ],
        ),
    ]
    planning = Planning(
        milestones=[
            Milestone(id="ms-start", title="Start", due=date(2023, 1, 1), owner_partner_id="p000"),
            Milestone(
                id="ms-tussentijds",
                title="Tussentijds rapport",
                due=date(2023, 12, 31),
                owner_partner_id="p000",
            ),
            Milestone(id="ms-eind", title="Eindrapport", due=date(2024, 12, 31), owner_partner_id="p000"),
        ],
        narrative="Synthetische planning.",
    )
    places = [p.address.municipality for p in partner_list if p.org_type is OrgType.LOKAAL_BESTUUR]
    return Dossier(
        identity=Identity(
            name=f"Synthetische digibank ({partners} partners)",
            call=call,
            werkingsgebied=places[:100],
            period=Period(start=date(2023, 1, 1), end=date(2024, 12, 31)),
            status=DossierStatus.IN_REVIEW,
            summary="Een synthetisch dossier voor benchmarks, deterministisch opgebouwd uit een seed.",
        ),
        partners=partner_list,
        roles=roles,
        flows=flow_list,
        access_points=access_points,
        governance=governance,
        strategy=strategy,
        processing=processing,
        planning=planning,
    )
