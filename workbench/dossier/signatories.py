"""Who signs for a party under public or private law, and who acts for a body without legal personality.

The organs and functions per legal form are data (data/legal_forms.toml). A gemeente signs with
its burgemeester and algemeen directeur on a decision of the gemeenteraad or the college; an
interlokale vereniging has no legal personality and acts through its beheersgemeente.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workbench.dossier.model import Dossier, Partner

_FORMS_FILE = Path(__file__).parents[1] / "data" / "legal_forms.toml"


@dataclass(frozen=True)
class LegalForm:
    """What a legal form means for signing and for the agreement's other clauses."""

    key: str
    match: tuple[str, ...]
    org_types: tuple[str, ...]
    legal_personality: bool
    public_body: bool
    undertaking: bool
    signatories: tuple[str, ...]
    deciding_bodies: tuple[str, ...]
    basis: str
    basis_confirmed: bool


@cache
def legal_forms() -> dict[str, LegalForm]:
    """Return every legal form of the data file, in file order."""
    raw = tomllib.loads(_FORMS_FILE.read_text(encoding="utf-8"))
    return {
        key: LegalForm(
            key=key,
            match=tuple(v["match"]),
            org_types=tuple(v["org_types"]),
            legal_personality=v["legal_personality"],
            public_body=v["public_body"],
            undertaking=v["undertaking"],
            signatories=tuple(v["signatories"]),
            deciding_bodies=tuple(v["deciding_bodies"]),
            basis=v["basis"],
            basis_confirmed=v["basis_confirmed"],
        )
        for key, v in raw.items()
    }


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[\wöë]+", text.lower())) + " "


def legal_form(partner: Partner) -> LegalForm:
    """Return the legal form a partner has: by its legal form text, else by its organisation type."""
    forms = legal_forms()
    words = _words(partner.legal_form)
    for form in forms.values():
        if any(f" {w} " in words for w in form.match):
            return form
    for form in forms.values():
        if partner.org_type.value in form.org_types:
            return form
    return forms["andere"]


def acting_party(dossier: Dossier, partner: Partner) -> Partner:
    """Return who acts in law for a partner: itself, or the party it acts through."""
    if partner.legal_personality or not partner.acts_via_partner_id:
        return partner
    via = dossier.partner(partner.acts_via_partner_id)
    return via if via is not None and via.id != partner.id else partner


# ---------------------------------------------------------------- persons and decisions


def persons(dossier: Dossier, partner: Partner) -> list[tuple[str, str, str]]:
    """List (name, function, delegation) of everyone signing for a partner, representative first."""
    found = []
    rep = partner.representative
    if rep.name or rep.function:
        found.append((rep.name, rep.function, ""))
    found += [(s.name, s.function, s.delegation) for s in dossier.signatories_of(partner.id)]
    return found


def missing_functions(dossier: Dossier, partner: Partner) -> list[str]:
    """List the functions the legal form needs that nobody signing for the partner holds."""
    held = " ".join(_words(f) for _, f, _ in persons(dossier, partner))
    return [f for f in legal_form(partner).signatories if _words(f) not in held]
