"""DIGbij: a deliberately unfinished draft (an e-bakfiets in four Limburg municipalities)."""

from __future__ import annotations

from datetime import date

from workbench.demo.builders import (
    ALL_OBJECTIVES,
    ONDERSTEUNING,
    TOEGANG,
    _flow,
    _indicator,
    _partner,
    _role,
    fictional_enterprise_number,
)
from workbench.dossier.model import (
    AccessPoint,
    AccessPointKind,
    Address,
    CallKind,
    ConnectiviteitSection,
    ConnectivityKind,
    ConnectivityMeasure,
    ContactPerson,
    DoelgroepSection,
    Dossier,
    DossierStatus,
    Flow,
    FlowType,
    Governance,
    Identity,
    ImpactmetingSection,
    IndicatorType,
    Milestone,
    OrgType,
    OutreachChannel,
    OutreachSection,
    Partner,
    Period,
    Planning,
    Strategy,
    Stuurgroep,
    TargetGroup,
    VatStatus,
)

# ---------------------------------------------------------------- DIGbij (a draft)


def digbij() -> Dossier:
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
            enterprise_number=fictional_enterprise_number(35),
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
