"""The base of every refusal a person is told about: a catalogue key, its parameters, a translated message."""

from __future__ import annotations

from typing import Any

from workbench.i18n import t


class Refusal(Exception):
    """A refused action: `reason` is a catalogue key, `params` fill it in, `message(lang)` says it.

    The store, accounts, reviews, workshops, consent, import and backup refuse through subclasses,
    so an interface shows any of them with one line: `refusal.message(lang)`.
    """

    def __init__(self, reason: str, /, **params: Any) -> None:
        super().__init__(f"{reason} {params}" if params else reason)
        self.reason = reason
        self.params = params

    def message(self, lang: str) -> str:
        """Return the refusal in the person's language."""
        return t(self.reason, lang, **self.params)
