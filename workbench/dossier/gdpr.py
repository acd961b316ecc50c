"""GDPR consistency: partners that process personal data outside the register, activities without a basis.

Consistency checks: a partner that hosts a digipunt or runs the lending service processes
personal data of visitors and borrowers; the register must say in which processing.
"""

from __future__ import annotations

from workbench.dossier.model import Dossier, GdprLegalBasis
from workbench.dossier.problems import Problem

# Roles whose holders meet the people the digibank serves.
_PROCESSING_ROLES = ("digipunt_host", "uitleendienst")


def processors_needed(dossier: Dossier) -> list[tuple[str, str]]:
    """List (partner id, role) of partners whose role processes personal data but who are in no processing."""
    involved = {pr.partner_id for act in dossier.processing for pr in act.roles}
    found = []
    for p in dossier.partners:
        for role in dossier.held_roles(p.id):
            if role in _PROCESSING_ROLES and p.id not in involved:
                found.append((p.id, role))
                break
    return found


def problems(dossier: Dossier) -> list[Problem]:
    """Return the register's gaps: partners processing data outside it, activities without a legal basis."""
    found = [
        Problem(
            code="rule.gdpr_partner_missing",
            severity="warning",
            loc=("processing",),
            params={"partner": dossier.partner(pid).name, "role": role},  # type: ignore[union-attr]
        )
        for pid, role in processors_needed(dossier)
    ]
    for i, act in enumerate(dossier.processing):
        if act.legal_basis is GdprLegalBasis.UNKNOWN and act.roles:
            found.append(
                Problem(
                    code="rule.gdpr_no_legal_basis",
                    severity="warning",
                    loc=("processing", i, "legal_basis"),
                    params={"activity": act.name},
                    names={1: act.name},
                )
            )
    return found
