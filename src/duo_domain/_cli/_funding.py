"""``duo-domain reconcile OWN --funding FILE``: the funding view of the own records against DUO's files.

Each ``--funding`` file is DUO's TBG-i (XML) or GRONDSLAG IP MBO (delimited),
told apart by their content; at most one of each. Prints the counts per
teldatum and side, every disagreement and every problem of DUO's files (or,
with ``--json``, the view as JSON). Exit codes as for ``reconcile``: 0 when
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
    is_xml,
    print_json,
    read_bytes,
    refused,
)
from duo_domain._cli._progress import progress_lines
from duo_domain.errors import InvalidDocument

__all__ = ["run_funding"]


def _teldata(texts: list[str]) -> list[dt.date]:
    return [date_option("--teldatum", text) for text in texts]


def _files(names: list[str]) -> dict[str, Any]:
    from duo_domain.serialize import returnfile

    found: dict[str, Any] = {}
    for name in names:
        data = read_bytes(name)
        value: Any
        try:
            if is_xml(data):
                kind, value = "tbgi", returnfile.read_tbgi(data)
            else:
                kind = "grondslag"
                value = returnfile.read(progress_lines(data, desc=f"reading {name}"), check_numbers=False)
        except InvalidDocument as exc:
            raise refused(name, exc) from None
        if kind == "grondslag" and value.bestand not in (None, "GRONDSLAG"):
            raise CliError(
                f"{name}: a {value.bestand} file, not a TBG-i or GRONDSLAG IP MBO; "
                "a registratieoverzicht is compared without --funding"
            )
        if kind in found:
            raise CliError(f"{name}: a second {'TBG-i' if kind == 'tbgi' else 'GRONDSLAG'}; give one of each")
        found[kind] = value
    return found


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
        return EXIT_OK if view.ok else EXIT_FINDINGS
    if not view.teldata:
        out.write("no teldatum in DUO's files: give one with --teldatum YYYY-MM-DD\n")
    for t in view.tellingen:
        funded = "" if t.bekostigd is None else f", {t.bekostigd} bekostigd"
        out.write(
            f"teldatum {t.teldatum.isoformat()} {t.bestand}: {t.opgenomen} inschrijvingen, "
            f"{t.bekostigbaar} bekostigbaar{funded}\n"
        )
    for problem in view.problems:
        out.write(f"problem of DUO's file: {problem}\n")
    for difference in view:
        out.write(f"[{difference.category.value}] {difference.message}\n")
    out.write(f"{len(view)} difference{'s' if len(view) != 1 else ''}\n")
    return EXIT_OK if view.ok else EXIT_FINDINGS
