"""What the benchmarks share: interleaved rounds, min/median/max, and one result line for ``run.py``.

Every comparison with a peer runs both sides in the same process, one after
the other in each round, with the garbage collector in the same state
(enabled, collected before each side).
"""

from __future__ import annotations

import gc
import json
import statistics
import time
from collections.abc import Callable
from typing import Any


def interleaved(sides: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds per round of each side; the sides alternate within every round."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, fn in sides.items():
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return times


def spread(seconds: list[float], units: int, unit: str) -> str:
    """``min/median/max`` of the rounds as throughput (units per second)."""
    rates = sorted(units / s for s in seconds)
    return f"{unit}/s min {rates[0]:,.0f} median {statistics.median(rates):,.0f} max {rates[-1]:,.0f}"


def result(name: str, figure: str, peer: str, ratio: float, goal: float, command: str) -> None:
    """Print the one line ``run.py`` collects: the figure, its peer, the ratio of the medians and the goal."""
    row: dict[str, Any] = {
        "name": name,
        "figure": figure,
        "peer": peer,
        "ratio": round(ratio, 3),
        "goal": goal,
        "met": ratio >= goal,
        "command": command,
    }
    print("RESULT " + json.dumps(row, ensure_ascii=False))
