"""Synthetic batches for the batch tests: varied, seeded, with a few items that cannot be read."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

D = dt.date


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if total < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(total)


def mbo_record(rng: random.Random, n: int) -> dict[str, Any]:
    """One MBO student record; about one in five breaks some rule."""
    start = D(2019 + rng.randrange(6), 8, 1)
    periode: dict[str, Any] = {
        "datum_begin": start.isoformat(),
        "opleidingscode": "25655",
        "leertraject": rng.choice(("BOL", "BOL", "BBL")),
        "indicatie_bekostigbaar": True,
        "niveau": "MBO-4",
        "onderwijsaanbieder": "100A501",
        "onderwijslocatie": "101X591" if rng.random() > 0.1 else None,
    }
    inschrijving = {
        "inschrijvingvolgnummer": f"I{n}",
        "instelling": "25LX",
        "datum_inschrijving": start.isoformat(),
        "datum_uitschrijving_gepland": D(start.year + 3, 7, 31).isoformat(),
        "perioden": [periode],
    }
    record: dict[str, Any] = {"student": {"bsn": _bsn(rng), "studentnummer": f"S{n}"}}
    record["inschrijvingen"] = [inschrijving]
    if periode["leertraject"] == "BBL" and rng.random() < 0.8:
        begin = start + dt.timedelta(days=30)
        record["bpv_overeenkomsten"] = [
            {
                "inschrijvingvolgnummer": f"I{n}",
                "volgnummer": "B1",
                "afsluitdatum": (begin - dt.timedelta(days=10)).isoformat(),
                "datum_begin": begin.isoformat(),
                "datum_einde_gepland": (begin + dt.timedelta(days=300)).isoformat(),
                "omvang": 800,
                "leerbedrijf_id": str(rng.randint(100000000, 999999999)),
                "opleidingscode": "25655",
            }
        ]
    return record


def _broken(rng: random.Random, record: dict[str, Any]) -> str:
    """JSON text of a record that cannot be read: bad JSON, a wrong type, or not one object."""
    how = rng.randrange(3)
    if how == 0:
        return json.dumps(record)[:-7]
    if how == 1:
        record["inschrijvingen"][0]["datum_inschrijving"] = "2024-13-01"
        return json.dumps(record)
    return json.dumps([record])


def mbo_lines(n: int, *, seed: int = 1, broken: float = 0.01) -> list[str]:
    """``n`` JSON Lines of MBO student records; a share ``broken`` cannot be read."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        record = mbo_record(rng, i)
        out.append(_broken(rng, record) if rng.random() < broken else json.dumps(record))
    return out


_HAVO = (
    ("1001", True),
    ("1002", True),
    ("1024", True),
    ("1022", True),
    ("1021", True),
    ("0131", True),
    ("1034", True),
)


def vo_doc(rng: random.Random) -> dict[str, Any]:
    """A havo cijferlijst with random grades (some candidates fail), reported as geslaagd at times."""
    ability = rng.gauss(6.4, 0.8)

    def grade(mean: float) -> str:
        return f"{min(10.0, max(1.0, rng.gauss(mean, 0.9))):.1f}"

    vakken: list[dict[str, Any]] = [
        {"vakcode": code, "se": grade(ability + 0.2), "ce": grade(ability - 0.2)} for code, _ in _HAVO
    ]
    vakken.append({"vakcode": "1019", "se": str(max(1, min(10, round(ability))))})
    vakken.append({"vakcode": "1020", "se": str(max(1, min(10, round(ability + 1))))})
    vakken.append({"vakcode": "0353", "beoordeling": "voldoende"})
    doc: dict[str, Any] = {
        "schoolsoort": "havo",
        "examenjaar": 2026,
        "vakken": vakken,
        "profielwerkstuk": {"cijfer": max(1, min(10, round(ability + 0.5)))},
    }
    if rng.random() < 0.5:
        doc["uitslag"] = "geslaagd"
    return doc


def vo_lines(n: int, *, seed: int = 2, broken: float = 0.01) -> list[str]:
    """``n`` JSON Lines of VO cijferlijsten; a share ``broken`` cannot be judged."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        doc = vo_doc(rng)
        if rng.random() < broken:
            doc["examenjaar"] = "2026"
        out.append(json.dumps(doc))
    return out
