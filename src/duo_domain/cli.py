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
import importlib
import os
import sys

from duo_domain._cli import EXIT_USAGE, CliError
from duo_domain._version import __version__
from duo_domain.errors import DuoDomainError, mask_numbers

#: ``typing.TYPE_CHECKING`` without importing ``typing``, to keep the start-up of every command short.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn, TextIO

    from duo_domain._cli import Command

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
        (
            2,
            "not such a document, XML refused for safety, a bad --referentiedata file or --codetabellen"
            " directory, or a usage error",
        ),
    ),
    "check": (
        (0, "valid"),
        (1, "invalid (the reason is printed)"),
        (2, "an unknown KIND or another usage error"),
    ),
    "uitslag": (
        (0, "an uitslag was determined, geslaagd or afgewezen"),
        (
            2,
            "a malformed document (the message names the field), a bad --codetabellen directory,"
            " or a usage error",
        ),
    ),
    "reconcile": (
        (0, "nothing differs (--funding: the sides agree) and DUO's file has no problem"),
        (1, "something differs, or DUO's file has a problem (e.g. a sluitrecord count)"),
        (2, "a file unreadable, empty, cut off or of another kind; an unknown --ignore; a usage error"),
    ),
    "afwezigheid": (
        (0, "judged; no report missing or late"),
        (1, "a report to DUO missing or late"),
        (
            2,
            "a malformed document (the message names the field), a bad --codetabellen directory,"
            " or a usage error",
        ),
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


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal width so that argparse need not import shutil.

    argparse builds a formatter for every argument it adds; left to find the width itself it
    imports shutil (and with it the compression modules) on every start of the command.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=_terminal_width() - 2)


def _terminal_width() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it: ``COLUMNS``, the terminal, or 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, mask_numbers(f"{self.prog}: error: {message}\n"))


def _name(module: str) -> str:
    """A subcommand's name: the last part of its module's name."""
    return module.rsplit(".", 1)[-1]


def _dispatched(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, when its first positional word is one."""
    for word in argv:
        if not word.startswith("-"):
            return word if any(_name(m) == word for m in COMMANDS) else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every subcommand (or with subcommand ``only`` alone).

    Args:
        only: The one subcommand to configure: running a command imports that
            command's module only, not every other command's dependencies.
    """
    parser = _Parser(
        prog="duo-domain",
        description="Check, explain and convert what schools exchange with DUO.",
        epilog=_GENERAL_EXIT_CODES,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"duo-domain {__version__}")
    # An explicit prog spares argparse formatting a usage line (and importing shutil) at start-up.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog="duo-domain")
    for name in COMMANDS:
        if only is not None and _name(name) != only:
            continue
        command: Command = importlib.import_module(name).COMMAND
        p = sub.add_parser(
            command.name,
            help=command.help,
            description=command.help,
            epilog=_epilog(command.name),
            formatter_class=_Formatter,
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
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(_dispatched(words))
    try:
        # argparse writes --help, --version and usage errors to sys.stdout/sys.stderr itself.
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            args = parser.parse_args(words)
        finally:
            sys.stdout, sys.stderr = saved
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "_run", None) is None:
        parser.print_help(out)
        return EXIT_USAGE
    args._stderr = err  # where a command writes what is not its result (batch mode's summary)
    try:
        return int(args._run(args, out))
    except CliError as exc:
        print(f"duo-domain {args.command}: {exc}", file=err)
        return exc.exit_code
    except DuoDomainError as exc:
        # Unusable input that a command did not word itself: still one masked line and exit 2,
        # never a traceback (the exception's message is masked already; the line is masked again).
        print(mask_numbers(" ".join(f"duo-domain {args.command}: {exc}".split())), file=err)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


def run() -> NoReturn:
    """Entry point for the console script and ``python -m duo_domain``."""
    sys.exit(main())
