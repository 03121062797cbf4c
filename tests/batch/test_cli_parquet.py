"""Batch output of ``duo-domain validate`` and ``uitslag`` as Parquet (and JSON Lines to a file)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from duo_domain.cli import main

from ._data import mbo_lines, vo_lines

pq = pytest.importorskip("pyarrow.parquet")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _as_jsonl_rows(table: Any) -> list[dict[str, Any]]:
    """The Parquet rows in the shape of the JSON Lines output."""
    rows = []
    for row in table.to_pylist():
        findings = [{**f, "values": dict(f["values"])} for f in row["findings"]]
        out = {
            "index": row["index"],
            "origin": row["origin"],
            "readable": row["readable"],
            "findings": findings,
        }
        if row["result"] is not None:
            out["result"] = json.loads(row["result"])
        rows.append(out)
    return rows


@pytest.fixture
def mbo_file(tmp_path: Path) -> Path:
    path = tmp_path / "mbo.jsonl"
    path.write_text("\n".join(mbo_lines(2500, broken=0.03)) + "\n", encoding="utf-8")
    return path


def test_validate_to_parquet_holds_what_json_lines_hold(mbo_file: Path, tmp_path: Path) -> None:
    code, out, _ = _run("validate", str(mbo_file), "--out", str(tmp_path / "r.jsonl"))
    assert out == ""
    expected = _jsonl(tmp_path / "r.jsonl")
    code2, out, _ = _run("validate", str(mbo_file), "--out", str(tmp_path / "r.parquet"))
    assert (code2, out) == (code, "")
    parquet = pq.ParquetFile(tmp_path / "r.parquet")
    assert parquet.metadata.num_row_groups == 3  # written as the items came, 1000 rows at a time
    table = parquet.read()
    assert table.schema.field("index").type == "int64"
    assert table.schema.field("readable").type == "bool"
    assert _as_jsonl_rows(table) == expected
    assert len(expected) == 2500
    assert any(not row["readable"] for row in expected)


def test_the_format_by_flag_or_suffix(mbo_file: Path, tmp_path: Path) -> None:
    _run("validate", str(mbo_file), "--to", "parquet", "--out", str(tmp_path / "r.data"))
    assert pq.read_table(tmp_path / "r.data").num_rows == 2500
    _run("validate", str(mbo_file), "--to", "jsonl", "--out", str(tmp_path / "r2.parquet"))
    assert len(_jsonl(tmp_path / "r2.parquet")) == 2500  # --to wins over the suffix
    _, out, _ = _run("validate", str(mbo_file), "--to", "jsonl")
    assert len(out.splitlines()) == 2500


def test_uitslag_to_parquet_keeps_the_result(tmp_path: Path) -> None:
    path = tmp_path / "vo.jsonl"
    path.write_text("\n".join(vo_lines(50)) + "\n", encoding="utf-8")
    _run("uitslag", str(path), "--out", str(tmp_path / "u.jsonl"))
    _run("uitslag", str(path), "--out", str(tmp_path / "u.parquet"))
    assert _as_jsonl_rows(pq.read_table(tmp_path / "u.parquet")) == _jsonl(tmp_path / "u.jsonl")
    results = pq.read_table(tmp_path / "u.parquet").column("result").to_pylist()
    assert sum(r is not None for r in results) > 40


def test_one_file_with_out_runs_in_batch_mode(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(mbo_lines(1, broken=0)[0], encoding="utf-8")
    _, out, _ = _run("validate", str(path), "--out", str(tmp_path / "one.parquet"))
    assert out == ""
    assert pq.read_table(tmp_path / "one.parquet").column("index").to_pylist() == [0]


def test_parquet_usage_errors(mbo_file: Path, tmp_path: Path) -> None:
    code, out, err = _run("validate", str(mbo_file), "--to", "parquet")
    assert (code, out) == (2, "")
    assert "--out" in err
    code, _, err = _run("validate", str(mbo_file), "--out", str(tmp_path / "missing" / "r.parquet"))
    assert code == 2
    assert "cannot be written" in err
    assert len(err.strip().splitlines()) == 1
