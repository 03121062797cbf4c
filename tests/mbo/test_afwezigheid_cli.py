"""``duo-domain afwezigheid`` and rule ROD.AFWEZIGHEID.MELDING (WEB art. 8.1.7 lid 5)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from duo_domain.cli import main
from duo_domain.errors import InvalidDocument
from duo_domain.mbo.afwezigheid import Afwezigheid
from duo_domain.rules import validate

DOC = {
    "geboortedatum": "2005-01-01",
    "leertraject": "BOL",
    "niveau": "MBO-2",
    "studiefinanciering": True,
    "afwezig_van": "2025-03-03",
    "afwezig_tot": "2025-04-06",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("gemeld_op", "found"),
    [(None, True), ("2025-05-02", False), ("2025-05-05", True)],  # deadline: Friday 2 May 2025
)
def test_rule_reports_a_missing_or_late_report(gemeld_op: str | None, found: bool) -> None:
    a = Afwezigheid.from_dict({**DOC, "gemeld_op": gemeld_op})
    assert ("ROD.AFWEZIGHEID.MELDING" in {f.rule_id for f in validate(a)}) is found


def test_rule_is_silent_when_no_report_is_due() -> None:
    a = Afwezigheid.from_dict({**DOC, "niveau": "MBO-3"})  # lid 11 not met
    assert list(validate(a)) == []


def test_cli_text_json_and_exit_codes(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps(DOC))
    code, out, _ = run("afwezigheid", str(f))
    assert code == 1
    assert "2025-05-02" in out
    assert "lid 11" in out
    f.write_text(json.dumps([{**DOC, "gemeld_op": "2025-04-30"}]))
    code, out, _ = run("afwezigheid", str(f), "--json")
    assert code == 0
    assert json.loads(out)[0]["termijn_melding_duo"] == "2025-05-02"


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        ({**DOC, "afwezig_van": "3-3-2025"}, "$.afwezig_van"),
        ({k: v for k, v in DOC.items() if k != "studiefinanciering"}, "$.studiefinanciering"),
        ({**DOC, "extra": 1}, "$.extra"),
        ({**DOC, "afwezig_tot": "2025-03-01"}, "$.afwezig_tot"),
    ],
)
def test_cli_bad_document_is_one_line_exit_2(tmp_path: Path, doc: dict[str, object], where: str) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps(doc))
    code, _, err = run("afwezigheid", str(f))
    assert code == 2
    assert where in err
    assert err.count("\n") == 1
    with pytest.raises(InvalidDocument):
        Afwezigheid.from_dict(doc)


def test_date_of_the_document_is_read_as_a_date() -> None:
    assert Afwezigheid.from_dict(DOC).afwezig_van == dt.date(2025, 3, 3)
