"""Forms as data: which widgets edit which part of a dossier (widget_values.py: values <-> models).

A form edits some fields of one part of a dossier: a whole unit (a partner), some fields of a
singleton unit (the stuurgroep inside governance) or one item of a list inside a unit (a
target group inside the doelgroep section). The UI draws widgets from a FormSpec (form_specs.py)
and hands the widget values back; `workbench.guide.edits` turns them into a save,
`workbench.guide.parts` finds parts and what refers to them.
"""

from __future__ import annotations

import typing
from typing import NamedTuple

from workbench.dossier import model as m
from workbench.dossier.model import Model
from workbench.guide.form_specs import FormSpec, form

# ---------------------------------------------------------------- the forms of the guided path

IDENTITY = form(
    "identity",
    m.Identity,
    "identity",
    [
        (
            None,
            [
                ["name"],
                ["call", "status"],
                ["werkingsgebied"],
                ["period.start", "period.end"],
                ["effect_from_period_start"],
                ["summary"],
            ],
        )
    ],
)
TRAJECTORY = form(
    "trajectory",
    m.Trajectory,
    "trajectory",
    [
        (
            None,
            [
                ["call", "promotor_partner_id"],
                ["start", "end"],
                ["requested", "granted"],
                ["decision_date", "decision_number"],
            ],
        )
    ],
)
PARTNER = form(
    "partner",
    m.Partner,
    "partner",
    [
        (None, [["name"], ["org_type", "legal_form", "enterprise_number"], ["vat_status", "funded"]]),
        ("form.group.address", [["address.street", "address.postcode", "address.municipality"]]),
        ("form.group.contact", [["contact.name", "contact.email", "contact.phone"]]),
        (
            "form.group.representative",
            [
                ["representative.name", "representative.function"],
                ["representative.mandate.body", "representative.mandate.decision_date"],
                ["representative.mandate.reference"],
            ],
        ),
        ("form.group.privacy", [["dpo_contact"]]),
        ("form.group.legal_personality", [["legal_personality", "acts_via_partner_id"]]),
    ],
)
SIGNATORY = form(
    "signatory",
    m.Signatory,
    "signatory",
    [(None, [["partner_id"], ["name", "function"], ["delegation"]])],
)
ROLE = form(
    "role",
    m.RoleAssignment,
    "role",
    [
        (None, [["partner_id", "role"], ["objectives"], ["engagement"], ["capacity"]]),
        ("form.group.role_period", [["start", "end"], ["takes_over_from_partner_id"]]),
        (
            "form.group.budget",
            [
                ["budget.loonkosten", "budget.werkingskosten"],
                ["budget.externe_prestaties", "budget.investeringen"],
            ],
        ),
    ],
)
FUNDING_STREAM = form(
    "funding_stream",
    m.FundingStream,
    "funding_stream",
    [(None, [["name", "kind"], ["funder"], ["decision_reference", "decision_date"], ["amount"]])],
)
FUNDING_LINE = form(
    "funding_line",
    m.FundingLine,
    "funding_line",
    [
        (None, [["stream_id"], ["partner_id", "role"], ["description"]]),
        (
            "form.group.budget",
            [
                ["budget.loonkosten", "budget.werkingskosten"],
                ["budget.externe_prestaties", "budget.investeringen"],
            ],
        ),
    ],
)
CUSTOM_ROLE = form("custom_role", m.CustomRole, "custom_role", [(None, [["label"]])])
FLOW = form(
    "flow",
    m.Flow,
    "flow",
    [(None, [["type"], ["source_partner_id", "target_partner_id"], ["description"]])],
)
ACCESS_POINT = form(
    "access_point",
    m.AccessPoint,
    "access_point",
    [
        (
            None,
            [
                ["name", "kind"],
                ["host_partner_id"],
                ["municipality", "address"],
                ["opening_hours"],
                ["objectives"],
                ["accessibility"],
            ],
        )
    ],
)
STUURGROEP = form(
    "stuurgroep",
    m.Governance,
    "governance",
    [
        (
            None,
            [
                ["stuurgroep.member_partner_ids"],
                ["stuurgroep.chair_partner_id"],
                ["stuurgroep.frequency", "stuurgroep.decision_rule"],
            ],
        )
    ],
)
WERKGROEP = form(
    "werkgroep",
    m.Werkgroep,
    "governance",
    [(None, [["name", "frequency"], ["member_partner_ids"], ["purpose"]])],
    items="werkgroepen",
)
KLANKBORDGROEP = form(
    "klankbordgroep",
    m.Governance,
    "governance",
    [(None, [["klankbordgroep.composition"], ["klankbordgroep.frequency"]])],
)
GOVERNANCE_NARRATIVE = form("governance_narrative", m.Governance, "governance", [(None, [["narrative"]])])
PROCESSING = form(
    "processing",
    m.ProcessingActivity,
    "processing",
    [
        (None, [["name"], ["purpose"], ["legal_basis", "legal_basis_detail"]]),
        ("form.group.register", [["data_subjects"], ["data_categories"], ["special_categories"]]),
        ("form.group.register_more", [["recipients", "transfers"], ["retention"], ["security"]]),
        ("form.group.gdpr_roles", [["roles"], ["contact_point_partner_id"]]),
    ],
)
LENDING = form(
    "lending",
    m.LendingPolicy,
    "lending",
    [
        (
            None,
            [
                ["eligibility"],
                ["loan_term_days", "extensions"],
                ["long_term", "long_term_months"],
                ["deposit", "fee"],
            ],
        ),
        (
            "form.group.lending_care",
            [["insured_by_partner_id", "insurance"], ["revision_partner_id"], ["revision"]],
        ),
        ("form.group.lending_end", [["end_of_loan", "reuse_cycles"], ["donation_conditions"], ["notes"]]),
    ],
)


