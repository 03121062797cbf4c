"""The TBG-i (Terugmelding BekostigingsGrondslagen-individueel, PvE §16) in XML (private).

The file is read in blocks by the library's hardened XML parsing
([`duo_domain.serialize.xml`][duo_domain.serialize.xml]: no DTD, no entities,
bounded size and depth), each enrolment or diploma dropped from memory once
read. Each group of the PvE (§16.5: Inschrijving, Teldatum,
BekostigingsrelevanteBPV, Signaal, Parameter, Diploma) becomes a frozen
object; the element names, their order and how each value is read come from
the PvE layout table ([`duo_domain.mbo.pve`][duo_domain.mbo.pve], file kind ``TBGI``).

DUO writes an empty group with every element ``xsi:nil="true"`` where there is
nothing to report (no BPV, no signal): such a group is read as absent. A value
that cannot be read, or an element the table does not know, is a problem
with its line and path, and its enrolment or diploma is left out; the rest of
the file is still read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import IO, Any, Final

import attrs
from lxml import etree

from duo_domain._fields import json_type
from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidValue
from duo_domain.identity import bsn as _bsn
from duo_domain.identity import onderwijsnummer as _onr
from duo_domain.identity.bsn import Bsn
from duo_domain.identity.onderwijsnummer import Onderwijsnummer
from duo_domain.mbo import pve
from duo_domain.serialize._returnfile_records import OngeldigNummer, Persoonsnummer
from duo_domain.serialize.xml import (
    DEFAULT_MAX_DEPTH,
    GuardedReader,
    XmlRefused,
    check_stream_root,
    new_pull_parser,
    syntax_error,
)

__all__ = [
    "Tbgi",
    "TbgiBpv",
    "TbgiDiploma",
    "TbgiInschrijving",
    "TbgiItem",
    "TbgiParameter",
    "TbgiSignaal",
    "TbgiTeldatum",
    "iter_tbgi",
    "read_tbgi",
]

_XSI_NIL: Final = "{http://www.w3.org/2001/XMLSchema-instance}nil"
#: A TBG-i of a large institution is tens of MiB; larger input is refused before parsing.
DEFAULT_TBGI_MAX_BYTES: Final = 512 * 1024 * 1024


@attrs.frozen
class TbgiParameter:
    """A parameter of a signal (PvE §16.5.5)."""

    parametervolgnummer: str | None = None
    parameternaam: str | None = None
    parameterwaarde: str | None = None


@attrs.frozen
class TbgiSignaal:
    """A signal of DUO's funding checks on an enrolment or diploma (PvE §16.5.4)."""

    signaalvolgnummer: str | None = None
    signaalcode: str | None = None
    signaalomschrijving: str | None = None
    parameters: tuple[TbgiParameter, ...] = ()


@attrs.frozen
class TbgiBpv:
    """A BPV that counts for the funding of a BBL enrolment (PvE §16.5.3)."""

    inschrijvingvolgnummer: str | None = None
    volgnummer: str | None = None
    afsluitdatum: dt.date | None = None
    datum_begin: dt.date | None = None
    datum_einde_gepland: dt.date | None = None
    datum_einde_werkelijk: dt.date | None = None
    opleidingcode: str | None = None


@attrs.frozen
class TbgiTeldatum:
    """An enrolment on one teldatum, with DUO's funding basis (PvE §16.5.2)."""

    teldatum: dt.date | None = None
    datumtijd_bepaling_bekostigingsgrondslagen: str | None = None
    status_bepaling_bekostigingsstatus: str | None = None
    leeftijd_op_een_augustus_studiejaar: int | None = None
    opleidingcode: str | None = None
    niveau: str | None = None
    leertraject: str | None = None
    leerroutefase: str | None = None
    indicatie_bekostigbaar: bool | None = None
    bekostigingsstatus: bool | None = None
    inschrijving_voor_correctiefactor: bool | None = None
    bbl_bol_factor: Decimal | None = None
    prijsfactor_mbo: Decimal | None = None
    aantal_bekostigde_verblijfsjaren_mbo: int | None = None
    verblijfsjaarfactor: Decimal | None = None
    bijdrage_inschrijving_aan_deelnemerswaarde: Decimal | None = None
    bpvs: tuple[TbgiBpv, ...] = ()
    signalen: tuple[TbgiSignaal, ...] = ()


