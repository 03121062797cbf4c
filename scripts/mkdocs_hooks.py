"""MkDocs hooks: pages generated from the library itself, so docs and code cannot drift.

* ``<!-- rule-catalogue -->`` in a page becomes the full rule catalogue,
  read from ``duo_domain.rules.registry``: one table per rule family, one
  row per rule with the rule id as its anchor, and the controls that
  ``docs/javascripts/rules.js`` uses to filter the rows.
* a long dotted name in inline code (``PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER``,
  ``duo_domain.serialize.returnfile``) may break after a dot, and only there.
* a page with a mermaid diagram loads the mermaid script shipped in
  ``docs/javascripts/vendor`` (only those pages: it is large).
* ``<!-- json-schema: PACKAGE/PATH -->`` becomes the JSON Schema shipped in
  the package at that resource path, as a JSON code block.
"""

from __future__ import annotations

import html
import importlib.resources
import re
from collections import defaultdict
from typing import Any

from duo_domain.rules import Rule, Severity, registry

_SCHEMA = re.compile(r"<!-- json-schema: ([\w.]+)/([\w./-]+) -->")
# Inline code (not a code block: those follow <pre> or hold highlighting spans) that is a long dotted
# name, such as a rule id or a module path.
_DOTTED_CODE = re.compile(r"(?<!<pre>)<code>([\w$\[\]]+(?:\.[\w$\[\]]+){2,})</code>")


_FAMILY_NAMES = {
    "BATCH.RECORD": "Records of a batch",
    "BRON.EXAMEN": "VO exam results (BRON)",
    "BRON.PAKKET": "Complete VO exams",
    "PERSOON.ADRES": "Addresses",
    "PERSOON.IDENTITEIT": "Personal numbers",
    "PERSOON.PERSOONSGEGEVENS": "Personal data",
    "PERSOON.PLAUSIBEL": "Plausible personal data",
    "PERSOON.TEKST": "Text fields",
    "ROD.AFWEZIGHEID": "Absence report (18+)",
    "ROD.BPV": "BPV agreements",
    "ROD.DIPLOMA": "Diplomas",
    "ROD.EXTRA_ONDERSTEUNING": "Extra support",
    "ROD.FORMAAT": "Field formats (PvE)",
    "ROD.INSCHRIJVING": "Enrolments",
    "ROD.PERIODE": "Enrolment periods",
    "ROD.PLAUSIBEL": "Plausible MBO dates",
    "ROD.REFERENTIEDATA": "Reference data",
    "ROD.RESULTAAT": "MBO results",
    "ROD.UITSLAG": "The MBO uitslag",
    "XML.BERICHT": "XML messages",
}
# The catalogue's order: MBO, then VO, then what both share.
_SECTOR_ORDER = ("ROD", "BRON", "PERSOON", "XML", "BATCH")


def _family_order(family: str) -> tuple[int, str]:
    sector = family.split(".", maxsplit=1)[0]
    rank = _SECTOR_ORDER.index(sector) if sector in _SECTOR_ORDER else len(_SECTOR_ORDER)
    return rank, _FAMILY_NAMES.get(family, family)


def _period(rule: Rule) -> str:
    if rule.geldig_van is None and rule.geldig_tot is None:
        return "always"
    if rule.geldig_tot is None:
        return f"from {rule.geldig_van}"
    if rule.geldig_van is None:
        return f"until {rule.geldig_tot}"
    return f"{rule.geldig_van} – {rule.geldig_tot}"


_LONG_WORD = re.compile(r"[^\s<>]{24,}")


def _breakable_word(match: re.Match[str]) -> str:
    # A long word (a dotted name, a list with slashes) may break after a dot, a slash or a comma.
    return re.sub(r"([./,_])(?=\w)", r"\1<wbr>", match.group(0))


def _text(value: str) -> str:
    """Plain text for HTML, with ``code`` spans kept as code; long words may break after a dot."""
    parts = html.escape(value).split("`")
    return "".join(
        f"<code>{_LONG_WORD.sub(_breakable_word, part)}</code>"
        if i % 2
        else _LONG_WORD.sub(_breakable_word, part)
        for i, part in enumerate(parts)
    )


def _id_cell(rule_id: str) -> str:
    # A line may break only after a dot, never inside a part of the id.
    shown = "<wbr>".join(html.escape(part) + "." for part in rule_id.split("."))[:-1]
    return f'<a class="rule-id" href="#{rule_id}" title="Link to this rule"><code>{shown}</code></a>'


