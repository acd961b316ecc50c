"""A problem with a dossier: a catalogue code, where it is, its parameters, said in the user's words."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from workbench.dossier.model import excerpt
from workbench.i18n import fmt_date, fmt_money, has, t

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]


class Problem(BaseModel):
    """One thing wrong with a dossier, translatable into Dutch or English."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity = "error"
    loc: Loc = ()
    params: dict[str, Any] = {}
    # Names of list items along loc, e.g. {1: "Stad Mortsel"}, so paths read like the UI.
    names: dict[int, str] = {}

    def where(self, lang: str) -> str:
        """Return the field path in the user's words: 'Partners > Stad Mortsel > Ondernemingsnummer'."""
        parts: list[str] = []
        for i, step in enumerate(self.loc):
            if isinstance(step, int):
                parts.append(excerpt(self.names.get(i) or "") or str(step + 1))
            elif has(f"field.{step}", lang):
                parts.append(t(f"field.{step}", lang))
            else:
                parts.append(excerpt(step) or "?")  # an unknown key from a file: quoted, never whole
        return " > ".join(parts)

    def message(self, lang: str) -> str:
        """Return the full sentence for the user."""
        if self.code.startswith("rule."):
            return t(self.code, lang, **_formatted(self.params, lang))
        params = dict(self.params)
        if self.code == "error.unknown_reference":
            params["kind_label"] = t(f"ref.{params.get('kind', 'partner')}", lang)
        key = self.code if has(self.code, lang) else "error.generic"
        try:
            text = t(key, lang, **params)
        except (KeyError, IndexError):
            text = t("error.generic", lang)
        where = self.where(lang)
        return f"{where}: {text}" if where else text


def _formatted(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Decimal):
            out[key] = fmt_money(value, lang)
        elif isinstance(value, date):
            out[key] = fmt_date(value, lang)
        elif key == "section" and has(f"section.{value}", lang):
            out[key] = t(f"section.{value}", lang)  # a strategy section by its key
        else:
            out[key] = value
    return out
