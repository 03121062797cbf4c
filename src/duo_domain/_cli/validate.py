"""``duo-domain validate FILE``: check any document of the library against the rule catalogue.

The file holds one of the documents the library reads, recognised from its
content (the output names the kind it judged):

* MBO student records (JSON): one record (a JSON object) or a list of them
  (a JSON array); finding paths start at ``$`` for one record and at
  ``$[0]``, ``$[1]``, ... for a list. In a list, a record that cannot be
  read is reported on its own (a line ``unreadable record $[i]: message @
  path``, or an entry of ``"unreadable"`` with ``--json``) and the other
  records are still judged;
* an MBO uitslag document (JSON with ``"sector": "mbo"``);
* a VO cijferlijst (JSON with ``"sector": "vo"`` or a ``schoolsoort``);
* an XML message of the library ([`duo_domain.serialize.xml`][duo_domain.serialize.xml]),
  recognised by its first character ``<``. The message is read safely and
  checked against its XSD; every violation is a finding
  (``XML.BERICHT.SCHEMA`` or ``XML.BERICHT.WAARDE``) with its line. A message
  that conforms is validated record by record, with paths ``$[0]``,
  ``$[1]``, ... as in the message.

``--referentiedata REF`` reads a reference-data file (the JSON format of
[`duo_domain.mbo.reference`][duo_domain.mbo.reference]: crebo hierarchy, RIO
onderwijslocaties, SBB leerbedrijven) and hands it to every validation, also
in batch mode. Without it the rules that need reference data say what they
could not check (a signaal). A reference-data file that cannot be read stops
the command before any document is judged (exit 2, one line on stderr).

``--codetabellen DIR`` reads a directory of a vendor's newer code tables (the
format of [`duo_domain.codes`][duo_domain.codes]) and judges with them instead of the
shipped tables of the same name, also in batch mode; a bad directory or table
stops the command the same way.

Every JSON document is read by the one reading layer
([`duo_domain.serialize.reading`][duo_domain.serialize.reading]), under its limits.

``-`` reads standard input. Output: each finding on a line and a summary
line, or with ``--json`` the object ``{"kind": ..., "findings": [...],
"unreadable": [...]}``. Exit codes: 0 when no finding reaches error level
and every record was read, 1 when a finding does or a record of a list
could not be read (an XSD violation always does), 2 with one line on stderr
when the file cannot be read as a document at all (not JSON or XML, beyond
the reading limits, a single document with a structural problem, XML that
is not well-formed or refused for safety).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from duo_domain._cli import _batch, _codes
from duo_domain._cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    CliError,
    Command,
    date_option,
    is_xml,
    print_json,
    read_bytes,
    refused,
)
from duo_domain.errors import DuoDomainError, InvalidDocument

if TYPE_CHECKING:
    from duo_domain.codes import Codetabellen
    from duo_domain.mbo.reference import Referentiedata
    from duo_domain.rules import Report


@attrs.frozen
class _Judged:
    what: str
    report: Report
    unreadable: tuple[tuple[int, InvalidDocument], ...] = ()


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        metavar="FILE",
        help="MBO student record(s), MBO uitslag document or VO cijferlijst (JSON), "
        "or an XML message (- for stdin)",
    )
    p.add_argument("--json", action="store_true", help='print {"kind", "findings", "unreadable"} as JSON')
    p.add_argument("--peildatum", metavar="YYYY-MM-DD", help="apply only the rules in force on this date")
    p.add_argument(
        "--referentiedata",
        metavar="REF",
        help="reference data (JSON: crebo hierarchy, RIO onderwijslocaties, SBB leerbedrijven) "
        "for the rules that need it",
    )
    _codes.add_argument(p)
    _batch.add_arguments(p)


def _referentiedata(args: argparse.Namespace) -> Referentiedata | None:
    """The reference data of ``--referentiedata``, or ``None`` without the option.

    Raises:
        CliError: when the file cannot be read or is not of the documented format (exit 2).
    """
    from duo_domain.mbo.reference import Referentiedata

    name = getattr(args, "referentiedata", None)
    if name is None:
        return None
    if name == "-":
        raise CliError("--referentiedata: give a file; standard input is for the document")
    try:
        return Referentiedata.loads(read_bytes(name))
    except DuoDomainError as exc:
        raise refused(f"--referentiedata {name}", exc) from None


def _at(prefix: str, path: str) -> str:
    """``path`` (relative to a record, starting at ``$``) placed under ``prefix`` (``$[2]``)."""
    if path == "$" or path.startswith(("$.", "$[")):
        return prefix + path[1:]
    return f"{prefix}.{path}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _records(
    data: Any, peildatum: dt.date | None, ref: Referentiedata | None, codes: Codetabellen | None
) -> _Judged:
    from duo_domain.rules import Report, validate
    from duo_domain.serialize.json import DOCUMENT_NAME, structure_mbo_each

    reads = list(structure_mbo_each(data))
    if data.__class__ is dict and reads[0].error is not None:
        raise reads[0].error  # one record that cannot be read: the document is unusable
    report = Report()
    unreadable: list[tuple[int, InvalidDocument]] = []
    for read in reads:
        if read.error is not None:
            unreadable.append((read.index, read.error))
            continue
        found = validate(read.record, peildatum=peildatum, referentiedata=ref, codes=codes)
        if data.__class__ is list:
            prefix = f"$[{read.index}]"
            found = Report(attrs.evolve(f, path=_at(prefix, f.path)) for f in found)
        report += found
    return _Judged(f"{DOCUMENT_NAME}, {_plural(len(reads), 'record')}", report, tuple(unreadable))


def _validate_json(
    data: bytes, peildatum: dt.date | None, ref: Referentiedata | None, codes: Codetabellen | None
) -> _Judged:
    from duo_domain.rules import validate
    from duo_domain.serialize.json import (
        CIJFERLIJST,
        DOCUMENT_NAME,
        MBO_UITSLAG,
        loads_document,
        structure_cijferlijst,
        structure_mbo_uitslag,
    )

    document = loads_document(data)
    if document.kind == DOCUMENT_NAME:
        return _records(document.data, peildatum, ref, codes)
    if document.kind == MBO_UITSLAG:
        inp = structure_mbo_uitslag(document.data, codes=codes)
        return _Judged(MBO_UITSLAG, validate(inp, peildatum=peildatum, referentiedata=ref, codes=codes))
    cijferlijst = structure_cijferlijst(document.data)
    return _Judged(CIJFERLIJST, validate(cijferlijst, peildatum=peildatum, referentiedata=ref, codes=codes))


def _validate_xml(
    data: bytes, peildatum: dt.date | None, ref: Referentiedata | None, codes: Codetabellen | None
) -> _Judged:
    from duo_domain.rules import Report, validate
    from duo_domain.serialize.xml import read_message, records_of

    bericht, findings = read_message(data)
    if bericht is None:
        return _Judged("XML message not read", Report(findings))
    report = Report()
    n = 0
    for prefix, record in records_of(bericht):
        n += 1
        found = validate(record, peildatum=peildatum, referentiedata=ref, codes=codes)
        report += Report(attrs.evolve(f, path=_at(prefix, f.path)) for f in found)
    return _Judged(f"{bericht.soort} message, {_plural(n, 'record')}", report)


def _write(judged: _Judged, as_json: bool, out: TextIO) -> None:
    report = judged.report
    if as_json:
        print_json(
            {
                "kind": judged.what,
                "findings": [f.to_dict() for f in report],
                "unreadable": [
                    {"index": i, "problems": [{"path": p.path, "message": p.message} for p in e.problems]}
                    for i, e in judged.unreadable
                ],
            },
            out,
        )
        return
    for finding in report:
        out.write(f"{finding}\n")
    for i, error in judged.unreadable:
        for line in error.lines():
            out.write(f"unreadable record $[{i}]: {line}\n")
    unread = f", {_plural(len(judged.unreadable), 'unreadable record')}" if judged.unreadable else ""
    out.write(
        f"{judged.what}: {_plural(len(report), 'finding')}, {len(report.errors)} at error level{unread}\n"
    )


def _run(args: argparse.Namespace, out: TextIO) -> int:
    ref = _referentiedata(args)
    codes = _codes.codetabellen(args)
    if _batch.is_batch(args):
        return _batch.run_validate(args, out, ref, codes)
    peildatum = None
    if args.peildatum:
        peildatum = date_option("--peildatum", args.peildatum)
    data = read_bytes(args.file)
    try:
        judge = _validate_xml if is_xml(data) else _validate_json
        judged = judge(data, peildatum, ref, codes)
    except DuoDomainError as exc:
        raise refused(args.file, exc) from None
    _write(judged, args.json, out)
    return EXIT_OK if judged.report.ok and not judged.unreadable else EXIT_FINDINGS


COMMAND = Command(
    "validate",
    "check MBO student records, an MBO uitslag document, a VO cijferlijst (JSON) or an XML message",
    _configure,
    _run,
)
