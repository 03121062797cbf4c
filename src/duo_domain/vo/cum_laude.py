"""The judicium cum laude of a VO exam (Uitvoeringsbesluit WVO 2020, art. 3.47 and 3.48).

A candidate who passes gets the judicium cum laude when two conditions hold:

* **a.** the mean of a set of eindcijfers is at least **8.0**. The text names no
  rounding, so the mean is exact: 7.99 is not enough, 8.00 is;
* **b.** every subject that counts in the uitslag (art. 3.34 / 3.35) has an
  eindcijfer of at least **7** (vwo) or **6** (havo, vmbo), or is judged
  *voldoende* or *goed*; for vmbo gl and tl also the profielwerkstuk.

The set of eindcijfers of condition a per school type:

* **vwo, havo** (art. 3.47 lid 1 a, lid 2 a): the subjects of the gemeenschappelijk
  deel, the combinatiecijfer, the subjects of the profieldeel, and the
  vrije-deel subject with the highest eindcijfer;
* **vmbo-tl** (art. 3.48 lid 1 a): Nederlandse taal, Engelse taal,
  maatschappijleer, the algemene vakken of the profieldeel, and the vrije-deel
  subject with the highest eindcijfer;
* **vmbo-bb, vmbo-kb** (art. 3.48 lid 2 a): the profielvak, the two algemene
  vakken of the profieldeel, and the combinatiecijfer of the keuzevakken;
* **vmbo-gl** (art. 3.48 lid 3 a): Nederlandse taal, Engelse taal,
  maatschappijleer, the (two) algemene vakken of the profieldeel, and the
  algemene vak of the vrije deel *or* the combinatiecijfer.

For vmbo-gl the text offers "het algemene vak uit het vrije deel of het
eindcijfer, bedoeld in artikel 3.35, derde lid" without saying which; the
library takes the higher of the two, as lid 1 does for the vrije deel.

Which part of the profile a subject belongs to comes from its ``examendeel``.
Without it: Nederlands, Engels, maatschappijleer, and the wiskunde of a
havo/vwo profile are placed by the law itself; a subject marked ``extra`` and
the vmbo-tl beroepsgerichte vakken are in the vrije deel; any other subject is
*unplaced*. The library then tries every placement of the unplaced subjects
(profieldeel or vrije deel); when the outcome depends on it, the judicium is
``None`` (undetermined) and the reason asks for the ``examendeel``.

Examples:
    >>> from decimal import Decimal as D
    >>> from duo_domain.vo import Beoordeling, Examendeel as E, ExamResult, Examenkandidaat
    >>> from duo_domain.vo import Profielwerkstuk, Schoolsoort
    >>> from duo_domain.vo.cum_laude import cum_laude
    >>> k = Examenkandidaat(Schoolsoort.HAVO, 2025, (
    ...     ExamResult("1001", se=D("8.0"), ce=D("8.0")),
    ...     ExamResult("1002", se=D("8.0"), ce=D("7.9")),
    ...     ExamResult("1024", se=D("8.5"), ce=D("8.5"), examendeel=E.PROFIEL),
    ...     ExamResult("1021", se=D("8.0"), ce=D("8.0"), examendeel=E.PROFIEL),
    ...     ExamResult("1022", se=D("7.5"), ce=D("7.4"), examendeel=E.PROFIEL),
    ...     ExamResult("0131", se=D("9.0"), ce=D("9.0"), examendeel=E.VRIJ),
    ...     ExamResult("1038", se=D("6"), examendeel=E.VRIJ),
    ...     ExamResult("1019", se=D("8")),
    ...     ExamResult("1020", se=D("8")),
    ...     ExamResult("0353", beoordeling=Beoordeling.GOED),
    ... ), profielwerkstuk=Profielwerkstuk(cijfer=8))
    >>> c = cum_laude(k)
    >>> c.toegekend, c.to_dict()["gemiddelde"], c.artikel
    (True, '8.14', 'Uitvoeringsbesluit WVO 2020 art. 3.47 lid 2')
    >>> [code for code, _ in c.betrokken]
    ['1001', '1002', '1024', '1021', '1022', 'combinatiecijfer', '0131']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from duo_domain._sources import UB_WVO
from duo_domain._uitslag import Reden
from duo_domain.codes import Codetabellen
from duo_domain.vo.codes import Vaksoort, vakcodetabel
from duo_domain.vo.model import Beoordeling, Examendeel, Examenkandidaat, ExamResult, Rol, Schoolsoort
from duo_domain.vo.pakket import eigen_vakcode
from duo_domain.vo.uitslag import UitslagResultaat, compute_uitslag

__all__ = ["CUM_LAUDE", "MAX_ONGEPLAATST", "CumLaude", "cum_laude"]

#: The rule id of the catalogue the reasons carry.
CUM_LAUDE = "BRON.EXAMEN.CUM_LAUDE"

#: Unplaced subjects beyond this number make the judicium undetermined (every placement is tried).
MAX_ONGEPLAATST = 10

_COMBI = "combinatiecijfer"
_BEROEPS = frozenset({Vaksoort.PROFIELVAK, Vaksoort.KEUZEVAK, Vaksoort.PRAKTIJKGERICHT_VMBO})
_ROL = {Rol.PROFIELVAK: Vaksoort.PROFIELVAK, Rol.KEUZEVAK: Vaksoort.KEUZEVAK}
#: havo/vwo subjects of the combinatiecijfer (art. 3.34 lid 2): not counted on their own.
_HV_COMBI = frozenset({Vaksoort.COMBINATIE})

_ARTIKEL = {
    Schoolsoort.VWO: "3.47 lid 1",
    Schoolsoort.HAVO: "3.47 lid 2",
    Schoolsoort.VMBO_TL: "3.48 lid 1",
    Schoolsoort.VMBO_BB: "3.48 lid 2",
    Schoolsoort.VMBO_KB: "3.48 lid 2",
    Schoolsoort.VMBO_GL: "3.48 lid 3",
}


@attrs.frozen
class CumLaude:
    """The judicium cum laude with everything it rests on.

    Attributes:
        toegekend: ``True`` when the candidate passes cum laude, ``False`` when not,
            ``None`` when the document cannot tell (unplaced subjects, see the module).
        gemiddelde: The exact mean of condition a, or ``None`` when it is not determined.
        betrokken: The eindcijfers of that mean, as ``(vakcode, eindcijfer)``; the
            combinatiecijfer as ``("combinatiecijfer", n)``.
        redenen: Why the judicium is not granted or not determined (empty when granted).
        artikel: The article applied, e.g. ``Uitvoeringsbesluit WVO 2020 art. 3.47 lid 1``.
    """

    toegekend: bool | None
    gemiddelde: Decimal | None
    betrokken: tuple[tuple[str, int], ...]
    redenen: tuple[Reden, ...]
    artikel: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the mean as a string with two decimals, truncated (never rounded up to 8.00)."""
        return {
            "toegekend": self.toegekend,
            "gemiddelde": None if self.gemiddelde is None else _twee(self.gemiddelde),
            "betrokken": [[c, g] for c, g in self.betrokken],
            "redenen": [r.to_dict() for r in self.redenen],
            "artikel": self.artikel,
        }


