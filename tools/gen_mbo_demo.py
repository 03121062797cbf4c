"""Generate the synthetic MBO institution bundled for ``duo-domain demo``.

Deterministic (fixed seed): running it again gives the same file. No real
persons: BSNs are drawn from the 9999xxxxx range (with a valid 11-proef) and
the few students without a BSN carry only a studentnummer and made-up
personal data. About a third of the records carry one deliberate fault each,
so the demo shows the rules at work. Students who left without dropping out
(reden 08) carry a diploma with generic exam parts and keuzedelen; a few of
those diplomas carry a fault of their own (drawn from a separate random
stream, so the enrolment data does not depend on them).

Usage::

    python tools/gen_mbo_demo.py            # writes src/duo_domain/mbo/data/demo-instelling.json
    python tools/gen_mbo_demo.py --check    # exit 1 when the bundled file is out of date
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src" / "duo_domain" / "mbo" / "data" / "demo-instelling.json"

BRIN = "25LX"
CREBO = {
    "MBO-1": ["25655"],
    "MBO-2": ["25311", "25748"],
    "MBO-3": ["25297", "25809"],
    "MBO-4": ["25655", "25809"],
}
LOCATIES = ["101X591", "101X592", "102X114"]
AANBIEDER = "100A501"
FAULTS = [
    "geen_onderwijslocatie",
    "bol_dt_na_2023",
    "periode_overlap",
    "bpv_omvang_0",
    "bpv_omvang_10000",
    "bpv_zonder_leerbedrijf",
    "bbl_zonder_bpv",
    "uitgeschreven_zonder_reden",
    "onbekende_reden",
    "foute_crebo",
    "dubbel_volgnummer",
    "bpv_buiten_inschrijving",
    "onbekend_leertraject",
    "periode_voor_inschrijving",
]


def bsn(rng: random.Random) -> str:
    while True:
        digits = [9, 9, 9, 9] + [rng.randrange(10) for _ in range(4)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if total < 10:
            return "".join(map(str, digits)) + str(total)


def _d(x: dt.date) -> str:
    return x.isoformat()


def student_record(rng: random.Random, n: int, fault: str | None) -> dict[str, Any]:
    studentnummer = f"S{100000 + n}"
    if n % 25 == 7:
        student: dict[str, Any] = {
            "studentnummer": studentnummer,
            "persoonsgegevens": {
                "geslachtsnaam": rng.choice(["Voorbeeld", "Testers", "Proef", "Demo"]),
                "voornamen": rng.choice(["Anna", "Bram", "Chris", "Dewi"]),
                "geboortedatum": f"{rng.randint(2003, 2008)}-{rng.randint(1, 12):02d}-00",
                "geslacht": rng.choice("MVO"),
                "adres": {"postcode": "9999ZZ", "huisnummer": rng.randint(1, 200), "plaatsnaam": "DEMODORP"},
            },
        }
    else:
        student = {"bsn": bsn(rng), "studentnummer": studentnummer}

    start_year = rng.choice([2018, 2019, 2020, 2021, 2022, 2023, 2024])
    start = dt.date(start_year, 8, 1) + dt.timedelta(days=rng.choice([0, 0, 0, 31, 61]))
    niveau = rng.choice(["MBO-1", "MBO-2", "MBO-3", "MBO-4", "MBO-4"])
    duur = {"MBO-1": 1, "MBO-2": 2, "MBO-3": 3, "MBO-4": 3}[niveau]
    gepland = dt.date(start.year + duur, 7, 31)
    leertraject = rng.choice(["BOL", "BOL", "BOL", "BBL"])
    crebo = rng.choice(CREBO[niveau])
    locatie = rng.choice(LOCATIES)
    volgnummer = f"I{n}"

    def periode(begin: dt.date, traject: str) -> dict[str, Any]:
        p: dict[str, Any] = {
            "datum_begin": _d(begin),
            "opleidingscode": crebo,
            "leertraject": traject,
            "indicatie_bekostigbaar": True,
            "niveau": niveau,
            "onderwijsaanbieder": AANBIEDER,
            "onderwijslocatie": locatie,
        }
        return p

    perioden = [periode(start, leertraject)]
    if duur > 1 and rng.random() < 0.3:
        perioden.append(periode(dt.date(start.year + 1, 8, 1), "BBL" if leertraject == "BOL" else "BOL"))
    inschrijving: dict[str, Any] = {
        "inschrijvingvolgnummer": volgnummer,
        "instelling": BRIN,
        "datum_inschrijving": _d(start),
        "datum_uitschrijving_gepland": _d(gepland),
        "perioden": perioden,
    }
    if rng.random() < 0.2 and gepland < dt.date(2025, 8, 1):
        werkelijk = gepland - dt.timedelta(days=rng.randint(0, 200))
        inschrijving["datum_uitschrijving_werkelijk"] = _d(werkelijk)
        inschrijving["reden_uitschrijving"] = rng.choice(["01", "02", "04", "08", "08", "08"])
    if rng.random() < 0.1:
        inschrijving["extra_ondersteuning"] = [{"datum_begin": _d(start)}]

    bpv: list[dict[str, Any]] = []
    if any(p["leertraject"] == "BBL" for p in perioden) or rng.random() < 0.3:
        b_begin = start + dt.timedelta(days=rng.randint(0, 60))
        bpv.append(
            {
                "inschrijvingvolgnummer": volgnummer,
                "volgnummer": "B1",
                "afsluitdatum": _d(b_begin - dt.timedelta(days=rng.randint(3, 30))),
                "datum_begin": _d(b_begin),
                "datum_einde_gepland": _d(min(gepland, b_begin + dt.timedelta(days=rng.randint(100, 600)))),
                "omvang": rng.randint(200, 2400),
                "leerbedrijf_id": str(rng.randint(100000000, 999999999)),
                "opleidingscode": crebo,
            }
        )

    if fault == "geen_onderwijslocatie":
        inschrijving["datum_inschrijving"] = _d(max(start, dt.date(2019, 8, 1)))
        for p in perioden:
            p["datum_begin"] = max(p["datum_begin"], inschrijving["datum_inschrijving"])
            del p["onderwijslocatie"]
    elif fault == "bol_dt_na_2023":
        begin = dt.date(2023, 9, 1)
        inschrijving["datum_inschrijving"] = _d(begin)
        inschrijving["datum_uitschrijving_gepland"] = _d(dt.date(2026, 7, 31))
        perioden[:] = [periode(begin, "BOL_DT")]
        bpv.clear()
    elif fault == "periode_overlap":
        perioden.append(dict(perioden[0]))
    elif fault == "bpv_omvang_0" and bpv:
        bpv[0]["omvang"] = 0
    elif fault == "bpv_omvang_10000" and bpv:
        bpv[0]["omvang"] = 10000
    elif fault == "bpv_zonder_leerbedrijf" and bpv:
        del bpv[0]["leerbedrijf_id"]
    elif fault == "bbl_zonder_bpv":
        perioden[0]["leertraject"] = "BBL"
        bpv.clear()
    elif fault == "uitgeschreven_zonder_reden":
        inschrijving["datum_uitschrijving_werkelijk"] = _d(gepland)
        inschrijving.pop("reden_uitschrijving", None)
    elif fault == "onbekende_reden":
        inschrijving["datum_uitschrijving_werkelijk"] = _d(gepland)
        inschrijving["reden_uitschrijving"] = "12"
    elif fault == "foute_crebo":
        perioden[0]["opleidingscode"] = "2565"
    elif fault == "bpv_buiten_inschrijving" and bpv:
        bpv[0]["datum_einde_gepland"] = _d(gepland + dt.timedelta(days=1))
    elif fault == "onbekend_leertraject":
        perioden[0]["leertraject"] = "DUAAL"
    elif fault == "periode_voor_inschrijving":
        perioden[0]["datum_begin"] = _d(start - dt.timedelta(days=1))

    inschrijvingen = [inschrijving]
    if fault == "dubbel_volgnummer":
        tweede = json.loads(json.dumps(inschrijving))
        inschrijvingen.append(tweede)
    record: dict[str, Any] = {"student": student, "inschrijvingen": inschrijvingen}
    if bpv:
        record["bpv_overeenkomsten"] = bpv
    return record


def _grade(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(55, 90)) / 10


def _eindcijfer(ie: Decimal, ce: Decimal) -> str:
    return str(((ie + ce) / 2).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def add_diploma(record: dict[str, Any], rng: random.Random) -> None:
    """Give a student who left with reden 08 a diploma; about one in four with a fault."""
    inschrijving = record["inschrijvingen"][0]
    werkelijk = inschrijving.get("datum_uitschrijving_werkelijk")
    if werkelijk is None or inschrijving.get("reden_uitschrijving") != "08":
        return
    periode = inschrijving["perioden"][0]
    niveau = int(periode["niveau"][-1])
    start = inschrijving["datum_inschrijving"]
    nieuw = start >= "2022-08-01"
    rekenen = {4: "3029", 3: "3028"}.get(niveau, "3027") if nieuw else ("3006" if niveau == 4 else "3002")
    codes = ["3005" if niveau == 4 else "3001", rekenen] + (["3013"] if niveau == 4 else [])
    volgnummer = inschrijving["inschrijvingvolgnummer"]
    parts = []
    for i, code in enumerate(codes, start=1):
        ie, ce = _grade(rng), _grade(rng)
        parts.append(
            {
                "resultaatvolgnummer": f"{volgnummer}G{i}",
                "code": code,
                "eindcijfer": _eindcijfer(ie, ce),
                "cijfer_ie": str(ie),
                "cijfer_ce": str(ce),
            }
        )
    diploma: dict[str, Any] = {
        "resultaatvolgnummer": f"{volgnummer}D",
        "opleidingscode": periode["opleidingscode"],
        "datum_resultaat": werkelijk,
        "indicatie_bekostigbaar": True,
        "inschrijvingvolgnummer": volgnummer,
        "onderwijsaanbieder": AANBIEDER,
        "generieke_examenonderdelen": parts,
        "keuzedelen": [
            {
                "resultaatvolgnummer": f"{volgnummer}K1",
                "code": "K0067",
                "resultaat": "Behaald",
                "eindcijfer": "7",
            }
        ],
        "niveau": niveau,
        "cohort_start": start,
    }
    fault = rng.choice(
        ["", "", "", "", "", "andere_datum", "andere_inschrijving", "vrijstelling_zonder_omvang"]
    )
    if fault == "andere_datum":
        diploma["datum_resultaat"] = _d(
            dt.date.fromisoformat(werkelijk) - dt.timedelta(days=rng.randint(1, 30))
        )
    elif fault == "andere_inschrijving":
        diploma["inschrijvingvolgnummer"] = f"{volgnummer}X"
    elif fault == "vrijstelling_zonder_omvang":
        parts[0]["vrijstellingen"] = [{"code": "MBO"}]
    record["diplomas"] = [diploma]


def generate(n_students: int, *, seed: int = 20250801, fault_rate: float = 0.3) -> list[dict[str, Any]]:
    """``n_students`` synthetic records as plain JSON data (deterministic for a seed)."""
    rng = random.Random(seed)
    out = []
    for n in range(n_students):
        fault = FAULTS[rng.randrange(len(FAULTS))] if rng.random() < fault_rate else None
        record = student_record(rng, n, fault)
        add_diploma(record, random.Random(f"{seed}-diploma-{n}"))
        out.append(record)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--check", action="store_true", help="exit 1 when the bundled file differs")
    args = parser.parse_args()
    text = json.dumps(generate(args.students), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} is out of date")  # noqa: T201
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text)} bytes)")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
