"""``duo-domain reconcile OWN DUO_FILE``: own records against DUO's registratieoverzicht.

Prints every difference, every problem of DUO's file and a summary line (or,
with ``--json``, the reconciliation as JSON). ``--only AREA`` (repeatable:
``inschrijvingen``, ``bpv``, ``diplomas``) chooses what to compare; by default
the enrolments and BPV agreements, and the diplomas when the own records
include at least one. ``--funding FILE`` (a TBG-i, GRONDSLAG or OBO; repeatable) shows the
funding view instead (see [`duo_domain.reconcile.funding`][duo_domain.reconcile.funding]).

DUO's file is believed only when it is whole: an empty file, a file cut off
before its sluitrecord and a file of another kind are refused (exit 2, one
line saying why). Sluitrecord counts that differ from the records read are
printed as problems of DUO's file (exit 1). Unknown ``--ignore`` names are
refused. Students are shown masked with a pseudonym (random per run; stable
across runs with ``--pseudonym-key-file``). Exit codes: 0 when nothing differs
and DUO's file has no problem, 1 otherwise, 2 with one line on stderr when a
file cannot be used.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from duo_domain._cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    CliError,
    Command,
    print_json,
    read_bytes,
    refused,
)
from duo_domain._cli._stream import blocks, opened
from duo_domain.errors import DuoDomainError, InvalidDocument

# ``duo_domain.reconcile`` holds only the area names; the comparison itself
# (with the MBO domain and the return-file reader) is imported when the command runs.
from duo_domain.reconcile import AREAS


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("own", metavar="OWN", help="the own records: a JSON document of MBO student records")
    p.add_argument(
        "duo_file",
        metavar="DUO_FILE",
        nargs="?",
        help="DUO's registratieoverzicht (RO_*.csv); not with --funding",
    )
    p.add_argument("--json", action="store_true", help="print the differences as JSON")
    p.add_argument(
        "--ignore",
        metavar="ENTITY.FIELD",
        action="append",
        default=[],
        help="a field not to compare, e.g. periode.niveau (repeatable; unknown names are refused)",
    )
    p.add_argument(
        "--only",
        metavar="AREA",
        action="append",
        choices=list(AREAS),
        help=f"compare only this area: {', '.join(AREAS)} (repeatable; by default the "
        "enrolments and BPV agreements, and the diplomas when the own records include one)",
    )
    p.add_argument(
        "--funding",
        metavar="FILE",
        action="append",
        default=[],
        help="the funding view against DUO's TBG-i (XML), GRONDSLAG IP MBO or OBO (repeatable, one of each)",
    )
    p.add_argument(
        "--teldatum",
        metavar="YYYY-MM-DD",
        action="append",
        default=[],
        help="a teldatum for the funding view besides those in DUO's files (repeatable)",
    )
    p.add_argument(
        "--pseudonym-key-file",
        metavar="FILE",
        help="the secret key of the students' pseudonyms (the file's bytes); random per run by default",
    )


def _own(name: str) -> list[Any]:
    from duo_domain.serialize.json import loads_mbo

    try:
        loaded = loads_mbo(read_bytes(name))
    except DuoDomainError as exc:
        raise refused(name, exc) from None
    return loaded if isinstance(loaded, list) else [loaded]


def _key(args: argparse.Namespace) -> bytes | None:
    if not args.pseudonym_key_file:
        return None
    key = read_bytes(args.pseudonym_key_file)
    if not key:
        raise CliError(f"{args.pseudonym_key_file}: empty; a pseudonym key needs at least one byte")
    return key


def _duo(name: str) -> Any:
    from duo_domain.serialize import returnfile

    with opened(name) as (handle, xml):
        if xml:
            raise CliError(
                f"{name}: an XML file (a TBG-i?), not a registratieoverzicht (RO); "
                "compare funding with --funding"
            )
        try:
            return returnfile.read(blocks(handle, desc="reading DUO's file"))
        except InvalidDocument as exc:
            raise refused(name, exc) from None


def _print(result: Any, args: argparse.Namespace, out: TextIO) -> None:
    for problem in result.problems:
        out.write(f"{args.duo_file}: problem of DUO's file: {problem}\n")
    for difference in result:
        out.write(f"[{difference.category.value}] {difference.message}\n")
    if result.left_empty:
        empty = ", ".join(f"{name} ({count})" for name, count in result.left_empty)
        out.write(f"not compared where DUO left them empty: {empty}\n")
    counts = ", ".join(f"{c.value} {len(ds)}" for c, ds in result.by_category().items())
    if not args.only and "diploma" not in result.compared:
        out.write("diplomas not compared: the own records include none (--only diplomas compares them)\n")
    out.write(f"{len(result)} difference{'s' if len(result) != 1 else ''} ({counts})\n")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from duo_domain.reconcile.mbo import IGNORABLE, reconcile

    unknown = sorted(set(args.ignore) - set(IGNORABLE))
    if unknown:
        raise CliError(
            f"--ignore: unknown field {', '.join(map(repr, unknown))}; give ENTITY.FIELD, "
            f"one of: {', '.join(IGNORABLE)}"
        )
    if args.funding:
        from duo_domain._cli._funding import run_funding

        return run_funding(args, _own(args.own), _key(args), out)
    if args.duo_file is None:
        raise CliError("give DUO_FILE (a registratieoverzicht), or --funding FILE")
    own = _own(args.own)
    key = _key(args)
    duo = _duo(args.duo_file)
    try:
        result = reconcile(own, duo, ignore=args.ignore, compare=args.only, pseudonym_key=key)
    except InvalidDocument as exc:
        raise refused(args.duo_file, exc) from None
    if args.json:
        print_json(result.to_dict(), out)
    else:
        _print(result, args, out)
    return EXIT_OK if result.ok else EXIT_FINDINGS


COMMAND = Command(
    "reconcile",
    "compare own MBO records (JSON) with DUO's registratieoverzicht, or its funding files, and list "
    "the differences",
    _configure,
    _run,
)
