"""The portable format: one dossier as one JSON file, and the JSON Schema that describes it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.dossier.model import Dossier, clean_text, excerpt, needs_cleaning, was_cleaned
from workbench.dossier.validation import Loc, Problem, item_names, parse_dossier
from workbench.i18n import t
from workbench.refusal import Refusal

MAX_IMPORT_BYTES = 10 * 1024 * 1024
SCHEMA_NAME = "dossier.schema.json"
# A dossier nests about six levels deep; a file nested far deeper is an attack on the parser.
MAX_DEPTH = 32
# The largest number in a dossier has 12 digits; Python refuses to read past 4,300 at all.
MAX_DIGITS = 30


class ImportFailed(Refusal):
    """A file that cannot become a dossier; `problems` says why, field by field."""

    def __init__(self, reason: str, problems: list[Problem] | None = None, **params: Any) -> None:
        super().__init__(reason, **params)  # reason: a catalogue key under "import."
        self.args = (reason,)
        self.problems = problems or []

    def message(self, lang: str) -> str:
        """Return the reason and one line per problem, in the person's language."""
        return "\n".join([t(self.reason, lang, **self.params), *(p.message(lang) for p in self.problems)])


def to_json(dossier: Dossier) -> str:
    """Serialise a dossier to the portable JSON text (stable key order, UTF-8)."""
    return json.dumps(dossier.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Imported:
    """A dossier read from a file, and the text fields whose characters had to be cleaned."""

    dossier: Dossier
    cleaned: list[Problem]


def read_json(data: bytes) -> Any:
    """Decode JSON bytes with a size limit, raising ImportFailed on anything unreadable or hostile."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFailed("import.too_large", limit=MAX_IMPORT_BYTES // (1024 * 1024))
    text = _decode(data)
    try:
        raw = json.loads(text, object_pairs_hook=_object, parse_int=_integer)
    except RecursionError as exc:  # the parser's own guard against deep nesting
        raise ImportFailed("import.too_deep", limit=MAX_DEPTH) from exc
    except json.JSONDecodeError as exc:
        raise ImportFailed("import.broken_json", line=exc.lineno, column=exc.colno) from exc
    if _too_deep(raw):
        raise ImportFailed("import.too_deep", limit=MAX_DEPTH)
    return raw


def _decode(data: bytes) -> str:
    # UTF-8, with or without a byte order mark; UTF-16 and UTF-32 as Windows editors save them.
    try:
        return data.decode(json.detect_encoding(data))
    except UnicodeDecodeError as exc:
        raise ImportFailed("import.not_utf8_at", position=exc.start) from exc


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for given, value in pairs:
        # No dossier key holds control characters or surrogates: cleaned, an unknown key can be named.
        key = clean_text(given) if needs_cleaning(given) else given
        if key in found:
            # json keeps the last of two equal keys without a word: which one was meant is unknown.
            raise ImportFailed("import.duplicate_key", name=excerpt(key))
        found[key] = value
    return found


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ImportFailed("import.number_too_long", digits=len(digits.lstrip("-")))
    return int(digits)


def _too_deep(raw: Any) -> bool:
    # Iterative: walking the file must not recurse as deep as the file nests.
    stack = [(raw, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        if children and depth > MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def looks_like_dossier(raw: Any) -> bool:
    """Tell whether decoded JSON is meant as a dossier at all (before judging its content)."""
    return isinstance(raw, dict) and "identity" in raw


def parse(data: bytes) -> Imported:
    """Parse portable JSON bytes into a dossier, or raise ImportFailed with the problems."""
    raw = read_json(data)
    if not looks_like_dossier(raw):
        raise ImportFailed("import.not_a_dossier")
    dossier, problems = parse_dossier(raw)
    if dossier is None:
        raise ImportFailed("import.invalid", problems)
    return Imported(dossier, cleaned_fields(raw, dossier))


def from_json(data: bytes) -> Dossier:
    """Parse portable JSON bytes into a dossier, or raise ImportFailed with the problems."""
    return parse(data).dossier


def cleaned_fields(raw: Any, dossier: Dossier) -> list[Problem]:
    """List the text fields of a file whose control characters or line breaks were cleaned."""
    found: list[Problem] = []
    stack: list[tuple[Loc, Any, Any]] = [((), raw, dossier.model_dump(mode="json"))]
    while stack:
        loc, given, kept = stack.pop()
        if isinstance(given, str) and isinstance(kept, str):
            if was_cleaned(given, kept):
                found.append(Problem(code="import.cleaned_field", severity="warning", loc=loc))
        elif isinstance(given, dict) and isinstance(kept, dict):
            # Reversed onto the stack, so that fields come out in the file's order.
            stack.extend(((*loc, k), v, kept[k]) for k, v in reversed(given.items()) if k in kept)
        elif isinstance(given, list) and isinstance(kept, list) and len(given) == len(kept):
            stack.extend(((*loc, i), v, kept[i]) for i, v in reversed(list(enumerate(given))))
    return [p.model_copy(update={"names": item_names(raw, p.loc)}) for p in found]


def cleaned_summary(cleaned: list[Problem], lang: str, shown: int = 10) -> str:
    """Say in one sentence which fields an import cleaned ('' when none)."""
    if not cleaned:
        return ""
    names = [p.where(lang) for p in cleaned[:shown]]
    if len(cleaned) > shown:
        names.append(t("import.and_more", lang, count=len(cleaned) - shown))
    if len(cleaned) == 1:
        return t("import.cleaned_one", lang, fields=names[0])
    return t("import.cleaned", lang, count=len(cleaned), fields=", ".join(names))


def read_file(path: Path) -> bytes:
    """Read a file to import, with the size limit checked before reading it whole."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportFailed("import.too_large", limit=MAX_IMPORT_BYTES // (1024 * 1024))
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFailed("import.missing_file", path=str(path)) from exc
    except IsADirectoryError as exc:
        raise ImportFailed("import.missing_file", path=str(path)) from exc


def dossier_schema() -> dict[str, Any]:
    """Return the JSON Schema of the portable format, generated from the model."""
    schema = Dossier.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://digibank-werkbank.invalid/schemas/dossier.schema.json"
    return schema


def schema_text() -> str:
    """Return the schema as the text stored in schemas/dossier.schema.json."""
    return json.dumps(dossier_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
