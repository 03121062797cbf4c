"""The benchmark runner's quick mode works: it runs benchmarks and tabulates their results."""

from __future__ import annotations

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
