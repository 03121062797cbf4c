"""Stream MBO records through XML: duo_domain against the raw lxml floor, like for like.

Run: ``python bench/bench_xml_stream.py [N] [ROUNDS]`` (default N = 1,000,000, 5 rounds;
docs/performance.md quotes ``100000 5``).

Each record is an ``aanleverenBpvMBO`` item: a student (BSN) with one BPV
agreement (11 elements). Five phases per round, the rounds interleaved, each
phase in a fresh forked process (so that peak memory is its own) with the
garbage collector enabled and collected just before timing, on every side:

* library write: :func:`duo_domain.serialize.xml.write_stream` from a generator
  of domain objects, each record checked against the XSD;
* floor write: the same bytes (the library's default indented layout, checked
  byte for byte) written with ``lxml.etree.xmlfile`` straight from tuples of
  strings, without the library;
* library read: :func:`duo_domain.serialize.xml.read_stream`, every record
  checked against the XSD (once per piece of about 45 records, one by one when
  a piece fails) and turned into domain objects;
* library read, no XSD (for information only): the same with ``validate=False``,
  which shows what the XSD check costs;
* floor read: ``lxml.etree.iterparse`` over the same file as the library reads,
  each record's texts collected into a tuple, without the library.

Prints records per second (min/median/max of the rounds, wall clock), the
median in CPU time of the process, peak memory growth (peak RSS minus RSS at
the start of the phase), and the library/floor ratio of the medians in wall
clock and in CPU time (the machine is shared: CPU time is the steadier one),
with the range of the per-round ratios. Goals: reading at least 0.6 of the
floor's speed, writing at least 0.7, and under 100 MB peak memory growth for
the million.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _common import result
from lxml import etree

from duo_domain.identity.student import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.serialize.xml import Bedrijfsdocument, read_stream, write_stream

MBO = "urn:duo-domain:schema:mbo:v1"
PER = "urn:duo-domain:schema:persoon:v1"
BAS = "urn:duo-domain:schema:basis:v1"
NSMAP = {"bas": BAS, "per": PER, "mbo": MBO, "vo": "urn:duo-domain:schema:vo:v1"}
KOP = Bedrijfsdocument(uuid.UUID(int=42), "25LX", "DUO", dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC))
BSNS = ("111222333", "123456782", "012345672", "100000009")
START = dt.date(2025, 8, 1)


def _rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def _records(n: int) -> Iterator[MboStudentRecord]:
    for i in range(n):
        begin = START + dt.timedelta(days=i % 300)
        bpv = BpvAgreement(
            inschrijvingvolgnummer=f"I{i % 97}",
            volgnummer=str(i),
            afsluitdatum=begin - dt.timedelta(days=14),
            datum_begin=begin,
            datum_einde_gepland=begin + dt.timedelta(days=300),
            omvang=400 + i % 1000,
            leerbedrijf_id=str(100000000 + i),
            opleidingscode="25655",
        )
        yield MboStudentRecord(Student(bsn=BSNS[i % 4], studentnummer=f"S{i}"), bpv_overeenkomsten=(bpv,))


def _rows(n: int) -> Iterator[tuple[str, ...]]:
    for i in range(n):
        begin = START + dt.timedelta(days=i % 300)
        yield (
            BSNS[i % 4],
            f"S{i}",
            f"I{i % 97}",
            str(i),
            (begin - dt.timedelta(days=14)).isoformat(),
            begin.isoformat(),
            (begin + dt.timedelta(days=300)).isoformat(),
            str(400 + i % 1000),
            str(100000000 + i),
            "25655",
        )


_BPV_TAGS = [
    f"{{{MBO}}}{t}"
    for t in (
        "inschrijvingvolgnummer",
        "bpvVolgnummer",
        "afsluitdatum",
        "datumBegin",
        "datumEindeGepland",
        "omvang",
        "leerbedrijfId",
        "opleidingcode",
    )
]


def library_write(path: str, n: int) -> int:
    with open(path, "wb") as f:
        return write_stream(f, "aanleverenBpvMBO", KOP, _records(n))


def floor_write(path: str, n: int) -> int:
    """The same bytes as the library's default (indented) layout, from tuples of strings."""
    sub = etree.SubElement
    element = etree.Element
    count = 0
    student_tag = f"{{{MBO}}}student"
    persoon_tag = f"{{{MBO}}}persoon"
    bsn_tag = f"{{{PER}}}burgerservicenummer"
    nummer_tag = f"{{{PER}}}studentnummer"
    bpv_tag = f"{{{MBO}}}bpvOvereenkomst"
    i2, i4, i6 = "\n  ", "\n    ", "\n      "
    with open(path, "wb") as f:
        with etree.xmlfile(f, encoding="UTF-8") as xf:
            xf.write_declaration()
            with xf.element(f"{{{MBO}}}aanleverenBpvMBO", nsmap=NSMAP):
                for tag, text in zip(
                    (
                        "identificatiecodeBedrijfsdocument",
                        "verzendendeInstantie",
                        "ontvangendeInstantie",
                        "datumTijdBedrijfsdocument",
                    ),
                    (str(KOP.identificatiecode), "25LX", "DUO", "2026-01-05T08:00:00Z"),
                    strict=True,
                ):
                    el = element(f"{{{BAS}}}{tag}", nsmap=NSMAP)
                    el.text = text
                    xf.write(i2)
                    xf.write(el)
                for row in _rows(n):
                    student = element(student_tag, nsmap=NSMAP)
                    student.text = i4
                    persoon = sub(student, persoon_tag)
                    persoon.text = i6
                    persoon.tail = i4
                    e = sub(persoon, bsn_tag)
                    e.text = row[0]
                    e.tail = i6
                    e = sub(persoon, nummer_tag)
                    e.text = row[1]
                    e.tail = i4
                    bpv = sub(student, bpv_tag)
                    bpv.text = i6
                    bpv.tail = i2
                    for tag, text in zip(_BPV_TAGS, row[2:], strict=True):
                        e = sub(bpv, tag)
                        e.text = text
                        e.tail = i6
                    e.tail = i4
                    xf.write(i2)
                    xf.write(student)
                    count += 1
                xf.write("\n")
        f.write(b"\n")
    return count


