r"""One fused format test per object: several guards' expressions matched in one ``fullmatch``.

A plan's format guards (``guard=(field, pattern.fullmatch)``) each cost a call of the compiled
expression. Where a class has several of them, the plan first joins the fields' values with a
separator into one text and matches it against one expression of the guards' expressions
joined by the same separator: a hit says every guarded field is absent or fits, so no guarded
check can find anything; on a miss (or a value that is not text) the per-field guards decide,
exactly as without the fusion.

Soundness, by construction. The text is ``E1 SEP E2 SEP ... En``: ``Ei`` is the field's value,
or for an absent field (``None``) a *witness* of its expression, a text checked here to fit it
(so an absent field, which no guard refuses, can make no miss). The expression is
``(?:P1)SEP(?:P2)...SEP(?:Pn)``. Only an expression ``P`` proved here never to take the separator,
and whose meaning does not depend on where the text ends, is fused:

* its atoms are literals, character classes and categories checked, character by character,
  to refuse the separator; repeats, branches and non-capturing groups of them;
* lookaheads (``(?=...)``, ``(?!...)``) of the same, and nothing else: no anchor (``\Z``, ``$``,
  ``^``, ``\b``), no lookbehind, no group or back reference, no flag but the default.

Only the ``n - 1`` literal separators of the expression take a separator, so a text matches
only if it holds exactly ``n - 1``: a value that holds one itself makes the fused test miss.
Without one, the separators of the text are exactly those of the join, and each ``Pi`` matches
exactly ``Ei``; a lookahead that reaches the end of ``Ei`` meets a separator, which none of its
atoms can take, just as it meets the end of ``Ei``'s own text in the per-field match. So the
fused test hits if and only if every ``Ei`` fits its ``Pi``: every value fits or is absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from duo_domain import _regex

#: What separates the values in the fused text (a control character: no format takes it).
SEP: Final = "\x1f"


def fusable(fits: Callable[[Any], object]) -> tuple[re.Pattern[str], str] | None:
    r"""The expression of a guard that may join a fused test, and its witness; else ``None``.

    ``fits`` must be a compiled expression's ``fullmatch`` of the kind proved sound (module
    docstring); the witness is a text it fits (what an absent field stands as in the text).

    Examples:
        >>> fusable(re.compile("[0-9]{3}A[0-9]{3}").fullmatch)
        (re.compile('[0-9]{3}A[0-9]{3}'), '000A000')
        >>> fusable(re.compile(r"[0-9]+\Z").fullmatch), fusable(re.compile(".{5}").fullmatch), fusable(len)
        (None, None, None)
    """
    pattern = getattr(fits, "__self__", None)
    if (
        not isinstance(pattern, re.Pattern)
        or getattr(fits, "__name__", None) != "fullmatch"
        or not isinstance(pattern.pattern, str)
        or pattern.flags != re.UNICODE
        or pattern.groups
        or not _regex.never_takes(pattern.pattern, SEP)
    ):
        return None
    witness = _regex.witness(pattern.pattern)
    if witness is None or pattern.fullmatch(witness) is None:
        return None
    return pattern, witness


def fuse(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One expression for the text of values joined by `SEP`, one per pattern, in order.

    Examples:
        >>> both = fuse([re.compile("[0-9]{2}"), re.compile("[A-Z]+")])
        >>> bool(both.fullmatch(SEP.join(["12", "AB"]))), bool(both.fullmatch(SEP.join(["1", "AB"])))
        (True, False)
        >>> bool(both.fullmatch(SEP.join(["12", "A" + SEP + "B"])))
        False
    """
    for pattern in patterns:
        if fusable(pattern.fullmatch) is None:
            raise ValueError(f"expression {pattern.pattern!r} is not proved fusable")
    return re.compile(SEP.join(f"(?:{p.pattern})" for p in patterns))
