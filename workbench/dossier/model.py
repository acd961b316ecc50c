"""The partnership dossier as pydantic models: the language of the whole program."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from workbench.dossier.fields import *  # noqa: F403 - the model is the one place to import dossier types from
from workbench.dossier.fields import EnterpriseNumber, Id, Line, Model, Money, Name, Text
from workbench.dossier.references import dangling_references
from workbench.dossier.strategy import *  # noqa: F403
from workbench.dossier.strategy import (
    Strategy,
)
from workbench.dossier.vocabulary import *  # noqa: F403
from workbench.dossier.vocabulary import (
    ROLE_CATALOGUE,
    AccessPointKind,
    CallKind,
    DossierStatus,
    FlowType,
    GdprRole,
    Objective,
    OrgType,
    VatStatus,
)

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
