"""Benchmark: a slice of a national year through the batch API, on 1 and on 2 worker processes.

The input is what a vendor's nightly run reads: JSON Lines text, one record per
line. MBO student records (the synthetic institution of ``bench_mbo_validate.py``)
are read, structured and validated against the whole catalogue; VO cijferlijsten
(the synthetic cohort of ``bench_uitslag_vo.py``) are read and judged by
``compute_uitslagen``. Each configuration runs ``--repeat`` times; the median is
reported: wall-clock and CPU seconds (this process and its workers), the cost
per record, and the wall-clock time a national year (500,000 MBO students,
200,000 VO candidates) would take at that rate. Worker start-up (process
start, imports, loading the catalogue and code tables) is included. On a
shared machine the CPU cost per record is the steadier figure.

Usage::

    python bench/bench_batch.py [--mbo 50000] [--vo 20000] [--workers 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
    return [json.dumps(r) for r in make_data(n)]


def vo_lines(n: int) -> list[str]:
    import random

    rng = random.Random(11)
    return [json.dumps(candidate(rng)) for _ in range(n)]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers, once shut down).

    The workers are started with ``spawn`` here, so that they are this process's children (with
    ``forkserver`` they are the fork server's, and their CPU time would not be counted).
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], int], repeat: int) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds of ``repeat`` runs, and the number of outcomes."""
    walls, cpus = [], []
    count = 0
    for _ in range(repeat):
        start, cpu = time.perf_counter(), _cpu()
        count = run()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus), count


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
    head = ("job", "workers", "wall s", "CPU s", "µs/record", "CPU µs/record", "national year")
    print(f"{head[0]:<22}{head[1]:>8}{head[2]:>8}{head[3]:>8}{head[4]:>11}{head[5]:>15}{head[6]:>15}")
    for w in args.workers:
        for name, lines, national, fn in (
            ("validate MBO records", mbo, NATIONAL_MBO, validate_records),
            ("uitslag VO", vo, NATIONAL_VO, compute_uitslagen),
        ):
            wall, cpu, count = timed(
                lambda fn=fn, lines=lines, w=w: consume(
                    fn(lines, workers=w, chunk_size=args.chunk_size, start_method="spawn")
                ),
                args.repeat,
            )
            assert count == len(lines)
            per, cpu_per = wall / count, cpu / count
            print(
                f"{name:<22}{w:>8}{wall:>8.2f}{cpu:>8.2f}{per * 1e6:>11.1f}{cpu_per * 1e6:>15.1f}"
                f"{per * national:>14.0f}s"
            )


if __name__ == "__main__":
    main()
