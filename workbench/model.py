"""The partnership dossier as pydantic models: the language of the whole program."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError
from stdnum.be import vat as belgian_enterprise_number

SCHEMA_VERSION = 1

# XML 1.0 forbids these; Word users paste them (vertical tab, form feed, ...).
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(value: str) -> str:
    """Normalise line breaks and drop control characters that XML cannot carry."""
    return _FORBIDDEN_CONTROL.sub("", _LINE_BREAKS.sub("\n", value))


def clean_line(value: str) -> str:
    """Clean a single-line value: no line breaks, no control characters, trimmed."""
    return " ".join(clean_text(value).replace("\t", " ").split("\n")).strip()


def _enterprise_number(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        digits = belgian_enterprise_number.validate(value)
    except Exception as exc:  # stdnum raises its own ValidationError family
        raise PydanticCustomError(
            "enterprise_number", "invalid enterprise number {value}", {"value": value}
        ) from exc
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _cleaned(clean: Callable[[str], str]) -> BeforeValidator:
    # Clean before the length checks: "   " must count as empty, not as three characters.
    return BeforeValidator(lambda value: clean(value) if isinstance(value, str) else value)


Line = Annotated[str, _cleaned(clean_line), Field(max_length=300)]
Name = Annotated[str, _cleaned(clean_line), Field(min_length=1, max_length=200)]
Text = Annotated[str, _cleaned(clean_text), Field(max_length=20_000)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Money = Annotated[Decimal, Field(ge=0, le=100_000_000, max_digits=12, decimal_places=2)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
EnterpriseNumber = Annotated[
    str | None,
    Field(max_length=30, description="KBO enterprise number, 10 digits with mod-97 check"),
    AfterValidator(_enterprise_number),
]


def new_id() -> str:
    """Return a short random id for a new partner, role, flow, ..."""
    return uuid.uuid4().hex[:10]


class Model(BaseModel):
    """Base for every dossier model: unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)


# ---------------------------------------------------------------- vocabularies


class CallKind(StrEnum):
    VOORTRAJECT = "voortraject"
    IMPLEMENTATIETRAJECT = "implementatietraject"
    VERLENGING = "verlenging"


class DossierStatus(StrEnum):
    CONCEPT = "concept"
    IN_REVIEW = "in_review"
    READY = "ready"


class OrgType(StrEnum):
    LOKAAL_BESTUUR = "lokaal_bestuur"
    OCMW = "ocmw"
    INTERGEMEENTELIJK = "intergemeentelijk"
    VZW = "vzw"
    SOCIALE_ECONOMIE = "sociale_economie"
    OPLEIDINGSVERSTREKKER = "opleidingsverstrekker"
    BEDRIJF = "bedrijf"
    KENNISINSTELLING = "kennisinstelling"
    VDAB = "vdab"
    ANDERE = "andere"


class VatStatus(StrEnum):
    ONBEKEND = "onbekend"
    BTW_PLICHTIG = "btw_plichtig"
    VRIJGESTELD = "vrijgesteld"
    GEMENGD = "gemengd"


class Objective(StrEnum):
    TOEGANG = "toegang"
    VAARDIGHEDEN = "vaardigheden"
    ONDERSTEUNING = "ondersteuning"


class CostCategory(StrEnum):
    LOONKOSTEN = "loonkosten"
    WERKINGSKOSTEN = "werkingskosten"
    EXTERNE_PRESTATIES = "externe_prestaties"


class FlowType(StrEnum):
    REFERRAL = "referral"
    DEVICES = "devices"
    TRAINING = "training"
    SUBSIDY = "subsidy"
    DATA_EXCHANGE = "data_exchange"
    EXPERTISE = "expertise"


class AccessPointKind(StrEnum):
    VAST = "vast"
    MOBIEL = "mobiel"
    HYBRIDE = "hybride"


class GdprRole(StrEnum):
    CONTROLLER = "controller"
    PROCESSOR = "processor"
    JOINT_CONTROLLER = "joint_controller"


class IndicatorType(StrEnum):
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class ConnectivityKind(StrEnum):
    WIFI_DIGIPUNT = "wifi_digipunt"
    MOBIELE_HOTSPOT = "mobiele_hotspot"
    SOCIAAL_TARIEF = "sociaal_tarief"
    INTERNETBOX = "internetbox"
    ANDERE = "andere"


# Roles seen in the field (DOMAIN section 3); dossiers may add their own.
ROLE_CATALOGUE: tuple[str, ...] = (
    "promotor",
    "partner",
    "coordinator",
    "toeleider",
    "digipunt_host",
    "trainer",
    "refurbisher",
    "uitleendienst",
    "hardware_donor",
    "outreach",
    "expertise",
    "connectiviteit",
    "vrijwilligers",
    "regionale_ondersteuning",
)

