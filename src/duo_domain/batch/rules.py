"""The catalogue entry for what a batch finds while reading its items.

An item that cannot be read is not an exception that stops the batch but a
finding of its own, so that a nightly run over a whole country still judges
every other record. The finding is made while reading (by the functions of
[`duo_domain.batch`][duo_domain.batch]), not by [`duo_domain.rules.validate`][duo_domain.rules.validate],
whose
check here yields nothing; the rule is registered so that it appears in the
catalogue with its id, severity and source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from duo_domain._sources import BATCH_READING
from duo_domain.batch._outcome import ONLEESBAAR, Located
from duo_domain.rules import CheckContext, Severity, Violation, registry

__all__ = ["ONLEESBAAR"]


@registry.rule(
    ONLEESBAAR,
    severity=Severity.AFKEUR,
    summary="Every item of a batch can be read as the document it should be (one record per item).",
    guidance=(
        "Fix the item at the given index (and file and line): it must be one JSON object of the "
        "expected kind with every field in its format; the path names the first place that is wrong."
    ),
    source=BATCH_READING,
    applies_to=Located,
)
def _onleesbaar(obj: Any, ctx: CheckContext) -> Sequence[Violation]:
    # Reported while reading an item; nothing to check on an object that was read.
    return ()
