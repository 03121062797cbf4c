"""Reference data for what the library cannot see by itself: crebo hierarchy, RIO and SBB.

Some ROD rules depend on registers outside the student record:

* the **crebo hierarchy** (SBB's kwalificatiestructuur): a kwalificatie
  belongs to a kwalificatiedossier, a kwalificatiedossier may belong to an
  opleidingsdomein. An enrolment can be for any of the three (WEB,
  BWBR0007625, art. 8.1.1 lid 2), a diploma is for a kwalificatie;
* the **onderwijslocaties per onderwijsaanbieder** as registered in RIO;
* the **leerbedrijven** SBB has recognised (their leerbedrijf ids).

A vendor who has these registers passes them to validation as a
[`Referentiedata`][duo_domain.mbo.reference.Referentiedata], explicitly, for one call::

    validate(record, referentiedata=Referentiedata.loads(text))

Nothing is kept between calls. A rule that needs an entry that is not there
says what it could not check (rule ``ROD.REFERENTIEDATA.NIET_GECONTROLEERD``,
a signaal), never an afkeur.

The file format (JSON, UTF-8; every section optional)::

    {
      "bron": "free text: where the data came from and when",
      "crebo": [
        {"code": "23301", "soort": "kwalificatiedossier", "naam": "..."},
        {"code": "25348", "soort": "kwalificatie", "ouder": "23301", "naam": "..."}
      ],
      "onderwijslocaties": {"100A501": ["101X591", "101X592"]},
      "leerbedrijven": ["100018965", "100312093"]
    }

``soort`` is ``opleidingsdomein``, ``kwalificatiedossier`` or
``kwalificatie``; ``ouder`` names the code one level up (a kwalificatie's
dossier, a dossier's opleidingsdomein) and must itself be listed, at a higher
level. Codes are checked and written in their canonical form (crebo: five
digits; onderwijsaanbieder ``nnnAnnn``; onderwijslocatie ``nnnXnnn``;
leerbedrijf id nine digits). A section that is absent means "not supplied":
the rules that need it then say they could not check.

Examples:
    >>> ref = Referentiedata.loads('''{
    ...   "crebo": [{"code": "23301", "soort": "kwalificatiedossier"},
    ...             {"code": "25348", "soort": "kwalificatie", "ouder": "23301"}],
    ...   "onderwijslocaties": {"100A501": ["101X591"]}}''')
    >>> ref.valt_binnen("25348", "23301"), ref.valt_binnen("23301", "25348")
    (True, False)
    >>> ref.valt_binnen("25348", "99999") is None   # 99999 is not in the hierarchy: cannot tell
    True
    >>> ref.locatie_van_aanbieder("100A501", "101X591"), ref.locatie_van_aanbieder("100A501", "101X999")
    (True, False)
    >>> ref.leerbedrijf_bekend("100018965") is None   # no leerbedrijven section: unknown
    True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from duo_domain._json import parse_json
from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidIdentifier
from duo_domain.identity import crebo as _crebo
from duo_domain.identity import leerbedrijf as _leerbedrijf
from duo_domain.identity import onderwijsaanbieder as _aanbieder
from duo_domain.identity import onderwijslocatie as _locatie

__all__ = ["CreboCode", "CreboSoort", "Referentiedata", "voorbeeld"]

_DOCUMENT = "referentiedata"
_SECTIONS = frozenset({"bron", "crebo", "onderwijslocaties", "leerbedrijven"})
_CREBO_KEYS = frozenset({"code", "soort", "ouder", "naam"})


class CreboSoort(enum.Enum):
    """What a crebo code stands for (WEB art. 8.1.1 lid 2: the three things one can enrol for)."""

    OPLEIDINGSDOMEIN = "opleidingsdomein"
    KWALIFICATIEDOSSIER = "kwalificatiedossier"
    KWALIFICATIE = "kwalificatie"

    @property
    def rang(self) -> int:
        """0 for the broadest level (opleidingsdomein), 2 for a kwalificatie."""
        return _RANG[self]


_RANG = {CreboSoort.OPLEIDINGSDOMEIN: 0, CreboSoort.KWALIFICATIEDOSSIER: 1, CreboSoort.KWALIFICATIE: 2}


@attrs.frozen
class CreboCode:
    """One entry of the crebo hierarchy.

    Attributes:
        code: The crebo code (five digits).
        soort: Opleidingsdomein, kwalificatiedossier or kwalificatie.
        ouder: The code one level up, or ``None`` at the top.
        naam: The name, for messages; optional.
    """

    code: str
    soort: CreboSoort
    ouder: str | None = None
    naam: str | None = None


def _index(codes: tuple[CreboCode, ...] | None) -> dict[str, CreboCode]:
    return {c.code: c for c in codes} if codes else {}


@attrs.frozen
class Referentiedata:
    """The registers a vendor supplies for one validation call.

    Build it with [`loads`][duo_domain.mbo.reference.Referentiedata.loads] (JSON text) or
    [`from_dict`][duo_domain.mbo.reference.Referentiedata.from_dict]; each section
    is ``None`` when not supplied. Answers are ``True``/``False`` when the
    data settles the question and ``None`` when it does not (the section or
    the entry is missing).

    Attributes:
        crebo: The crebo hierarchy, or ``None``.
        onderwijslocaties: ``(onderwijsaanbieder, onderwijslocatie)`` pairs from RIO, or ``None``.
        leerbedrijven: SBB leerbedrijf ids, or ``None``.
        bron: Where the data came from (free text).
    """

    crebo: tuple[CreboCode, ...] | None = None
    onderwijslocaties: frozenset[tuple[str, str]] | None = None
    leerbedrijven: frozenset[str] | None = None
    bron: str | None = None
    _crebo_index: dict[str, CreboCode] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _aanbieders: frozenset[str] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_crebo_index", _index(self.crebo))
        pairs = self.onderwijslocaties or frozenset()
        object.__setattr__(self, "_aanbieders", frozenset(a for a, _ in pairs))

    # ------------------------------------------------------------------ questions

    def crebo_code(self, code: str) -> CreboCode | None:
        """The hierarchy entry of ``code``, or ``None`` when it is not in the data."""
        return self._crebo_index.get(code)

    def keten(self, code: str) -> tuple[str, ...] | None:
        """``code`` and every code above it (kwalificatie, dossier, domein), or ``None`` when unknown.

        Examples:
            >>> voorbeeld().keten("25348")
            ('25348', '23301')
        """
        entry = self._crebo_index.get(code)
        if entry is None:
            return None
        chain = [entry.code]
        while entry.ouder is not None and entry.ouder not in chain:
            parent = self._crebo_index.get(entry.ouder)
            if parent is None:
                break
            chain.append(parent.code)
            entry = parent
        return tuple(chain)

    def valt_binnen(self, code: str, inschrijving: str) -> bool | None:
        """Whether a diploma for ``code`` fits an enrolment for ``inschrijving``.

        True when the codes are equal or ``inschrijving`` is the dossier or
        opleidingsdomein above ``code``; False when both are in the hierarchy
        and unrelated that way; ``None`` when either is missing.
        """
        if code == inschrijving:
            return True
        chain = self.keten(code)
        if chain is None or inschrijving not in self._crebo_index:
            return None
        return inschrijving in chain

    def locatie_van_aanbieder(self, aanbieder: str, locatie: str) -> bool | None:
        """Whether RIO lists ``locatie`` for ``aanbieder``; ``None`` when the aanbieder is not in the data."""
        if self.onderwijslocaties is None or aanbieder not in self._aanbieders:
            return None
        return (aanbieder, locatie) in self.onderwijslocaties

    def leerbedrijf_bekend(self, leerbedrijf_id: str) -> bool | None:
        """Whether SBB's list holds ``leerbedrijf_id``; ``None`` when no list was supplied."""
        if self.leerbedrijven is None:
            return None
        return leerbedrijf_id in self.leerbedrijven

    # ------------------------------------------------------------------ reading and writing

    @classmethod
    def loads(cls, text: str | bytes) -> Referentiedata:
        """Read the JSON file format (see the module documentation).

        Raises:
            InvalidDocument: the text is not JSON or not of this format; every
                problem is listed with its path.
        """
        data = parse_json(text, document=_DOCUMENT)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: object) -> Referentiedata:
        """Build from parsed JSON (a mapping with the sections of the file format).

        Raises:
            InvalidDocument: a section or entry is malformed; every problem is listed.
        """
        problems: list[DocumentProblem] = []
        if not isinstance(data, Mapping):
            raise InvalidDocument([DocumentProblem("$", "not an object")], document=_DOCUMENT)
        problems += [DocumentProblem(f"$.{k}", "unknown key") for k in data if k not in _SECTIONS]
        bron = data.get("bron")
        if bron is not None and not isinstance(bron, str):
            problems.append(DocumentProblem("$.bron", "not a string"))
        codes = _read_crebo(data["crebo"], problems) if "crebo" in data else None
        pairs = _read_locaties(data["onderwijslocaties"], problems) if "onderwijslocaties" in data else None
        bedrijven = _read_leerbedrijven(data["leerbedrijven"], problems) if "leerbedrijven" in data else None
        if codes is not None and not problems:
            _check_hierarchy(codes, problems)
        if problems:
            raise InvalidDocument(problems, document=_DOCUMENT)
        return cls(crebo=codes, onderwijslocaties=pairs, leerbedrijven=bedrijven, bron=bron)

    def to_dict(self) -> dict[str, Any]:
        """The data in the file format (sections that were not supplied are left out)."""
        out: dict[str, Any] = {}
        if self.bron is not None:
            out["bron"] = self.bron
        if self.crebo is not None:
            out["crebo"] = [
                {
                    k: v
                    for k, v in (
                        ("code", c.code),
                        ("soort", c.soort.value),
                        ("ouder", c.ouder),
                        ("naam", c.naam),
                    )
                    if v is not None
                }
                for c in self.crebo
            ]
        if self.onderwijslocaties is not None:
            grouped: dict[str, list[str]] = {}
            for aanbieder, locatie in sorted(self.onderwijslocaties):
                grouped.setdefault(aanbieder, []).append(locatie)
            out["onderwijslocaties"] = grouped
        if self.leerbedrijven is not None:
            out["leerbedrijven"] = sorted(self.leerbedrijven)
        return out


