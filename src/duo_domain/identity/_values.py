"""The value types of the personal numbers (private).

[`Bsn`][duo_domain.identity.bsn.Bsn] and
[`Onderwijsnummer`][duo_domain.identity.onderwijsnummer.Onderwijsnummer] live apart
from their modules' check functions, so that checking a number
(``duo-domain check bsn``) does not import attrs: each module hands out its
class on first use of the name, and the class says that module is its home.
"""

from __future__ import annotations

import attrs

from duo_domain.identity._common import mask
from duo_domain.identity._nummer import check_bsn, check_onderwijsnummer

__all__ = ["Bsn", "Onderwijsnummer"]


@attrs.frozen(repr=False, order=True)
class Bsn:
    """A valid BSN as a value: checked on construction, masked when shown.

    ``repr`` and ``str`` (and so f-strings and ``print``) show only the last
    four digits; [`unmasked`][duo_domain.identity.bsn.Bsn.unmasked] gives the full number. Anything that
    stores or sends the number (a database column, a file for DUO) must call
    [`unmasked`][duo_domain.identity.bsn.Bsn.unmasked]: ``str(bsn)`` would store the masked form and lose it.

    Two ``Bsn`` values are equal when their numbers are, whatever separators
    the input had. A ``Bsn`` is never equal to a ``str``, not even to its own
    number: compare ``bsn == Bsn(text)`` (which checks ``text``) or
    ``bsn.unmasked() == text``.

    Construct it from the number as text, with or without separators.

    Raises:
        InvalidIdentifier: when the number is not a valid BSN (see
            [`validate`][duo_domain.identity.bsn.validate]).

    Examples:
        >>> b = Bsn("1112.22.333")
        >>> b, str(b)
        (Bsn('*****2333'), '*****2333')
        >>> b.unmasked()
        '111222333'
        >>> b == Bsn("111222333"), len({b, Bsn("111222333")})
        (True, 1)
        >>> b == "111222333"
        False
    """

    __module__ = "duo_domain.identity.bsn"  # its public home: repr, pickle and the docs name it there

    _nummer: str = attrs.field(converter=check_bsn, alias="nummer")

    def unmasked(self) -> str:
        """The full nine-digit number. Handle with care: it is personal data."""
        return self._nummer

    @property
    def masked(self) -> str:
        """The number with all but the last four digits replaced by ``*``."""
        return mask(self._nummer)

    def __repr__(self) -> str:
        return f"Bsn({self.masked!r})"

    def __str__(self) -> str:
        return self.masked


@attrs.frozen(repr=False, order=True)
class Onderwijsnummer:
    """A valid onderwijsnummer as a value: checked on construction, masked when shown.

    Checked with the default (congruence) reading of DUO's formula; use
    ``validate(..., strict=True)`` first when you want the literal one.
    ``repr`` and ``str`` show only the last four digits;
    [`unmasked`][duo_domain.identity.onderwijsnummer.Onderwijsnummer.unmasked]
    gives the full number.

    Construct it from the number as text, with or without separators.

    Raises:
        InvalidIdentifier: when the number is not a valid onderwijsnummer.

    Examples:
        >>> o = Onderwijsnummer("1012.22.331")
        >>> o, str(o), o.unmasked()
        (Onderwijsnummer('*****2331'), '*****2331', '101222331')
    """

    __module__ = "duo_domain.identity.onderwijsnummer"  # its public home, as for Bsn

    _nummer: str = attrs.field(converter=check_onderwijsnummer, alias="nummer")

    def unmasked(self) -> str:
        """The full nine-digit number. Handle with care: it is personal data."""
        return self._nummer

    @property
    def masked(self) -> str:
        """The number with all but the last four digits replaced by ``*``."""
        return mask(self._nummer)

    def __repr__(self) -> str:
        return f"Onderwijsnummer({self.masked!r})"

    def __str__(self) -> str:
        return self.masked
