"""DUO value lists (waardenlijsten) as versioned data.

A [`Waardenlijst`][duo_domain.codes.Waardenlijst] holds [`CodeValue`][duo_domain.codes.CodeValue] entries,
each with its
meaning, source and validity period. Lists are data: a vendor can build a
newer one and pass it where the library takes a list.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.codes import CodeValue, Waardenlijst
    >>> lijst = Waardenlijst("kleur", "huisregel", (
    ...     CodeValue("R", "rood"),
    ...     CodeValue("G", "groen", geldig_tot=dt.date(2023, 7, 31)),
    ... ))
    >>> lijst.is_valid("G", op=dt.date(2023, 7, 31)), lijst.is_valid("G", op=dt.date(2023, 8, 1))
    (True, False)
    >>> lijst.validate("X")
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidCode: 'X' is not a code of waardenlijst kleur
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

import attrs

from duo_domain.errors import InvalidCode

__all__ = ["CodeValue", "Waardenlijst"]


@attrs.frozen
class CodeValue:
    """One value of a value list.

    Attributes:
        code: The code as DUO writes it.
        omschrijving: Its meaning.
        geldig_van: First day it may be used (inclusive), or ``None``.
        geldig_tot: Last day it may be used (inclusive), or ``None``.
        bron: Where the value is defined, when it differs from the list's source.
        kenmerken: Further properties (e.g. a niveau), as strings.
    """

    code: str
    omschrijving: str
    geldig_van: dt.date | None = None
    geldig_tot: dt.date | None = None
    bron: str = ""
    kenmerken: Mapping[str, str] = attrs.field(factory=dict, eq=False, hash=False)

    def geldig_op(self, datum: dt.date | None) -> bool:
        """Whether the value may be used on ``datum`` (always, for ``None``)."""
        if datum is None:
            return True
        if self.geldig_van is not None and datum < self.geldig_van:
            return False
        return not (self.geldig_tot is not None and datum > self.geldig_tot)


def _index(values: tuple[CodeValue, ...]) -> dict[str, CodeValue]:
    out: dict[str, CodeValue] = {}
    for v in values:
        if v.code in out:
            raise ValueError(f"code {v.code!r} appears twice")
        out[v.code] = v
    return out


@attrs.frozen
class Waardenlijst:
    """A named, sourced list of codes with validity periods.

    Attributes:
        naam: The list's name, e.g. ``"leertraject"``.
        bron: The legal or DUO source of the list.
        waarden: The values, in their documented order.
        open: ``True`` for a list DUO does not publish in full (codes seen in
            its files): an unknown code is then a warning, not an error.
    """

    naam: str
    bron: str
    waarden: tuple[CodeValue, ...]
    open: bool = False
    _by_code: dict[str, CodeValue] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", _index(self.waarden))

    def __iter__(self) -> Iterator[CodeValue]:
        return iter(self.waarden)

    def __len__(self) -> int:
        return len(self.waarden)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def get(self, code: str) -> CodeValue | None:
        """The value for ``code``, or ``None`` when the list does not have it."""
        return self._by_code.get(code)

    def is_valid(self, code: object, *, op: dt.date | None = None) -> bool:
        """Whether ``code`` is in the list and usable on ``op``; never raises."""
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
        """All codes, in list order."""
        return tuple(v.code for v in self.waarden)