def _canonical(module: Any, value: object, path: str, problems: list[DocumentProblem]) -> str | None:
    if not isinstance(value, str):
        problems.append(DocumentProblem(path, "not a string"))
        return None
    try:
        return str(module.validate(value))
    except InvalidIdentifier as exc:
        problems.append(DocumentProblem(path, str(exc)))
        return None


def _list(value: object, path: str, problems: list[DocumentProblem]) -> Sequence[Any]:
    if isinstance(value, list):
        return value
    problems.append(DocumentProblem(path, "not a list"))
    return ()


def _read_crebo_entry(item: object, path: str, problems: list[DocumentProblem]) -> CreboCode | None:
    if not isinstance(item, Mapping):
        problems.append(DocumentProblem(path, "not an object"))
        return None
    problems += [DocumentProblem(f"{path}.{k}", "unknown key") for k in item if k not in _CREBO_KEYS]
    code = _canonical(_crebo, item.get("code"), f"{path}.code", problems)
    try:
        soort = CreboSoort(item.get("soort"))
    except ValueError:
        problems.append(
            DocumentProblem(f"{path}.soort", "not opleidingsdomein, kwalificatiedossier or kwalificatie")
        )
        return None
    ouder = item.get("ouder")
    if ouder is not None:
        ouder = _canonical(_crebo, ouder, f"{path}.ouder", problems)
    naam = item.get("naam")
    if naam is not None and not isinstance(naam, str):
        problems.append(DocumentProblem(f"{path}.naam", "not a string"))
        naam = None
    return None if code is None else CreboCode(code, soort, ouder, naam)


