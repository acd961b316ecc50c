"""Read-only tables the step pages show above their forms, headed in the user's words."""

from __future__ import annotations

from decimal import Decimal

from workbench.dossier.model import Dossier, OrgType, VatStatus
from workbench.guide.labels import enum_label, role_name
from workbench.i18n import fmt_money, t


def partner_table(dossier: Dossier, lang: str) -> list[dict[str, str]]:
    """One row per partner: name, type, enterprise number, VAT status, funded, roles."""
    roles: dict[str, list[str]] = {}
    for r in dossier.roles:
        roles.setdefault(r.partner_id, []).append(role_name(dossier, r.role, lang))
    return [
        {
            t("label.partner.name", lang): p.name,
            t("field.org_type", lang): enum_label(p.org_type, OrgType, lang),
            t("field.enterprise_number", lang): p.enterprise_number or "",
            t("field.vat_status", lang): enum_label(p.vat_status, VatStatus, lang),
            t("field.funded", lang): t("form.yes" if p.funded else "form.no", lang),
            t("field.roles", lang): ", ".join(dict.fromkeys(roles.get(p.id, []))),
        }
        for p in dossier.partners
    ]


def role_matrix(dossier: Dossier, lang: str) -> list[dict[str, str]]:
    """One row per partner, one column per role in use, with the role's budget (or a tick)."""
    used = list(dict.fromkeys(r.role for r in dossier.roles))
    rows = []
    for p in dossier.partners:
        row = {t("form.organisation", lang): p.name}
        for key in used:
            held = [r for r in dossier.roles if r.partner_id == p.id and r.role == key]
            total = sum((r.budget.total for r in held), Decimal(0))
            # A custom role named like the first column must not overwrite it.
            header = role_name(dossier, key, lang)
            header = header if header not in row else f"{header} ({key})"
            row[header] = (fmt_money(total, lang) if total else "✓") if held else ""
        rows.append(row)
    return rows