def _twee(d: Decimal) -> str:
    return str(d.quantize(Decimal("0.01"), rounding="ROUND_DOWN"))


class _Indeling(NamedTuple):
    """The subjects of condition a, sorted by where the law places them."""

    vast: list[tuple[str, int]]  # always in the mean
    vrij: list[tuple[str, int]]  # the vrije deel: the best one counts (gl: or the combinatiecijfer)
    ongeplaatst: list[tuple[str, int]]  # profieldeel or vrije deel: the document does not say
    #: vmbo bb/kb/gl: the number of algemene vakken of the profieldeel the law names (two), else None
    profiel_aantal: int | None
    #: algemene vakken placed in the profieldeel by their examendeel
    profiel_geplaatst: int


def _soort(v: ExamResult, rollen: Mapping[str, tuple[Vaksoort, int]], vmbo: bool) -> Vaksoort:
    found = rollen.get(v.vakcode)
    soort = Vaksoort.ALGEMEEN if found is None else found[0]
    if vmbo and v.rol is not None and (soort in _BEROEPS or found is None):
        return soort if soort is Vaksoort.PRAKTIJKGERICHT_VMBO else _ROL[v.rol]
    return soort


def _plaats(
    v: ExamResult, soort: Vaksoort, ss: Schoolsoort, *, programma_telt: bool, gemeen: frozenset[str]
) -> str:
    """``vast``, ``vrij``, ``ongeplaatst`` or ``geen`` (not in the mean) for one graded subject.

    ``programma_telt``: the vmbo beroepsgerichte vakken count through a combinatiecijfer.
    ``gemeen``: the vmbo gemeenschappelijk deel (kenmerk ``deel`` of the vakcodetabel): with
    Nederlands, the Engelse taal and maatschappijleer art. 3.48 lid 1 and 3 name.
    """
    bbkb = ss in (Schoolsoort.VMBO_BB, Schoolsoort.VMBO_KB)
    if not ss.is_vmbo and (soort is Vaksoort.NEDERLANDS or soort is Vaksoort.ENGELS):
        return "vast"  # art. 3.47 lid 1 a 1°: the gemeenschappelijk deel
    if ss.is_vmbo and (soort is Vaksoort.NEDERLANDS or v.vakcode in gemeen):
        return "geen" if bbkb else "vast"  # named in art. 3.48 lid 1 and 3, not in lid 2
    if ss.is_vmbo and soort in _BEROEPS:
        if bbkb:  # the profielvak counts on its own, the keuzevakken via the combinatiecijfer (lid 2 a)
            return "geen" if soort is Vaksoort.KEUZEVAK else "vast"
        # gl: all via the combinatiecijfer (art. 3.35 lid 4); tl: the vrije deel, on their own or combined
        return "geen" if programma_telt else "vrij"
    if v.extra or v.examendeel is Examendeel.VRIJ:
        return "vrij"
    if v.examendeel is not None:
        # gemeenschappelijk deel: in the mean for havo/vwo (lid 1 a 1°); vmbo names its own subjects
        return "vast" if v.examendeel is Examendeel.PROFIEL or not ss.is_vmbo else "geen"
    if not ss.is_vmbo and soort is Vaksoort.WISKUNDE:
        return "vast"  # the wiskunde of the profile (art. 3.34 lid 1 b) is in the profieldeel
    return "ongeplaatst"


