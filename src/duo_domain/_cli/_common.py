"""What every subcommand shares: the command record, exit codes, input and JSON output."""

from __future__ import annotations

import argparse
import sys

from duo_domain.errors import DuoDomainError, InvalidDocument, mask_numbers

#: ``typing.TYPE_CHECKING`` without importing ``typing``: ``duo-domain check`` starts in a blink.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable
    from typing import Any, TextIO

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "CliError",
    "Command",
    "date_option",
    "is_dir",
    "is_file",
    "is_xml",
    "one_line",
    "print_json",
    "read_bytes",
    "refused",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: Input larger than this is refused before it is read whole.
MAX_INPUT_BYTES = 512 * 1024 * 1024


class CliError(Exception):
    """A reason to stop with one line on stderr (exit 2 unless told otherwise)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(mask_numbers(message))
        self.exit_code = exit_code


class Command:
    """One subcommand: its name, one line of help, its arguments and its body."""

    __slots__ = ("configure", "help", "name", "run")

    def __init__(
        self,
        name: str,
        help: str,  # noqa: A002 - argparse's word for it
        configure: Callable[[argparse.ArgumentParser], None],
        run: Callable[[argparse.Namespace, TextIO], int],
    ) -> None:
        self.name = name
        self.help = help
        self.configure = configure
        self.run = run


def terminal_width(narrowest: int = 60, widest: int = 100) -> int:
    """The columns to write for: the terminal's width (or ``$COLUMNS``), kept between the two bounds."""
    import shutil  # imported here: only commands that draw a table pay for it

    columns = shutil.get_terminal_size((widest, 24)).columns
    return max(narrowest, min(widest, columns))


def _stat_mode(name: str) -> int | None:
    """The mode of ``name``, or ``None`` for a name that names nothing (too long, a NUL in it, missing)."""
    import os  # imported here: commands that read no file do not pay for it

    try:
        return os.stat(name).st_mode
    except (OSError, ValueError):
        return None


def is_dir(name: str) -> bool:
    """Whether ``name`` is a directory; ``False`` for any name the system cannot even look up."""
    import stat

    mode = _stat_mode(name)
    return mode is not None and stat.S_ISDIR(mode)


def is_file(name: str) -> bool:
    """Whether ``name`` is a regular file (or a pipe); ``False`` for any name the system cannot look up."""
    import stat

    mode = _stat_mode(name)
    return mode is not None and not stat.S_ISDIR(mode)


def read_bytes(name: str) -> bytes:
    """The whole content of file ``name`` (``-`` for stdin).

    Raises:
        CliError: when the file cannot be read (exit 2).
    """
    if name == "-":
        return sys.stdin.buffer.read()
    from pathlib import Path  # imported here: commands that read no file do not pay for it

    path = Path(name)
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise CliError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
        return path.read_bytes()
    except (OSError, ValueError) as exc:
        raise file_error(name, exc) from None


def file_error(name: str, exc: OSError | ValueError) -> CliError:
    """The one line for a file that cannot be opened or read (``ValueError``: a NUL in the name)."""
    if isinstance(exc, FileNotFoundError):
        return CliError(f"{name}: no such file")
    if isinstance(exc, IsADirectoryError):
        return CliError(f"{name}: is a directory")
    if isinstance(exc, OSError):
        return CliError(f"{name}: cannot be read ({exc.strerror})")
    return CliError(f"{name!r}: not a file name")


def date_option(option: str, text: str) -> dt.date:
    """The date an option gives, read as the documents' dates are: ``YYYY-MM-DD`` with ASCII digits only.

    The shared reading layer decides, so an option takes exactly what a document field takes (not
    ``20260701``, ``2026-W27-1`` or other scripts' digits).

    Raises:
        CliError: for anything else (exit 2); the text is quoted masked.
    """
    from duo_domain.serialize.reading import read_date  # imported here: most commands take no date

    try:
        return read_date(text)
    except ValueError:
        raise CliError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None


def print_json(data: Any, out: TextIO) -> None:
    """Write ``data`` as indented JSON with a final newline."""
    import json  # imported here: commands that print no JSON do not pay for it

    out.write(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    out.write("\n")


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks too) made one space."""
    return " ".join(text.split())


def refused(name: str, exc: DuoDomainError) -> CliError:
    """The one-line reason (exit 2) for input ``name`` that cannot be read: the same for every command.

    A document's problems read ``<file>: <document>: <message> @ <path> (and N more)``.
    """
    if isinstance(exc, InvalidDocument):
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        return CliError(one_line(f"{name}: {exc.document}: {exc.problems[0]}{more}"))
    return CliError(one_line(f"{name}: {exc}"))


def is_xml(data: bytes) -> bool:
    """Whether the input is XML: ``<`` first, after a byte order mark and white space."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or data.startswith((b"\xff\xfe", b"\xfe\xff"))
