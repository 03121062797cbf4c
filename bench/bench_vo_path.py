"""Benchmark: the whole VO path, JSON text of a cijferlijst to its uitslag, against ``json.loads``.

Run: ``python bench/bench_vo_path.py [N] [ROUNDS]`` (default 20,000 cijferlijsten, 5 rounds).
The floor is ``json.loads`` of the same texts. The library side pays what a
caller pays: parsing under the reading limits, structuring into an
``Examenkandidaat`` and ``compute_uitslag``. Both sides run in the same
process, interleaved, with the garbage collector enabled and collected before
each side. Also measured, for information: the uitslag alone on domain
objects read beforehand. The candidates are synthetic (seeded random grades).
"""

from __future__ import annotations

import json
import random
import statistics
import sys

from _common import interleaved, result, spread
from bench_uitslag_vo import candidate

from duo_domain.serialize.json import loads_cijferlijst
from duo_domain.vo import compute_uitslag

GOAL = 0.25


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rng = random.Random(20260616)
    texts = [json.dumps(candidate(rng)) for _ in range(n)]
    kandidaten = [loads_cijferlijst(t) for t in texts]

    def floor() -> None:
        for text in texts:
            json.loads(text)

    def path() -> None:
        for text in texts:
            compute_uitslag(loads_cijferlijst(text))

    def uitslag_only() -> None:
        for k in kandidaten:
            compute_uitslag(k)

    times = interleaved({"json.loads": floor, "path": path, "uitslag": uitslag_only}, rounds)
    print(f"{n:,} cijferlijsten, {rounds} interleaved rounds, gc enabled and collected before each side")
    print(f"json.loads (floor)          : {spread(times['json.loads'], n, 'documents')}")
    print(f"JSON text -> uitslag        : {spread(times['path'], n, 'candidates')}")
    print(f"uitslag on domain objects   : {spread(times['uitslag'], n, 'candidates')}")
    med = {name: statistics.median(t) for name, t in times.items()}
    ratio = med["json.loads"] / med["path"]
    print(f"ratio of the medians (json.loads time / path time): {ratio:.3f} (goal >= {GOAL})")
    result(
        "VO: JSON text -> uitslag",
        f"{n / med['path']:,.0f} candidates/s (uitslag alone {n / med['uitslag']:,.0f}/s)",
        f"json.loads {n / med['json.loads']:,.0f} documents/s",
        ratio,
        GOAL,
        "python bench/bench_vo_path.py",
    )


if __name__ == "__main__":
    main()
