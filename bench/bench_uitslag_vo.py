"""Benchmark: a national cohort of synthetic VO candidates through the uitslag.

Run: ``python bench/bench_uitslag_vo.py [N]`` (default 200,000 candidates).
Prints candidates per second for ``compute_uitslag`` on prepared domain
objects, and for the whole path from the JSON document, with peak memory.
The candidates are synthetic (seeded random grades); no real persons.
"""

from __future__ import annotations

import gc
import json
import random
import sys
import time
import tracemalloc
from decimal import Decimal
from typing import Any

from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import compute_uitslag

PAKKETTEN: dict[str, list[tuple[str, bool]]] = {
    # (vakcode, has CE)
    "havo": [
        ("1001", True),
        ("1002", True),
        ("1024", True),
        ("1022", True),
        ("1021", True),
        ("0131", True),
        ("1019", False),
        ("1020", False),
    ],
    "vwo": [
        ("1001", True),
        ("1002", True),
        ("1004", True),
        ("1025", True),
        ("1023", True),
        ("1028", True),
        ("1018", True),
        ("1019", False),
        ("1020", False),
    ],
    "vmbo-tl": [
        ("0011", True),
        ("0071", True),
        ("0153", True),
        ("0233", True),
        ("0191", True),
        ("0125", True),
        ("0322", False),
    ],
    "vmbo-gl": [("0011", True), ("0071", True), ("0153", True), ("0233", True), ("0322", False)],
    "vmbo-kb": [("0011", True), ("0071", True), ("0153", True), ("0233", True), ("0322", False)],
    "vmbo-bb": [("0011", True), ("0071", True), ("0153", True), ("0233", True), ("0322", False)],
}
SOORTEN = ["havo", "vwo", "vmbo-tl", "vmbo-gl", "vmbo-kb", "vmbo-bb"]
WEIGHTS = [25, 20, 22, 8, 14, 11]


def _grade(rng: random.Random, mean: float, sd: float, decimals: int) -> str:
    x = min(10.0, max(1.0, rng.gauss(mean, sd)))
    return f"{x:.{decimals}f}" if decimals else str(round(x))


def candidate(rng: random.Random, examenjaar: int = 2026) -> dict[str, Any]:
    """One synthetic cijferlijst document."""
    ss = rng.choices(SOORTEN, WEIGHTS)[0]
    ability = rng.gauss(6.5, 0.6)
    vakken: list[dict[str, Any]] = []
    for code, has_ce in PAKKETTEN[ss]:
        if has_ce:
            se = _grade(rng, ability + 0.2, 0.7, 1)
            vak: dict[str, Any] = {"vakcode": code, "se": se, "ce": _grade(rng, ability - 0.2, 0.9, 1)}
        else:
            vak = {"vakcode": code, "se": _grade(rng, ability + 0.3, 0.8, 0)}
        vakken.append(vak)
    if ss in ("vmbo-gl", "vmbo-kb", "vmbo-bb"):
        vakken.append(
            {"vakcode": "1700", "se": _grade(rng, ability, 0.7, 1), "ce": _grade(rng, ability, 0.8, 1)}
        )
        vakken.extend(
            {"vakcode": kv, "se": _grade(rng, ability + 0.3, 0.9, 0)}
            for kv in ("1701", "1702", "1703", "1704")[: 2 if ss == "vmbo-gl" else 4]
        )
    if rng.random() < 0.15:
        extra = {"havo": "1003", "vwo": "1022", "vmbo-tl": "0063"}.get(ss, "0063")
        if ss in ("havo", "vwo"):
            vakken.append(
                {
                    "vakcode": extra,
                    "se": _grade(rng, ability, 0.9, 1),
                    "ce": _grade(rng, ability - 0.3, 1.0, 1),
                    "extra": True,
                }
            )
        else:
            vakken.append(
                {
                    "vakcode": extra,
                    "se": _grade(rng, ability, 0.9, 1),
                    "ce": _grade(rng, ability - 0.3, 1.0, 1),
                    "extra": True,
                }
            )
    vakken.append({"vakcode": "0353", "beoordeling": "voldoende" if rng.random() > 0.01 else "onvoldoende"})
    doc: dict[str, Any] = {"schoolsoort": ss, "examenjaar": examenjaar, "vakken": vakken}
    if ss.startswith("vmbo"):
        vakken.append({"vakcode": "0416", "beoordeling": "goed" if rng.random() > 0.3 else "voldoende"})
        doc["profielwerkstuk"] = {"beoordeling": "voldoende" if rng.random() > 0.02 else "onvoldoende"}
    else:
        doc["profielwerkstuk"] = {"cijfer": int(_grade(rng, ability + 0.4, 1.0, 0))}
    return doc


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    rng = random.Random(20260616)
    docs = [candidate(rng) for _ in range(n)]
    kandidaten = [structure_cijferlijst(json.loads(json.dumps(d), parse_float=Decimal)) for d in docs]
    # the cohort is fixture data: keep the cyclic garbage collector from rescanning it
    gc.collect()
    gc.freeze()

    t0 = time.perf_counter()
    passed = sum(1 for k in kandidaten if compute_uitslag(k).geslaagd)
    t1 = time.perf_counter()
    print(
        f"uitslag on domain objects: {n} candidates in {t1 - t0:.2f} s = {n / (t1 - t0):,.0f} candidates/s"
        f" ({passed / n:.1%} geslaagd)"
    )

    texts = [json.dumps(d) for d in docs[: min(n, 50_000)]]
    t0 = time.perf_counter()
    for text in texts:
        compute_uitslag(structure_cijferlijst(json.loads(text, parse_float=Decimal)))
    t1 = time.perf_counter()
    print(
        f"JSON text -> document -> uitslag: {len(texts)} candidates in {t1 - t0:.2f} s"
        f" = {len(texts) / (t1 - t0):,.0f} candidates/s"
    )

    tracemalloc.start()
    for k in kandidaten[:20_000]:
        compute_uitslag(k)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory traced during 20,000 uitslagen (after warm-up): {peak / 1024:.0f} KiB")
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"max RSS of the whole run ({n} candidates held in memory): {rss / 1024:.0f} MiB")
    except ImportError:  # not on every platform
        pass


if __name__ == "__main__":
    main()
