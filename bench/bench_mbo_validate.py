"""Benchmark: MBO student records from JSON bytes to every finding, against a pydantic v2 peer.

The whole path a vendor pays for: the JSON bytes of a student record go in, the
typed record is built and every rule of the catalogue runs on it, the findings
come out. duo_domain does ``validate(loads_mbo(data))``; the peer does pydantic
v2's ``model_validate_json`` on the same bytes (a strict model of the same
format: the same fields, types and unknown keys refused) followed by the same
checks in plain Python (pydantic has no rule engine), each check named by the
rule id of the library's catalogue. Before timing, the two sides must report the
same findings per rule id, or the benchmark stops.

Two ways of calling, each timed on both sides:

* **per record**: one call per record, on the bytes of that record alone (what a
  web service or a queue consumer does);
* **batch**: one call on the bytes of a JSON array of every record (what a
  nightly check of a whole institution does).

And the engine on its own: ``validate(record)`` called once per record against
``validate(records)`` on the list, on records read beforehand (the per-record
call must be as fast per record as the batch).

The data: students with one or two enrolments (a quarter with two periods),
BPV agreements for part of them, a BSN or an onderwijsnummer, some periods of
extra support, and a realistic share of findings (a missing onderwijslocatie,
an omvang of 0 hours, BBL enrolments without BPV, a few periods outside their
enrolment, a few unknown leertrajecten and malformed codes). The data hold no
diplomas, loose results or personal data, so the peer models only what the data
hold; every catalogue rule that runs on these objects has its check on the peer.

Like for like: the garbage collector is left as the process has it (enabled) on
both sides and neither side switches it; before every timed run a full
``gc.collect()``. The sides take turns (ours, peer, ours, peer, ...) for
``--rounds`` rounds; each row prints min / median / max, and the ratio is taken
on the medians. On a shared machine, compare the two rows of one run, not runs.

pydantic is a bench-only dependency (the ``bench`` extra: ``pip install
'duo-domain[bench]'``); duo_domain itself never imports it.

Usage::

    python bench/bench_mbo_validate.py [--students 20000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gc
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from _common import result

D = dt.date


def _nine_digits(rng: random.Random, prefix: str, rest: int) -> str:
    """Nine digits starting with ``prefix`` whose 11-proef (weights 9..2 and -1) leaves ``rest``."""
    while True:
        digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(8 - len(prefix))]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = (total - rest) % 11
        if last < 10 and digits[0] + digits[1] + digits[2]:
            return "".join(map(str, digits)) + str(last)


def _student(rng: random.Random, n: int) -> dict[str, Any]:
    if rng.random() < 0.1:
        return {"onderwijsnummer": _nine_digits(rng, "10", 5), "studentnummer": f"S{n}"}
    return {"bsn": _nine_digits(rng, "", 0), "studentnummer": f"S{n}"}


def _periode(rng: random.Random, start: D) -> dict[str, Any]:
    periode: dict[str, Any] = {
        "datum_begin": start.isoformat(),
        "opleidingscode": "25655" if rng.random() > 0.002 else "2565",
        "leertraject": rng.choice(("BOL", "BOL", "BBL")) if rng.random() > 0.002 else "XYZ",
        "indicatie_bekostigbaar": True,
        "niveau": "MBO-4",
        "onderwijsaanbieder": "100A501",
    }
    if rng.random() > 0.02:
        periode["onderwijslocatie"] = "101X591"
    if rng.random() < 0.1:
        periode["locatiecode_vsv"] = "000012345678"
    if start >= D(2020, 8, 1) and rng.random() < 0.05:
        periode["leerroute"] = "VM2"
        periode["leerroutefase"] = "MBO"
    return periode


def _inschrijving(rng: random.Random, n: int, j: int) -> dict[str, Any]:
    start = D(2019 + rng.randrange(6), 8, 1)
    end = D(start.year + 3, 7, 31)
    perioden = [_periode(rng, start)]
    if j == 0 and rng.random() < 0.25:
        second = {**perioden[0], "datum_begin": D(start.year + 1, 8, 1).isoformat(), "leertraject": "BOL"}
        if rng.random() < 0.01:
            second["datum_begin"] = D(start.year + 4, 8, 1).isoformat()  # after the enrolment's end
        perioden.append(second)
    inschrijving: dict[str, Any] = {
        "inschrijvingvolgnummer": f"I{n}x{j}",
        "instelling": "25LX",
        "datum_inschrijving": start.isoformat(),
        "datum_uitschrijving_gepland": end.isoformat(),
        "perioden": perioden,
    }
    if rng.random() < 0.05:
        inschrijving["extra_ondersteuning"] = [
            {"datum_begin": start.isoformat(), "datum_einde": D(start.year + 1, 7, 31).isoformat()}
        ]
    if rng.random() < 0.03:
        inschrijving["datum_uitschrijving_werkelijk"] = D(start.year + 1, 1, 31).isoformat()
        inschrijving["reden_uitschrijving"] = "03"
    return inschrijving


def _bpv(rng: random.Random, inschrijving: dict[str, Any]) -> dict[str, Any]:
    begin = D.fromisoformat(inschrijving["datum_inschrijving"]) + dt.timedelta(days=30)
    return {
        "inschrijvingvolgnummer": inschrijving["inschrijvingvolgnummer"],
        "volgnummer": "B1",
        "afsluitdatum": (begin - dt.timedelta(days=10)).isoformat(),
        "datum_begin": begin.isoformat(),
        "datum_einde_gepland": (begin + dt.timedelta(days=300)).isoformat(),
        "omvang": rng.choice((800, 1200, 0)) if rng.random() < 0.05 else 800,
        "leerbedrijf_id": str(rng.randint(100000000, 999999999)),
        "opleidingscode": "25655",
    }


def make_data(n_students: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n_students`` records: 1.6 enrolments and 0.8 BPV agreements per student on average."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for n in range(n_students):
        inschrijvingen = [_inschrijving(rng, n, j) for j in range(2 if rng.random() < 0.6 else 1)]
        record: dict[str, Any] = {"student": _student(rng, n), "inschrijvingen": inschrijvingen}
        if rng.random() < 0.8:
            record["bpv_overeenkomsten"] = [_bpv(rng, inschrijvingen[0])]
        out.append(record)
    return out


# --------------------------------------------------------------------------- duo_domain


def duo_side() -> tuple[Callable[[bytes], list[str]], Callable[[bytes], list[list[str]]]]:
    """duo_domain's path: one record's bytes, and a batch's bytes, to the rule ids of the findings."""
    from duo_domain.rules import validate
    from duo_domain.serialize.json import loads_mbo

    def one(data: bytes) -> list[str]:
        return [f.rule_id for f in validate(loads_mbo(data))]

    def batch(data: bytes) -> list[list[str]]:
        return [[f.rule_id for f in validate(loads_mbo(data))]]

    return one, batch


