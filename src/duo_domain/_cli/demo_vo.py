"""Demo section: a bundled synthetic VO cohort through the uitslag."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from importlib import resources
from typing import TextIO


def section(out: TextIO) -> None:
    """Run the bundled synthetic cohort through the uitslag and print the tally."""
    from duo_domain.serialize.json import structure_cijferlijst
    from duo_domain.vo import compute_uitslag

    text = resources.files("duo_domain.vo").joinpath("data", "cohort.json").read_text(encoding="utf-8")
    cohort = json.loads(text, parse_float=Decimal)
    per_soort: Counter[tuple[str, str]] = Counter()
    redenen: Counter[str] = Counter()
    left_out = 0
    kandidaten = cohort["kandidaten"]
    for doc in kandidaten:
        result = compute_uitslag(structure_cijferlijst(doc))
        per_soort[(result.schoolsoort.value, result.uitslag.value)] += 1
        redenen.update({r.regel for r in result.redenen})
        left_out += bool(result.buiten_beschouwing)
    out.write(f"VO uitslag: {len(kandidaten)} synthetic candidates, examenjaar {cohort['examenjaar']}\n")
    tally = [
        f"{ss} {per_soort[(ss, 'geslaagd')]}/{per_soort[(ss, 'afgewezen')]}"
        for ss in ("vwo", "havo", "vmbo-tl", "vmbo-gl", "vmbo-kb", "vmbo-bb")
        if per_soort[(ss, "geslaagd")] or per_soort[(ss, "afgewezen")]
    ]
    out.write("  geslaagd/afgewezen: " + ", ".join(tally) + "\n")
    out.write(f"  passed by leaving out a subject (art. 3.33 lid 3): {left_out}\n")
    if redenen:
        out.write("  most common reasons:\n")
        for regel, n in redenen.most_common(4):
            out.write(f"    {n:>3}  {regel}\n")
