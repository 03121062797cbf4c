"""VO code tables as data: vakcodes and elementcodes, each subject's role in the uitslag.

The library ships the public tables of the *Regeling codetabellen school- en
studiejaar 2015–2016* (BWBR0036964, bijlage I and III), limited to the codes
of the current examination programmes (the "nieuw" and "blijvend" havo/vwo
codes, the vmbo general subjects and the beroepsgerichte profielvakken and
keuzevakken). Every subject carries its [`Vaksoort`][duo_domain.vo.codes.Vaksoort]: the role it plays
in the slaag-zakregeling (Uitvoeringsbesluit WVO 2020, BWBR0045787,
art. 3.13, 3.34 and 3.35).

These are still the 2015–2016 tables: the vakcodetabel of the later *Regeling
codetabellen* and of its successor since 2023, the *Regeling codetabellen vo, vso en
mbo* (BWBR0048579), could not be obtained as text, so the shipped table has no code
for bedrijfseconomie or the praktijkgerichte vakken. A code in no row of the table
makes a cijferlijst unjudgeable; a code the table has for another school type is
judged as a regular subject.

The tables are the code tables ``vakcodes`` and ``elementcodes`` of
[`duo_domain.codes`][duo_domain.codes], read lazily on first use; each vakcode carries the
kenmerken ``schoolsoorten`` and ``soort``, each elementcode ``schoolsoort``. A
vendor with a newer table passes the text of its file to
[`load_vakcodetabel`][duo_domain.vo.codes.load_vakcodetabel] /
[`load_elementcodetabel`][duo_domain.vo.codes.load_elementcodetabel] (or a code table to
[`vakcodetabel_uit`][duo_domain.vo.codes.vakcodetabel_uit] /
[`elementcodetabel_uit`][duo_domain.vo.codes.elementcodetabel_uit]) to inspect it, and passes the
table itself in a [`Codetabellen`][duo_domain.codes.Codetabellen] bundle as ``codes=`` to every function
that reads it ([`vakcodetabel`][duo_domain.vo.codes.vakcodetabel] ``(codes)`` is the table such a
function reads).

Examples:
    >>> from duo_domain.vo.codes import Vaksoort, vakcodetabel
    >>> tabel = vakcodetabel()
    >>> tabel.bron
    'Regeling codetabellen school- en studiejaar 2015-2016 (BWBR0036964), bijlage III'
    >>> tabel.soort("1001", "havo") is Vaksoort.NEDERLANDS
    True
    >>> tabel.soort("1700", "vmbo-gl"), tabel.soort("1701", "vmbo-gl")
    (<Vaksoort.PROFIELVAK: 'profielvak'>, <Vaksoort.KEUZEVAK: 'keuzevak'>)
    >>> tabel.soort("1001", "vmbo-tl") is None  # not a vmbo subject
    True
    >>> tabel.zoek("1700").omschrijving  # known, for another school type
    'Economie en ondernemen'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping

import attrs

from duo_domain.codes import Codetabellen, Waardenlijst, loads, waardenlijst
from duo_domain.errors import DocumentProblem, InvalidDocument

__all__ = [
    "Elementcode",
    "ElementcodeTabel",
    "Vak",
    "VakcodeTabel",
    "Vaksoort",
    "elementcodetabel",
    "elementcodetabel_uit",
    "load_elementcodetabel",
    "load_vakcodetabel",
    "vakcodetabel",
    "vakcodetabel_uit",
]

SCHOOLSOORTEN: tuple[str, ...] = ("vwo", "havo", "vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl")


class Vaksoort(enum.Enum):
    """The role of a subject in the uitslag (Uitvoeringsbesluit WVO 2020, art. 3.34 and 3.35)."""

    ALGEMEEN = "algemeen"
    """An examination subject with a grade and no special role."""
    NEDERLANDS = "nederlands"
    """havo/vwo: kernvak (art. 3.34 lid 1 b); vmbo: Nederlandse taal (art. 3.35 lid 1 b)."""
    ENGELS = "engels"
    """havo/vwo kernvak Engelse taal en literatuur (art. 3.34 lid 1 b)."""
    WISKUNDE = "wiskunde"
    """havo/vwo kernvak wiskunde A, B or C (art. 3.34 lid 1 b)."""
    LO = "lo"
    """Lichamelijke opvoeding: judged goed/voldoende/onvoldoende (art. 3.13 lid 3)."""
    KUNSTVAKKEN = "kunstvakken"
    """vmbo kunstvakken inclusief ckv: judged goed/voldoende/onvoldoende (art. 3.13 lid 3)."""
    COMBINATIE = "combinatie"
    """havo/vwo compulsory combinatiecijfer component: maatschappijleer, ckv (art. 3.34 lid 2)."""
    LITERATUUR = "literatuur"
    """Optional combinatiecijfer component (art. 3.34 lid 2 a)."""
    ANW = "anw"
    """Optional combinatiecijfer component (art. 3.34 lid 2 b)."""
    PRAKTIJKGERICHT_HAVO = "praktijkgericht_havo"
    """havo praktijkgericht vak technologie/maatschappij: optional component (3.34 lid 2 c, 2026-08-01)."""
    LEVENSBESCHOUWING = "levensbeschouwing"
    """Godsdienst or levensbeschouwelijk vormingsonderwijs: optional component (3.34 lid 2 c, later d)."""
    PROFIELVAK = "profielvak"
    """vmbo beroepsgericht profielvak (art. 3.35 lid 3 and 4)."""
    PRAKTIJKGERICHT_VMBO = "praktijkgericht_vmbo"
    """vmbo-gl praktijkgericht vak in place of the profielvak, from 2024-08-01 (3.7 lid 1a, 3.35 lid 4)."""
    KEUZEVAK = "keuzevak"
    """vmbo beroepsgericht keuzevak (art. 3.35 lid 3 and 4)."""
    GEEN_UITSLAG = "geen_uitslag"
    """Registered but not part of the uitslag (rekentoets, maatschappelijke stage)."""

    #: A member is its own identity (equality is identity): hashed by it, at C speed, instead of by
    #: ``Enum.__hash__`` in Python (the uitslag keys sets and caches on roles).
    __hash__ = object.__hash__

    @property
    def is_kernvak(self) -> bool:
        """True for the havo/vwo kernvakken of art. 3.34 lid 1 b."""
        return self in (Vaksoort.NEDERLANDS, Vaksoort.ENGELS, Vaksoort.WISKUNDE)

    @property
    def is_beoordeling(self) -> bool:
        """True for subjects judged goed/voldoende/onvoldoende instead of a grade (art. 3.13 lid 3)."""
        return self in (Vaksoort.LO, Vaksoort.KUNSTVAKKEN)


@attrs.frozen
class Vak:
    """One row of the vakcodetabel.

    Attributes:
        vakcode: The 4-digit vakcode.
        schoolsoorten: The school types the code is valid for.
        soort: The subject's role in the uitslag.
        omschrijving: The legal subject name.
        gemeenschappelijk: The subject belongs to the gemeenschappelijk deel of every vmbo
            exam (kenmerk ``deel`` is ``gemeenschappelijk``; Uitvoeringsbesluit WVO 2020
            art. 2.15, 2.20, 2.24).
    """

    vakcode: str
    schoolsoorten: frozenset[str]
    soort: Vaksoort
    omschrijving: str
    gemeenschappelijk: bool = False


@attrs.frozen
class Elementcode:
    """One row of the elementcodetabel (exam-year codes only).

    Attributes:
        elementcode: The 4-digit elementcode.
        schoolsoort: The school type (``vwo``, ``havo``, ``vmbo-bb``, ...).
        omschrijving: Profile / leerweg description.
    """

    elementcode: str
    schoolsoort: str
    omschrijving: str


def _beoordelingswijze(soort: Vaksoort, schoolsoort: str) -> int:
    if soort is Vaksoort.GEEN_UITSLAG:
        return 2
    if soort is Vaksoort.LO or (soort is Vaksoort.KUNSTVAKKEN and schoolsoort.startswith("vmbo")):
        return 1
    return 0


@attrs.frozen
class VakcodeTabel:
    """A vakcodetabel: vakcode → [`Vak`][duo_domain.vo.codes.Vak], with its source and school year.

    Attributes:
        bron: Where the table comes from.
        schooljaar: The school year the table was published for.
        vakken: The rows.
    """

    bron: str
    schooljaar: str
    vakken: tuple[Vak, ...]
    _index: Mapping[tuple[str, str], Vak] = attrs.field(init=False, repr=False, eq=False)
    _rollen: Mapping[str, Mapping[str, tuple[Vaksoort, int]]] = attrs.field(init=False, repr=False, eq=False)
    _per_code: Mapping[str, Vak] = attrs.field(init=False, repr=False, eq=False)
    _gemeenschappelijk: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str, str], Vak] = {}
        per_code: dict[str, Vak] = {}
        rollen: dict[str, dict[str, tuple[Vaksoort, int]]] = {ss: {} for ss in SCHOOLSOORTEN}
        for vak in self.vakken:
            for ss in vak.schoolsoorten:
                if (vak.vakcode, ss) in index:
                    raise ValueError(f"vakcode {vak.vakcode} appears twice for {ss}")
                index[(vak.vakcode, ss)] = vak
                rollen[ss][vak.vakcode] = (vak.soort, _beoordelingswijze(vak.soort, ss))
            per_code.setdefault(vak.vakcode, vak)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_per_code", per_code)
        object.__setattr__(self, "_rollen", rollen)
        object.__setattr__(
            self, "_gemeenschappelijk", frozenset(v.vakcode for v in self.vakken if v.gemeenschappelijk)
        )

    @property
    def gemeenschappelijk(self) -> frozenset[str]:
        """The vakcodes of the gemeenschappelijk deel of every vmbo exam (kenmerk ``deel``).

        Examples:
            >>> sorted(vakcodetabel().gemeenschappelijk)
            ['0011', '0071', '0322', '0353', '0416']
        """
        return self._gemeenschappelijk

    def rollen(self, schoolsoort: str) -> Mapping[str, tuple[Vaksoort, int]]:
        """Vakcode → (soort, how it is judged) for one school type, precomputed.

        How it is judged: ``0`` a grade, ``1`` goed/voldoende/onvoldoende
        (art. 3.13 lid 3), ``2`` not part of the uitslag.
        """
        return self._rollen.get(schoolsoort, {})

    def get(self, vakcode: str, schoolsoort: str) -> Vak | None:
        """The row for ``vakcode`` in ``schoolsoort``, or ``None`` when the table lacks it."""
        return self._index.get((vakcode, schoolsoort))

    def soort(self, vakcode: str, schoolsoort: str) -> Vaksoort | None:
        """The subject's role, or ``None`` when the code is unknown for that school type."""
        vak = self._index.get((vakcode, schoolsoort))
        return None if vak is None else vak.soort

    def zoek(self, vakcode: str) -> Vak | None:
        """The first row for ``vakcode`` whatever its school types, or ``None`` when no row has it.

        Use it to tell a code that exists for another school type from a code
        that exists nowhere in the table.
        """
        return self._per_code.get(vakcode)

    def index(self) -> Mapping[tuple[str, str], Vak]:
        """The lookup ``(vakcode, schoolsoort) → Vak`` (read-only use)."""
        return self._index

    def __contains__(self, vakcode: object) -> bool:
        return vakcode in self._per_code

    def __len__(self) -> int:
        return len(self.vakken)


