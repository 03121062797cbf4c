"""Check, format and regenerate the code tables shipped in ``src/duo_domain/codes/data/``.

Usage, from the repository root::

    python scripts/codetables.py check              # every table reads, canonical layout, named as its file
    python scripts/codetables.py format             # rewrite every table in the canonical layout
    python scripts/codetables.py import NAAM FILE.csv [--versie V]
                                                    # replace the values of table NAAM from a CSV

The CSV for ``import`` is ``;``-separated, UTF-8, with a header line naming
its columns: ``code`` and ``omschrijving`` are required; ``geldig_van``,
``geldig_tot`` (``YYYY-MM-DD``) and ``bron`` are optional; every other column
is a kenmerk the table must already declare. Empty cells are left out. The
table's name, source, edition and declared kenmerken are kept (``--versie``
sets a new edition); the result is checked like any table before it is
written. See the page "Code tables" of the documentation for the procedure.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

import attrs

from duo_domain.codes import CodeValue, Waardenlijst, dumps, loads
from duo_domain.errors import InvalidDocument

DATA = Path(__file__).resolve().parent.parent / "src" / "duo_domain" / "codes" / "data"
_FIXED = ("code", "omschrijving", "geldig_van", "geldig_tot", "bron")


def _tables(data: Path) -> list[Path]:
    return sorted(data.glob("*.json"))


def check(data: Path = DATA) -> int:
    """Report every table that does not read, is not canonical, or is not named as its file."""
    bad = 0
    for path in _tables(data):
        text = path.read_text(encoding="utf-8")
        try:
            lijst = loads(text)
        except InvalidDocument as exc:
            print(f"{path.name}: {exc}")
            bad += 1
            continue
        if lijst.naam != path.stem:
            print(f"{path.name}: named {lijst.naam!r}, not {path.stem!r}")
            bad += 1
        if dumps(lijst) != text:
            print(f"{path.name}: not in the canonical layout (run: python scripts/codetables.py format)")
            bad += 1
    print(f"{len(_tables(data))} code tables, {bad} problem{'s' if bad != 1 else ''}")
    return 1 if bad else 0


def format_all(data: Path = DATA) -> int:
    """Rewrite every table in the canonical layout (tables that do not read are reported, not touched)."""
    for path in _tables(data):
        try:
            path.write_text(dumps(loads(path.read_bytes())), encoding="utf-8")
        except InvalidDocument as exc:
            print(f"{path.name}: {exc}")
            return 1
    return check(data)


def _value(row: dict[str, str]) -> CodeValue:
    def day(key: str) -> dt.date | None:
        return dt.date.fromisoformat(row[key]) if row.get(key) else None

    kenmerken = {k: v for k, v in row.items() if k not in _FIXED and v}
    return CodeValue(
        row["code"],
        row["omschrijving"],
        day("geldig_van"),
        day("geldig_tot"),
        row.get("bron") or "",
        kenmerken,
    )


def import_csv(naam: str, csv_path: Path, versie: str | None, data: Path = DATA) -> int:
    """Replace the values of table ``naam`` by the rows of ``csv_path``."""
    target = data / f"{naam}.json"
    old: Waardenlijst = loads(target.read_bytes())
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    try:
        values = tuple(_value(row) for row in rows)
        new = attrs.evolve(old, waarden=values, versie=versie or old.versie)
        text = dumps(new)
        loads(text)
    except (KeyError, ValueError) as exc:
        print(f"{csv_path}: {exc}")
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"{naam}: {len(old)} → {len(new)} values")
    return check(data)


def main(argv: list[str] | None = None) -> int:
    """Run one of the commands."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--data", type=Path, default=DATA, help="the folder of the tables (default: the package's)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="check every shipped table")
    sub.add_parser("format", help="rewrite every table in the canonical layout")
    imp = sub.add_parser("import", help="replace a table's values from a ;-separated CSV")
    imp.add_argument("naam")
    imp.add_argument("csv", type=Path)
    imp.add_argument("--versie", help="the new edition of the table's source")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data)
    if args.command == "format":
        return format_all(args.data)
    return import_csv(args.naam, args.csv, args.versie, args.data)


if __name__ == "__main__":
    sys.exit(main())