def _op_eigen_niveau(v: ExamResult, ss: Schoolsoort, codes: Codetabellen | None) -> ExamResult:
    """A subject taken at the havo or vwo level with the vakcode of the vmbo subject whose place it takes.

    Art. 3.48 names the vmbo subjects (Nederlandse taal, Engelse taal, maatschappijleer, the algemene
    vakken of the profieldeel); the corresponding havo/vwo subject takes their place (art. 3.4 lid 3,
    3.5 lid 2, 3.6 lid 2, 3.7 lid 2).
    """
    if v.programma is None:
        return v
    eigen = eigen_vakcode(v.vakcode, ss.value, v.programma, codes=codes)
    return v if eigen == v.vakcode else attrs.evolve(v, vakcode=eigen)


def _indeling(
    k: Examenkandidaat,
    r: UitslagResultaat,
    rollen: Mapping[str, tuple[Vaksoort, int]],
    gemeen: frozenset[str],
    codes: Codetabellen | None,
) -> _Indeling:
    ss = k.schoolsoort
    weg = set(r.buiten_beschouwing) | set(r.niet_meegeteld)
    vast: list[tuple[str, int]] = []
    vrij: list[tuple[str, int]] = []
    open_: list[tuple[str, int]] = []
    geplaatst = 0
    for gelezen in k.vakken:
        eind = r.eindcijfers.get(gelezen.vakcode)
        if eind is None or gelezen.vakcode in weg or gelezen.vrijstelling:
            continue
        v = _op_eigen_niveau(gelezen, ss, codes)
        soort = _soort(v, rollen, ss.is_vmbo)
        if soort is Vaksoort.GEEN_UITSLAG or (not ss.is_vmbo and (soort in _HV_COMBI or v.combinatiecijfer)):
            continue
        plaats = _plaats(v, soort, ss, programma_telt=r.combinatiecijfer is not None, gemeen=gemeen)
        if plaats == "vast":
            vast.append((gelezen.vakcode, eind))
            geplaatst += (
                soort is Vaksoort.ALGEMEEN and v.examendeel is Examendeel.PROFIEL and v.vakcode not in gemeen
            )
        elif plaats == "vrij":
            vrij.append((gelezen.vakcode, eind))
        elif plaats == "ongeplaatst":
            open_.append((gelezen.vakcode, eind))
    if r.combinatiecijfer is not None:
        combi = (_COMBI, r.combinatiecijfer)
        if ss is Schoolsoort.VMBO_TL or ss is Schoolsoort.VMBO_GL:
            vrij.append(combi)  # tl: the beroepsgerichte vakken are in the vrije deel; gl: lid 3 a 2°
        else:
            vast.append(combi)
    aantal = 2 if ss in (Schoolsoort.VMBO_BB, Schoolsoort.VMBO_KB, Schoolsoort.VMBO_GL) else None
    return _Indeling(vast, vrij, open_, aantal, geplaatst)


