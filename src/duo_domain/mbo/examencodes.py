"""Codes for MBO results: generieke examenonderdelen and their vrijstellingen.

The *generieke examenonderdelencodetabel mbo* is set by the minister in the
Regeling codetabellen vo, vso en mbo (BWBR0048579), art. 7 lid 1 and
bijlage VIIa. Each code names one generic exam part (Nederlandse taal,
rekenen or Engels) at one reference level. The table is shipped as the code
table ``generieke_examenonderdelen`` (see [`duo_domain.codes`][duo_domain.codes]; toestand
2025-08-28) and read lazily; a vendor with a newer table passes it in a
[`Codetabellen`][duo_domain.codes.Codetabellen] bundle as ``codes=`` (validation,
[`uitslag_from_diploma`][duo_domain.mbo.uitslag.uitslag_from_diploma], the uitslag document reader);
[`examencodetabel`][duo_domain.mbo.examencodes.examencodetabel] ``(codes)`` is the table they read.

The technische toelichting bij bijlage VIIa limits the old rekenen codes:
3002 and 3004 (niveau 2 and 3) and 3006 and 3007 (niveau 4) may be used until
school year 2026-2027 for students who started their opleiding before school
year 2022-2023. The rekenen codes 3027-3029 (mbo-rekenniveau 2-4) belong to
the rekenen requirements in force since 2022-08-01 (Stb. 2022, 62).

DUO does not publish the value list of the vrijstelling fields of a GEO
record (PvE MBO-instelling – DUO v4.8.2 §15.5.9: AN1..4 and AN3). The values seen in
DUO's files are in the open list `VRIJSTELLINGSCODES`; an unknown code
is a finding (``ROD.RESULTAAT.VRIJSTELLING_CODE``), never an error.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.mbo.examencodes import examencodetabel
    >>> tabel = examencodetabel()
    >>> code = tabel.get("3029")
    >>> code.omschrijving, code.onderdeel.value, code.niveaus
    ('rekenen MBO 4', 'rekenen', (1, 2, 3, 4))
    >>> rekenen_3f = tabel.get("3006")
    >>> rekenen_3f.past_bij_cohort(dt.date(2022, 7, 31)), rekenen_3f.past_bij_cohort(dt.date(2022, 8, 1))
    (True, False)
    >>> "3019" in tabel  # an Nt2 staatsexamen code (bijlage VIIb), not an mbo code
    False
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterator
from typing import Final

import attrs

from duo_domain.codes import Codetabellen, CodeValue, Waardenlijst, loads, waardenlijst
from duo_domain.errors import DocumentProblem, InvalidDocument

__all__ = [
    "VRIJSTELLINGSCODES",
    "Examencodetabel",
    "GeneriekExamencode",
    "Onderdeel",
    "examencodetabel",
    "examencodetabel_uit",
    "load_examencodetabel",
]


class Onderdeel(enum.Enum):
    """A generic exam part whose eindwaardering counts in the uitslag (Ekb WEB art. 3 lid 2).

    Loopbaan en burgerschap is also a generic part, but has no code and is
    judged ``voldaan`` / ``niet voldaan`` (art. 15 lid 5); it is handled on
    its own in [`duo_domain.mbo.uitslag`][duo_domain.mbo.uitslag].
    """

    NEDERLANDS = "nederlands"
    ENGELS = "engels"
    REKENEN = "rekenen"


@attrs.frozen
class GeneriekExamencode:
    """One row of the generieke examenonderdelencodetabel mbo.

    Attributes:
        code: The four-digit code, e.g. ``"3005"``.
        omschrijving: The table's own wording, e.g. ``"Nederlandse taal 3F"``.
        onderdeel: Which generic part the code is for.
        niveaus: Opleiding niveaus (1 = entree … 4) at which the code may be
            used: the opleiding's own level or a higher one (Ekb WEB art. 3a).
        standaard_niveaus: The niveaus whose own required level the code is.
        cohort_start_voor: When set, only students who started their
            opleiding before this date may use the code.
        geldig_van: First date of a result with this code, or ``None``.
        geldig_tot: Last date (inclusive) of a result with this code, or ``None``.
        schooljaren: The school years the table names, as text.
    """

    code: str
    omschrijving: str
    onderdeel: Onderdeel
    niveaus: tuple[int, ...]
    standaard_niveaus: tuple[int, ...] = ()
    cohort_start_voor: dt.date | None = None
    geldig_van: dt.date | None = None
    geldig_tot: dt.date | None = None
    schooljaren: str = ""

    def past_bij_niveau(self, niveau: int) -> bool:
        """Whether the code may be used in an opleiding of this niveau."""
        return niveau in self.niveaus

    def past_bij_cohort(self, cohort_start: dt.date) -> bool:
        """Whether a student who started the opleiding on ``cohort_start`` may use the code."""
        return self.cohort_start_voor is None or cohort_start < self.cohort_start_voor

    def geldig_op(self, datum: dt.date) -> bool:
        """Whether a result dated ``datum`` may carry this code."""
        if self.geldig_van is not None and datum < self.geldig_van:
            return False
        return not (self.geldig_tot is not None and datum > self.geldig_tot)


@attrs.frozen
class Examencodetabel:
    """A versioned generieke examenonderdelencodetabel.

    Attributes:
        naam: The table's name.
        bron: Its legal source.
        toestand: The date of the text the table was taken from.
        codes: The rows, in the order of the source.
    """

    naam: str
    bron: str
    toestand: dt.date
    codes: tuple[GeneriekExamencode, ...]
    _index: dict[str, GeneriekExamencode] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, GeneriekExamencode] = {}
        for row in self.codes:
            if row.code in index:
                raise ValueError(f"code {row.code!r} appears twice in {self.naam}")
            index[row.code] = row
        object.__setattr__(self, "_index", index)

    def __iter__(self) -> Iterator[GeneriekExamencode]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._index

    def get(self, code: object) -> GeneriekExamencode | None:
        """The row for ``code``, or ``None`` when the table has no such code; never raises."""
        return self._index.get(code) if isinstance(code, str) else None

    def voor(self, onderdeel: Onderdeel) -> tuple[GeneriekExamencode, ...]:
        """All codes for one generic part."""
        return tuple(r for r in self.codes if r.onderdeel is onderdeel)


_NIVEAUS: Final = re.compile(r"[1-4]( [1-4])*")
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _row(value: CodeValue, path: str, problems: list[DocumentProblem]) -> GeneriekExamencode | None:
    k = value.kenmerken
    found = len(problems)
    try:
        onderdeel = Onderdeel(k.get("onderdeel"))
    except ValueError:
        problems.append(DocumentProblem(f"{path}.onderdeel", "expected nederlands, engels or rekenen"))
    problems.extend(
        DocumentProblem(f"{path}.{key}", "expected niveaus 1-4, space-separated")
        for key in ("niveaus", "standaard_niveaus")
        if not _NIVEAUS.fullmatch(k.get(key, "1"))
    )
    cohort = k.get("cohort_start_voor")
    if cohort is not None and not _DATE.fullmatch(cohort):
        problems.append(DocumentProblem(f"{path}.cohort_start_voor", "expected a date YYYY-MM-DD"))
    if len(problems) > found:
        return None
    try:
        cohort_date = None if cohort is None else dt.date.fromisoformat(cohort)
    except ValueError:
        problems.append(DocumentProblem(f"{path}.cohort_start_voor", "expected a date YYYY-MM-DD"))
        return None
    return GeneriekExamencode(
        code=value.code,
        omschrijving=value.omschrijving,
        onderdeel=onderdeel,
        niveaus=tuple(int(n) for n in k["niveaus"].split()),
        standaard_niveaus=tuple(int(n) for n in k.get("standaard_niveaus", "").split()),
        cohort_start_voor=cohort_date,
        geldig_van=value.geldig_van,
        geldig_tot=value.geldig_tot,
        schooljaren=k.get("schooljaren", ""),
    )


def examencodetabel_uit(lijst: Waardenlijst) -> Examencodetabel:
    """The table of generic exam codes read from a code table with its kenmerken.

    The code table declares the kenmerken ``onderdeel`` (``nederlands``,
    ``engels`` or ``rekenen``) and ``niveaus`` (``"1 2 3"``), which every code
    carries, and may declare ``standaard_niveaus``, ``cohort_start_voor``
    (``YYYY-MM-DD``) and ``schooljaren``; its ``versie`` is the date of the
    regeling's text.

    Raises:
        InvalidDocument: when a kenmerk is missing or not of its form, with
            the path of each.
    """
    lijst.vereis_kenmerken("onderdeel", "niveaus")
    problems: list[DocumentProblem] = []
    rows = [_row(v, f"$.waarden[{i}].kenmerken", problems) for i, v in enumerate(lijst.waarden)]
    if not _DATE.fullmatch(lijst.versie):
        problems.append(DocumentProblem("$.versie", "expected the date of the text, YYYY-MM-DD"))
    if problems:
        raise InvalidDocument(problems, document="code table")
    return Examencodetabel(
        naam=lijst.naam,
        bron=lijst.bron,
        toestand=dt.date.fromisoformat(lijst.versie),
        codes=tuple(r for r in rows if r is not None),
    )


def load_examencodetabel(text: str | bytes) -> Examencodetabel:
    """A vendor's table of generic exam codes from the text of its code-table file.

    The file has the format of every code table ([`duo_domain.codes.loads`][duo_domain.codes.loads])
    with the kenmerken of [`examencodetabel_uit`][duo_domain.mbo.examencodes.examencodetabel_uit].

    Raises:
        InvalidDocument: when the text is not such a table.

    Examples:
        >>> from duo_domain.codes import CodeValue, dumps
        >>> nieuw = waardenlijst("generieke_examenonderdelen").met(
        ...     CodeValue("3099", "rekenen (test)", kenmerken={"onderdeel": "rekenen", "niveaus": "4"}))
        >>> load_examencodetabel(dumps(nieuw)).get("3099").niveaus
        (4,)
    """
    return examencodetabel_uit(loads(text))


@functools.cache
def _shipped() -> Examencodetabel:
    return examencodetabel_uit(waardenlijst("generieke_examenonderdelen"))


def _uit_bundel(tabellen: Codetabellen) -> Examencodetabel:
    return examencodetabel_uit(tabellen.waardenlijst("generieke_examenonderdelen"))


def examencodetabel(codes: Codetabellen | None = None) -> Examencodetabel:
    """The table ``generieke_examenonderdelen`` of ``codes``; for ``None`` the shipped one.

    The shipped one is the Regeling codetabellen vo, vso en mbo, toestand 2025-08-28, read once;
    a bundle's is read once per bundle.

    Raises:
        InvalidDocument: when the bundle's table lacks the kenmerken of
            [`examencodetabel_uit`][duo_domain.mbo.examencodes.examencodetabel_uit].
        InvalidValue: when ``codes`` is not a [`Codetabellen`][duo_domain.codes.Codetabellen].

    Examples:
        >>> from duo_domain.codes import CodeValue, Codetabellen
        >>> nieuw = waardenlijst("generieke_examenonderdelen").met(
        ...     CodeValue("3099", "rekenen (test)", kenmerken={"onderdeel": "rekenen", "niveaus": "4"}))
        >>> examencodetabel(Codetabellen(nieuw)).get("3099").niveaus, examencodetabel().get("3099")
        ((4,), None)
    """
    if codes is None:
        return _shipped()
    return Codetabellen.uit(codes).afgeleid("mbo.examencodetabel", _uit_bundel)


VRIJSTELLINGSCODES: Final = waardenlijst("vrijstelling_generiek_examenonderdeel")
"""The vrijstelling codes of a GEO record seen in DUO's files (PvE §15.5.9).

DUO does not publish the list, so it is open: an unknown code is a signal,
not an error.
"""
