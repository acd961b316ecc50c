"""Shared machinery of the document contexts: formatting, names and visible defaults."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from docx.shared import Mm

from workbench.dossier.model import Dossier, Objective, RoleAssignment
from workbench.i18n import fmt_date, fmt_money, fmt_number, language, t, tn

DASH = "–"
IMAGE_WIDTH = Mm(160)  # the network picture, in our templates and in uploaded ones


class Gaps:
    """What the dossier leaves open, per clause or section, in the user's language."""

    def __init__(self) -> None:
        self.by_place: dict[str, list[str]] = defaultdict(list)

    def add(self, place: str, message: str) -> None:
        if message not in self.by_place[place]:
            self.by_place[place].append(message)


class Builder:
    """Shared helpers: translation, formatting, partner names, visible defaults."""

    def __init__(self, dossier: Dossier, lang: str) -> None:
        self.dossier = dossier
        self.lang = language(lang)
        self.gaps = Gaps()
        self.partners = {p.id: p for p in dossier.partners}
        self.role_labels = {r.key: r.label for r in dossier.custom_roles}
        self._money: dict[Decimal, str] = {}
        self.roles_of: dict[str, list[RoleAssignment]] = defaultdict(list)
        for role in dossier.roles:
            self.roles_of[role.partner_id].append(role)

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def plural(self, key: str, count: int | Decimal, **params: Any) -> str:
        """Translate a countable phrase with the right plural form ("1 indicator", "3 indicatoren")."""
        return tn(key, count, self.lang, **params)

    def todo(self, place: str | Iterable[str], gap: str, **params: Any) -> str:
        """Record a gap and return its default, visibly marked as a point to discuss."""
        for where in [place] if isinstance(place, str) else place:
            self.gaps.add(where, self.t(f"gap.{gap}", **params))
        return self.t("documents.todo", text=self.t(f"todo.{gap}", **params))

    def money(self, value: Decimal) -> str:
        # Babel formatting is the costliest step of a large context; amounts repeat a lot.
        text = self._money.get(value)
        if text is None:
            text = self._money[value] = fmt_money(value, self.lang)
        return text

    def number(self, value: Decimal | int | None) -> str:
        return DASH if value is None else fmt_number(value, self.lang)

    def date(self, value: date | None) -> str:
        return fmt_date(value, self.lang)

    def name(self, partner_id: str | None) -> str:
        partner = self.partners.get(partner_id or "")
        return partner.name if partner else self.t("documents.third_parties")

    def names(self, partner_ids: Iterable[str | None]) -> str:
        return self.join([self.name(pid) for pid in partner_ids])

    def join(self, words: list[str]) -> str:
        if len(words) < 2:
            return "".join(words)
        return self.t("documents.list_join", head=", ".join(words[:-1]), last=words[-1])

    def role_label(self, key: str) -> str:
        return self.role_labels.get(key) or self.t(f"role.{key}")

    def objective_labels(self, objectives: Iterable[Objective]) -> str:
        return ", ".join(self.t(f"objective.{o.value}") for o in objectives)

    def check(self, flag: bool) -> str:
        return "✓" if flag else DASH

    def rows_or_todo(
        self, rows: list[dict[str, Any]], keys: tuple[str, ...], place: str, gap: str, **params: Any
    ) -> list[dict[str, Any]]:
        """Return the rows, or one row carrying a marked default so a table is never silently empty."""
        if rows:
            return rows
        marker = self.todo(place, gap, **params)
        return [{key: (marker if i == 0 else DASH) for i, key in enumerate(keys)}]
