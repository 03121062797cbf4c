"""``duo-domain reconcile OWN DUO_FILE``: own records against DUO's registratieoverzicht."""

from __future__ import annotations

import argparse
from typing import TextIO

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, CliError, Command, print_json, read_bytes
from duo_domain.errors import InvalidDocument


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("own", metavar="OWN", help="the own records: a JSON document of MBO student records")
    p.add_argument("duo_file", metavar="DUO_FILE", help="DUO's registratieoverzicht (RO_*.csv)")
    p.add_argument("--json", action="store_true", help="print the differences as JSON")
    p.add_argument(
        "--ignore",
        metavar="ENTITY.FIELD",
        action="append",
        default=[],
        help="a field not to compare, e.g. periode.niveau (repeatable)",
    )


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from duo_domain.mbo.reconcile import reconcile
    from duo_domain.serialize import returnfile
    from duo_domain.serialize.json import loads_mbo

    own_bytes = read_bytes(args.own)
    duo_bytes = read_bytes(args.duo_file)
    try:
        loaded = loads_mbo(own_bytes)
    except InvalidDocument as exc:
        raise CliError(f"{args.own}: {exc}") from None
    own = loaded if isinstance(loaded, list) else [loaded]
    try:
        duo = returnfile.read(duo_bytes)
    except InvalidDocument as exc:
        raise CliError(f"{args.duo_file}: {exc}") from None
    result = reconcile(own, duo, ignore=args.ignore)
    if args.json:
        data = result.to_dict()
        data["problemen_in_duo_bestand"] = [str(p) for p in duo.problems]
        print_json(data, out)
    else:
        for problem in duo.problems:
            out.write(f"{args.duo_file}: {problem}\n")
        for difference in result:
            out.write(f"[{difference.category.value}] {difference.message}\n")
        counts = ", ".join(f"{c.value} {len(ds)}" for c, ds in result.by_category().items())
        out.write(f"{len(result)} difference{'s' if len(result) != 1 else ''} ({counts})\n")
    return EXIT_OK if result.ok else EXIT_FINDINGS


COMMAND = Command(
    "reconcile",
    "compare own MBO records (JSON) with DUO's registratieoverzicht and list the differences",
    _configure,
    _run,
)
