"""The seven strategy sections of the samenwerkingsstrategie, each with structure and a narrative."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from workbench.dossier.fields import Count, Id, Line, Model, Money, Name, Text
from workbench.dossier.vocabulary import ConnectivityKind, IndicatorType

__all__ = [
    "SECTION_MODELS",
    "CirculariteitSection",
    "ConnectiviteitSection",
    "ConnectivityMeasure",
    "DeviceLine",
    "DoelgroepSection",
    "DuurzaamheidSection",
    "FinancingSource",
    "ImpactmetingSection",
    "Indicator",
    "OutreachChannel",
    "OutreachSection",
    "ScalingStep",
    "SocialEconomyActivity",
    "SocialeEconomieSection",
    "Strategy",
    "TargetGroup",
]


class TargetGroup(Model):
    id: Id
    name: Name
    estimated_number: Count | None = None
    needs: Text = ""
    priority: bool = False


class DoelgroepSection(Model):
    target_groups: list[TargetGroup] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class OutreachChannel(Model):
    id: Id
    description: Name
    toeleider_partner_ids: list[Id] = Field(default_factory=list)
    target_group_ids: list[Id] = Field(default_factory=list)


class OutreachSection(Model):
    channels: list[OutreachChannel] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class SocialEconomyActivity(Model):
    id: Id
    partner_id: Id
    activity: Name
    jobs: Count | None = Field(default=None, title="Jobs or work placements involved")


class SocialeEconomieSection(Model):
    activities: list[SocialEconomyActivity] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class DeviceLine(Model):
    id: Id
    device_type: Name = Field(title="Device type (laptop, tablet, ...)")
    source: Line = Field(default="", title="Where the devices come from")
    collected: Count = 0
    refurbished: Count = 0
    lent: Count = 0
    end_of_life: Text = Field(default="", title="What happens at end of life")


class CirculariteitSection(Model):
    devices: list[DeviceLine] = Field(default_factory=list, max_length=50)
    responsible_partner_id: Id | None = None
    narrative: Text = ""


class FinancingSource(Model):
    id: Id
    source: Name
    amount: Money | None = None
    secured: bool = False


class ScalingStep(Model):
    id: Id
    description: Name
    planned: date | None = None


class DuurzaamheidSection(Model):
    financing_after_subsidy: list[FinancingSource] = Field(default_factory=list, max_length=50)
    scaling_steps: list[ScalingStep] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class ConnectivityMeasure(Model):
    id: Id
    kind: ConnectivityKind = ConnectivityKind.ANDERE
    description: Name
    partner_id: Id | None = None


class ConnectiviteitSection(Model):
    measures: list[ConnectivityMeasure] = Field(default_factory=list, max_length=50)
    narrative: Text = ""


class Indicator(Model):
    id: Id
    name: Name
    type: IndicatorType = IndicatorType.OUTPUT
    unit: Line = ""
    baseline: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    target: Decimal | None = Field(default=None, ge=0, max_digits=14, decimal_places=2)
    source: Line = Field(default="", title="Data source")
    frequency: Line = ""
    owner_partner_id: Id | None = None


class ImpactmetingSection(Model):
    indicators: list[Indicator] = Field(default_factory=list, max_length=100)
    narrative: Text = ""


class Strategy(Model):
    doelgroep: DoelgroepSection = Field(default_factory=DoelgroepSection)
    outreach: OutreachSection = Field(default_factory=OutreachSection)
    sociale_economie: SocialeEconomieSection = Field(default_factory=SocialeEconomieSection)
    circulariteit: CirculariteitSection = Field(default_factory=CirculariteitSection)
    duurzaamheid: DuurzaamheidSection = Field(default_factory=DuurzaamheidSection)
    connectiviteit: ConnectiviteitSection = Field(default_factory=ConnectiviteitSection)
    impactmeting: ImpactmetingSection = Field(default_factory=ImpactmetingSection)


SECTION_MODELS: dict[str, type[Model]] = {
    "doelgroep": DoelgroepSection,
    "outreach": OutreachSection,
    "sociale_economie": SocialeEconomieSection,
    "circulariteit": CirculariteitSection,
    "duurzaamheid": DuurzaamheidSection,
    "connectiviteit": ConnectiviteitSection,
    "impactmeting": ImpactmetingSection,
}
