"""String catalogues (nl-BE default, en) and locale-aware dates and money through Babel."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_LOCALES = {"nl": "nl_BE", "en": "en_GB"}
_CATALOGUE_DIR = Path(__file__).parent / "locales"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Return every string of one language, merged from locales/<lang>/*.json."""
    merged: dict[str, str] = {}
    for path in sorted((_CATALOGUE_DIR / lang).glob("*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"{path.name} repeats keys: {sorted(clash)}")
        merged.update(part)
    return merged


def language(lang: str | None) -> str:
    """Return a supported language code, falling back to Dutch."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """Translate a key; a missing key shows itself rather than crashing a workshop."""
    text = catalogue(language(lang)).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE).get(key, key)
    return text.format(**params) if params else text


def tn(key: str, count: int | Decimal, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """Translate a countable phrase: '<key>.one' or '<key>.other' by the language's plural rule."""
    form = Locale.parse(_LOCALES[language(lang)]).plural_form(count)
    chosen = f"{key}.{form}" if has(f"{key}.{form}", lang) else f"{key}.other"
    return t(chosen, lang, count=fmt_number(count, lang), **params)


def has(key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Tell whether a key exists in a language's catalogue."""
    return key in catalogue(language(lang))


def fmt_date(value: date | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format a date the way people write it: '5 maart 2026' / '5 March 2026'."""
    if value is None:
        return ""
    return format_date(value, format="long", locale=_LOCALES[language(lang)])


def fmt_datetime(value: datetime, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format a moment briefly: '27 nov. 2026 16:05'."""
    return format_datetime(value, format="d MMM y HH:mm", locale=_LOCALES[language(lang)])


def fmt_money(value: Decimal | int | float, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format an amount in euro: '€ 1.234,50' / '€1,234.50'."""
    code = language(lang)
    # -0 and 0 are equal keys (same hash), so they must read alike: both as € 0,00. A signalling
    # NaN can be neither compared nor a key: formatted as it is (Babel refuses it too).
    try:
        return _money(0 if value == 0 else value, code)
    except (TypeError, InvalidOperation):
        return format_currency(value, "EUR", locale=_locale(code))


@lru_cache(maxsize=8192)
def _money(value: Decimal | int | float, code: str) -> str:
    # Equal amounts format alike (always two decimals); a budget table formats hundreds of them.
    return format_currency(value, "EUR", locale=_locale(code))


@cache
def _locale(code: str) -> Locale:
    """Return the parsed Babel locale of a language (Babel parses a locale name on every call)."""
    return Locale.parse(_LOCALES[code])


def fmt_number(value: Decimal | int | float, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format a number with the locale's separators."""
    return format_decimal(value, locale=_LOCALES[language(lang)])
