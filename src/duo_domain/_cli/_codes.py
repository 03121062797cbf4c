"""``--codetabellen DIR``: the option of every command that judges, for a vendor's newer code tables.

The directory holds code-table files in the one format of
[`duo_domain.codes`][duo_domain.codes] (JSON, one table per file; the file name does not
matter, the table's ``naam`` does). Each table replaces the shipped table of
that name for the whole run, in batch mode on every worker too; a name the
library ships no table of, a table that cannot be read or that lacks what the
library reads from it, stops the command before anything is judged: exit 2,
one line naming the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from duo_domain._cli._common import CliError, read_bytes, refused
from duo_domain.errors import DuoDomainError

if TYPE_CHECKING:
    from collections.abc import Callable

    from duo_domain.codes import Codetabellen

__all__ = ["add_argument", "codetabellen"]


def add_argument(p: argparse.ArgumentParser) -> None:
    """Add ``--codetabellen DIR`` to a command."""
    p.add_argument(
        "--codetabellen",
        metavar="DIR",
        help="a directory of code-table files (JSON, the format of duo_domain.codes) that replace "
        "the shipped tables of the same naam",
    )


def _check_readers(codes: Codetabellen) -> None:
    """Read every given table the way the library will, so that a bad one fails now, not mid-run."""
    from duo_domain.mbo.codes import bbl_leertrajecten
    from duo_domain.mbo.examencodes import examencodetabel
    from duo_domain.vo.codes import elementcodetabel, vakcodetabel
    from duo_domain.vo.deadlines import se_termijnen

    readers: dict[str, Callable[[Codetabellen], object]] = {
        "vakcodes": vakcodetabel,
        "elementcodes": elementcodetabel,
        "generieke_examenonderdelen": examencodetabel,
        "se_termijnen": se_termijnen,
        "leertraject": bbl_leertrajecten,
    }
    for naam in codes.eigen():
        reader = readers.get(naam)
        if reader is not None:
            reader(codes)


def codetabellen(args: argparse.Namespace) -> Codetabellen | None:
    """The tables of ``--codetabellen``, or ``None`` (the shipped tables) without the option.

    Raises:
        CliError: when the directory or a table in it cannot be used (exit 2, one line).
    """
    name = getattr(args, "codetabellen", None)
    if name is None:
        return None
    from duo_domain.codes import Codetabellen, loads

    folder = Path(name)
    if not folder.is_dir():
        raise CliError(f"--codetabellen {name}: not a directory")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".json")
    if not files:
        raise CliError(f"--codetabellen {name}: no .json code-table files in this directory")
    lijsten = []
    for path in files:
        try:
            lijsten.append(loads(read_bytes(str(path))))
        except DuoDomainError as exc:
            raise refused(f"--codetabellen {path}", exc) from None
    for lijst, path in zip(lijsten, files, strict=True):
        try:
            _check_readers(Codetabellen(lijst))
        except DuoDomainError as exc:
            raise refused(f"--codetabellen {path}", exc) from None
    try:
        return Codetabellen(*lijsten)
    except DuoDomainError as exc:  # a table given twice
        raise refused(f"--codetabellen {name}", exc) from None
