"""Hostile text in every free-text field of a dossier: the walk shared by the browser injection suites."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel

# Keys whose strings are not free text: ids, references, vocabularies, formatted numbers.
NOT_TEXT = {
    "id",
    "key",
    "role",
    "call",
    "status",
    "org_type",
    "vat_status",
    "type",
    "kind",
    "email",
    "phone",
    "postcode",
    "enterprise_number",
    "start",
    "end",
    "due",
    "planned",
    "decision_date",
}


def poison(value: Any, hostile: Callable[[str], str]) -> Any:
    """Return a model's data with hostile(text) for every free-text field (not enums, ids, numbers)."""
    if isinstance(value, BaseModel):
        out = {}
        for name in type(value).model_fields:
            item = getattr(value, name)
            is_text = isinstance(item, str) and not isinstance(item, Enum)
            if is_text and name not in NOT_TEXT and not name.endswith("_id"):
                out[name] = hostile(item)
            else:
                out[name] = poison(item, hostile)
        return out
    if isinstance(value, list):
        return [poison(v, hostile) for v in value]
    return value


# One hostile free text for a single field (a consent reason, a name): HTML that would run script,
# Markdown that would become an image, a link or a colour, and a template expression.
HOSTILE = (
    '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'
    " **vet** ![i](http://203.0.113.9/p.png) [x](javascript:alert(1)) :red[rood] {{7*7}}"
)

# Hostile idea texts for the workshop room: markup that must stay text, and text that stretches a card.
HOSTILE_IDEAS = [
    '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>',
    "**vet** [x](javascript:alert(1)) {{7*7}} :red[rood] $x^2$",
    "W" * 120,  # one word wider than any card
    "regel één\nregel twee\nregel drie\nregel vier",
    "‮tekst van rechts naar links ‭ 🚌🚌🚌 Z̷̢a̸l̵g̶o̴",
]
