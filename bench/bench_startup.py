"""Benchmark: start-up time of ``import duo_domain`` and ``duo-domain check bsn``, against ``python -c pass``.

Run: ``python bench/bench_startup.py [RUNS]`` (default 20 runs of each, interleaved).
Wall time of a fresh interpreter per run (``subprocess``), so it includes the
interpreter's own start; the peer ``python -c pass`` pays that alone. The
command is run as ``python -m duo_domain`` when no ``duo-domain`` script is on
the path. Goal: each at most 3x the peer (a ratio of at least 1/3).

Before timing, the package's modules are compiled to bytecode, as installing a
wheel does and as the standard library ships: a run with
``PYTHONDONTWRITEBYTECODE=1`` over a source checkout would otherwise compile
every module of the library from source in every fresh process, while the peer
reads the standard library's bytecode.
"""

from __future__ import annotations

import compileall
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import result

import duo_domain

GOAL = round(1 / 3, 3)


def _wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    # the bytecode an installed package has (see the module's docstring); both sides then read bytecode
    if not compileall.compile_dir(Path(duo_domain.__file__).parent, quiet=1):
        raise SystemExit("the package's modules could not be compiled to bytecode")
    script = shutil.which("duo-domain")
    check = [script] if script else [sys.executable, "-m", "duo_domain"]
    cmds = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import duo_domain": [sys.executable, "-c", "import duo_domain"],
        "duo-domain check bsn": [*check, "check", "bsn", "999999990"],
    }
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(_wall(cmd))
    print(f"{runs} interleaved runs of each, wall time of a fresh process")
    med = {name: statistics.median(t) for name, t in times.items()}
    for name, t in times.items():
        print(
            f"{name:22s} min {min(t) * 1000:6.1f} ms  median {med[name] * 1000:6.1f} ms"
            f"  max {max(t) * 1000:6.1f} ms  = {med[name] / med['python -c pass']:.2f}x python -c pass"
        )
    peer = f"python -c pass {med['python -c pass'] * 1000:.1f} ms"
    for name in ("import duo_domain", "duo-domain check bsn"):
        times_peer = med[name] / med["python -c pass"]
        result(
            f"start-up: {name}",
            f"{med[name] * 1000:.1f} ms ({times_peer:.2f}x the peer; goal at most 3x)",
            peer,
            med["python -c pass"] / med[name],
            GOAL,
            "python bench/bench_startup.py",
        )


if __name__ == "__main__":
    main()
