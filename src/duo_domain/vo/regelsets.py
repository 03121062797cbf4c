"""Versioned rule sets of the slaag-zakregeling, selected by examenjaar.

An examenjaar is the calendar year in which the uitslag is determined
(Regeling gegevenslevering onderwijsnummer VO, BWBR0015232, bijlage 2 item 6);
the regular uitslag falls in June or July, so examenjaar *N* is judged by the
text of the Uitvoeringsbesluit WVO 2020 (BWBR0045787) in force during school
year *N−1*/*N*. The texts were compared version by version
(2022-08-01, 2023-01-01, 2023-08-01, 2024-08-01, 2025-10-01, 2026-08-01):

* art. 3.32–3.34 and 3.36–3.39 are the same in every version up to 2025-10-01;
* from **2024-08-01** the vmbo-gl exam may hold a *praktijkgericht programma*
  (art. 3.7 lid 1a) whose praktijkgericht vak takes the profielvak's place in
  the combinatiecijfer (art. 3.35 lid 2 and 4) — first examenjaar **2025**;
* from **2026-08-01** the bevoegd gezag may add the havo *praktijkgerichte vak
  technologie of maatschappij* to the combinatiecijfer (art. 3.34 lid 2 c; the
  godsdienst/levensbeschouwing option moves to onderdeel d) — first
  examenjaar **2027**.

Which text is *in force* for an examenjaar is a separate label:
[`wettekst`][duo_domain.vo.regelsets.wettekst] names the version in force on 1 July of the
examenjaar (the regular uitslag is determined in June or July), out of the versions listed in
`VERSIES` — the versions of BWBR0045787 the library compared, not necessarily every version
that exists.

A year outside every entry raises [`UnsupportedPeriod`][duo_domain.errors.UnsupportedPeriod];
the library never judges a year with another year's rules. Adding a year is
one entry in `REGELSETS`.

Examples:
    >>> choose_regelset(2026).wettekst
    'BWBR0045787/2024-08-01'
    >>> choose_regelset(2027).wettekst
    'BWBR0045787/2026-08-01'
    >>> wettekst(2024), wettekst(2026)
    ('BWBR0045787/2023-08-01', 'BWBR0045787/2025-10-01')
    >>> choose_regelset(2022)
    Traceback (most recent call last):
    ...
    duo_domain.errors.UnsupportedPeriod: no slaag-zakregeling for examenjaar 2022 (supported: 2023-2027)
"""

from __future__ import annotations

import datetime as dt

import attrs

from duo_domain import _fields as f
from duo_domain.errors import UnsupportedPeriod
from duo_domain.vo.codes import Vaksoort

__all__ = ["REGELSETS", "VERSIES", "Regelset", "choose_regelset", "wettekst"]

_BASIS_OPTIONEEL = frozenset({Vaksoort.LITERATUUR, Vaksoort.ANW, Vaksoort.LEVENSBESCHOUWING})


@attrs.frozen
class Regelset:
    """The slaag-zakregeling as it applies to a range of examenjaren.

    Attributes:
        examenjaar_van: First examenjaar (inclusive).
        examenjaar_tot: Last examenjaar (inclusive).
        wettekst: The text version used, ``BWBR0045787/<date>``.
        url: Where that text can be read.
        combinatie_optioneel: The optional havo/vwo combinatiecijfer components
            the bevoegd gezag may add (art. 3.34 lid 2, second sentence).
        gl_praktijkgericht_vak: Whether a vmbo-gl praktijkgericht vak may take
            the profielvak's place (art. 3.7 lid 1a, 3.35 lid 4).
        artikel_levensbeschouwing: Where the godsdienst/levensbeschouwing option
            is (``3.34 lid 2 c`` until 2026-07-31, ``3.34 lid 2 d`` after).
    """

    examenjaar_van: int
    examenjaar_tot: int
    wettekst: str
    url: str
    combinatie_optioneel: frozenset[Vaksoort]
    gl_praktijkgericht_vak: bool
    artikel_levensbeschouwing: str

    def geldt_voor(self, examenjaar: int) -> bool:
        """Whether this rule set judges ``examenjaar``."""
        return self.examenjaar_van <= examenjaar <= self.examenjaar_tot


#: The rule sets, oldest first. Extend with one entry per new text version.
REGELSETS: tuple[Regelset, ...] = (
    Regelset(
        2023,
        2024,
        "BWBR0045787/2022-08-01",
        "https://wetten.overheid.nl/BWBR0045787/2022-08-01",
        _BASIS_OPTIONEEL,
        gl_praktijkgericht_vak=False,
        artikel_levensbeschouwing="art. 3.34 lid 2 c",
    ),
    Regelset(
        2025,
        2026,
        "BWBR0045787/2024-08-01",
        "https://wetten.overheid.nl/BWBR0045787/2024-08-01",
        _BASIS_OPTIONEEL,
        gl_praktijkgericht_vak=True,
        artikel_levensbeschouwing="art. 3.34 lid 2 c",
    ),
    Regelset(
        2027,
        2027,
        "BWBR0045787/2026-08-01",
        "https://wetten.overheid.nl/BWBR0045787/2026-08-01",
        _BASIS_OPTIONEEL | {Vaksoort.PRAKTIJKGERICHT_HAVO},
        gl_praktijkgericht_vak=True,
        artikel_levensbeschouwing="art. 3.34 lid 2 d",
    ),
)


#: The versions of the Uitvoeringsbesluit WVO 2020 the library compared, by the date they took effect.
VERSIES: tuple[dt.date, ...] = (
    dt.date(2022, 8, 1),
    dt.date(2023, 1, 1),
    dt.date(2023, 8, 1),
    dt.date(2024, 8, 1),
    dt.date(2025, 10, 1),
    dt.date(2026, 8, 1),
)


def wettekst(examenjaar: int, *, op: dt.date | None = None) -> str:
    """The text of BWBR0045787 in force when the uitslag of ``examenjaar`` is determined.

    Args:
        examenjaar: The examenjaar.
        op: The datum uitslag, if known; 1 July of the examenjaar by default.

    Raises:
        UnsupportedPeriod: when the date lies before the first compared version.

    Examples:
        >>> import datetime as dt
        >>> wettekst(2023), wettekst(2023, op=dt.date(2022, 12, 31))
        ('BWBR0045787/2023-01-01', 'BWBR0045787/2022-08-01')
    """
    datum = op or dt.date(examenjaar, 7, 1)
    eerder = [v for v in VERSIES if v <= datum]
    if not eerder:
        raise UnsupportedPeriod(f"no text of BWBR0045787 compared for {datum.isoformat()}")
    return f"BWBR0045787/{eerder[-1].isoformat()}"


def choose_regelset(examenjaar: int, regelsets: tuple[Regelset, ...] = REGELSETS) -> Regelset:
    """The rule set that judges ``examenjaar``.

    Raises:
        UnsupportedPeriod: when no rule set covers the year.
        InvalidValue: when ``examenjaar`` is not a whole number.
    """
    if examenjaar.__class__ is not int:  # a bool or a Decimal NaN cannot be compared with the years
        f.argument(examenjaar, (), "a whole number", "examenjaar")
    for rs in regelsets:
        if rs.geldt_voor(examenjaar):
            return rs
    span = f"{regelsets[0].examenjaar_van}-{regelsets[-1].examenjaar_tot}" if regelsets else "none"
    raise UnsupportedPeriod(f"no slaag-zakregeling for examenjaar {f.quoted(examenjaar)} (supported: {span})")