def _gemiddelden(ind: _Indeling) -> Iterator[tuple[Decimal, tuple[tuple[str, int], ...]]]:
    """The mean of condition a for every placement of the unplaced subjects the law allows."""
    n = len(ind.ongeplaatst)
    for mask in itertools.product((True, False), repeat=n):
        profiel = [p for p, in_profiel in zip(ind.ongeplaatst, mask, strict=True) if in_profiel]
        if ind.profiel_aantal is not None and len(profiel) + ind.profiel_geplaatst != ind.profiel_aantal:
            continue  # vmbo bb/kb/gl: the two algemene vakken of the profieldeel (art. 3.48 lid 2 and 3)
        keuze = [
            *ind.vrij,
            *(p for p, in_profiel in zip(ind.ongeplaatst, mask, strict=True) if not in_profiel),
        ]
        beste = [max(keuze, key=lambda p: p[1])] if keuze else []
        mee = (*ind.vast, *profiel, *beste)
        if mee:
            yield Decimal(sum(g for _, g in mee)) / len(mee), mee


def _conditie_b(
    k: Examenkandidaat, r: UitslagResultaat, rollen: Mapping[str, tuple[Vaksoort, int]], art: str
) -> Reden | None:
    """Every subject counted in the uitslag at least 7 (vwo) or 6, or voldoende; vmbo gl/tl the pws too."""
    grens = 7 if k.schoolsoort is Schoolsoort.VWO else 6
    weg = set(r.buiten_beschouwing) | set(r.niet_meegeteld)
    ss = k.schoolsoort
    laag: list[str] = []
    for v in k.vakken:
        eind = r.eindcijfers.get(v.vakcode)
        if v.vakcode in weg or v.vrijstelling:
            continue
        if v.beoordeling is Beoordeling.ONVOLDOENDE:
            laag.append(f"{v.vakcode} onvoldoende")
            continue
        if eind is None or eind >= grens:
            continue
        soort = _soort(v, rollen, ss.is_vmbo)
        in_combi = (
            (soort in _HV_COMBI or v.combinatiecijfer)
            if not ss.is_vmbo
            else (soort in _BEROEPS and r.combinatiecijfer is not None and not _los(soort, ss))
        )
        if not in_combi and soort is not Vaksoort.GEEN_UITSLAG:
            laag.append(f"{v.vakcode} {eind}")
    if r.combinatiecijfer is not None and r.combinatiecijfer < grens:
        laag.append(f"combinatiecijfer {r.combinatiecijfer}")
    pws = k.profielwerkstuk
    if ss in (Schoolsoort.VMBO_GL, Schoolsoort.VMBO_TL) and (
        pws is None or pws.beoordeling is None or not pws.beoordeling.is_voldoende
    ):
        laag.append("profielwerkstuk not voldoende or goed")
    if not laag:
        return None
    return Reden(
        CUM_LAUDE,
        f"{UB_WVO} art. {art} b",
        f"every subject counted in the uitslag needs {grens} or higher (or voldoende): {', '.join(laag)}",
    )


