"""Digibank Leuven: a city network with 18 digipunten hosted by 7 partners (fictional organisations).

Only the city has a role assignment "digipunt-host"; the other six host digipunten without one.
Hosting a digipunt is that role: the network analysis, the role matrix and article 5 must agree.
"""

from __future__ import annotations

from datetime import date

from workbench.demo.builders import (
    ALL_OBJECTIVES,
    ONDERSTEUNING,
    TOEGANG,
    VAARDIGHEDEN,
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
    VatStatus,
)

# host id: digipunten (name, address) it hosts.
_HOSTS: dict[str, list[tuple[str, str]]] = {
    "leuven": [
        ("Bibliotheek Tweebronnen", "Rijschoolstraat 4"),
        ("Bibliotheek Kessel-Lo", "Stationsstraat 151"),
        ("Bibliotheek Heverlee", "Naamsesteenweg 200"),
        ("Bibliotheek Wilsele", "Kareelveld 1"),
        ("Stadskantoor", "Professor Van Overstraetenplein 1"),
    ],
    "ocmw": [
        ("Sociaal Huis centrum", "Andreas Vesaliusstraat 47"),
        ("Sociaal Huis Kessel-Lo", "Diestsesteenweg 100"),
        ("Sociaal Huis Heverlee", "Waversebaan 20"),
    ],
    "buurtwerk": [
        ("Buurthuis Sint-Maartensdal", "Brusselsestraat 120"),
        ("Buurthuis Ridderbuurt", "Ridderstraat 10"),
        ("Buurthuis Wilsele-Putkapel", "Aarschotsesteenweg 300"),
    ],
    "welzijn": [("Welzijnshuis Vaartkom", "Vaartkom 5"), ("Welzijnshuis Tiensepoort", "Tiensesteenweg 2")],
    "leerpunt": [("Leerpunt Tervuursepoort", "Tervuursevest 100"), ("Leerpunt Hal 5", "Kessel-Lostraat 5")],
    "repair": [("Repair Café Leuven", "Ambachtenlaan 8")],
    "senioren": [
        ("Dienstencentrum De Wissel", "Kapucijnenvoer 20"),
        ("Dienstencentrum Ter Bank", "Tervuursesteenweg 30"),
    ],
}


