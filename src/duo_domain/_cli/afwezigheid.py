"""``duo-domain afwezigheid FILE [--json]``: the absence report of WEB art. 8.1.7.

The document is one JSON object, or a list of them, with the fields of
[`duo_domain.mbo.afwezigheid.Afwezigheid`][duo_domain.mbo.afwezigheid.Afwezigheid]. For each absence the
command
prints whether the report to DUO is due, every condition with its article,
the deadlines (notice to the student, report to DUO) and the finding of rule
``ROD.AFWEZIGHEID.MELDING`` when a due report is missing or late. Exit 0 when
every absence was judged and nothing is missing or late, 1 when a report is
missing or late, 2 with one line when the document cannot be read.
``--codetabellen DIR`` reads the kenmerken (niveau, voltijd) from a vendor's
newer code tables (see ``duo-domain validate``).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from duo_domain._cli import _codes
from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, Command, print_json, read_bytes, refused
from duo_domain.errors import DuoDomainError


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the JSON document (- for stdin)")
    p.add_argument("--json", action="store_true", help="print the judgement as JSON")
    _codes.add_argument(p)


def _read(name: str, data: bytes) -> list[Any]:
    """The absences of the document, read through the shared reading layer.

    The same limits, ISO dates only and the same messages as every other reader; one line (exit 2)
    when the document cannot be read.
    """
    from duo_domain.mbo.afwezigheid import Afwezigheid
    from duo_domain.serialize.reading import parse_json

    try:
        parsed = parse_json(data)  # named "document", as every other command names it
        items = parsed if isinstance(parsed, list) else [parsed]
        return [
            Afwezigheid.from_dict(item, path=f"$[{i}]" if isinstance(parsed, list) else "$")
            for i, item in enumerate(items)
        ]
    except DuoDomainError as exc:
        raise refused(name, exc) from None


def _as_dict(afwezigheid: Any, findings: list[Any], codes: Any) -> dict[str, Any]:
    o = afwezigheid.oordeel(codes=codes)
    return {
        "melding_verplicht": o.melding_verplicht,
        "dagen_afwezig": o.dagen_afwezig,
        "voorwaarden": [{"voorwaarde": c, "vervuld": met, "bron": bron} for c, met, bron in o.voorwaarden],
        "termijn_mededeling_student": o.termijn_mededeling_student,
        "einde_periode_acht_weken": o.einde_periode_acht_weken,
        "termijn_melding_duo": o.termijn_melding_duo,
        "opmerkingen": list(o.opmerkingen),
        "findings": [f.to_dict() for f in findings],
        "toelichting": o.toelichting,
    }


def _text(afwezigheid: Any, findings: list[Any], codes: Any) -> str:
    o = afwezigheid.oordeel(codes=codes)
    lines = [
        f"Melding afwezigheid to DUO due: {'yes' if o.melding_verplicht else 'no'} ({o.dagen_afwezig} days)"
    ]
    lines += [f"  [{'x' if met else ' '}] {c}  ({bron})" for c, met, bron in o.voorwaarden]
    if o.termijn_mededeling_student is not None:
        lines.append(f"  notice to the student (lid 2) by {o.termijn_mededeling_student}")
    if o.termijn_melding_duo is not None:
        lines.append(f"  report to DUO and copy to the student (lid 5, 7) by {o.termijn_melding_duo}")
    lines += [f"  note: {n}" for n in o.opmerkingen]
    lines += [f"  {f}" for f in findings]
    lines.append(f"  {o.toelichting}")
    return "\n".join(lines)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    from duo_domain.rules import validate

    codes = _codes.codetabellen(args)
    afwezigheden = _read(args.file, read_bytes(args.file))
    judged = [(a, list(validate(a, codes=codes))) for a in afwezigheden]
    if args.json:
        print_json([_as_dict(a, f, codes) for a, f in judged], out)
    else:
        out.write("\n".join(_text(a, f, codes) for a, f in judged))
        out.write("\n")
    return EXIT_FINDINGS if any(f for _, f in judged) else EXIT_OK


COMMAND = Command(
    name="afwezigheid",
    help="judge the absence report to DUO (WEB art. 8.1.7) for a JSON document",
    configure=_configure,
    run=_run,
)