# --------------------------------------------------------------------------- pydantic


def pydantic_side() -> tuple[Callable[[bytes], list[str]], Callable[[bytes], list[list[str]]]]:  # noqa: C901 - the peer, written as its users write one model with its checks
    """The peer: a strict pydantic v2 model of the same format, and the same checks in plain Python."""
    from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt, StrictStr, TypeAdapter

    from duo_domain.identity import bsn as bsn_mod
    from duo_domain.identity import onderwijsnummer as onr_mod
    from duo_domain.mbo.codes import LEERROUTEFASE, LEERTRAJECT, NIVEAU, REDEN_UITSCHRIJVING

    strict = ConfigDict(extra="forbid", frozen=True, strict=True)

    class Student(BaseModel):
        model_config = strict
        bsn: StrictStr | None = None
        onderwijsnummer: StrictStr | None = None
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

    many = TypeAdapter(list[Record])
    # The PvE field formats (ROD.FORMAAT.*): a length of characters that are not control characters,
    # and for some fields a pattern; the meaning rules pass over a value that breaks its format.
    text = "[^\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufffe\\uffff]"

    def an(lo: int, hi: int) -> Callable[[str], object]:
        return re.compile(f"{text}{{{lo},{hi}}}").fullmatch

    vn = re.compile(r"[A-Za-z0-9]{1,20}").fullmatch
    brin = re.compile(r"[0-9]{2}[A-Z]{2}").fullmatch
    an5, an2, an2_6, an12, an1_3, an2_3 = an(5, 5), an(2, 2), an(2, 6), an(12, 12), an(1, 3), an(2, 3)
    crebo = re.compile(r"[0-9]{5}").fullmatch
    oa = re.compile(r"[0-9]{3}A[0-9]{3}").fullmatch
    ol = re.compile(r"[0-9]{3}X[0-9]{3}").fullmatch
    vsv = re.compile(r"[A-Za-z0-9]{12}").fullmatch
    kd = re.compile(r"K[0-9]{4}").fullmatch
    lbid = re.compile(r"[1-9][0-9]{8}").fullmatch
    not_xml = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]").search
    cut_ol = D(2019, 8, 1)
    bbl = frozenset(v.code for v in LEERTRAJECT if v.kenmerken.get("leerweg") == "BBL")

    def student(s: Student, out: list[str]) -> None:
        # The number itself is checked when it is read on duo_domain's side (Bsn, Onderwijsnummer).
        if s.bsn is not None and not bsn_mod.is_valid(s.bsn):
            raise ValueError("bsn")
        if s.onderwijsnummer is not None and not onr_mod.is_valid(s.onderwijsnummer):
            raise ValueError("onderwijsnummer")
        if s.bsn is not None and s.onderwijsnummer is not None:
            out.append("PERSOON.IDENTITEIT.BSN_EN_ONDERWIJSNUMMER")
        if s.bsn is None and s.onderwijsnummer is None:
            out.append("PERSOON.IDENTITEIT.PERSOONSGEGEVENS")  # the data never hold persoonsgegevens
        nr = s.studentnummer
        if nr is not None and not_xml(nr):
            out.append("PERSOON.TEKST.TEKENS")
        if nr is not None and not nr.strip() and not not_xml(nr):
            out.append("PERSOON.TEKST.LEEG")

    def periode(p: Periode, out: list[str]) -> None:  # noqa: C901 - one rule per branch
        code = p.opleidingscode
        if an5(code) is None:
            out.append("ROD.FORMAAT.PERIODE.OPLEIDINGSCODE")
        elif crebo(code) is None:
            out.append("ROD.PERIODE.OPLEIDINGSCODE")
        if an2_6(p.leertraject) is None:
            out.append("ROD.FORMAAT.PERIODE.LEERTRAJECT")
        elif not LEERTRAJECT.is_valid(p.leertraject, op=p.datum_begin):
            out.append("ROD.PERIODE.LEERTRAJECT")
        if p.niveau is not None:
            if an5(p.niveau) is None:
                out.append("ROD.FORMAAT.PERIODE.NIVEAU")
            elif not NIVEAU.is_valid(p.niveau, op=p.datum_begin):
                out.append("ROD.PERIODE.NIVEAU")
        if p.leerroute is not None and an1_3(p.leerroute) is None:
            out.append("ROD.FORMAAT.PERIODE.LEERROUTE")
        if p.leerroutefase is not None:
            if an2_3(p.leerroutefase) is None:
                out.append("ROD.FORMAAT.PERIODE.LEERROUTEFASE")
            elif not LEERROUTEFASE.is_valid(p.leerroutefase, op=p.datum_begin):
                out.append("ROD.PERIODE.LEERROUTEFASE")
        if p.onderwijsaanbieder is not None and oa(p.onderwijsaanbieder) is None:
            out.append("ROD.FORMAAT.PERIODE.ONDERWIJSAANBIEDER")
        if p.onderwijslocatie is not None and ol(p.onderwijslocatie) is None:
            out.append("ROD.FORMAAT.PERIODE.ONDERWIJSLOCATIE")
        if p.locatiecode_vsv is not None:
            if an12(p.locatiecode_vsv) is None:
                out.append("ROD.FORMAAT.PERIODE.LOCATIECODE_VSV")
            elif vsv(p.locatiecode_vsv) is None:
                out.append("ROD.PERIODE.LOCATIECODE_VSV")

    def inschrijving(e: Inschrijving, out: list[str]) -> None:  # noqa: C901 - one rule per branch
        if vn(e.inschrijvingvolgnummer) is None:
            out.append("ROD.FORMAAT.INSCHRIJVING.INSCHRIJVINGVOLGNUMMER")
        if brin(e.instelling) is None:
            out.append("ROD.FORMAAT.INSCHRIJVING.INSTELLING")
        reden = e.reden_uitschrijving
        if reden is not None and an2(reden) is None:
            out.append("ROD.FORMAAT.INSCHRIJVING.REDEN_UITSCHRIJVING")
        werkelijk = e.datum_uitschrijving_werkelijk
        if e.datum_uitschrijving_gepland < e.datum_inschrijving:
            out.append("ROD.INSCHRIJVING.DATUMS")
        if werkelijk is not None and werkelijk < e.datum_inschrijving:
            out.append("ROD.INSCHRIJVING.DATUMS")
        if not e.perioden:
            out.append("ROD.INSCHRIJVING.PERIODE_VEREIST")
        if (werkelijk is not None and not e.reden_uitschrijving) or (
            werkelijk is None and e.reden_uitschrijving
        ):
            out.append("ROD.INSCHRIJVING.REDEN_UITSCHRIJVING")
        if reden and an2(reden) and not REDEN_UITSCHRIJVING.is_valid(reden, op=werkelijk):
            out.append("ROD.INSCHRIJVING.REDEN_CODE")
        einde = werkelijk if werkelijk is not None else e.datum_uitschrijving_gepland
        for p in e.perioden:
            if e.datum_inschrijving >= cut_ol and not p.onderwijslocatie:
                out.append("ROD.INSCHRIJVING.ONDERWIJSLOCATIE")
            if p.datum_begin < e.datum_inschrijving or p.datum_begin > einde:
                out.append("ROD.PERIODE.BINNEN_INSCHRIJVING")
            if p.datum_einde is not None and (p.datum_einde < p.datum_begin or p.datum_einde > einde):
                out.append("ROD.PERIODE.BINNEN_INSCHRIJVING")
        ordered = sorted(e.perioden, key=lambda p: p.datum_begin)
        for a, b in itertools.pairwise(ordered):
            if a.datum_begin == b.datum_begin or (
                a.datum_einde is not None and b.datum_begin <= a.datum_einde
            ):
                out.append("ROD.PERIODE.OVERLAP")
        if ordered:
            if ordered[0].datum_begin > e.datum_inschrijving:
                out.append("ROD.PERIODE.AANSLUITEND")
            for a, b in itertools.pairwise(ordered):
                if a.datum_einde is not None and b.datum_begin > a.datum_einde + dt.timedelta(days=1):
                    out.append("ROD.PERIODE.AANSLUITEND")
            if ordered[-1].datum_einde is not None and ordered[-1].datum_einde < einde:
                out.append("ROD.PERIODE.AANSLUITEND")
        for x in e.extra_ondersteuning:
            if x.datum_begin < e.datum_inschrijving or x.datum_begin > einde:
                out.append("ROD.EXTRA_ONDERSTEUNING.DATUMS")
            if x.datum_einde is not None and (x.datum_einde < x.datum_begin or x.datum_einde > einde):
                out.append("ROD.EXTRA_ONDERSTEUNING.DATUMS")
        for p in e.perioden:
            periode(p, out)

    def bpv(b: Bpv, out: list[str]) -> None:
        if vn(b.volgnummer) is None:
            out.append("ROD.FORMAAT.BPV.VOLGNUMMER")
        if vn(b.inschrijvingvolgnummer) is None:
            out.append("ROD.FORMAAT.BPV.INSCHRIJVINGVOLGNUMMER")
        lid = b.leerbedrijf_id
        if lid is None:
            out.append("ROD.BPV.LEERBEDRIJF")
        elif lbid(lid) is None:
            out.append("ROD.FORMAAT.BPV.LEERBEDRIJF_ID")
        if b.omvang is not None and not 1 <= b.omvang <= 9999:
            out.append("ROD.BPV.OMVANG")
        if b.datum_einde_gepland < b.datum_begin:
            out.append("ROD.BPV.DATUMS")
        if b.datum_einde_werkelijk is not None and b.datum_einde_werkelijk < b.datum_begin:
            out.append("ROD.BPV.DATUMS")
        if b.opleidingscode is not None:
            if an5(b.opleidingscode) is None:
                out.append("ROD.FORMAAT.BPV.OPLEIDINGSCODE")
            elif crebo(b.opleidingscode) is None:
                out.append("ROD.BPV.CODES")
        if b.keuzedeel is not None:
            if an5(b.keuzedeel) is None:
                out.append("ROD.FORMAAT.BPV.KEUZEDEEL")
            elif kd(b.keuzedeel) is None:
                out.append("ROD.BPV.CODES")
        einde = b.datum_einde_werkelijk or b.datum_einde_gepland
        if b.afsluitdatum > einde >= b.datum_begin:
            out.append("ROD.PLAUSIBEL.BPV_AFSLUITDATUM")

    def record(r: Record, out: list[str]) -> None:
        by = {}
        seen = set()
        for e in r.inschrijvingen:
            by[e.inschrijvingvolgnummer] = e
            if (e.instelling, e.inschrijvingvolgnummer) in seen:
                out.append("ROD.INSCHRIJVING.VOLGNUMMER_UNIEK")
            seen.add((e.instelling, e.inschrijvingvolgnummer))
        met_bpv = set()
        bseen = set()
        for b in r.bpv_overeenkomsten:
            met_bpv.add(b.inschrijvingvolgnummer)
            if (b.inschrijvingvolgnummer, b.volgnummer) in bseen:
                out.append("ROD.BPV.VOLGNUMMER_UNIEK")
            bseen.add((b.inschrijvingvolgnummer, b.volgnummer))
            e = by.get(b.inschrijvingvolgnummer)
            if e is None:
                out.append("ROD.BPV.INSCHRIJVING")
                continue
            einde = e.datum_uitschrijving_werkelijk or e.datum_uitschrijving_gepland
            if b.datum_begin < e.datum_inschrijving:
                out.append("ROD.BPV.INSCHRIJVING")
            if (b.datum_einde_werkelijk or b.datum_einde_gepland) > einde:
                out.append("ROD.BPV.INSCHRIJVING")
        out.extend(
            "ROD.INSCHRIJVING.BBL_BPV"
            for e in r.inschrijvingen
            if e.inschrijvingvolgnummer not in met_bpv and any(p.leertraject in bbl for p in e.perioden)
        )
        # ROD.INSCHRIJVING.BBL_LEERPLICHT, the ROD.DIPLOMA and ROD.PLAUSIBEL record rules,
        # ROD.REFERENTIEDATA.NIET_GECONTROLEERD, ROD.PERIODE.ONDERWIJSLOCATIE_RIO, ROD.BPV.LEERBEDRIJF_SBB,
        # the PERSOON.PERSOONSGEGEVENS rules and the loose-result rules need a birth date, diplomas,
        # reference data, personal data or loose results, which these data never hold: nothing to check
        # on either side.
        student(r.student, out)
        for e in r.inschrijvingen:
            inschrijving(e, out)
        for b in r.bpv_overeenkomsten:
            bpv(b, out)

    def one(data: bytes) -> list[str]:
        out: list[str] = []
        record(Record.model_validate_json(data), out)
        return out

    def batch(data: bytes) -> list[list[str]]:
        out: list[list[str]] = []
        for r in many.validate_json(data):
            found: list[str] = []
            record(r, found)
            out.append(found)
        return out

    return one, batch


