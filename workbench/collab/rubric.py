"""The readiness rubric as data (data/rubric.toml): the strategy criteria and the agreement's clauses."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from workbench.dossier.steps import STEP_KEYS
from workbench.i18n import t

RUBRIC_FILE = Path(__file__).parents[1] / "data" / "rubric.toml"
AGREEMENT_CLAUSES = 23  # DOMAIN section 4
Group = Literal["strategy", "agreement"]
GROUPS: tuple[Group, ...] = ("strategy", "agreement")


class Criterion(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    group: Group
    steps: tuple[str, ...] = ()
    graph: tuple[str, ...] = ()
    standard: bool = False

    @field_validator("steps")
    @classmethod
    def _known_steps(cls, steps: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in steps if s not in STEP_KEYS]
        if unknown:
            raise ValueError(f"unknown steps {unknown}")
        return steps


class Rubric(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    criterion: tuple[Criterion, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        keys = [c.key for c in self.criterion]
        if len(keys) != len(set(keys)):
            raise ValueError("criterion keys repeat")
        clauses = self.clauses
        if len(clauses) != AGREEMENT_CLAUSES:
            raise ValueError(f"the agreement has {AGREEMENT_CLAUSES} clauses, the rubric {len(clauses)}")
        return self

    @property
    def clauses(self) -> tuple[str, ...]:
        """Return the agreement's clause keys in order: clause N is clauses[N-1]."""
        return tuple(c.key for c in self.criterion if c.group == "agreement")

    def clause_number(self, key: str) -> int:
        return self.clauses.index(key) + 1


@cache
def rubric(path: Path = RUBRIC_FILE) -> Rubric:
    """Load the rubric from its TOML file."""
    return Rubric.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def criterion_label(key: str, lang: str) -> str:
    return t(f"rubric.criterion.{key}", lang)