@attrs.frozen
class ElementcodeTabel:
    """An elementcodetabel for examination years: elementcode → `Elementcode`.

    Attributes:
        bron: Where the table comes from.
        schooljaar: The school year the table was published for.
        codes: The rows.
    """

    bron: str
    schooljaar: str
    codes: tuple[Elementcode, ...]
    _index: Mapping[str, Elementcode] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.elementcode: c for c in self.codes})

    def get(self, elementcode: str) -> Elementcode | None:
        """The row for ``elementcode``, or ``None``."""
        return self._index.get(elementcode)

    def __len__(self) -> int:
        return len(self.codes)


def _schoolsoorten(text: str, path: str, problems: list[DocumentProblem]) -> frozenset[str]:
    soorten = frozenset(text.split())
    unknown = sorted(soorten.difference(SCHOOLSOORTEN))
    if unknown or not soorten:
        problems.append(DocumentProblem(path, f"unknown schoolsoort {' '.join(unknown) or '(none)'}"))
    return soorten


def vakcodetabel_uit(lijst: Waardenlijst) -> VakcodeTabel:
    """The vakcodetabel read from a code table whose values carry ``schoolsoorten`` and ``soort``.

    ``schoolsoorten`` lists school types, space-separated (``vwo havo vmbo-bb
    vmbo-kb vmbo-gl vmbo-tl``); ``soort`` is a [`Vaksoort`][duo_domain.vo.codes.Vaksoort] value; the
    optional ``deel`` is ``gemeenschappelijk`` for a subject of the gemeenschappelijk deel of
    every vmbo exam. The table's ``versie`` is its school year.

    Raises:
        InvalidDocument: on a missing kenmerk, an unknown soort or schoolsoort,
            or a vakcode that is not 4 digits, with the path of each.
    """
    lijst.vereis_kenmerken("schoolsoorten", "soort")
    problems: list[DocumentProblem] = []
    vakken = []
    for i, v in enumerate(lijst.waarden):
        path = f"$.waarden[{i}]"
        if len(v.code) != 4 or not v.code.isdigit():
            problems.append(DocumentProblem(f"{path}.code", "a vakcode is 4 digits"))
        soorten = _schoolsoorten(v.kenmerken["schoolsoorten"], f"{path}.kenmerken.schoolsoorten", problems)
        try:
            soort = Vaksoort(v.kenmerken["soort"])
        except ValueError:
            problems.append(DocumentProblem(f"{path}.kenmerken.soort", "not a soort of vak"))
            continue
        deel = v.kenmerken.get("deel")
        if deel not in (None, "gemeenschappelijk"):
            problems.append(DocumentProblem(f"{path}.kenmerken.deel", "deel is gemeenschappelijk or absent"))
        vakken.append(
            Vak(v.code, soorten, soort, v.omschrijving, gemeenschappelijk=deel == "gemeenschappelijk")
        )
    if problems:
        raise InvalidDocument(problems, document="code table")
    return VakcodeTabel(lijst.bron, lijst.versie, tuple(vakken))


