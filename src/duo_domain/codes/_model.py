"""The value objects of a code table: `CodeValue` and `Waardenlijst`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from duo_domain import _fields as f
from duo_domain.errors import DocumentProblem, InvalidCode, InvalidDocument, InvalidValue


def _frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidValue(
            f"expected a mapping of strings to strings, got {f.json_type(value)}", field="kenmerken"
        )
    return MappingProxyType(dict(value))


@attrs.frozen
class CodeValue:
    """One value of a code table.

    Attributes:
        code: The code as DUO writes it.
        omschrijving: Its meaning.
        geldig_van: First day it may be used (inclusive), or ``None``.
        geldig_tot: Last day it may be used (inclusive), or ``None``.
        bron: Where the value is defined, when it differs from the table's source.
        kenmerken: Further properties that logic reads (e.g. a leerweg), as
            strings; read-only. A list-valued kenmerk is written space-separated.

    Examples:
        >>> v = CodeValue("BBL", "Beroepsbegeleidende leerweg", kenmerken={"leerweg": "BBL"})
        >>> v.kenmerken["leerweg"]
        'BBL'
    """

    code: str = attrs.field(validator=f.text)
    omschrijving: str = attrs.field(validator=f.text)
    geldig_van: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    geldig_tot: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    bron: str = attrs.field(default="", validator=f.text)
    kenmerken: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_mapping, hash=False)

    def __reduce__(self) -> tuple[type[CodeValue], tuple[object, ...]]:
        # the read-only kenmerken view cannot be pickled; a plain dict rebuilds it (batch workers)
        return (
            CodeValue,
            (self.code, self.omschrijving, self.geldig_van, self.geldig_tot, self.bron, dict(self.kenmerken)),
        )

    def geldig_op(self, datum: dt.date | None) -> bool:
        """Whether the value may be used on ``datum`` (always, for ``None``)."""
        if datum is None:
            return True
        if self.geldig_van is not None and datum < self.geldig_van:
            return False
        return not (self.geldig_tot is not None and datum > self.geldig_tot)


def _values(values: Iterable[CodeValue]) -> tuple[CodeValue, ...]:
    return tuple(f.arguments(values, CodeValue, "a CodeValue", "waarden"))


def _index(values: tuple[CodeValue, ...]) -> dict[str, CodeValue]:
    out: dict[str, CodeValue] = {}
    for v in values:
        if v.code in out:
            raise InvalidValue(f"code {f.quoted(v.code)} appears twice", field="waarden")
        out[v.code] = v
    return out


@attrs.frozen
class Waardenlijst:
    """A named, sourced code table: values with validity periods and kenmerken.

    Every code table of the library is one of these, read from one JSON file
    per table (see [`duo_domain.codes.loads`][duo_domain.codes.loads]).

    Attributes:
        naam: The table's name, e.g. ``"leertraject"``.
        bron: The legal or DUO source of the table.
        waarden: The values, in their documented order.
        open: ``True`` for a list DUO does not publish in full (codes seen in
            its files): an unknown code is then a warning, not an error.
        versie: Which edition of the source the table follows: the date of the
            text (``"2025-08-28"``) or the school year of a yearly table
            (``"2015-2016"``).
        geldig_van: First day the table as a whole applies, or ``None``.
        geldig_tot: Last day the table as a whole applies, or ``None``.
        kenmerken: The kenmerken the values may carry, each with its meaning.
            A value may leave a declared kenmerk out (it does not apply to
            it), but may not carry an undeclared one.
        omschrijving: What the table is, in one line.
        url: Where the source can be read.
        altijd_geldig: The codes valid on every day (no ``geldig_van``, no ``geldig_tot``),
            derived from ``waarden``: a rule that finds its code here need not look further.
        geldig_vanaf: The codes valid on every day from a first day on (a ``geldig_van``, no
            ``geldig_tot``), each with that day, derived from ``waarden``: a code valid on a
            date on or after its day needs no further look either.

    Raises:
        ValueError: when a code appears twice or a value carries an undeclared
            kenmerk.
    """

    naam: str = attrs.field(validator=f.text)
    bron: str = attrs.field(validator=f.text)
    waarden: tuple[CodeValue, ...] = attrs.field(converter=_values)
    open: bool = attrs.field(default=False, validator=f.boolean)
    versie: str = attrs.field(default="", validator=f.text)
    geldig_van: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    geldig_tot: dt.date | None = attrs.field(default=None, validator=f.opt_date)
    kenmerken: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_mapping, hash=False)
    omschrijving: str = attrs.field(default="", validator=f.text)
    url: str = attrs.field(default="", validator=f.text)
    _by_code: dict[str, CodeValue] = attrs.field(init=False, repr=False, eq=False, hash=False)
    altijd_geldig: frozenset[str] = attrs.field(init=False, repr=False, eq=False, hash=False)
    geldig_vanaf: Mapping[str, dt.date] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", _index(self.waarden))
        object.__setattr__(
            self,
            "altijd_geldig",
            frozenset(v.code for v in self.waarden if v.geldig_van is None and v.geldig_tot is None),
        )
        vanaf = {v.code: v.geldig_van for v in self.waarden if v.geldig_tot is None and v.geldig_van}
        object.__setattr__(self, "geldig_vanaf", MappingProxyType(vanaf))
        for value in self.waarden:
            undeclared = sorted(set(value.kenmerken).difference(self.kenmerken))
            if undeclared:
                raise InvalidValue(
                    f"code {f.quoted(value.code)}: kenmerk {', '.join(undeclared)} is not declared",
                    field="waarden",
                )

    def __reduce__(self) -> tuple[type[Waardenlijst], tuple[object, ...]]:
        # as CodeValue: rebuilt from plain values, so that a table travels to a batch worker
        return (
            Waardenlijst,
            (
                self.naam,
                self.bron,
                self.waarden,
                self.open,
                self.versie,
                self.geldig_van,
                self.geldig_tot,
                dict(self.kenmerken),
                self.omschrijving,
                self.url,
            ),
        )

    def __iter__(self) -> Iterator[CodeValue]:
        return iter(self.waarden)

    def __len__(self) -> int:
        return len(self.waarden)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def get(self, code: object) -> CodeValue | None:
        """The value for ``code``, or ``None`` when the table does not have it; never raises."""
        return self._by_code.get(code) if isinstance(code, str) else None

    def is_valid(self, code: object, *, op: dt.date | None = None) -> bool:
        """Whether ``code`` is in the table and usable on ``op``; never raises."""
        value = self._by_code.get(code) if isinstance(code, str) else None
        return value is not None and value.geldig_op(op)

    def validate(self, code: str, *, op: dt.date | None = None) -> CodeValue:
        """The value for ``code``, checked for use on ``op``.

        Raises:
            InvalidCode: when the code is unknown or not valid on ``op``.
        """
        value = self._by_code.get(code) if isinstance(code, str) else None
        if value is None:
            raise InvalidCode(
                f"{code!r} is not a code of waardenlijst {self.naam}", waardenlijst=self.naam, value=str(code)
            )
        if not value.geldig_op(op):
            raise InvalidCode(
                f"code {code!r} of waardenlijst {self.naam} is not valid on {op}"
                f" (valid {value.geldig_van or '…'} – {value.geldig_tot or '…'})",
                waardenlijst=self.naam,
                value=code,
            )
        return value

    def codes(self) -> tuple[str, ...]:
        """All codes, in table order."""
        return tuple(v.code for v in self.waarden)

    def met_kenmerk(self, naam: str, waarde: str) -> frozenset[str]:
        """The codes whose kenmerk ``naam`` is ``waarde``: a set to precompute once and test against.

        Raises:
            InvalidCode: when the table does not declare the kenmerk, so that a
                misspelt name cannot silently match nothing.

        Examples:
            >>> from duo_domain.codes import waardenlijst
            >>> sorted(waardenlijst("leertraject").met_kenmerk("leerweg", "BBL"))
            ['BBL', 'CBL', 'CBL_DT']
        """
        if naam not in self.kenmerken:
            raise InvalidCode(
                f"waardenlijst {self.naam} declares no kenmerk {naam!r}", waardenlijst=self.naam, value=naam
            )
        return frozenset(v.code for v in self.waarden if v.kenmerken.get(naam) == waarde)

    def vereis_kenmerken(self, *namen: str) -> None:
        """Check that the table declares the kenmerken ``namen`` and that every value carries them.

        Logic that reads a kenmerk of every value calls this once when it takes
        a table, so that a table without it is refused up front rather than
        read as if the kenmerk were empty.

        Raises:
            InvalidDocument: listing every missing declaration and every value
                without one of the kenmerken, each with its path.

        Examples:
            >>> from duo_domain.codes import waardenlijst
            >>> waardenlijst("vakcodes").vereis_kenmerken("soort", "schoolsoorten")
            >>> waardenlijst("leertraject").vereis_kenmerken("leerweg")
            Traceback (most recent call last):
            ...
            duo_domain.errors.InvalidDocument: invalid code table: kenmerk leerweg missing @ ... (and 2 more)
        """
        problems = [
            DocumentProblem("$.kenmerken", f"kenmerk {naam} not declared")
            for naam in namen
            if naam not in self.kenmerken
        ]
        problems += [
            DocumentProblem(f"$.waarden[{i}].kenmerken", f"kenmerk {naam} missing")
            for i, value in enumerate(self.waarden)
            for naam in namen
            if naam not in value.kenmerken
        ]
        if problems:
            raise InvalidDocument(problems, document="code table")

    def met(self, *waarden: CodeValue) -> Waardenlijst:
        """A copy with ``waarden`` added, each replacing a value with the same code.

        The way to extend or correct a shipped table with a few values of a
        newer edition; for a whole new edition, read its file with
        [`duo_domain.codes.loads`][duo_domain.codes.loads].

        Examples:
            >>> from duo_domain.codes import CodeValue, waardenlijst
            >>> nieuw = waardenlijst("geslacht").met(CodeValue("X", "Onbekend (test)"))
            >>> nieuw.codes(), "X" in waardenlijst("geslacht")
            (('M', 'V', 'O', 'X'), False)
        """
        replaced = {v.code: v for v in waarden}
        kept = tuple(replaced.pop(v.code, v) for v in self.waarden)
        return attrs.evolve(self, waarden=kept + tuple(replaced.values()))
