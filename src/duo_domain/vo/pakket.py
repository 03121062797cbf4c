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

The subjects are recognised by the vakcodes of the shipped vakcodetabel
([`duo_domain.vo.codes`][duo_domain.vo.codes]); the praktijkgerichte vakken by their
role [`Vaksoort.PRAKTIJKGERICHT_VMBO`][duo_domain.vo.codes.Vaksoort] in the table passed. A
profielkeuzevak the shipped table has no code for (bedrijfseconomie, the maritiem
en techniek profielvak) cannot be recognised: pass ``pakket=False`` to
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

from duo_domain._sources import UB_WVO
from duo_domain.vo.codes import Vaksoort

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

UB = UB_WVO

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


def _s(*codes: str) -> _Slot:
    return frozenset(codes)


# --- havo / vwo ---------------------------------------------------------------------------------

_MVT_HV = _s("1003", "1004", "1005", "1006", "1007", "1008", "1009", "1017")
_CHINEES = _s("1052")
_KLASSIEK = _s("1010", "1011", "1050", "1051")
_KUNST = _s("1030", "1031", "1032", "1033", "0260", "0270", "1036", "1037")
_WIS_AB = _s("1024", "1025")

_HAVO_GEM = (_s("1001"), _s("1002"), _s("1019"), _s("1020"), _s("0353"))
_ATHENEUM_GEM = (_s("1001"), _s("1002"), _MVT_HV | _CHINEES, _s("1019"), _s("1020"), _s("0353"))
_ATHENEUM_GEM_KLASSIEK = (_s("1001"), _s("1002"), _MVT_HV | _CHINEES, _s("1019"), _s("0353"))
_GYMNASIUM_GEM = (_s("1001"), _s("1002"), _KLASSIEK, _s("1019"), _s("0353"))

