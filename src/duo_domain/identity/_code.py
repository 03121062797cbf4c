"""The four functions of a pattern-only code, written once (private).

Most DUO and RIO codes have no check digit: a fixed length and a fixed
pattern. [`CodeSpec`][duo_domain.identity.oin.CodeSpec] gives such a code its ``compact``, ``validate``,
``is_valid`` and ``format``; each public module wraps them with its own
docstring.
"""

from __future__ import annotations

import re

import attrs

from duo_domain.errors import InvalidIdentifier
from duo_domain.identity._common import check_pattern, check_text, strip_separators

__all__ = ["CodeSpec"]


def _compile(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern)


@attrs.frozen
class CodeSpec:
    """A code of ``length`` characters that fully matches ``pattern``.

    Attributes:
        kind: The ``kind`` of the errors raised.
        pattern: A regular expression the compact code must fully match.
        length: The number of characters of the compact code.
        shape: How to describe the pattern to a person, e.g. ``"nnAA"``.
        upper: Whether ``compact`` upper-cases (codes with letters).
    """

    kind: str
    pattern: re.Pattern[str] = attrs.field(converter=_compile)
    length: int
    shape: str
    upper: bool = False

    def compact(self, value: str) -> str:
        """``value`` without spaces, dots and dashes (and upper-cased if the code has letters)."""
        code = strip_separators(check_text(value, self.kind))
        return code.upper() if self.upper else code

    def validate(self, value: str) -> str:
        """The compact form, when it has the right length and pattern."""
        return check_pattern(
            self.compact(value), self.pattern, length=self.length, kind=self.kind, shape=self.shape
        )

    def is_valid(self, value: object) -> bool:
        """Whether ``value`` validates; never raises."""
        if not isinstance(value, str):
            return False
        if len(value) == self.length and self.pattern.fullmatch(value) is not None:
            return True
        try:
            self.validate(value)
        except InvalidIdentifier:
            return False
        return True
