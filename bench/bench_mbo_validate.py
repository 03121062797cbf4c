"""Benchmark: validate a synthetic MBO institution, and the same checks as a pydantic v2 model.

50,000 students with 80,000 enrolments (100,000 periods) and 40,000 BPV
agreements, as parsed JSON data. duo_domain structures the data with its
cattrs converter and runs the full rule catalogue (:func:`duo_domain.rules.validate`);
pydantic validates the same data against a model that expresses the same
field checks (types, patterns, ranges, code lists valid on a date, date order,
periods and BPV within their enrolment, uniqueness, the onderwijslocatie
rule, BBL without BPV). Both collect every problem instead of stopping.
Both sides run like for like: the garbage collector as the process has it
(enabled; neither side pauses it), a full collection before every timed run,
and the two sides taking turns.

pydantic is a bench-only dependency: ``pip install pydantic``.

Usage::

    python bench/bench_mbo_validate.py [--students 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import random
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

D = dt.date


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [9, 9, 9, 9] + [rng.randrange(10) for _ in range(4)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if total < 10:
            return "".join(map(str, digits)) + str(total)


def make_data(n_students: int, n_enrolments: int, n_bpv: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    two = n_enrolments - n_students  # students with two enrolments
    out: list[dict[str, Any]] = []
    bpv_left = n_bpv
    for n in range(n_students):
        k = 2 if n < two else 1
        inschrijvingen = []
        for j in range(k):
            start = D(2019 + rng.randrange(6), 8, 1)
            end = D(start.year + 3, 7, 31)
            perioden = [
                {
                    "datum_begin": start.isoformat(),
                    "opleidingscode": "25655",
                    "leertraject": rng.choice(("BOL", "BOL", "BBL")),
                    "indicatie_bekostigbaar": True,
                    "niveau": "MBO-4",
                    "onderwijsaanbieder": "100A501",
                    "onderwijslocatie": "101X591" if rng.random() > 0.02 else None,
                }
            ]
            if j == 0 and rng.random() < 0.25:
                perioden.append(
                    {**perioden[0], "datum_begin": D(start.year + 1, 8, 1).isoformat(), "leertraject": "BOL"}
                )
            inschrijvingen.append(
                {
                    "inschrijvingvolgnummer": f"I{n}x{j}",
                    "instelling": "25LX",
                    "datum_inschrijving": start.isoformat(),
                    "datum_uitschrijving_gepland": end.isoformat(),
                    "perioden": perioden,
                }
            )
        record: dict[str, Any] = {
            "student": {"bsn": _bsn(rng), "studentnummer": f"S{n}"},
            "inschrijvingen": inschrijvingen,
        }
        if (bpv_left and (n_students - n) <= bpv_left * 1.0) or (
            bpv_left and rng.random() < n_bpv / n_students
        ):
            begin = D.fromisoformat(inschrijvingen[0]["datum_inschrijving"]) + dt.timedelta(days=30)
            record["bpv_overeenkomsten"] = [
                {
                    "inschrijvingvolgnummer": inschrijvingen[0]["inschrijvingvolgnummer"],
                    "volgnummer": "B1",
                    "afsluitdatum": (begin - dt.timedelta(days=10)).isoformat(),
                    "datum_begin": begin.isoformat(),
                    "datum_einde_gepland": (begin + dt.timedelta(days=300)).isoformat(),
                    "omvang": rng.choice((800, 1200, 0)) if rng.random() < 0.05 else 800,
                    "leerbedrijf_id": str(rng.randint(100000000, 999999999)),
                    "opleidingscode": "25655",
                }
            ]
            bpv_left -= 1
        out.append(record)
    return out


# --------------------------------------------------------------------------- duo_domain


def run_duo(data: list[dict[str, Any]]) -> int:
    from duo_domain.rules import validate
    from duo_domain.serialize.json import structure_mbo

    records = structure_mbo(data)
    return len(validate(records))


# --------------------------------------------------------------------------- pydantic


def build_pydantic() -> Callable[[list[dict[str, Any]]], int]:  # noqa: C901 - the peer, written as its users write one model with its checks inline
    import re

    from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt, StrictStr, TypeAdapter

    from duo_domain.identity import bsn as bsn_mod
    from duo_domain.mbo.codes import LEERROUTEFASE, LEERTRAJECT, NIVEAU, REDEN_UITSCHRIJVING

    strict = ConfigDict(extra="forbid", frozen=True)
    ids = {
        "brin": re.compile(r"[0-9]{2}[A-Z]{2}"),
        "crebo": re.compile(r"[0-9]{5}"),
        "oa": re.compile(r"[0-9]{3}A[0-9]{3}"),
        "ol": re.compile(r"[0-9]{3}X[0-9]{3}"),
        "vsv": re.compile(r"[A-Za-z0-9]{12}"),
        "kd": re.compile(r"K[0-9]{4}"),
    }

    class Student(BaseModel):
        model_config = strict
        bsn: StrictStr | None = None
        onderwijsnummer: StrictStr | None = None
        persoonsgegevens: dict[str, Any] | None = None
        studentnummer: StrictStr | None = None

    class Periode(BaseModel):
        model_config = strict
        datum_begin: dt.date
        opleidingscode: StrictStr
        leertraject: StrictStr
        indicatie_bekostigbaar: StrictBool
        niveau: StrictStr | None = None
        onderwijsaanbieder: StrictStr | None = None
        onderwijslocatie: StrictStr | None = None
        locatiecode_vsv: StrictStr | None = None
        leerroute: StrictStr | None = None
        leerroutefase: StrictStr | None = None
        datum_einde: dt.date | None = None

    class Extra(BaseModel):
        model_config = strict
        datum_begin: dt.date
        datum_einde: dt.date | None = None

    class Inschrijving(BaseModel):
        model_config = strict
        inschrijvingvolgnummer: StrictStr
        instelling: StrictStr
        datum_inschrijving: dt.date
        datum_uitschrijving_gepland: dt.date
        perioden: tuple[Periode, ...]
        datum_uitschrijving_werkelijk: dt.date | None = None
        reden_uitschrijving: StrictStr | None = None
        extra_ondersteuning: tuple[Extra, ...] = ()

    class Bpv(BaseModel):
        model_config = strict
        inschrijvingvolgnummer: StrictStr
        volgnummer: StrictStr
        afsluitdatum: dt.date
        datum_begin: dt.date
        datum_einde_gepland: dt.date
        datum_einde_werkelijk: dt.date | None = None
        omvang: StrictInt | None = None
        leerbedrijf_id: StrictStr | None = None
        opleidingscode: StrictStr | None = None
        keuzedeel: StrictStr | None = None

    class Record(BaseModel):
        model_config = strict
        student: Student
        inschrijvingen: tuple[Inschrijving, ...] = ()
        bpv_overeenkomsten: tuple[Bpv, ...] = ()

    adapter = TypeAdapter(list[Record], config=None)
    vn = re.compile(r"[A-Za-z0-9]{1,20}")
    cut_ol = D(2019, 8, 1)

    def checks(r: Record, out: list[str]) -> None:  # noqa: C901 - the same checks in one function, as the peer's users write them
        # The same business checks as duo_domain's catalogue, expressed in plain Python as a
        # pydantic model_validator would (pydantic has no rule engine of its own).
        s = r.student
        if s.bsn is not None and not bsn_mod.is_valid(s.bsn):
            out.append("bsn")
        # The student's identity, as duo_domain's PERSOON.IDENTITEIT rules check it.
        if s.bsn is not None and s.onderwijsnummer is not None:
            out.append("bsn_en_onderwijsnummer")
        if s.bsn is None and s.onderwijsnummer is None and s.persoonsgegevens is None:
            out.append("geen_identiteit")
        seen = set()
        by = {}
        for e in r.inschrijvingen:
            by[e.inschrijvingvolgnummer] = e
            key = (e.instelling, e.inschrijvingvolgnummer)
            if key in seen:
                out.append("uniek")
            seen.add(key)
            if not vn.fullmatch(e.inschrijvingvolgnummer):
                out.append("volgnummer")
            if not ids["brin"].fullmatch(e.instelling):
                out.append("brin")
            if e.datum_uitschrijving_gepland < e.datum_inschrijving:
                out.append("datums")
            if (
                e.datum_uitschrijving_werkelijk is not None
                and e.datum_uitschrijving_werkelijk < e.datum_inschrijving
            ):
                out.append("datums")
            if not e.perioden:
                out.append("periode")
            if (e.datum_uitschrijving_werkelijk is None) == bool(e.reden_uitschrijving) and (
                e.reden_uitschrijving or e.datum_uitschrijving_werkelijk is not None
            ):
                out.append("reden")
            if e.reden_uitschrijving and not REDEN_UITSCHRIJVING.is_valid(e.reden_uitschrijving):
                out.append("reden_code")
            einde = e.datum_uitschrijving_werkelijk or e.datum_uitschrijving_gepland
            ordered = sorted(e.perioden, key=lambda p: p.datum_begin)
            if ordered and ordered[0].datum_begin > e.datum_inschrijving:
                out.append("aansluitend")
            for a, b in itertools.pairwise(ordered):
                if a.datum_begin == b.datum_begin or (a.datum_einde and b.datum_begin <= a.datum_einde):
                    out.append("overlap")
            for p in e.perioden:
                if e.datum_inschrijving >= cut_ol and not p.onderwijslocatie:
                    out.append("onderwijslocatie")
                if p.datum_begin < e.datum_inschrijving or p.datum_begin > einde:
                    out.append("binnen")
                if not ids["crebo"].fullmatch(p.opleidingscode):
                    out.append("crebo")
                if not LEERTRAJECT.is_valid(p.leertraject, op=p.datum_begin):
                    out.append("leertraject")
                if p.niveau is not None and not NIVEAU.is_valid(p.niveau):
                    out.append("niveau")
                if p.leerroutefase is not None and not LEERROUTEFASE.is_valid(
                    p.leerroutefase, op=p.datum_begin
                ):
                    out.append("fase")
                if p.onderwijsaanbieder is not None and not ids["oa"].fullmatch(p.onderwijsaanbieder):
                    out.append("oa")
                if p.onderwijslocatie is not None and not ids["ol"].fullmatch(p.onderwijslocatie):
                    out.append("ol")
                if p.locatiecode_vsv is not None and not ids["vsv"].fullmatch(p.locatiecode_vsv):
                    out.append("vsv")
        met_bpv = set()
        bseen = set()
        for b in r.bpv_overeenkomsten:
            met_bpv.add(b.inschrijvingvolgnummer)
            if (b.inschrijvingvolgnummer, b.volgnummer) in bseen:
                out.append("bpv_uniek")
            bseen.add((b.inschrijvingvolgnummer, b.volgnummer))
            if not vn.fullmatch(b.volgnummer) or not vn.fullmatch(b.inschrijvingvolgnummer):
                out.append("bpv_volgnummer")
            lid = b.leerbedrijf_id
            if not lid or len(lid) != 9 or not lid.isdigit() or lid[0] == "0":
                out.append("leerbedrijf")
            if b.omvang is not None and not 1 <= b.omvang <= 9999:
                out.append("omvang")
            if b.datum_einde_gepland < b.datum_begin:
                out.append("bpv_datums")
            if b.opleidingscode is not None and not ids["crebo"].fullmatch(b.opleidingscode):
                out.append("bpv_crebo")
            if b.keuzedeel is not None and not ids["kd"].fullmatch(b.keuzedeel):
                out.append("bpv_kd")
            e = by.get(b.inschrijvingvolgnummer)
            if e is None:
                out.append("bpv_inschrijving")
            else:
                einde = e.datum_uitschrijving_werkelijk or e.datum_uitschrijving_gepland
                if (
                    b.datum_begin < e.datum_inschrijving
                    or (b.datum_einde_werkelijk or b.datum_einde_gepland) > einde
                ):
                    out.append("bpv_binnen")
        out.extend(
            "bbl"
            for e in r.inschrijvingen
            if e.inschrijvingvolgnummer not in met_bpv and any(p.leertraject == "BBL" for p in e.perioden)
        )

    def run(data: list[dict[str, Any]]) -> int:
        records = adapter.validate_python(data)
        out: list[str] = []
        for r in records:
            checks(r, out)
        return len(out)

    return run


def timed(
    rows: list[tuple[str, Callable[[Any], int]]], data: Any, repeat: int
) -> dict[str, tuple[float, float, int]]:
    """Best wall-clock and CPU seconds of each row, and its findings count.

    The rows take turns (a, b, a, b, ...) so that a change in the machine's load during the run
    hits both sides alike; CPU time (``time.process_time``) is printed next to wall-clock time
    because it is less sensitive to other processes on a shared machine.
    """
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(repeat):
        for name, fn in rows:
            gc.collect()
            w0, c0 = time.perf_counter(), time.process_time()
            result = fn(data)
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            old_wall, old_cpu, _ = best.get(name, (wall, cpu, result))
            best[name] = (min(wall, old_wall), min(cpu, old_cpu), result)
    return best


def peak(fn: Callable[[Any], int], data: Any) -> float:
    gc.collect()
    tracemalloc.start()
    fn(data)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=50_000)
    parser.add_argument("--enrolments", type=int, default=80_000)
    parser.add_argument("--bpv", type=int, default=40_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = make_data(args.students, args.enrolments, args.bpv)
    n_ins = sum(len(r["inschrijvingen"]) for r in data)
    n_per = sum(len(e["perioden"]) for r in data for e in r["inschrijvingen"])
    n_bpv = sum(len(r.get("bpv_overeenkomsten", ())) for r in data)
    print(f"data: {len(data)} students, {n_ins} enrolments ({n_per} periods), {n_bpv} BPV agreements")
    run_duo(data[:100])  # warm up: rule modules, converters
    rows = [("duo_domain (cattrs + rule catalogue)", run_duo)]
    try:
        rows.append(("pydantic v2 model, same checks", build_pydantic()))
    except ImportError:
        print("pydantic is not installed: pip install pydantic (bench only)")
    results = timed(rows, data, args.repeat)
    for name, fn in rows:
        seconds, cpu, found = results[name]
        mem = peak(fn, data)
        print(
            f"{name:<40} {len(data) / seconds:>10,.0f} records/s  {seconds:6.2f} s  (cpu {cpu:6.2f} s)  "
            f"peak {mem:7.1f} MiB  ({found} findings)"
        )
    if len(results) == 2:
        (a, a_cpu, _), (b, b_cpu, _) = results.values()
        print(f"duo_domain / pydantic throughput: {b / a:.2f} (by CPU time {b_cpu / a_cpu:.2f})")


if __name__ == "__main__":
    main()