#: Profieldeel per profile: art. 2.6 (vwo) and 2.11 (havo), one slot per subject the article names.
_VWO_PROFIEL: Mapping[str, tuple[_Slot, ...]] = {
    "NT": (_s("1025"), _s("1023"), _s("1028"), _s("1035", "0161", "1018", "1027")),
    "NG": (_WIS_AB, _s("1018"), _s("1028"), _s("1035", "0131", "1023")),
    "EM": (_WIS_AB, _s("1022"), _s("1021"), _s("0131", "1034") | _MVT_HV | _CHINEES),
    "CM": (
        _WIS_AB | _s("1026"),
        _s("1021"),
        _KUNST | _s("0311") | _MVT_HV | _CHINEES | _KLASSIEK,
        _s("0131", "1034", "1022"),
    ),
}
_HAVO_PROFIEL: Mapping[str, tuple[_Slot, ...]] = {
    "NT": (_s("1025"), _s("1023"), _s("1028"), _s("1035", "0161", "1018", "1027")),
    "NG": (_WIS_AB, _s("1018"), _s("1028"), _s("1035", "0131", "1023")),
    "EM": (_WIS_AB, _s("1022"), _s("1021"), _s("0131", "1034") | _MVT_HV),
    "CM": (_s("1021"), _MVT_HV, _KUNST | _s("0311") | _MVT_HV, _s("0131", "1034", "1022")),
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
#: kunst (algemeen) has 120 (havo) / 200 (vwo) hours, below the 320 / 440 hours of a vrije-deel vak
#: (art. 3.1-3.3 lid 1 c).
_TE_KLEIN = _s("1029")

# --- vmbo ------------------------------------------------------------------------------------------

_VMBO_GEM = (_s("0011"), _s("0071"), _s("0322"), _s("0353"), _s("0416"))
_TECHNIEK = (_s("0153"), _s("0173"))
_ZW = (_s("0191"), _s("0153", "0323", "0125", "0131"))
_EO = (_s("0233"), _s("0153", "0053", "0063"))
_GROEN = (_s("0153"), _s("0191", "0173"))
_DP_KEUZE = _s("0153", "0233", "0191", "0173")

#: Per profile digit of a vmbo elementcode: the profielvak (art. 2.21 lid 1) and the algemene vakken of the
#: profieldeel (art. 2.21 lid 2, 2.25 lid 2). The law names no algemene vakken for maritiem en techniek,
#: and the shipped table has no code for its profielvak.
_VMBO_PROFIEL: Mapping[str, tuple[str | None, tuple[_Slot, ...]]] = {
    "0": ("1200", _TECHNIEK),
    "1": ("1300", _TECHNIEK),
    "2": ("1400", _TECHNIEK),
    "3": ("1500", _TECHNIEK),
    "4": ("1700", _EO),
    "5": ("1800", _EO),
    "6": ("1600", _ZW),
    "7": ("2000", _GROEN),
    "8": (None, ()),
    "9": ("1900", (_DP_KEUZE, _DP_KEUZE)),
}
#: The profieldeel of the theoretische leerweg (art. 2.16): techniek, zorg en welzijn, economie, groen.
_TL_PROFIEL = (_TECHNIEK, _ZW, _EO, _GROEN)
#: vmbo modern foreign languages (art. 3.4 lid 1 c: two non-language subjects in profieldeel and vrije deel).
_MVT_VMBO = _s("0053", "0063", "0081", "0101", "0111")
#: Subjects of art. 2.17 lid 1 b / 2.26 c: nask II, Spaans, Turks, Arabisch, kunstvakken II, Fries, LO 2.
_VRIJ_VMBO = _s(
    "0174", "0081", "0101", "0111", "0413", "0414", "0415", "0417", "0418", "0419", "0420", "0421", "0422",
    "1017", "0352",
)  # fmt: skip
_PROFIEL_ALGEMEEN_VMBO = _s("0153", "0173", "0191", "0233", "0323", "0125", "0131", "0053", "0063")
#: Kunstvakken II of the vrije deel (art. 2.17 lid 1 b): beeldende vorming, and muziek, dans, drama. Two
#: kunstvakken in the tl vrije deel are one of each group (art. 3.4 lid 2).
_KUNST_BEELDEND = _s("0417", "0418", "0419", "0420", "0421", "0422")
_KUNST_PODIUM = _s("0413", "0414", "0415")

#: vwo/havo vakcode -> the corresponding vmbo vakcode, for a vmbo subject taken at the havo or vwo level
#: (art. 2.18, 2.23, 2.27; art. 3.4 lid 3, 3.5 lid 2, 3.6 lid 2, 3.7 lid 2): the subjects of the same name in
#: the vakcodetabel (Regeling codetabellen bijlage III); natuurkunde and scheikunde stand for natuur- en
#: scheikunde I and II. Within vmbo and between havo and vwo a subject has one vakcode for every level.
_VMBO_VAK_VAN_HV: Mapping[str, str] = {
    "1001": "0011",  # Nederlandse taal (en literatuur)
    "1002": "0071",  # Engelse taal (en literatuur)
    "1003": "0053",  # Franse taal
    "1004": "0063",  # Duitse taal
    "1005": "0081",  # Spaanse taal
    "1008": "0101",  # Turkse taal
    "1009": "0111",  # Arabische taal
    "1018": "0191",  # biologie
    "1019": "0322",  # maatschappijleer
    "1021": "0125",  # geschiedenis (en staatsinrichting)
    "1022": "0233",  # economie
    "1023": "0173",  # natuurkunde / natuur- en scheikunde I
    "1028": "0174",  # scheikunde / natuur- en scheikunde II
    "1024": "0153",  # wiskunde A / wiskunde
    "1025": "0153",  # wiskunde B / wiskunde
    "1026": "0153",  # wiskunde C / wiskunde
}


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


def _hv_gem(ss: str, gymnasium: bool | None, codes: frozenset[str]) -> tuple[tuple[_Slot, ...], str]:
    if ss == "havo":
        return _HAVO_GEM, f"{UB} art. 3.3 lid 1 a, 2.10"
    klassiek = bool(codes & _KLASSIEK)
    atheneum = _ATHENEUM_GEM_KLASSIEK if klassiek else _ATHENEUM_GEM  # art. 2.8 lid 3: no ckv
    if gymnasium is None:
        gymnasium = klassiek and not codes & (_MVT_HV | _CHINEES)
    if gymnasium:
        return _GYMNASIUM_GEM, f"{UB} art. 3.2 lid 1 a, 2.5 lid 2"
    return atheneum, f"{UB} art. 3.1 lid 1 a, 2.5 lid 1"


def _hv_profiel(
    ss: str, profielen: tuple[str, ...], codes: frozenset[str], gem_used: set[str], vrij: frozenset[str]
) -> list[Tekort]:
    tabel = _HAVO_PROFIEL if ss == "havo" else _VWO_PROFIEL
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


def _havo_vwo(ss: str, elementcode: str | None, codes: frozenset[str], vrij: frozenset[str]) -> list[Tekort]:
    gymnasium: bool | None = None
    profielen: list[tuple[str, ...]] = [(p,) for p in ("NT", "NG", "EM", "CM")]
    if elementcode and len(elementcode) == 4 and elementcode[3] in _HV_PROFIELEN:
        prefix = {"havo": ("03",), "vwo": ("01", "02")}[ss]
        if elementcode[:2] in prefix:
            profielen = [_HV_PROFIELEN[elementcode[3]]]
            gymnasium = None if ss == "havo" else elementcode[:2] == "02"
    gem, gem_art = _hv_gem(ss, gymnasium, codes)
    leeg, gem_used = _match(gem, codes)
    gem_tekort = _ontbreekt("gemeenschappelijk deel", gem_art, gem, leeg)
    best = min((_hv_profiel(ss, p, codes, gem_used, vrij) for p in profielen), key=len)
    return gem_tekort + best


def _vmbo_profielen(elementcode: str | None, codes: frozenset[str]) -> list[str]:
    if elementcode and len(elementcode) == 4 and elementcode[0] in "67" and elementcode[1] in _VMBO_PROFIEL:
        return [elementcode[1]]
    by_vak = [p for p, (vak, _) in _VMBO_PROFIEL.items() if vak is not None and vak in codes]
    return by_vak or [p for p, (vak, _) in _VMBO_PROFIEL.items() if vak is not None]


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
    ss: str, elementcode: str | None, codes: frozenset[str], soorten: Mapping[str, Vaksoort], praktijk: bool
) -> list[Tekort]:
    art_gem, art_p = {
        "vmbo-bb": ("3.5 lid 1 a, 2.20", "3.5 lid 1 b, 2.21 lid 2"),
        "vmbo-kb": ("3.6 lid 1 a, 2.20", "3.6 lid 1 b, 2.21 lid 2"),
        "vmbo-gl": ("3.7 lid 1 a, 2.24", "3.7 lid 1 b, 2.25 lid 2"),
    }[ss]
    leeg, used = _match(_VMBO_GEM, codes)
    gem = _ontbreekt("gemeenschappelijk deel", f"{UB} art. {art_gem}", _VMBO_GEM, leeg)
    pogingen = []
    for p in _vmbo_profielen(elementcode, codes):
        vak, slots = _VMBO_PROFIEL[p]
        leeg_p, used_p = _match(slots, codes - used)
        out = _ontbreekt("profieldeel", f"{UB} art. {art_p}", slots, leeg_p)
        if ss == "vmbo-gl" and not ((_PROFIEL_ALGEMEEN_VMBO | _VRIJ_VMBO) & codes) - used - used_p:
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


