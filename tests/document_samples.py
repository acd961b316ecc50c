"""Dossiers for the document tests: a rich one, a bare one, a hostile one, a large one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from workbench.dossier.model import (
    AccessPoint,
    Address,
    Budget,
    CallKind,
    ContactPerson,
    CustomRole,
    DeviceLine,
    Dossier,
    EndOfLoan,
    FinancingSource,
    Flow,
    FlowType,
    GdprLegalBasis,
    GdprRole,
    Identity,
    Indicator,
    IndicatorType,
    Klankbordgroep,
    LendingPolicy,
    Mandate,
    Milestone,
    Objective,
    OrgType,
    OutreachChannel,
    Partner,
    Period,
    ProcessingActivity,
    ProcessingRole,
    Representative,
    RoleAssignment,
    ScalingStep,
    Signatory,
    SocialEconomyActivity,
    Stuurgroep,
    TargetGroup,
    VatStatus,
    Werkgroep,
)

UNCONFIRMED = "[Te bespreken: bevestig de grondslag van de vertegenwoordiging"  # the OCMW's article

ALL = [Objective.TOEGANG, Objective.VAARDIGHEDEN, Objective.ONDERSTEUNING]
# Mod-97 valid fictional enterprise numbers.
KBO = ["0970.000.196", "0970.000.295", "0970.000.394", "0970.000.493", "0970.000.592"]


def _partner(i: int, pid: str, name: str, org: OrgType, form: str, town: str, funded: bool = True) -> Partner:
    return Partner(
        id=pid,
        name=name,
        org_type=org,
        legal_form=form,
        enterprise_number=KBO[i % len(KBO)],
        address=Address(street=f"Marktplein {i + 1}", postcode=f"{2640 + i}", municipality=town),
        contact=ContactPerson(
            name=f"An Voorbeeld {i}", email=f"an{i}@{pid}.example.org", phone="000 00 00 00"
        ),
        vat_status=(
            VatStatus.NIET_BTW_PLICHTIG
            if org in (OrgType.LOKAAL_BESTUUR, OrgType.OCMW)
            else VatStatus.VRIJGESTELD
            if org is not OrgType.SOCIALE_ECONOMIE
            else VatStatus.BTW_PLICHTIG
        ),
        funded=funded,
        representative=Representative(
            name=f"Jan Peeters {i}",
            function="burgemeester" if org is OrgType.LOKAAL_BESTUUR else "voorzitter",
            mandate=Mandate(
                body="de gemeenteraad" if org is OrgType.LOKAAL_BESTUUR else "de raad van bestuur",
                decision_date=date(2023, 2, 27),
                reference=f"2023/{40 + i}",
            ),
        ),
        dpo_contact=f"dpo@{pid}.example.org",
    )


def rich_dossier() -> Dossier:
    """Return a dossier in which every clause has data: no point to discuss is left."""
    partners = [
        _partner(0, "mortsel", "Stad Mortsel", OrgType.LOKAAL_BESTUUR, "gemeente", "Mortsel"),
        _partner(1, "boechout", "Gemeente Boechout", OrgType.LOKAAL_BESTUUR, "gemeente", "Boechout"),
        _partner(2, "stw", "STW vzw", OrgType.SOCIALE_ECONOMIE, "vzw", "Mortsel"),
        _partner(3, "ocmw", "OCMW Edegem", OrgType.OCMW, "OCMW", "Edegem"),
        _partner(4, "cvo", "CVO Vitant", OrgType.OPLEIDINGSVERSTREKKER, "vzw", "Kontich", funded=False),
    ]

    def role(rid: str, pid: str, key: str, objectives: list[Objective], amount: int) -> RoleAssignment:
        return RoleAssignment(
            id=rid,
            partner_id=pid,
            role=key,
            objectives=objectives,
            engagement=f"{pid} zet zich in als {key} met duidelijke taken.",
            capacity="0,5 VTE",
            budget=Budget(
                loonkosten=Decimal(amount),
                werkingskosten=Decimal(amount // 4),
                externe_prestaties=Decimal(1000),
            ),
        )

    d = Dossier(
        identity=Identity(
            name="Digibank ZORA Werkt",
            call=CallKind.IMPLEMENTATIETRAJECT,
            werkingsgebied=["Mortsel", "Boechout", "Edegem", "Kontich"],
            period=Period(start=date(2023, 1, 1), end=date(2024, 12, 31)),
            summary="Een bovenlokale digibank met een uitleendienst van 90 laptops.",
        ),
        partners=partners,
        custom_roles=[CustomRole(key="buurtwerk", label="Buurtwerking")],
        roles=[
            role("r1", "mortsel", "promotor", ALL, 60000),
            role("r2", "mortsel", "digipunt_host", [Objective.ONDERSTEUNING], 40000),
            role("r3", "boechout", "toeleider", [Objective.ONDERSTEUNING], 20000),
            role("r4", "stw", "uitleendienst", [Objective.TOEGANG], 50000),
            role("r5", "stw", "refurbisher", [Objective.TOEGANG], 30000),
            role("r6", "ocmw", "toeleider", [Objective.ONDERSTEUNING], 15000),
            role("r7", "cvo", "trainer", [Objective.VAARDIGHEDEN], 0).model_copy(update={"budget": Budget()}),
            role("r8", "ocmw", "buurtwerk", [Objective.VAARDIGHEDEN], 10000),
        ],
        flows=[
            Flow(id="f1", type=FlowType.REFERRAL, source_partner_id="ocmw", target_partner_id="mortsel"),
            Flow(
                id="f2",
                type=FlowType.DEVICES,
                source_partner_id="stw",
                target_partner_id="mortsel",
                description="90 laptops per jaar",
            ),
            Flow(id="f3", type=FlowType.SUBSIDY, source_partner_id="mortsel", target_partner_id="stw"),
            Flow(
                id="f4",
                type=FlowType.DATA_EXCHANGE,
                source_partner_id="boechout",
                target_partner_id="mortsel",
                description="aanmeldingen",
            ),
            Flow(id="f5", type=FlowType.TRAINING, source_partner_id="cvo", target_partner_id=None),
        ],
        access_points=[
            AccessPoint(
                id="a1",
                name="Digipunt bibliotheek Mortsel",
                host_partner_id="mortsel",
                municipality="Mortsel",
                address="Gemeenteplein 1",
                opening_hours="ma-vr 9-12",
                accessibility="rolstoeltoegankelijk",
                objectives=ALL,
            ),
            AccessPoint(
                id="a2",
                name="Digibus",
                host_partner_id="stw",
                municipality="Boechout",
                address="wisselende standplaatsen",
                opening_hours="do 13-17",
            ),
        ],
        governance={
            "stuurgroep": Stuurgroep(
                member_partner_ids=["mortsel", "boechout", "stw", "ocmw", "cvo"],
                chair_partner_id="mortsel",
                frequency="maandelijks",
                decision_rule="consensus",
            ),
            "werkgroepen": [
                Werkgroep(
                    id="w1",
                    name="Werkgroep digipunten",
                    purpose="afstemming",
                    member_partner_ids=["mortsel", "stw"],
                    frequency="tweewekelijks",
                )
            ],
            "klankbordgroep": Klankbordgroep(composition="vijf gebruikers", frequency="elke zes weken"),
            "narrative": "Het kernteam komt wekelijks samen.",
        },
        strategy={
            "doelgroep": {
                "target_groups": [
                    TargetGroup(
                        id="t1",
                        name="Kortgeschoolden",
                        estimated_number=800,
                        needs="basisvaardigheden",
                        priority=True,
                    )
                ],
                "narrative": "We richten ons op kortgeschoolden.",
            },
            "outreach": {
                "channels": [
                    OutreachChannel(
                        id="c1",
                        description="Maatschappelijk werkers",
                        toeleider_partner_ids=["ocmw"],
                        target_group_ids=["t1"],
                    )
                ],
                "narrative": "Warme doorverwijzing.",
            },
            "sociale_economie": {
                "activities": [
                    SocialEconomyActivity(id="s1", partner_id="stw", activity="laptops opknappen", jobs=4)
                ],
                "narrative": "STW vzw knapt toestellen op.",
            },
            "circulariteit": {
                "devices": [
                    DeviceLine(
                        id="d1",
                        device_type="laptop",
                        source="schenking bedrijven",
                        collected=120,
                        refurbished=100,
                        lent=90,
                        end_of_life="recyclage via Recupel",
                    )
                ],
                "responsible_partner_id": "stw",
                "narrative": "Tweedehands eerst.",
            },
            "duurzaamheid": {
                "financing_after_subsidy": [
                    FinancingSource(id="fs1", source="Gemeentebudget", amount=Decimal(20000), secured=True)
                ],
                "scaling_steps": [
                    ScalingStep(id="sc1", description="Uitbreiding naar Lint", planned=date(2024, 9, 1))
                ],
                "narrative": "De gemeenten nemen de werking over.",
            },
            "connectiviteit": {
                "measures": [
                    {
                        "id": "m1",
                        "kind": "wifi_digipunt",
                        "description": "Gratis wifi",
                        "partner_id": "mortsel",
                    }
                ],
                "narrative": "Wifi in elk digipunt.",
            },
            "impactmeting": {
                "indicators": [
                    Indicator(
                        id="i1",
                        name="Unieke gebruikers",
                        type=IndicatorType.OUTPUT,
                        unit="personen",
                        baseline=Decimal(0),
                        target=Decimal(1000),
                        source="registratie",
                        frequency="per kwartaal",
                        owner_partner_id="mortsel",
                    )
                ],
                "narrative": "Nulmeting en periodieke meting.",
            },
        },
        processing=[
            ProcessingActivity(
                id="p1",
                name="Registratie van gebruikers",
                purpose="rapportering",
                data_categories="naam, postcode",
                retention="5 jaar",
                legal_basis=GdprLegalBasis.PUBLIC_TASK,
                legal_basis_detail="BVR van 17 december 2021",
                data_subjects="gebruikers van de digibank",
                recipients="de partijen; geaggregeerd aan WSE",
                contact_point_partner_id="mortsel",
                roles=[
                    ProcessingRole(partner_id="mortsel", role=GdprRole.JOINT_CONTROLLER),
                    ProcessingRole(partner_id="boechout", role=GdprRole.JOINT_CONTROLLER),
                    ProcessingRole(partner_id="stw", role=GdprRole.PROCESSOR),
                ],
            ),
        ],
        planning={
            "milestones": [
                Milestone(id="ms1", title="Start uitleendienst", due=date(2023, 3, 1), owner_partner_id="stw")
            ],
            "narrative": "Gefaseerde opstart.",
        },
        signatories=[
            Signatory(id=f"s-{pid}", partner_id=pid, name=f"Els Directeur {i}", function="algemeen directeur")
            for i, pid in enumerate(("mortsel", "boechout", "ocmw"))
        ],
        lending=LendingPolicy(
            loan_term_days=90,
            extensions=2,
            long_term=True,
            long_term_months=12,
            deposit=Decimal("25.00"),
            insured_by_partner_id="stw",
            insurance="diefstal en schade",
            end_of_loan=EndOfLoan.RETURN_OR_DONATION,
            donation_conditions="na drie jaar gebruik",
            revision_partner_id="stw",
            revision="wissen en herinstalleren",
            reuse_cycles=4,
            eligibility="Volwassenen uit de doelgroep.",
            notes="Afspraken over toebehoren.",
        ),
    )
    return d


def bare_dossier(call: CallKind = CallKind.VERLENGING) -> Dossier:
    """Return a dossier with a name and one partner: nearly every clause falls back to a default."""
    return Dossier(
        identity=Identity(name="Digibank in opstart", call=call),
        partners=[Partner(id="p1", name="Gemeente Zonder Gegevens")],
    )


HOSTILE = "Jansen & Zn <b>\"x\"</b> 'y' {{ 7*7 }} {% if %} {_{ }_} 🚀 مرحبا \x0b"


def hostile_dossier(long_text: int = 15000) -> tuple[Dossier, list[str]]:
    """Return the rich dossier with every free-text field hostile and unique, and those values.

    The values returned are what the model keeps (control characters stripped): what the
    documents must show exactly.
    """
    dossier = rich_dossier()
    counter = iter(range(1, 100_000))

    def poison(obj: BaseModel) -> None:
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, BaseModel):
                poison(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, BaseModel):
                        poison(item)
            elif type(value) is str and name not in _NOT_FREE and not name.endswith("_id"):
                setattr(obj, name, f"{HOSTILE} #{next(counter)}")

    poison(dossier)
    dossier.identity.werkingsgebied = [f"{HOSTILE} gemeente {i}" for i in range(2)]
    dossier.strategy.doelgroep.narrative = (HOSTILE + " lang\nregel twee\t(tab)\n") * (long_text // 80)
    # Validation applies the model's cleaning, as it does for everything a user saves.
    hostile = Dossier.model_validate(dossier.model_dump())
    return hostile, sorted(set(_strings(hostile)))


# Fields that are not free text: ids, keys and fields with a pattern.
_NOT_FREE = {"id", "role", "key", "email", "phone", "postcode", "enterprise_number", "schema_version"}
_MARK = HOSTILE.replace("\x0b", "")


def _strings(value: Any) -> list[str]:
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields for s in _strings(getattr(value, name))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, str) and _MARK in value:
        return [value]
    return []
