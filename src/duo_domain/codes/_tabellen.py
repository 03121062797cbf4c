"""A bundle of code tables for one validation: the vendor's newer editions over the shipped ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from duo_domain.codes._bundled import namen, waardenlijst
from duo_domain.codes._json import loads
from duo_domain.codes._model import Waardenlijst
from duo_domain.errors import DocumentProblem, InvalidDocument, InvalidValue

_T = TypeVar("_T")


class Codetabellen:
    """The code tables the rules of one [`validate`][duo_domain.validate] call read.

    Every rule of either sector that reads a code table (the MBO leertraject,
    niveau, leerroutefase, reden uitschrijving, generieke examenonderdelen and
    vrijstellingen; the VO vakcodes and elementcodes) asks this bundle for it
    by name. A table given here replaces the shipped table of the same name
    ([`Waardenlijst.naam`][duo_domain.codes.Waardenlijst]); every other name
    falls back to the shipped one ([`waardenlijst`][duo_domain.codes.waardenlijst]).
    Nothing process-wide changes: the bundle is an argument of one call.

    Every entry point that reads a code table takes it as ``codes=`` (``None``:
    the shipped tables): ``validate``, the VO and MBO ``compute_uitslag``,
    ``cum_laude``, ``certificaat``, ``tl_diploma``, the VO deadlines, the MBO
    ``uitslag_from_diploma`` and ``melding_afwezigheid``, the batch jobs; the
    command line reads a directory of tables with ``--codetabellen DIR``.
    A bundle pickles (its tables travel to batch workers; what was derived
    from them is computed again there).

    What a rule derives from a table (the BBL leertrajecten, a parsed
    examencodetabel) is computed once per bundle and kept in it, so a bundle
    reused for a whole file costs nothing per record.

    Args:
        lijsten: The vendor's tables (each name at most once).

    Raises:
        InvalidValue: for something that is not a
            [`Waardenlijst`][duo_domain.codes.Waardenlijst], a name given twice, a
            name the library ships no table of (a misspelt name would replace nothing),
            or a table that does not declare every kenmerk of the shipped one (logic reads them).

    Examples:
        >>> import datetime as dt
        >>> from duo_domain.codes import CodeValue, Codetabellen, waardenlijst
        >>> extra = CodeValue("BOL_XL", "Nieuw", geldig_van=dt.date(2027, 8, 1))
        >>> nieuw = waardenlijst("leertraject").met(extra)
        >>> tabellen = Codetabellen(nieuw)
        >>> tabellen.waardenlijst("leertraject").is_valid("BOL_XL", op=dt.date(2027, 8, 1))
        True
        >>> tabellen.waardenlijst("niveau") is waardenlijst("niveau")  # not given: the shipped one
        True
        >>> Codetabellen().waardenlijst("leertraject") is waardenlijst("leertraject")
        True
    """

    __slots__ = ("_afgeleid", "_lijsten")

    def __init__(self, *lijsten: Waardenlijst) -> None:
        tabellen: dict[str, Waardenlijst] = {}
        for i, lijst in enumerate(lijsten):
            if not isinstance(lijst, Waardenlijst):
                raise InvalidValue(
                    f"a code table is a Waardenlijst, got {type(lijst).__name__}", field=f"$.codes[{i}]"
                )
            if lijst.naam in tabellen:
                raise InvalidValue(f"code table {lijst.naam!r} is given twice", field=f"$.codes[{i}]")
            if lijst.naam not in namen():
                raise InvalidValue(
                    f"no shipped code table {lijst.naam!r} to replace; shipped: {', '.join(namen())}",
                    field=f"$.codes[{i}].naam",
                )
            missing = sorted(set(waardenlijst(lijst.naam).kenmerken).difference(lijst.kenmerken))
            if missing:
                raise InvalidValue(
                    f"code table {lijst.naam!r} lacks the kenmerk {', '.join(missing)} the library reads",
                    field=f"$.codes[{i}].kenmerken",
                )
            tabellen[lijst.naam] = lijst
        self._lijsten = tabellen
        self._afgeleid: dict[str, object] = {}

    @classmethod
    def loads(cls, *teksten: str | bytes) -> Codetabellen:
        """A bundle read from the text of table files (the format of [`loads`][duo_domain.codes.loads]).

        The library reads no files: the caller (or ``duo-domain --codetabellen DIR``)
        reads each file and passes its text here.

        Raises:
            InvalidDocument: when a text is not a code table; the path of each problem
                starts with the table's position, ``$[0].waarden[3].code``.
            InvalidValue: as the constructor.

        Examples:
            >>> from duo_domain.codes import dumps, waardenlijst
            >>> Codetabellen.loads(dumps(waardenlijst("niveau"))).eigen()
            ('niveau',)
        """
        lijsten = []
        for i, tekst in enumerate(teksten):
            try:
                lijsten.append(loads(tekst))
            except InvalidDocument as exc:
                problems = [
                    DocumentProblem(f"$[{i}]{p.path[1:]}", p.message, line=p.line) for p in exc.problems
                ]
                raise InvalidDocument(problems, document=exc.document) from None
        return cls(*lijsten)

    def __reduce__(self) -> tuple[type[Codetabellen], tuple[Waardenlijst, ...]]:
        # the tables only: what was derived from them is computed again where the bundle is unpickled
        return (Codetabellen, tuple(self))

    @staticmethod
    def uit(codes: object) -> Codetabellen:
        """``codes`` (what a rule finds in `CheckContext.codes`) checked to be a bundle.

        Raises:
            InvalidValue: when ``codes`` is not a `Codetabellen`.
        """
        if isinstance(codes, Codetabellen):
            return codes
        raise InvalidValue(
            f"codes is a duo_domain.codes.Codetabellen bundle, got {type(codes).__name__}", field="codes"
        )

    def waardenlijst(self, naam: str) -> Waardenlijst:
        """The table ``naam``: the one given, else the shipped one.

        Raises:
            InvalidCode: when neither is there.
        """
        found = self._lijsten.get(naam)
        return found if found is not None else waardenlijst(naam)

    def eigen(self) -> tuple[str, ...]:
        """The names of the tables given (those that replace a shipped one), sorted."""
        return tuple(sorted(self._lijsten))

    def afgeleid(self, sleutel: str, maak: Callable[[Codetabellen], _T]) -> _T:
        """What ``maak`` derives from these tables, computed on the first call per ``sleutel`` and kept.

        Rules use it for what they read from a table on every record (a set of
        codes with a kenmerk, a parsed table); ``sleutel`` names the derived
        value and must be unique per kind of value.
        """
        try:
            return self._afgeleid[sleutel]  # type: ignore[return-value]
        except KeyError:
            value = self._afgeleid[sleutel] = maak(self)
            return value

    def __iter__(self) -> Iterator[Waardenlijst]:
        return iter(self._lijsten[naam] for naam in self.eigen())

    def __repr__(self) -> str:
        eigen = ", ".join(f"{lijst.naam} {lijst.versie}".rstrip() for lijst in self) or "shipped tables only"
        return f"Codetabellen({eigen})"
