"""Field types of the dossier: cleaned text, ids, money, counts, enterprise numbers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError
from stdnum.be import vat as belgian_enterprise_number

__all__ = [
    "SCHEMA_VERSION",
    "Count",
    "EnterpriseNumber",
    "Id",
    "Line",
    "Model",
    "Money",
    "Name",
    "Text",
    "clean_line",
    "clean_text",
    "excerpt",
    "needs_cleaning",
    "new_id",
    "was_cleaned",
]


SCHEMA_VERSION = 1

# Text is cleaned here, once, for every way in: forms, imports, workshop ideas, comments and
# the Word documents all agree. Word's manual line break (\x0b, pasted by users), the form feed,
# the Unicode line and paragraph separators, NEL and \r become a line break; XML 1.0 forbids
# the other C0 controls, lone surrogates and U+FFFE/U+FFFF, and C1 controls are never meant.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_PLAIN_BREAKS = re.compile(r"\r\n?")


def clean_text(value: str) -> str:
    """Normalise line breaks and drop control characters that XML cannot carry."""
    return _FORBIDDEN_CONTROL.sub("", _LINE_BREAKS.sub("\n", value))


def clean_line(value: str) -> str:
    """Clean a single-line value: no line breaks, no control characters, trimmed."""
    return " ".join(clean_text(value).replace("\t", " ").split("\n")).strip()


def needs_cleaning(value: str) -> bool:
    """Tell whether clean_text would change a text at all (a lone carriage return too)."""
    return bool(_LINE_BREAKS.search(value) or _FORBIDDEN_CONTROL.search(value))


def excerpt(value: str, limit: int = 60) -> str:
    """Return a text fit to quote in a message: one clean line, at most `limit` characters."""
    line = clean_line(value)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def was_cleaned(raw: str, kept: str) -> bool:
    """Tell whether cleaning changed a text the user would notice (not just CR LF or trimming).

    `kept` is what the model made of `raw`: a single-line field also joins lines with spaces.
    """
    plain = _PLAIN_BREAKS.sub("\n", raw)
    if clean_text(raw) != plain:
        return True  # control characters dropped, or Word's line breaks turned into \n
    return kept not in (plain, plain.strip()) and "\n" in plain.strip() and "\n" not in kept


def _enterprise_number(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        digits = belgian_enterprise_number.validate(value)
    except Exception as exc:  # stdnum raises its own ValidationError family
        raise PydanticCustomError(
            "enterprise_number", "invalid enterprise number {value}", {"value": value}
        ) from exc
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def _cleaned(clean: Callable[[str], str]) -> BeforeValidator:
    # Clean before the length checks: "   " must count as empty, not as three characters.
    return BeforeValidator(lambda value: clean(value) if isinstance(value, str) else value)


Line = Annotated[str, _cleaned(clean_line), Field(max_length=300)]
Name = Annotated[str, _cleaned(clean_line), Field(min_length=1, max_length=200)]
Text = Annotated[str, _cleaned(clean_text), Field(max_length=20_000)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Money = Annotated[Decimal, Field(ge=0, le=100_000_000, max_digits=12, decimal_places=2)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
EnterpriseNumber = Annotated[
    str | None,
    Field(max_length=30, description="KBO enterprise number, 10 digits with mod-97 check"),
    AfterValidator(_enterprise_number),
]


def new_id() -> str:
    """Return a short random id for a new partner, role, flow, ..."""
    return uuid.uuid4().hex[:10]


class Model(BaseModel):
    """Base for every dossier model: unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)
