"""The uitslag of a VO exam: geslaagd or afgewezen, with every reason and its article.

`compute_uitslag` applies the slaag-zakregeling of the Uitvoeringsbesluit
WVO 2020 (BWBR0045787) in the version that judges the candidate's examenjaar
([`duo_domain.vo.regelsets`][duo_domain.vo.regelsets]):

* havo/vwo — art. 3.34 lid 1: a CE mean of at least 5.5; the kernvakkenregel;
  the compensation rules (one 5; one 4, two 5s or a 4 and a 5 with a mean of
  the eindcijfers of at least 6.0); no combinatiecijfer component below 4;
  lichamelijke opvoeding voldoende or goed;
* vmbo — art. 3.35 lid 1: a CE mean of at least 5.5; Nederlandse taal at
  least 5; the compensation rules (one 5; one 4 or two 5s with at least one 7);
  no combinatiecijfer component below 4; LO and kunstvakken voldoende or goed;
  for gl and tl the profielwerkstuk voldoende or goed; a bb leer-werktraject
  by lid 6 instead;
* art. 3.1-3.7: the subjects form an eindexamen ([`duo_domain.vo.pakket`][duo_domain.vo.pakket]);
  an incomplete exam is afgewezen (``BRON.PAKKET.VOLLEDIG``);
* art. 3.33 lid 3: when the candidate fails, subjects are left out — as few as
  possible, those marked ``extra`` first — if that makes the candidate pass and
  the rest still forms an eindexamen; the result names them in
  `UitslagResultaat.buiten_beschouwing`.

A vakcode the code table has only for other school types is judged as a
regular graded subject of the candidate (no kernvak; never a combinatiecijfer
component, art. 3.34 lid 2; for vmbo a ``rol`` makes it a profielvak or
keuzevak, for havo/vwo a ``rol`` has no meaning in art. 3.34) and named in
`UitslagResultaat.opmerkingen`. A vakcode in no row of the table is a
document error.

Every failed condition is one [`Reden`][duo_domain.vo.Reden] with the rule id of the
catalogue (``BRON.EXAMEN.*``), the article and an explanation.

Examples:
    >>> from decimal import Decimal as D
    >>> from duo_domain.vo import ExamResult, Examenkandidaat, Profielwerkstuk, Schoolsoort
    >>> from duo_domain.vo import Beoordeling, compute_uitslag
    >>> k = Examenkandidaat(Schoolsoort.HAVO, 2025, (
    ...     ExamResult("1001", se=D("6.4"), ce=D("6.0")),
    ...     ExamResult("1002", se=D("6.8"), ce=D("6.5")),
    ...     ExamResult("1024", se=D("5.0"), ce=D("5.9")),
    ...     ExamResult("1022", se=D("7.0"), ce=D("6.6")),
    ...     ExamResult("1021", se=D("6.0"), ce=D("6.1")),
    ...     ExamResult("0131", se=D("6.5"), ce=D("6.4")),
    ...     ExamResult("1038", se=D("6")),
    ...     ExamResult("1019", se=D("7")),
    ...     ExamResult("1020", se=D("6")),
    ...     ExamResult("0353", beoordeling=Beoordeling.VOLDOENDE),
    ... ), profielwerkstuk=Profielwerkstuk(cijfer=7))
    >>> r = compute_uitslag(k)
    >>> r.uitslag.value, r.combinatiecijfer, r.eindcijfers["1024"], r.to_dict()["ce_gemiddelde"]
    ('geslaagd', 7, 5, '6.25')
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any, NamedTuple

import attrs

from duo_domain import _fields as f
from duo_domain._sources import UB_WVO as UB
from duo_domain._uitslag import Reden, Uitslag
from duo_domain.codes import Codetabellen
from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.vo.codes import Vak, VakcodeTabel, Vaksoort, vakcodetabel
from duo_domain.vo.model import Beoordeling, Examendeel, Examenkandidaat, ExamResult, Rol, Schoolsoort
from duo_domain.vo.pakket import VOLLEDIG as PAKKET_VOLLEDIG
from duo_domain.vo.pakket import Tekort, eigen_vakcode
from duo_domain.vo.pakket import _paren_tekorten as pakket_paren_tekorten
from duo_domain.vo.pakket import _weglaatbaar as pakket_weglaatbaar
from duo_domain.vo.regelsets import REGELSETS, Regelset, choose_regelset

__all__ = [
    "MAX_EXTRA_VAKKEN",
    "NIVEAU",
    "REGELS",
    "Reden",
    "Uitslag",
    "UitslagResultaat",
    "compute_uitslag",
    "herkansingen_niet_geteld",
    "hoger_programma",
    "is_gemeenschappelijk",
]

#: Subjects marked ``extra`` beyond this number are refused: the search of
#: art. 3.33 lid 3 tries every subset (2**n evaluations).
MAX_EXTRA_VAKKEN = 10


#: The rule ids of the catalogue (:mod:`duo_domain.vo.rules`) the reasons carry.
CE_GEMIDDELDE = "BRON.EXAMEN.CE_GEMIDDELDE"
KERNVAKKEN = "BRON.EXAMEN.KERNVAKKEN"
COMPENSATIE = "BRON.EXAMEN.COMPENSATIE"
COMBINATIECIJFER_ONDERDEEL = "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL"
LICHAMELIJKE_OPVOEDING = "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING"
NEDERLANDS = "BRON.EXAMEN.NEDERLANDS"
KUNSTVAKKEN = "BRON.EXAMEN.KUNSTVAKKEN"
PROFIELWERKSTUK = "BRON.EXAMEN.PROFIELWERKSTUK"
LEERWERKTRAJECT = "BRON.EXAMEN.LEERWERKTRAJECT"

#: Every rule id a :class:`Reden` of the VO uitslag can carry.
REGELS: tuple[str, ...] = (
    CE_GEMIDDELDE,
    KERNVAKKEN,
    COMPENSATIE,
    COMBINATIECIJFER_ONDERDEEL,
    LICHAMELIJKE_OPVOEDING,
    NEDERLANDS,
    KUNSTVAKKEN,
    PROFIELWERKSTUK,
    LEERWERKTRAJECT,
    PAKKET_VOLLEDIG,
)


@attrs.frozen
class UitslagResultaat:
    """The uitslag with everything it rests on.

    The MBO result ([`duo_domain.mbo.uitslag.UitslagResultaat`][duo_domain.mbo.uitslag.UitslagResultaat]) has
    the
    same shape: ``uitslag``, ``redenen``, ``regelset``, ``eindcijfers``,
    ``geslaagd`` and ``to_dict()``.

    Attributes:
        uitslag: geslaagd or afgewezen.
        eindcijfers: vakcode → eindcijfer of every subject with one, in document
            order, including subjects left out (they stay on the cijferlijst, art. 3.40 lid 2).
        combinatiecijfer: The combinatiecijfer that counted, or ``None``.
        ce_som_tienden: Sum of the counted CE grades, in tenths.
        ce_aantal: Number of counted CE grades.
        buiten_beschouwing: vakcodes left out under art. 3.33 lid 3.
        niet_meegeteld: vakcodes that by law do not count (a vmbo-tl candidate's
            beroepsgerichte vakken that do not form a full programme, art. 3.35 lid 2).
        redenen: Every failed condition (empty when geslaagd).
        regelset: The rule set applied.
        examenjaar: The examenjaar judged.
        schoolsoort: The school type judged.
        opmerkingen: Notes on how the document was read, e.g. a vakcode the
            code table has only for other school types, judged as a regular subject.
        herkansingen_niet_geteld: CE grades of a later tijdvak the law does not
            count as a herkansing (art. 3.38), as ``"<vakcode> tijdvak <n>"``.
    """

    uitslag: Uitslag
    eindcijfers: Mapping[str, int]
    combinatiecijfer: int | None
    ce_som_tienden: int
    ce_aantal: int
    buiten_beschouwing: tuple[str, ...]
    niet_meegeteld: tuple[str, ...]
    redenen: tuple[Reden, ...]
    regelset: Regelset
    examenjaar: int
    schoolsoort: Schoolsoort
    opmerkingen: tuple[str, ...] = ()
    herkansingen_niet_geteld: tuple[str, ...] = ()

    @property
    def geslaagd(self) -> bool:
        """True when the uitslag is geslaagd."""
        return self.uitslag is Uitslag.GESLAAGD

    @property
    def ce_gemiddelde(self) -> Decimal | None:
        """The exact mean of the counted CE grades (28 significant digits), or ``None``."""
        if not self.ce_aantal:
            return None
        return Decimal(self.ce_som_tienden) / (Decimal(10) * self.ce_aantal)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form (see the cijferlijst output contract in the docs).

        ``ce_gemiddelde`` is a string with two decimals, truncated (never
        rounded up across 5.5).
        """
        from duo_domain.vo.grades import format_gemiddelde

        return {
            "uitslag": self.uitslag.value,
            "eindcijfers": dict(self.eindcijfers),
            "combinatiecijfer": self.combinatiecijfer,
            "ce_gemiddelde": format_gemiddelde(self.ce_som_tienden, self.ce_aantal)
            if self.ce_aantal
            else None,
            "buiten_beschouwing": list(self.buiten_beschouwing),
            "redenen": [r.to_dict() for r in self.redenen],
            "niet_meegeteld": list(self.niet_meegeteld),
            "schoolsoort": self.schoolsoort.value,
            "examenjaar": self.examenjaar,
            "regelset": self.regelset.wettekst,
            "opmerkingen": list(self.opmerkingen),
        }


