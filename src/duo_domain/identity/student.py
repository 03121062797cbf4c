"""A student's identity: a BSN, an onderwijsnummer or neither, and the personal data DUO matches on.

DUO keys every person-bound record on one personal number: the BSN, or, for
a student whose BSN the school does not know, the onderwijsnummer DUO gave.
Never both (the DUO schemas make it an ``xsd:choice``). With neither, DUO
needs the personal data to find the BSN or to issue an onderwijsnummer:
geslachtsnaam, voorvoegsels, voornamen, geboortedatum (possibly incomplete),
geslacht and the formal home address, Dutch or foreign (DUO webservice
``IdentificerenPersoonVO_V1``, element ``ZonderPGN``).

The classes here only hold data and check types; what must be present and
how long each element may be are rules in [`duo_domain.identity.rules`][duo_domain.identity.rules],
reported as findings by [`duo_domain.rules.validate`][duo_domain.rules.validate].

``repr`` of a [`Student`][duo_domain.identity.student.Student] never shows a full BSN or onderwijsnummer, and
``repr`` of [`Persoonsgegevens`][duo_domain.identity.student.Persoonsgegevens] shows which elements are
present, not
their values.

Examples:
    >>> from duo_domain.identity import Bsn, Student
    >>> Student(bsn=Bsn("111222333"), studentnummer="S1001")
    Student(bsn=Bsn('*****2333'), onderwijsnummer=None, persoonsgegevens=None, studentnummer='S1001')
    >>> Student(bsn="111222333").bsn
    Bsn('*****2333')
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re

import attrs

from duo_domain import _fields
from duo_domain.errors import InvalidFormat
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer

__all__ = [
    "Adres",
    "BuitenlandsAdres",
    "Geslacht",
    "NederlandsAdres",
    "OnvolledigeDatum",
    "Persoonsgegevens",
    "Student",
]

_DATUM_KIND = "onvolledige_datum"
_DUO_DATUM = re.compile(r"([0-9]{4})-?([0-9]{2})-?([0-9]{2})")


@attrs.frozen
class OnvolledigeDatum:
    """A date whose day, or day and month, may be unknown (DUO's ``DatumOnvolledigType``).

    DUO's files write an unknown day or month as ``00``: ``2005-03-00`` is
    some day in March 2005, ``2005-00-00`` some day in 2005.

    Attributes:
        jaar: The year (1 to 9999).
        maand: The month (1 to 12), or ``None`` when unknown.
        dag: The day, or ``None`` when unknown; only with a known month.

    Raises:
        InvalidFormat: for a date that cannot exist (month 13, 30 February,
            a day without a month).

    Examples:
        >>> OnvolledigeDatum.parse("2005-03-00")
        OnvolledigeDatum(jaar=2005, maand=3, dag=None)
        >>> str(OnvolledigeDatum(2005))
        '2005-00-00'
        >>> OnvolledigeDatum.parse("20050311").to_date()
        datetime.date(2005, 3, 11)
        >>> d = OnvolledigeDatum(2005, 2)
        >>> d.vroegst(), d.laatst()
        (datetime.date(2005, 2, 1), datetime.date(2005, 2, 28))
    """

    jaar: int = attrs.field(validator=_fields.integer)
    maand: int | None = attrs.field(default=None, validator=_fields.opt_integer)
    dag: int | None = attrs.field(default=None, validator=_fields.opt_integer)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.jaar <= 9999:
            raise InvalidFormat(f"year {self.jaar} is out of range", kind=_DATUM_KIND)
        if self.maand is None:
            if self.dag is not None:
                raise InvalidFormat("a day is given without a month", kind=_DATUM_KIND)
            return
        if not 1 <= self.maand <= 12:
            raise InvalidFormat(f"month {self.maand} is out of range", kind=_DATUM_KIND)
        if self.dag is not None and not 1 <= self.dag <= calendar.monthrange(self.jaar, self.maand)[1]:
            raise InvalidFormat(
                f"day {self.dag} does not exist in {self.jaar}-{self.maand:02d}", kind=_DATUM_KIND
            )

    @classmethod
    def parse(cls, value: str) -> OnvolledigeDatum:
        """Read ``YYYY-MM-DD`` or ``YYYYMMDD``, with ``00`` for an unknown month or day.

        Raises:
            InvalidFormat: when ``value`` is not such a date.
        """
        match = _DUO_DATUM.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None:
            raise InvalidFormat(
                "expected a date as YYYY-MM-DD or YYYYMMDD (00 for unknown)", kind=_DATUM_KIND
            )
        jaar, maand, dag = (int(g) for g in match.groups())
        if maand == 0 and dag != 0:
            raise InvalidFormat("a day is given without a month", kind=_DATUM_KIND)
        return cls(jaar, maand or None, dag or None)

    @classmethod
    def from_date(cls, value: dt.date) -> OnvolledigeDatum:
        """The complete date ``value``."""
        return cls(value.year, value.month, value.day)

    @property
    def volledig(self) -> bool:
        """True when day and month are known."""
        return self.dag is not None

    def to_date(self) -> dt.date | None:
        """The date, or ``None`` when it is incomplete."""
        if self.maand is None or self.dag is None:
            return None
        return dt.date(self.jaar, self.maand, self.dag)

    def vroegst(self) -> dt.date:
        """The earliest date it can be (e.g. for an age check that must not over-reject)."""
        return dt.date(self.jaar, self.maand or 1, self.dag or 1)

    def laatst(self) -> dt.date:
        """The latest date it can be."""
        maand = self.maand or 12
        return dt.date(self.jaar, maand, self.dag or calendar.monthrange(self.jaar, maand)[1])

    def __str__(self) -> str:
        return f"{self.jaar:04d}-{self.maand or 0:02d}-{self.dag or 0:02d}"


class Geslacht(enum.StrEnum):
    """Geslacht as DUO's files code it (``M``, ``V``, ``O``).

    DUO's web services use ``1``, ``2`` and ``3`` for the same values
    (BasisSchema type ``Geslacht-v02``); see
    [`from_webservice`][duo_domain.identity.student.Geslacht.from_webservice].
    The ``geslacht`` field of [`Persoonsgegevens`][duo_domain.identity.student.Persoonsgegevens] is a plain
    ``str`` so
    that an unknown code becomes a finding, not an exception; a member of this
    enum is such a string.

    Examples:
        >>> Geslacht("V"), Geslacht.from_webservice("3")
        (<Geslacht.VROUW: 'V'>, <Geslacht.ONBEKEND: 'O'>)
        >>> Geslacht.MAN.webservice_code
        '1'
    """

    MAN = "M"
    VROUW = "V"
    ONBEKEND = "O"
    """Vastgesteld onbekend (determined to be unknown)."""

    @property
    def webservice_code(self) -> str:
        """The code of DUO's web services: ``1``, ``2`` or ``3``."""
        return _WEBSERVICE[self]

    @classmethod
    def from_webservice(cls, code: str) -> Geslacht:
        """The value for a web-service code ``1``, ``2`` or ``3``.

        Raises:
            ValueError: for any other code.
        """
        for member, ws in _WEBSERVICE.items():
            if ws == code:
                return member
        raise ValueError(f"{code!r} is not a geslacht code of DUO's web services (1, 2, 3)")


_WEBSERVICE = {Geslacht.MAN: "1", Geslacht.VROUW: "2", Geslacht.ONBEKEND: "3"}

_opt_str = _fields.opt_text
_opt_int = _fields.opt_integer


@attrs.frozen
class NederlandsAdres:
    """A Dutch address (DUO ``BinnenlandsAdres``); every element optional in DUO's schema.

    Attributes:
        postcode: ``NNNNAA`` (see [`duo_domain.identity.postcode`][duo_domain.identity.postcode]).
        huisnummer: Up to five digits.
        huisletter: One letter.
        huisnummertoevoeging: Up to five characters.
        huisnummeraanduiding: ``by`` (bij) or ``to`` (tegenover), for a
            location without a house number of its own.
        straatnaam: Up to 80 characters.
        plaatsnaam: Up to 40 characters.

    Examples:
        >>> NederlandsAdres(postcode="2593CE", huisnummer=12, plaatsnaam="DEN HAAG").huisnummer
        12
    """

    postcode: str | None = attrs.field(default=None, validator=_opt_str)
    huisnummer: int | None = attrs.field(default=None, validator=_opt_int)
    huisletter: str | None = attrs.field(default=None, validator=_opt_str)
    huisnummertoevoeging: str | None = attrs.field(default=None, validator=_opt_str)
    huisnummeraanduiding: str | None = attrs.field(default=None, validator=_opt_str)
    straatnaam: str | None = attrs.field(default=None, validator=_opt_str)
    plaatsnaam: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class BuitenlandsAdres:
    """A foreign address (DUO ``BuitenlandsAdres``): up to three lines and a landcode.

    Attributes:
        adresregel1: First address line (required by DUO), up to 35 characters.
        adresregel2: Second line, up to 35 characters.
        adresregel3: Third line, up to 35 characters.
        landcode: Four digits from the BRP's table of countries (tabel 34),
            e.g. ``5010`` (België); required by DUO.
    """

    adresregel1: str | None = attrs.field(default=None, validator=_opt_str)
    adresregel2: str | None = attrs.field(default=None, validator=_opt_str)
    adresregel3: str | None = attrs.field(default=None, validator=_opt_str)
    landcode: str | None = attrs.field(default=None, validator=_opt_str)


#: The formal home address: Dutch or foreign.
Adres = NederlandsAdres | BuitenlandsAdres

_PERSOON_FIELDS = ("geslachtsnaam", "voorvoegsels", "voornamen", "geboortedatum", "geslacht", "adres")


@attrs.frozen(repr=False)
class Persoonsgegevens:
    """The personal data DUO matches a student on when there is no BSN or onderwijsnummer.

    Attributes:
        geslachtsnaam: Surname without voorvoegsels, up to 200 characters
            (``-`` for a person without one).
        voorvoegsels: Such as ``van der``, up to 10 characters.
        voornamen: All first names, up to 200 characters.
        geboortedatum: Possibly incomplete
            ([`OnvolledigeDatum`][duo_domain.identity.student.OnvolledigeDatum]).
        geslacht: ``M``, ``V`` or ``O`` (see [`Geslacht`][duo_domain.identity.student.Geslacht]).
        adres: The formal home address as registered in the BRP.

    Examples:
        >>> Persoonsgegevens(geslachtsnaam="Jansen", geboortedatum=OnvolledigeDatum(2008, 5))
        Persoonsgegevens(geslachtsnaam=<set>, voorvoegsels=None, voornamen=None,
                         geboortedatum=<set>, geslacht=None, adres=None)
    """

    geslachtsnaam: str | None = attrs.field(default=None, validator=_opt_str)
    voorvoegsels: str | None = attrs.field(default=None, validator=_opt_str)
    voornamen: str | None = attrs.field(default=None, validator=_opt_str)
    geboortedatum: OnvolledigeDatum | None = attrs.field(
        default=None, validator=_fields.instance(OnvolledigeDatum, "an OnvolledigeDatum", optional=True)
    )
    geslacht: str | None = attrs.field(default=None, validator=_opt_str)
    adres: Adres | None = attrs.field(
        default=None,
        validator=_fields.instance((NederlandsAdres, BuitenlandsAdres), "an address", optional=True),
    )

    def __repr__(self) -> str:
        parts = (f"{n}={'None' if getattr(self, n) is None else '<set>'}" for n in _PERSOON_FIELDS)
        return f"Persoonsgegevens({', '.join(parts)})"


def _to_bsn(value: Bsn | str | None) -> Bsn | None:
    # Anything but a Bsn or None goes through Bsn(), whose check refuses non-text.
    if value is None or isinstance(value, Bsn):
        return value
    return Bsn(value)


def _to_onderwijsnummer(value: Onderwijsnummer | str | None) -> Onderwijsnummer | None:
    if value is None or isinstance(value, Onderwijsnummer):
        return value
    return Onderwijsnummer(value)


_fields.keeps_instances(Bsn, _to_bsn)
_fields.keeps_instances(Onderwijsnummer, _to_onderwijsnummer)


@attrs.frozen
class Student:
    """Who a record is about: a BSN, an onderwijsnummer, or the personal data to find one.

    A ``str`` given for ``bsn`` or ``onderwijsnummer`` is checked and turned
    into [`Bsn`][duo_domain.identity.Bsn] /
    [`Onderwijsnummer`][duo_domain.identity.Onderwijsnummer] (an invalid number raises
    [`InvalidIdentifier`][duo_domain.errors.InvalidIdentifier]). Having both numbers, or
    neither and incomplete personal data, is not an exception but a finding
    of [`duo_domain.rules.validate`][duo_domain.rules.validate].

    Attributes:
        bsn: The BSN, when the school knows it.
        onderwijsnummer: The onderwijsnummer DUO issued, when there is no BSN.
        persoonsgegevens: The matching set; needed when there is no number.
        studentnummer: The school's own key for the student, used as the
            business key of findings instead of a personal number.

    Examples:
        >>> from duo_domain.identity import Onderwijsnummer
        >>> s = Student(onderwijsnummer=Onderwijsnummer("101222331"), studentnummer="77")
        >>> s
        Student(bsn=None, onderwijsnummer=Onderwijsnummer('*****2331'), persoonsgegevens=None,
                studentnummer='77')
    """

    bsn: Bsn | None = attrs.field(default=None, converter=_to_bsn)
    onderwijsnummer: Onderwijsnummer | None = attrs.field(default=None, converter=_to_onderwijsnummer)
    persoonsgegevens: Persoonsgegevens | None = attrs.field(
        default=None, validator=_fields.instance(Persoonsgegevens, "a Persoonsgegevens", optional=True)
    )
    studentnummer: str | None = attrs.field(default=None, validator=_opt_str)
