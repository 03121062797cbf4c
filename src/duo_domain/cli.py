"""The ``duo-domain`` command: a thin I/O shell around the core.

Each subcommand lives in its own module under ``duo_domain._cli`` and is
listed in `COMMANDS`. Exit codes are a public contract:

* ``0`` — done, nothing at error level;
* ``1`` — invalid input or error-level findings;
* ``2`` — usage error or unreadable input, with one line on stderr.

What each code means for each command is in `EXIT_CODES`, which every
``--help`` prints at its end.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from duo_domain._cli import EXIT_USAGE, CliError, Command
from duo_domain._version import __version__
from duo_domain.errors import mask_numbers

__all__ = ["COMMANDS", "EXIT_CODES", "main"]

#: The modules that each define one subcommand, in the order of ``--help``.
COMMANDS: tuple[str, ...] = (
    "duo_domain._cli.demo",
    "duo_domain._cli.rules",
    "duo_domain._cli.validate",
    "duo_domain._cli.check",
    "duo_domain._cli.uitslag",
    "duo_domain._cli.afwezigheid",
    "duo_domain._cli.reconcile",
    "duo_domain._cli.convert",
    "duo_domain._cli.export",
)


#: What each exit code means, per command; the end of each command's ``--help``.
EXIT_CODES: dict[str, tuple[tuple[int, str], ...]] = {
    "demo": ((0, "the demo ran"),),
    "rules": ((0, "the catalogue was listed"), (2, "a bad --peildatum or another usage error")),
    "validate": (
        (0, "nothing at error level"),
        (1, "an error-level finding (an XSD violation always is one)"),
        (2, "not such a document, XML refused for safety, a bad --referentiedata file, or a usage error"),
    ),
    "check": (
        (0, "valid"),
        (1, "invalid (the reason is printed)"),
        (2, "an unknown KIND or another usage error"),
    ),
    "uitslag": (
        (0, "an uitslag was determined, geslaagd or afgewezen"),
        (2, "a malformed document (the message names the field), or a usage error"),
    ),
    "reconcile": (
        (0, "nothing differs (--funding: the sides agree) and DUO's file has no problem"),
        (1, "something differs, or DUO's file has a problem (e.g. a sluitrecord count)"),
        (2, "a file unreadable, empty, cut off or of another kind; an unknown --ignore; a usage error"),
    ),
    "afwezigheid": (
        (0, "judged; no report missing or late"),
        (1, "a report to DUO missing or late"),
        (2, "a malformed document (the message names the field), or a usage error"),
    ),
    "convert": ((0, "converted"), (2, "input that cannot be converted, or a usage error")),
    "export": (
        (0, "the file was read cleanly and its tables written"),
        (1, "lines or elements with problems (printed after the tables)"),
        (2, "an unreadable file, or a usage error"),
    ),
}

_GENERAL_EXIT_CODES = (
    "exit codes:\n"
    "  0  done; nothing at error level\n"
    "  1  invalid input or error-level findings\n"
    "  2  usage error or unreadable input (one line on stderr)\n"
    "each command's --help says what they mean for it"
)


def _epilog(command: str) -> str:
    codes = EXIT_CODES.get(command)
    if codes is None:  # a command without its own entry still shows the general meanings
        return _GENERAL_EXIT_CODES
    return "exit codes:\n" + "\n".join(f"  {code}  {meaning}" for code, meaning in codes)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, mask_numbers(f"{self.prog}: error: {message}\n"))


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand."""
    parser = _Parser(
        prog="duo-domain",
        description="Check, explain and convert what schools exchange with DUO.",
        epilog=_GENERAL_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"duo-domain {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        command: Command = importlib.import_module(name).COMMAND
        p = sub.add_parser(
            command.name,
            help=command.help,
            description=command.help,
            epilog=_epilog(command.name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.configure(p)
        p.set_defaults(_run=command.run)
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code instead of exiting.

    Args:
        argv: The arguments (without the program name); ``sys.argv[1:]`` by default.
        stdout: Where results go; ``sys.stdout`` by default.
        stderr: Where the one-line reason for exit 2 goes; ``sys.stderr`` by default.
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        # argparse writes --help, --version and usage errors to sys.stdout/sys.stderr itself.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "_run", None) is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        return int(args._run(args, out))
    except CliError as exc:
        print(f"duo-domain {args.command}: {exc}", file=err)
        return exc.exit_code
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


def run() -> NoReturn:
    """Entry point for the console script and ``python -m duo_domain``."""
    sys.exit(main())