SECTION_KEYS: tuple[str, ...] = (
    "doelgroep",
    "outreach",
    "sociale_economie",
    "circulariteit",
    "duurzaamheid",
    "connectiviteit",
    "impactmeting",
)
SectionKey = Literal[
    "doelgroep",
    "outreach",
    "sociale_economie",
    "circulariteit",
    "duurzaamheid",
    "connectiviteit",
    "impactmeting",
]


# ---------------------------------------------------------------- identity


class Period(Model):
    start: date | None = Field(default=None, title="Start date")
    end: date | None = Field(default=None, title="End date")

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("period_order", "end before start")
        return self


class Identity(Model):
    name: Name = Field(title="Name of the partnership")
    call: CallKind = Field(title="Call profile")
    werkingsgebied: list[Name] = Field(default_factory=list, max_length=100, title="Municipalities")
    period: Period = Field(default_factory=Period)
    status: DossierStatus = DossierStatus.CONCEPT
    summary: Text = Field(default="", title="Short description")


# ---------------------------------------------------------------- partners


class Address(Model):
    street: Line = ""
    postcode: Annotated[str, Field(pattern=r"^(\d{4})?$")] = ""
    municipality: Line = ""


class ContactPerson(Model):
    name: Line = ""
    email: Annotated[str, Field(max_length=254, pattern=r"^([^@\s]+@[^@\s]+\.[^@\s]+)?$")] = ""
    phone: Annotated[str, Field(max_length=40, pattern=r"^[0-9+() ./-]*$")] = ""


class Mandate(Model):
    """Who authorised the representative to sign (e.g. the gemeenteraad on a date)."""

    body: Line = Field(default="", title="Authorising body")
    decision_date: date | None = Field(default=None, title="Date of the decision")
    reference: Line = Field(default="", title="Reference of the decision")


class Representative(Model):
    name: Line = ""
    function: Line = ""
    mandate: Mandate = Field(default_factory=Mandate)


class Partner(Model):
    id: Id
    name: Name
    org_type: OrgType = OrgType.ANDERE
    legal_form: Line = Field(default="", title="Legal form (gemeente, vzw, bv, ...)")
    enterprise_number: EnterpriseNumber = None
    address: Address = Field(default_factory=Address)
    contact: ContactPerson = Field(default_factory=ContactPerson)
    vat_status: VatStatus = VatStatus.ONBEKEND
    funded: bool = Field(default=False, title="Receives part of the subsidy")
    representative: Representative = Field(default_factory=Representative)
    dpo_contact: Line = Field(default="", title="Data protection officer (contact)")


class Budget(Model):
    loonkosten: Money = Decimal(0)
    werkingskosten: Money = Decimal(0)
    externe_prestaties: Money = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.loonkosten + self.werkingskosten + self.externe_prestaties


class CustomRole(Model):
    key: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]
    label: Name


class RoleAssignment(Model):
    id: Id
    partner_id: Id
    role: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]
    objectives: list[Objective] = Field(default_factory=list)
    engagement: Text = Field(default="", title="What the partner commits to")
    capacity: Line = Field(default="", title="Capacity (FTE, hours, devices, ...)")
    budget: Budget = Field(default_factory=Budget)


class Flow(Model):
    id: Id
    type: FlowType
    source_partner_id: Id | None = None
    target_partner_id: Id | None = None
    description: Text = ""


class AccessPoint(Model):
    id: Id
    name: Name
    kind: AccessPointKind = AccessPointKind.VAST
    host_partner_id: Id | None = None
    municipality: Line = ""
    address: Line = ""
    opening_hours: Line = Field(default="", title="Opening hours")
    accessibility: Text = Field(default="", title="Accessibility")
    objectives: list[Objective] = Field(default_factory=list)


# ---------------------------------------------------------------- governance


class Stuurgroep(Model):
    member_partner_ids: list[Id] = Field(default_factory=list)
    chair_partner_id: Id | None = None
    frequency: Line = ""
    decision_rule: Line = Field(default="", title="Decision rule (consensus, majority, ...)")


class Werkgroep(Model):
    id: Id
    name: Name
    purpose: Text = ""
    member_partner_ids: list[Id] = Field(default_factory=list)
    frequency: Line = ""


class Klankbordgroep(Model):
    composition: Text = ""
    frequency: Line = ""


class Governance(Model):
    stuurgroep: Stuurgroep = Field(default_factory=Stuurgroep)
    werkgroepen: list[Werkgroep] = Field(default_factory=list, max_length=50)
    klankbordgroep: Klankbordgroep = Field(default_factory=Klankbordgroep)
    narrative: Text = ""