def _los(soort: Vaksoort, ss: Schoolsoort) -> bool:
    """A bb/kb profielvak counts on its own, outside the combinatiecijfer (art. 3.35 lid 3)."""
    return soort is Vaksoort.PROFIELVAK and ss in (Schoolsoort.VMBO_BB, Schoolsoort.VMBO_KB)


def _conditie_a(
    ind: _Indeling, ss: Schoolsoort, art: str
) -> tuple[bool | None, Decimal | None, tuple[tuple[str, int], ...], Reden | None]:
    if len(ind.ongeplaatst) > MAX_ONGEPLAATST:
        return (
            None,
            None,
            (),
            Reden(CUM_LAUDE, f"{UB_WVO} art. {art} a", "too many subjects without examendeel"),
        )
    uitkomsten = list(_gemiddelden(ind))
    if not uitkomsten:
        return (
            False,
            None,
            (),
            Reden(
                CUM_LAUDE,
                f"{UB_WVO} art. {art} a",
                "no set of eindcijfers the article names: for vmbo bb, kb and gl it needs exactly two"
                " algemene vakken of the profieldeel (mark them examendeel 'profiel')",
            ),
        )
    lo = min(uitkomsten, key=lambda u: u[0])
    hi = max(uitkomsten, key=lambda u: u[0])
    if lo[0] >= 8:
        return True, lo[0], lo[1], None
    if hi[0] < 8:
        return (
            False,
            hi[0],
            hi[1],
            Reden(
                CUM_LAUDE,
                f"{UB_WVO} art. {art} a",
                f"the mean of {_tekst(hi[1])} is {_twee(hi[0])}, below 8.0 (unrounded)",
            ),
        )
    codes = ", ".join(c for c, _ in ind.ongeplaatst)
    return (
        None,
        None,
        (),
        Reden(
            CUM_LAUDE,
            f"{UB_WVO} art. {art} a",
            f"the mean is {_twee(lo[0])} to {_twee(hi[0])} depending on whether {codes} belong to the"
            " profieldeel or the vrije deel; send their examendeel",
        ),
    )


def _tekst(pairs: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{c} {g}" for c, g in pairs)


def cum_laude(
    kandidaat: Examenkandidaat,
    *,
    resultaat: UitslagResultaat | None = None,
    codes: Codetabellen | None = None,
) -> CumLaude:
    """Whether the candidate passes with the judicium cum laude (art. 3.47, 3.48).

    Args:
        kandidaat: The candidate's exam.
        resultaat: The uitslag if already computed (it must be of ``kandidaat``); computed otherwise.
        codes: The code tables (table ``vakcodes``: roles and kenmerk ``deel``); the shipped ones
            for ``None``.

    Returns:
        The judicium, the mean of condition a with its eindcijfers, and every reason it is not granted.

    Raises:
        UnsupportedPeriod: when no rule set covers the examenjaar.
        InvalidDocument: when the grades cannot be judged, as in
            [`compute_uitslag`][duo_domain.vo.compute_uitslag].
    """
    tabel = vakcodetabel(codes)
    r = resultaat if resultaat is not None else compute_uitslag(kandidaat, codes=codes)
    ss = kandidaat.schoolsoort
    art = _ARTIKEL[ss]
    artikel = f"{UB_WVO} art. {art}"
    if not r.geslaagd:
        return CumLaude(
            toegekend=False,
            gemiddelde=None,
            betrokken=(),
            redenen=(
                Reden(
                    CUM_LAUDE, artikel, "cum laude is a judicium of a passed exam; the candidate is afgewezen"
                ),
            ),
            artikel=artikel,
        )
    rollen = tabel.rollen(ss.value)
    toegekend, gem, mee, reden_a = _conditie_a(
        _indeling(kandidaat, r, rollen, tabel.gemeenschappelijk, codes), ss, art
    )
    reden_b = _conditie_b(kandidaat, r, rollen, art)
    redenen = tuple(x for x in (reden_a, reden_b) if x is not None)
    if reden_b is not None and toegekend is not False:
        toegekend = False
    return CumLaude(toegekend, gem, mee, redenen, artikel)
