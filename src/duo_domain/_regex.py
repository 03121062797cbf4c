r"""What a regular expression can take, proved from its parsed form (private).

For an expression of a plain kind (literals, character classes and categories; repeats, branches,
non-capturing groups and lookaheads of them), the characters it can take are those its atoms
can take: `never_takes` and `takes_none_of` check each atom, and say ``False`` for anything else
(an anchor such as ``\Z`` or ``$``, ``.``, a lookbehind, a group or back reference, a flag): not
proved, not "it does". `witness` finds a text such an expression may match, for the caller to check.

Examples:
    >>> never_takes("[0-9]{3}A[0-9]{3}", "\x1f"), never_takes("[^a]+", "\x1f"), never_takes("a\\Z", "\x1f")
    (True, False, False)
    >>> witness("(?=[A-Z]{2})[A-Z]{2,}"), witness("[1-9][0-9]{2}")
    ('AA', '100')
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

try:  # the expression parser of the standard library's ``re`` (private, stable since 3.11)
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python: nothing is proved
    _parser = None
    _c = None

__all__ = ["bounded", "never_takes", "takes_none_of", "witness"]

_CATEGORIES: Final[dict[Any, str]] = (
    {}
    if _c is None
    else {
        _c.CATEGORY_DIGIT: r"\d",
        _c.CATEGORY_NOT_DIGIT: r"\D",
        _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S",
        _c.CATEGORY_WORD: r"\w",
        _c.CATEGORY_NOT_WORD: r"\W",
    }
)


def _parse(pattern: str) -> Any:
    if _parser is None:  # pragma: no cover
        return None
    try:
        return _parser.parse(pattern, re.UNICODE)
    except re.error:
        return None


def _class_takes(items: Sequence[tuple[Any, Any]], char: str) -> bool | None:
    """Whether a character class takes ``char``; ``None`` for an item this module does not know."""
    code = ord(char)
    negate = False
    takes = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            takes = takes or av == code
        elif op is _c.RANGE:
            takes = takes or av[0] <= code <= av[1]
        elif op is _c.CATEGORY and av in _CATEGORIES:
            takes = takes or re.fullmatch(_CATEGORIES[av], char) is not None
        else:
            return None
    return takes != negate


def _atom_refuses(op: Any, av: Any, chars: str) -> bool:
    """Whether one consuming atom takes none of ``chars`` (``False`` for anything unknown)."""
    if op is _c.LITERAL:
        return chr(av) not in chars
    if op is _c.IN:
        return all(_class_takes(av, c) is False for c in chars)
    if op is _c.CATEGORY:
        return av in _CATEGORIES and not any(re.fullmatch(_CATEGORIES[av], c) for c in chars)
    return False  # ANY, NOT_LITERAL and the rest may take one


def _atom_outside(op: Any, av: Any, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether one consuming atom takes no character of ``ranges`` (``False`` when not sure)."""
    if op is _c.LITERAL:
        return not any(lo <= av <= hi for lo, hi in ranges)
    if op is _c.IN:  # only plain classes of literals and ranges are judged
        for item, value in av:
            if item is not _c.LITERAL and item is not _c.RANGE:
                return False
            first, last = (value, value) if item is _c.LITERAL else value
            if any(first <= hi and lo <= last for lo, hi in ranges):
                return False
        return True
    return False


def _proved(nodes: Any, refuses: Callable[[Any, Any], bool]) -> bool:
    """Whether a parsed expression is of the plain kind (module docstring) and ``refuses`` each atom."""
    for op, av in nodes:
        if op in (_c.LITERAL, _c.IN, _c.CATEGORY):
            if not refuses(op, av):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _proved(av[2], refuses):
                return False
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, inner = av
            if group is not None or add_flags or del_flags or not _proved(inner, refuses):
                return False
        elif op is _c.BRANCH:
            if not all(_proved(branch, refuses) for branch in av[1]):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, inner = av
            if direction != 1 or not _proved(inner, refuses):
                return False
        else:
            return False  # anchors, ANY, NOT_LITERAL, group references, atomic groups, ...
    return True


