"""Whether a candidate's subjects form an eindexamen: the package of art. 3.1-3.7.

An exam is complete when it holds, per school type (Uitvoeringsbesluit WVO 2020, BWBR0045787):

* **vwo** (art. 3.1 atheneum, 3.2 gymnasium) and **havo** (art. 3.3): the
  gemeenschappelijk deel (art. 2.5, 2.10), the profieldeel of the profile
  (art. 2.6, 2.11: the compulsory subjects and the profielkeuzevakken) and at
  least one subject of the vrije deel (art. 2.7, 2.12) — a combined profile
  (elementcode ``..74``-``..79``) holds both profieldelen, each one the other's
  vrije deel;
* **vmbo-tl** (art. 3.4): the gemeenschappelijk deel (art. 2.15), the two
  subjects of the profieldeel (art. 2.16) and two more subjects of the vrije deel
  (art. 2.17 lid 1 a and b), at most one of them a praktijkgericht vak
  (art. 2.17a), and at least two subjects in profieldeel and vrije deel
  together that are no modern foreign language;
* **vmbo-bb and kb** (art. 3.5, 3.6): the gemeenschappelijk deel (art. 2.20),
  the two algemene vakken of the profieldeel (art. 2.21 lid 2), the profielvak
  (art. 2.21 lid 1) and four beroepsgerichte keuzevakken; a bb leer-werktraject
  (art. 3.5 lid 4): Nederlandse taal and the beroepsgerichte programma;
* **vmbo-gl** (art. 3.7): the gemeenschappelijk deel (art. 2.24), the two
  algemene vakken of the profieldeel (art. 2.25 lid 2), one more algemeen vak in
  the vrije deel (art. 2.25 lid 2, 2.26 c), and the profielvak — or, from
  examenjaar 2025, a praktijkgericht vak (art. 3.7 lid 1a) — with two keuzevakken.

The profile comes from the elementcode (havo ``037x``, vwo atheneum ``017x``,
gymnasium ``027x``, vmbo ``6p..``/``7p..`` with ``p`` the profile); without a
known elementcode every profile is tried and the package is complete when one
fits. A subject with a vrijstelling (art. 3.8) counts as present, and a subject taken at the
havo or vwo level fills the place of the vmbo subject it replaces
([`eigen_vakcode`][duo_domain.vo.pakket.eigen_vakcode], art. 3.4 lid 3, 3.5 lid 2, 3.6 lid 2, 3.7 lid 2).

The law's structure (which subjects make up each part of each profile) is code; the vakcodes that
count as each subject or group it names are data: the code table ``vakgroepen``
([`duo_domain.codes`][duo_domain.codes], one value per group with its article), and for the vmbo
gemeenschappelijk deel the kenmerk ``deel`` of ``vakcodes``. Every function takes ``codes=``, a
[`Codetabellen`][duo_domain.codes.Codetabellen] bundle whose tables are read once per bundle; a
vendor adds a code of its newer vakcodetabel to a group there. The praktijkgerichte vakken are
recognised by their role [`Vaksoort.PRAKTIJKGERICHT_VMBO`][duo_domain.vo.codes.Vaksoort] in the
table passed. A profielkeuzevak the shipped tables have no code for (bedrijfseconomie, the maritiem
en techniek profielvak) is not recognised without such a table: pass ``pakket=False`` to
[`compute_uitslag`][duo_domain.vo.compute_uitslag] for such a candidate.

Every missing part is one [`Tekort`][duo_domain.vo.pakket.Tekort] with its article; the rule
``BRON.PAKKET.VOLLEDIG`` reports them and an incomplete exam is never geslaagd.
Parts the law does not allow (``BRON.PAKKET.OVERTOLLIG``) are
[`overtollig`][duo_domain.vo.pakket.overtollig].

Examples:
    >>> from duo_domain.vo.pakket import tekorten
    >>> havo = ["1001", "1002", "1019", "1020", "0353"]  # gemeenschappelijk deel only
    >>> [t.deel for t in tekorten("havo", "0372", havo)]
    ['profieldeel', 'profieldeel', 'profieldeel', 'profieldeel', 'vrije deel']
    >>> em = [*havo, "1024", "1022", "1021", "0131", "1004"]
    >>> tekorten("havo", "0372", em)
    ()
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence

import attrs

from duo_domain._sources import UB_WVO as UB
from duo_domain.codes import Codetabellen, Waardenlijst, waardenlijst
from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.vo.codes import Vaksoort, vakcodetabel

__all__ = [
    "OVERTOLLIG",
    "VOLLEDIG",
    "Tekort",
    "eigen_vakcode",
    "overtollig",
    "tekorten",
]

#: The rule ids of the catalogue.
VOLLEDIG = "BRON.PAKKET.VOLLEDIG"
OVERTOLLIG = "BRON.PAKKET.OVERTOLLIG"

_Slot = frozenset[str]


@attrs.frozen
class Tekort:
    """One part an exam lacks (or holds against the law).

    Attributes:
        deel: ``gemeenschappelijk deel``, ``profieldeel``, ``vrije deel`` or
            ``beroepsgericht programma``.
        artikel: The article that requires the part.
        toelichting: What is missing, in words.
    """

    deel: str
    artikel: str
    toelichting: str


#: A slot: the names of the groups of the ``vakgroepen`` table whose vakcodes fill it.
_Groepen = tuple[str, ...]

# --- havo / vwo: the law's structure, by group name ---------------------------------------------

_HAVO_GEM: tuple[_Groepen, ...] = (
    ("nederlands_hv",),
    ("engels_hv",),
    ("maatschappijleer_hv",),
    ("ckv",),
    ("lo",),
)
_ATHENEUM_GEM: tuple[_Groepen, ...] = (
    ("nederlands_hv",), ("engels_hv",), ("mvt_hv", "chinees"), ("maatschappijleer_hv",), ("ckv",), ("lo",)
)  # fmt: skip
_ATHENEUM_GEM_KLASSIEK: tuple[_Groepen, ...] = (
    ("nederlands_hv",), ("engels_hv",), ("mvt_hv", "chinees"), ("maatschappijleer_hv",), ("lo",)
)  # fmt: skip
_GYMNASIUM_GEM: tuple[_Groepen, ...] = (
    ("nederlands_hv",), ("engels_hv",), ("klassiek",), ("maatschappijleer_hv",), ("lo",)
)  # fmt: skip
_WIS_AB: _Groepen = ("wiskunde_a", "wiskunde_b")
_NT_KEUZE: _Groepen = ("nlt", "informatica", "biologie_hv", "wiskunde_d")
_NG_KEUZE: _Groepen = ("nlt", "aardrijkskunde", "natuurkunde")

#: Profieldeel per profile: art. 2.6 (vwo) and 2.11 (havo), one slot per subject the article names.
_VWO_PROFIEL: Mapping[str, tuple[_Groepen, ...]] = {
    "NT": (("wiskunde_b",), ("natuurkunde",), ("scheikunde",), _NT_KEUZE),
    "NG": (_WIS_AB, ("biologie_hv",), ("scheikunde",), _NG_KEUZE),
    "EM": (
        _WIS_AB,
        ("economie_hv",),
        ("geschiedenis_hv",),
        ("aardrijkskunde", "maatschappijwetenschappen", "mvt_hv", "chinees"),
    ),
    "CM": (
        (*_WIS_AB, "wiskunde_c"),
        ("geschiedenis_hv",),
        ("kunst_hv", "filosofie", "mvt_hv", "chinees", "klassiek"),
        ("aardrijkskunde", "maatschappijwetenschappen", "economie_hv"),
    ),
}
_HAVO_PROFIEL: Mapping[str, tuple[_Groepen, ...]] = {
    "NT": (("wiskunde_b",), ("natuurkunde",), ("scheikunde",), _NT_KEUZE),
    "NG": (_WIS_AB, ("biologie_hv",), ("scheikunde",), _NG_KEUZE),
    "EM": (
        _WIS_AB,
        ("economie_hv",),
        ("geschiedenis_hv",),
        ("aardrijkskunde", "maatschappijwetenschappen", "mvt_hv"),
    ),
    "CM": (
        ("geschiedenis_hv",),
        ("mvt_hv",),
        ("kunst_hv", "filosofie", "mvt_hv"),
        ("aardrijkskunde", "maatschappijwetenschappen", "economie_hv"),
    ),
}
#: The last digit of a havo/vwo elementcode: its profile or two profiles (Regeling codetabellen bijlage I).
_HV_PROFIELEN: Mapping[str, tuple[str, ...]] = {
    "0": ("NT",),
    "1": ("NG",),
    "2": ("EM",),
    "3": ("CM",),
    "4": ("NT", "NG"),
    "5": ("NT", "EM"),
    "6": ("NT", "CM"),
    "7": ("NG", "CM"),
    "8": ("NG", "EM"),
    "9": ("EM", "CM"),
}
#: Roles that never fill the vrije deel: no eindcijfer of their own, or a combinatiecijfer part only.
_GEEN_VRIJ_VAK = frozenset(
    {
        Vaksoort.LO,
        Vaksoort.COMBINATIE,
        Vaksoort.GEEN_UITSLAG,
        Vaksoort.LITERATUUR,
        Vaksoort.ANW,
        Vaksoort.LEVENSBESCHOUWING,
        Vaksoort.PRAKTIJKGERICHT_HAVO,
        Vaksoort.KUNSTVAKKEN,
    }
)

# --- vmbo ------------------------------------------------------------------------------------------

_TECHNIEK: tuple[_Groepen, ...] = (("wiskunde_vmbo",), ("nask1",))
_ZW: tuple[_Groepen, ...] = (
    ("biologie_vmbo",), ("wiskunde_vmbo", "maatschappijleer_2", "geschiedenis_vmbo", "aardrijkskunde")
)  # fmt: skip
_EO: tuple[_Groepen, ...] = (("economie_vmbo",), ("wiskunde_vmbo", "frans_vmbo", "duits_vmbo"))
_GROEN: tuple[_Groepen, ...] = (("wiskunde_vmbo",), ("biologie_vmbo", "nask1"))
_DP_KEUZE: _Groepen = ("wiskunde_vmbo", "economie_vmbo", "biologie_vmbo", "nask1")

#: Per profile digit of a vmbo elementcode: the algemene vakken of the profieldeel (art. 2.21 lid 2, 2.25
#: lid 2); its profielvak (art. 2.21 lid 1) is the group with that ``vmbo_profiel``. The law names no
#: algemene vakken for maritiem en techniek, and the shipped vakgroepen have no code for its profielvak.
_VMBO_PROFIEL: Mapping[str, tuple[_Groepen, ...]] = {
    "0": _TECHNIEK,
    "1": _TECHNIEK,
    "2": _TECHNIEK,
    "3": _TECHNIEK,
    "4": _EO,
    "5": _EO,
    "6": _ZW,
    "7": _GROEN,
    "8": (),
    "9": (_DP_KEUZE, _DP_KEUZE),
}
#: The profieldeel of the theoretische leerweg (art. 2.16): techniek, zorg en welzijn, economie, groen.
_TL_PROFIEL = (_TECHNIEK, _ZW, _EO, _GROEN)


@attrs.frozen(eq=False)
class _Pakket:
    """The package composition with the vakcodes of one ``vakgroepen`` and ``vakcodes`` table.

    Derived once per [`Codetabellen`][duo_domain.codes.Codetabellen] bundle (the shipped one once per
    process); compared by identity, so that it is part of the key of the cached judgement.
    """

    havo_gem: tuple[_Slot, ...]
    atheneum_gem: tuple[_Slot, ...]
    atheneum_gem_klassiek: tuple[_Slot, ...]
    gymnasium_gem: tuple[_Slot, ...]
    klassiek: _Slot
    #: the modern foreign languages and Chinees of havo/vwo
    mvt_chinees: _Slot
    vwo_profiel: Mapping[str, tuple[_Slot, ...]]
    havo_profiel: Mapping[str, tuple[_Slot, ...]]
    #: kunst (algemeen) has 120 (havo) / 200 (vwo) hours, below the 320 / 440 hours of a vrije-deel vak
    #: (art. 3.1-3.3 lid 1 c).
    te_klein: _Slot
    #: the gemeenschappelijk deel of every vmbo exam: the vakcodes with kenmerk ``deel``
    #: (art. 2.15, 2.20, 2.24)
    vmbo_gem: tuple[_Slot, ...]
    nederlands_vmbo: _Slot
    vmbo_profiel: Mapping[str, tuple[str | None, tuple[_Slot, ...]]]
    tl_profiel: tuple[tuple[_Slot, ...], ...]
    #: vmbo modern foreign languages (art. 3.4 lid 1 c: two non-language subjects in profieldeel and
    #: vrije deel)
    mvt_vmbo: _Slot
    #: the algemene vakken of the vmbo profieldelen, and those of art. 2.17 lid 1 b / 2.26 c
    algemeen_vmbo: _Slot
    #: kunstvakken II of the vrije deel (art. 2.17 lid 1 b): beeldende vorming, and muziek, dans, drama
    kunst_beeldend: _Slot
    kunst_podium: _Slot
    #: vwo/havo vakcode -> the vmbo vakcode whose place it takes (kenmerk ``vmbo_vak``)
    vmbo_vak_van_hv: Mapping[str, str]
    #: art. 2.7 a 2° and 2.12 a 2°: a kunst subject -> the vakcodes it may not join (kenmerk ``niet_met``)
    niet_samen: tuple[tuple[str, _Slot], ...]
    #: wiskunde A, B, C and D (art. 2.7 a 1°, 2.12 a 1°)
    wiskunde: tuple[_Slot, _Slot, _Slot, _Slot]
    #: art. 2.7 a 3° and 2.12 a 3°: one of tekenen, handvaardigheid and textiele vormgeving
    een_van: _Slot
    #: art. 2.7 b and 2.12 b: a language "(elementair)" -> the full language (kenmerk ``elementair_van``)
    elementair: Mapping[str, str]


#: The groups the law's structure above names; a ``vakgroepen`` table must have each of them.
_NODIG = (
    "nederlands_hv", "engels_hv", "maatschappijleer_hv", "ckv", "lo", "mvt_hv", "chinees", "klassiek",
    "kunst_hv", "wiskunde_a", "wiskunde_b", "wiskunde_c", "wiskunde_d", "natuurkunde", "scheikunde",
    "biologie_hv", "geschiedenis_hv", "economie_hv", "aardrijkskunde", "maatschappijwetenschappen", "nlt",
    "informatica", "filosofie", "kunst_algemeen", "beeldende_vakken_hv", "nederlands_vmbo",
    "wiskunde_vmbo", "nask1", "biologie_vmbo", "economie_vmbo", "geschiedenis_vmbo", "maatschappijleer_2",
    "frans_vmbo", "duits_vmbo", "mvt_vmbo", "vrije_deel_vmbo", "kunstvakken_beeldend", "kunstvakken_podium",
)  # fmt: skip


def _maak_pakket(lijst: Waardenlijst, gemeenschappelijk: frozenset[str]) -> _Pakket:
    """The package composition read from a ``vakgroepen`` table.

    Raises:
        InvalidDocument: when a value lacks the kenmerk ``vakcodes``, a group the law's structure
            names is missing or empty, or no vakcode is in the vmbo gemeenschappelijk deel.
    """
    lijst.vereis_kenmerken("vakcodes")
    problems = [DocumentProblem("$.waarden", f"group {naam} missing") for naam in _NODIG if naam not in lijst]
    problems += [
        DocumentProblem("$.waarden", f"group {v.code} has no vakcodes")
        for v in lijst.waarden
        if v.code in _NODIG and not v.kenmerken["vakcodes"].split()
    ]
    if not gemeenschappelijk:
        # An empty gemeenschappelijk deel would silently drop Nederlands and the other subjects every
        # vmbo exam must hold (art. 2.15, 2.20, 2.24): refuse the bundle rather than judge with it.
        problems.append(
            DocumentProblem("$.waarden", "vakcodes: no code has kenmerk deel 'gemeenschappelijk'")
        )
    if problems:
        raise InvalidDocument(problems, document="code table")
    groep = {v.code: frozenset(v.kenmerken["vakcodes"].split()) for v in lijst.waarden}

    def slot(namen: _Groepen) -> _Slot:
        return frozenset().union(*(groep[n] for n in namen))

    def slots(namen: Sequence[_Groepen]) -> tuple[_Slot, ...]:
        return tuple(slot(n) for n in namen)

    profielvak = {v.kenmerken["vmbo_profiel"]: v.kenmerken["vakcodes"].split()[0] for v in lijst.waarden
                  if "vmbo_profiel" in v.kenmerken and v.kenmerken["vakcodes"].split()}  # fmt: skip
    tl_profiel = tuple(slots(p) for p in _TL_PROFIEL)
    return _Pakket(
        havo_gem=slots(_HAVO_GEM),
        atheneum_gem=slots(_ATHENEUM_GEM),
        atheneum_gem_klassiek=slots(_ATHENEUM_GEM_KLASSIEK),
        gymnasium_gem=slots(_GYMNASIUM_GEM),
        klassiek=groep["klassiek"],
        mvt_chinees=slot(("mvt_hv", "chinees")),
        vwo_profiel={p: slots(s) for p, s in _VWO_PROFIEL.items()},
        havo_profiel={p: slots(s) for p, s in _HAVO_PROFIEL.items()},
        te_klein=groep["kunst_algemeen"],
        vmbo_gem=tuple(frozenset((c,)) for c in sorted(gemeenschappelijk)),
        nederlands_vmbo=groep["nederlands_vmbo"],
        vmbo_profiel={d: (profielvak.get(d), slots(s)) for d, s in _VMBO_PROFIEL.items()},
        tl_profiel=tl_profiel,
        mvt_vmbo=groep["mvt_vmbo"],
        algemeen_vmbo=frozenset().union(*(s for p in tl_profiel for s in p), groep["vrije_deel_vmbo"]),
        kunst_beeldend=groep["kunstvakken_beeldend"],
        kunst_podium=groep["kunstvakken_podium"],
        vmbo_vak_van_hv={
            c: v.kenmerken["vmbo_vak"]
            for v in lijst.waarden
            if "vmbo_vak" in v.kenmerken
            for c in groep[v.code]
        },
        niet_samen=tuple(
            (c, frozenset(v.kenmerken["niet_met"].split()))
            for v in lijst.waarden
            if "niet_met" in v.kenmerken
            for c in sorted(groep[v.code])
        ),
        wiskunde=(groep["wiskunde_a"], groep["wiskunde_b"], groep["wiskunde_c"], groep["wiskunde_d"]),
        een_van=groep["beeldende_vakken_hv"],
        elementair={
            c: v.kenmerken["elementair_van"]
            for v in lijst.waarden
            if "elementair_van" in v.kenmerken
            for c in sorted(groep[v.code])
        },
    )


def _pakket_uit(tabellen: Codetabellen) -> _Pakket:
    return _maak_pakket(tabellen.waardenlijst("vakgroepen"), vakcodetabel(tabellen).gemeenschappelijk)


@functools.cache
def _shipped_pakket() -> _Pakket:
    return _maak_pakket(waardenlijst("vakgroepen"), vakcodetabel().gemeenschappelijk)


def _pakket(codes: Codetabellen | None) -> _Pakket:
    """The package composition of ``codes`` (tables ``vakgroepen`` and ``vakcodes``), read once per bundle."""
    if codes is None:
        return _shipped_pakket()
    return Codetabellen.uit(codes).afgeleid("vo.pakket", _pakket_uit)


def _match(slots: Sequence[_Slot], codes: frozenset[str]) -> tuple[list[int], set[str]]:
    """The slots a maximum matching of distinct subjects leaves empty, and the subjects it uses."""
    owner: dict[str, int] = {}

    def place(i: int, seen: set[str]) -> bool:
        for c in slots[i] & codes:
            if c in seen:
                continue
            seen.add(c)
            if c not in owner or place(owner[c], seen):
                owner[c] = i
                return True
        return False

    leeg = [i for i in range(len(slots)) if not place(i, set())]
    return leeg, set(owner)


def _namen(slot: _Slot) -> str:
    codes = sorted(slot)
    return codes[0] if len(codes) == 1 else "one of " + ", ".join(codes)


def _ontbreekt(deel: str, artikel: str, slots: Sequence[_Slot], leeg: Iterable[int]) -> list[Tekort]:
    return [Tekort(deel, artikel, f"{deel}: {_namen(slots[i])} is missing") for i in leeg]


def _hv_gem(
    p: _Pakket, ss: str, gymnasium: bool | None, codes: frozenset[str]
) -> tuple[tuple[_Slot, ...], str]:
    if ss == "havo":
        return p.havo_gem, f"{UB} art. 3.3 lid 1 a, 2.10"
    klassiek = bool(codes & p.klassiek)
    atheneum = p.atheneum_gem_klassiek if klassiek else p.atheneum_gem  # art. 2.8 lid 3: no ckv
    if gymnasium is None:
        gymnasium = klassiek and not codes & p.mvt_chinees
    if gymnasium:
        return p.gymnasium_gem, f"{UB} art. 3.2 lid 1 a, 2.5 lid 2"
    return atheneum, f"{UB} art. 3.1 lid 1 a, 2.5 lid 1"


def _hv_profiel(
    pk: _Pakket,
    ss: str,
    profielen: tuple[str, ...],
    codes: frozenset[str],
    *,
    gem_used: set[str],
    vrij: frozenset[str],
) -> list[Tekort]:
    tabel = pk.havo_profiel if ss == "havo" else pk.vwo_profiel
    art = f"{UB} art. 3.3 lid 1 b, 2.11" if ss == "havo" else f"{UB} art. 3.1/3.2 lid 1 b, 2.6"
    vrij_art = f"{UB} art. 3.3 lid 1 c, 2.12" if ss == "havo" else f"{UB} art. 3.1/3.2 lid 1 c, 2.7"
    out: list[Tekort] = []
    used_all: set[str] = set()
    for p in profielen:
        slots = tabel[p]
        leeg, used = _match(slots, codes - gem_used)
        out += _ontbreekt("profieldeel", f"{art} ({p})", slots, leeg)
        used_all |= used
    if len(profielen) == 1 and not (vrij - gem_used - used_all):
        out.append(Tekort("vrije deel", vrij_art, "vrije deel: no subject beyond the profile"))
    return out


def _havo_vwo(
    pk: _Pakket, ss: str, elementcode: str | None, codes: frozenset[str], vrij: frozenset[str]
) -> list[Tekort]:
    gymnasium: bool | None = None
    profielen: list[tuple[str, ...]] = [(p,) for p in ("NT", "NG", "EM", "CM")]
    if elementcode and len(elementcode) == 4 and elementcode[3] in _HV_PROFIELEN:
        prefix = {"havo": ("03",), "vwo": ("01", "02")}[ss]
        if elementcode[:2] in prefix:
            profielen = [_HV_PROFIELEN[elementcode[3]]]
            gymnasium = None if ss == "havo" else elementcode[:2] == "02"
    gem, gem_art = _hv_gem(pk, ss, gymnasium, codes)
    leeg, gem_used = _match(gem, codes)
    gem_tekort = _ontbreekt("gemeenschappelijk deel", gem_art, gem, leeg)
    best = min((_hv_profiel(pk, ss, p, codes, gem_used=gem_used, vrij=vrij) for p in profielen), key=len)
    return gem_tekort + best


def _vmbo_profielen(pk: _Pakket, elementcode: str | None, codes: frozenset[str]) -> list[str]:
    if elementcode and len(elementcode) == 4 and elementcode[0] in "67" and elementcode[1] in pk.vmbo_profiel:
        return [elementcode[1]]
    by_vak = [p for p, (vak, _) in pk.vmbo_profiel.items() if vak is not None and vak in codes]
    return by_vak or [p for p, (vak, _) in pk.vmbo_profiel.items() if vak is not None]


def _beroepsgericht(
    ss: str, profielvak: str | None, soorten: Mapping[str, Vaksoort], praktijk: bool
) -> list[Tekort]:
    art = {"vmbo-bb": "3.5 lid 1 c", "vmbo-kb": "3.6 lid 1 c", "vmbo-gl": "3.7 lid 1 d, lid 1a"}[ss]
    deel = "beroepsgericht programma"
    out: list[Tekort] = []
    heeft_praktijk = praktijk and any(s is Vaksoort.PRAKTIJKGERICHT_VMBO for s in soorten.values())
    if not heeft_praktijk and (profielvak is None or profielvak not in soorten):
        wat = "the profielvak" + (" or a praktijkgericht vak" if praktijk else "")
        wat += f" ({profielvak})" if profielvak else ""
        out.append(Tekort(deel, f"{UB} art. {art}", f"{deel}: {wat} is missing"))
    nodig = 2 if ss == "vmbo-gl" else 4
    n = sum(1 for s in soorten.values() if s is Vaksoort.KEUZEVAK)
    if n < nodig:
        out.append(
            Tekort(
                deel, f"{UB} art. {art}", f"{deel}: {nodig} beroepsgerichte keuzevakken needed, {n} present"
            )
        )
    return out


def _vmbo_bkg(
    pk: _Pakket,
    ss: str,
    elementcode: str | None,
    codes: frozenset[str],
    soorten: Mapping[str, Vaksoort],
    *,
    praktijk: bool,
) -> list[Tekort]:
    art_gem, art_p = {
        "vmbo-bb": ("3.5 lid 1 a, 2.20", "3.5 lid 1 b, 2.21 lid 2"),
        "vmbo-kb": ("3.6 lid 1 a, 2.20", "3.6 lid 1 b, 2.21 lid 2"),
        "vmbo-gl": ("3.7 lid 1 a, 2.24", "3.7 lid 1 b, 2.25 lid 2"),
    }[ss]
    leeg, used = _match(pk.vmbo_gem, codes)
    gem = _ontbreekt("gemeenschappelijk deel", f"{UB} art. {art_gem}", pk.vmbo_gem, leeg)
    pogingen = []
    for p in _vmbo_profielen(pk, elementcode, codes):
        vak, slots = pk.vmbo_profiel[p]
        leeg_p, used_p = _match(slots, codes - used)
        out = _ontbreekt("profieldeel", f"{UB} art. {art_p}", slots, leeg_p)
        if ss == "vmbo-gl" and not (pk.algemeen_vmbo & codes) - used - used_p:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. 3.7 lid 1 c, 2.26 c",
                    "vrije deel: one more algemeen vak is missing",
                )
            )
        out += _beroepsgericht(ss, vak, soorten, praktijk)
        pogingen.append(out)
    return gem + min(pogingen, key=len)


def _vmbo_tl(pk: _Pakket, codes: frozenset[str], soorten: Mapping[str, Vaksoort]) -> list[Tekort]:
    leeg, used = _match(pk.vmbo_gem, codes)
    gem = _ontbreekt("gemeenschappelijk deel", f"{UB} art. 3.4 lid 1 a, 2.15", pk.vmbo_gem, leeg)
    praktijk = sorted(c for c, s in soorten.items() if s is Vaksoort.PRAKTIJKGERICHT_VMBO)
    pogingen = []
    for slots in pk.tl_profiel:
        leeg_p, used_p = _match(slots, codes - used)
        out = _ontbreekt("profieldeel", f"{UB} art. 3.4 lid 1 b, 2.16", slots, leeg_p)
        pool = _tl_kunst(pk, sorted((pk.algemeen_vmbo & codes) - used - used_p))
        vrij = pool + praktijk[:1]  # art. 3.4 lid 1 c: at most one praktijkgericht vak
        if len(vrij) < 2:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. 3.4 lid 1 c, 2.17",
                    f"vrije deel: two subjects needed, {len(vrij)} present",
                )
            )
        elif sum(1 for c in [*used_p, *vrij] if c not in pk.mvt_vmbo) < 2:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. 3.4 lid 1 c",
                    "profieldeel and vrije deel need two subjects that are no modern foreign language",
                )
            )
        pogingen.append(out)
    return gem + min(pogingen, key=len)


def _tl_kunst(pk: _Pakket, pool: list[str]) -> list[str]:
    """The vrije-deel pool with at most one kunstvak of each group (art. 3.4 lid 2)."""
    beeldend = [c for c in pool if c in pk.kunst_beeldend]
    podium = [c for c in pool if c in pk.kunst_podium]
    return [c for c in pool if c not in pk.kunst_beeldend | pk.kunst_podium] + beeldend[:1] + podium[:1]


def _leerwerktraject(pk: _Pakket, codes: frozenset[str], soorten: Mapping[str, Vaksoort]) -> list[Tekort]:
    out: list[Tekort] = []
    art = f"{UB} art. 3.5 lid 4"
    if not pk.nederlands_vmbo & codes:
        naam = _namen(pk.nederlands_vmbo)
        out.append(Tekort("gemeenschappelijk deel", art, f"Nederlandse taal ({naam}) is missing"))
    if not any(s is Vaksoort.PROFIELVAK for s in soorten.values()):
        out.append(
            Tekort("beroepsgericht programma", art, "beroepsgericht programma: the profielvak is missing")
        )
    if not any(s is Vaksoort.KEUZEVAK for s in soorten.values()):
        out.append(Tekort("beroepsgericht programma", art, "beroepsgericht programma: no keuzevak"))
    return out


@functools.lru_cache(maxsize=4096)
def _tekorten(
    pk: _Pakket,
    ss: str,
    elementcode: str | None,
    vakken: frozenset[tuple[str, Vaksoort]],
    *,
    praktijk: bool,
    leerwerktraject: bool,
) -> tuple[Tekort, ...]:
    codes = frozenset(c for c, _ in vakken)
    soorten = dict(vakken)
    if ss in ("havo", "vwo"):
        vrij = frozenset(c for c, s in vakken if s not in _GEEN_VRIJ_VAK and c not in pk.te_klein)
        return tuple(_havo_vwo(pk, ss, elementcode, codes, vrij))
    if ss == "vmbo-tl":
        return tuple(_vmbo_tl(pk, codes, soorten))
    if leerwerktraject:
        return tuple(_leerwerktraject(pk, codes, soorten))
    return tuple(_vmbo_bkg(pk, ss, elementcode, codes, soorten=soorten, praktijk=praktijk))


def _paren_tekorten(
    codes: Codetabellen | None,
    schoolsoort: str,
    elementcode: str | None,
    paren: frozenset[tuple[str, Vaksoort]],
    *,
    praktijk: bool,
    leerwerktraject: bool,
) -> tuple[Tekort, ...]:
    """`tekorten` of vakcode → role pairs (the uitslag's hot path: no conversion of its argument)."""
    return _tekorten(
        _pakket(codes), schoolsoort, elementcode, paren, praktijk=praktijk, leerwerktraject=leerwerktraject
    )


def _weglaatbaar(
    codes: Codetabellen | None,
    schoolsoort: str,
    elementcode: str | None,
    paren: frozenset[tuple[str, Vaksoort]],
    *,
    praktijk: bool,
    leerwerktraject: bool,
) -> frozenset[str]:
    """The vakcodes of ``paren`` (one pair per vakcode) whose leaving out alone leaves a complete package.

    What art. 3.33 lid 3 asks of every subject it may leave out, answered once per package
    composition (and code tables) instead of once per subject and candidate.
    """
    return _weglaatbaar_pk(
        _pakket(codes), schoolsoort, elementcode, paren, praktijk=praktijk, leerwerktraject=leerwerktraject
    )


@functools.lru_cache(maxsize=4096)
def _weglaatbaar_pk(
    pk: _Pakket,
    ss: str,
    elementcode: str | None,
    paren: frozenset[tuple[str, Vaksoort]],
    *,
    praktijk: bool,
    leerwerktraject: bool,
) -> frozenset[str]:
    return frozenset(
        c
        for c, s in paren
        if not _tekorten(
            pk, ss, elementcode, paren - {(c, s)}, praktijk=praktijk, leerwerktraject=leerwerktraject
        )
    )


def tekorten(
    schoolsoort: str,
    elementcode: str | None,
    vakcodes: Iterable[str] | Mapping[str, Vaksoort],
    *,
    praktijkgericht_vak: bool = True,
    leerwerktraject: bool = False,
    codes: Codetabellen | None = None,
) -> tuple[Tekort, ...]:
    """Every part the exam lacks, in the order of the law; empty when the subjects form an eindexamen.

    Args:
        schoolsoort: ``vwo``, ``havo``, ``vmbo-bb``, ``vmbo-kb``, ``vmbo-gl`` or ``vmbo-tl``.
        elementcode: The candidate's elementcode (profile / leerweg), or ``None``.
        vakcodes: The vakcodes of the exam, or vakcode → [`Vaksoort`][duo_domain.vo.codes.Vaksoort]
            (plain codes get their role for ``schoolsoort`` from the ``vakcodes`` table of ``codes``,
            ``algemeen`` when the table lacks them).
        praktijkgericht_vak: Whether a vmbo-gl praktijkgericht vak may take the
            profielvak's place (art. 3.7 lid 1a, from examenjaar 2025).
        leerwerktraject: vmbo-bb: judge the package of a leer-werktraject (art. 3.5 lid 4).
        codes: The code tables whose ``vakgroepen`` (which vakcodes count as each subject the law
            names) and ``vakcodes`` (kenmerk ``deel``) are read; ``None``: the shipped ones.

    Raises:
        InvalidDocument: when the ``vakgroepen`` table of ``codes`` lacks a group the law's structure names.

    Examples:
        >>> tekorten("vmbo-kb", "6021", {"0011": Vaksoort.NEDERLANDS})[0].toelichting
        'gemeenschappelijk deel: 0071 is missing'
    """
    if isinstance(vakcodes, Mapping):
        paren = frozenset(vakcodes.items())
    else:
        tabel = vakcodetabel(codes)  # the role of each code from the table, not from its number
        paren = frozenset((c, tabel.soort(c, schoolsoort) or Vaksoort.ALGEMEEN) for c in vakcodes)
    return _tekorten(
        _pakket(codes),
        schoolsoort,
        elementcode,
        paren,
        praktijk=praktijkgericht_vak,
        leerwerktraject=leerwerktraject,
    )


def eigen_vakcode(
    vakcode: str, schoolsoort: str, programma: str | None, *, codes: Codetabellen | None = None
) -> str:
    """The vakcode of the candidate's own level for a subject taken at a higher level (art. 3.9, 3.37).

    A vmbo candidate may take a subject at the havo or vwo level in place of the vmbo subject (art. 2.18,
    2.23, 2.27; art. 3.4 lid 3, 3.5 lid 2, 3.6 lid 2, 3.7 lid 2); that subject then fills the vmbo
    subject's place in the package. havo and vwo share their vakcodes, as do the vmbo leerwegen, so
    only a havo/vwo code in a vmbo exam changes; any other code is returned as it is.

    Args:
        vakcode: The vakcode as sent (of the higher level).
        schoolsoort: The school type or leerweg of enrolment (``vmbo-tl``, ``havo`` ...).
        programma: The level the subject was taken at (``havo``, ``vwo`` ...), or ``None``.
        codes: The code tables whose ``vakgroepen`` (kenmerk ``vmbo_vak``) is read; ``None``: the
            shipped ones.

    Examples:
        >>> eigen_vakcode("1002", "vmbo-tl", "havo")  # Engels at havo level: Engelse taal
        '0071'
        >>> eigen_vakcode("1025", "havo", "vwo"), eigen_vakcode("1002", "vmbo-tl", None)
        ('1025', '1002')
    """
    if programma in ("havo", "vwo") and schoolsoort.startswith("vmbo"):
        return _pakket(codes).vmbo_vak_van_hv.get(vakcode, vakcode)
    return vakcode


def _hv_overtollig(pk: _Pakket, schoolsoort: str, vakken: Mapping[str, Vaksoort]) -> list[Tekort]:
    havo = schoolsoort == "havo"
    art = "2.12" if havo else "2.7"
    lid = f"{art} a"
    out: list[Tekort] = []
    a, b, c, d = pk.wiskunde
    if d & vakken.keys() and not b & vakken.keys():
        out.append(
            Tekort(
                "vrije deel",
                f"{UB} art. {lid} 1°",
                f"wiskunde D ({_namen(d)}) needs wiskunde B ({_namen(b)})",
            )
        )
    if not havo and a & vakken.keys() and c & vakken.keys():
        out.append(
            Tekort(
                "vrije deel",
                f"{UB} art. {lid} 1°",
                f"wiskunde A ({_namen(a)}) and wiskunde C ({_namen(c)}) cannot be combined"
                " (A with B, or B with C)",
            )
        )
    for kunst, niet in pk.niet_samen:
        if kunst in vakken and niet & vakken.keys():
            samen = ", ".join(sorted(niet & vakken.keys()))
            out.append(
                Tekort("vrije deel", f"{UB} art. {lid} 2°", f"{kunst} cannot be combined with {samen}")
            )
    for elementair, taal in pk.elementair.items():
        if elementair in vakken and taal in vakken:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. {art} b",
                    f"{elementair} (elementair) cannot join {taal}, the same language in the profile",
                )
            )
    een_van = sorted(pk.een_van & vakken.keys())
    if len(een_van) > 1:
        out.append(
            Tekort(
                "vrije deel",
                f"{UB} art. {lid} 3°",
                f"one of tekenen, handvaardigheid and textiele vormgeving: {', '.join(een_van)}",
            )
        )
    return out