def _vmbo_tl(codes: frozenset[str], soorten: Mapping[str, Vaksoort]) -> list[Tekort]:
    leeg, used = _match(_VMBO_GEM, codes)
    gem = _ontbreekt("gemeenschappelijk deel", f"{UB} art. 3.4 lid 1 a, 2.15", _VMBO_GEM, leeg)
    praktijk = sorted(c for c, s in soorten.items() if s is Vaksoort.PRAKTIJKGERICHT_VMBO)
    pogingen = []
    for slots in _TL_PROFIEL:
        leeg_p, used_p = _match(slots, codes - used)
        out = _ontbreekt("profieldeel", f"{UB} art. 3.4 lid 1 b, 2.16", slots, leeg_p)
        pool = _tl_kunst(sorted(((_PROFIEL_ALGEMEEN_VMBO | _VRIJ_VMBO) & codes) - used - used_p))
        vrij = pool + praktijk[:1]  # art. 3.4 lid 1 c: at most one praktijkgericht vak
        if len(vrij) < 2:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. 3.4 lid 1 c, 2.17",
                    f"vrije deel: two subjects needed, {len(vrij)} present",
                )
            )
        elif sum(1 for c in [*used_p, *vrij] if c not in _MVT_VMBO) < 2:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. 3.4 lid 1 c",
                    "profieldeel and vrije deel need two subjects that are no modern foreign language",
                )
            )
        pogingen.append(out)
    return gem + min(pogingen, key=len)


def _tl_kunst(pool: list[str]) -> list[str]:
    """The vrije-deel pool with at most one kunstvak of each group (art. 3.4 lid 2)."""
    beeldend = [c for c in pool if c in _KUNST_BEELDEND]
    podium = [c for c in pool if c in _KUNST_PODIUM]
    return [c for c in pool if c not in _KUNST_BEELDEND | _KUNST_PODIUM] + beeldend[:1] + podium[:1]