def leuven() -> Dossier:
    """Return the city network: 18 digipunten, 7 hosts, one host role assigned."""
    partners = [
        _partner(
            "leuven",
            "Stad Leuven",
            OrgType.LOKAAL_BESTUUR,
            "stad",
            161,
            ("Professor Van Overstraetenplein 1", "3000", "Leuven"),
            ("Ruth Voorbeeld", "+32 16 00 00 61"),
            VatStatus.NIET_BTW_PLICHTIG,
            True,
            ("Sam Proef", "burgemeester"),
            ("gemeenteraad", date(2022, 11, 28), "gemeenteraad 28 november 2022, punt 21"),
        ),
        _partner(
            "ocmw",
            "OCMW Leuven",
            OrgType.OCMW,
            "OCMW",
            162,
            ("Andreas Vesaliusstraat 47", "3000", "Leuven"),
            ("Tine Voorbeeld", "+32 16 00 00 62"),
            VatStatus.NIET_BTW_PLICHTIG,
            True,
            ("Sam Proef", "voorzitter van het vast bureau"),
            ("vast bureau", date(2022, 11, 21), "vast bureau 21 november 2022"),
        ),
    ]
    private = [
        (
            "buurtwerk",
            "Buurtwerk Leuven vzw",
            OrgType.VZW,
            "vzw",
            "Brusselsestraat 120",
            VatStatus.VRIJGESTELD,
        ),
        ("welzijn", "Welzijnshuis Leuven vzw", OrgType.VZW, "vzw", "Vaartkom 5", VatStatus.VRIJGESTELD),
        (
            "leerpunt",
            "Leerpunt Leuven vzw",
            OrgType.OPLEIDINGSVERSTREKKER,
            "vzw",
            "Tervuursevest 100",
            VatStatus.VRIJGESTELD,
        ),
        (
            "repair",
            "Repair Leuven cv",
            OrgType.SOCIALE_ECONOMIE,
            "cv (maatwerkbedrijf)",
            "Ambachtenlaan 8",
            VatStatus.BTW_PLICHTIG,
        ),
        (
            "senioren",
            "Seniorennetwerk Leuven vzw",
            OrgType.VZW,
            "vzw",
            "Kapucijnenvoer 20",
            VatStatus.VRIJGESTELD,
        ),
    ]
    for i, (pid, name, org, form, street, vat) in enumerate(private, start=163):
        partners.append(
            _partner(
                pid,
                name,
                org,
                form,
                i,
                (street, "3000", "Leuven"),
                (f"Uma Voorbeeld {i % 100}", f"+32 16 00 00 {i % 100:02d}"),
                vat,
                True,
                (f"Vic Model {i % 100}", "voorzitter van de raad van bestuur"),
                ("raad van bestuur", date(2022, 11, 8), "raad van bestuur 8 november 2022"),
            )
        )
    roles = [
        _role(
            "r-promotor",
            "leuven",
            "promotor",
            ALL_OBJECTIVES,
            "Dient de aanvraag in, ontvangt de subsidie en stort de aandelen binnen 30 dagen door.",
            "1 VTE coördinator",
            loon=90_000,
            werking=10_000,
        ),
        _role(
            "r-host",
            "leuven",
            "digipunt_host",
            (TOEGANG, ONDERSTEUNING),
            "Vijf digipunten in de bibliotheken en het stadskantoor.",
            "40 uur per week samen",
            loon=70_000,
            werking=8_000,
        ),
        _role(
            "r-ocmw-toeleider",
            "ocmw",
            "toeleider",
            (ONDERSTEUNING,),
            "Maatschappelijk werkers verwijzen door naar het dichtstbijzijnde digipunt.",
            "alle sociale huizen",
            loon=30_000,
        ),
        _role(
            "r-ocmw-connect",
            "ocmw",
            "connectiviteit",
            (TOEGANG,),
            "4G-boxen en begeleiding bij het sociaal internettarief.",
            "60 4G-boxen",
            werking=14_000,
        ),
        _role(
            "r-buurt-outreach",
            "buurtwerk",
            "outreach",
            (ONDERSTEUNING,),
            "Opbouwwerkers brengen de digipunten naar de wijken.",
            "3 buurthuizen",
            loon=42_000,
        ),
        _role(
            "r-welzijn-toeleider",
            "welzijn",
            "toeleider",
            (ONDERSTEUNING,),
            "Onthaalwerkers leiden toe vanuit de welzijnshuizen.",
            "2 welzijnshuizen",
            loon=26_000,
        ),
        _role(
            "r-leerpunt-trainer",
            "leerpunt",
            "trainer",
            (VAARDIGHEDEN,),
            "Reeksen en korte workshops in de digipunten.",
            "20 reeksen per jaar",
            loon=64_000,
            werking=6_000,
        ),
        _role(
            "r-repair-refurb",
            "repair",
            "refurbisher",
            (TOEGANG,),
            "Maakt 250 laptops klaar en voert het nazicht uit.",
            "250 laptops, 6 maatwerkplaatsen",
            loon=58_000,
            werking=20_000,
        ),
        _role(
            "r-repair-uitleen",
            "repair",
            "uitleendienst",
            (TOEGANG,),
            "Baat de uitleendienst uit volgens het uitleenreglement.",
            "250 laptops",
            loon=34_000,
            werking=4_000,
        ),
        _role(
            "r-senioren-vrijw",
            "senioren",
            "vrijwilligers",
            (ONDERSTEUNING,),
            "Digibuddies in de dienstencentra.",
            "30 vrijwilligers",
            werking=8_000,
        ),
    ]
    access_points = []
    for host, points in _HOSTS.items():
        for j, (name, street) in enumerate(points, start=1):
            access_points.append(
                AccessPoint(
                    id=f"ap-{host}-{j}",
                    name=name,
                    kind=AccessPointKind.VAST if host != "buurtwerk" else AccessPointKind.HYBRIDE,
                    host_partner_id=host,
                    municipality="Leuven",
                    address=street,
                    opening_hours="twee vaste inloopmomenten per week",
                    accessibility="rolstoeltoegankelijk",
                    objectives=[TOEGANG, ONDERSTEUNING],
                )
            )
    flows = _subsidy_flows("leuven", partners)
    flows += [
        _flow("f-ref", FlowType.REFERRAL, "ocmw", "repair", "Doorverwijsfiche voor een laptop."),
        _flow("f-dev", FlowType.DEVICES, "repair", "leuven", "Laptops voor de digipunten."),
        _flow("f-train", FlowType.TRAINING, "leerpunt", "senioren", "Workshops in de dienstencentra."),
        _flow("f-data", FlowType.DATA_EXCHANGE, "repair", "leuven", "Maandelijkse cijfers uitlening."),
        _flow("f-exp", FlowType.EXPERTISE, "buurtwerk", "leuven", "Kennis van de wijken."),
    ]
    everyone = tuple(p.id for p in partners)
    facts = Facts(
        area="Leuven",
        promotor="leuven",
        toeleiders=("ocmw", "welzijn"),
        social_economy="repair",
        trainer="leerpunt",
        devices=250,
        users=3000,
        jobs=6,
        social_economy_share="ongeveer een zesde",
        connectivity="ocmw",
        all_partners=everyone,
        start=date(2023, 1, 1),
    )
    dossier = Dossier(
        identity=Identity(
            name="Digibank Leuven",
            call=CallKind.IMPLEMENTATIETRAJECT,
            werkingsgebied=["Leuven"],
            period=Period(start=date(2023, 1, 1), end=date(2024, 12, 31)),
            status=DossierStatus.IN_REVIEW,
            summary="Een stedelijk netwerk van 18 digipunten bij zeven partners, met één uitleendienst.",
        ),
        partners=partners,
        roles=roles,
        flows=flows,
        access_points=access_points,
        governance=governance(facts),
        strategy=strategy(facts),
        processing=register(facts, tuple(_HOSTS)),
        planning=Planning(
            milestones=[
                Milestone(
                    id="ms-start",
                    title="Alle 18 digipunten open",
                    due=date(2023, 6, 1),
                    owner_partner_id="leuven",
                ),
                Milestone(
                    id="ms-eind",
                    title="Eindrapport aan WSE",
                    due=date(2024, 12, 15),
                    owner_partner_id="leuven",
                ),
            ],
            narrative="De digipunten openen gefaseerd per wijk.",
        ),
    )
    return lawful(dossier, standard_lending("repair", "repair"))
