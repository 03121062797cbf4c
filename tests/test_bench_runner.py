"""The benchmark runner's quick mode works: it runs benchmarks and tabulates their results."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_mode_runs_benchmarks_and_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--only",
            "bench_vo_path",
            "--only",
            "bench_startup",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    assert "| VO: JSON text -> uitslag |" in text
    assert "| start-up: duo-domain check bsn |" in text
    assert "bench_xml_stream.py" not in text  # --only keeps to the benchmarks named


def test_every_benchmark_runs_in_quick_mode(tmp_path: Path) -> None:
    """A benchmark that no longer runs (an old call into a changed helper) fails here, not on the day
    its figures are needed. The MBO benchmark's peer needs pydantic (the ``bench`` extra)."""
    names = [path.stem for path in sorted((ROOT / "bench").glob("bench_*.py"))]
    if importlib.util.find_spec("pydantic") is None:
        names.remove("bench_mbo_validate")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(tmp_path / "r.md")]
        + [arg for name in names for arg in ("--only", name)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for name in names:
        assert f"{name}.py: exit 0" in done.stdout