class _Vak(NamedTuple):
    """One subject as the slaag-zakregeling sees it, after reading."""

    vakcode: str
    soort: Vaksoort
    #: The eindcijfer (art. 3.32), or ``None`` for a subject judged without one.
    eindcijfer: int | None
    #: The CE grade that counts, in tenths, or ``None``.
    ce_tienden: int | None
    #: For a subject judged goed/voldoende/onvoldoende: whether it is voldoende or goed.
    voldoende: bool | None
    #: Marked ``extra``: may be left out under art. 3.33 lid 3.
    extra: bool
    #: An optional havo/vwo combinatiecijfer component the school added (art. 3.34 lid 2).
    combinatie: bool
    #: A havo/vwo kernvak of art. 3.34 lid 1 b.
    kernvak: bool


class _Oordeel(NamedTuple):
    """The outcome of judging one set of subjects."""

    redenen: tuple[Reden, ...]
    combinatiecijfer: int | None
    ce_som_tienden: int
    ce_aantal: int
    niet_meegeteld: tuple[str, ...] = ()


class _Gelezen(NamedTuple):
    """The subjects read from a cijferlijst, and what could not be read."""

    vakken: list[_Vak]
    problemen: list[DocumentProblem]
    opmerkingen: list[str]
    herkansingen_niet_geteld: tuple[str, ...] = ()
    #: No subject has a vrijstelling, a programma or a herkomst.
    gewoon: bool = False


# Enum members as module globals: on the hot paths below a global lookup costs a tenth of the
# enum class's attribute lookup (and ``.value`` a property call).
_B_ONVOLDOENDE = Beoordeling.ONVOLDOENDE
_S_HAVO = Schoolsoort.HAVO
_S_VMBO_BB = Schoolsoort.VMBO_BB
_S_VMBO_GL = Schoolsoort.VMBO_GL
_S_VMBO_KB = Schoolsoort.VMBO_KB
_S_VMBO_TL = Schoolsoort.VMBO_TL
_U_AFGEWEZEN = Uitslag.AFGEWEZEN
_U_GESLAAGD = Uitslag.GESLAAGD
_V_COMBINATIE = Vaksoort.COMBINATIE
_V_GEEN_UITSLAG = Vaksoort.GEEN_UITSLAG
_V_KEUZEVAK = Vaksoort.KEUZEVAK
_V_KUNSTVAKKEN = Vaksoort.KUNSTVAKKEN
_V_LO = Vaksoort.LO
_V_NEDERLANDS = Vaksoort.NEDERLANDS
_V_PRAKTIJKGERICHT_VMBO = Vaksoort.PRAKTIJKGERICHT_VMBO
_V_PROFIELVAK = Vaksoort.PROFIELVAK
_V_WISKUNDE = Vaksoort.WISKUNDE
_WAARDE: Mapping[Schoolsoort, str] = {m: m.value for m in Schoolsoort}
_VMBO = frozenset(m for m in Schoolsoort if m.is_vmbo)
_BEROEPS = frozenset({Vaksoort.PROFIELVAK, Vaksoort.KEUZEVAK, Vaksoort.PRAKTIJKGERICHT_VMBO})
#: The roles of `Vaksoort.is_kernvak`, as a set (one lookup instead of a property call per subject).
_KERNVAK = frozenset(s for s in Vaksoort if s.is_kernvak)
_ROL_SOORT = {Rol.PROFIELVAK: Vaksoort.PROFIELVAK, Rol.KEUZEVAK: Vaksoort.KEUZEVAK}

#: The code-table entry of a vakcode the table has for other school types only:
#: judged as a regular graded subject.
_VREEMD: tuple[Vaksoort, int] = (Vaksoort.ALGEMEEN, 0)

#: Builds a NamedTuple (a :class:`_Vak`, an :class:`_Oordeel`, ...) from the tuple of all its fields,
#: without the Python-level ``__new__`` of a NamedTuple (hot path).
_new = tuple.__new__

#: Every valid grade 1.0-10.0 (one decimal) mapped to tenths: one dict lookup
#: instead of Decimal arithmetic. Decimal("6.40") == Decimal("6.4").
_TENTHS: dict[Decimal, int] = {Decimal(i) / 10: i for i in range(10, 101)}


def _tenths(value: Decimal) -> int | None:
    """``value`` in tenths when it has at most one decimal and lies in 1.0-10.0."""
    try:
        return _TENTHS.get(value)
    except TypeError:  # a signalling NaN cannot be hashed
        return None


# --- reading the subjects -------------------------------------------------------------------


def _vreemd(k: Examenkandidaat, v: ExamResult, vak: Vak) -> str:
    """The note for a vakcode the table has only for other school types."""
    als = f"a {v.rol.value} (rol)" if k.schoolsoort.is_vmbo and v.rol is not None else "a regular subject"
    return (
        f"vakcode {v.vakcode} ({vak.omschrijving}) is not a {k.schoolsoort.value} subject"
        f" in the code table; judged as {als}"
    )


def _soort(
    base: str, v: ExamResult, soort: Vaksoort, k: Examenkandidaat, vreemd: bool
) -> Vaksoort | DocumentProblem:
    """The subject's role after its ``rol``: the table's, or the one the school names."""
    vmbo = k.schoolsoort.is_vmbo
    if vreemd:
        # a vakcode the table has for other school types only (soort ALGEMEEN): for vmbo the
        # rol makes it a profielvak or keuzevak; for havo/vwo a rol has no meaning (art. 3.34)
        return _ROL_SOORT[v.rol] if vmbo and v.rol is not None else soort
    if v.rol is None:
        return soort
    if not vmbo or soort not in _BEROEPS:
        return DocumentProblem(f"{base}.rol", "rol applies to vmbo profielvakken and keuzevakken")
    if soort is Vaksoort.PRAKTIJKGERICHT_VMBO and v.rol is Rol.PROFIELVAK:
        return soort
    return _ROL_SOORT[v.rol]


