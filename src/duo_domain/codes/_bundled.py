"""The code tables shipped inside the package (``duo_domain/codes/data/<naam>.json``)."""

from __future__ import annotations

import functools
from importlib import resources

from duo_domain._fields import quoted
from duo_domain.codes._json import loads
from duo_domain.codes._model import Waardenlijst
from duo_domain.errors import InvalidCode

_DATA = "data"


@functools.cache
def namen() -> tuple[str, ...]:
    """The names of the shipped code tables, sorted.

    Examples:
        >>> "leertraject" in namen(), "vakcodes" in namen()
        (True, True)
    """
    folder = resources.files(__package__ or "duo_domain.codes").joinpath(_DATA)
    return tuple(sorted(f.name.removesuffix(".json") for f in folder.iterdir() if f.name.endswith(".json")))


def waardenlijst(naam: str) -> Waardenlijst:
    """The shipped code table ``naam``: read on first use, then the same object for the whole process.

    A vendor with a newer edition reads its own file with
    [`loads`][duo_domain.codes.loads] instead and passes that table where the
    library takes one.

    Raises:
        InvalidCode: when no table of that name is shipped (see [`namen`][duo_domain.codes.namen]).

    Examples:
        >>> lijst = waardenlijst("leertraject")
        >>> lijst.get("BBL").kenmerken["leerweg"]
        'BBL'
        >>> waardenlijst("leertraject") is lijst
        True
    """
    if not isinstance(naam, str) or naam not in namen():
        raise InvalidCode(f"no code table {quoted(naam)}; shipped: {', '.join(namen())}", value=quoted(naam))
    return _shipped(naam)


@functools.cache
def _shipped(naam: str) -> Waardenlijst:
    package = __package__ or "duo_domain.codes"
    return loads(resources.files(package).joinpath(_DATA, f"{naam}.json").read_bytes())
