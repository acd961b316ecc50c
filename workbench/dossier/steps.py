"""The guided path through a dossier: the steps a workshop walks, in order."""

from __future__ import annotations

from typing import NamedTuple

from workbench.dossier.model import SECTION_KEYS


class Step(NamedTuple):
    key: str  # also the catalogue key "step.<key>" and the page file "workbench/ui/steps/<key>.py"
    unit_kinds: tuple[str, ...]  # the editing units this step edits
    section: str | None = None  # for the seven strategy sections


STEPS: tuple[Step, ...] = (
    Step("partnerschap", ("identity", "trajectory")),
    Step("partners", ("partner", "signatory")),
    Step("rollen", ("role", "custom_role", "flow")),
    Step("digipunten", ("access_point",)),
    Step("governance", ("governance",)),
    # The lending rules are edited beside the devices they govern.
    *(
        Step(section, ("section", "lending") if section == "circulariteit" else ("section",), section)
        for section in SECTION_KEYS
    ),
    Step("gegevensbescherming", ("processing",)),
    Step("budget", ("planning", "funding_stream", "funding_line")),
    Step("overzicht", ()),
)
STEP_KEYS: tuple[str, ...] = tuple(s.key for s in STEPS)


def step(key: str) -> Step:
    """Return a step by key."""
    return STEPS[STEP_KEYS.index(key)]


def neighbours(key: str) -> tuple[str | None, str | None]:
    """Return the previous and next step of the workshop flow."""
    i = STEP_KEYS.index(key)
    return (STEP_KEYS[i - 1] if i > 0 else None, STEP_KEYS[i + 1] if i + 1 < len(STEPS) else None)


def step_of_unit(kind: str, key: str = "") -> str:
    """Return the step where a unit is edited, e.g. ('section', 'doelgroep') -> 'doelgroep'."""
    if kind == "section":
        return key
    return next(s.key for s in STEPS if kind in s.unit_kinds)