def _bijzonder(
    base: str, v: ExamResult, soort: Vaksoort, k: Examenkandidaat, *, rs: Regelset, vreemd: bool
) -> tuple[Vaksoort, bool] | DocumentProblem:
    """Role and combinatiecijfer flag of a subject with a ``rol``, a combi flag or a special table role."""
    found = _soort(base, v, soort, k, vreemd)
    if isinstance(found, DocumentProblem):
        return found
    soort = found
    if soort is Vaksoort.PRAKTIJKGERICHT_VMBO and not (
        rs.gl_praktijkgericht_vak and k.schoolsoort in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL)
    ):
        return DocumentProblem(
            f"{base}.vakcode",
            f"a praktijkgericht vak ({v.vakcode}) counts only in vmbo gl/tl from examenjaar 2025"
            f" ({UB} art. 3.7 lid 1a, in force 2024-08-01)",
        )
    if not v.combinatiecijfer:
        return soort, False
    # art. 3.34 lid 2: only the parts the article lists may be added, never a subject of another school type
    if k.schoolsoort.is_vmbo or soort not in rs.combinatie_optioneel or vreemd:
        return DocumentProblem(
            f"{base}.combinatiecijfer",
            f"{v.vakcode} is not an optional combinatiecijfer component in examenjaar"
            f" {k.examenjaar} ({UB} art. 3.34 lid 2)",
        )
    return soort, True


def _ce_tienden(i: int, v: ExamResult, problemen: list[DocumentProblem]) -> int | None:
    """The counted CE grade in tenths: the highest of the tijdvakken (art. 3.39 lid 1)."""
    best: int | None = None
    for name, c in (("ce", v.ce), ("ce2", v.ce2), ("ce3", v.ce3)):
        if c is None:
            continue
        t = _tenths(c)
        if t is None:
            problemen.append(
                DocumentProblem(
                    f"$.vakken[{i}].{name}", f"CE grade {c} is not 1.0-10.0 with at most one decimal"
                )
            )
        elif best is None or t > best:
            best = t
    return best


def _cijfer_problemen(i: int, v: ExamResult) -> list[DocumentProblem]:
    """Every problem with the grades of a graded subject."""
    base = f"$.vakken[{i}]"
    if v.beoordeling is not None:
        return [DocumentProblem(f"{base}.beoordeling", f"{v.vakcode} needs a grade, not a beoordeling")]
    if v.se is None:
        return [DocumentProblem(f"{base}.se", f"SE grade of {v.vakcode} is missing")]
    problemen: list[DocumentProblem] = []
    ce10 = _ce_tienden(i, v, problemen)
    se10 = _tenths(v.se)
    if se10 is None:
        problemen.append(
            DocumentProblem(
                f"{base}.se",
                f"SE grade {v.se} is not 1.0-10.0 with at most one decimal ({UB} art. 3.13 lid 1)",
            )
        )
    elif ce10 is None and se10 % 10:
        problemen.append(
            DocumentProblem(
                f"{base}.se",
                f"SE grade {v.se} of a subject without CE is a whole number ({UB} art. 3.13 lid 2)",
            )
        )
    return problemen


def _cijfers(i: int, v: ExamResult) -> tuple[int, int | None] | None:
    """Eindcijfer and counted CE (in tenths) of a graded subject; ``None`` when a grade is wrong."""
    if v.beoordeling is not None or v.se is None:
        return None
    try:
        se10 = _TENTHS.get(v.se)
        if v.ce2 is None and v.ce3 is None:
            ce = v.ce
            ce10 = None if ce is None else _TENTHS.get(ce)
            if ce10 is None and ce is not None:
                return None
        else:
            problemen: list[DocumentProblem] = []
            ce10 = _ce_tienden(i, v, problemen)
            if problemen:
                return None
    except TypeError:  # a signalling NaN cannot be hashed
        return None
    if se10 is None:
        return None
    if ce10 is not None:
        return (se10 + ce10 + 10) // 20, ce10  # half up on (se + ce) / 2 (art. 3.32 lid 2), in tenths
    if se10 % 10:
        return None  # an SE without CE is a whole number (art. 3.13 lid 2)
    return se10 // 10, None


def _lees_vak(
    i: int, v: ExamResult, entry: tuple[Vaksoort, int], k: Examenkandidaat, rs: Regelset
) -> _Vak | DocumentProblem | list[DocumentProblem] | None:
    """One subject read, its problems, or ``None`` for a subject that does not count (vrijstelling).

    ``entry`` is the subject's role and way of judging from the code table, or
    `_VREEMD` for a vakcode the table has for other school types only.
    """
    soort, wijze = entry
    vreemd = entry is _VREEMD
    combi = False
    if v.rol is not None or v.combinatiecijfer or vreemd or soort is _V_PRAKTIJKGERICHT_VMBO:
        found = _bijzonder(f"$.vakken[{i}]", v, soort, k, rs=rs, vreemd=vreemd)
        if isinstance(found, DocumentProblem):
            return found
        soort, combi = found
    if v.vrijstelling:
        return None
    # art. 3.34 lid 1 b: Nederlands, Engels and "voor zover van toepassing" the wiskunde of the exam, in
    # whichever part; of two wiskunde subjects only the profile's (`_een_kernvak_wiskunde`)
    kern = soort in _KERNVAK
    if wijze:
        return _zonder_cijfer(i, v, soort, wijze, (combi, kern))
    grades = _cijfers(i, v)
    if grades is None:
        return _cijfer_problemen(i, v)
    eind, ce10 = grades
    if v.schooljaar_eindcijfer is not None and soort is _V_PROFIELVAK:
        ce10 = _overgang_profielvak(v.schooljaar_eindcijfer, k.examenjaar, eind, ce10)
    return _new(_Vak, (v.vakcode, soort, eind, ce10, None, v.extra, combi, kern))


def _zonder_cijfer(
    i: int, v: ExamResult, soort: Vaksoort, wijze: int, flags: tuple[bool, bool]
) -> _Vak | DocumentProblem:
    """A subject judged without an eindcijfer: no uitslag role (wijze 2) or goed/voldoende/onvoldoende (1)."""
    combi, kern = flags
    if wijze == 2:
        return _new(_Vak, (v.vakcode, soort, None, None, None, v.extra, combi, kern))
    if v.beoordeling is None or v.se is not None or v.heeft_ce:
        return DocumentProblem(
            f"$.vakken[{i}].beoordeling",
            f"{v.vakcode} is judged goed, voldoende or onvoldoende, not with a grade ({UB} art. 3.13 lid 3)",
        )
    return _new(_Vak, (v.vakcode, soort, None, None, v.beoordeling.is_voldoende, v.extra, combi, kern))


#: Art. 10.5 lid 1: the school years whose profielvak eindcijfer counts in the CE mean, and the
#: calendar year in which that eindcijfer was determined (lid 3 counts ten years from it).
_OVERGANG_10_5 = {"2020-2021": 2021, "2021-2022": 2022}


def _overgang_profielvak(schooljaar: str, examenjaar: int, eindcijfer: int, ce10: int | None) -> int | None:
    """Art. 10.5: the CE grade (in tenths) a profielvak finished in an earlier school year adds to the mean.

    The eindcijfer of a profielvak obtained in 2020-2021 or 2021-2022 counts in the mean of
    art. 3.35 lid 1 a (lid 1) as long as ten years have not passed after the year it was determined
    (lid 3); the article lapses on 2033-01-01 (lid 4), after the last examenjaar 2032.
    """
    jaar = _OVERGANG_10_5.get(schooljaar)
    if jaar is None or examenjaar - jaar >= 10 or examenjaar > 2032:
        return ce10
    return 10 * eindcijfer


def _pws_problemen(k: Examenkandidaat) -> list[DocumentProblem]:
    pws = k.profielwerkstuk
    if pws is None:
        return []
    if k.schoolsoort.is_vmbo:
        if pws.cijfer is not None:
            return [
                DocumentProblem(
                    "$.profielwerkstuk.cijfer",
                    f"the vmbo profielwerkstuk is judged goed, voldoende or onvoldoende"
                    f" ({UB} art. 3.14 lid 1)",
                )
            ]
    elif pws.cijfer is None or not 1 <= pws.cijfer <= 10:
        return [
            DocumentProblem("$.profielwerkstuk.cijfer", "the havo/vwo profielwerkstuk needs a grade 1-10")
        ]
    return []