@attrs.frozen
class TbgiInschrijving:
    """An enrolment of the TBG-i with its teldata (PvE §16.5.1).

    An enrolment without teldata does not count for funding (PvE §16.1).
    The BSN and onderwijsnummer are masked when shown.
    """

    brin: str | None = None
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    inschrijvingvolgnummer: str | None = None
    datum_inschrijving: dt.date | None = None
    datum_uitschrijving_gepland: dt.date | None = None
    datum_uitschrijving_werkelijk: dt.date | None = None
    niveau_hoogst_bekostigde_diploma: str | None = None
    teldata: tuple[TbgiTeldatum, ...] = ()
    line: int | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def bekostigd(self) -> tuple[TbgiTeldatum, ...]:
        """The teldata on which DUO counts the enrolment for funding (``Bekostigingsstatus`` true)."""
        return tuple(t for t in self.teldata if t.bekostigingsstatus)


@attrs.frozen
class TbgiDiploma:
    """A diploma of the TBG-i with DUO's funding basis (PvE §16.5.6)."""

    brin: str | None = None
    burgerservicenummer: Persoonsnummer | None = None
    onderwijsnummer: Persoonsnummer | None = None
    resultaatvolgnummer: str | None = None
    opleidingcode: str | None = None
    inschrijvingvolgnummer: str | None = None
    datum_behaald: dt.date | None = None
    niveau: str | None = None
    indicatie_specialistendiploma: bool | None = None
    niveau_hoogst_bekostigde_diploma: str | None = None
    indicatie_hoogst_bekostigde_diploma_is_specialist: bool | None = None
    datumtijd_bepaling_bekostigingsgrondslagen: str | None = None
    status_bepaling_bekostigingsstatus: str | None = None
    bekostigingsstatus: bool | None = None
    bijdrage_diplomawaarde: Decimal | None = None
    signalen: tuple[TbgiSignaal, ...] = ()
    line: int | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Tbgi:
    """A TBG-i as read: its enrolments and diplomas, in file order, and the problems found.

    Attributes:
        inschrijvingen: Every enrolment that could be read.
        diplomas: Every diploma that could be read.
        problems: Every problem, with its line and path.
    """

    inschrijvingen: tuple[TbgiInschrijving, ...]
    diplomas: tuple[TbgiDiploma, ...]
    problems: tuple[DocumentProblem, ...] = ()

    def __iter__(self) -> Iterator[TbgiInschrijving | TbgiDiploma]:
        yield from self.inschrijvingen
        yield from self.diplomas

    def counts(self) -> dict[str, int]:
        """The number of groups per PvE group name."""
        teldata = sum(len(i.teldata) for i in self.inschrijvingen)
        bpvs = sum(len(t.bpvs) for i in self.inschrijvingen for t in i.teldata)
        return {
            "Inschrijving": len(self.inschrijvingen),
            "Teldatum": teldata,
            "BekostigingsrelevanteBPV": bpvs,
            "Diploma": len(self.diplomas),
        }

    def deelnemerswaarde(self) -> dict[dt.date, Decimal]:
        """Per teldatum, the sum of DUO's *BijdrageInschrijvingAanDeelnemerswaarde* (PvE §16.5.2).

        Examples:
            >>> half = Decimal("0.5")
            >>> t = TbgiTeldatum(dt.date(2025, 10, 1), bijdrage_inschrijving_aan_deelnemerswaarde=half)
            >>> Tbgi((TbgiInschrijving(teldata=(t,)), TbgiInschrijving(teldata=(t,))), ()).deelnemerswaarde()
            {datetime.date(2025, 10, 1): Decimal('1.0')}
        """
        found: dict[dt.date, Decimal] = {}
        for i in self.inschrijvingen:
            for t in i.teldata:
                if t.teldatum is not None and t.bijdrage_inschrijving_aan_deelnemerswaarde is not None:
                    found[t.teldatum] = (
                        found.get(t.teldatum, Decimal(0)) + t.bijdrage_inschrijving_aan_deelnemerswaarde
                    )
        return dict(sorted(found.items()))

    def diplomawaarde(self) -> Decimal:
        """The sum of DUO's *BijdrageDiplomawaarde* over the diplomas (PvE §16.5.6).

        Examples:
            >>> Tbgi((), (TbgiDiploma(bijdrage_diplomawaarde=Decimal(5)), TbgiDiploma())).diplomawaarde()
            Decimal('5')
        """
        return sum(
            (d.bijdrage_diplomawaarde for d in self.diplomas if d.bijdrage_diplomawaarde is not None),
            Decimal(0),
        )