# ---------------------------------------------------------------- strategy sections


class TargetGroup(Model):
    id: Id
    name: Name
    estimated_number: Count | None = None
    needs: Text = ""
    priority: bool = False


class DoelgroepSection(Model):
    target_groups: list[TargetGroup] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class OutreachChannel(Model):
    id: Id
    description: Name
    toeleider_partner_ids: list[Id] = Field(default_factory=list)
    target_group_ids: list[Id] = Field(default_factory=list)


class OutreachSection(Model):
    channels: list[OutreachChannel] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class SocialEconomyActivity(Model):
    id: Id
    partner_id: Id
    activity: Name
    jobs: Count | None = Field(default=None, title="Jobs or work placements involved")


class SocialeEconomieSection(Model):
    activities: list[SocialEconomyActivity] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class DeviceLine(Model):
    id: Id
    device_type: Name = Field(title="Device type (laptop, tablet, ...)")
    source: Line = Field(default="", title="Where the devices come from")
    collected: Count = 0
    refurbished: Count = 0
    lent: Count = 0
    end_of_life: Text = Field(default="", title="What happens at end of life")


class CirculariteitSection(Model):
    devices: list[DeviceLine] = Field(default_factory=list, max_length=50)
    responsible_partner_id: Id | None = None
    narrative: Text = ""


class FinancingSource(Model):
    id: Id
    source: Name
    amount: Money | None = None
    secured: bool = False


class ScalingStep(Model):
    id: Id
    description: Name
    planned: date | None = None


class DuurzaamheidSection(Model):
    financing_after_subsidy: list[FinancingSource] = Field(default_factory=list, max_length=50)
    scaling_steps: list[ScalingStep] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class ConnectivityMeasure(Model):
    id: Id
    kind: ConnectivityKind = ConnectivityKind.ANDERE
    description: Name
    partner_id: Id | None = None


class ConnectiviteitSection(Model):
    measures: list[ConnectivityMeasure] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class Indicator(Model):
    id: Id
    name: Name
    type: IndicatorType = IndicatorType.OUTPUT
    unit: Line = ""
    baseline: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    target: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    source: Line = Field(default="", title="Data source")
    frequency: Line = ""
    owner_partner_id: Id | None = None


class ImpactmetingSection(Model):
    indicators: list[Indicator] = Field(default_factory=list, max_length=100)
    narrative: Text = ""


class Strategy(Model):
    doelgroep: DoelgroepSection = Field(default_factory=DoelgroepSection)
    outreach: OutreachSection = Field(default_factory=OutreachSection)
    sociale_economie: SocialeEconomieSection = Field(default_factory=SocialeEconomieSection)
    circulariteit: CirculariteitSection = Field(default_factory=CirculariteitSection)
    duurzaamheid: DuurzaamheidSection = Field(default_factory=DuurzaamheidSection)
    connectiviteit: ConnectiviteitSection = Field(default_factory=ConnectiviteitSection)
    impactmeting: ImpactmetingSection = Field(default_factory=ImpactmetingSection)


SECTION_MODELS: dict[str, type[Model]] = {
    "doelgroep": DoelgroepSection,
    "outreach": OutreachSection,
    "sociale_economie": SocialeEconomieSection,
    "circulariteit": CirculariteitSection,
    "duurzaamheid": DuurzaamheidSection,
    "connectiviteit": ConnectiviteitSection,
    "impactmeting": ImpactmetingSection,
}


# ---------------------------------------------------------------- data protection, planning


class ProcessingRole(Model):
    partner_id: Id
    role: GdprRole


class ProcessingActivity(Model):
    id: Id
    name: Name
    purpose: Text = ""
    data_categories: Text = ""
    retention: Line = ""
    roles: list[ProcessingRole] = Field(default_factory=list, max_length=100)


class Milestone(Model):
    id: Id
    title: Name
    due: date | None = None
    owner_partner_id: Id | None = None


class Planning(Model):
    milestones: list[Milestone] = Field(default_factory=list, max_length=100)
    narrative: Text = ""


# ---------------------------------------------------------------- the dossier


