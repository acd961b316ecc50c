"""The partnership dossier as pydantic models: the language of the whole program."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from workbench.dossier.fields import *  # noqa: F403 - the model is the one place to import dossier types from
from workbench.dossier.fields import EnterpriseNumber, Id, Line, Model, Name, Text
from workbench.dossier.references import dangling_references
from workbench.dossier.strategy import *  # noqa: F403
from workbench.dossier.strategy import (
    Strategy,
)
from workbench.dossier.terms import *  # noqa: F403
from workbench.dossier.terms import Budget, FundingLine, FundingStream, LendingPolicy, Signatory, Trajectory
from workbench.dossier.vocabulary import *  # noqa: F403
from workbench.dossier.vocabulary import (
    ROLE_CATALOGUE,
    AccessPointKind,
    CallKind,
    DossierStatus,
    FlowType,
    GdprLegalBasis,
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
    effect_from_period_start: bool = Field(
        default=False, title="The agreement takes effect from the start of the project period"
    )


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
    # An interlokale vereniging has no legal personality: it contracts through another party.
    legal_personality: bool = Field(default=True, title="Has legal personality")
    acts_via_partner_id: Id | None = None


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
    start: date | None = Field(default=None, title="Holds the role from")
    end: date | None = Field(default=None, title="Holds the role until")
    # A body that takes over a role from another on `start` (a change of implementing body).
    takes_over_from_partner_id: Id | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> RoleAssignment:
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("period_order", "end before start")
        return self


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
    legal_basis: GdprLegalBasis = GdprLegalBasis.UNKNOWN
    legal_basis_detail: Line = Field(default="", title="Legal basis in detail (decree, task, ...)")
    data_subjects: Line = Field(default="", title="Categories of data subjects")
    recipients: Line = Field(default="", title="Recipients")
    special_categories: Line = Field(default="", title="Special categories of data (art. 9), if any")
    security: Text = Field(default="", title="Technical and organisational measures")
    transfers: Line = Field(default="", title="Transfers outside the EEA, if any")
    contact_point_partner_id: Id | None = None


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
    signatories: list[Signatory] = Field(default_factory=list, max_length=2000)
    funding_streams: list[FundingStream] = Field(default_factory=list, max_length=50)
    funding_lines: list[FundingLine] = Field(default_factory=list, max_length=2000)
    trajectories: list[Trajectory] = Field(default_factory=list, max_length=10)
    lending: LendingPolicy = Field(default_factory=LendingPolicy)

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
        """Return the partners holding a role, in partner order (hosting a digipunt is that role)."""
        if role == "digipunt_host":
            return self.hosts()
        holders = {r.partner_id for r in self.roles if r.role == role}
        return [p for p in self.partners if p.id in holders]

    def budget_total(self) -> Decimal:
        """Return the call's share: the summed budget of every role assignment."""
        return sum((r.budget.total for r in self.roles), Decimal(0))

    def cofunding_total(self) -> Decimal:
        """Return what the other funding streams pay (the budget lines outside the call)."""
        return sum((line.budget.total for line in self.funding_lines), Decimal(0))

    def hosts(self) -> list[Partner]:
        """Return the partners hosting a digipunt: by role or by the digipunten they host."""
        ids = {r.partner_id for r in self.roles if r.role == "digipunt_host"}
        ids |= {a.host_partner_id for a in self.access_points if a.host_partner_id}
        return [p for p in self.partners if p.id in ids]

    def held_roles(self, partner_id: str) -> list[str]:
        """Return the roles a partner holds, hosting a digipunt included when it hosts one."""
        roles = list(dict.fromkeys(r.role for r in self.roles if r.partner_id == partner_id))
        if "digipunt_host" not in roles and any(a.host_partner_id == partner_id for a in self.access_points):
            roles.append("digipunt_host")
        return roles

    def signatories_of(self, partner_id: str) -> list[Signatory]:
        """Return the persons signing for one partner, in the order given."""
        return [s for s in self.signatories if s.partner_id == partner_id]
