"""The return-file reader against Python's ``csv.reader`` over the same registratieoverzicht.

Writes a synthetic RO (PvE §15) of N lines (default 300,000) to a temporary
file, then reads it, interleaved, with ``csv.reader`` (rows of strings) and
with :func:`duo_domain.serialize.returnfile.iter_records` (typed, frozen
records: dates, Decimals, checked BSNs), both streaming from the open file.
Every round times both the same way, with the garbage collector in the same
state (enabled, collected before each run). It prints min / median / max of
each and the ratio of the medians (csv.reader's time divided by ours: the
share of csv.reader's work rate the reader reaches), checks that both saw the
same number of records, and measures the reader's peak traced memory in a
separate, untimed pass (flat memory: it must not grow with the file).

    python bench/bench_returnfile.py [LINES] [ROUNDS]

The goal of issue 15 is a ratio of at least 0.12.
"""

from __future__ import annotations

import csv
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from duo_domain.errors import DocumentProblem
from duo_domain.serialize import returnfile as rf

PERSON = [
    "PER|{bsn}||1987-11-23|V",
    "ISG|{bsn}||C3|2023-01-30|2025-01-29|2025-01-16|08",
    "ISP|{bsn}||C3|2023-01-30|25655|BBL||J||100A501|101X591||",
    "BPV|{bsn}||C3|C1|2023-01-07|2023-02-01|2025-01-29|2024-08-30|2163|100018965|25655|",
    "DIP|{bsn}||8286771|25655|2025-01-16||J|C3|100A501",
    "GEO|{bsn}||8286771|25655|8286774|3005||6|MBO|74|MBO|51|MBO||",
    "GEO|{bsn}||8286771|25655|8288188|3006||5|MBO||||||",
    "KZD|{bsn}||8286771|25655|8286772|K0067||Behaald|||",
]


def _bsn(i: int) -> str:
    # Eight digits from i, then the check digit that makes the 11-proef pass.
    head = f"{(i * 7919) % 10**8 + 10**8:09d}"[1:]
    total = sum(int(d) * w for d, w in zip(head, range(9, 1, -1), strict=True))
    check = total % 11
    if check == 10:
        head = f"{(int(head) + 1) % 10**8:08d}"
        total = sum(int(d) * w for d, w in zip(head, range(9, 1, -1), strict=True))
        check = total % 11
    return head + str(check)


def _write(path: Path, n: int) -> int:
    lines = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("VLP|27DV|2024-07-31|2026-03-24|2026-03-25\n")
        lines += 1
        i = 1
        while lines < n - 1:
            bsn = _bsn(i)
            for template in PERSON:
                out.write(template.format(bsn=bsn) + "\n")
            lines += len(PERSON)
            i += 1
        out.write("SLR|0|0|0|0|0|0|0|0|0\n")
        lines += 1
    return lines


def _csv(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _row in csv.reader(handle, delimiter="|"))


def _ours(path: Path) -> int:
    records = 0
    with path.open("rb") as handle:
        for item in rf.iter_records(handle):
            if isinstance(item, DocumentProblem):
                raise SystemExit(f"unexpected problem: {item}")
            records += 1
    return records


def _timed(run: Callable[[Path], int], path: Path) -> tuple[float, int]:
    gc.collect()
    start = time.perf_counter()
    count = run(path)
    return time.perf_counter() - start, count


def _peak_mib(path: Path) -> float:
    tracemalloc.start()
    _ours(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _summary(name: str, times: list[float], lines: int) -> str:
    lo, med, hi = min(times), statistics.median(times), max(times)
    return f"{name:<12} min {lo:.3f} s  median {med:.3f} s  max {hi:.3f} s  ({lines / med:,.0f} lines/s)"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "RO_27DV_20240731_20260324.csv"
        lines = _write(path, n)
        _ours(path)  # compile the per-record-type readers and warm the caches once
        csv_times: list[float] = []
        our_times: list[float] = []
        for _ in range(rounds):
            t, rows = _timed(_csv, path)
            csv_times.append(t)
            t, records = _timed(_ours, path)
            our_times.append(t)
            if rows != records:
                raise SystemExit(f"csv.reader saw {rows} rows, the reader {records} records")
        small = Path(tmp) / "small.csv"
        _write(small, max(n // 10, 100))
        peak_small, peak_full = _peak_mib(small), _peak_mib(path)
    ratio = statistics.median(csv_times) / statistics.median(our_times)
    print(f"{lines:,} lines, {rounds} interleaved rounds, gc enabled and collected before each run")
    print(_summary("csv.reader", csv_times, lines))
    print(_summary("returnfile", our_times, lines))
    print(f"ratio of the medians (csv.reader time / reader time): {ratio:.3f} (goal >= 0.12)")
    print(
        f"peak traced memory while reading: {peak_small:.2f} MiB at {lines // 10:,} lines, "
        f"{peak_full:.2f} MiB at {lines:,}"
    )


if __name__ == "__main__":
    main()
