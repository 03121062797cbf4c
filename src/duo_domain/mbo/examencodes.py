"""Codes for MBO results: generieke examenonderdelen and their vrijstellingen.

The *generieke examenonderdelencodetabel mbo* is set by the minister in the
Regeling codetabellen vo, vso en mbo (BWBR0048579), art. 7 lid 1 and
bijlage VIIa. Each code names one generic exam part (Nederlandse taal,
rekenen or Engels) at one reference level. The table is shipped as versioned
data in the package (``data/generieke_examenonderdelen.json``, toestand
2025-08-28) and read lazily; a vendor with a newer table builds one with
[`load_examencodetabel`][duo_domain.mbo.examencodes.load_examencodetabel].

The technische toelichting bij bijlage VIIa limits the old rekenen codes:
3002 and 3004 (niveau 2 and 3) and 3006 and 3007 (niveau 4) may be used until
school year 2026-2027 for students who started their opleiding before school
year 2022-2023. The rekenen codes 3027-3029 (mbo-rekenniveau 2-4) belong to
the rekenen requirements in force since 2022-08-01 (Stb. 2022, 62).

DUO does not publish the value list of the vrijstelling fields of a GEO
record (PvE MBO-instelling 4.8.2 §15.5.9: AN1..4 and AN3). The values seen in
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
import json
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

import attrs

from duo_domain._sources import PVE_MBO
from duo_domain.codes import CodeValue, Waardenlijst

__all__ = [
    "VRIJSTELLINGSCODES",
    "Examencodetabel",
    "GeneriekExamencode",
    "Onderdeel",
    "examencodetabel",
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


def _opt_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise ValueError(f"expected an ISO date or null, got {value!r}")


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


def load_examencodetabel(data: Mapping[str, Any]) -> Examencodetabel:
    """Build a table from plain data shaped like the bundled JSON file.

    Raises:
        ValueError: when a row lacks a field or has a value of the wrong kind.
    """
    try:
        rows = tuple(
            GeneriekExamencode(
                code=str(row["code"]),
                omschrijving=str(row["omschrijving"]),
                onderdeel=Onderdeel(row["onderdeel"]),
                niveaus=tuple(int(n) for n in row["niveaus"]),
                standaard_niveaus=tuple(int(n) for n in row.get("standaard_niveaus", ())),
                cohort_start_voor=_opt_date(row.get("cohort_start_voor")),
                geldig_van=_opt_date(row.get("geldig_van")),
                geldig_tot=_opt_date(row.get("geldig_tot")),
                schooljaren=str(row.get("schooljaren", "")),
            )
            for row in data["codes"]
        )
        return Examencodetabel(
            naam=str(data["naam"]),
            bron=str(data["bron"]),
            toestand=dt.date.fromisoformat(str(data["toestand"])),
            codes=rows,
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a generieke examenonderdelencodetabel: {exc!r}") from None


@functools.cache
def examencodetabel() -> Examencodetabel:
    """The bundled table (Regeling codetabellen vo, vso en mbo, toestand 2025-08-28), read once."""
    text = (
        resources.files("duo_domain.mbo").joinpath("data/generieke_examenonderdelen.json").read_text("utf-8")
    )
    return load_examencodetabel(json.loads(text))


#: The vrijstelling codes of a GEO record seen in DUO's files. DUO does not
#: publish the list, so it is open: an unknown code is a signal, not an error.
VRIJSTELLINGSCODES = Waardenlijst(
    "vrijstelling_generiek_examenonderdeel",
    f"{PVE_MBO} §15.5.9 (GEO: Vrijstelling generiek examenonderdeel AN1..4, "
    "Vrijstelling IE/CE AN3); values as seen in DUO's registratieoverzichten",
    (
        CodeValue(
            "MBO",
            "vrijstelling op grond van een eerder afgelegd mbo-examen (Ekb WEB art. 3b lid 5 onder a); "
            "meaning inferred from DUO's files",
        ),
        CodeValue(
            "KZDL",
            "vrijstelling op grond van een eerder afgelegd keuzedeel met dezelfde eisen en hetzelfde niveau "
            "(Ekb WEB art. 1: keuzedeel Engels, Nederlandse taal, rekenen); meaning inferred, not confirmed",
        ),
    ),
    open=True,
)
