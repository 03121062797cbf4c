"""``duo-domain rules``: list the rule catalogue."""

from __future__ import annotations

import argparse
from typing import TextIO

from duo_domain._cli._common import EXIT_OK, Command, date_option, print_json
from duo_domain.rules import registry


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print the catalogue as JSON")
    p.add_argument("--peildatum", metavar="YYYY-MM-DD", help="only the rules in force on this date")
    p.add_argument("--prefix", metavar="ID", help="only rules whose id starts with this, e.g. ROD.BPV")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    peildatum = None
    if args.peildatum:
        peildatum = date_option("--peildatum", args.peildatum)
    rules = registry.catalogue(peildatum)
    if args.prefix:
        rules = [r for r in rules if r.id == args.prefix or r.id.startswith(args.prefix + ".")]
    if args.json:
        print_json([r.to_dict() for r in rules], out)
        return EXIT_OK
    for r in rules:
        period = ""
        if r.geldig_van or r.geldig_tot:
            period = f" ({r.geldig_van or '…'} – {r.geldig_tot or '…'})"
        out.write(f"{r.id}  [{r.severity.value}]{period}\n    {r.summary}\n    source: {r.source}\n")
    out.write(f"{len(rules)} rule{'s' if len(rules) != 1 else ''}\n")
    return EXIT_OK


COMMAND = Command("rules", "list the rule catalogue (text or --json)", _configure, _run)