def _witness(nodes: Any) -> str | None:
    """A text the parsed expression may match (checked by the caller), or ``None``."""
    out = []
    for op, av in nodes:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op is _c.IN:
            own = [chr(v if item is _c.LITERAL else v[0]) for item, v in av if item in (_c.LITERAL, _c.RANGE)]
            found = next((c for c in (*_CANDIDATES, *own) if _class_takes(av, c)), None)
            if found is None:
                return None
            out.append(found)
        elif op is _c.CATEGORY:
            found = next((c for c in _CANDIDATES if re.fullmatch(_CATEGORIES.get(av, "(?!)"), c)), None)
            if found is None:
                return None
            out.append(found)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            inner = _witness(av[2])
            if inner is None:
                return None
            out.append(inner * av[0])
        elif op is _c.SUBPATTERN:
            inner = _witness(av[3])
            if inner is None:
                return None
            out.append(inner)
        elif op is _c.BRANCH:
            inner = next((w for w in map(_witness, av[1]) if w is not None), None)
            if inner is None:
                return None
            out.append(inner)
        elif op not in (_c.ASSERT, _c.ASSERT_NOT):
            return None
    return "".join(out)


#: The characters a witness is made of, tried in turn for a character class.
_CANDIDATES: Final = "A0a_ -.X"


def never_takes(pattern: str, chars: str) -> bool:
    """Proved: ``pattern`` (of the plain kind, see above) takes none of ``chars``, nor looks ahead at one."""
    parsed = _parse(pattern)
    return parsed is not None and _proved(parsed, lambda op, av: _atom_refuses(op, av, chars))


def witness(pattern: str) -> str | None:
    """A text ``pattern`` matches whole, or ``None`` when none is found (of the plain kind only)."""
    parsed = _parse(pattern)
    found = None if parsed is None or not _proved(parsed, lambda op, av: True) else _witness(parsed)
    return found if found is not None and re.fullmatch(pattern, found) is not None else None


def takes_none_of(pattern: str, ranges: Sequence[tuple[int, int]]) -> bool:
    """Proved: no text ``pattern`` matches holds a character of ``ranges`` (code points, inclusive).

    ``False`` means not proved (an expression of a kind this module does not judge), not "it does".

    Examples:
        >>> takes_none_of("[0-9]{3}A[0-9]{3}", [(0, 31)]), takes_none_of("[^a]+", [(0, 31)])
        (True, False)
    """
    parsed = _parse(pattern)
    return parsed is not None and _proved(parsed, lambda op, av: _atom_outside(op, av, ranges))


_QUANTIFIER: Final = re.compile(r"(?:[+*?]|\{[0-9]*(?:,[0-9]*)?\})\Z")


def bounded(pattern: str, low: int, high: int) -> str | None:
    """An expression whose full matches are those of ``pattern`` of ``low`` to ``high`` characters.

    Found only in two plain cases, else ``None``: every match of ``pattern`` already has such a
    length (``pattern`` itself), or ``pattern`` is one repeated atom (``[A-Za-z0-9]+``) whose
    repeat bounds can take the length's (``[A-Za-z0-9]{1,20}``). The new expression is checked to
    parse as ``pattern``'s atom with those bounds. A format that joins a length and a pattern can
    then be one plain expression instead of the pattern behind a lookahead of the length.

    Examples:
        >>> bounded("[0-9]{3}A[0-9]{3}", 7, 7), bounded("[A-Za-z0-9]+", 1, 20), bounded("a|bb", 1, 1)
        ('[0-9]{3}A[0-9]{3}', '[A-Za-z0-9]{1,20}', None)
    """
    parsed = _parse(pattern)
    if parsed is None or not _proved(parsed, lambda op, av: True):
        return None
    shortest, longest = parsed.getwidth()
    if low <= shortest and longest <= high:
        return pattern
    if len(parsed) != 1 or parsed[0][0] is not _c.MAX_REPEAT:
        return None
    least, most, atom = parsed[0][1]
    if len(atom) != 1 or atom[0][0] not in (_c.LITERAL, _c.IN, _c.CATEGORY):
        return None
    quantifier = _QUANTIFIER.search(pattern)
    least, most = max(least, low), min(most, high)
    if quantifier is None or least > most:
        return None
    candidate = f"{pattern[: quantifier.start()]}{{{least},{most}}}"
    found = _parse(candidate)
    if found is None or repr(list(found)) != repr([(_c.MAX_REPEAT, (least, most, atom))]):
        return None
    return candidate
