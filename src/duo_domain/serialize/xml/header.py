"""A message: the business-document header (DUO's ``Bedrijfsdocument``) and its contents.

DUO's message conventions give every message body four header elements: a
UUID that identifies the document, the sending and the receiving party
(an OIN or a BRIN code, 1 to 22 characters), and the moment the document was
made, in UTC.

Examples:
    >>> import datetime as dt, uuid
    >>> kop = Bedrijfsdocument(
    ...     identificatiecode=uuid.UUID("3f2b8c4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f"),
    ...     verzendende_instantie="25LX",
    ...     ontvangende_instantie="DUO",
    ...     datum_tijd=dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc),
    ... )
    >>> kop.verzendende_instantie
    '25LX'
    >>> Bedrijfsdocument.nieuw("25LX", "DUO").ontvangende_instantie
    'DUO'
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import attrs

from duo_domain import _fields as f
from duo_domain._fields import json_type
from duo_domain.errors import DuoDomainError, InvalidValue

__all__ = ["Bedrijfsdocument", "Bericht"]


def _utc(value: dt.datetime) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise InvalidValue(
            f"expected a datetime.datetime, got {json_type(value)}", field="Bedrijfsdocument.datum_tijd"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise DuoDomainError("datum_tijd must carry a time zone (the header is in UTC)")
    return value.astimezone(dt.UTC)


def _instantie(_inst: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValue(
            f"expected a string, got {json_type(value)}", field=f"Bedrijfsdocument.{attribute.name}"
        )
    if not 1 <= len(value) <= 22:
        raise DuoDomainError(f"{attribute.name} must have 1 to 22 characters (an OIN or a BRIN code)")


@attrs.frozen
class Bedrijfsdocument:
    """The header of a message.

    Attributes:
        identificatiecode: Identifies this document (DUO ``IdentificatieBedrijfsdocument``).
        verzendende_instantie: The sender: OIN or BRIN code, 1–22 characters.
        ontvangende_instantie: The receiver, e.g. ``DUO``, 1–22 characters.
        datum_tijd: When the document was made; any aware datetime is
            converted to UTC (DUO ``DatumTijdBedrijfsdocument``).

    Raises:
        DuoDomainError: a party of the wrong length, or a naive datetime; `InvalidValue` (naming the
            field) for a value of the wrong type.
    """

    identificatiecode: uuid.UUID = attrs.field(validator=f.instance(uuid.UUID, "a UUID"))
    verzendende_instantie: str = attrs.field(validator=_instantie)
    ontvangende_instantie: str = attrs.field(validator=_instantie)
    datum_tijd: dt.datetime = attrs.field(converter=_utc)

    @classmethod
    def nieuw(cls, verzendende_instantie: str, ontvangende_instantie: str = "DUO") -> Bedrijfsdocument:
        """A header with a fresh random UUID and the current time (UTC)."""
        return cls(
            uuid.uuid4(),
            verzendende_instantie,
            ontvangende_instantie,
            dt.datetime.now(dt.UTC),
        )


def _tuple(value: Any) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise InvalidValue(f"expected a sequence of records, got {json_type(value)}", field="Bericht.inhoud")
    return tuple(value)


@attrs.frozen
class Bericht:
    """One XML message: its kind, its header and its records.

    Attributes:
        soort: The message kind, the local name of its root element, e.g.
            ``"aanleverenInschrijvingMBO"`` (see `BERICHTSOORTEN`).
        kop: The header.
        inhoud: The records: [`MboStudentRecord`][duo_domain.mbo.record.MboStudentRecord]
            for the MBO messages, [`Student`][duo_domain.identity.Student] for
            ``identificerenPersoon``, [`Examenkandidaat`][duo_domain.vo.model.Examenkandidaat]
            for ``aanleverenExamenresultaatVO``.
    """

    soort: str = attrs.field(validator=f.text)
    kop: Bedrijfsdocument = attrs.field(validator=f.instance(Bedrijfsdocument, "a Bedrijfsdocument"))
    inhoud: tuple[Any, ...] = attrs.field(converter=_tuple)
