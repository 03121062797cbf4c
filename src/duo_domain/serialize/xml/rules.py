"""The catalogue entries for what reading an XML message can find.

Schema violations of a message are not exceptions but findings, so that a
vendor sees every problem of a message at once, each with its line. They are
produced while reading ([`read_message`][duo_domain.serialize.xml.read_message]), not
by [`duo_domain.rules.validate`][duo_domain.rules.validate], whose check functions here yield
nothing; they are registered so that they appear in the rule catalogue with
their id, severity and source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from duo_domain.rules import CheckContext, Severity, Violation, registry
from duo_domain.serialize.xml.header import Bericht

__all__ = ["SCHEMA", "WAARDE"]

#: Rule id: the message breaks its XSD.
SCHEMA = "XML.BERICHT.SCHEMA"
#: Rule id: a value the XSD lets through but the domain refuses.
WAARDE = "XML.BERICHT.WAARDE"

_SOURCE = "duo_domain XML schemas (urn:duo-domain:schema:*:v1), after DUO's published message conventions"


@registry.rule(
    SCHEMA,
    severity=Severity.AFKEUR,
    summary="An XML message conforms to its XSD.",
    guidance=(
        "Fix the element named in the message at the given line: its place, its presence or its "
        "format (dates YYYY-MM-DD, grades as decimals, BSN and onderwijsnummer nine digits, RIO codes)."
    ),
    source=_SOURCE,
    applies_to=Bericht,
)
def _schema(obj: Any, ctx: CheckContext) -> Iterator[Violation]:
    # Reported while reading the XML; nothing to check on the objects.
    yield from ()


@registry.rule(
    WAARDE,
    severity=Severity.AFKEUR,
    summary="Every value in an XML message is one the domain can hold.",
    guidance=(
        "Fix the value at the given line: a BSN or onderwijsnummer must pass its 11-proef, "
        "a date must exist, an incomplete date uses 00 only for an unknown day or month."
    ),
    source=_SOURCE,
    applies_to=Bericht,
)
def _waarde(obj: Any, ctx: CheckContext) -> Iterator[Violation]:
    yield from ()
