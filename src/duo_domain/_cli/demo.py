"""``duo-domain demo``: run the library on example data bundled in the package.

The demo is made of sections, one module each, listed in `SECTIONS`;
each module has a ``section(out)`` function that prints its part. The demo
fits the terminal, at most `WIDTH` columns and at least 60 (longer lines are
wrapped with a hanging indent), and ends with three next steps to try.
"""

from __future__ import annotations

import argparse
import importlib
import io
import textwrap
from collections import Counter
from typing import TextIO

from duo_domain._cli._common import EXIT_OK, Command, terminal_width
from duo_domain._version import __version__
from duo_domain.rules import registry

#: Modules with a ``section(out: TextIO) -> None`` function, in print order.
SECTIONS: tuple[str, ...] = (
    "duo_domain._cli.demo_identity",
    "duo_domain._cli.demo_mbo",
    "duo_domain._cli.demo_mbo_results",
    "duo_domain._cli.demo_vo",
)


#: The demo's output is never wider than this, even on a wider terminal.
WIDTH = 100

#: What to try after the demo: a command and what it shows.
NEXT_STEPS: tuple[tuple[str, str], ...] = (
    ("duo-domain check bsn 1112.22.333", "check one identifier (every kind: check --help)"),
    ("duo-domain validate records.json", "your own MBO records (JSON or XML), every finding"),
    ("duo-domain rules --prefix ROD.BPV", "the rules with their sources and validity"),
)


def _wrapped(line: str, width: int) -> list[str]:
    """``line`` in pieces of at most ``width`` columns, continued with a hanging indent."""
    if len(line) <= width:
        return [line]
    indent = " " * (len(line) - len(line.lstrip()) + 4)
    return textwrap.wrap(
        line, width=width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _next_steps(out: TextIO, columns: int) -> None:
    """The next steps, each on one line, or each what under its command when that would not fit."""
    out.write("Next steps:\n")
    width = max(len(command) for command, _ in NEXT_STEPS)
    one_line = 7 + width + max(len(what) for _, what in NEXT_STEPS) <= columns
    for number, (command, what) in enumerate(NEXT_STEPS, 1):
        if one_line:
            out.write(f"  {number}. {command:<{width}}  {what}\n")
        else:
            out.write(f"  {number}. {command}\n       {what}\n")


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
    text = io.StringIO()
    text.write(f"duo_domain {__version__} demo (bundled synthetic data; no real persons)\n\n")
    _catalogue(text)
    for name in SECTIONS:
        text.write("\n")
        importlib.import_module(name).section(text)
    text.write("\n")
    width = terminal_width(widest=WIDTH)
    _next_steps(text, width)
    for line in text.getvalue().splitlines():
        for piece in _wrapped(line, width):
            out.write(piece + "\n")
    return EXIT_OK


COMMAND = Command("demo", "run the library on bundled example data and summarise", _configure, _run)
