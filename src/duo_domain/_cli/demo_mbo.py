"""Demo section: validate the bundled synthetic MBO institution and summarise per rule."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from importlib import resources
from typing import TextIO

from duo_domain._cli._common import terminal_width

__all__ = ["section"]

#: The bundled synthetic institution (no real persons).
DATA_FILE = "demo-instelling.json"


def load_demo_text() -> str:
    """The bundled demo institution as JSON text."""
    return resources.files("duo_domain.mbo").joinpath("data", DATA_FILE).read_text(encoding="utf-8")


def section(out: TextIO) -> None:
    """Print the MBO part of ``duo-domain demo``."""
    from duo_domain.mbo.afwezigheid import melding_afwezigheid
    from duo_domain.mbo.uitschrijving import beoordeel_uitschrijving
    from duo_domain.rules import validate
    from duo_domain.serialize.json import loads_mbo

    records = loads_mbo(load_demo_text())
    assert isinstance(records, list)
    report = validate(records)
    n_ins = sum(len(r.inschrijvingen) for r in records)
    n_bpv = sum(len(r.bpv_overeenkomsten) for r in records)
    n_dip = sum(len(r.diplomas) for r in records)
    with_error = {f.path.split(".", 1)[0] for f in report.errors}
    out.write(
        f"MBO register ROD: {len(records)} synthetic students, {n_ins} enrolments, "
        f"{n_bpv} BPV agreements, {n_dip} diplomas\n"
    )
    out.write(
        f"  {len(records) - len(with_error)} records DUO would register as they are, "
        f"{len(with_error)} with an error-level finding; {len(report)} findings in all\n"
    )
    out.write("  findings per rule (their severity and source: duo-domain rules):\n")
    counts = Counter(f.rule_id for f in report)
    cells = [f"{n:4d}  {rule_id}" for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    # Two columns, read down the left one first, so the list fits half the lines; one column when two
    # would not fit the terminal.
    half = (len(cells) + 1) // 2
    width = max((len(cell) for cell in cells[:half]), default=0) + 3
    if 2 + width + max((len(cell) for cell in cells[half:]), default=0) > terminal_width():
        half, width = len(cells), 0
    for left, right in itertools.zip_longest(cells[:half], cells[half:], fillvalue=""):
        out.write(f"  {left:<{width}}{right}".rstrip() + "\n")
    first = next(iter(report.errors), None)
    if first is not None:
        out.write(f"  e.g. {first.rule_id} at {first.path}: {first.message}\n")

    advies = beoordeel_uitschrijving(dt.date(2008, 3, 1), dt.date(2025, 1, 31), hoogste_diploma="MBO-1")
    out.write(
        "  leaving at 16 with an entree diploma: "
        f"deregister={advies.uitschrijven_toegestaan}, leerplichtambtenaar="
        f"{advies.overleg_leerplichtambtenaar}, VSV={advies.voortijdig_schoolverlater}\n"
    )
    oordeel = melding_afwezigheid(
        geboortedatum=dt.date(2005, 1, 1),
        leertraject="BOL",
        niveau="MBO-2",
        studiefinanciering=True,
        afwezig_van=dt.date(2025, 3, 3),
        afwezig_tot=dt.date(2025, 4, 6),
    )
    out.write(
        f"  18+ bol niveau 2, absent {oordeel.dagen_afwezig} days: "
        f"Melding afwezigheid due={oordeel.melding_verplicht}\n"
    )
