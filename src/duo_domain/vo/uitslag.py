"""The uitslag of a VO exam: geslaagd or afgewezen, with every reason and its article.

[`bepaal_uitslag`][duo_domain.vo.uitslag.bepaal_uitslag] applies the slaag-zakregeling of the
Uitvoeringsbesluit
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
* art. 3.33 lid 3: when the candidate fails, subjects marked ``extra`` are left
  out — as few as possible — if that makes the candidate pass; the result
  names them in `UitslagResultaat.buiten_beschouwing`.

A vakcode the code table has only for other school types is judged as a
regular graded subject of the candidate (no kernvak; a combinatiecijfer
component only when marked so; for vmbo a ``rol`` makes it a profielvak or
keuzevak, for havo/vwo a ``rol`` has no meaning in art. 3.34) and named in
`UitslagResultaat.opmerkingen`. A vakcode in no row of the table is a
document error.

Every failed condition is one [`Reden`][duo_domain.vo.Reden] with the rule id of the
catalogue (``BRON.EXAMEN.*``), the article and an explanation.

Examples:
    >>> from decimal import Decimal as D
    >>> from duo_domain.vo import ExamResult, Examenkandidaat, Profielwerkstuk, Schoolsoort
    >>> from duo_domain.vo import Beoordeling, bepaal_uitslag
    >>> k = Examenkandidaat(Schoolsoort.HAVO, 2025, (
    ...     ExamResult("1001", se=D("6.4"), ce=D("6.0")),
    ...     ExamResult("1002", se=D("6.8"), ce=D("6.5")),
    ...     ExamResult("1024", se=D("5.0"), ce=D("5.9")),
    ...     ExamResult("1022", se=D("7.0"), ce=D("6.6")),
    ...     ExamResult("1021", se=D("6.0"), ce=D("6.1")),
    ...     ExamResult("0131", se=D("6.5"), ce=D("6.4")),
    ...     ExamResult("1019", se=D("7")),
    ...     ExamResult("1020", se=D("6")),
    ...     ExamResult("0353", beoordeling=Beoordeling.VOLDOENDE),
    ... ), profielwerkstuk=Profielwerkstuk(cijfer=7))
    >>> r = bepaal_uitslag(k)
    >>> r.uitslag.value, r.combinatiecijfer, r.eindcijfers["1024"], r.to_dict()["ce_gemiddelde"]
    ('geslaagd', 7, 5, '6.25')
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any

import attrs

from duo_domain._sources import UB_WVO
from duo_domain._uitslag import Reden
from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.vo.codes import Vak, VakcodeTabel, Vaksoort, vakcodetabel
from duo_domain.vo.model import Beoordeling, Examenkandidaat, ExamResult, Rol, Schoolsoort, Uitslag
from duo_domain.vo.regelsets import REGELSETS, Regelset, regelset

__all__ = ["MAX_EXTRA_VAKKEN", "Reden", "UitslagResultaat", "bepaal_uitslag"]

#: Subjects marked ``extra`` beyond this number are refused: the search of
#: art. 3.33 lid 3 tries every subset (2**n evaluations).
MAX_EXTRA_VAKKEN = 10

UB = UB_WVO

_HV_CE = "BRON.EXAMEN.CE_GEMIDDELDE"
_KERN = "BRON.EXAMEN.KERNVAKKEN"
_COMP = "BRON.EXAMEN.COMPENSATIE"
_COMBI = "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL"
_LO = "BRON.EXAMEN.LICHAMELIJKE_OPVOEDING"
_NE = "BRON.EXAMEN.NEDERLANDS"
_KV = "BRON.EXAMEN.KUNSTVAKKEN"
_PWS = "BRON.EXAMEN.PROFIELWERKSTUK"
_LWT = "BRON.EXAMEN.LEERWERKTRAJECT"


@attrs.frozen
class UitslagResultaat:
    """The uitslag with everything it rests on.

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
        from duo_domain.vo.grades import toon_gemiddelde

        return {
            "uitslag": self.uitslag.value,
            "eindcijfers": dict(self.eindcijfers),
            "combinatiecijfer": self.combinatiecijfer,
            "ce_gemiddelde": toon_gemiddelde(self.ce_som_tienden, self.ce_aantal) if self.ce_aantal else None,
            "buiten_beschouwing": list(self.buiten_beschouwing),
            "redenen": [r.to_dict() for r in self.redenen],
            "niet_meegeteld": list(self.niet_meegeteld),
            "schoolsoort": self.schoolsoort.value,
            "examenjaar": self.examenjaar,
            "regelset": self.regelset.wettekst,
            "opmerkingen": list(self.opmerkingen),
        }


