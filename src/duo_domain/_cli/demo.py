"""``duo-domain demo``: run the library on example data bundled in the package.

The demo is made of sections, one module each, listed in :data:`SECTIONS`;
each module has a ``section(out)`` function that prints its part.
"""

from __future__ import annotations

import argparse
import importlib
from collections import Counter
from typing import TextIO

from duo_domain._cli._common import EXIT_OK, Command
from duo_domain._version import __version__
from duo_domain.rules import registry

#: Modules with a ``section(out: TextIO) -> None`` function, in print order.
SECTIONS: tuple[str, ...] = (
    "duo_domain._cli.demo_identity",
    "duo_domain._cli.demo_mbo",
    "duo_domain._cli.demo_mbo_results",
    "duo_domain._cli.demo_vo",
)


def _catalogue(out: TextIO) -> None:
    rules = registry.catalogue()
    by_severity = Counter(r.severity.value for r in rules)
    out.write(f"Rule catalogue: {len(rules)} rules")
    if by_severity:
        out.write(" (" + ", ".join(f"{n} {s}" for s, n in sorted(by_severity.items())) + ")")
    out.write("\n")


def _configure(p: argparse.ArgumentParser) -> None:
    del p  # no options


def _run(args: argparse.Namespace, out: TextIO) -> int:
    del args
    out.write(f"duo_domain {__version__} demo (bundled synthetic data; no real persons)\n\n")
    _catalogue(out)
    for name in SECTIONS:
        out.write("\n")
        importlib.import_module(name).section(out)
    return EXIT_OK


COMMAND = Command("demo", "run the library on bundled example data and summarise", _configure, _run)
