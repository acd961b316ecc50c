"""Rows become records: one pydantic TypeAdapter per record type, instead of a mapper per table.

A row's columns are matched to the record's fields by name; stored moments (ISO 8601 text) become
datetimes, stored enum values their enums, 0/1 booleans; columns the record does not have are left
out. A record with a field that is no column (a JSON text, two columns in one) gets it from the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")


# Building an adapter costs a few milliseconds; one per record type is kept (two threads at once may
# each build one: both are the same).
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(kind: type[T]) -> TypeAdapter[T]:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(kind)
    return adapter


def record(kind: type[T], row: Mapping[str, Any], **fields: Any) -> T:
    """Return one row as a record of this type; `fields` add or replace columns."""
    return _adapter(kind).validate_python({**row, **fields})


def records(kind: type[T], rows: Iterable[Mapping[str, Any]]) -> list[T]:
    """Return every row as a record of this type."""
    adapter = _adapter(kind)
    return [adapter.validate_python(dict(row)) for row in rows]
