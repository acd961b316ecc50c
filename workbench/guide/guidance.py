"""Hulpvragen and a short example from practice per step, from the catalogues (locales/*/guidance.json)."""

from __future__ import annotations

from typing import NamedTuple

from workbench.i18n import has, t


class Guidance(NamedTuple):
    intro: str
    questions: list[str]
    example: str


def guidance(step_key: str, lang: str) -> Guidance | None:
    """Return the guidance of a step, or None when the step has none."""
    prefix = f"guidance.{step_key}"
    if not has(f"{prefix}.q1", lang):
        return None
    questions: list[str] = []
    while has(f"{prefix}.q{len(questions) + 1}", lang):
        questions.append(t(f"{prefix}.q{len(questions) + 1}", lang))
    return Guidance(
        intro=t(f"{prefix}.intro", lang) if has(f"{prefix}.intro", lang) else "",
        questions=questions,
        example=t(f"{prefix}.example", lang) if has(f"{prefix}.example", lang) else "",
    )