def _andere_code(  # noqa: PLR0917 - an internal helper of _lees
    i: int,
    v: ExamResult,
    k: Examenkandidaat,
    tabel: VakcodeTabel,
    seen: set[str],
    problemen: list[DocumentProblem],
    opmerkingen: list[str],
) -> tuple[Vaksoort, int] | None:
    """A vakcode not in the candidate's table, or seen before: `_VREEMD`, or ``None`` with a problem."""
    code = v.vakcode
    if code in seen:
        problemen.append(DocumentProblem(f"$.vakken[{i}].vakcode", f"vakcode {code!r} appears twice"))
        return None
    hoger = hoger_programma(k.schoolsoort, v.programma)
    if hoger is not None and (rol := tabel.rollen(hoger.value).get(code)) is not None:
        # art. 3.9 and 3.37: a subject taken at a higher level counts with its role at that level
        opmerkingen.append(f"vakcode {code} taken at the {hoger.value} level ({UB} art. 3.9, 3.37)")
        return rol
    vak = tabel.zoek(code)
    if vak is None:
        problemen.append(
            DocumentProblem(
                f"$.vakken[{i}].vakcode",
                f"vakcode {code!r} is unknown for {k.schoolsoort.value} and in no row of the code table",
            )
        )
        return None
    # in the table for another school type only: a regular graded subject
    opmerkingen.append(_vreemd(k, v, vak))
    return _VREEMD


def _kandidaat_problemen(k: Examenkandidaat, n_extra: int) -> list[DocumentProblem]:
    """The problems of the candidate as a whole: too many subjects marked extra, a leer-werktraject not bb."""
    out: list[DocumentProblem] = []
    if n_extra > MAX_EXTRA_VAKKEN:
        out.append(DocumentProblem("$.vakken", f"more than {MAX_EXTRA_VAKKEN} subjects marked extra"))
    if k.leerwerktraject and k.schoolsoort is not Schoolsoort.VMBO_BB:
        out.append(DocumentProblem("$.leerwerktraject", "a leer-werktraject exists only in vmbo-bb"))
    return out


def _extra_vast(vakken: Sequence[_Vak], tabel: VakcodeTabel, opmerkingen: list[str]) -> None:
    """The note on subjects marked extra that are part of every exam (art. 3.33 lid 3)."""
    vast = [
        p.vakcode
        for p in vakken
        if p.extra and _gemeenschappelijk(p.vakcode, p.soort, tabel.gemeenschappelijk)
    ]
    if vast:
        opmerkingen.append(
            f"marked extra but part of every exam, so never left out ({UB} art. 3.33 lid 3):"
            f" {', '.join(vast)}"
        )


def _gewoon(v: ExamResult, entry: tuple[Vaksoort, int]) -> bool:
    """Whether ``v`` is a plain graded subject: its eindcijfer and CE grade are all `_lees_vak` reads.

    A grade by the table (``wijze`` 0) and a role of its own school type other than praktijkgericht,
    without rol, combinatiecijfer flag, vrijstelling, beoordeling, later tijdvak, schooljaar of art.
    10.5, programma or herkomst.
    """
    return (
        not entry[1]
        and entry is not _VREEMD
        and entry[0] is not _V_PRAKTIJKGERICHT_VMBO
        and v.rol is None
        and not v.combinatiecijfer
        and not v.vrijstelling
        and v.beoordeling is None
        and v.ce2 is None
        and v.ce3 is None
        and v.schooljaar_eindcijfer is None
        and v.programma is None
        and v.herkomst is None
    )


def _lees(
    k: Examenkandidaat, rs: Regelset, rollen: Mapping[str, tuple[Vaksoort, int]], tabel: VakcodeTabel
) -> _Gelezen:
    """Every subject of the cijferlijst read once; every problem with its path."""
    vakken: list[_Vak] = []
    problemen: list[DocumentProblem] = []
    opmerkingen: list[str] = []
    seen: set[str] = set()
    n_extra = n_wiskunde = 0
    later = False  # a CE grade of tijdvak 2 or 3
    wiskunde = _V_WISKUNDE
    gewoon = True
    for i, v in enumerate(k.vakken):
        code = v.vakcode
        entry = rollen.get(code)
        if v.ce2 is not None or v.ce3 is not None:
            later = True
        if entry is None or code in seen:
            entry = _andere_code(i, v, k, tabel, seen, problemen, opmerkingen)
            if entry is None:
                continue
        seen.add(code)
        if _gewoon(v, entry) and (grades := _cijfers(i, v)) is not None:
            # what `_lees_vak` reads from a plain graded subject, without its questions
            soort = entry[0]
            kern = soort in _KERNVAK
            vakken.append(_new(_Vak, (code, soort, grades[0], grades[1], None, v.extra, False, kern)))
            n_extra += v.extra
            n_wiskunde += kern and soort is wiskunde
            continue
        if v.vrijstelling or v.programma is not None or v.herkomst is not None:
            gewoon = False
        found = _lees_vak(i, v, entry, k, rs)
        if type(found) is _Vak:
            vakken.append(found)
            if found.extra:
                n_extra += 1
            if found.soort is wiskunde and found.kernvak:
                n_wiskunde += 1
        elif isinstance(found, list):
            problemen.extend(found)
        elif isinstance(found, DocumentProblem):
            problemen.append(found)
    problemen.extend(_pws_problemen(k))
    if n_extra:
        _extra_vast(vakken, tabel, opmerkingen)
    niet_geteld: tuple[str, ...] = ()
    if later and not problemen:
        vakken, niet_geteld = _herkansingen(k, vakken, opmerkingen)
    if n_wiskunde > 1:
        vakken = _een_kernvak_wiskunde(vakken, k, opmerkingen)
    problemen.extend(_kandidaat_problemen(k, n_extra))
    return _new(_Gelezen, (vakken, problemen, opmerkingen, niet_geteld, gewoon))


#: The levels of art. 3.37 ("een hoger niveau dan het niveau van de schoolsoort of leerweg"); gl and tl are
#: one level (the theoretische and gemengde leerweg lead to the same follow-on education).
NIVEAU: Mapping[Schoolsoort, int] = {
    Schoolsoort.VMBO_BB: 1,
    Schoolsoort.VMBO_KB: 2,
    Schoolsoort.VMBO_GL: 3,
    Schoolsoort.VMBO_TL: 3,
    Schoolsoort.HAVO: 4,
    Schoolsoort.VWO: 5,
}


def hoger_programma(schoolsoort: Schoolsoort, programma: str | None) -> Schoolsoort | None:
    """The school type of a subject's ``programma`` when it is a higher level than ``schoolsoort``.

    Art. 3.37 lets a candidate take a subject at a higher level than the school type or leerweg of
    enrolment (art. 3.5 lid 2, 3.6 and 3.7 lid 2 name which); ``None`` when ``programma`` is absent,
    unknown, or not higher.

    Examples:
        >>> hoger_programma(Schoolsoort.VMBO_TL, "havo"), hoger_programma(Schoolsoort.HAVO, "vmbo-tl")
        (<Schoolsoort.HAVO: 'havo'>, None)
    """
    if programma is None:
        return None
    try:
        hoger = Schoolsoort(programma)
    except ValueError:
        return None
    return hoger if NIVEAU[hoger] > NIVEAU[schoolsoort] else None