def _leerwerktraject(codes: frozenset[str], soorten: Mapping[str, Vaksoort]) -> list[Tekort]:
    out: list[Tekort] = []
    art = f"{UB} art. 3.5 lid 4"
    if "0011" not in codes:
        out.append(Tekort("gemeenschappelijk deel", art, "Nederlandse taal (0011) is missing"))
    if not any(s is Vaksoort.PROFIELVAK for s in soorten.values()):
        out.append(
            Tekort("beroepsgericht programma", art, "beroepsgericht programma: the profielvak is missing")
        )
    if not any(s is Vaksoort.KEUZEVAK for s in soorten.values()):
        out.append(Tekort("beroepsgericht programma", art, "beroepsgericht programma: no keuzevak"))
    return out


@functools.lru_cache(maxsize=4096)
def _tekorten(
    ss: str,
    elementcode: str | None,
    vakken: frozenset[tuple[str, Vaksoort]],
    praktijk: bool,
    leerwerktraject: bool,
) -> tuple[Tekort, ...]:
    codes = frozenset(c for c, _ in vakken)
    soorten = dict(vakken)
    if ss in ("havo", "vwo"):
        vrij = frozenset(c for c, s in vakken if s not in _GEEN_VRIJ_VAK and c not in _TE_KLEIN)
        return tuple(_havo_vwo(ss, elementcode, codes, vrij))
    if ss == "vmbo-tl":
        return tuple(_vmbo_tl(codes, soorten))
    if leerwerktraject:
        return tuple(_leerwerktraject(codes, soorten))
    return tuple(_vmbo_bkg(ss, elementcode, codes, soorten, praktijk))


def tekorten(
    schoolsoort: str,
    elementcode: str | None,
    vakcodes: Iterable[str] | Mapping[str, Vaksoort],
    *,
    praktijkgericht_vak: bool = True,
    leerwerktraject: bool = False,
) -> tuple[Tekort, ...]:
    """Every part the exam lacks, in the order of the law; empty when the subjects form an eindexamen.

    Args:
        schoolsoort: ``vwo``, ``havo``, ``vmbo-bb``, ``vmbo-kb``, ``vmbo-gl`` or ``vmbo-tl``.
        elementcode: The candidate's elementcode (profile / leerweg), or ``None``.
        vakcodes: The vakcodes of the exam, or vakcode → [`Vaksoort`][duo_domain.vo.codes.Vaksoort]
            (needed for vmbo keuzevakken and praktijkgerichte vakken; plain codes
            get ``algemeen``, or the role of the profielvak and keuzevak codes ``1200``-``2017``).
        praktijkgericht_vak: Whether a vmbo-gl praktijkgericht vak may take the
            profielvak's place (art. 3.7 lid 1a, from examenjaar 2025).
        leerwerktraject: vmbo-bb: judge the package of a leer-werktraject (art. 3.5 lid 4).

    Examples:
        >>> tekorten("vmbo-kb", "6021", {"0011": Vaksoort.NEDERLANDS})[0].toelichting
        'gemeenschappelijk deel: 0071 is missing'
    """
    if isinstance(vakcodes, Mapping):
        paren = frozenset(vakcodes.items())
    else:
        paren = frozenset((c, _raad_soort(c)) for c in vakcodes)
    return _tekorten(schoolsoort, elementcode, paren, praktijkgericht_vak, leerwerktraject)


def _raad_soort(code: str) -> Vaksoort:
    if len(code) == 4 and code.isdigit() and 1200 <= int(code) <= 2099:
        return Vaksoort.PROFIELVAK if code.endswith("00") else Vaksoort.KEUZEVAK
    return Vaksoort.ALGEMEEN


def eigen_vakcode(vakcode: str, schoolsoort: str, programma: str | None) -> str:
    """The vakcode of the candidate's own level for a subject taken at a higher level (art. 3.9, 3.37).

    A vmbo candidate may take a subject at the havo or vwo level in place of the vmbo subject (art. 2.18,
    2.23, 2.27; art. 3.4 lid 3, 3.5 lid 2, 3.6 lid 2, 3.7 lid 2); that subject then fills the vmbo
    subject's place in the package. havo and vwo share their vakcodes, as do the vmbo leerwegen, so
    only a havo/vwo code in a vmbo exam changes; any other code is returned as it is.

    Args:
        vakcode: The vakcode as sent (of the higher level).
        schoolsoort: The school type or leerweg of enrolment (``vmbo-tl``, ``havo`` ...).
        programma: The level the subject was taken at (``havo``, ``vwo`` ...), or ``None``.

    Examples:
        >>> eigen_vakcode("1002", "vmbo-tl", "havo")  # Engels at havo level: Engelse taal
        '0071'
        >>> eigen_vakcode("1025", "havo", "vwo"), eigen_vakcode("1002", "vmbo-tl", None)
        ('1025', '1002')
    """
    if programma in ("havo", "vwo") and schoolsoort.startswith("vmbo"):
        return _VMBO_VAK_VAN_HV.get(vakcode, vakcode)
    return vakcode


