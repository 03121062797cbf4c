"""Benchmark: validate 1,000,000 mixed BSNs and onderwijsnummers with duo_domain and python-stdnum.

Run with ``python bench/bench_identity.py [N]``. Builds N values (half BSN, half
onderwijsnummer; about half of each valid; the invalid ones have a wrong check
digit, a wrong length, a letter or a wrong prefix; one in ten is written with
separators), then checks every value with ``duo_domain.identity.<kind>.is_valid``
and with ``stdnum.nl.<kind>.is_valid`` in the same run. Prints both throughputs
(best of 3) and their ratio, and the number of values on which the two disagree
(stdnum zero-pads short input, duo_domain does not).
"""

from __future__ import annotations

import platform
import random
import sys
import time
from collections.abc import Callable

import stdnum
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import onderwijsnummer as stdnum_onr

from duo_domain._version import __version__
from duo_domain.identity import bsn, onderwijsnummer

Item = tuple[str, str]


def _weighted8(first: str) -> int:
    return sum((9 - i) * int(d) for i, d in enumerate(first))


def _valid_bsn(rng: random.Random) -> str:
    while True:
        first = f"{rng.randrange(100_000_000):08d}"
        check = _weighted8(first) % 11
        if check < 10 and first != "00000000":
            return first + str(check)


def _valid_onr(rng: random.Random) -> str:
    while True:
        first = "10" + f"{rng.randrange(1_000_000):06d}"
        check = (_weighted8(first) - 5) % 11
        if check < 10:
            return first + str(check)


def _spoil(rng: random.Random, value: str) -> str:
    how = rng.randrange(4)
    if how == 0:  # wrong check digit
        return value[:8] + str((int(value[8]) + rng.randrange(1, 10)) % 10)
    if how == 1:  # wrong length
        return value[: rng.randrange(1, 9)] if rng.random() < 0.5 else value + str(rng.randrange(10))
    if how == 2:  # a letter
        i = rng.randrange(9)
        return value[:i] + "X" + value[i + 1 :]
    return "2" + value[1:]  # wrong prefix for an onderwijsnummer, usually a bad BSN


def make_items(n: int, seed: int = 20261122) -> list[Item]:
    """N (kind, value) pairs, reproducible from ``seed``."""
    rng = random.Random(seed)
    items: list[Item] = []
    for i in range(n):
        kind = "bsn" if i % 2 == 0 else "onderwijsnummer"
        value = _valid_bsn(rng) if kind == "bsn" else _valid_onr(rng)
        if rng.random() < 0.5:
            value = _spoil(rng, value)
        if rng.random() < 0.1 and len(value) == 9:
            value = f"{value[:4]}.{value[4:6]}.{value[6:]}"
        items.append((kind, value))
    return items


def run(items: list[Item], check_bsn: Callable[[str], bool], check_onr: Callable[[str], bool]) -> list[bool]:
    """One pass over every item with the given checkers."""
    return [check_bsn(v) if k == "bsn" else check_onr(v) for k, v in items]


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    """The shortest wall time of ``repeats`` calls, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    items = make_items(n)
    ours = run(items, bsn.is_valid, onderwijsnummer.is_valid)
    theirs = run(items, stdnum_bsn.is_valid, stdnum_onr.is_valid)
    disagree = [(k, v) for (k, v), a, b in zip(items, ours, theirs, strict=True) if a != b]

    t_ours = best_of(3, lambda: run(items, bsn.is_valid, onderwijsnummer.is_valid))
    t_theirs = best_of(3, lambda: run(items, stdnum_bsn.is_valid, stdnum_onr.is_valid))

    print(f"duo_domain {__version__}, python-stdnum {stdnum.__version__}, Python {platform.python_version()}")
    print(f"{n:,} values ({sum(ours):,} valid for duo_domain, {sum(theirs):,} for stdnum), best of 3")
    print(f"duo_domain   : {t_ours:7.3f} s  {n / t_ours:12,.0f} values/s")
    print(f"python-stdnum: {t_theirs:7.3f} s  {n / t_theirs:12,.0f} values/s")
    print(f"ratio        : duo_domain is {t_theirs / t_ours:.2f}x the speed of python-stdnum")
    print(f"disagreements: {len(disagree):,}", end="")
    if disagree:
        short = sum(1 for _, v in disagree if len(v.replace(".", "")) < 9)
        print(f" (of which {short:,} short inputs that stdnum zero-pads)", end="")
    print()


if __name__ == "__main__":
    main()
