"""What a batch hands back per input item, and what it takes besides bare items."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

import attrs

from duo_domain.errors import DocumentProblem
from duo_domain.rules import Finding, Report, Severity

__all__ = ["Located", "Outcome", "unreadable"]

T = TypeVar("T")

#: Rule id: an item of a batch could not be read (not JSON, not the document it should be, a file that
#: cannot be opened); it is neither judged nor sendable, and the other items are still judged.
ONLEESBAAR = "BATCH.RECORD.ONLEESBAAR"


@attrs.frozen
class Located:
    """An item of a batch with the place it came from, e.g. ``"school-a.jsonl:12"``.

    Hand these to a batch instead of bare items when the input comes from files:
    every [`Outcome`][duo_domain.batch.Outcome] then names its origin, and so does the summary.

    Attributes:
        payload: The item itself: a domain object, a parsed JSON document, or the JSON text of one.
        origin: Where it came from, for people; never parsed.
    """

    payload: Any
    origin: str | None = None


def _findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@attrs.frozen
class Outcome(Generic[T]):
    """The judgement of one item of a batch.

    Attributes:
        index: The item's position in the whole input, from 0, whatever the chunk or worker.
        origin: Where the item came from (see [`Located`][duo_domain.batch.Located]), or ``None``.
        findings: Every finding of the item, with paths relative to the item (``$.inschrijvingen[0]``).
            An item that could not be read has findings of rule ``BATCH.RECORD.ONLEESBAAR`` only.
        result: What was computed: an uitslag, a read return file; ``None`` for validation, and
            when the item could not be read.
        readable: False when the item could not be read (and so was not judged).

    Examples:
        >>> from duo_domain.batch import Outcome
        >>> o = Outcome(index=3, origin="a.jsonl:4")
        >>> o.ok, o.to_dict()
        (True, {'index': 3, 'origin': 'a.jsonl:4', 'readable': True, 'findings': []})
    """

    index: int
    origin: str | None = None
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    result: T | None = None
    readable: bool = True

    @property
    def ok(self) -> bool:
        """True when the item was read and no finding reaches error level."""
        return self.readable and not any(f.severity.is_error for f in self.findings)

    @property
    def report(self) -> Report:
        """The findings as a [`Report`][duo_domain.rules.Report]."""
        return Report(self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Plain data, one line of the command line's JSON Lines output.

        The result appears under ``"result"`` when it has a ``to_dict`` of its own (an uitslag).
        """
        out: dict[str, Any] = {
            "index": self.index,
            "origin": self.origin,
            "readable": self.readable,
            "findings": [f.to_dict() for f in self.findings],
        }
        to_dict = getattr(self.result, "to_dict", None)
        if callable(to_dict):
            out["result"] = to_dict()
        return out


def _under(path: str) -> str:
    return path if path == "$" or path.startswith(("$.", "$[")) else f"$.{path}"


def unreadable(
    index: int, origin: str | None, problems: Iterable[DocumentProblem], *, source: str
) -> Outcome[Any]:
    """The outcome of an item that could not be read: one finding per problem, at its path."""
    findings = []
    for p in problems:
        values = {"line": str(p.line)} if p.line is not None else {}
        findings.append(
            Finding(
                rule_id=ONLEESBAAR,
                severity=Severity.AFKEUR,
                path=_under(p.path),
                message=f"cannot be read: {p.message}",
                values=values,
                source=source,
            )
        )
    return Outcome(index=index, origin=origin, findings=tuple(findings), readable=False)
