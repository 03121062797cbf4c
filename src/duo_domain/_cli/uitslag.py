"""``duo-domain uitslag FILE [--json]``: the uitslag of a VO cijferlijst or an MBO document.

The file is read by the one reading layer ([`duo_domain.serialize.json`][duo_domain.serialize.json]):
a document with ``"sector": "mbo"`` is an MBO uitslag document, anything else
a VO cijferlijst. Exit 0 whenever an uitslag was determined (geslaagd or
afgewezen); exit 2 with one line naming the field when the document cannot be
judged, the same line ``duo-domain validate`` gives for it. ``--codetabellen DIR``
judges with a vendor's newer code tables (see ``duo-domain validate``).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from duo_domain._cli import _batch, _codes
from duo_domain._cli._common import EXIT_OK, Command, print_json, read_bytes, refused
from duo_domain.errors import DuoDomainError


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the JSON document (- for stdin)")
    p.add_argument("--json", action="store_true", help="print the uitslag as JSON")
    _codes.add_argument(p)
    _batch.add_arguments(p)


def _vo_text(kandidaat: Any, result: Any, codes: Any) -> str:
    from duo_domain.vo.codes import vakcodetabel

    tabel = vakcodetabel(codes)
    ss = kandidaat.schoolsoort.value
    lines = [
        f"Cijferlijst {ss} {kandidaat.examenjaar}"
        f"  (regels: Uitvoeringsbesluit WVO 2020, {result.regelset.wettekst})"
    ]
    lines.append(f"{'vak':<6}{'omschrijving':<44}{'SE':>6}{'CE':>6}{'eind':>6}")
    left = set(result.buiten_beschouwing)
    for v in kandidaat.vakken:
        row = tabel.get(v.vakcode, ss) or tabel.zoek(v.vakcode)
        name = row.omschrijving if row else "?"
        se = "" if v.se is None else str(v.se)
        ce = v.ce_definitief
        ce_s = "" if ce is None else str(ce)
        if v.beoordeling is not None:
            eind = v.beoordeling.value
        elif v.vakcode in result.eindcijfers:
            eind = str(result.eindcijfers[v.vakcode])
        else:
            eind = "vrijst." if v.vrijstelling else ""
        mark = "  (buiten beschouwing)" if v.vakcode in left else ""
        lines.append(f"{v.vakcode:<6}{name[:43]:<44}{se:>6}{ce_s:>6}{eind:>6}{mark}")
    pws = kandidaat.profielwerkstuk
    if pws is not None:
        val = (
            str(pws.cijfer) if pws.cijfer is not None else (pws.beoordeling.value if pws.beoordeling else "")
        )
        lines.append(f"{'':<6}{'profielwerkstuk':<44}{'':>6}{'':>6}{val:>6}")
    d = result.to_dict()
    if result.combinatiecijfer is not None:
        lines.append(f"combinatiecijfer: {result.combinatiecijfer}")
    lines.append(f"gemiddelde CE: {d['ce_gemiddelde'] or '-'}")
    lines.append(f"uitslag: {result.uitslag.value.upper()}")
    lines.extend(f"  - {r.toelichting} [{r.regel}; {r.artikel}]" for r in result.redenen)
    if result.buiten_beschouwing:
        lines.append("buiten beschouwing gelaten (art. 3.33 lid 3): " + ", ".join(result.buiten_beschouwing))
    lines.extend(f"opmerking: {o}" for o in result.opmerkingen)
    return "\n".join(lines) + "\n"


def _run(args: argparse.Namespace, out: TextIO) -> int:
    codes = _codes.codetabellen(args)
    if _batch.is_batch(args):
        return _batch.run_uitslag(args, out, codes)
    from duo_domain.serialize.json import (
        MBO_UITSLAG,
        loads_document,
        structure_cijferlijst,
        structure_mbo_uitslag,
    )

    raw = read_bytes(args.file)
    try:
        document = loads_document(raw)
        if document.kind == MBO_UITSLAG:
            from duo_domain.mbo.uitslag import compute_uitslag as compute_mbo_uitslag

            mbo = compute_mbo_uitslag(structure_mbo_uitslag(document.data, codes=codes))
            if args.json:
                print_json(mbo.to_dict(), out)
            else:
                out.write(mbo.format_text())
                out.write("\n")
            return EXIT_OK
        from duo_domain.vo.uitslag import compute_uitslag

        kandidaat = structure_cijferlijst(document.data)
        result = compute_uitslag(kandidaat, codes=codes)
    except DuoDomainError as exc:
        raise refused(args.file, exc) from None
    if args.json:
        print_json(result.to_dict(), out)
    else:
        out.write(_vo_text(kandidaat, result, codes))
    return EXIT_OK


COMMAND = Command(
    "uitslag", "determine the uitslag of a VO cijferlijst or MBO document (text or --json)", _configure, _run
)
