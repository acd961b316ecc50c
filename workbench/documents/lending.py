"""The lending annex written from the dossier's lending policy, not fixed text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.dossier.model import EndOfLoan

if TYPE_CHECKING:
    from workbench.documents.builder import Builder


def rules(b: Builder) -> list[str]:
    """Return the rules of the uitleenreglement, one sentence each, from the lending policy."""
    place = "uitleendienst"
    policy = b.dossier.lending
    lines = [policy.eligibility or b.t("documents.lending.eligibility_default")]
    if policy.loan_term_days:
        term = b.t("documents.lending.term_days", days=b.plural("documents.days", policy.loan_term_days))
    else:
        term = b.todo(place, "loan_term")
    if policy.extensions is not None:
        term += " " + b.t(
            "documents.lending.extensions", count=b.plural("documents.times", policy.extensions)
        )
    lines.append(term)
    if policy.long_term:
        months = policy.long_term_months
        lines.append(
            b.t("documents.lending.long_term", months=b.plural("documents.months", months))
            if months
            else b.todo(place, "long_term_months")
        )
    lines.append(
        b.t("documents.lending.fee", amount=b.money(policy.fee))
        if policy.fee
        else b.t("documents.lending.free")
    )
    lines.append(
        b.t("documents.lending.deposit", amount=b.money(policy.deposit))
        if policy.deposit
        else b.t("documents.lending.no_deposit")
    )
    insurer = b.name(policy.insured_by_partner_id) if policy.insured_by_partner_id else ""
    if insurer or policy.insurance:
        lines.append(
            b.t(
                "documents.lending.insurance",
                who=insurer or b.t("documents.lending.owner"),
                what=policy.insurance or "–",
            )
        )
    else:
        lines.append(b.todo(place, "insurance"))
    reviser = b.name(policy.revision_partner_id) if policy.revision_partner_id else ""
    lines.append(
        b.t(
            "documents.lending.revision",
            who=reviser or b.t("documents.lending.operator"),
            how=policy.revision or b.t("documents.lending.revision_default"),
        )
    )
    if policy.end_of_loan is EndOfLoan.RETURN:
        end = b.t("documents.lending.end_return")
        if policy.donation_conditions:
            end += " " + b.t("documents.lending.donation_note", conditions=policy.donation_conditions)
        lines.append(end)
    else:
        conditions = policy.donation_conditions or b.todo(place, "donation_conditions")
        key = "end_donation" if policy.end_of_loan is EndOfLoan.DONATION else "end_return_or_donation"
        lines.append(b.t(f"documents.lending.{key}", conditions=conditions))
    if policy.reuse_cycles:
        lines.append(b.t("documents.lending.reuse", loans=b.plural("documents.loans", policy.reuse_cycles)))
    lines.append(b.t("documents.lending.care"))
    if policy.notes:
        lines.append(policy.notes)
    return lines