# --------------------------------------------------------------------------- timing


def _per_record(one: Callable[[bytes], list[str]], docs: list[bytes]) -> Callable[[], int]:
    def run() -> int:
        return sum(len(one(doc)) for doc in docs)

    return run


def _batch(batch: Callable[[bytes], list[list[str]]], doc: bytes) -> Callable[[], int]:
    def run() -> int:
        return sum(len(found) for found in batch(doc))

    return run


def interleaved(rows: list[tuple[str, Callable[[], int]]], rounds: int) -> dict[str, list[float]]:
    """Seconds per round of each row; the rows take turns, a full collection before each run."""
    times: dict[str, list[float]] = {name: [] for name, _ in rows}
    for _ in range(rounds):
        for name, run in rows:
            gc.collect()
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return times


def report(title: str, times: dict[str, list[float]], n: int, row: str) -> float:
    """Print min / median / max per row in µs per record and records/s; the ratio of the medians."""
    print(f"\n{title} ({n:,} records, {len(next(iter(times.values())))} rounds, µs per record)")
    print(f"  {'':<34} {'min':>8} {'median':>8} {'max':>8} {'records/s':>11}")
    for name, seconds in times.items():
        lo, med, hi = (x / n * 1e6 for x in (min(seconds), statistics.median(seconds), max(seconds)))
        print(f"  {name:<34} {lo:8.1f} {med:8.1f} {hi:8.1f} {1e6 / med:11,.0f}")
    ours, peer = (statistics.median(s) for s in times.values())
    ratio = peer / ours
    print(f"  duo_domain / peer throughput (medians): {ratio:.2f}")
    ours_name, peer_name = times
    result(
        row,
        f"{ours / n * 1e6:.1f} µs per record",
        f"{peer_name} {peer / n * 1e6:.1f} µs",
        ratio,
        1.0,
        f"python bench/bench_mbo_validate.py --students {n} --rounds {len(times[ours_name])}",
    )
    return ratio


