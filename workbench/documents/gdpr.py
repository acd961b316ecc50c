"""The GDPR annex as document context: the register, art. 28(3) processor terms, the art. 26 arrangement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.dossier.gdpr import processors_needed
from workbench.dossier.model import GdprLegalBasis, GdprRole

if TYPE_CHECKING:
    from workbench.documents.builder import Builder

# Art. 28(3) GDPR, points (a) to (h), and the duty to warn about an unlawful instruction: the
# catalogue holds their text (documents.art28.<key>) in both languages.
ART_28_TERMS: tuple[str, ...] = (
    "instructions",
    "confidentiality",
    "security",
    "subprocessors",
    "rights",
    "assistance",
    "end",
    "audit",
    "unlawful_instruction",
)
# The duties an art. 26 arrangement allocates between joint controllers (catalogue: documents.art26.<key>).
ART_26_DUTIES: tuple[str, ...] = ("contact", "information", "requests", "breaches", "register", "dpia")


def _roles_text(b: Builder, roles: list[Any], role: GdprRole) -> str:
    return b.names([pr.partner_id for pr in roles if pr.role is role])


def annex(b: Builder, dash: str) -> dict[str, Any]:
    """Return the register rows, the processor terms per processing, and the joint arrangement."""
    place = "gegevensbescherming"
    from workbench.documents.signatories import party_label  # who acts for a body without legal personality

    def label(pid: str | None) -> str:
        partner = b.dossier.partner(pid)
        return party_label(b, partner) if partner else b.name(pid)

    register, processors, joint = [], [], []
    for act in b.dossier.processing:
        controllers = [pr.partner_id for pr in act.roles if pr.role is GdprRole.CONTROLLER]
        joints = [pr.partner_id for pr in act.roles if pr.role is GdprRole.JOINT_CONTROLLER]
        procs = [pr.partner_id for pr in act.roles if pr.role is GdprRole.PROCESSOR]
        if act.legal_basis is GdprLegalBasis.UNKNOWN:
            basis = b.todo(place, "legal_basis", activity=act.name)
        else:
            basis = b.t(f"legal_basis.{act.legal_basis.value}")
        if act.legal_basis_detail:
            basis += f": {act.legal_basis_detail}"
        register.append(
            {
                "name": act.name,
                "purpose": act.purpose or b.todo(place, "purpose", activity=act.name),
                "basis": basis,
                "subjects": act.data_subjects or b.todo(place, "data_subjects", activity=act.name),
                "data": act.data_categories or b.todo(place, "data_categories", activity=act.name),
                "special": act.special_categories or b.t("documents.none"),
                "recipients": act.recipients or b.todo(place, "recipients", activity=act.name),
                "transfers": act.transfers or b.t("documents.no_transfers"),
                "retention": act.retention or b.todo(place, "retention", activity=act.name),
                "security": act.security or b.t("documents.security_default"),
                "controllers": b.join([label(p) for p in controllers + joints]) or dash,
                "processors": b.join([label(p) for p in procs]) or dash,
                "controllers_label": b.plural("documents.controllers", max(len(controllers + joints), 1)),
                "processors_label": b.plural("documents.processors", max(len(procs), 1)),
            }
        )
        if procs:
            processors.append(
                {
                    "activity": act.name,
                    "processors": b.join([label(p) for p in procs]),
                    "controllers": b.join([label(p) for p in controllers + joints])
                    or b.todo(place, "controller_missing", activity=act.name),
                    "subject": act.purpose or dash,
                    "subjects": act.data_subjects or dash,
                    "data": act.data_categories or dash,
                }
            )
        if len(joints) > 1 or (joints and controllers):
            contact = act.contact_point_partner_id
            contact_name = label(contact) if contact else b.todo(place, "contact_point", activity=act.name)
            joint.append(
                {
                    "activity": act.name,
                    "parties": b.join([label(p) for p in joints + controllers]),
                    "contact": contact_name,
                }
            )
    missing = [b.name(pid) for pid, _ in processors_needed(b.dossier)]
    for name in missing:
        b.todo(place, "gdpr_partner_missing", partner=name)
    return {
        "register": register
        or [
            {
                key: (
                    b.todo(place, "no_processing")
                    if key == "name"
                    else b.plural(f"documents.{key.removesuffix('_label')}", 2)
                    if key.endswith("_label")
                    else dash
                )
                for key in (
                    "name",
                    "purpose",
                    "basis",
                    "subjects",
                    "data",
                    "special",
                    "recipients",
                    "transfers",
                    "retention",
                    "security",
                    "controllers",
                    "processors",
                    "controllers_label",
                    "processors_label",
                )
            }
        ],
        "processor_terms": processors,
        "art28": [b.t(f"documents.art28.{key}") for key in ART_28_TERMS],
        "joint": joint,
        "art26": [b.t(f"documents.art26.{key}") for key in ART_26_DUTIES],
        "missing": b.join(missing),
    }