def _read_crebo(value: object, problems: list[DocumentProblem]) -> tuple[CreboCode, ...]:
    found: list[CreboCode] = []
    seen: set[str] = set()
    for i, item in enumerate(_list(value, "$.crebo", problems)):
        entry = _read_crebo_entry(item, f"$.crebo[{i}]", problems)
        if entry is None:
            continue
        if entry.code in seen:
            problems.append(DocumentProblem(f"$.crebo[{i}].code", f"crebo {entry.code} is listed twice"))
            continue
        seen.add(entry.code)
        found.append(entry)
    return tuple(found)


def _check_hierarchy(codes: Iterable[CreboCode], problems: list[DocumentProblem]) -> None:
    index = {c.code: (i, c) for i, c in enumerate(codes)}
    for i, c in index.values():
        if c.ouder is None:
            continue
        parent = index.get(c.ouder)
        if parent is None:
            problems.append(DocumentProblem(f"$.crebo[{i}].ouder", f"crebo {c.ouder} is not listed"))
        elif parent[1].soort.rang >= c.soort.rang:
            problems.append(
                DocumentProblem(
                    f"$.crebo[{i}].ouder",
                    f"a {c.soort.value} cannot belong to a {parent[1].soort.value} ({c.ouder})",
                )
            )


def _read_locaties(value: object, problems: list[DocumentProblem]) -> frozenset[tuple[str, str]]:
    if not isinstance(value, Mapping):
        problems.append(DocumentProblem("$.onderwijslocaties", "not an object"))
        return frozenset()
    pairs: set[tuple[str, str]] = set()
    for key, locaties in value.items():
        aanbieder = _canonical(_aanbieder, key, f"$.onderwijslocaties.{key}", problems)
        for j, item in enumerate(_list(locaties, f"$.onderwijslocaties.{key}", problems)):
            locatie = _canonical(_locatie, item, f"$.onderwijslocaties.{key}[{j}]", problems)
            if aanbieder is not None and locatie is not None:
                pairs.add((aanbieder, locatie))
    return frozenset(pairs)


def _read_leerbedrijven(value: object, problems: list[DocumentProblem]) -> frozenset[str]:
    ids = (
        _canonical(_leerbedrijf, item, f"$.leerbedrijven[{i}]", problems)
        for i, item in enumerate(_list(value, "$.leerbedrijven", problems))
    )
    return frozenset(i for i in ids if i is not None)


def voorbeeld() -> Referentiedata:
    """The small example shipped with the library (``mbo/data/referentiedata-voorbeeld.json``).

    It holds a handful of codes that appear in the library's own examples and
    tests; it is **not** an extract of the SBB, RIO or DUO registers. Use it to
    try the interface, never as the truth about a code.

    Examples:
        >>> ref = voorbeeld()
        >>> ref.crebo_code("23301").soort.value
        'kwalificatiedossier'
    """
    text = resources.files("duo_domain.mbo").joinpath("data/referentiedata-voorbeeld.json").read_text("utf-8")
    return Referentiedata.loads(text)
