"""``scripts/codetables.py``: check, format and regenerate the shipped code tables."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

from duo_domain.codes import loads, waardenlijst

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "codetables.py"
DATA = ROOT / "src" / "duo_domain" / "codes" / "data"


def _run(*args: str) -> tuple[int, str]:
    result = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)
    return result.returncode, result.stdout + result.stderr


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def test_check_passes_on_the_shipped_tables() -> None:
    code, out = _run("check")
    assert code == 0, out
    assert "0 problems" in out


def test_check_fails_on_a_table_out_of_layout_and_format_repairs_it(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    table = data / "geslacht.json"
    table.write_text(table.read_text(encoding="utf-8").replace("\n    ", "\n"), encoding="utf-8")
    code, out = _run("--data", str(data), "check")
    assert (code, "geslacht.json: not in the canonical layout" in out) == (1, True)
    assert _run("--data", str(data), "format")[0] == 0
    assert table.read_text(encoding="utf-8") == (DATA / "geslacht.json").read_text(encoding="utf-8")


def test_check_fails_on_a_broken_table(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    (data / "niveau.json").write_text('{"naam": "niveau"}', encoding="utf-8")
    code, out = _run("--data", str(data), "check")
    assert code == 1
    assert "niveau.json: invalid code table: missing @ $.bron" in out


def test_import_regenerates_a_table_from_a_csv_export(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    shipped = waardenlijst("leertraject")
    export = tmp_path / "leertraject.csv"
    columns = ["code", "omschrijving", "geldig_van", "geldig_tot", "bron", *shipped.kenmerken]
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter=";")
        writer.writeheader()
        for v in shipped:
            writer.writerow(
                {
                    "code": v.code,
                    "omschrijving": v.omschrijving,
                    "geldig_van": v.geldig_van.isoformat() if v.geldig_van else "",
                    "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else "",
                    "bron": v.bron,
                    **v.kenmerken,
                }
            )
        writer.writerow({"code": "NEW", "omschrijving": "nieuw", "geldig_van": "2027-08-01", "voltijd": "ja"})
    code, out = _run("--data", str(data), "import", "leertraject", str(export), "--versie", "4.9")
    assert code == 0, out
    new = loads((data / "leertraject.json").read_bytes())
    assert new.versie == "4.9"
    assert new.codes() == (*shipped.codes(), "NEW")
    assert new.met_kenmerk("voltijd", "ja") == shipped.met_kenmerk("voltijd", "ja") | {"NEW"}
    assert new.waarden[:-1] == shipped.waarden


def test_import_refuses_an_undeclared_kenmerk_and_leaves_the_table(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    export = tmp_path / "x.csv"
    export.write_text("code;omschrijving;kleur\nM;Man;blauw\n", encoding="utf-8")
    before = (data / "geslacht.json").read_text(encoding="utf-8")
    code, out = _run("--data", str(data), "import", "geslacht", str(export))
    assert code == 1
    assert "not declared" in out
    assert (data / "geslacht.json").read_text(encoding="utf-8") == before