# A prepared subject: (vakcode, soort, eindcijfer or None, ce in tenths or None,
# beoordeling voldoende (True/False) or None, extra, counts as optional combi component).
_Prep = tuple[str, Vaksoort, int | None, int | None, bool | None, bool, bool]

_BEROEPS = frozenset({Vaksoort.PROFIELVAK, Vaksoort.KEUZEVAK, Vaksoort.PRAKTIJKGERICHT_VMBO})
_ROL_SOORT = {Rol.PROFIELVAK: Vaksoort.PROFIELVAK, Rol.KEUZEVAK: Vaksoort.KEUZEVAK}


#: Every valid grade 1.0-10.0 (one decimal) mapped to tenths: one dict lookup
#: instead of Decimal arithmetic on the hot path. Decimal("6.40") == Decimal("6.4").
_TENTHS: dict[Decimal, int] = {Decimal(i) / 10: i for i in range(10, 101)}


def _tenths(value: Decimal) -> int | None:
    """``value`` in tenths when it has at most one decimal and lies in 1.0-10.0."""
    try:
        return _TENTHS.get(value)
    except TypeError:  # a signalling NaN cannot be hashed
        return None


def _vreemd(k: Examenkandidaat, v: ExamResult, vak: Vak) -> str:
    """The note for a vakcode the table has only for other school types."""
    if k.schoolsoort.is_vmbo and v.rol is not None:
        als = f"a {v.rol.value} (rol)"
    elif v.combinatiecijfer and not k.schoolsoort.is_vmbo:
        als = "an optional combinatiecijfer component"
    else:
        als = "a regular subject"
    return (
        f"vakcode {v.vakcode} ({vak.omschrijving}) is not a {k.schoolsoort.value} subject"
        f" in the code table; judged as {als}"
    )


