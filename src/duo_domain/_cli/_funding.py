"""``duo-domain reconcile OWN --funding FILE``: the funding view of the own records against DUO's files.

Each ``--funding`` file is DUO's TBG-i (XML), GRONDSLAG IP MBO or OBO
(delimited), told apart by their content; at most one of each, each read in blocks. Prints
the counts per teldatum and side, DUO's diplomas, every disagreement (per
enrolment for the TBG-i, per group for the GRONDSLAG) and every problem of
DUO's files (or, with ``--json``, the view as JSON). Exit codes as for ``reconcile``: 0 when
the sides agree and DUO's files have no problem, 1 otherwise, 2 with one line
when a file cannot be used.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from duo_domain._cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    CliError,
    date_option,
    one_line,
    print_json,
    refused,
)
from duo_domain._cli._stream import blocks, opened
from duo_domain.errors import InvalidDocument

__all__ = ["run_funding"]


def _teldata(texts: list[str]) -> list[dt.date]:
    return [date_option("--teldatum", text) for text in texts]


_NAMES = {"tbgi": "TBG-i", "grondslag": "GRONDSLAG", "obo": "OBO"}


def _read(name: str) -> tuple[str, Any]:
    """``("tbgi", Tbgi)`` or ``("grondslag", ReturnFile)``: the file read in blocks, never whole."""
    from duo_domain.serialize import returnfile

    with opened(name) as (handle, xml):
        try:
            if xml:
                return "tbgi", returnfile.read_tbgi(handle)
            return "grondslag", returnfile.read(blocks(handle, desc=f"reading {name}"), check_numbers=False)
        except InvalidDocument as exc:
            raise refused(name, exc) from None


def _files(names: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in names:
        kind, value = _read(name)
        if kind == "grondslag" and value.bestand == "OBO":
            kind = "obo"
        elif kind == "grondslag" and value.bestand not in (None, "GRONDSLAG"):
            raise CliError(
                f"{name}: a {value.bestand} file, not a TBG-i, GRONDSLAG IP MBO or OBO; "
                "a registratieoverzicht is compared without --funding"
            )
        if kind in found:
            raise CliError(f"{name}: a second {_NAMES[kind]}; give one of each")
        found[kind] = value
    return found


def _print(view: Any, out: TextIO) -> None:
    if not view.teldata:
        out.write("no teldatum in DUO's files: give one with --teldatum YYYY-MM-DD\n")
    for t in view.tellingen:
        funded = "" if t.bekostigd is None else f", {t.bekostigd} bekostigd"
        waarde = "" if t.deelnemerswaarde is None else f", deelnemerswaarde {t.deelnemerswaarde}"
        out.write(
            f"teldatum {t.teldatum.isoformat()} {t.bestand} {'/'.join(t.instellingen)}: "
            f"{t.opgenomen} inschrijvingen, {t.bekostigbaar} bekostigbaar{funded}{waarde}\n"
        )
    for d in view.diplomas:
        waarde = "" if d.diplomawaarde is None else f", diplomawaarde {d.diplomawaarde}"
        out.write(f"diplomas {d.bestand}: {d.diplomas}, {d.bekostigd} bekostigd{waarde}\n")
    for problem in view.problems:
        out.write(f"problem of DUO's file: {problem}\n")
    for difference in view:
        out.write(f"[{difference.category.value}] {difference.message}\n")
    for group in view.group_differences:
        out.write(f"[groep] {one_line(group.message)}\n")
    count = len(view) + len(view.group_differences)
    out.write(f"{count} difference{'s' if count != 1 else ''}\n")


def run_funding(args: argparse.Namespace, own: list[Any], key: bytes | None, out: TextIO) -> int:
    """The funding view for ``duo-domain reconcile --funding``."""
    from duo_domain.reconcile.funding import funding

    if args.duo_file is not None:
        raise CliError("give either DUO_FILE (a registratieoverzicht) or --funding FILE, not both")
    days = _teldata(args.teldatum)
    files = _files(args.funding)
    try:
        view = funding(own, teldata=days, pseudonym_key=key, **files)
    except InvalidDocument as exc:
        raise refused(", ".join(args.funding), exc) from None
    if args.json:
        print_json(view.to_dict(), out)
    else:
        _print(view, out)
    return EXIT_OK if view.ok else EXIT_FINDINGS
