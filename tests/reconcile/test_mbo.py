"""Reconciliation of own records with DUO's registratieoverzicht, and ``duo-domain reconcile``."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from duo_domain.cli import main
from duo_domain.errors import DuoDomainError
from duo_domain.identity import Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma
from duo_domain.reconcile import AREAS
from duo_domain.reconcile.mbo import Category, pseudonym, reconcile
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize.json import dumps_mbo

DUO = """VLP|27DV|2024-07-31|2026-03-24|2026-03-25
PER|111222333||1987-11-23|V
ISG|111222333||C3|2023-01-30|2025-01-29|2025-01-16|08
ISP|111222333||C3|2023-01-30|25655|BBL||J||100A501|101X591||
ISE|111222333||C3|2023-03-01|2023-06-30
BPV|111222333||C3|C1|2023-01-07|2023-02-01|2025-01-29|2024-08-30|2163|100018965|25655|
PER|123456782||1990-01-01|M
ISG|123456782||1|2024-08-01|2026-07-31||
ISP|123456782||1|2024-08-01|25311|BOL||J||100A500|101X589||
SLR|2|2|2|1|1|0|0|0|0
"""


def _own() -> MboStudentRecord:
    return MboStudentRecord(
        Student(bsn="111222333"),
        [
            Enrolment(
                "C3",
                "27DV",
                dt.date(2023, 1, 30),
                dt.date(2025, 1, 29),
                [
                    Periode(
                        dt.date(2023, 1, 30), "25655", "BBL", indicatie_bekostigbaar=True,
                        onderwijsaanbieder="100A501", onderwijslocatie="101X591",
                    )
                ],
                datum_uitschrijving_werkelijk=dt.date(2025, 1, 16),
                reden_uitschrijving="08",
                extra_ondersteuning=[ExtraOndersteuning(dt.date(2023, 3, 1), dt.date(2023, 6, 30))],
            ),
            Enrolment("X9", "99XX", dt.date(2023, 1, 30), dt.date(2025, 1, 29), []),  # another institution
        ],
        [
            BpvAgreement(
                "C3", "C1", dt.date(2023, 1, 7), dt.date(2023, 2, 1), dt.date(2025, 1, 29),
                dt.date(2024, 8, 30), 2163, "100018965", "25655",
            )
        ],
    )  # fmt: skip


def _second() -> MboStudentRecord:
    return MboStudentRecord(
        Student(bsn="123456782"),
        [
            Enrolment(
                "1",
                "27DV",
                dt.date(2024, 8, 1),
                dt.date(2026, 7, 31),
                [
                    Periode(
                        dt.date(2024, 8, 1),
                        "25311",
                        "BOL",
                        indicatie_bekostigbaar=True,
                        onderwijsaanbieder="100A500",
                        onderwijslocatie="101X589",
                    )
                ],
            )
        ],
    )


def test_equal_records_have_no_differences() -> None:
    result = reconcile([_own(), _second()], rf.read(DUO))
    assert result.ok
    assert list(result) == []
    assert result.instelling == "27DV"
    assert result.compared == ("student", "inschrijving", "periode", "extra_ondersteuning", "bpv")


def test_every_category_with_its_business_key() -> None:
    own = _own()
    enrolment = attrs.evolve(
        own.inschrijvingen[0],
        datum_uitschrijving_werkelijk=None,
        perioden=[
            *own.inschrijvingen[0].perioden,
            Periode(dt.date(2024, 8, 1), "25655", "BOL", indicatie_bekostigbaar=False),
        ],
    )
    bpv2 = attrs.evolve(own.bpv_overeenkomsten[0], volgnummer="C2")
    own = attrs.evolve(own, inschrijvingen=[enrolment], bpv_overeenkomsten=[bpv2])
    extra = MboStudentRecord(
        Student(bsn="999999990"),
        [Enrolment("7", "27DV", dt.date(2024, 8, 1), dt.date(2026, 7, 31), [])],
    )
    result = reconcile([own, extra], rf.read(DUO), pseudonym_key=b"k")
    found = {(d.category, d.entity, d.key, d.field) for d in result}
    assert found == {
        (Category.FIELD_DIFFERS, "inschrijving", (("inschrijving", "C3"),), "datum_uitschrijving_werkelijk"),
        (Category.MISSING_AT_DUO, "periode", (("inschrijving", "C3"), ("periode", "2024-08-01")), None),
        (Category.MISSING_AT_DUO, "bpv", (("bpv", "C3/C2"),), None),
        (Category.MISSING_HERE, "bpv", (("bpv", "C3/C1"),), None),
        (Category.MISSING_HERE, "inschrijving", (("inschrijving", "1"),), None),
        (Category.MISSING_AT_DUO, "inschrijving", (("inschrijving", "7"),), None),
    }
    differs = next(d for d in result if d.category is Category.FIELD_DIFFERS)
    assert (differs.own, differs.duo) == (None, dt.date(2025, 1, 16))
    assert differs.message == (
        f"student *****2333 [{pseudonym('111222333', b'k')}], inschrijving C3: "
        "datum_uitschrijving_werkelijk differs: "
        "here (empty), at DUO 2025-01-16"
    )
    for d in result:
        assert "111222333" not in d.message
        assert "123456782" not in json.dumps(d.to_dict())
    counts = {c: len(ds) for c, ds in result.by_category().items()}
    assert counts == {Category.MISSING_AT_DUO: 3, Category.MISSING_HERE: 2, Category.FIELD_DIFFERS: 1}


DUO_WITH_DIPLOMA = DUO.replace(
    "PER|123456782",
    "DIP|111222333||8286771|25655|2025-01-16||J|C3|100A501\n"
    "GEO|111222333||8286771|25655|8286774|3005||6|MBO|74|MBO|51|MBO||\n"
    "KZD|111222333||8286771|25655|8286772|K0067||Behaald|||\n"
    "PER|123456782",
).replace("SLR|2|2|2|1|1|0|0|0|0", "SLR|2|2|2|1|1|1|0|1|1")


def _duo_diploma() -> Diploma:
    [person] = [p for p in rf.group_persons(rf.read(DUO_WITH_DIPLOMA).records) if p.diplomas]
    return person.diplomas[0]


def _other_diploma() -> Diploma:
    return Diploma(
        "D2", "25311", dt.date(2026, 7, 1), indicatie_bekostigbaar=True, inschrijvingvolgnummer="1"
    )


def test_diplomas_are_not_compared_when_the_own_records_include_none() -> None:
    duo = rf.read(DUO_WITH_DIPLOMA)
    result = reconcile([_own(), _second()], duo)
    assert result.ok
    assert "diploma" not in result.compared


def test_diplomas_are_compared_when_one_own_record_includes_one() -> None:
    duo = rf.read(DUO_WITH_DIPLOMA)
    second = attrs.evolve(_second(), diplomas=[_other_diploma()])
    result = reconcile([_own(), second], duo)
    assert "diploma" in result.compared
    assert [(d.category, d.entity, d.key) for d in result] == [
        (Category.MISSING_HERE, "diploma", (("diploma", "8286771"),)),
        (Category.MISSING_AT_DUO, "diploma", (("diploma", "D2"),)),
    ]


def test_diplomas_compared_on_request() -> None:
    duo = rf.read(DUO_WITH_DIPLOMA)
    result = reconcile([_own(), _second()], duo, compare={"inschrijvingen", "bpv", "diplomas"})
    assert [(d.category, d.entity, d.key) for d in result] == [
        (Category.MISSING_HERE, "diploma", (("diploma", "8286771"),))
    ]
    assert result.compared == ("student", *(e for entities in AREAS.values() for e in entities))


def test_diplomas_and_their_parts_are_compared() -> None:
    duo = rf.read(DUO_WITH_DIPLOMA)
    diploma = _duo_diploma()
    geo = diploma.generieke_examenonderdelen[0]
    changed = attrs.evolve(
        diploma,
        generieke_examenonderdelen=[attrs.evolve(geo, cijfer_ie=geo.cijfer_ie - Decimal("0.1"))],  # type: ignore[operator]
        keuzedelen=[],
    )
    own = attrs.evolve(_own(), diplomas=[changed])
    result = reconcile([own, _second()], duo)
    assert [(d.category, d.entity, d.field, d.own, d.duo) for d in result] == [
        (Category.FIELD_DIFFERS, "generiek_examenonderdeel", "cijfer_ie", Decimal("7.3"), Decimal("7.4")),
        (Category.MISSING_HERE, "keuzedeel", None, None, None),
    ]
    assert result.differences[0].to_dict()["hier"] == "7.3"


def test_only_the_chosen_areas_are_compared() -> None:
    own = attrs.evolve(_own(), bpv_overeenkomsten=[], diplomas=[_duo_diploma()])
    own = attrs.evolve(own, inschrijvingen=[attrs.evolve(own.inschrijvingen[0], reden_uitschrijving="07")])
    duo = rf.read(DUO_WITH_DIPLOMA)
    everything = {(d.entity, d.field) for d in reconcile([own, _second()], duo)}
    assert everything == {("inschrijving", "reden_uitschrijving"), ("bpv", None)}
    assert [d.entity for d in reconcile([own, _second()], duo, compare={"bpv"})] == ["bpv"]
    assert [d.field for d in reconcile([own, _second()], duo, compare=["inschrijvingen"])] == [
        "reden_uitschrijving"
    ]
    only_diplomas = reconcile([own, _second()], duo, compare="diplomas")
    assert only_diplomas.ok
    assert only_diplomas.compared == ("student", "diploma", "generiek_examenonderdeel", "keuzedeel")


def test_a_student_missing_at_duo_is_reported_in_any_area() -> None:
    extra = MboStudentRecord(
        Student(bsn="999999990"), [Enrolment("7", "27DV", dt.date(2024, 8, 1), dt.date(2026, 7, 31), [])]
    )
    result = reconcile([_own(), _second(), extra], rf.read(DUO), compare={"diplomas"})
    assert [(d.category, d.entity, d.student) for d in result] == [
        (Category.MISSING_AT_DUO, "student", "*****9990")
    ]


def test_diplomas_of_an_enrolment_at_another_institution_are_not_compared() -> None:
    elsewhere = attrs.evolve(_other_diploma(), inschrijvingvolgnummer="X9")
    own = attrs.evolve(_own(), diplomas=[_duo_diploma(), elsewhere])
    assert reconcile([own, _second()], rf.read(DUO_WITH_DIPLOMA)).ok
    unknown = attrs.evolve(_other_diploma(), inschrijvingvolgnummer="Z9", datum_resultaat=dt.date(2025, 6, 1))
    own = attrs.evolve(_own(), diplomas=[_duo_diploma(), unknown])
    result = reconcile([own, _second()], rf.read(DUO_WITH_DIPLOMA))
    assert [(d.category, d.key) for d in result] == [(Category.MISSING_AT_DUO, (("diploma", "D2"),))]


@pytest.mark.parametrize("compare", [(), ["bpv", "cijfers"], "nothing"])
def test_unknown_or_no_area_is_refused(compare: object) -> None:
    with pytest.raises(DuoDomainError, match="compare"):
        reconcile([_own()], rf.read(DUO), compare=compare)  # type: ignore[arg-type]


def test_ignored_fields_and_students_without_number() -> None:
    own = attrs.evolve(
        _own(),
        inschrijvingen=[attrs.evolve(_own().inschrijvingen[0], reden_uitschrijving="07")],
    )
    assert [d.field for d in reconcile([own, _second()], rf.read(DUO))] == ["reden_uitschrijving"]
    assert reconcile([own, _second()], rf.read(DUO), ignore={"inschrijving.reden_uitschrijving"}).ok
    nameless = MboStudentRecord(Student(studentnummer="S1"))
    result = reconcile([_own(), _second(), nameless], rf.read(DUO))
    assert [(d.category, d.student) for d in result] == [
        (Category.MISSING_AT_DUO, "without BSN/onderwijsnummer (S1)")
    ]


def _write(tmp_path: Path, own: list[MboStudentRecord], duo: str) -> tuple[str, str]:
    own_path = tmp_path / "own.json"
    own_path.write_text(dumps_mbo(own), encoding="utf-8")
    duo_path = tmp_path / "RO.csv"
    duo_path.write_text(duo, encoding="utf-8")
    return str(own_path), str(duo_path)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["reconcile", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_exit_0_without_differences(tmp_path: Path) -> None:
    code, out, _ = _run(*_write(tmp_path, [_own(), _second()], DUO))
    assert code == 0
    assert out.endswith("0 differences (ontbreekt_bij_duo 0, ontbreekt_hier 0, veld_verschilt 0)\n")


def test_cli_says_when_diplomas_were_not_compared(tmp_path: Path) -> None:
    paths = _write(tmp_path, [_own(), _second()], DUO_WITH_DIPLOMA)
    code, out, _ = _run(*paths)
    assert code == 0
    assert out.splitlines() == [
        "diplomas not compared: the own records include none (--only diplomas compares them)",
        "0 differences (ontbreekt_bij_duo 0, ontbreekt_hier 0, veld_verschilt 0)",
    ]
    code, out, _ = _run(*paths, "--only", "diplomas", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["vergeleken"] == ["student", "diploma", "generiek_examenonderdeel", "keuzedeel"]
    assert [d["sleutel"] for d in data["verschillen"]] == [{"diploma": "8286771"}]
    code, out, _ = _run(*paths, "--only", "inschrijvingen", "--only", "bpv")
    assert (code, "diplomas not compared" in out) == (0, False)


def test_cli_areas_are_the_library_areas(tmp_path: Path) -> None:
    for area in AREAS:
        assert _run(*_write(tmp_path, [_own()], DUO), "--only", area)[0] in (0, 1)
    code, out, err = _run(*_write(tmp_path, [_own()], DUO), "--only", "cijfers")
    assert (code, out) == (2, "")
    assert "--only" in err
    assert len(err.strip().splitlines()) == 1


def test_cli_exit_1_with_differences_text_and_json(tmp_path: Path) -> None:
    paths = _write(tmp_path, [_own()], DUO)
    code, out, _ = _run(*paths)
    assert code == 1
    assert re.search(
        r"\[ontbreekt_hier\] student \*{5}6782 \[[b-t]{12}\], inschrijving 1: inschrijving missing here",
        out,
    )
    code, out, _ = _run(*paths, "--json")
    assert code == 1
    data = json.loads(out)
    assert data["aantallen"] == {"ontbreekt_bij_duo": 0, "ontbreekt_hier": 1, "veld_verschilt": 0}
    assert data["verschillen"][0]["sleutel"] == {"inschrijving": "1"}
    assert "123456782" not in out


@pytest.mark.parametrize(
    ("own", "duo", "reason"),
    [
        ("{not json", DUO, "own.json"),
        ('[{"student": {"bsn": "111222334"}}]', DUO, "own.json"),
        (None, "garbage\n", "RO.csv"),
        (None, "VLP;27DV;2025;20251119;V\n", "GRONDSLAG"),
    ],
)
def test_cli_exit_2_for_unreadable_input(tmp_path: Path, own: str | None, duo: str, reason: str) -> None:
    own_path, duo_path = _write(tmp_path, [_own()], duo)
    if own is not None:
        Path(own_path).write_text(own, encoding="utf-8")
    code, out, err = _run(own_path, duo_path)
    assert code == 2
    assert out == ""
    assert reason in err
    assert len(err.strip().splitlines()) == 1
    assert "111222334" not in err


def test_cli_missing_file(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "nope.json"), str(tmp_path / "nope.csv"))
    assert code == 2
    assert "no such file" in err


def test_the_command_line_offers_the_areas_without_loading_the_comparison() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from duo_domain.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('duo_domain.reconcile.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
