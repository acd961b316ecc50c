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
    "FlowType",
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
    VRIJGESTELD = "vrijgesteld"
    GEMENGD = "gemengd"


class Objective(StrEnum):
    TOEGANG = "toegang"
    VAARDIGHEDEN = "vaardigheden"
    ONDERSTEUNING = "ondersteuning"


class CostCategory(StrEnum):
    LOONKOSTEN = "loonkosten"
    WERKINGSKOSTEN = "werkingskosten"
    EXTERNE_PRESTATIES = "externe_prestaties"


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
