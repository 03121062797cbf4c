"""Every diploma in DUO's return-file samples passes under its cohort's rule and breaks no result rule.

The samples (``tests/serialize/returnfile/fixtures``, pseudonymised, test data only)
are read with the library's reader, :mod:`duo_domain.serialize.returnfile`,
and mapped to one :class:`~duo_domain.mbo.record.MboStudentRecord` per person
by :func:`~duo_domain.serialize.returnfile.group_persons`: the enrolments
(ISG, ISP), the diplomas (DIP with their GEO and KZD records) and the loose
results, as DUO registered them.

Three facts are not in DUO's files and are stood in for here, in this test
only:

* the opleiding's niveau: from the generic parts' codes (Nederlandse taal 3F or
  Engels: 4; rekenen MBO 3: 3; rekenen MBO 2: 2; only Nederlandse taal 2F and
  no rekenen: entree, whose rekenen «voldaan» has no code);
* the cohort start: the ``datum_inschrijving`` of the enrolment the diploma
  names;
* the nominal studieduur: that enrolment's planned length, rounded up to
  whole years.

The GRONDSLAG IP MBO sample (PvE §17) is read into the reader's table
records but not mapped to diplomas, so its two diplomas (one of them the same
as in the 27DV registratieoverzicht) are not covered here.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from duo_domain.mbo.enrolment import Enrolment
from duo_domain.mbo.examencodes import Onderdeel, examencodetabel
from duo_domain.mbo.grades import from_duo_tenths
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma
from duo_domain.mbo.uitslag import uitslag_from_diploma
from duo_domain.rules import validate
from duo_domain.serialize import returnfile

FIXTURES = Path(__file__).resolve().parents[1] / "serialize" / "returnfile" / "fixtures"
RO_FILES = ["RO_27DV_20240731_20260324.csv", "RO_21CY_20250730_20250731.csv", "RO_25LX_20250101_20251231.csv"]
GRONDSLAG = "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv"
RESULT_RULES = ("ROD.DIPLOMA.", "ROD.RESULTAAT.")


def read(name: str) -> list[MboStudentRecord]:
    """The student records of one sample, as the library reads and maps them."""
    rf = returnfile.read((FIXTURES / name).read_bytes(), check_numbers=False)
    assert rf.problems == ()
    persons = list(returnfile.group_persons(rf.records))
    assert [p.problems for p in persons] == [()] * len(persons)
    return [p.student_record for p in persons]


def niveau_from_codes(diploma: Diploma) -> int | None:
    """Stand-in: the opleiding's niveau as the generic parts' codes suggest it."""
    table = examencodetabel()
    rows = [table.get(g.code) for g in diploma.generieke_examenonderdelen]
    codes = {r.code for r in rows if r is not None}
    if not codes:
        return None
    if codes & {"3005", "3003", "3013", "3014", "3015", "3016", "3017", "3018", "3029"}:
        return 4
    if "3028" in codes:
        return 3
    if "3027" in codes:
        return 2
    if not any(r is not None and r.onderdeel is Onderdeel.REKENEN for r in rows):
        return 1
    return 2


def enrolment_of(record: MboStudentRecord, diploma: Diploma) -> Enrolment:
    enrolment = record.inschrijving(diploma.inschrijvingvolgnummer)
    assert enrolment is not None, diploma.resultaatvolgnummer
    return enrolment


def with_stand_ins(record: MboStudentRecord) -> MboStudentRecord:
    """The record with each diploma's niveau and cohort start filled in (see the module docstring)."""
    diplomas = [
        attrs.evolve(
            d,
            niveau=niveau_from_codes(d),
            cohort_start=enrolment_of(record, d).datum_inschrijving,
        )
        for d in record.diplomas
    ]
    return attrs.evolve(record, diplomas=diplomas)


def studieduur_jaren(enrolment: Enrolment) -> int:
    """Stand-in: the enrolment's planned length, rounded up to whole years."""
    planned = (enrolment.datum_uitschrijving_gepland - enrolment.datum_inschrijving).days / 365.25
    return max(1, math.ceil(planned))


def records() -> list[tuple[str, MboStudentRecord]]:
    return [(name, with_stand_ins(r)) for name in RO_FILES for r in read(name)]


