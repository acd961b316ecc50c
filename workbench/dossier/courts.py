"""The competent courts of a municipality, from data/courts.toml (built by tools/build_courts.py)."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_COURTS_FILE = Path(__file__).parents[1] / "data" / "courts.toml"
_PREFIXES = ("stad ", "gemeente ", "ville de ", "commune de ")


@dataclass(frozen=True)
class Seat:
    """The courts of one municipality: arrondissement, court and afdeling, and how sure we are."""

    municipality: str  # the current name (after the mergers of 2025)
    nis: str
    arrondissement: str  # key: "antwerpen", "brussel", ...
    court: str  # "Rechtbank van eerste aanleg Antwerpen"
    division: str  # afdeling of that court, "" when it has none
    enterprise_court: str
    enterprise_division: str
    confirmed: bool  # False: the afdeling was not checked against the royal decree
    note: str  # why it is unconfirmed, or what else to know

    @property
    def court_with_division(self) -> str:
        return f"{self.court}, afdeling {self.division}" if self.division else self.court

    @property
    def enterprise_court_with_division(self) -> str:
        if self.enterprise_division:
            return f"{self.enterprise_court}, afdeling {self.enterprise_division}"
        return self.enterprise_court


def _key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    for prefix in _PREFIXES:
        plain = plain.removeprefix(prefix)
    return " ".join(plain.replace("-", " ").split())


@cache
def _table() -> tuple[dict[str, Seat], dict[str, list[str]], dict[str, str], dict[str, str]]:
    raw = tomllib.loads(_COURTS_FILE.read_text(encoding="utf-8"))
    arrondissements = raw["arrondissements"]
    notes = raw.get("division_notes", {})
    seats: dict[str, Seat] = {}
    by_postcode: dict[str, list[str]] = {}
    by_name: dict[str, str] = {}
    for nis, entry in raw["municipalities"].items():
        arr = arrondissements[entry["arrondissement"]]
        note = " ".join(x for x in (arr["note"], notes.get(entry["division"], "")) if x)
        seats[nis] = Seat(
            municipality=entry["name"],
            nis=nis,
            arrondissement=entry["arrondissement"],
            court=arr["court"],
            division=entry["division"],
            enterprise_court=arr["enterprise_court"],
            enterprise_division=entry["enterprise_division"],
            confirmed=bool(arr["divisions_confirmed"]),
            note=note,
        )
        for code in entry["postcodes"]:
            by_postcode.setdefault(code, []).append(nis)
        by_name[_key(entry["name"])] = nis
        for alias in entry["aliases"]:
            by_name.setdefault(_key(alias), nis)
    return seats, by_postcode, by_name, raw["source"]


def source() -> dict[str, str]:
    """Return where the table comes from and the day it was built."""
    return dict(_table()[3])


def seats() -> list[Seat]:
    """Return every municipality of the table (Flanders and Brussels)."""
    return list(_table()[0].values())


def by_name(municipality: str) -> Seat | None:
    """Find a municipality by its current or former name (Tongeren, Borgloon, Gooik, ...)."""
    table, _, names, _ = _table()
    nis = names.get(_key(municipality))
    return table[nis] if nis else None


def seat_of(municipality: str, postcode: str = "") -> Seat | None:
    """Find the courts of an address by its municipality, else by a postcode of one municipality."""
    table, postcodes, _, _ = _table()
    named = by_name(municipality) if municipality else None
    if named is not None:
        return named
    candidates = postcodes.get(postcode.strip(), [])
    return table[candidates[0]] if len(candidates) == 1 else None