def herkansingen_niet_geteld(kandidaat: Examenkandidaat, cspe_vakken: frozenset[str]) -> tuple[str, ...]:
    """The CE grades of a later tijdvak that art. 3.38 does not count, as ``"<vakcode> tijdvak <n>"``.

    A grade in a later tijdvak of a subject without a grade in an earlier one
    completes the exam after verhindering (art. 3.29) and always counts. A later
    grade of a subject that has an earlier one is a herkansing: the candidate has
    one, in one subject, in tijdvak 2 — or tijdvak 3 where art. 3.29 lid 1
    applies, i.e. a subject was completed after tijdvak 1 (art. 3.38 lid 1); in
    vmbo bb and kb also one of the cspe (lid 2; ``cspe_vakken`` names the
    profielvakken). When the document claims more, the first herkansingen in
    document order count.

    Examples:
        >>> from decimal import Decimal as D
        >>> from duo_domain.vo import Examenkandidaat, ExamResult, Schoolsoort
        >>> k = Examenkandidaat(Schoolsoort.HAVO, 2025, (
        ...     ExamResult("1001", se=D("6.0"), ce=D("4.0"), ce2=D("6.0")),
        ...     ExamResult("1002", se=D("6.0"), ce=D("4.0"), ce2=D("6.0"))))
        >>> herkansingen_niet_geteld(k, frozenset())
        ('1002 tijdvak 2',)
    """
    verhinderd = any(v.ce is None and (v.ce2 is not None or v.ce3 is not None) for v in kandidaat.vakken)
    rechten = {"lid 1": True, "lid 2": kandidaat.schoolsoort in (_S_VMBO_BB, _S_VMBO_KB)}
    niet: list[str] = []
    for v in kandidaat.vakken:
        zittingen = [tv for tv, c in ((1, v.ce), (2, v.ce2), (3, v.ce3)) if c is not None]
        for tv in zittingen[1:]:
            recht = _recht(rechten, tv=tv, verhinderd=verhinderd, cspe=v.vakcode in cspe_vakken)
            if recht is None:
                niet.append(f"{v.vakcode} tijdvak {tv}")
            else:
                rechten[recht] = False
    return tuple(niet)


def _recht(rechten: dict[str, bool], *, tv: int, verhinderd: bool, cspe: bool) -> str | None:
    """The right of art. 3.38 a herkansing in tijdvak ``tv`` uses, or ``None`` when none is left."""
    if cspe and tv == 2 and rechten["lid 2"]:
        return "lid 2"
    if rechten["lid 1"] and (tv == 2 or verhinderd):
        return "lid 1"
    return None