RECORDS = records() if FIXTURES.is_dir() else []
DIPLOMAS = [
    (f"{name}:{d.resultaatvolgnummer}", d, record) for name, record in RECORDS for d in record.diplomas
]


def test_the_samples_hold_six_diplomas() -> None:
    assert len(DIPLOMAS) == 6  # 27DV: 4, 21CY: 1, 25LX: 1
    assert sum(len(r.inschrijvingen) for _, r in RECORDS) == 19  # 12 + 4 + 3 ISG records


def test_the_grondslag_sample_is_read_but_not_mapped_to_diplomas_here() -> None:
    # The reader reads PvE §17 into table records; its diploma 8443810 (in no RO sample) is not mapped
    # to a Diploma with cohort facts here.
    grondslag = returnfile.read((FIXTURES / GRONDSLAG).read_bytes(), check_numbers=False)
    assert "8443810" in {r["resultaatvolgnummer"] for r in grondslag.of_type("DIP")}


@pytest.mark.parametrize(("key", "diploma", "record"), DIPLOMAS, ids=[k for k, _, _ in DIPLOMAS])
def test_diploma_passes_under_its_cohort_rule(key: str, diploma: Diploma, record: MboStudentRecord) -> None:
    if diploma.niveau is None:
        assert not diploma.generieke_examenonderdelen  # nothing the register can show
        return
    assert diploma.cohort_start is not None
    result = uitslag_from_diploma(
        diploma,
        niveau=diploma.niveau,
        cohort_start=diploma.cohort_start,
        studieduur_jaren=studieduur_jaren(enrolment_of(record, diploma)),
    )
    assert result.geslaagd, (key, result.redenen)
    expected = "overgangsrecht-18c" if diploma.cohort_start < dt.date(2022, 8, 1) else "ekb-2022"
    assert result.regelset.regelset.value == expected


@pytest.mark.parametrize(("name", "record"), RECORDS, ids=[f"{n}:{i}" for i, (n, _) in enumerate(RECORDS)])
def test_student_record_breaks_no_result_rule(name: str, record: MboStudentRecord) -> None:
    findings = [str(f) for f in validate(record) if f.rule_id.startswith(RESULT_RULES)]
    assert findings == []


def test_the_record_rules_see_the_real_enrolments() -> None:
    # The check above can fail: the same diploma against another enrolment breaks ROD.DIPLOMA.*.
    _, diploma, record = DIPLOMAS[0]
    elsewhere = attrs.evolve(record, diplomas=[attrs.evolve(diploma, inschrijvingvolgnummer="ZZ")])
    assert [f.rule_id for f in validate(elsewhere) if f.rule_id.startswith(RESULT_RULES)] == [
        "ROD.DIPLOMA.INSCHRIJVING"
    ]
    enrolment = enrolment_of(record, diploma)
    assert enrolment.datum_uitschrijving_werkelijk == diploma.datum_resultaat
    later = attrs.evolve(
        enrolment, datum_uitschrijving_werkelijk=diploma.datum_resultaat + dt.timedelta(days=1)
    )
    moved = attrs.evolve(
        record, inschrijvingen=[later if e is enrolment else e for e in record.inschrijvingen]
    )
    assert [f.rule_id for f in validate(moved) if f.rule_id.startswith(RESULT_RULES)] == [
        "ROD.DIPLOMA.UITSCHRIJFDATUM"
    ]


@pytest.mark.parametrize("name", RO_FILES)
def test_loose_results_break_no_rule(name: str) -> None:
    losse = [r.losse_resultaten for r in read(name)]
    assert [str(f) for item in losse for f in validate(item)] == []


def test_the_samples_hold_loose_results() -> None:
    assert sum(len(r.losse_resultaten.generieke_examenonderdelen) for _, r in RECORDS) > 0


def test_known_sample_grades() -> None:
    by_key = {k: d for k, d, _ in DIPLOMAS}
    bsn6 = by_key["RO_27DV_20240731_20260324.csv:8277645"]
    assert bsn6.niveau == 3
    nl = next(g for g in bsn6.generieke_examenonderdelen if g.code == "3001")
    assert (nl.cijfer_ie, nl.cijfer_ce, nl.berekende_eindwaardering()) == (
        from_duo_tenths("69"), from_duo_tenths("41"), Decimal(6),
    )  # fmt: skip
