"""Hulpvragen and examples: every strategy section has them, in both languages alike."""

from __future__ import annotations

import pytest

from workbench.dossier.model import SECTION_KEYS
from workbench.dossier.steps import STEP_KEYS
from workbench.guide.guidance import guidance
from workbench.i18n import LANGUAGES

FORM_STEPS = [k for k in STEP_KEYS if k not in ("budget", "overzicht")]


@pytest.mark.parametrize("step", FORM_STEPS)
def test_every_form_step_has_questions_and_an_example_in_both_languages(step: str) -> None:
    found = {lang: guidance(step, lang) for lang in LANGUAGES}
    nl, en = found["nl"], found["en"]
    assert nl is not None and en is not None
    assert len(nl.questions) == len(en.questions) >= 3
    assert nl.intro and en.intro and nl.example and en.example
    assert nl.questions != en.questions


def test_strategy_sections_cite_practice() -> None:
    examples = " ".join(guidance(s, "nl").example for s in SECTION_KEYS)  # type: ignore[union-attr]
    for name in ("ZORA Werkt", "Kringwinkel ViTeS", "DIGbij", "sociaal internettarief"):
        assert name in examples


def test_a_step_without_guidance_says_so() -> None:
    assert guidance("overzicht", "nl") is None