def _herkansingen(
    k: Examenkandidaat, vakken: list[_Vak], opmerkingen: list[str]
) -> tuple[list[_Vak], tuple[str, ...]]:
    """The subjects with the CE grade art. 3.38 and 3.39 lid 1 count: the highest counted tijdvak."""
    niet = herkansingen_niet_geteld(k, frozenset(p.vakcode for p in vakken if p.soort is _V_PROFIELVAK))
    weg = set(niet)
    by_code = {v.vakcode: v for v in k.vakken}
    out: list[_Vak] = []
    for p in vakken:
        v = by_code[p.vakcode]
        if p.eindcijfer is None or v.se is None or (v.ce2 is None and v.ce3 is None):
            out.append(p)
            continue
        telt = [
            t
            for tv, c in ((1, v.ce), (2, v.ce2), (3, v.ce3))
            if c is not None and f"{p.vakcode} tijdvak {tv}" not in weg and (t := _tenths(c)) is not None
        ]
        best = max(telt)
        out.append(p._replace(ce_tienden=best, eindcijfer=((_tenths(v.se) or 0) + best + 10) // 20))
    if niet:
        opmerkingen.append(
            f"CE grades not counted as herkansing ({UB} art. 3.38: one subject in tijdvak 2, or 3 after"
            f" verhindering; vmbo bb/kb also the cspe): {', '.join(niet)}"
        )
    return out, niet


def _een_kernvak_wiskunde(vakken: list[_Vak], k: Examenkandidaat, opmerkingen: list[str]) -> list[_Vak]:
    """Art. 3.34 lid 1 b: of two or more wiskunde subjects one is the kernvak, the one of the profile.

    That is the subject marked ``examendeel: profiel``; else, in a profile natuur en techniek (the
    elementcode), wiskunde B (art. 2.6 lid 1, 2.11 lid 1); else the only one neither marked ``extra`` nor
    in the vrije deel. When the document still cannot tell, the one with the highest eindcijfer is
    taken (a surplus wiskunde is left out of the kernvakken as art. 3.33 lid 3 would do) and a note
    says so.
    """
    wiskunde = [p for p in vakken if p.kernvak and p.soort is _V_WISKUNDE]
    by_code = {v.vakcode: v for v in k.vakken}
    keuzes = (
        [p for p in wiskunde if by_code[p.vakcode].examendeel is Examendeel.PROFIEL],
        [p for p in wiskunde if p.vakcode == _WISKUNDE_B and _natuur_en_techniek(k)],
        [p for p in wiskunde if not p.extra and by_code[p.vakcode].examendeel is not Examendeel.VRIJ],
    )
    kern = next((c[0] for c in keuzes if len(c) == 1), None)
    if kern is None:
        kern = max(wiskunde, key=lambda p: p.eindcijfer or 0)
        opmerkingen.append(
            f"{len(wiskunde)} wiskunde subjects without examendeel 'profiel' or 'extra': {kern.vakcode}"
            f" (the highest eindcijfer) is taken as the kernvak of art. 3.34 lid 1 b; mark the others extra"
        )
    return [p._replace(kernvak=False) if p in wiskunde and p is not kern else p for p in vakken]


#: Wiskunde B, the wiskunde of the profile natuur en techniek (art. 2.6 lid 1 a, 2.11 lid 1 a).
_WISKUNDE_B = "1025"


def _natuur_en_techniek(k: Examenkandidaat) -> bool:
    """Whether the elementcode names a havo/vwo profile natuur en techniek, alone or combined."""
    code = k.elementcode
    if code is None or len(code) != 4:
        return False
    prefix = ("03",) if k.schoolsoort is _S_HAVO else ("01", "02")
    return code[:2] in prefix and code[3] in "0456"  # NT, NT+NG, NT+EM, NT+CM (Regeling codetabellen)


# --- the conditions -------------------------------------------------------------------------


#: The articles of the conditions every judgement names (made once, not per judgement).
_ART_3_34_1_C = f"{UB} art. 3.34 lid 1 c"
_ART_3_34_1_D = f"{UB} art. 3.34 lid 1 d"
_ART_3_34_1_E = f"{UB} art. 3.34 lid 1 e"
_ART_3_35_1_C = f"{UB} art. 3.35 lid 1 c"
_ART_3_35_1_D = f"{UB} art. 3.35 lid 1 d"
_ART_3_35_1_E = f"{UB} art. 3.35 lid 1 e"
_ART_3_35_1_F = f"{UB} art. 3.35 lid 1 f"


def _vakken_tekst(pairs: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{code} {grade}" for code, grade in pairs)


def _mean(total: int, n: int) -> str:
    return str((Decimal(total) / n).quantize(Decimal("0.01"), rounding=ROUND_DOWN))


def _gemiddelde(grades: Sequence[int]) -> int:
    """The mean of whole eindcijfers rounded half up (art. 3.34 lid 4, 3.35 lid 5), in integers."""
    n = len(grades)
    return (2 * sum(grades) + n) // (2 * n)


def _ce_eis(som: int, n: int, art: str) -> Reden | None:
    """Art. 3.34/3.35 lid 1 a: the unrounded mean of the CE grades is at least 5.5."""
    if n == 0:
        return Reden(
            CE_GEMIDDELDE, f"{UB} art. {art} lid 1 a", "no CE grade counts: the CE mean cannot be 5.5"
        )
    if som < 55 * n:
        return Reden(
            CE_GEMIDDELDE,
            f"{UB} art. {art} lid 1 a",
            f"CE mean {_mean(som, 10 * n)} is below 5.5 (unrounded)",
        )
    return None


def _compensatie(counted: Sequence[tuple[str, int]], vmbo: bool) -> Reden | None:
    """Art. 3.34 lid 1 c (havo/vwo) and art. 3.35 lid 1 c (vmbo)."""
    art = _ART_3_35_1_C if vmbo else _ART_3_34_1_C
    low = [(c, g) for c, g in counted if g < 6]
    if not low:
        return None
    below4 = [(c, g) for c, g in low if g < 4]
    if below4:
        return Reden(COMPENSATIE, art, f"eindcijfer below 4: {_vakken_tekst(below4)}")
    fours = sum(1 for _, g in low if g == 4)
    fives = len(low) - fours
    if (fours, fives) == (0, 1):
        return None
    allowed = ((1, 0), (0, 2)) if vmbo else ((1, 0), (0, 2), (1, 1))
    if (fours, fives) not in allowed:
        return Reden(COMPENSATIE, art, f"too many eindcijfers below 6: {_vakken_tekst(low)}")
    if vmbo:
        if any(g >= 7 for _, g in counted):
            return None
        return Reden(
            COMPENSATIE,
            art,
            f"eindcijfers below 6 ({_vakken_tekst(low)}) need at least one 7 or higher; there is none",
        )
    total = sum(g for _, g in counted)
    if total >= 6 * len(counted):
        return None
    return Reden(
        COMPENSATIE,
        art,
        f"eindcijfers below 6 ({_vakken_tekst(low)}) need a mean eindcijfer of at least 6.0;"
        f" the mean is {_mean(total, len(counted))}",
    )


def _onderdelen_eis(components: Sequence[tuple[str, int]], art: str) -> Reden | None:
    """Art. 3.34/3.35 lid 1 d: no combinatiecijfer component below 4."""
    below4 = [(c, g) for c, g in components if g < 4]
    if below4:
        return Reden(
            COMBINATIECIJFER_ONDERDEEL, art, f"combinatiecijfer component below 4: {_vakken_tekst(below4)}"
        )
    return None


def _voldoende_eis(ok: bool | None, regel: str, art: str, wat: str) -> Reden | None:
    """A subject judged goed/voldoende/onvoldoende must be voldoende or goed (lid 1 e, f)."""
    if ok is True:
        return None
    what = "missing" if ok is None else "onvoldoende"
    return Reden(regel, art, f"{wat} must be voldoende or goed; it is {what}")


def _alle(*redenen: Reden | None) -> tuple[Reden, ...]:
    return tuple(r for r in redenen if r is not None)


# --- havo / vwo, art. 3.34 --------------------------------------------------------------------


def _havo_vwo(vakken: Sequence[_Vak], k: Examenkandidaat) -> _Oordeel:
    counted: list[tuple[str, int]] = []
    combi: list[tuple[str, int]] = []
    kern: list[tuple[str, int]] = []
    lo_ok: bool | None = None
    ce_som = ce_n = 0
    # tuple unpacking of the records: the fastest way through them on this hot path
    for code, soort, eind, ce10, voldoende, _extra, combinatie, kernvak in vakken:
        if soort is _V_GEEN_UITSLAG:
            continue
        if ce10 is not None:
            ce_som += ce10
            ce_n += 1
        if soort is _V_LO:
            lo_ok = bool(voldoende) if lo_ok is None else (lo_ok and bool(voldoende))
        elif eind is None:
            continue
        elif soort is _V_COMBINATIE or combinatie:
            combi.append((code, eind))
        else:
            counted.append((code, eind))
            if kernvak:
                kern.append((code, eind))
    pws = k.profielwerkstuk
    if pws is not None and pws.cijfer is not None:
        combi.append(("profielwerkstuk", pws.cijfer))
    cijfer = _gemiddelde([g for _, g in combi]) if combi else None  # art. 3.34 lid 2 and 4
    if cijfer is not None:
        counted.append(("combinatiecijfer", cijfer))
    redenen = _alle(
        _ce_eis(ce_som, ce_n, "3.34"),
        _kernvakken(kern),
        _compensatie(counted, vmbo=False),
        _onderdelen_eis(combi, _ART_3_34_1_D),
        _voldoende_eis(lo_ok, LICHAMELIJKE_OPVOEDING, _ART_3_34_1_E, "lichamelijke opvoeding"),
    )
    return _new(_Oordeel, (redenen, cijfer, ce_som, ce_n, ()))


def _kernvakken(kern: Sequence[tuple[str, int]]) -> Reden | None:
    """Art. 3.34 lid 1 b: of the kernvakken one at least 5, the others at least 6."""
    low = [(c, g) for c, g in kern if g < 6]
    if any(g < 5 for _, g in low) or len(low) > 1:
        return Reden(
            KERNVAKKEN,
            f"{UB} art. 3.34 lid 1 b",
            f"kernvakken need at most one 5 and otherwise 6 or higher: {_vakken_tekst(low)}",
        )
    return None


# --- vmbo, art. 3.35 --------------------------------------------------------------------------


class _VmboVakken(NamedTuple):
    """A vmbo candidate's subjects sorted by their role in art. 3.35."""

    algemeen: list[tuple[str, int]]
    profiel: list[tuple[str, int, int | None]]
    keuze: list[tuple[str, int, int | None]]
    nederlands: int | None
    lo_ok: bool | None
    kunstvakken_ok: bool | None
    ce_som: int
    ce_n: int


def _vmbo_indeling(vakken: Sequence[_Vak]) -> _VmboVakken:
    algemeen: list[tuple[str, int]] = []
    profiel: list[tuple[str, int, int | None]] = []
    keuze: list[tuple[str, int, int | None]] = []
    ne: int | None = None
    lo_ok: bool | None = None
    kv_ok: bool | None = None
    ce_som = ce_n = 0
    for code, soort, eind, ce10, voldoende, _extra, _combi, _kern in vakken:
        if soort is _V_LO:
            lo_ok = bool(voldoende) if lo_ok is None else (lo_ok and bool(voldoende))
        elif soort is _V_KUNSTVAKKEN:
            kv_ok = bool(voldoende) if kv_ok is None else (kv_ok and bool(voldoende))
        elif eind is None or soort is _V_GEEN_UITSLAG:
            continue
        elif soort is _V_PROFIELVAK or soort is _V_PRAKTIJKGERICHT_VMBO:
            profiel.append((code, eind, ce10))
        elif soort is _V_KEUZEVAK:
            keuze.append((code, eind, ce10))
        else:
            if ce10 is not None:
                ce_som += ce10
                ce_n += 1
            algemeen.append((code, eind))
            if soort is _V_NEDERLANDS:
                ne = eind
    return _new(_VmboVakken, (algemeen, profiel, keuze, ne, lo_ok, kv_ok, ce_som, ce_n))


class _Beroeps(NamedTuple):
    """What the beroepsgerichte subjects add to the uitslag (art. 3.35 lid 2-5)."""

    counted: list[tuple[str, int]]
    components: list[tuple[str, int]]
    combinatiecijfer: int | None
    ce_som: int
    ce_n: int
    niet_meegeteld: tuple[str, ...]


def _tl_zonder_programma(
    profiel: Sequence[tuple[str, int, int | None]],
    keuze: Sequence[tuple[str, int, int | None]],
    praktijk: frozenset[str],
) -> _Beroeps:
    """vmbo-tl without a full beroepsgericht or praktijkgericht programme (art. 3.35 lid 2).

    A praktijkgericht vak of the vrije deel (art. 3.4 lid 1 c, 2.17a) is a subject with an
    eindcijfer of its own (lid 1 c); profielvakken and keuzevakken of the gl programme do not count.
    """
    eigen = [(c, g, ce) for c, g, ce in profiel if c in praktijk]
    ce = [t for _, _, t in eigen if t is not None]
    niet = tuple(c for c, _, _ in [*profiel, *keuze] if c not in praktijk)
    return _new(_Beroeps, ([(c, g) for c, g, _ in eigen], [], None, sum(ce), len(ce), niet))


def _beroeps(
    ss: Schoolsoort,
    profiel: Sequence[tuple[str, int, int | None]],
    keuze: Sequence[tuple[str, int, int | None]],
    praktijk: frozenset[str] = frozenset(),
) -> _Beroeps:
    if ss is _S_VMBO_TL and not (profiel and len(keuze) >= 2):
        return _tl_zonder_programma(profiel, keuze, praktijk)
    ce = [c for _, _, c in [*profiel, *keuze] if c is not None]  # the cspe counts once, like any CE grade
    counted: list[tuple[str, int]] = []
    components = [(c, g) for c, g, _ in keuze]
    if ss in (_S_VMBO_BB, _S_VMBO_KB):
        counted = [(c, g) for c, g, _ in profiel]
        cijfer = _gemiddelde([g for _, g in components]) if components else None  # art. 3.35 lid 3 and 5
    elif profiel:
        p_code, p_eind, _ = profiel[0]
        # art. 3.35 lid 4 and 5: the profielvak weighs as often as there are keuzevakken
        cijfer = _gemiddelde([p_eind] * (len(keuze) or 1) + [g for _, g in components])
        components = [(p_code, p_eind), *components]
        counted = [(c, g) for c, g, _ in profiel[1:]]
    else:
        cijfer = _gemiddelde([g for _, g in components]) if components else None
    if cijfer is not None:
        counted.append(("combinatiecijfer", cijfer))
    return _new(_Beroeps, (counted, components, cijfer, sum(ce), len(ce), ()))


def _leerwerktraject(
    ne: int | None, profiel: Sequence[tuple[str, int, int | None]], combi: int | None
) -> tuple[Reden, ...]:
    """Art. 3.35 lid 6: a bb leer-werktraject."""
    art6 = f"{UB} art. 3.35 lid 6"
    p = profiel[0][1] if profiel else None
    eisen = (
        (ne, "a", "Nederlandse taal"),
        (p, "b", "the profielvak"),
        (combi, "c", "the eindcijfer of the keuzevakken"),
    )
    return tuple(
        Reden(LEERWERKTRAJECT, f"{art6} {letter}", f"{wat} must be 6 or higher; it is {g or 'missing'}")
        for g, letter, wat in eisen
        if g is None or g < 6
    )


def _vmbo(vakken: Sequence[_Vak], k: Examenkandidaat) -> _Oordeel:
    ss = k.schoolsoort
    v = _vmbo_indeling(vakken)
    praktijk = (
        frozenset(p.vakcode for p in vakken if p.soort is _V_PRAKTIJKGERICHT_VMBO)
        if ss is _S_VMBO_TL
        else frozenset()
    )
    b = _beroeps(ss, v.profiel, v.keuze, praktijk)
    ce_som, ce_n = v.ce_som + b.ce_som, v.ce_n + b.ce_n
    if k.leerwerktraject:
        return _Oordeel(
            _leerwerktraject(v.nederlands, v.profiel, b.combinatiecijfer),
            b.combinatiecijfer,
            ce_som,
            ce_n,
            b.niet_meegeteld,
        )
    pws_ok: bool | None = True
    if ss in (_S_VMBO_GL, _S_VMBO_TL):
        pws = k.profielwerkstuk
        b_pws = pws.beoordeling if pws is not None else None
        pws_ok = None if b_pws is None else b_pws is not _B_ONVOLDOENDE
    ne = v.nederlands
    redenen = _alle(
        _ce_eis(ce_som, ce_n, "3.35"),
        None
        if ne is not None and ne >= 5
        else Reden(
            NEDERLANDS,
            f"{UB} art. 3.35 lid 1 b",
            f"Nederlandse taal must be 5 or higher; it is {ne or 'missing'}",
        ),
        _compensatie([*v.algemeen, *b.counted], vmbo=True),
        _onderdelen_eis(b.components, _ART_3_35_1_D),
        _voldoende_eis(v.lo_ok, LICHAMELIJKE_OPVOEDING, _ART_3_35_1_E, "lichamelijke opvoeding"),
        _voldoende_eis(v.kunstvakken_ok, KUNSTVAKKEN, _ART_3_35_1_E, "kunstvakken (incl. ckv)"),
        _voldoende_eis(pws_ok, PROFIELWERKSTUK, _ART_3_35_1_F, "the profielwerkstuk"),
    )
    return _new(_Oordeel, (redenen, b.combinatiecijfer, ce_som, ce_n, b.niet_meegeteld))


# --- art. 3.33 lid 3 and the whole --------------------------------------------------------------


_Rechter = Callable[[Sequence[_Vak], Examenkandidaat], _Oordeel]

#: Roles of subjects of the gemeenschappelijk deel of every exam (art. 3.1-3.4): Nederlands, Engels
#: (havo/vwo), maatschappijleer and ckv (havo/vwo), lichamelijke opvoeding, vmbo kunstvakken I.
_GEMEENSCHAPPELIJK_SOORT = frozenset(
    {Vaksoort.NEDERLANDS, Vaksoort.ENGELS, Vaksoort.COMBINATIE, Vaksoort.LO, Vaksoort.KUNSTVAKKEN}
)


def is_gemeenschappelijk(vakcode: str, soort: Vaksoort, *, codes: Codetabellen | None = None) -> bool:
    """Whether a subject belongs to the gemeenschappelijk deel every exam holds (art. 3.1-3.4).

    Such a subject is never left out under art. 3.33 lid 3 ("de overgebleven vakken dienen een
    eindexamen te vormen"), even when the document marks it ``extra``. Its role says so
    (Nederlands, Engels, ...), or, for a vmbo subject whose role is ``algemeen`` (Engelse taal,
    maatschappijleer), the kenmerk ``deel`` of the vakcodetabel of ``codes``.

    Examples:
        >>> is_gemeenschappelijk("1001", Vaksoort.NEDERLANDS), is_gemeenschappelijk("0131", Vaksoort.ALGEMEEN)
        (True, False)
        >>> is_gemeenschappelijk("0322", Vaksoort.ALGEMEEN)  # maatschappijleer, kenmerk deel
        True
    """
    return _gemeenschappelijk(vakcode, soort, vakcodetabel(codes).gemeenschappelijk)


def _gemeenschappelijk(vakcode: str, soort: Vaksoort, vmbo: frozenset[str]) -> bool:
    return soort in _GEMEENSCHAPPELIJK_SOORT or vakcode in vmbo


def _laat_weg(
    judge: _Rechter, vakken: Sequence[_Vak], k: Examenkandidaat, *, pakket: bool, gemeen: frozenset[str]
) -> tuple[_Oordeel, tuple[str, ...]] | None:
    """Art. 3.33 lid 3: the fewest subjects whose leaving out makes the candidate pass.

    Of equally few, a set of subjects marked ``extra`` comes first. With the package check
    (``pakket``) every subject may be left out as long as the rest still forms an eindexamen
    (``judge`` then fails an incomplete rest); a subject whose omission alone breaks the
    package is never tried, nor is any set holding it. Without it only the subjects
    marked ``extra`` are tried. Subjects of the gemeenschappelijk deel are never left out.
    """
    weg = judge.weglaatbaar(vakken, k) if pakket and isinstance(judge, _MetPakket) else None
    if weg is not None and not weg:
        return None  # no subject can be left out alone, so no set of them can
    kandidaten = [
        p
        for p in vakken
        if (pakket or p.extra)
        and (weg is None or p.vakcode in weg)
        and p.soort is not _V_GEEN_UITSLAG
        and not _gemeenschappelijk(p.vakcode, p.soort, gemeen)
    ]
    if pakket:
        if weg is None:
            kandidaten = [p for p in kandidaten if _heel_zonder(judge, vakken, k, {p.vakcode})]
        # of equally few subjects, those the school marked extra are tried first (a stable sort)
        kandidaten.sort(key=lambda p: not p.extra)
    for size in range(1, min(len(kandidaten), MAX_EXTRA_VAKKEN) + 1):
        for combo in itertools.combinations(kandidaten, size):
            drop = {p.vakcode for p in combo}
            attempt = judge([p for p in vakken if p.vakcode not in drop], k)
            if not attempt.redenen:
                return attempt, tuple(p.vakcode for p in combo)
    return None


def _heel_zonder(judge: _Rechter, vakken: Sequence[_Vak], k: Examenkandidaat, drop: set[str]) -> bool:
    """Whether the package is still complete without ``drop`` (``judge`` is a `_MetPakket`)."""
    if not isinstance(judge, _MetPakket):
        return True
    return not judge.tekorten([p for p in vakken if p.vakcode not in drop], k)


@attrs.frozen
class _MetPakket:
    """A judge of art. 3.34 / 3.35 that also requires a complete exam (art. 3.1-3.7, 3.33 lid 3).

    A bb leer-werktraject whose subjects form the full bb exam is also judged by art. 3.35
    lid 1 and 3 (lid 6, last sentence): it passes when either way passes.
    """

    judge: _Rechter
    vrijgesteld: tuple[tuple[str, Vaksoort], ...]
    praktijk: bool
    #: vakcode -> the own-level vakcode of a subject taken at a higher level (art. 3.9, 3.37)
    eigen: Mapping[str, str] = attrs.field(factory=dict)
    #: the code tables whose package composition is read (``vakgroepen``, ``vakcodes``)
    codes: Codetabellen | None = None

    def paren(self, vakken: Sequence[_Vak]) -> frozenset[tuple[str, Vaksoort]]:
        """The package's vakcode → role pairs: the vrijgestelde subjects and ``vakken`` at their own level."""
        if not self.vrijgesteld and not self.eigen:
            # every vakcode read is distinct (`_lees` refuses a second one): the pairs as they are
            return frozenset(map(_VAKCODE_SOORT, vakken))
        soorten = dict(self.vrijgesteld)
        eigen = self.eigen
        soorten.update((eigen.get(p.vakcode, p.vakcode), p.soort) for p in vakken)
        return frozenset(soorten.items())

    def tekorten(self, vakken: Sequence[_Vak], k: Examenkandidaat) -> tuple[Tekort, ...]:
        return pakket_paren_tekorten(
            self.codes,
            _WAARDE[k.schoolsoort],
            k.elementcode,
            self.paren(vakken),
            praktijk=self.praktijk,
            leerwerktraject=k.leerwerktraject,
        )

    def weglaatbaar(self, vakken: Sequence[_Vak], k: Examenkandidaat) -> frozenset[str] | None:
        """The vakcodes of ``vakken`` whose leaving out alone keeps the package complete.

        ``None`` when the pairs of ``vakken`` alone do not tell (a vrijstelling, a subject at a higher level).
        """
        if self.vrijgesteld or self.eigen:
            return None
        return pakket_weglaatbaar(
            self.codes,
            _WAARDE[k.schoolsoort],
            k.elementcode,
            self.paren(vakken),
            praktijk=self.praktijk,
            leerwerktraject=k.leerwerktraject,
        )

    def __call__(self, vakken: Sequence[_Vak], k: Examenkandidaat) -> _Oordeel:
        oordeel = self.judge(vakken, k)
        if oordeel.redenen and k.leerwerktraject:
            volledig = attrs.evolve(k, leerwerktraject=False)
            if not self.tekorten(vakken, volledig):
                lid1 = self.judge(vakken, volledig)
                oordeel = (
                    lid1 if not lid1.redenen else oordeel._replace(redenen=oordeel.redenen + lid1.redenen)
                )
        tekort = self.tekorten(vakken, k)
        if not tekort:
            return oordeel
        extra = tuple(Reden(PAKKET_VOLLEDIG, t.artikel, t.toelichting) for t in tekort)
        return oordeel._replace(redenen=oordeel.redenen + extra)


#: A subject's (vakcode, soort): the first two fields of a `_Vak`.
_VAKCODE_SOORT = operator.itemgetter(0, 1)


def _elders(k: Examenkandidaat) -> tuple[str, ...]:
    """The note on results of a deelstaatsexamen or a vavo exam of the same year (art. 3.33 lid 4)."""
    elders = [f"{v.vakcode} ({v.herkomst.value})" for v in k.vakken if v.herkomst is not None]
    if not elders:
        return ()
    return (
        f"counted at the candidate's request, obtained in the same year ({UB} art. 3.33 lid 4):"
        f" {', '.join(elders)}",
    )


def _eigen_vakcodes(k: Examenkandidaat, codes: Codetabellen | None) -> dict[str, str]:
    """Vakcode -> own-level vakcode of every subject taken at a higher level whose code differs."""
    ss = _WAARDE[k.schoolsoort]
    out: dict[str, str] = {}
    for v in k.vakken:
        if v.programma is not None and hoger_programma(k.schoolsoort, v.programma) is not None:
            eigen = eigen_vakcode(v.vakcode, ss, v.programma, codes=codes)
            if eigen != v.vakcode:
                out[v.vakcode] = eigen
    return out


def compute_uitslag(
    kandidaat: Examenkandidaat,
    *,
    codes: Codetabellen | None = None,
    regelsets: tuple[Regelset, ...] = REGELSETS,
    pakket: bool = True,
) -> UitslagResultaat:
    """Compute the uitslag of a candidate's exam.

    Args:
        kandidaat: The candidate's exam.
        codes: The code tables (a vendor's newer vakcodetabel, table ``vakcodes``, and the package
            composition, table ``vakgroepen``) to read subject roles and kenmerken from; the shipped
            ones for ``None``.
        regelsets: The rule sets to choose from; `REGELSETS` by default.
        pakket: Whether the subjects must form an eindexamen (art. 3.1-3.7,
            [`duo_domain.vo.pakket`][duo_domain.vo.pakket]): an incomplete exam is then
            afgewezen (``BRON.PAKKET.VOLLEDIG``) and art. 3.33 lid 3 may leave out any
            subject the complete exam can do without. ``False`` judges the subjects as
            given and leaves out only those marked ``extra`` (for a subject the package
            tables cannot recognise, e.g. a code of a newer vakcodetabel).

    Returns:
        The uitslag, the eindcijfers, the combinatiecijfer, the CE mean, the
        subjects left out and every reason for afgewezen.

    Raises:
        UnsupportedPeriod: when no rule set covers the examenjaar.
        InvalidDocument: listing every subject whose grades cannot be judged
            (unknown vakcode, SE missing, a grade outside 1.0–10.0 or with too
            many decimals, ...), with paths such as ``$.vakken[2].se``.
        InvalidValue: when ``kandidaat`` is not an `Examenkandidaat`.
    """
    f.argument(kandidaat, Examenkandidaat, "an Examenkandidaat", "kandidaat")
    rs = choose_regelset(kandidaat.examenjaar, regelsets)
    tabel = vakcodetabel(codes)
    gelezen = _lees(kandidaat, rs, tabel.rollen(_WAARDE[kandidaat.schoolsoort]), tabel)
    if gelezen.problemen:
        raise InvalidDocument(gelezen.problemen, document="cijferlijst")
    judge: _Rechter = _vmbo if kandidaat.schoolsoort in _VMBO else _havo_vwo
    if pakket and gelezen.gewoon:  # no vrijstelling, no subject at a higher level
        judge = _MetPakket(judge, (), rs.gl_praktijkgericht_vak, {}, codes)
    elif pakket:
        rollen = tabel.rollen(_WAARDE[kandidaat.schoolsoort])
        vrij = tuple(
            (v.vakcode, rollen.get(v.vakcode, _VREEMD)[0]) for v in kandidaat.vakken if v.vrijstelling
        )
        judge = _MetPakket(judge, vrij, rs.gl_praktijkgericht_vak, _eigen_vakcodes(kandidaat, codes), codes)
    vakken = gelezen.vakken
    oordeel = judge(vakken, kandidaat)
    left_out: tuple[str, ...] = ()
    if oordeel.redenen:
        found = _laat_weg(judge, vakken, kandidaat, pakket=pakket, gemeen=tabel.gemeenschappelijk)
        if found is not None:
            oordeel, left_out = found
    return UitslagResultaat(
        uitslag=_U_AFGEWEZEN if oordeel.redenen else _U_GESLAAGD,
        eindcijfers={p.vakcode: p.eindcijfer for p in vakken if p.eindcijfer is not None},
        combinatiecijfer=oordeel.combinatiecijfer,
        ce_som_tienden=oordeel.ce_som_tienden,
        ce_aantal=oordeel.ce_aantal,
        buiten_beschouwing=left_out,
        niet_meegeteld=oordeel.niet_meegeteld,
        redenen=oordeel.redenen,
        regelset=rs,
        examenjaar=kandidaat.examenjaar,
        schoolsoort=kandidaat.schoolsoort,
        opmerkingen=(*gelezen.opmerkingen, *_elders(kandidaat))
        if not gelezen.gewoon
        else tuple(gelezen.opmerkingen),
        herkansingen_niet_geteld=gelezen.herkansingen_niet_geteld,
    )
