"""Run every benchmark with one command and collect the results.

Run: ``python bench/run.py`` for the full run, which writes the results table
to ``bench/results.md`` (``--out`` for another file), or ``python bench/run.py
--quick`` for a smoke run on small inputs (no file written unless ``--out``
is given). ``--only NAME`` (repeatable) runs the benchmarks whose file name
contains NAME.

Each benchmark is a script in this folder, run in its own interpreter. A
benchmark that compares with a peer prints ``RESULT {json}`` lines: the figure,
the peer, the ratio of the medians and the goal; they make the table. The
other benchmarks' output is kept verbatim below the table. The machine is
shared: read every figure as the median of interleaved rounds under the load
of that moment (the load average is printed with the results).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: Each benchmark script with its arguments for the full run and for ``--quick``.
BENCHMARKS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("bench_startup.py", ("20",), ("3",)),
    ("bench_vo_path.py", ("20000", "5"), ("300", "2")),
    ("bench_xml_stream.py", ("1000000", "5"), ("300", "1")),
    (
        "bench_mbo_validate.py",
        (),
        ("--students", "300", "--rounds", "5"),
    ),
    ("bench_uitslag_vo.py", (), ("2000",)),
    ("bench_identity.py", (), ("20000",)),
    ("bench_returnfile.py", (), ("3000", "2")),
    ("bench_batch.py", (), ("--mbo", "200", "--vo", "100", "--workers", "1", "--repeat", "1")),
)


def _run(script: str, args: tuple[str, ...], timeout: float) -> tuple[int, str, float]:
    env = dict(os.environ)
    src = str(HERE.parent / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE), src, env.get("PYTHONPATH", "")) if p)
    t0 = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(HERE / script), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, f"timed out after {timeout:.0f} s", time.perf_counter() - t0
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - t0


def _rows(output: str) -> list[dict[str, Any]]:
    return [json.loads(line[7:]) for line in output.splitlines() if line.startswith("RESULT {")]


def _table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| What | Figure (median) | Peer (same process, interleaved) | Ratio | Goal | Met | Command |",
        "|---|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {r['name']} | {r['figure']} | {r['peer']} | {r['ratio']:.3f} | ≥ {r['goal']} |"
        f" {'yes' if r['met'] else 'no'} | `{r['command']}` |"
        for r in rows
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; the exit code is 1 when one of them failed to run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run on small inputs")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--out", type=Path, help="the results file (default bench/results.md for a full run)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per benchmark")
    args = parser.parse_args(argv)
    out = args.out if args.out is not None or args.quick else HERE / "results.md"

    rows: list[dict[str, Any]] = []
    raw: list[str] = []
    failed: list[str] = []
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    for script, full, quick in BENCHMARKS:
        if args.only and not any(name in script for name in args.only):
            continue
        code, output, seconds = _run(script, quick if args.quick else full, args.timeout)
        print(f"{script}: exit {code} in {seconds:.1f} s", flush=True)
        if code != 0:
            failed.append(script)
        rows.extend(_rows(output))
        raw.append(f"### {script} (exit {code}, {seconds:.1f} s)\n\n```\n{output.rstrip()}\n```")
    table = _table(rows)
    print(table)
    if out is not None:
        head = (
            f"# Benchmark results\n\n{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
            f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average at the start {load}"
            f"{' (quick run: small inputs, figures not meaningful)' if args.quick else ''}.\n\n"
        )
        out.write_text(head + table + "\n\n## Output of each benchmark\n\n" + "\n\n".join(raw) + "\n")
        print(f"written: {out}")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
