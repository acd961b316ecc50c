"""What the analysis of the network finds: findings, coverage, drop-out impact, as plain frozen data."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from workbench.dossier.model import CallKind
from workbench.i18n import DEFAULT_LANGUAGE, t


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Frozen):
    """A word in a message: a catalogue entry (vocab "role", "objective", ...) or literal text.

    A role key may name alternatives separated by "|": they read "A of B" / "A or B".
    """

    vocab: str = ""
    key: str

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Return the word in a language."""
        if not self.vocab:
            return self.key
        return join_words([t(f"{self.vocab}.{k}", lang) for k in self.key.split("|")], lang, "graph.or")


class Phrase(_Frozen):
    """A translated part of a sentence: a catalogue key and its parameters."""

    key: str
    params: dict[str, str | int | tuple[Term, ...]] = {}

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Return the phrase in a language."""
        return t(self.key, lang, **{k: _render(v, lang) for k, v in self.params.items()})


ParamValue = str | int | tuple[Term, ...] | tuple[Phrase, ...]


def join_words(words: Sequence[str], lang: str = DEFAULT_LANGUAGE, conjunction: str = "graph.and") -> str:
    """Join words as people write a list: 'A, B en C' / 'A, B and C' (or 'A, B of C')."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t(conjunction, lang)} {words[-1]}"


def _render(value: ParamValue, lang: str) -> str:
    if isinstance(value, str | int):
        return str(value)
    return join_words(
        [item.label(lang) if isinstance(item, Term) else item.render(lang) for item in value], lang
    )


class Finding(_Frozen):
    """One thing the analysis noticed, with the ids it is about; message() explains it."""

    code: str
    severity: Severity
    subjects: tuple[str, ...] = ()
    params: dict[str, ParamValue] = {}
    variant: str = ""

    @property
    def message_key(self) -> str:
        return f"graph.finding.{self.code}" + (f".{self.variant}" if self.variant else "")

    def values(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
        """Return the finding's parameters as words in a language (for other phrasings of it)."""
        return {k: _render(v, lang) for k, v in self.params.items()}

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Explain the finding in plain words in a language, with who could fill a gap."""
        values = self.values(lang)
        text = t(self.message_key, lang, **values)
        if values.get("suggestions"):
            text += " " + t("graph.finding.suggest", lang, suggestions=values["suggestions"])
        return text


Status = Literal["covered", "thin", "missing"]


class Coverage(_Frozen):
    """How well one objective, key role or organisation type is covered, and by whom."""

    kind: Literal["objective", "role", "org_type"]
    key: str  # objective or org type key; for roles the roles that count, joined by "|"
    status: Status
    partner_ids: tuple[str, ...]
    suggestions: tuple[str, ...] = ()  # org types that could fill a gap
    single_holder: bool = False

    @property
    def term(self) -> Term:
        return Term(vocab=self.kind, key=self.key)


class Centrality(_Frozen):
    """How central a partner is in the network of flows between partners."""

    partner_id: str
    degree: int
    betweenness: float
    articulation: bool


class DropoutImpact(_Frozen):
    """What the partnership loses if one partner drops out."""

    partner_id: str
    roles: tuple[str, ...] = ()  # every role the partner holds
    roles_lost: tuple[str, ...] = ()  # roles nobody else holds
    key_roles_lost: tuple[str, ...] = ()  # key-role requirements left uncovered (single-holder roles aside)
    org_types_lost: tuple[str, ...] = ()  # required organisation types left without a partner
    objectives_lost: tuple[str, ...] = ()
    access_points: tuple[str, ...] = ()  # digipunten it hosts
    municipalities_lost: tuple[str, ...] = ()  # werkingsgebied left without any digipunt
    indicators: tuple[str, ...] = ()  # indicators it owns
    flows: tuple[str, ...] = ()  # flows from or to it
    cut_off_partners: tuple[str, ...] = ()  # partners no longer linked to the rest

    critical: bool = False  # losing it opens a gap: see _dropout() for what counts


class Analysis(_Frozen):
    """Everything the analysis found: data for the graph view, the overview and the documents."""

    call: CallKind
    findings: tuple[Finding, ...]
    coverage: tuple[Coverage, ...]
    municipalities: dict[str, tuple[str, ...]]  # werkingsgebied municipality -> digipunt ids
    centrality: tuple[Centrality, ...]
    articulation_points: tuple[str, ...]
    dropouts: dict[str, DropoutImpact]

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """Return the findings with one code."""
        return tuple(f for f in self.findings if f.code == code)

    def about(self, subject: str) -> tuple[Finding, ...]:
        """Return the findings about one partner, flow, objective, role or municipality."""
        return tuple(f for f in self.findings if subject in f.subjects)

    def count(self, severity: Severity | str) -> int:
        """Count the findings of one severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def coverage_of(self, kind: str, key: str) -> Coverage | None:
        """Return the coverage of one objective, role requirement or org type."""
        return next((c for c in self.coverage if c.kind == kind and c.key == key), None)