def elementcodetabel_uit(lijst: Waardenlijst) -> ElementcodeTabel:
    """The elementcodetabel read from a code table whose values carry ``schoolsoort``.

    Raises:
        InvalidDocument: on a missing kenmerk or an unknown schoolsoort.
    """
    lijst.vereis_kenmerken("schoolsoort")
    problems: list[DocumentProblem] = []
    codes = []
    for i, v in enumerate(lijst.waarden):
        ss = v.kenmerken["schoolsoort"]
        if ss not in SCHOOLSOORTEN:
            problems.append(DocumentProblem(f"$.waarden[{i}].kenmerken.schoolsoort", "unknown schoolsoort"))
        codes.append(Elementcode(v.code, ss, v.omschrijving))
    if problems:
        raise InvalidDocument(problems, document="code table")
    return ElementcodeTabel(lijst.bron, lijst.versie, tuple(codes))


def load_vakcodetabel(text: str | bytes) -> VakcodeTabel:
    """A vendor's vakcodetabel from the text of its code-table file.

    The file has the format of every code table
    ([`duo_domain.codes.loads`][duo_domain.codes.loads]), with the kenmerken of
    [`vakcodetabel_uit`][duo_domain.vo.codes.vakcodetabel_uit].

    Raises:
        InvalidDocument: when the text is not such a table.

    Examples:
        >>> from duo_domain.codes import CodeValue, dumps, waardenlijst
        >>> nieuw = waardenlijst("vakcodes").met(CodeValue(
        ...     "9001", "technologie", kenmerken={"schoolsoorten": "havo", "soort": "praktijkgericht_havo"}))
        >>> t = load_vakcodetabel(dumps(nieuw))
        >>> t.schooljaar, t.soort("9001", "havo")
        ('2015-2016', <Vaksoort.PRAKTIJKGERICHT_HAVO: 'praktijkgericht_havo'>)
    """
    return vakcodetabel_uit(loads(text))