#: Art. 2.7 a 2° and 2.12 a 2°: kunst (beeldende vormgeving) not with tekenen, handvaardigheid or textiele
#: vormgeving; kunst (muziek) not with muziek.
_KUNST_NIET_SAMEN = (("1030", _s("0270", "1036", "1037")), ("1031", _s("0260")))
#: Art. 2.7 a 3° and 2.12 a 3°: one of tekenen, handvaardigheid and textiele vormgeving.
_EEN_VAN = _s("0270", "1036", "1037")
#: Art. 2.7 b and 2.12 b: a language "(elementair)" -> the full language it may not join in the profile.
_ELEMENTAIR = {"1012": "1005", "1013": "1006", "1014": "1007", "1015": "1008", "1016": "1009", "1071": "1052"}


def _hv_overtollig(schoolsoort: str, vakken: Mapping[str, Vaksoort]) -> list[Tekort]:
    havo = schoolsoort == "havo"
    art = "2.12" if havo else "2.7"
    lid = f"{art} a"
    out: list[Tekort] = []
    if "1027" in vakken and "1025" not in vakken:
        out.append(Tekort("vrije deel", f"{UB} art. {lid} 1°", "wiskunde D (1027) needs wiskunde B (1025)"))
    if not havo and "1024" in vakken and "1026" in vakken:
        out.append(
            Tekort(
                "vrije deel",
                f"{UB} art. {lid} 1°",
                "wiskunde A (1024) and wiskunde C (1026) cannot be combined (A with B, or B with C)",
            )
        )
    for kunst, niet in _KUNST_NIET_SAMEN:
        if kunst in vakken and niet & vakken.keys():
            samen = ", ".join(sorted(niet & vakken.keys()))
            out.append(
                Tekort("vrije deel", f"{UB} art. {lid} 2°", f"{kunst} cannot be combined with {samen}")
            )
    for elementair, taal in _ELEMENTAIR.items():
        if elementair in vakken and taal in vakken:
            out.append(
                Tekort(
                    "vrije deel",
                    f"{UB} art. {art} b",
                    f"{elementair} (elementair) cannot join {taal}, the same language in the profile",
                )
            )
    een_van = sorted(_EEN_VAN & vakken.keys())
    if len(een_van) > 1:
        out.append(
            Tekort(
                "vrije deel",
                f"{UB} art. {lid} 3°",
                f"one of tekenen, handvaardigheid and textiele vormgeving: {', '.join(een_van)}",
            )
        )
    return out


def _tl_overtollig(vakken: Mapping[str, Vaksoort]) -> list[Tekort]:
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
    for groep, naam in ((_KUNST_BEELDEND, "beeldende vorming"), (_KUNST_PODIUM, "muziek, dans or drama")):
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


def overtollig(schoolsoort: str, vakken: Mapping[str, Vaksoort]) -> tuple[Tekort, ...]:
    """Parts the law does not allow in the exam (``BRON.PAKKET.OVERTOLLIG``).

    * havo/vwo (art. 2.7 a, 2.12 a): wiskunde D (1027) without wiskunde B (1025); in vwo wiskunde A
      with wiskunde C (only A with B or B with C, 1°); kunst (beeldende vormgeving) with tekenen,
      handvaardigheid or textiele vormgeving, kunst (muziek) with muziek (2°); more than one of
      tekenen, handvaardigheid and textiele vormgeving (3°); a language "(elementair)" next to the
      same language (b);
    * vmbo-tl: a second praktijkgericht vak (art. 3.4 lid 1 c and lid 4 a); two kunstvakken of the
      same group (art. 3.4 lid 2: one of beeldende vorming, one of muziek, dans and drama).

    Examples:
        >>> [t.artikel for t in overtollig("havo", {"1027": Vaksoort.ALGEMEEN})]
        ['Uitvoeringsbesluit WVO 2020 art. 2.12 a 1°']
        >>> [t.artikel for t in overtollig("vmbo-tl", {"0417": Vaksoort.ALGEMEEN, "0418": Vaksoort.ALGEMEEN})]
        ['Uitvoeringsbesluit WVO 2020 art. 3.4 lid 2']
    """
    if schoolsoort in ("havo", "vwo"):
        return tuple(_hv_overtollig(schoolsoort, vakken))
    if schoolsoort == "vmbo-tl":
        return tuple(_tl_overtollig(vakken))
    return ()