def _same_findings(ours: list[list[str]], peer: list[list[str]]) -> None:
    a = collections.Counter(itertools.chain.from_iterable(ours))
    b = collections.Counter(itertools.chain.from_iterable(peer))
    if a != b:
        raise SystemExit(f"the two sides disagree: ours {sorted(a.items())}, peer {sorted(b.items())}")
    print("findings (equal on both sides): " + ", ".join(f"{k} {v}" for k, v in sorted(a.items())))


def engine_rows(records: list[Any]) -> list[tuple[str, Callable[[], int]]]:
    """``validate`` once per record against once on the list, on records read beforehand."""
    from duo_domain.rules import validate

    def each() -> int:
        return sum(len(validate(r)) for r in records)

    def whole() -> int:
        return len(validate(records))

    return [("validate(record) per record", each), ("validate(records) on the list", whole)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if args.rounds < 5:
        parser.error("at least 5 rounds")
    data = make_data(args.students)
    docs = [json.dumps(r).encode() for r in data]
    whole = json.dumps(data).encode()
    n = len(data)
    n_ins = sum(len(r["inschrijvingen"]) for r in data)
    n_bpv = sum(len(r.get("bpv_overeenkomsten", ())) for r in data)
    print(
        f"data: {n:,} students, {n_ins:,} enrolments, {n_bpv:,} BPV agreements; "
        f"{sum(map(len, docs)) / n:,.0f} bytes per record; Python {sys.version.split()[0]}"
    )
    duo_one, duo_batch = duo_side()
    try:
        peer_one, peer_batch = pydantic_side()
    except ImportError:
        raise SystemExit("pydantic is not installed: pip install 'duo-domain[bench]'") from None
    _same_findings([duo_one(d) for d in docs], [peer_one(d) for d in docs])
    _same_findings(duo_batch(whole), peer_batch(whole))
    ratios = {
        "per record": report(
            "Per record: one call per record's JSON bytes",
            interleaved(
                [
                    ("duo_domain validate(loads_mbo(b))", _per_record(duo_one, docs)),
                    ("pydantic model_validate_json + checks", _per_record(peer_one, docs)),
                ],
                args.rounds,
            ),
            n,
            "MBO: JSON bytes -> findings, one record per call",
        ),
        "batch": report(
            "Batch: one call on a JSON array of every record",
            interleaved(
                [
                    ("duo_domain validate(loads_mbo(b))", _batch(duo_batch, whole)),
                    ("pydantic validate_json + checks", _batch(peer_batch, whole)),
                ],
                args.rounds,
            ),
            n,
            "MBO: JSON bytes -> findings, one JSON array",
        ),
    }
    from duo_domain.serialize.json import loads_mbo

    records = [loads_mbo(d) for d in docs]
    engine = report(
        "Engine only: validate() per record against the list",
        interleaved(engine_rows(records), args.rounds),
        n,
        "MBO: validate() per record against the list",
    )
    print(
        f"\nsummary: per record {ratios['per record']:.2f}x pydantic, batch {ratios['batch']:.2f}x pydantic; "
        f"validate() per record runs at {1 / engine:.2f}x the batch's time per record"
    )


if __name__ == "__main__":
    main()