def load_elementcodetabel(text: str | bytes) -> ElementcodeTabel:
    """A vendor's elementcodetabel from the text of its code-table file (kenmerk ``schoolsoort``).

    Raises:
        InvalidDocument: when the text is not such a table.
    """
    return elementcodetabel_uit(loads(text))


@functools.cache
def _shipped_vakcodes() -> VakcodeTabel:
    return vakcodetabel_uit(waardenlijst("vakcodes"))


@functools.cache
def _shipped_elementcodes() -> ElementcodeTabel:
    return elementcodetabel_uit(waardenlijst("elementcodes"))


def _vakcodes(tabellen: Codetabellen) -> VakcodeTabel:
    return vakcodetabel_uit(tabellen.waardenlijst("vakcodes"))


def _elementcodes(tabellen: Codetabellen) -> ElementcodeTabel:
    return elementcodetabel_uit(tabellen.waardenlijst("elementcodes"))


def vakcodetabel(codes: Codetabellen | None = None) -> VakcodeTabel:
    """The vakcodetabel of ``codes`` (table ``vakcodes``), or the shipped one for ``None``.

    Read once per bundle (the shipped one once per process).

    Raises:
        InvalidDocument: when the bundle's ``vakcodes`` table lacks the kenmerken
            of [`vakcodetabel_uit`][duo_domain.vo.codes.vakcodetabel_uit].
        InvalidValue: when ``codes`` is not a [`Codetabellen`][duo_domain.codes.Codetabellen].

    Examples:
        >>> from duo_domain.codes import CodeValue, Codetabellen, waardenlijst
        >>> vakcodetabel() is vakcodetabel()
        True
        >>> nieuw = waardenlijst("vakcodes").met(CodeValue(
        ...     "9001", "technologie", kenmerken={"schoolsoorten": "havo", "soort": "praktijkgericht_havo"}))
        >>> vakcodetabel(Codetabellen(nieuw)).soort("9001", "havo")
        <Vaksoort.PRAKTIJKGERICHT_HAVO: 'praktijkgericht_havo'>
    """
    if codes is None:
        return _shipped_vakcodes()
    return Codetabellen.uit(codes).afgeleid("vo.vakcodes", _vakcodes)


def elementcodetabel(codes: Codetabellen | None = None) -> ElementcodeTabel:
    """The elementcodetabel of ``codes`` (table ``elementcodes``), or the shipped one for ``None``.

    Raises:
        InvalidDocument: when the bundle's ``elementcodes`` table lacks the kenmerk ``schoolsoort``.
        InvalidValue: when ``codes`` is not a [`Codetabellen`][duo_domain.codes.Codetabellen].

    Examples:
        >>> elementcodetabel().get("0372").schoolsoort
        'havo'
    """
    if codes is None:
        return _shipped_elementcodes()
    return Codetabellen.uit(codes).afgeleid("vo.elementcodes", _elementcodes)
