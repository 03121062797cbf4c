"""``duo-domain convert IN OUT``: JSON documents to XML messages and back.

* An MBO student record document (one record or a list, the document of
  ``duo-domain validate``) becomes an MBO message (``aanleverenStudentMBO``
  unless ``--bericht`` names another MBO kind), and an MBO message becomes
  that document again.
* A VO cijferlijst document becomes an ``aanleverenExamenresultaatVO`` message.

The input's kind is recognised from its content (XML starts with ``<``); the
output's from ``--to`` or else OUT's extension (``.xml`` / ``.json``); ``-``
is stdin / stdout. Exit 0 when converted, 2 with one line on stderr for
input that cannot be converted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
from pathlib import Path
from typing import Any, TextIO

from duo_domain._cli._common import EXIT_OK, CliError, Command, is_xml, read_bytes, refused
from duo_domain.errors import DuoDomainError

_MBO_KINDS = (
    "aanleverenStudentMBO",
    "aanleverenInschrijvingMBO",
    "aanleverenBpvMBO",
    "aanleverenResultaatMBO",
)


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="JSON document or XML message ('-' for stdin)")
    p.add_argument("output", metavar="OUT", help="file to write ('-' for stdout)")
    p.add_argument("--to", choices=("xml", "json"), help="output format (default: from OUT's extension)")
    p.add_argument(
        "--bericht",
        choices=_MBO_KINDS,
        default="aanleverenStudentMBO",
        help="the MBO message kind to write (default: aanleverenStudentMBO, which carries everything)",
    )
    p.add_argument("--verzender", metavar="OIN|BRIN", help="sending party in the header (default: the BRIN)")
    p.add_argument("--ontvanger", metavar="OIN", default="DUO", help="receiving party (default: DUO)")
    p.add_argument("--id", metavar="UUID", help="the header's document id (default: a new random UUID)")
    p.add_argument("--tijd", metavar="ISO-MOMENT", help="the header's moment, with a zone (default: now)")
    p.add_argument(
        "--compact", action="store_true", help="XML on one line instead of indented, one element a line"
    )


def _format(args: argparse.Namespace) -> str:
    if args.to:
        return str(args.to)
    suffix = Path(args.output).suffix.lower()
    if suffix in (".xml", ".json"):
        return suffix[1:]
    raise CliError(f"{args.output}: cannot tell the output format from the name; give --to xml or --to json")


def _kop(args: argparse.Namespace, records: list[Any]) -> Any:
    from duo_domain.serialize.xml import Bedrijfsdocument

    verzender = args.verzender
    if verzender is None:
        for record in records:
            for inschrijving in getattr(record, "inschrijvingen", ()):
                verzender = inschrijving.instelling
                break
            if verzender:
                break
    if not verzender:
        raise CliError("the header needs a sender: give --verzender (an OIN or BRIN code)")
    try:
        ident = uuid.UUID(args.id) if args.id else uuid.uuid4()
    except ValueError:
        raise CliError(f"--id: {args.id!r} is not a UUID") from None
    moment = dt.datetime.now(dt.UTC)
    if args.tijd:
        try:
            moment = dt.datetime.fromisoformat(args.tijd)
        except ValueError:
            raise CliError(f"--tijd: {args.tijd!r} is not an ISO 8601 moment") from None
        if moment.tzinfo is None:
            raise CliError("--tijd: give the moment with a time zone, e.g. 2026-03-01T09:00:00Z")
    try:
        return Bedrijfsdocument(ident, verzender, args.ontvanger, moment)
    except DuoDomainError as exc:
        raise CliError(f"header: {exc}") from None


def _json_to_xml(data: bytes, args: argparse.Namespace) -> bytes:
    from duo_domain.serialize.json import (
        CIJFERLIJST,
        MBO_UITSLAG,
        loads_document,
        structure_cijferlijst,
        structure_mbo,
    )
    from duo_domain.serialize.xml import Bericht, dumps_message

    document = loads_document(data)
    if document.kind == MBO_UITSLAG:
        raise CliError(f"{args.input}: an {MBO_UITSLAG} has no XML message to convert to")
    if document.kind == CIJFERLIJST:
        records: list[Any] = [structure_cijferlijst(document.data)]
        soort = "aanleverenExamenresultaatVO"
    else:
        structured = structure_mbo(document.data)
        records = structured if isinstance(structured, list) else [structured]
        soort = args.bericht
    if not records:
        raise CliError(f"{args.input}: the document holds no records")
    return dumps_message(Bericht(soort, _kop(args, records), records), indent=not args.compact)


def _xml_to_json(data: bytes) -> str:
    from duo_domain.mbo.record import MboStudentRecord
    from duo_domain.serialize.json import dumps_mbo
    from duo_domain.serialize.xml import loads_message

    bericht = loads_message(data)
    if not all(isinstance(r, MboStudentRecord) for r in bericht.inhoud):
        raise CliError(f"a {bericht.soort} message has no JSON document to convert to; MBO messages only")
    records: list[MboStudentRecord] = list(bericht.inhoud)
    return dumps_mbo(records[0] if len(records) == 1 else records, indent=2) + "\n"


def _write(name: str, content: bytes, out: TextIO) -> None:
    if name == "-":
        if out is sys.stdout:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            out.write(content.decode("utf-8"))
        return
    try:
        Path(name).write_bytes(content)
    except OSError as exc:
        raise CliError(f"{name}: cannot be written ({exc.strerror})") from None
    except ValueError:  # a NUL in the name
        raise CliError(f"{name!r}: not a file name") from None


def _run(args: argparse.Namespace, out: TextIO) -> int:
    target = _format(args)
    data = read_bytes(args.input)
    try:
        if is_xml(data):
            if target != "json":
                raise CliError("the input is XML already; convert to json")
            content = _xml_to_json(data).encode("utf-8")
        else:
            if target != "xml":
                raise CliError("the input is JSON already; convert to xml")
            content = _json_to_xml(data, args)
            if not content.endswith(b"\n"):
                content += b"\n"
    except DuoDomainError as exc:
        raise refused(args.input, exc) from None
    _write(args.output, content, out)
    return EXIT_OK


COMMAND = Command("convert", "convert JSON documents to XML messages and back", _configure, _run)
