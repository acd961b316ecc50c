"""A complete strategy, governance and register for the demos of issue 13, from a few facts each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workbench.demo.builders import CONTROLLER, JOINT, PROCESSOR, _eur, _indicator
from workbench.dossier.model import (
    CirculariteitSection,
    ConnectiviteitSection,
    ConnectivityKind,
    ConnectivityMeasure,
    DeviceLine,
    DoelgroepSection,
    DuurzaamheidSection,
    FinancingSource,
    GdprLegalBasis,
    Governance,
    ImpactmetingSection,
    IndicatorType,
    Klankbordgroep,
    OutreachChannel,
    OutreachSection,
    ProcessingActivity,
    ProcessingRole,
    ScalingStep,
    SocialEconomyActivity,
    SocialeEconomieSection,
    Strategy,
    Stuurgroep,
    TargetGroup,
    Werkgroep,
)


@dataclass(frozen=True)
class Facts:
    """What differs between the demos: who does what, where, and how much."""

    area: str  # "de Vlaamse Ardennen"
    promotor: str
    toeleiders: tuple[str, ...]
    social_economy: str  # the refurbishing workshop
    trainer: str
    devices: int  # laptops collected over the period
    users: int  # unique users targeted
    jobs: int  # work placements in the workshop
    social_economy_share: str  # the workshop's share of the budget, in words
    connectivity: str  # who hands out 4G boxes
    all_partners: tuple[str, ...]
    start: date


def strategy(f: Facts) -> Strategy:
    """Return all seven sections with local figures, volumes and methods."""
    return Strategy(
        doelgroep=DoelgroepSection(
            target_groups=[
                TargetGroup(
                    id="tg-kortgeschoold",
                    name="Kortgeschoolde volwassenen",
                    estimated_number=f.users // 2,
                    needs="Geen eigen toestel of een verouderd toestel; weinig vertrouwen in online "
                    "formulieren; hulp nodig bij itsme en Mijn Burgerprofiel.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-armoede",
                    name="Mensen in armoede en met een leefloon",
                    estimated_number=f.users // 3,
                    needs="Toegang tot een toestel en tot betaalbaar internet; begeleiding bij "
                    "premies en het sociaal tarief.",
                    priority=True,
                ),
                TargetGroup(
                    id="tg-werkzoekend",
                    name="Werkzoekenden",
                    estimated_number=f.users // 6,
                    needs="Solliciteren met de computer, Mijn VDAB, e-mail en digitale brieven.",
                ),
            ],
            narrative=(
                f"In {f.area} schatten de sociale diensten dat ongeveer {f.users} volwassenen digitaal "
                "kwetsbaar zijn (toegepast op de cijfers van de Barometer digitale inclusie 2023). "
                "De nulmeting gebeurt in de eerste drie maanden met een korte bevraging bij de "
                "toeleiders en in de digipunten."
            ),
        ),
        outreach=OutreachSection(
            channels=[
                OutreachChannel(
                    id="oc-intake",
                    description="Intakegesprek in het sociaal huis met een doorverwijsfiche",
                    toeleider_partner_ids=list(f.toeleiders),
                    target_group_ids=["tg-armoede", "tg-kortgeschoold"],
                ),
                OutreachChannel(
                    id="oc-vindplaats",
                    description="Vaste momenten op vindplaatsen (sociale kruidenier, wijkrestaurant)",
                    toeleider_partner_ids=list(f.toeleiders[-1:]),
                    target_group_ids=["tg-kortgeschoold", "tg-werkzoekend"],
                ),
            ],
            narrative=(
                "Toeleiding loopt via wie de doelgroep al kent: maatschappelijk werkers, "
                "onthaalmedewerkers en vrijwilligers van de vindplaatsen. Elke doorverwijzing krijgt "
                "binnen twee weken een afspraak; het aantal doorverwijzingen wordt per kwartaal geteld."
            ),
        ),
        sociale_economie=SocialeEconomieSection(
            activities=[
                SocialEconomyActivity(
                    id="se-refurbish",
                    partner_id=f.social_economy,
                    activity="Laptops inzamelen, wissen, herstellen en klaarmaken voor uitlening",
                    jobs=f.jobs,
                ),
            ],
            narrative=(
                f"De sociale-economiepartner maakt {f.devices} laptops klaar en krijgt daarvoor "
                f"{f.social_economy_share} van het budget. De werkplekken zijn maatwerkplaatsen met "
                "begeleiding op de werkvloer."
            ),
        ),
        circulariteit=CirculariteitSection(
            devices=[
                DeviceLine(
                    id="dl-laptop",
                    device_type="Laptop",
                    source="Afgeschreven laptops van lokale besturen en bedrijven",
                    collected=f.devices,
                    refurbished=f.devices - f.devices // 10,
                    lent=f.devices - f.devices // 10,
                    end_of_life="Onderdelen hergebruikt; de rest via Recupel ingezameld.",
                )
            ],
            responsible_partner_id=f.social_economy,
            narrative=(
                "Toestellen gaan zo lang mogelijk mee: jaarlijks nazicht, batterijen vervangen, "
                "onderdelen van afgeschreven toestellen hergebruikt."
            ),
        ),
        duurzaamheid=DuurzaamheidSection(
            financing_after_subsidy=[
                FinancingSource(
                    id="fs-lokaal", source="Meerjarenplan van de lokale besturen", amount=_eur(60_000)
                ),
                FinancingSource(
                    id="fs-fonds", source="Provinciale projectsubsidie (aangevraagd)", secured=False
                ),
            ],
            scaling_steps=[
                ScalingStep(
                    id="ss-draaiboek",
                    description="Draaiboek uitleendienst delen met buurgemeenten",
                    planned=date(f.start.year + 1, 9, 1),
                ),
            ],
            narrative=(
                "Na de subsidie blijven de digipunten open binnen de reguliere dienstverlening; de "
                "uitleendienst wordt gedragen door de lokale besturen in verhouding tot hun inwoners."
            ),
        ),
        connectiviteit=ConnectiviteitSection(
            measures=[
                ConnectivityMeasure(
                    id="cm-wifi",
                    kind=ConnectivityKind.WIFI_DIGIPUNT,
                    description="Gratis wifi in elk digipunt",
                    partner_id=f.promotor,
                ),
                ConnectivityMeasure(
                    id="cm-4g",
                    kind=ConnectivityKind.INTERNETBOX,
                    description="4G-boxen met een databundel voor ontleners zonder internet thuis",
                    partner_id=f.connectivity,
                ),
                ConnectivityMeasure(
                    id="cm-tarief",
                    kind=ConnectivityKind.SOCIAAL_TARIEF,
                    description="Begeleiding bij de aanvraag van het sociaal internettarief",
                    partner_id=f.connectivity,
                ),
            ],
            narrative="Wie geen internet heeft, krijgt een 4G-box en hulp bij het sociaal tarief.",
        ),
        impactmeting=ImpactmetingSection(
            indicators=[
                _indicator(
                    "ind-users",
                    "Unieke gebruikers",
                    IndicatorType.OUTPUT,
                    "personen",
                    0,
                    f.users,
                    "Registratie in de digipunten",
                    "per kwartaal",
                    f.promotor,
                ),
                _indicator(
                    "ind-lent",
                    "Uitgeleende laptops",
                    IndicatorType.OUTPUT,
                    "toestellen",
                    0,
                    f.devices - f.devices // 10,
                    "Uitleenregister",
                    "per kwartaal",
                    f.social_economy,
                ),
                _indicator(
                    "ind-skills",
                    "Deelnemers met zelf gerapporteerde vooruitgang",
                    IndicatorType.OUTCOME,
                    "procent",
                    0,
                    70,
                    "Korte bevraging na de reeks",
                    "na elke reeks",
                    f.trainer,
                ),
            ],
            narrative="Nulmeting in de eerste drie maanden, daarna per kwartaal; jaarlijks een korte "
            "bevraging.",
        ),
    )


def governance(f: Facts) -> Governance:
    """Return a stuurgroep of all partners, two werkgroepen and a klankbordgroep."""
    return Governance(
        stuurgroep=Stuurgroep(
            member_partner_ids=list(f.all_partners),
            chair_partner_id=f.promotor,
            frequency="elk kwartaal",
            decision_rule="consensus; bij gebrek daaraan een gewone meerderheid van de aanwezige partijen",
        ),
        werkgroepen=[
            Werkgroep(
                id="wg-digipunten",
                name="Werkgroep digipunten",
                purpose="Openingsuren en onthaal afstemmen",
                member_partner_ids=list(f.all_partners[:3]),
                frequency="maandelijks",
            ),
            Werkgroep(
                id="wg-toestellen",
                name="Werkgroep toestellen",
                purpose="Voorraad, nazicht en wachtlijst",
                member_partner_ids=[f.social_economy, f.promotor],
                frequency="maandelijks",
            ),
        ],
        klankbordgroep=Klankbordgroep(
            composition="Acht gebruikers en twee vrijwilligers, uitgenodigd via de toeleiders",
            frequency="elk semester",
        ),
        narrative="De promotor bereidt de stuurgroep voor en bezorgt het verslag binnen vijftien werkdagen.",
    )


def register(
    f: Facts, hosts: tuple[str, ...], without_personality: tuple[str, ...] = ()
) -> list[ProcessingActivity]:
    """Return the register: visitors of the digipunten and the lending, with every party's role.

    A body without legal personality is in no processing: the party acting for it is.
    """
    controllers = [ProcessingRole(partner_id=f.promotor, role=JOINT)] + [
        ProcessingRole(partner_id=h, role=JOINT) for h in hosts if h != f.promotor
    ]
    others = [
        p for p in f.all_partners if p not in {f.promotor, f.social_economy, *hosts, *without_personality}
    ]
    return [
        ProcessingActivity(
            id="pa-bezoekers",
            name="Registratie van bezoekers en vragen in de digipunten",
            purpose="Hulp bieden, opvolgen en anoniem rapporteren aan de Vlaamse overheid",
            data_categories="naam, postcode, leeftijdscategorie, doelgroep, categorie van de vraag",
            retention="tot vijf jaar na de betaling van het saldo",
            legal_basis=GdprLegalBasis.PUBLIC_TASK,
            legal_basis_detail="taak van algemeen belang (digitale inclusie) en het BVR van 17 december 2021",
            data_subjects="bezoekers van de digipunten",
            recipients="de partijen; geaggregeerde cijfers aan WSE",
            contact_point_partner_id=f.promotor,
            # In the order the form shows them: controllers, processors, joint controllers.
            roles=[ProcessingRole(partner_id=p, role=CONTROLLER) for p in others] + controllers,
        ),
        ProcessingActivity(
            id="pa-uitlening",
            name="Uitleenregister",
            purpose="Toestellen uitlenen, terugvragen en nazien",
            data_categories="naam, adres, telefoon, uitgeleend toestel, data van uitlening en terugname",
            retention="een jaar na de laatste terugname",
            legal_basis=GdprLegalBasis.CONTRACT,
            legal_basis_detail="de uitleenovereenkomst met de ontlener",
            data_subjects="ontleners",
            recipients="de uitbater van de uitleendienst en de promotor",
            roles=[
                ProcessingRole(partner_id=f.promotor, role=CONTROLLER),
                ProcessingRole(partner_id=f.social_economy, role=PROCESSOR),
            ],
        ),
    ]