def library_read(path: str, n: int) -> int:
    count = 0
    with open(path, "rb") as f:
        for _ in read_stream(f):
            count += 1
    return count


def library_read_unchecked(path: str, n: int) -> int:
    count = 0
    with open(path, "rb") as f:
        for _ in read_stream(f, validate=False):
            count += 1
    return count


def floor_read(path: str, n: int) -> int:
    count = 0
    tag = f"{{{MBO}}}student"
    with open(path, "rb") as f:
        for _, element in etree.iterparse(f, events=("end",), tag=tag):
            persoon, bpv = element[0], element[1]
            _row = (*(e.text for e in persoon), *(e.text for e in bpv))
            count += 1
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    return count


def _child(fn: Callable[[str, int], int], path: str, n: int, queue: Any) -> None:
    gc.collect()  # the same state on every side: collector enabled, collected before the timing
    start_rss = _rss_kib()
    t0, c0 = time.perf_counter(), time.process_time()
    count = fn(path, n)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    queue.put((count, seconds, cpu, max(0, peak - start_rss)))


def _run(fn: Callable[[str, int], int], path: str, n: int) -> tuple[int, float, float, int]:
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, path, n, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def _spread(values: list[float]) -> str:
    return f"min {min(values):>9,.0f} median {statistics.median(values):>9,.0f} max {max(values):>9,.0f}"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{rounds} interleaved rounds, each side in a fresh forked process (garbage collector enabled and"
        " collected before timing on every side); both reads parse the same file"
    )
    with tempfile.TemporaryDirectory() as tmp:
        lib_file = str(Path(tmp) / "library.xml")
        floor_file = str(Path(tmp) / "floor.xml")
        wall: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}
        growths: dict[str, int] = {}
        same = True
        size = 0
        for _ in range(rounds):
            for name, fn, path in (
                ("library write", library_write, lib_file),
                ("floor write", floor_write, floor_file),
                ("library read", library_read, lib_file),
                ("library read, no XSD", library_read_unchecked, lib_file),
                ("floor read", floor_read, lib_file),
            ):
                if name == "library read":  # the writers made the same bytes: both reads parse them
                    same = same and Path(lib_file).read_bytes() == Path(floor_file).read_bytes()
                    size = Path(lib_file).stat().st_size
                count, seconds, cpu_seconds, growth = _run(fn, path, n)
                assert count == n, (name, count)
                wall.setdefault(name, []).append(count / seconds)
                cpu.setdefault(name, []).append(count / cpu_seconds)
                growths[name] = max(growths.get(name, 0), growth)
        for name, r in wall.items():
            print(
                f"{name:20s} {n:>9,} records  rec/s {_spread(r)}"
                f"  CPU rec/s median {statistics.median(cpu[name]):>9,.0f}"
                f"  peak memory growth {growths[name] / 1024:6.1f} MiB"
            )
        print(f"file size {size / 1e6:.0f} MB; library and floor files identical: {same}")
        assert same, "the floor must write the same bytes as the library"
    for phase, goal in (("write", 0.7), ("read", 0.6)):
        lib, floor = f"library {phase}", f"floor {phase}"
        ratio = statistics.median(wall[lib]) / statistics.median(wall[floor])
        cpu_ratio = statistics.median(cpu[lib]) / statistics.median(cpu[floor])
        per_round = sorted(a / b for a, b in zip(wall[lib], wall[floor], strict=True))
        print(
            f"{phase}: library / floor speed = {ratio:.3f} wall, {cpu_ratio:.3f} CPU time"
            f" (per round {per_round[0]:.3f}..{per_round[-1]:.3f}; goal >= {goal})"
        )
        result(
            f"XML streaming {phase}",
            f"{statistics.median(wall[lib]):,.0f} records/s (CPU ratio {cpu_ratio:.2f})",
            f"raw lxml floor {statistics.median(wall[floor]):,.0f} records/s",
            ratio,
            goal,
            "python bench/bench_xml_stream.py",
        )
    unchecked = statistics.median(wall["library read, no XSD"]) / statistics.median(wall["floor read"])
    print(f"read without the XSD check (validate=False, for information): {unchecked:.2f}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
