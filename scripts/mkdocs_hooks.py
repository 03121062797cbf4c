"""MkDocs hooks: pages generated from the library itself, so docs and code cannot drift.

* ``<!-- rule-catalogue -->`` in a page becomes the full rule catalogue,
  read from :data:`duo_domain.rules.registry`.
* ``<!-- json-schema: PACKAGE/PATH -->`` becomes the JSON Schema shipped in
  the package at that resource path, as a JSON code block.
"""

from __future__ import annotations

import importlib.resources
import re
from collections import defaultdict
from typing import Any

from duo_domain.rules import Rule, registry

_SCHEMA = re.compile(r"<!-- json-schema: ([\w.]+)/([\w./-]+) -->")


def _period(rule: Rule) -> str:
    if rule.geldig_van is None and rule.geldig_tot is None:
        return "always"
    return f"{rule.geldig_van or '…'} – {rule.geldig_tot or '…'}"


def catalogue_markdown() -> str:
    """The rule catalogue as Markdown, grouped by the first two parts of the id."""
    groups: dict[str, list[Rule]] = defaultdict(list)
    for rule in registry:
        groups[".".join(rule.id.split(".")[:2])].append(rule)
    lines = [f"The catalogue holds **{len(registry)} rules**.", ""]
    for group in sorted(groups):
        lines += [f"## {group}", ""]
        for rule in groups[group]:
            source = f"[{rule.source}]({rule.url})" if rule.url else rule.source
            lines += [
                f"### `{rule.id}`",
                "",
                f"{rule.summary}",
                "",
                "| | |",
                "|---|---|",
                f"| Severity | `{rule.severity.value}`"
                + (f" (set by {rule.severity_origin})" if rule.severity_origin else "")
                + " |",
                f"| Checks | `{rule.applies_to.__name__}` |",
                f"| In force | {_period(rule)} |",
                f"| Source | {source} |",
            ]
            if rule.external:
                lines.append(f"| Needs register | {rule.external} (checked only as far as the data allows) |")
            lines += ["", f"**How to fix:** {rule.guidance}", ""]
    return "\n".join(lines)


def _schema_block(match: re.Match[str]) -> str:
    package, path = match.group(1), match.group(2)
    text = importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8")
    return f"```json\n{text.rstrip()}\n```"


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Fill the generated parts of a page."""
    del kwargs
    if "<!-- rule-catalogue -->" in markdown:
        markdown = markdown.replace("<!-- rule-catalogue -->", catalogue_markdown())
    return _SCHEMA.sub(_schema_block, markdown)