def _section_form(section: str, layout: list[list[str]]) -> FormSpec:
    return form(f"section_{section}", m.SECTION_MODELS[section], "section", [(None, layout)], section=section)


def _item_form(key: str, section: str, items: str, layout: list[list[str]]) -> FormSpec:
    model = typing.get_args(m.SECTION_MODELS[section].model_fields[items].annotation)[0]
    return form(key, model, "section", [(None, layout)], section=section, items=items)


TARGET_GROUP = _item_form(
    "target_group", "doelgroep", "target_groups", [["name", "estimated_number"], ["priority"], ["needs"]]
)
CHANNEL = _item_form(
    "channel", "outreach", "channels", [["description"], ["toeleider_partner_ids"], ["target_group_ids"]]
)
ACTIVITY = _item_form("activity", "sociale_economie", "activities", [["partner_id"], ["activity", "jobs"]])
DEVICE = _item_form(
    "device",
    "circulariteit",
    "devices",
    [["device_type", "source"], ["collected", "refurbished", "lent"], ["end_of_life"]],
)
FINANCING = _item_form(
    "financing", "duurzaamheid", "financing_after_subsidy", [["source", "amount"], ["secured"]]
)
SCALING = _item_form("scaling", "duurzaamheid", "scaling_steps", [["description", "planned"]])
MEASURE = _item_form("measure", "connectiviteit", "measures", [["kind", "partner_id"], ["description"]])
INDICATOR = _item_form(
    "indicator",
    "impactmeting",
    "indicators",
    [["name", "type"], ["unit", "baseline", "target"], ["source", "frequency"], ["owner_partner_id"]],
)


class SectionLayout(NamedTuple):
    """What a strategy section page shows: its lists (each with an item form) and its own fields."""

    lists: tuple[FormSpec, ...]
    own: FormSpec  # the narrative and any other section-level fields
    beside: tuple[FormSpec, ...] = ()  # other units edited on the same page (the lending rules)


SECTIONS: dict[str, SectionLayout] = {
    "doelgroep": SectionLayout((TARGET_GROUP,), _section_form("doelgroep", [["narrative"]])),
    "outreach": SectionLayout((CHANNEL,), _section_form("outreach", [["narrative"]])),
    "sociale_economie": SectionLayout((ACTIVITY,), _section_form("sociale_economie", [["narrative"]])),
    "circulariteit": SectionLayout(
        (DEVICE,), _section_form("circulariteit", [["responsible_partner_id"], ["narrative"]]), (LENDING,)
    ),
    "duurzaamheid": SectionLayout((FINANCING, SCALING), _section_form("duurzaamheid", [["narrative"]])),
    "connectiviteit": SectionLayout((MEASURE,), _section_form("connectiviteit", [["narrative"]])),
    "impactmeting": SectionLayout((INDICATOR,), _section_form("impactmeting", [["narrative"]])),
}

ALL_FORMS: tuple[FormSpec, ...] = (
    IDENTITY,
    TRAJECTORY,
    PARTNER,
    SIGNATORY,
    ROLE,
    FUNDING_STREAM,
    FUNDING_LINE,
    LENDING,
    CUSTOM_ROLE,
    FLOW,
    ACCESS_POINT,
    STUURGROEP,
    WERKGROEP,
    KLANKBORDGROEP,
    GOVERNANCE_NARRATIVE,
    *(spec for layout in SECTIONS.values() for spec in (*layout.lists, layout.own)),
    PROCESSING,
)

# Parts edited by pages that draw their own widgets instead of a FormSpec (model path: where).
EDITED_ELSEWHERE: dict[str, str] = {
    "Planning.milestones": "Budget en planning: the milestone table (title, due, owner partner)",
    "Planning.narrative": "Budget en planning: the planning text under the milestone table",
}

# Fields no widget edits, and why: ids are made on creation, the rest is constant or derived.
NOT_EDITED: dict[str, str] = {
    "Dossier.schema_version": "constant: the format version",
    "CustomRole.key": "made from the label when the role is created (custom_role_key); it never changes",
}
for _name, _cls in vars(m).items():
    if isinstance(_cls, type) and issubclass(_cls, Model) and "id" in _cls.model_fields:
        NOT_EDITED[f"{_name}.id"] = "made with model.new_id() when the item is created"
