"""Identity and reference codes: personal numbers, institution and RIO codes, DUO codes.

One module per identifier, named by its official Dutch name, each with the
same four functions:

* ``compact(value) -> str`` — remove separators (and upper-case codes with
  letters); no check.
* ``validate(value) -> str`` — the canonical form, or an
  [`InvalidIdentifier`][duo_domain.errors.InvalidIdentifier] subclass
  ([`InvalidFormat`][duo_domain.errors.InvalidFormat],
  [`InvalidLength`][duo_domain.errors.InvalidLength],
  [`InvalidChecksum`][duo_domain.errors.InvalidChecksum],
  [`InvalidComponent`][duo_domain.errors.InvalidComponent]) whose ``kind`` is the module's
  ``KIND``.
* ``is_valid(value) -> bool`` — never raises, whatever it is given.
* ``format(value) -> str`` — the print form, after validating.

Personal numbers (BSN, onderwijsnummer) never appear in an error message;
their value types [`Bsn`][duo_domain.identity.bsn.Bsn] and
[`Onderwijsnummer`][duo_domain.identity.onderwijsnummer.Onderwijsnummer] mask them in
``repr`` and ``str``, and `mask` masks a plain string the same way.

Examples:
    >>> from duo_domain.identity import bsn, onderwijslocatie, Bsn
    >>> bsn.is_valid("111222333"), onderwijslocatie.is_valid("110X912")
    (True, True)
    >>> Bsn("111222333")
    Bsn('*****2333')
"""

from __future__ import annotations

import importlib

#: ``typing.TYPE_CHECKING`` without importing ``typing``: checking one number imports little else.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

    from duo_domain.identity import (
        brin,
        bsn,
        crebo,
        elementcode,
        keuzedeel,
        leerbedrijf,
        oin,
        onderwijsaanbieder,
        onderwijsbestuur,
        onderwijslocatie,
        onderwijsnummer,
        opleidingseenheid,
        postcode,
        vakcode,
        vestiging,
    )
    from duo_domain.identity._common import mask
    from duo_domain.identity.bsn import Bsn
    from duo_domain.identity.onderwijsnummer import Onderwijsnummer
    from duo_domain.identity.student import (
        Adres,
        BuitenlandsAdres,
        Geslacht,
        NederlandsAdres,
        OnvolledigeDatum,
        Persoonsgegevens,
        Student,
    )

    IDENTIFIERS: dict[str, ModuleType]

__all__ = [
    "IDENTIFIERS",
    "Adres",
    "Bsn",
    "BuitenlandsAdres",
    "Geslacht",
    "NederlandsAdres",
    "Onderwijsnummer",
    "OnvolledigeDatum",
    "Persoonsgegevens",
    "Student",
    "brin",
    "bsn",
    "crebo",
    "elementcode",
    "keuzedeel",
    "leerbedrijf",
    "mask",
    "oin",
    "onderwijsaanbieder",
    "onderwijsbestuur",
    "onderwijslocatie",
    "onderwijsnummer",
    "opleidingseenheid",
    "postcode",
    "vakcode",
    "vestiging",
]

#: The identifier modules in a stable order; ``IDENTIFIERS`` maps each one's ``KIND`` to it.
_IDENTIFIER_MODULES: tuple[str, ...] = (
    "bsn",
    "onderwijsnummer",
    "brin",
    "vestiging",
    "onderwijsbestuur",
    "onderwijsaanbieder",
    "onderwijslocatie",
    "opleidingseenheid",
    "crebo",
    "keuzedeel",
    "leerbedrijf",
    "postcode",
    "oin",
    "elementcode",
    "vakcode",
)

#: Names loaded from their own module on first use, so that checking one
#: identifier imports that identifier's module alone.
_LAZY: dict[str, str] = {
    "mask": "duo_domain.identity._common",
    "Bsn": "duo_domain.identity.bsn",
    "Onderwijsnummer": "duo_domain.identity.onderwijsnummer",
    **dict.fromkeys(
        (
            "Adres",
            "BuitenlandsAdres",
            "Geslacht",
            "NederlandsAdres",
            "OnvolledigeDatum",
            "Persoonsgegevens",
            "Student",
        ),
        "duo_domain.identity.student",
    ),
}


def __getattr__(name: str) -> Any:
    if name in _IDENTIFIER_MODULES:
        value: Any = importlib.import_module(f"{__name__}.{name}")
    elif name == "IDENTIFIERS":
        # Every identifier module by its ``KIND``, in a stable order.
        value = {m.KIND: m for m in (importlib.import_module(f"{__name__}.{n}") for n in _IDENTIFIER_MODULES)}
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