class Dossier(Model):
    """One candidate partnership: everything its strategy and agreement need."""

    schema_version: Literal[1] = 1
    identity: Identity
    partners: list[Partner] = Field(default_factory=list, max_length=500)
    custom_roles: list[CustomRole] = Field(default_factory=list, max_length=50)
    roles: list[RoleAssignment] = Field(default_factory=list, max_length=2000)
    flows: list[Flow] = Field(default_factory=list, max_length=5000)
    access_points: list[AccessPoint] = Field(default_factory=list, max_length=500)
    governance: Governance = Field(default_factory=Governance)
    strategy: Strategy = Field(default_factory=Strategy)
    processing: list[ProcessingActivity] = Field(default_factory=list, max_length=100)
    planning: Planning = Field(default_factory=Planning)

    @model_validator(mode="after")
    def _references_exist(self) -> Dossier:
        for loc, kind, value in dangling_references(self):
            raise PydanticCustomError(
                "unknown_reference",
                "{loc} refers to an unknown {kind} {value}",
                {"loc": loc, "kind": kind, "value": value},
            )
        return self

    def partner(self, partner_id: str | None) -> Partner | None:
        """Return the partner with this id, or None."""
        return next((p for p in self.partners if p.id == partner_id), None)

    def role_keys(self) -> tuple[str, ...]:
        """Return every role this dossier may use: the catalogue plus its own."""
        return ROLE_CATALOGUE + tuple(r.key for r in self.custom_roles)

    def partners_with_role(self, role: str) -> list[Partner]:
        """Return the partners holding a role, in partner order."""
        holders = {r.partner_id for r in self.roles if r.role == role}
        return [p for p in self.partners if p.id in holders]

    def budget_total(self) -> Decimal:
        """Return the summed budget of every role assignment."""
        return sum((r.budget.total for r in self.roles), Decimal(0))


def dangling_references(dossier: Dossier) -> list[tuple[tuple[Any, ...], str, str]]:
    """List (location, kind, value) for every duplicate id or reference to nothing."""
    found: list[tuple[tuple[Any, ...], str, str]] = []
    partners = {p.id for p in dossier.partners}

    def unique(items: list[Any], field: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                found.append(((field, i, "id"), "duplicate", item.id))
            seen.add(item.id)
        return seen

    def check(loc: tuple[Any, ...], value: str | None, known: set[str], kind: str) -> None:
        if value is not None and value not in known:
            found.append((loc, kind, value))

    unique(dossier.partners, "partners")
    for field in ("roles", "flows", "access_points", "processing"):
        unique(getattr(dossier, field), field)
    roles = set(dossier.role_keys())
    for i, r in enumerate(dossier.roles):
        check(("roles", i, "partner_id"), r.partner_id, partners, "partner")
        check(("roles", i, "role"), r.role, roles, "role")
    for i, f in enumerate(dossier.flows):
        check(("flows", i, "source_partner_id"), f.source_partner_id, partners, "partner")
        check(("flows", i, "target_partner_id"), f.target_partner_id, partners, "partner")
    for i, a in enumerate(dossier.access_points):
        check(("access_points", i, "host_partner_id"), a.host_partner_id, partners, "partner")
    sg = dossier.governance.stuurgroep
    for j, pid in enumerate(sg.member_partner_ids):
        check(("governance", "stuurgroep", "member_partner_ids", j), pid, partners, "partner")
    check(("governance", "stuurgroep", "chair_partner_id"), sg.chair_partner_id, partners, "partner")
    for i, w in enumerate(dossier.governance.werkgroepen):
        for j, pid in enumerate(w.member_partner_ids):
            loc = ("governance", "werkgroepen", i, "member_partner_ids", j)
            check(loc, pid, partners, "partner")
    s = dossier.strategy
    groups = {g.id for g in s.doelgroep.target_groups}
    for i, c in enumerate(s.outreach.channels):
        for j, pid in enumerate(c.toeleider_partner_ids):
            check(
                ("strategy", "outreach", "channels", i, "toeleider_partner_ids", j), pid, partners, "partner"
            )
        for j, gid in enumerate(c.target_group_ids):
            check(("strategy", "outreach", "channels", i, "target_group_ids", j), gid, groups, "target_group")
    for i, act in enumerate(s.sociale_economie.activities):
        check(
            ("strategy", "sociale_economie", "activities", i, "partner_id"),
            act.partner_id,
            partners,
            "partner",
        )
    check(
        ("strategy", "circulariteit", "responsible_partner_id"),
        s.circulariteit.responsible_partner_id,
        partners,
        "partner",
    )
    for i, measure in enumerate(s.connectiviteit.measures):
        check(
            ("strategy", "connectiviteit", "measures", i, "partner_id"),
            measure.partner_id,
            partners,
            "partner",
        )
    for i, ind in enumerate(s.impactmeting.indicators):
        check(
            ("strategy", "impactmeting", "indicators", i, "owner_partner_id"),
            ind.owner_partner_id,
            partners,
            "partner",
        )
    for i, p in enumerate(dossier.processing):
        for j, pr in enumerate(p.roles):
            check(("processing", i, "roles", j, "partner_id"), pr.partner_id, partners, "partner")
    for i, milestone in enumerate(dossier.planning.milestones):
        check(
            ("planning", "milestones", i, "owner_partner_id"), milestone.owner_partner_id, partners, "partner"
        )
    return found
