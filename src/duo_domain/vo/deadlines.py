"""Deadlines for sending VO exam results to BRON, and what is late on a given date.

* The CE results and the uitslag are due within **2 weeks after the datum
  uitslag** (DUO, *Examenresultaten uitwisselen*; Regeling gegevenslevering
  onderwijsnummer VO, BWBR0015232, art. 6).
* The SE results have a deadline per examenjaar that DUO publishes; it is
  data: the code table ``se_termijnen`` of [`duo_domain.codes`][duo_domain.codes] (code: the
  examenjaar, kenmerk ``uiterlijk``), read into `SE_TERMIJNEN`. A vendor passes a
  newer edition of that table for years the library does not list, as
  ``codes=Codetabellen(...)``.

Legal basis, as checked: the register is now governed by the Wet register
onderwijsdeelnemers (BWBR0042012) and the Besluit register onderwijsdeelnemers
(BWBR0042639, text of 2026-01-01; art. 22 makes the bestuur that issued a
waardedocument deliver its diplomagegevens). The parts of the Besluit read for
this module name no term in days for examenresultaten, so the 2-week term rests
on DUO's publication and the older Regeling cited above; a vendor with a newer
term passes its own date to `te_laat` through ``aangeleverd`` and its own tables (``codes=``).

Examples:
    >>> import datetime as dt
    >>> uiterste_datum_uitslag(dt.date(2026, 6, 16))
    datetime.date(2026, 6, 30)
    >>> se_termijn(2021)
    datetime.date(2021, 5, 16)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from duo_domain import _fields as f
from duo_domain.calendar import plus_dagen
from duo_domain.codes import Codetabellen, Waardenlijst, waardenlijst
from duo_domain.errors import DocumentProblem, InvalidDocument, UnsupportedPeriod
from duo_domain.vo.model import Examenkandidaat

__all__ = [
    "SE_TERMIJNEN",
    "Termijn",
    "se_termijn",
    "se_termijnen",
    "te_laat",
    "termijnen",
    "uiterste_datum_uitslag",
]


def _termijnen_uit(lijst: Waardenlijst) -> Mapping[int, dt.date]:
    """Examenjaar → SE deadline, read from a table ``se_termijnen`` (kenmerk ``uiterlijk``)."""
    lijst.vereis_kenmerken("uiterlijk")
    out: dict[int, dt.date] = {}
    problems: list[DocumentProblem] = []
    for i, v in enumerate(lijst.waarden):
        try:
            out[int(v.code)] = dt.date.fromisoformat(v.kenmerken["uiterlijk"])
        except ValueError:
            problems.append(
                DocumentProblem(f"$.waarden[{i}]", "code is an examenjaar and uiterlijk a date YYYY-MM-DD")
            )
    if problems:
        raise InvalidDocument(problems, document="code table")
    return MappingProxyType(out)


def se_termijnen(codes: Codetabellen | None = None) -> Mapping[int, dt.date]:
    """Examenjaar → SE deadline: the table ``se_termijnen`` of ``codes``; `SE_TERMIJNEN` for ``None``.

    Raises:
        InvalidDocument: when the bundle's table is not examenjaren with a date ``uiterlijk``.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.codes import CodeValue, Codetabellen, waardenlijst
        >>> extra = CodeValue("2027", "SE-cijfers 2027", kenmerken={"uiterlijk": "2027-05-14"})
        >>> se_termijnen(Codetabellen(waardenlijst("se_termijnen").met(extra)))[2027]
        datetime.date(2027, 5, 14)
    """
    if codes is None:
        return SE_TERMIJNEN
    return Codetabellen.uit(codes).afgeleid(
        "vo.se_termijnen", lambda t: _termijnen_uit(t.waardenlijst("se_termijnen"))
    )


#: SE deadline per examenjaar as DUO published it ("Voor de SE-cijfers is de
#: deadline 16 mei 2021", duo.nl, Examenresultaten uitwisselen): the shipped code table
#: ``se_termijnen``, read once (read-only).
SE_TERMIJNEN: Mapping[int, dt.date] = _termijnen_uit(waardenlijst("se_termijnen"))

_TWEE_WEKEN = 14
_BRON_UITSLAG = (
    "DUO Examenresultaten uitwisselen; Regeling gegevenslevering onderwijsnummer VO (BWBR0015232) art. 6"
)


@attrs.frozen
class Termijn:
    """One deadline for a candidate's results.

    Attributes:
        wat: ``"se"``, ``"ce"`` or ``"uitslag"``.
        uiterlijk: The last day (inclusive) on which BRON must have it.
        bron: The source of the deadline.
    """

    wat: str
    uiterlijk: dt.date
    bron: str


def uiterste_datum_uitslag(datum_uitslag: dt.date) -> dt.date:
    """The last day for CE results and uitslag: 2 weeks after the datum uitslag.

    Raises:
        InvalidValue: when ``datum_uitslag`` is not a date.
    """
    f.argument(datum_uitslag, dt.date, "a date (datetime.date)", "datum_uitslag")
    return plus_dagen(datum_uitslag, _TWEE_WEKEN)


def se_termijn(examenjaar: int, *, codes: Codetabellen | None = None) -> dt.date:
    """The SE deadline of ``examenjaar``, from the table ``se_termijnen`` of ``codes`` (shipped: ``None``).

    Raises:
        UnsupportedPeriod: when the table has no deadline for that year.
        InvalidDocument: when the bundle's ``se_termijnen`` table is not examenjaren with dates.
    """
    found = se_termijnen(codes).get(examenjaar)
    if found is None:
        raise UnsupportedPeriod(f"no SE deadline known for examenjaar {f.quoted(examenjaar)}; pass a table")
    return found


def termijnen(kandidaat: Examenkandidaat, *, codes: Codetabellen | None = None) -> tuple[Termijn, ...]:
    """Every deadline that applies to the candidate (the SE one only when the table has the year).

    ``codes``: the code tables (table ``se_termijnen``); the shipped ones for ``None``.

    Raises:
        InvalidValue: when ``kandidaat`` is not an `Examenkandidaat`.
    """
    f.argument(kandidaat, Examenkandidaat, "an Examenkandidaat", "kandidaat")
    out: list[Termijn] = []
    table = se_termijnen(codes)
    if kandidaat.examenjaar in table:
        out.append(Termijn("se", table[kandidaat.examenjaar], "DUO SE-deadline per examenjaar"))
    if kandidaat.datum_uitslag is not None:
        last = uiterste_datum_uitslag(kandidaat.datum_uitslag)
        out.append(Termijn("ce", last, _BRON_UITSLAG))
        out.append(Termijn("uitslag", last, _BRON_UITSLAG))
    return tuple(out)


def te_laat(
    kandidaat: Examenkandidaat,
    op: dt.date,
    *,
    aangeleverd: Mapping[str, dt.date] | None = None,
    codes: Codetabellen | None = None,
) -> tuple[Termijn, ...]:
    """The deadlines missed as seen on date ``op``.

    A deadline is missed when its item was delivered after the deadline, or
    was not delivered and ``op`` is past the deadline.

    Args:
        kandidaat: The candidate.
        op: The date to judge on.
        aangeleverd: When each item (``"se"``, ``"ce"``, ``"uitslag"``) reached BRON, if it did.
        codes: The code tables (table ``se_termijnen``: the SE deadline per examenjaar);
            the shipped ones (`SE_TERMIJNEN`) for ``None``.

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.vo import Examenkandidaat, Schoolsoort
        >>> k = Examenkandidaat(Schoolsoort.HAVO, 2026, (), datum_uitslag=dt.date(2026, 6, 16))
        >>> [t.wat for t in te_laat(k, dt.date(2026, 6, 30))]
        []
        >>> [t.wat for t in te_laat(k, dt.date(2026, 7, 1), aangeleverd={"ce": dt.date(2026, 6, 20)})]
        ['uitslag']
    """
    delivered = aangeleverd or {}
    late = []
    for t in termijnen(kandidaat, codes=codes):
        when = delivered.get(t.wat)
        if (when is not None and when > t.uiterlijk) or (when is None and op > t.uiterlijk):
            late.append(t)
    return tuple(late)