def _prepare(
    k: Examenkandidaat, rs: Regelset, rollen: Mapping[str, tuple[Vaksoort, int]], tabel: VakcodeTabel
) -> tuple[list[_Prep], list[DocumentProblem], list[str]]:
    problems: list[DocumentProblem] = []
    opmerkingen: list[str] = []
    prepared: list[_Prep] = []
    append = prepared.append
    ss = k.schoolsoort.value
    vmbo = k.schoolsoort.is_vmbo
    seen: set[str] = set()
    tenths = _TENTHS.get
    for i, v in enumerate(k.vakken):
        code = v.vakcode
        entry = rollen.get(code)
        if entry is None or code in seen:
            if code in seen:
                what = "appears twice"
            else:
                vak = tabel.zoek(code)
                if vak is not None:
                    # in the table for another school type only: a regular graded subject
                    seen.add(code)
                    opmerkingen.append(_vreemd(k, v, vak))
                    _prepare_slow(i, v, Vaksoort.ALGEMEEN, 0, k, rs, vmbo, prepared, problems, vreemd=True)
                    continue
                what = f"is unknown for {ss} and in no row of the code table"
            problems.append(DocumentProblem(f"$.vakken[{i}].vakcode", f"vakcode {code!r} {what}"))
            continue
        seen.add(code)
        soort, wijze = entry
        se = v.se
        # fast path: a graded subject with SE and at most a tijdvak-1 CE, nothing special
        if (
            wijze == 0
            and se is not None
            and v.rol is None
            and not v.combinatiecijfer
            and not v.vrijstelling
            and v.beoordeling is None
            and v.ce2 is None
            and v.ce3 is None
            and soort is not Vaksoort.PRAKTIJKGERICHT_VMBO
        ):
            try:
                se10 = tenths(se)
                ce = v.ce
                ce10 = None if ce is None else tenths(ce)
            except TypeError:
                se10 = ce10 = None
            if se10 is not None and (ce10 is not None or ce is None):
                if ce10 is None:
                    if not se10 % 10:
                        append((code, soort, se10 // 10, None, None, v.extra, False))
                        continue
                else:
                    # half up on (se + ce) / 2 (art. 3.32 lid 2), in tenths
                    append((code, soort, (se10 + ce10 + 10) // 20, ce10, None, v.extra, False))
                    continue
        _prepare_slow(i, v, soort, wijze, k, rs, vmbo, prepared, problems)
    pws = k.profielwerkstuk
    if pws is not None:
        if vmbo:
            if pws.cijfer is not None:
                problems.append(
                    DocumentProblem(
                        "$.profielwerkstuk.cijfer",
                        f"the vmbo profielwerkstuk is judged goed, voldoende or onvoldoende"
                        f" ({UB} art. 3.14 lid 1)",
                    )
                )
        elif pws.cijfer is None or not 1 <= pws.cijfer <= 10:
            problems.append(
                DocumentProblem("$.profielwerkstuk.cijfer", "the havo/vwo profielwerkstuk needs a grade 1-10")
            )
    if sum(1 for p in prepared if p[5]) > MAX_EXTRA_VAKKEN:
        problems.append(DocumentProblem("$.vakken", f"more than {MAX_EXTRA_VAKKEN} subjects marked extra"))
    return prepared, problems, opmerkingen


def _prepare_slow(  # noqa: PLR0917 - an internal helper of _prepare
    i: int,
    v: ExamResult,
    soort: Vaksoort,
    wijze: int,
    k: Examenkandidaat,
    rs: Regelset,
    vmbo: bool,
    prepared: list[_Prep],
    problems: list[DocumentProblem],
    *,
    vreemd: bool = False,
) -> None:
    base = f"$.vakken[{i}]"
    if vreemd:
        # a vakcode the table has for other school types only (soort ALGEMEEN): for vmbo the
        # rol makes it a profielvak or keuzevak; for havo/vwo a rol has no meaning (art. 3.34)
        if vmbo and v.rol is not None:
            soort = _ROL_SOORT[v.rol]
    elif v.rol is not None:
        if not vmbo or soort not in _BEROEPS:
            problems.append(
                DocumentProblem(f"{base}.rol", "rol applies to vmbo profielvakken and keuzevakken")
            )
            return
        if soort is not Vaksoort.PRAKTIJKGERICHT_VMBO or v.rol is not Rol.PROFIELVAK:
            soort = _ROL_SOORT[v.rol]
    if soort is Vaksoort.PRAKTIJKGERICHT_VMBO and not (
        rs.gl_praktijkgericht_vak and k.schoolsoort in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL)
    ):
        problems.append(
            DocumentProblem(
                f"{base}.vakcode",
                f"a praktijkgericht vak ({v.vakcode}) counts only in vmbo gl/tl from examenjaar 2025"
                f" ({UB} art. 3.7 lid 1a, in force 2024-08-01)",
            )
        )
        return
    combi_opt = False
    if v.combinatiecijfer:
        if vmbo or (soort not in rs.combinatie_optioneel and not vreemd):
            problems.append(
                DocumentProblem(
                    f"{base}.combinatiecijfer",
                    f"{v.vakcode} is not an optional combinatiecijfer component in examenjaar"
                    f" {k.examenjaar} ({UB} art. 3.34 lid 2)",
                )
            )
            return
        combi_opt = True
    if v.vrijstelling:
        return
    if wijze == 2:
        prepared.append((v.vakcode, soort, None, None, None, v.extra, False))
        return
    if wijze == 1:
        if v.beoordeling is None or v.se is not None or v.heeft_ce:
            problems.append(
                DocumentProblem(
                    f"{base}.beoordeling",
                    f"{v.vakcode} is judged goed, voldoende or onvoldoende, not with a grade"
                    f" ({UB} art. 3.13 lid 3)",
                )
            )
            return
        prepared.append((v.vakcode, soort, None, None, v.beoordeling.is_voldoende, v.extra, False))
        return
    if v.beoordeling is not None:
        problems.append(
            DocumentProblem(f"{base}.beoordeling", f"{v.vakcode} needs a grade, not a beoordeling")
        )
        return
    if v.se is None:
        problems.append(DocumentProblem(f"{base}.se", f"SE grade of {v.vakcode} is missing"))
        return
    se10 = _tenths(v.se)
    ce10: int | None = None
    bad = False
    for name, c in (("ce", v.ce), ("ce2", v.ce2), ("ce3", v.ce3)):
        if c is None:
            continue
        t = _tenths(c)
        if t is None:
            problems.append(
                DocumentProblem(f"{base}.{name}", f"CE grade {c} is not 1.0-10.0 with at most one decimal")
            )
            bad = True
        elif ce10 is None or t > ce10:
            ce10 = t  # the highest tijdvak counts (art. 3.39 lid 1)
    if se10 is None:
        problems.append(
            DocumentProblem(
                f"{base}.se",
                f"SE grade {v.se} is not 1.0-10.0 with at most one decimal ({UB} art. 3.13 lid 1)",
            )
        )
        return
    if bad:
        return
    if ce10 is None:
        if se10 % 10:
            problems.append(
                DocumentProblem(
                    f"{base}.se",
                    f"SE grade {v.se} of a subject without CE is a whole number ({UB} art. 3.13 lid 2)",
                )
            )
            return
        eind = se10 // 10
    else:
        eind = (se10 + ce10 + 10) // 20  # half up on (se + ce) / 2 (art. 3.32 lid 2)
    prepared.append((v.vakcode, soort, eind, ce10, None, v.extra, combi_opt))


def _fmt(pairs: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{code} {grade}" for code, grade in pairs)


def _mean(total: int, n: int) -> str:
    return str((Decimal(total) / n).quantize(Decimal("0.01"), rounding=ROUND_DOWN))


class _Eval:
    """The outcome of judging one set of subjects."""

    __slots__ = ("ce_n", "ce_sum", "combi", "niet_meegeteld", "redenen")

    def __init__(self) -> None:
        self.redenen: list[Reden] = []
        self.combi: int | None = None
        self.ce_sum = 0
        self.ce_n = 0
        self.niet_meegeteld: tuple[str, ...] = ()


def _ce_eis(e: _Eval, art: str) -> None:
    if e.ce_n == 0:
        e.redenen.append(
            Reden(_HV_CE, f"{UB} art. {art} lid 1 a", "no CE grade counts: the CE mean cannot be 5.5")
        )
    elif e.ce_sum < 55 * e.ce_n:
        e.redenen.append(
            Reden(
                _HV_CE,
                f"{UB} art. {art} lid 1 a",
                f"CE mean {_mean(e.ce_sum, 10 * e.ce_n)} is below 5.5 (unrounded)",
            )
        )


def _compensatie(e: _Eval, counted: list[tuple[str, int]], vmbo: bool) -> None:
    art = f"{UB} art. 3.35 lid 1 c" if vmbo else f"{UB} art. 3.34 lid 1 c"
    low = [(c, g) for c, g in counted if g < 6]
    if not low:
        return
    fours = sum(1 for _, g in low if g == 4)
    fives = sum(1 for _, g in low if g == 5)
    below4 = [(c, g) for c, g in low if g < 4]
    if below4:
        e.redenen.append(Reden(_COMP, art, f"eindcijfer below 4: {_fmt(below4)}"))
        return
    if fours == 0 and fives == 1:
        return
    if vmbo:
        if (fours, fives) in ((1, 0), (0, 2)):
            if any(g >= 7 for _, g in counted):
                return
            e.redenen.append(
                Reden(
                    _COMP,
                    art,
                    f"eindcijfers below 6 ({_fmt(low)}) need at least one 7 or higher; there is none",
                )
            )
            return
        e.redenen.append(Reden(_COMP, art, f"too many eindcijfers below 6: {_fmt(low)}"))
        return
    if (fours, fives) in ((1, 0), (0, 2), (1, 1)):
        total = sum(g for _, g in counted)
        if total >= 6 * len(counted):
            return
        e.redenen.append(
            Reden(
                _COMP,
                art,
                f"eindcijfers below 6 ({_fmt(low)}) need a mean eindcijfer of at least 6.0;"
                f" the mean is {_mean(total, len(counted))}",
            )
        )
        return
    e.redenen.append(Reden(_COMP, art, f"too many eindcijfers below 6: {_fmt(low)}"))


def _havo_vwo(vakken: Sequence[_Prep], k: Examenkandidaat) -> _Eval:
    e = _Eval()
    counted: list[tuple[str, int]] = []
    combi: list[tuple[str, int]] = []
    kern: list[tuple[str, int]] = []
    lo_ok: bool | None = None
    for code, soort, eind, ce10, ok, _extra, combi_opt in vakken:
        if soort is Vaksoort.GEEN_UITSLAG:
            continue
        if ce10 is not None:
            e.ce_sum += ce10
            e.ce_n += 1
        if soort is Vaksoort.LO:
            lo_ok = bool(ok) if lo_ok is None else (lo_ok and bool(ok))
            continue
        if eind is None:
            continue
        if soort is Vaksoort.COMBINATIE or combi_opt:
            combi.append((code, eind))
            continue
        counted.append((code, eind))
        if soort is Vaksoort.NEDERLANDS or soort is Vaksoort.ENGELS or soort is Vaksoort.WISKUNDE:
            kern.append((code, eind))
    pws = k.profielwerkstuk
    if pws is not None and pws.cijfer is not None:
        combi.append(("profielwerkstuk", pws.cijfer))
    if combi:
        total = sum(g for _, g in combi)
        n = len(combi)
        e.combi = (2 * total + n) // (2 * n)  # half up (art. 3.34 lid 4)
        counted.append(("combinatiecijfer", e.combi))
    _ce_eis(e, "3.34")
    if kern:
        kern_low = [(c, g) for c, g in kern if g < 6]
        if any(g < 5 for _, g in kern_low) or len(kern_low) > 1:
            e.redenen.append(
                Reden(
                    _KERN,
                    f"{UB} art. 3.34 lid 1 b",
                    f"kernvakken need at most one 5 and otherwise 6 or higher: {_fmt(kern_low)}",
                )
            )
    _compensatie(e, counted, vmbo=False)
    below4 = [(c, g) for c, g in combi if g < 4]
    if below4:
        e.redenen.append(
            Reden(_COMBI, f"{UB} art. 3.34 lid 1 d", f"combinatiecijfer component below 4: {_fmt(below4)}")
        )
    if lo_ok is not True:
        what = "missing" if lo_ok is None else "onvoldoende"
        e.redenen.append(
            Reden(
                _LO,
                f"{UB} art. 3.34 lid 1 e",
                f"lichamelijke opvoeding must be voldoende or goed; it is {what}",
            )
        )
    return e


def _vmbo(vakken: Sequence[_Prep], k: Examenkandidaat) -> _Eval:
    e = _Eval()
    ss = k.schoolsoort
    counted: list[tuple[str, int]] = []
    profiel: list[tuple[str, int, int | None]] = []
    keuze: list[tuple[str, int, int | None]] = []
    ne: int | None = None
    lo_ok: bool | None = None
    kv_ok: bool | None = None
    for code, soort, eind, ce10, ok, _extra, _combi in vakken:
        if soort is Vaksoort.GEEN_UITSLAG:
            continue
        if soort is Vaksoort.LO:
            lo_ok = bool(ok) if lo_ok is None else (lo_ok and bool(ok))
            continue
        if soort is Vaksoort.KUNSTVAKKEN:
            kv_ok = bool(ok) if kv_ok is None else (kv_ok and bool(ok))
            continue
        if eind is None:
            continue
        if soort is Vaksoort.PROFIELVAK or soort is Vaksoort.PRAKTIJKGERICHT_VMBO:
            profiel.append((code, eind, ce10))
            continue
        if soort is Vaksoort.KEUZEVAK:
            keuze.append((code, eind, ce10))
            continue
        if ce10 is not None:
            e.ce_sum += ce10
            e.ce_n += 1
        counted.append((code, eind))
        if soort is Vaksoort.NEDERLANDS:
            ne = eind
    components: list[tuple[str, int]] = []
    beroeps_telt = True
    if ss is Schoolsoort.VMBO_TL and not (profiel and len(keuze) >= 2):
        # art. 3.35 lid 2: only a full beroepsgericht / praktijkgericht programme counts
        beroeps_telt = False
        e.niet_meegeteld = tuple(c for c, _, _ in profiel + keuze)
    if beroeps_telt:
        for _code, _eind, ce10 in profiel + keuze:
            if ce10 is not None:  # the cspe counts once, like any CE grade
                e.ce_sum += ce10
                e.ce_n += 1
        if ss in (Schoolsoort.VMBO_BB, Schoolsoort.VMBO_KB):
            counted.extend((c, g) for c, g, _ in profiel)
            if keuze:
                components = [(c, g) for c, g, _ in keuze]
                total = sum(g for _, g in components)
                n = len(components)
                e.combi = (2 * total + n) // (2 * n)  # art. 3.35 lid 3 and 5
        elif profiel:
            p_code, p_eind, _ = profiel[0]
            components = [(p_code, p_eind)] + [(c, g) for c, g, _ in keuze]
            n = len(keuze) or 1
            total = p_eind * n + sum(g for _, g, _ in keuze)
            m = n + len(keuze)
            e.combi = (2 * total + m) // (2 * m)  # art. 3.35 lid 4 and 5
            counted.extend((c, g) for c, g, _ in profiel[1:])
        else:
            components = [(c, g) for c, g, _ in keuze]
            if components:
                total = sum(g for _, g in components)
                n = len(components)
                e.combi = (2 * total + n) // (2 * n)
        if e.combi is not None:
            counted.append(("combinatiecijfer", e.combi))

    if k.leerwerktraject:
        art6 = f"{UB} art. 3.35 lid 6"
        if ne is None or ne < 6:
            e.redenen.append(
                Reden(_LWT, f"{art6} a", f"Nederlandse taal must be 6 or higher; it is {ne or 'missing'}")
            )
        p = profiel[0][1] if profiel else None
        if p is None or p < 6:
            e.redenen.append(
                Reden(_LWT, f"{art6} b", f"the profielvak must be 6 or higher; it is {p or 'missing'}")
            )
        if e.combi is None or e.combi < 6:
            e.redenen.append(
                Reden(
                    _LWT,
                    f"{art6} c",
                    f"the eindcijfer of the keuzevakken must be 6 or higher; it is {e.combi or 'missing'}",
                )
            )
        return e

    _ce_eis(e, "3.35")
    if ne is None or ne < 5:
        e.redenen.append(
            Reden(
                _NE,
                f"{UB} art. 3.35 lid 1 b",
                f"Nederlandse taal must be 5 or higher; it is {ne or 'missing'}",
            )
        )
    _compensatie(e, counted, vmbo=True)
    below4 = [(c, g) for c, g in components if g < 4]
    if below4:
        e.redenen.append(
            Reden(_COMBI, f"{UB} art. 3.35 lid 1 d", f"combinatiecijfer component below 4: {_fmt(below4)}")
        )
    if lo_ok is not True:
        what = "missing" if lo_ok is None else "onvoldoende"
        e.redenen.append(
            Reden(
                _LO,
                f"{UB} art. 3.35 lid 1 e",
                f"lichamelijke opvoeding must be voldoende or goed; it is {what}",
            )
        )
    if kv_ok is not True:
        what = "missing" if kv_ok is None else "onvoldoende"
        e.redenen.append(
            Reden(
                _KV,
                f"{UB} art. 3.35 lid 1 e",
                f"kunstvakken (incl. ckv) must be voldoende or goed; it is {what}",
            )
        )
    if ss in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL):
        pws = k.profielwerkstuk
        b = pws.beoordeling if pws is not None else None
        if b is None or b is Beoordeling.ONVOLDOENDE:
            e.redenen.append(
                Reden(
                    _PWS,
                    f"{UB} art. 3.35 lid 1 f",
                    f"the profielwerkstuk must be voldoende or goed; it is {b.value if b else 'missing'}",
                )
            )
    return e


def bepaal_uitslag(
    kandidaat: Examenkandidaat,
    *,
    tabel: VakcodeTabel | None = None,
    regelsets: tuple[Regelset, ...] = REGELSETS,
) -> UitslagResultaat:
    """Determine the uitslag of a candidate's exam.

    Args:
        kandidaat: The candidate's exam.
        tabel: The vakcodetabel to read subject roles from; the shipped one by default.
        regelsets: The rule sets to choose from; `REGELSETS` by default.

    Returns:
        The uitslag, the eindcijfers, the combinatiecijfer, the CE mean, the
        subjects left out and every reason for afgewezen.

    Raises:
        UnsupportedPeriod: when no rule set covers the examenjaar.
        InvalidDocument: listing every subject whose grades cannot be judged
            (unknown vakcode, SE missing, a grade outside 1.0–10.0 or with too
            many decimals, ...), with paths such as ``$.vakken[2].se``.
    """
    rs = regelset(kandidaat.examenjaar, regelsets)
    tabel = tabel or vakcodetabel()
    rollen = tabel.rollen(kandidaat.schoolsoort.value)
    prepared, problems, opmerkingen = _prepare(kandidaat, rs, rollen, tabel)
    if kandidaat.leerwerktraject and kandidaat.schoolsoort is not Schoolsoort.VMBO_BB:
        problems.append(DocumentProblem("$.leerwerktraject", "a leer-werktraject exists only in vmbo-bb"))
    if problems:
        raise InvalidDocument(problems, document="cijferlijst")
    judge = _vmbo if kandidaat.schoolsoort.is_vmbo else _havo_vwo
    result = judge(prepared, kandidaat)
    left_out: tuple[str, ...] = ()
    if result.redenen:
        extras = [p for p in prepared if p[5]]
        found = False
        for size in range(1, len(extras) + 1):
            for combo in itertools.combinations(extras, size):
                drop = {p[0] for p in combo}
                attempt = judge([p for p in prepared if p[0] not in drop], kandidaat)
                if not attempt.redenen:
                    result, left_out, found = attempt, tuple(p[0] for p in combo), True
                    break
            if found:
                break
    eindcijfers = {p[0]: p[2] for p in prepared if p[2] is not None}
    return UitslagResultaat(
        uitslag=Uitslag.AFGEWEZEN if result.redenen else Uitslag.GESLAAGD,
        eindcijfers=eindcijfers,
        combinatiecijfer=result.combi,
        ce_som_tienden=result.ce_sum,
        ce_aantal=result.ce_n,
        buiten_beschouwing=left_out,
        niet_meegeteld=result.niet_meegeteld,
        redenen=tuple(result.redenen),
        regelset=rs,
        examenjaar=kandidaat.examenjaar,
        schoolsoort=kandidaat.schoolsoort,
        opmerkingen=tuple(opmerkingen),
    )