def _tl_overtollig(pk: _Pakket, vakken: Mapping[str, Vaksoort]) -> list[Tekort]:
    out: list[Tekort] = []
    praktijk = sorted(c for c, s in vakken.items() if s is Vaksoort.PRAKTIJKGERICHT_VMBO)
    if len(praktijk) > 1:
        out.append(
            Tekort(
                "vrije deel",
                f"{UB} art. 3.4 lid 1 c, lid 4 a",
                f"at most one praktijkgericht vak: {', '.join(praktijk)}",
            )
        )
    for groep, naam in ((pk.kunst_beeldend, "beeldende vorming"), (pk.kunst_podium, "muziek, dans or drama")):
        dubbel = sorted(groep & vakken.keys())
        if len(dubbel) > 1:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. 3.4 lid 2",
                    f"two kunstvakken are one of beeldende vorming and one of muziek, dans or drama;"
                    f" {', '.join(dubbel)} are both {naam}",
                )
            )
    return out


def overtollig(
    schoolsoort: str, vakken: Mapping[str, Vaksoort], *, codes: Codetabellen | None = None
) -> tuple[Tekort, ...]:
    """Parts the law does not allow in the exam (``BRON.PAKKET.OVERTOLLIG``).

    * havo/vwo (art. 2.7 a, 2.12 a): wiskunde D (1027) without wiskunde B (1025); in vwo wiskunde A
      with wiskunde C (only A with B or B with C, 1°); kunst (beeldende vormgeving) with tekenen,
      handvaardigheid or textiele vormgeving, kunst (muziek) with muziek (2°); more than one of
      tekenen, handvaardigheid and textiele vormgeving (3°); a language "(elementair)" next to the
      same language (b);
    * vmbo-tl: a second praktijkgericht vak (art. 3.4 lid 1 c and lid 4 a); two kunstvakken of the
      same group (art. 3.4 lid 2: one of beeldende vorming, one of muziek, dans and drama).

    The vakcodes of each group come from the ``vakgroepen`` table of ``codes`` (``None``: the shipped one).

    Examples:
        >>> [t.artikel for t in overtollig("havo", {"1027": Vaksoort.ALGEMEEN})]
        ['Uitvoeringsbesluit WVO 2020 art. 2.12 a 1°']
        >>> [t.artikel for t in overtollig("vmbo-tl", {"0417": Vaksoort.ALGEMEEN, "0418": Vaksoort.ALGEMEEN})]
        ['Uitvoeringsbesluit WVO 2020 art. 3.4 lid 2']
    """
    if schoolsoort in ("havo", "vwo"):
        return tuple(_hv_overtollig(_pakket(codes), schoolsoort, vakken))
    if schoolsoort == "vmbo-tl":
        return tuple(_tl_overtollig(_pakket(codes), vakken))
    return ()
