"""``duo-domain export``: every kind of return file as one typed table per record type."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from duo_domain.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_an_ro_becomes_one_csv_per_record_type(tmp_path: Path) -> None:
    code, out, _ = _run(
        str(FIXTURES / "RO_27DV_20240731_20260324.csv"), "--to", "csv", "--out", str(tmp_path)
    )
    assert code == 0
    assert {p.name for p in tmp_path.iterdir()} == {
        f"{t}.csv" for t in ("VLP", "PER", "ISG", "ISP", "BPV", "DIP", "GEO", "KZD", "SLR")
    }
    assert "ISP.csv: 19 rows" in out
    with (tmp_path / "GEO.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["cijfer_ie"] == "7.4"  # the grade, not DUO's ×10
    assert rows[0]["burgerservicenummer"] == "****"  # masked by default: all but the last 4 of 4
    assert "BSN1" not in (tmp_path / "PER.csv").read_text("utf-8")


def test_person_numbers_are_written_in_full_only_when_asked(tmp_path: Path) -> None:
    _run(
        str(FIXTURES / "RO_27DV_20240731_20260324.csv"), "--to", "jsonl", "--out", str(tmp_path), "--unmasked"
    )
    first = json.loads((tmp_path / "PER.jsonl").read_text("utf-8").splitlines()[0])
    assert first["burgerservicenummer"] == "BSN1"
    assert first["geboortedatum"] == "1987-11-23"


def test_the_tbgi_groups_become_tables_with_their_parent(tmp_path: Path) -> None:
    code, _, _ = _run(str(FIXTURES / "TBGI_25LX_2027_20251124.XML"), "--to", "jsonl", "--out", str(tmp_path))
    assert code == 0
    [teldatum] = [json.loads(line) for line in (tmp_path / "Teldatum.jsonl").read_text("utf-8").splitlines()]
    assert (teldatum["parent"], teldatum["teldatum"], teldatum["bekostigingsstatus"]) == (
        0,
        "2025-10-01",
        True,
    )
    assert {p.name for p in tmp_path.iterdir()} == {"Inschrijving.jsonl", "Teldatum.jsonl", "Diploma.jsonl"}


def test_parquet_columns_are_typed(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    code, _, _ = _run(
        str(FIXTURES / "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv"), "--to", "parquet", "--out", str(tmp_path)
    )
    assert code == 0
    isp = pq.read_table(tmp_path / "ISP.parquet")
    assert str(isp.schema.field("datum_begin").type) == "date32[day]"
    assert str(isp.schema.field("indicatie_bekostigbaar").type) == "bool"
    row = isp.slice(0, 1).to_pylist()[0]
    assert (row["datum_begin"], row["indicatie_bekostigbaar"]) == (dt.date(2023, 1, 30), True)
    geo = pq.read_table(tmp_path / "GEO.parquet").slice(0, 1).to_pylist()[0]
    assert geo["cijfer_ie"] == Decimal("7.4")


def test_problems_give_exit_1_and_unreadable_input_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "RO.csv"
    bad.write_text(
        "VLP|27DV|2024-07-31|2026-03-24|2026-03-25\nISP|111222333||C3|2024-13-01\n", encoding="utf-8"
    )
    code, out, _ = _run(str(bad), "--to", "csv", "--out", str(tmp_path / "out"))
    assert code == 1
    assert "not a valid date @ ISP.datum_begin (line 2)" in out
    empty = tmp_path / "empty.csv"
    empty.write_text("garbage\n", encoding="utf-8")
    code, _, err = _run(str(empty), "--to", "csv", "--out", str(tmp_path / "out2"))
    assert code == 2
    assert "does not start with a record type" in err


_OBO = """VLP|2015-2016|27DV|2015-10-01|2015-10-02
PER|111222333||2000-05-00|M
ISG|111222333||1|2015-08-01||J|N
ISP|111222333||1|2015-08-01|25655|BOL|MBO-4|||J|J|N
DIP|111222333||99|25655|2016-06-30|J|1
CTR|1|1|51310|51314|2
"""

_OBOV = """Recordsoort|Burgerservicenummer|Onderwijsnummer|Geboortedatum vorig
VLP|2025-2026|27DV|2025-11-03|2025-10-01
PER|111222333||2000-05-00|M|2000-05-14|*|W
"""


def test_an_obo_becomes_typed_tables(tmp_path: Path) -> None:
    path = tmp_path / "OBO_27DV_2015_20151002.CSV"
    path.write_text(_OBO, encoding="utf-8")
    code, out, _ = _run(str(path), "--to", "jsonl", "--out", str(tmp_path / "out"))
    assert code == 0, out
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        f"{t}.jsonl" for t in ("VLP", "PER", "ISG", "ISP", "DIP", "CTR")
    }
    [isp] = [json.loads(line) for line in (tmp_path / "out" / "ISP.jsonl").read_text("utf-8").splitlines()]
    assert isp["indicatie_geldig_op_1_10"] is True
    assert isp["burgerservicenummer"] == "*****2333"
    [ctr] = [json.loads(line) for line in (tmp_path / "out" / "CTR.jsonl").read_text("utf-8").splitlines()]
    assert ctr["totaal_generaal"] == 51314


def test_a_difference_list_becomes_a_table_with_its_emptied_marks(tmp_path: Path) -> None:
    path = tmp_path / "OBOV_PER_27DV_20251103.CSV"
    path.write_text(_OBOV, encoding="utf-8")
    code, out, _ = _run(str(path), "--to", "csv", "--out", str(tmp_path / "out"))
    assert code == 0, out
    with (tmp_path / "out" / "PER.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["geboortedatum_huidig"] == "2000-05-14"
    assert row["geslacht_huidig"] == "*"  # emptied by DUO (PvE §14.1)
    assert row["soort_wijziging"] == "W"
