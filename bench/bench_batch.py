"""Benchmark: a slice of a national year through the batch API, on 1 and on 2 worker processes.

The input is what a vendor's nightly run reads: JSON Lines text, one record per
line. MBO student records (the synthetic institution of ``bench_mbo_validate.py``)
are read, structured and validated against the whole catalogue; VO cijferlijsten
(the synthetic cohort of ``bench_uitslag_vo.py``) are read and judged by
``compute_uitslagen``. Each configuration runs ``--repeat`` times; the median is
reported, with the cost per record and the time a national year (500,000 MBO
students, 200,000 VO candidates) would take at that rate. Worker start-up
(process start, imports, loading the catalogue and code tables) is included.

Usage::

    python bench/bench_batch.py [--mbo 50000] [--vo 20000] [--workers 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_mbo_validate import make_data
from bench_uitslag_vo import candidate

NATIONAL_MBO = 500_000
NATIONAL_VO = 200_000


def mbo_lines(n: int) -> list[str]:
    return [json.dumps(r) for r in make_data(n, n + n // 5, n // 3)]


def vo_lines(n: int) -> list[str]:
    import random

    rng = random.Random(11)
    return [json.dumps(candidate(rng)) for _ in range(n)]


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times = []
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def consume(outcomes: Iterator[Any]) -> int:
    n = 0
    for _ in outcomes:
        n += 1
    return n


def main() -> None:
    from duo_domain.batch import compute_uitslagen, validate_records

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mbo", type=int, default=50_000)
    parser.add_argument("--vo", type=int, default=20_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=500)
    args = parser.parse_args()

    mbo, vo = mbo_lines(args.mbo), vo_lines(args.vo)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{len(mbo)} MBO records, {len(vo)} VO cijferlijsten; {os.cpu_count()} CPUs (load {load})")
    print(f"median of {args.repeat} rounds, chunks of {args.chunk_size}")
    print(f"{'job':<22}{'workers':>8}{'seconds':>10}{'µs/record':>11}{'national year':>15}")
    for w in args.workers:
        for name, lines, national, fn in (
            ("validate MBO records", mbo, NATIONAL_MBO, validate_records),
            ("uitslag VO", vo, NATIONAL_VO, compute_uitslagen),
        ):
            seconds, count = timed(
                lambda fn=fn, lines=lines, w=w: consume(fn(lines, workers=w, chunk_size=args.chunk_size)),
                args.repeat,
            )
            assert count == len(lines)
            per = seconds / count
            print(f"{name:<22}{w:>8}{seconds:>10.2f}{per * 1e6:>11.1f}{per * national:>14.0f}s")


if __name__ == "__main__":
    main()
