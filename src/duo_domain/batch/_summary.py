"""The totals of a batch: items, unreadable items, findings per rule and severity, uitslagen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from duo_domain.batch._outcome import Outcome

__all__ = ["Summary"]


def _uitslag_of(result: Any) -> str | None:
    value = getattr(result, "uitslag", None)
    if value is None:
        return None
    return str(getattr(value, "value", value))


class Summary:
    """Totals of a batch, kept as the outcomes stream past (it holds counts only, never outcomes).

    Examples:
        >>> from duo_domain.batch import Summary, validate_records
        >>> records = ['{"student": {"bsn": "111222333"}}', "[1]", "{"]
        >>> summary = Summary().add_all(validate_records(records))
        >>> summary.items, summary.unreadable, summary.findings
        (3, 2, 2)
        >>> summary.to_dict()["by_rule"]
        [{'rule': 'BATCH.RECORD.ONLEESBAAR', 'severity': 'afkeur', 'count': 2}]
        >>> print(summary.format())
        items       3
        unreadable  2
        findings    2 (2 at error level)
        <BLANKLINE>
        count  severity  rule
            2  afkeur    BATCH.RECORD.ONLEESBAAR
    """

    def __init__(self) -> None:
        self.items = 0
        self.unreadable = 0
        self.findings = 0
        self.errors = 0
        self.with_errors = 0
        self.by_rule: Counter[tuple[str, str]] = Counter()
        self.uitslagen: Counter[str] = Counter()

    def add(self, outcome: Outcome[Any]) -> Outcome[Any]:
        """Count one outcome, and hand it back (to count inside a loop or a generator)."""
        self.items += 1
        if not outcome.readable:
            self.unreadable += 1
        errors = 0
        for f in outcome.findings:
            self.by_rule[f.rule_id, f.severity.value] += 1
            errors += f.severity.is_error
        self.findings += len(outcome.findings)
        self.errors += errors
        self.with_errors += bool(errors)
        uitslag = _uitslag_of(outcome.result)
        if uitslag is not None:
            self.uitslagen[uitslag] += 1
        return outcome

    def add_all(self, outcomes: Iterable[Outcome[Any]]) -> Summary:
        """Count every outcome; returns this summary."""
        for outcome in outcomes:
            self.add(outcome)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The totals as plain data: per rule sorted by count (most first), then by id."""
        rows = sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        return {
            "items": self.items,
            "unreadable": self.unreadable,
            "items_with_errors": self.with_errors,
            "findings": self.findings,
            "errors": self.errors,
            "by_rule": [{"rule": r, "severity": s, "count": n} for (r, s), n in rows],
            "uitslagen": dict(sorted(self.uitslagen.items())),
        }

    def format(self) -> str:
        """The totals as a table for people."""
        d = self.to_dict()
        lines = [
            f"items       {d['items']}",
            f"unreadable  {d['unreadable']}",
            f"findings    {d['findings']} ({d['errors']} at error level)",
        ]
        lines.extend(f"{u:<12}{n}" for u, n in d["uitslagen"].items())
        if d["by_rule"]:
            width = max(5, *(len(str(row["count"])) for row in d["by_rule"]))
            lines.append("")
            lines.append(f"{'count':>{width}}  severity  rule")
            lines.extend(
                f"{row['count']:>{width}}  {row['severity']:<8}  {row['rule']}" for row in d["by_rule"]
            )
        return "\n".join(lines)