# The child groups of each group, and the class each group is read into.
_CHILDREN: Final[dict[str, dict[str, str]]] = {
    "Inschrijving": {"Teldatum": "teldata"},
    "Teldatum": {"BekostigingsrelevanteBPV": "bpvs", "Signaal": "signalen"},
    "Signaal": {"Parameter": "parameters"},
    "Diploma": {"Signaal": "signalen"},
    "BekostigingsrelevanteBPV": {},
    "Parameter": {},
}
_CLASSES: Final[dict[str, type[Any]]] = {
    "Inschrijving": TbgiInschrijving,
    "Teldatum": TbgiTeldatum,
    "BekostigingsrelevanteBPV": TbgiBpv,
    "Signaal": TbgiSignaal,
    "Parameter": TbgiParameter,
    "Diploma": TbgiDiploma,
}
_DECIMAL: Final = re.compile(r"-?[0-9]{1,20}(\.[0-9]{1,10})?")
_INT: Final = re.compile(r"0|[1-9][0-9]{0,8}")
_NINE: Final = re.compile(r"[0-9]{9}")
_BOOL: Final = {"true": True, "1": True, "false": False, "0": False}


class _Bad(Exception):
    pass


def _read_date(text: str) -> dt.date:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise _Bad("not a date (ccyy-mm-dd)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _Bad("not a valid date") from None


def _read_decimal(text: str) -> Decimal:
    if _DECIMAL.fullmatch(text) is None:
        raise _Bad("not a decimal number")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise _Bad("not a decimal number") from None


def _read_int(text: str) -> int:
    if _INT.fullmatch(text) is None:
        raise _Bad("not a whole number (at most 9 digits, no leading zeros)")
    return int(text)


def _read_bool(text: str) -> bool:
    if text not in _BOOL:
        raise _Bad("not a boolean (true or false)")
    return _BOOL[text]


def _read_person(text: str, soort: str) -> Persoonsnummer:
    if _NINE.fullmatch(text):
        if soort == "bsn" and _bsn.is_valid(text):
            return Bsn(text)
        if soort == "onderwijsnummer" and _onr.is_valid(text):
            return Onderwijsnummer(text)
    return OngeldigNummer(text, soort)


def _read_value(lezen: str, text: str) -> Any:
    if lezen == "text":
        return text
    if lezen == "date":
        return _read_date(text)
    if lezen == "decimal":
        return _read_decimal(text)
    if lezen == "int":
        return _read_int(text)
    if lezen == "bool":
        return _read_bool(text)
    return _read_person(text, lezen)


def _elements(groep: str) -> dict[str, pve.Veld]:
    return {v.element: v for v in pve.velden("TBGI", groep)}


_ELEMENTS: Final[dict[str, dict[str, pve.Veld]]] = {groep: _elements(groep) for groep in _CLASSES}


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rpartition("}")[2]


def _read_group(element: etree._Element, groep: str, path: str, problems: list[DocumentProblem]) -> Any:
    """The object of one group, ``None`` when every element is nil (an empty placeholder)."""
    values: dict[str, Any] = {}
    children: dict[str, list[Any]] = {name: [] for name in _CHILDREN[groep].values()}
    filled = False
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        name = _local(child.tag)
        where = f"{path}.{name}"
        if name in _CHILDREN[groep]:
            value = _read_group(child, name, where, problems)
            if value is not None:
                children[_CHILDREN[groep][name]].append(value)
                filled = True
            continue
        veld = _ELEMENTS[groep].get(name)
        if veld is None:
            problems.append(DocumentProblem(where, f"unknown element in {groep}", line=child.sourceline))
            continue
        if child.get(_XSI_NIL) == "true" or len(child):
            continue
        text = child.text or ""
        if text == "":
            continue
        try:
            values[veld.attribuut] = _read_value(veld.lezen, text)
            filled = True
        except _Bad as exc:
            problems.append(DocumentProblem(where, str(exc), line=child.sourceline))
    if not filled:
        return None
    extra: dict[str, Any] = {k: tuple(v) for k, v in children.items()}
    if groep in ("Inschrijving", "Diploma"):
        extra["line"] = element.sourceline
    return _CLASSES[groep](**values, **extra)


#: How much of a streamed TBG-i is read at a time.
_READ_SIZE: Final = 1 << 16
_GROUPS: Final = ("Inschrijving", "Diploma")

#: What [`iter_tbgi`][duo_domain.serialize.returnfile.iter_tbgi] yields.
TbgiItem = TbgiInschrijving | TbgiDiploma | DocumentProblem


def _refused_root(name: str, line: int | None) -> InvalidDocument:
    return InvalidDocument(
        [DocumentProblem("/", f"root element {name!r}, not Bekostigingsgrondslagen", line=line)],
        document="TBG-i",
    )


def _too_deep(max_depth: int, line: int | None) -> XmlRefused:
    return XmlRefused(
        [DocumentProblem("/", f"elements nested deeper than {max_depth} levels", line=line)], document="TBG-i"
    )


class _Groups:
    """The groups of a TBG-i as their end tags arrive; each is dropped from the tree once read."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.depth = 0
        self.root: etree._Element | None = None
        self.counters = dict.fromkeys(_GROUPS, 0)

    def event(self, event: str, element: etree._Element) -> Iterator[TbgiItem]:
        if event == "start":
            self._start(element)
            return
        self.depth -= 1
        if self.depth != 1:
            return
        name = _local(element.tag)
        if name not in self.counters:
            yield DocumentProblem(f"/{name}", "unknown element", line=element.sourceline)
        else:
            path = f"{name}[{self.counters[name]}]"
            self.counters[name] += 1
            found: list[DocumentProblem] = []
            value = _read_group(element, name, path, found)
            yield from found
            if not found and value is not None:
                yield value
        # Read: drop it, and anything before it, so that memory stays flat.
        element.clear()
        root = self.root
        if root is not None:
            while len(root) and root[0] is not element:
                del root[0]
            if len(root):
                del root[0]

    def _start(self, element: etree._Element) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise _too_deep(self.max_depth, element.sourceline)
        if self.root is None:
            check_stream_root(element)
            if _local(element.tag) != "Bekostigingsgrondslagen":
                raise _refused_root(_local(element.tag), element.sourceline)
            self.root = element


def iter_tbgi(
    source: bytes | IO[bytes],
    *,
    max_bytes: int | None = DEFAULT_TBGI_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[TbgiItem]:
    r"""Every enrolment and diploma of a TBG-i (PvE §16), and every problem, in file order, streaming.

    The file is read in blocks through the library's hardened XML parsing (no
    DTD, no entities, nothing fetched; see
    [`duo_domain.serialize.xml`][duo_domain.serialize.xml]), and each
    ``Inschrijving`` or ``Diploma`` is dropped from memory once read: memory
    stays flat for any number of them.

    Args:
        source: The whole file, or a file object open in binary mode.
        max_bytes: Larger input is refused once read that far (``None``: no limit).
        max_depth: Deeper element nesting is refused.

    Yields:
        A [`TbgiInschrijving`][duo_domain.serialize.returnfile.TbgiInschrijving]
        or [`TbgiDiploma`][duo_domain.serialize.returnfile.TbgiDiploma] per
        group that could be read; a
        [`DocumentProblem`][duo_domain.errors.DocumentProblem] (with its line
        and path) for each value that could not, whose group is then left out.

    Raises:
        InvalidDocument: when the input is not well-formed XML (after the
            groups before the error have been yielded), is refused by the
            hardened parsing (a DTD, too large, too deep), or its root is not
            ``Bekostigingsgrondslagen``.
        InvalidValue: when ``source`` is neither bytes nor a binary file.

    Examples:
        >>> import io
        >>> xml = b'''<Bekostigingsgrondslagen><Inschrijving><BRIN>25LX</BRIN>
        ... <Inschrijvingvolgnummer>002</Inschrijvingvolgnummer></Inschrijving>
        ... <Diploma><DatumBehaald>2025-13-01</DatumBehaald></Diploma></Bekostigingsgrondslagen>'''
        >>> for item in iter_tbgi(io.BytesIO(xml)):
        ...     print(type(item).__name__, getattr(item, "inschrijvingvolgnummer", item))
        TbgiInschrijving 002
        DocumentProblem not a valid date @ Diploma[0].DatumBehaald (line 3)
    """
    if isinstance(source, bytes | bytearray | memoryview):
        stream: IO[bytes] = io.BytesIO(source)
    elif callable(getattr(source, "read", None)):
        stream = source
    else:
        raise InvalidValue(f"expected bytes or a binary file, got {json_type(source)}", field="source")
    reader = GuardedReader(stream, max_bytes)
    parser = new_pull_parser(events=("start", "end"), tag=())
    groups = _Groups(max_depth)
    try:
        while True:
            block = reader.read(_READ_SIZE)
            if block:
                parser.feed(block)
            else:
                parser.close()
            for event, element in parser.read_events():
                yield from groups.event(event, element)
            if not block:
                return
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, document="TBG-i") from None


def read_tbgi(
    source: bytes | IO[bytes],
    *,
    max_bytes: int | None = DEFAULT_TBGI_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Tbgi:
    """Read a whole TBG-i (PvE §16) through the hardened XML parsing (see `iter_tbgi`).

    Args:
        source: The whole file, or a file object open in binary mode.
        max_bytes: Larger input is refused (``None``: no limit).
        max_depth: Deeper element nesting is refused.

    Raises:
        InvalidDocument: for input that is not well-formed XML, is refused by
            the hardened parsing (a DTD, too large, too deep), or whose root is
            not ``Bekostigingsgrondslagen``.

    Examples:
        >>> xml = b'''<Bekostigingsgrondslagen><Inschrijving><BRIN>25LX</BRIN>
        ... <Inschrijvingvolgnummer>002</Inschrijvingvolgnummer>
        ... <Teldatum><Teldatum>2025-10-01</Teldatum><Bekostigingsstatus>true</Bekostigingsstatus>
        ... <BBLBOLFactor>1.2</BBLBOLFactor></Teldatum></Inschrijving></Bekostigingsgrondslagen>'''
        >>> tbgi = read_tbgi(xml)
        >>> [(t.teldatum, t.bbl_bol_factor) for t in tbgi.inschrijvingen[0].bekostigd]
        [(datetime.date(2025, 10, 1), Decimal('1.2'))]
    """
    inschrijvingen: list[TbgiInschrijving] = []
    diplomas: list[TbgiDiploma] = []
    problems: list[DocumentProblem] = []
    for item in iter_tbgi(source, max_bytes=max_bytes, max_depth=max_depth):
        if isinstance(item, DocumentProblem):
            problems.append(item)
        elif isinstance(item, TbgiInschrijving):
            inschrijvingen.append(item)
        else:
            diplomas.append(item)
    return Tbgi(tuple(inschrijvingen), tuple(diplomas), tuple(problems))
