"""Throughput and memory of the return-file reader and writer.

Writes a synthetic registratieoverzicht of N lines (default 1,000,000) to a
temporary file, streams it back through ``iter_records`` from the open
file, and writes every record back with ``format_record``. Prints lines per
second for each and the growth of the peak resident memory while reading.

    python bench/bench_returnfile.py [N]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
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


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "RO_27DV_20240731_20260324.csv"
        lines = _write(path, n)
        size = path.stat().st_size
        before = _maxrss_mib()
        records = problems = 0
        start = time.perf_counter()
        with path.open("rb") as handle:
            for item in rf.iter_records(handle):
                if isinstance(item, DocumentProblem):
                    problems += 1
                else:
                    records += 1
        read_s = time.perf_counter() - start
        growth = _maxrss_mib() - before

        start = time.perf_counter()
        written = 0
        with path.open("rb") as handle:
            for item in rf.iter_records(handle):
                if not isinstance(item, DocumentProblem):
                    written += len(rf.format_record(item))
        both_s = time.perf_counter() - start

    print(f"lines: {lines:,} ({size / 2**20:.0f} MiB), records: {records:,}, problems: {problems}")
    print(f"read:             {lines / read_s:,.0f} lines/s ({read_s:.1f} s)")
    print(f"read + write:     {lines / both_s:,.0f} lines/s ({both_s:.1f} s)")
    print(f"peak RSS growth while reading: {growth:.1f} MiB")


if __name__ == "__main__":
    main()
