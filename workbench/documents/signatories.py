"""Parties and signatures as document context: who acts for whom, on which decision, in clauses 1 and 22."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.dossier.model import Partner
from workbench.dossier.signatories import acting_party, legal_form, missing_functions, persons

if TYPE_CHECKING:
    from workbench.documents.builder import Builder


def party_label(b: Builder, partner: Partner) -> str:
    """Name the party that acts for a partner: "Stad X, handelend voor de interlokale vereniging Y"."""
    acting = acting_party(b.dossier, partner)
    if acting is partner:
        return partner.name
    return b.t("documents.acts_for", party=acting.name, body=partner.name)


def decision_text(b: Builder, partner: Partner, places: tuple[str, ...]) -> str:
    """Describe the authorising decision as typed; only what is missing becomes a point to discuss."""
    mandate = partner.representative.mandate
    if not mandate.body and not mandate.decision_date and not mandate.reference:
        return b.todo(places, "mandate", partner=partner.name)
    body = mandate.body or b.todo(places, "mandate_body", partner=partner.name)
    when = b.date(mandate.decision_date) if mandate.decision_date else None
    if when is None:
        when = b.todo(places, "mandate_date", partner=partner.name)
    text = b.t("documents.mandate", body=body, date=when)
    if mandate.reference:
        text += " " + b.t("documents.reference", reference=mandate.reference)
    return text


def _person_line(b: Builder, name: str, function: str, delegation: str) -> str:
    line = ", ".join(x for x in (name or b.t("documents.name_blank"), function) if x)
    return f"{line} ({delegation})" if delegation else line


def representation(b: Builder, partner: Partner, places: tuple[str, ...]) -> dict[str, Any]:
    """Return who represents a partner, on which basis, and what is still missing."""
    form = legal_form(partner)
    people = persons(b.dossier, partner)
    lines = [_person_line(b, *p) for p in people]
    for function in missing_functions(b.dossier, partner):
        b.todo(places, "signatory_missing", partner=partner.name, function=function, basis=form.basis)
        lines.append(b.t("documents.signatory_blank", function=function))
    if not lines:
        lines.append(b.todo(places, "representative", partner=partner.name))
    basis = ""
    if form.basis:
        if form.basis_confirmed:
            basis = b.t("documents.representation_basis", basis=form.basis)
        else:
            basis = b.todo(places, "basis_unconfirmed", partner=partner.name, basis=form.basis)
    return {"lines": lines, "text": "; ".join(lines), "basis": basis}


def _address(p: Partner) -> str:
    town = " ".join(x for x in (p.address.postcode, p.address.municipality) if x)
    return ", ".join(x for x in (p.address.street, town) if x)


def parties(b: Builder, dash: str) -> list[dict[str, Any]]:
    """Return the parties table of article 1; a body without legal personality names who acts for it."""
    places = ("partijen",)
    rows = []
    number = {p.id: i for i, p in enumerate(b.dossier.partners, start=1)}
    for p in b.dossier.partners:
        acting = acting_party(b.dossier, p)
        legal = p.legal_form or b.t(f"org_type.{p.org_type.value}")
        if not p.legal_personality:
            legal = b.t("documents.no_legal_personality", form=legal)
        row = {
            "number": str(number[p.id]),
            "name": p.name,
            "org_type": b.t(f"org_type.{p.org_type.value}"),
            "legal_form": legal,
            "enterprise_number": p.enterprise_number
            or (dash if not p.legal_personality else b.todo(places, "enterprise_number", partner=p.name)),
            "address": _address(p) or b.todo(places, "address", partner=p.name),
            "contact": ", ".join(x for x in (p.contact.name, p.contact.email, p.contact.phone) if x) or dash,
            "roles": ", ".join(b.role_label(r) for r in b.dossier.held_roles(p.id)) or dash,
        }
        if acting is not p:
            row["representative"] = b.t("documents.acts_through", party=acting.name, number=number[acting.id])
            row["mandate"] = ""
        elif not p.legal_personality:
            row["representative"] = b.todo(places, "acts_via_missing", partner=p.name)
            row["mandate"] = ""
        else:
            who = representation(b, p, places)
            row["representative"] = who["text"]
            row["mandate"] = decision_text(b, p, places)
            row["basis"] = who["basis"]
        row.setdefault("basis", "")
        row["represented"] = (
            b.t("documents.represented", who=row["representative"], mandate=row["mandate"])
            if row["mandate"]
            else row["representative"]
        )
        rows.append(row)
    if not rows:
        b.todo(places, "no_partners")
    return rows


def bases(b: Builder) -> str:
    """Name once, under the parties table, on which provision each party's representation rests."""
    grouped: dict[str, list[str]] = {}
    for p in b.dossier.partners:
        if acting_party(b.dossier, p) is not p or not p.legal_personality:
            continue
        form = legal_form(p)
        if not form.basis:
            continue
        text = (
            form.basis
            if form.basis_confirmed
            else b.todo("partijen", "basis_unconfirmed", partner=p.name, basis=form.basis)
        )
        grouped.setdefault(text, []).append(p.name)
    return "; ".join(f"{basis} ({b.join(names)})" for basis, names in grouped.items())


def signatures(b: Builder) -> list[dict[str, Any]]:
    """Return one signature block per party with legal personality, with everyone who signs."""
    places = ("ondertekening",)
    blocks = []
    for p in b.dossier.partners:
        if acting_party(b.dossier, p) is not p or not p.legal_personality:
            continue  # signs through the party that acts for it
        bodies = [q.name for q in b.dossier.partners if q is not p and acting_party(b.dossier, q) is p]
        who = representation(b, p, places)
        blocks.append(
            {
                "name": p.name,
                "also_for": b.join(bodies),
                "persons": who["lines"],
                # One person a line, each with room to sign: a plain "\n" becomes a line break in Word.
                "representative": "\n".join(b.t("documents.signs", person=line) for line in who["lines"]),
                "mandate": decision_text(b, p, places),
                "basis": who["basis"],
            }
        )
    return blocks
