"""The portable format: one dossier as one JSON file, and the JSON Schema that describes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.model import Dossier
from workbench.validation import Problem, parse_dossier

MAX_IMPORT_BYTES = 10 * 1024 * 1024
SCHEMA_NAME = "dossier.schema.json"


class ImportFailed(Exception):
    """A file that cannot become a dossier; `problems` says why, field by field."""

    def __init__(self, reason: str, problems: list[Problem] | None = None, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason  # a catalogue key under "import."
        self.params = params
        self.problems = problems or []


def to_json(dossier: Dossier) -> str:
    """Serialise a dossier to the portable JSON text (stable key order, UTF-8)."""
    return json.dumps(dossier.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def read_json(data: bytes) -> Any:
    """Decode JSON bytes with a size limit, raising ImportFailed on anything unreadable."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFailed("import.too_large", limit=MAX_IMPORT_BYTES // (1024 * 1024))
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFailed("import.not_utf8") from exc
    except json.JSONDecodeError as exc:
        raise ImportFailed("import.broken_json", line=exc.lineno, column=exc.colno) from exc


def looks_like_dossier(raw: Any) -> bool:
    """Tell whether decoded JSON is meant as a dossier at all (before judging its content)."""
    return isinstance(raw, dict) and "identity" in raw


def from_json(data: bytes) -> Dossier:
    """Parse portable JSON bytes into a dossier, or raise ImportFailed with the problems."""
    raw = read_json(data)
    if not looks_like_dossier(raw):
        raise ImportFailed("import.not_a_dossier")
    dossier, problems = parse_dossier(raw)
    if dossier is None:
        raise ImportFailed("import.invalid", problems)
    return dossier


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
