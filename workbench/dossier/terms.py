"""Dossier parts that the agreement's legal terms need: signatories, funding, trajectories, lending."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from workbench.dossier.fields import Count, Id, Line, Model, Money, Name, Text
from workbench.dossier.vocabulary import CallKind, EndOfLoan, FundingKind

__all__ = [
    "Budget",
    "FundingLine",
    "FundingStream",
    "LendingPolicy",
    "Signatory",
    "Trajectory",
]


class Budget(Model):
    """Amounts per cost category; which categories a stream may use is call data (calls.toml)."""

    loonkosten: Money = Decimal(0)
    werkingskosten: Money = Decimal(0)
    externe_prestaties: Money = Decimal(0)
    investeringen: Money = Field(
        default=Decimal("0.00"), title="Investments (only where the stream allows them)"
    )

    @property
    def total(self) -> Decimal:
        return self.loonkosten + self.werkingskosten + self.externe_prestaties + self.investeringen


class Signatory(Model):
    """One person who signs for a party, in a function (a gemeente signs with two)."""

    id: Id
    partner_id: Id
    name: Line = Field(default="", title="Name of the signatory")
    function: Line = Field(default="", title="Function (burgemeester, algemeen directeur, ...)")
    delegation: Line = Field(default="", title="Delegation or replacement, if any")


class FundingStream(Model):
    """A source of money besides the call: another public programme, own means, ..."""

    id: Id
    name: Name = Field(title="Name of the programme or source")
    kind: FundingKind = FundingKind.PUBLIC_PROGRAMME
    funder: Line = Field(default="", title="Funding authority")
    decision_reference: Line = Field(default="", title="Reference of the grant decision")
    decision_date: date | None = Field(default=None, title="Date of the grant decision")
    amount: Money | None = Field(default=None, title="Amount granted or committed")


class FundingLine(Model):
    """A budget line paid from a stream other than the call: who, in which role, how much."""

    id: Id
    stream_id: Id
    partner_id: Id
    role: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]
    description: Line = Field(default="", title="What the line pays for")
    budget: Budget = Field(default_factory=Budget)


class Trajectory(Model):
    """A linked trajectory of the same partnership (voortraject, implementatie, verlenging)."""

    id: Id
    call: CallKind
    start: date | None = Field(default=None, title="Start of the project period")
    end: date | None = Field(default=None, title="End of the project period")
    promotor_partner_id: Id | None = None
    requested: Money | None = Field(default=None, title="Subsidy requested")
    decision_date: date | None = Field(default=None, title="Date of the grant decision")
    decision_number: Line = Field(default="", title="Number of the grant decision")
    granted: Money | None = Field(default=None, title="Subsidy granted")

    @model_validator(mode="after")
    def _end_after_start(self) -> Trajectory:
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("period_order", "end before start")
        return self


class LendingPolicy(Model):
    """The lending rules as data: the lending annex is written from them."""

    loan_term_days: Count | None = Field(default=None, title="Loan term in days")
    long_term: bool = Field(default=False, title="Long-term loans (a device stays with the borrower)")
    long_term_months: Count | None = Field(default=None, title="Term of a long-term loan in months")
    extensions: Count | None = Field(default=None, title="Number of extensions allowed")
    deposit: Money | None = Field(default=None, title="Deposit (EUR, empty: none)")
    fee: Money | None = Field(default=None, title="Fee per loan (EUR, empty: free)")
    insured_by_partner_id: Id | None = None
    insurance: Line = Field(default="", title="Insurance (what it covers)")
    end_of_loan: EndOfLoan = EndOfLoan.RETURN
    donation_conditions: Text = Field(default="", title="When a device may be donated to the borrower")
    revision_partner_id: Id | None = None
    revision: Text = Field(default="", title="Check and wiping between two borrowers")
    reuse_cycles: Count | None = Field(default=None, title="Planned loans per device before end of life")
    eligibility: Text = Field(default="", title="Who may borrow")
    notes: Text = Field(default="", title="Other rules")