def _fix(rule: Rule) -> str:
    note = f"How to fix: {_text(rule.guidance)}"
    if rule.external:
        note += f" Needs the {_text(rule.external)} register: checked only as far as the data allows."
    return f'<br><span class="rule-fix">{note}</span>'


def _row(rule: Rule) -> str:
    source = _text(rule.source)
    if rule.url:
        source = f'<a href="{html.escape(rule.url)}">{source}</a>'
    severity = rule.severity.value
    haystack = html.escape(f"{rule.id} {rule.summary} {rule.source} {rule.guidance}".lower())
    return (
        f'<tr id="{rule.id}" data-rule data-severity="{severity}" data-text="{haystack}">'
        f"<td>{_id_cell(rule.id)}</td>"
        f'<td><span class="rule-severity rule-severity--{severity}">{severity}</span>{_origin(rule)}</td>'
        f"<td>{_text(rule.summary)}{_fix(rule)}</td>"
        f'<td class="rule-period">{_period(rule)}</td>'
        f'<td class="rule-source">{source}</td></tr>'
    )


def _origin(rule: Rule) -> str:
    """Who set the severity: DUO, or the library's own judgement (when the rule says)."""
    if not rule.severity_origin:
        return ""
    return f'<br><span class="rule-origin">set by {html.escape(rule.severity_origin)}</span>'


def _filter_controls() -> str:
    options = "".join(f'<option value="{s.value}">{s.value}</option>' for s in Severity)
    return (
        '<div class="rule-filter">'
        '<label>Filter <input id="rule-filter-text" type="search" '
        'placeholder="id, word or source, e.g. onderwijsnummer"></label> '
        f'<label>Severity <select id="rule-filter-severity"><option value="">all</option>{options}'
        "</select></label> "
        f'<span id="rule-filter-count" aria-live="polite">{len(registry)} rules</span>'
        "</div>"
    )


def catalogue_markdown() -> str:
    """The rule catalogue: a filter, then one table per rule family (the first two parts of the id)."""
    families: dict[str, list[Rule]] = defaultdict(list)
    for rule in registry:
        families[".".join(rule.id.split(".")[:2])].append(rule)
    lines = [
        f"The catalogue holds **{len(registry)} rules** in {len(families)} families.",
        "",
        _filter_controls(),
        "",
    ]
    head = "<tr><th>Rule</th><th>Severity</th><th>What must hold</th><th>In force</th><th>Source</th></tr>"
    for family in sorted(families, key=_family_order):
        rules = sorted(families[family], key=lambda r: r.id)
        title = _FAMILY_NAMES.get(family, family)
        count = f"{len(rules)} rule" if len(rules) == 1 else f"{len(rules)} rules"
        lines += [
            f"## {title} {{: #{family} data-family }}",
            "",
            f'<p class="rule-family-id"><code>{family}</code> · {count}</p>',
            "",
            f'<table data-family="{family}"><thead>{head}</thead><tbody>',
            *(_row(rule) for rule in rules),
            "</tbody></table>",
            "",
        ]
    return "\n".join(lines)


def _schema_block(match: re.Match[str]) -> str:
    package, path = match.group(1), match.group(2)
    text = importlib.resources.files(package).joinpath(path).read_text(encoding="utf-8")
    return f"```json\n{text.rstrip()}\n```"


def _breakable(match: re.Match[str]) -> str:
    return "<code>" + match.group(1).replace(".", ".<wbr>") + "</code>"


def on_page_content(html: str, **kwargs: Any) -> str:
    """Let long dotted names in inline code break after a dot, never inside a word."""
    del kwargs
    return _DOTTED_CODE.sub(_breakable, html)


def on_post_page(output: str, page: Any, **kwargs: Any) -> str:
    """Load the bundled mermaid on the pages that have a diagram (Material renders them with it)."""
    del kwargs
    if 'class="mermaid"' not in output:
        return output
    up = "../" * page.url.count("/")
    script = f'<script src="{up}javascripts/vendor/mermaid.min.js"></script>'
    return output.replace("</body>", f"{script}\n</body>", 1)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Fill the generated parts of a page."""
    del kwargs
    if "<!-- rule-catalogue -->" in markdown:
        markdown = markdown.replace("<!-- rule-catalogue -->", catalogue_markdown())
    return _SCHEMA.sub(_schema_block, markdown)
