"""``duo-domain validate FILE``: check MBO student records or an XML message against the rule catalogue.

The file holds one of:

* a JSON document: one MBO student record (a JSON object) or a list of them
  (a JSON array); finding paths start at ``$`` for one record and at
  ``$[0]``, ``$[1]``, ... for a list;
* an XML message of the library ([`duo_domain.serialize.xml`][duo_domain.serialize.xml]),
  recognised by its first character ``<``. The message is read safely and
  checked against its XSD; every violation is a finding
  (``XML.BERICHT.SCHEMA`` or ``XML.BERICHT.WAARDE``) with its line. A message
  that conforms is validated record by record, with paths ``$[0]``,
  ``$[1]``, ... as in the message.

``-`` reads standard input. Output: each finding on a line and a summary
line, or with ``--json`` the object ``{"findings": [...]}``, for both kinds of
input. Exit codes: 0 when no finding reaches error level, 1 when one does
(an XSD violation always does), 2 when the file cannot be read as such a
document: not JSON or XML, JSON that is not a student record (the message
names the path of the first structural problem), XML that is not
well-formed, not one of the library's messages, or refused for safety (a
DTD, entities, too large or too deep).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, TextIO

from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, CliError, Command, print_json, read_bytes
from duo_domain.errors import DuoDomainError, InvalidDocument

if TYPE_CHECKING:
    from duo_domain.rules import Report


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        metavar="FILE",
        help="JSON file with an MBO student record or a list of them, or an XML message (- for stdin)",
    )
    p.add_argument("--json", action="store_true", help='print {"findings": [...]} as JSON')
    p.add_argument("--peildatum", metavar="YYYY-MM-DD", help="apply only the rules in force on this date")


def _is_xml(data: bytes) -> bool:
    """Whether the input is XML: ``<`` first, after a byte order mark and white space."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _at(prefix: str, path: str) -> str:
    """``path`` (relative to a record, starting at ``$``) placed under ``prefix`` (``$[2]``)."""
    if path == "$" or path.startswith(("$.", "$[")):
        return prefix + path[1:]
    return f"{prefix}.{path}"


def _validate_json(data: bytes, name: str, peildatum: dt.date | None) -> tuple[Report, str]:
    from duo_domain.rules import validate
    from duo_domain.serialize.json import loads_mbo

    try:
        records = loads_mbo(data)
    except InvalidDocument as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        raise CliError(
            _one_line(f"{name}: not an MBO student record: {first.message} @ {first.path}{more}")
        ) from None
    n = len(records) if isinstance(records, list) else 1
    return validate(records, peildatum=peildatum), f"{n} record{'s' if n != 1 else ''}"


def _validate_xml(data: bytes, name: str, peildatum: dt.date | None) -> tuple[Report, str]:
    import attrs

    from duo_domain.rules import Report, validate
    from duo_domain.serialize.xml import read_message, records_of

    try:
        bericht, findings = read_message(data)
    except InvalidDocument as exc:  # XmlRefused is one
        raise CliError(_one_line(f"{name}: {exc}")) from None
    except DuoDomainError as exc:
        raise CliError(_one_line(f"{name}: {exc}")) from None
    if bericht is None:
        return Report(findings), "XML message not read"
    report = Report()
    n = 0
    for prefix, record in records_of(bericht):
        n += 1
        found = validate(record, peildatum=peildatum)
        report += Report(attrs.evolve(f, path=_at(prefix, f.path)) for f in found)
    return report, f"{bericht.soort} message, {n} record{'s' if n != 1 else ''}"


def _run(args: argparse.Namespace, out: TextIO) -> int:
    peildatum = None
    if args.peildatum:
        try:
            peildatum = dt.date.fromisoformat(args.peildatum)
        except ValueError:
            raise CliError(f"--peildatum: {args.peildatum!r} is not a date (YYYY-MM-DD)") from None
    data = read_bytes(args.file)
    if _is_xml(data):
        report, what = _validate_xml(data, args.file, peildatum)
    else:
        report, what = _validate_json(data, args.file, peildatum)
    if args.json:
        print_json({"findings": [f.to_dict() for f in report]}, out)
    else:
        for finding in report:
            out.write(f"{finding}\n")
        errors = len(report.errors)
        out.write(
            f"{what}: {len(report)} finding{'s' if len(report) != 1 else ''}, {errors} at error level\n"
        )
    return EXIT_OK if report.ok else EXIT_FINDINGS


COMMAND = Command(
    "validate",
    "check MBO student records (JSON) or an XML message against the rule catalogue",
    _configure,
    _run,
)
