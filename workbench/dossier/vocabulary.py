"""The domain's vocabularies: calls, organisation types, objectives, roles, flows, sections."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

__all__ = [
    "ROLE_CATALOGUE",
    "SECTION_KEYS",
    "AccessPointKind",
    "CallKind",
    "ConnectivityKind",
    "CostCategory",
    "DossierStatus",
    "EndOfLoan",
    "FlowType",
    "FundingKind",
    "GdprLegalBasis",
    "GdprRole",
    "IndicatorType",
    "Objective",
    "OrgType",
    "SectionKey",
    "VatStatus",
]


class CallKind(StrEnum):
    VOORTRAJECT = "voortraject"
    IMPLEMENTATIETRAJECT = "implementatietraject"
    VERLENGING = "verlenging"


class DossierStatus(StrEnum):
    CONCEPT = "concept"
    IN_REVIEW = "in_review"
    READY = "ready"


class OrgType(StrEnum):
    LOKAAL_BESTUUR = "lokaal_bestuur"
    OCMW = "ocmw"
    INTERGEMEENTELIJK = "intergemeentelijk"
    VZW = "vzw"
    SOCIALE_ECONOMIE = "sociale_economie"
    OPLEIDINGSVERSTREKKER = "opleidingsverstrekker"
    BEDRIJF = "bedrijf"
    KENNISINSTELLING = "kennisinstelling"
    VDAB = "vdab"
    ANDERE = "andere"


class VatStatus(StrEnum):
    ONBEKEND = "onbekend"
    BTW_PLICHTIG = "btw_plichtig"
    VRIJGESTELD = "vrijgesteld"  # exempt activities (art. 44 WBTW): not the status of a public authority
    GEMENGD = "gemengd"
    NIET_BTW_PLICHTIG = "niet_btw_plichtig"  # a public body acting as public authority (art. 6 WBTW)


class Objective(StrEnum):
    TOEGANG = "toegang"
    VAARDIGHEDEN = "vaardigheden"
    ONDERSTEUNING = "ondersteuning"


class CostCategory(StrEnum):
    LOONKOSTEN = "loonkosten"
    WERKINGSKOSTEN = "werkingskosten"
    EXTERNE_PRESTATIES = "externe_prestaties"
    INVESTERINGEN = "investeringen"  # only where a call profile or another stream allows it


class FundingKind(StrEnum):
    """Where the money of a budget line comes from; the call itself is the default stream."""

    PUBLIC_PROGRAMME = "public_programme"  # e.g. the federal "E-inclusion for Belgium"
    OWN_CONTRIBUTION = "own_contribution"
    OTHER = "other"


class EndOfLoan(StrEnum):
    RETURN = "return"
    DONATION = "donation"
    RETURN_OR_DONATION = "return_or_donation"


class FlowType(StrEnum):
    REFERRAL = "referral"
    DEVICES = "devices"
    TRAINING = "training"
    SUBSIDY = "subsidy"
    DATA_EXCHANGE = "data_exchange"
    EXPERTISE = "expertise"


class AccessPointKind(StrEnum):
    VAST = "vast"
    MOBIEL = "mobiel"
    HYBRIDE = "hybride"


class GdprRole(StrEnum):
    CONTROLLER = "controller"
    PROCESSOR = "processor"
    JOINT_CONTROLLER = "joint_controller"


class GdprLegalBasis(StrEnum):
    """The grounds of art. 6(1) GDPR, by their letter."""

    UNKNOWN = "unknown"
    CONSENT = "consent"  # a
    CONTRACT = "contract"  # b
    LEGAL_OBLIGATION = "legal_obligation"  # c
    VITAL_INTERESTS = "vital_interests"  # d
    PUBLIC_TASK = "public_task"  # e
    LEGITIMATE_INTERESTS = "legitimate_interests"  # f


class IndicatorType(StrEnum):
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class ConnectivityKind(StrEnum):
    WIFI_DIGIPUNT = "wifi_digipunt"
    MOBIELE_HOTSPOT = "mobiele_hotspot"
    SOCIAAL_TARIEF = "sociaal_tarief"
    INTERNETBOX = "internetbox"
    ANDERE = "andere"


# Roles seen in the field (DOMAIN section 3); dossiers may add their own.
ROLE_CATALOGUE: tuple[str, ...] = (
    "promotor",
    "partner",
    "coordinator",
    "toeleider",
    "digipunt_host",
    "trainer",
    "refurbisher",
    "uitleendienst",
    "hardware_donor",
    "outreach",
    "expertise",
    "connectiviteit",
    "vrijwilligers",
    "regionale_ondersteuning",
)

SECTION_KEYS: tuple[str, ...] = (
    "doelgroep",
    "outreach",
    "sociale_economie",
    "circulariteit",
    "duurzaamheid",
    "connectiviteit",
    "impactmeting",
)
SectionKey = Literal[
    "doelgroep",
    "outreach",
    "sociale_economie",
    "circulariteit",
    "duurzaamheid",
    "connectiviteit",
    "impactmeting",
]
