"""Reconcile you can trust (issue 12, class 10): DUO's file is checked before it is believed.

Every test here would fail if the class came back: an empty, cut-off, joined or
foreign file read as "everything missing at DUO"; sluitrecord counts not
compared; a field DUO leaves empty reported as a difference; an unknown
``--ignore`` name accepted; students only DUO has indistinguishable once masked.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

from duo_domain.cli import main
from duo_domain.errors import DuoDomainError, InvalidDocument
from duo_domain.identity import Student, bsn, onderwijsnummer
from duo_domain.mbo import pve
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma, GeneriekExamenonderdeel, KeuzedeelResultaat
from duo_domain.reconcile.mbo import (
    IGNORABLE,
    LEFT_EMPTY_BY_DUO,
    PSEUDONYM_LENGTH,
    Category,
    check_registratieoverzicht,
    pseudonym,
    reconcile,
)
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize.json import dumps_mbo

FIXTURES = Path(__file__).parents[1] / "serialize" / "returnfile" / "fixtures"


def _valid_bsns(count: int, start: int = 100_000_000, valid: Any = bsn.is_valid) -> list[str]:
    found: list[str] = []
    number = start
    while len(found) < count:
        if valid(str(number)):
            found.append(str(number))
        number += 1
    return found


def _with_numbers(text: str) -> str:
    """The 27DV sample with its pseudonymised person keys (``BSN1`` ...) made valid numbers.

    A key in the BSN column becomes a valid BSN, one in the onderwijsnummer column a valid onderwijsnummer.
    """
    keys = sorted(set(re.findall(r"BSN\d+", text)), key=lambda k: int(k[3:]))
    onr = set(re.findall(r"^PER\|\|(BSN\d+)\|", text, flags=re.MULTILINE))
    bsns = iter(_valid_bsns(len(keys)))
    onrs = iter(_valid_bsns(len(onr), 100_000_000, onderwijsnummer.is_valid))
    numbers = {k: next(onrs) if k in onr else next(bsns) for k in keys}
    return re.sub(r"BSN\d+", lambda m: numbers[m.group()], text)


def _sample() -> str:
    return _with_numbers((FIXTURES / "RO_27DV_20240731_20260324.csv").read_text("utf-8"))


def _whole(text: str) -> str:
    """The sample with a sluitrecord that matches its records."""
    counts = rf.read(text).counts()
    names = ("PER", "ISG", "ISP", "ISE", "BPV", "DIP", "AMO", "GEO", "KZD")
    lines = [line for line in text.splitlines() if not line.startswith("SLR")]
    return "\n".join([*lines, "SLR|" + "|".join(str(counts.get(n, 0)) for n in names)]) + "\n"


def _own(text: str) -> list[MboStudentRecord]:
    """The records of DUO's own file as the institution's records: what a faithful system exports."""
    return [p.student_record for p in rf.group_persons(rf.read(text).records)]


# --- refused: empty, cut off, joined, foreign -------------------------------------------------------


def test_an_empty_file_is_refused_not_read_as_everything_missing() -> None:
    own = _own(_whole(_sample()))
    empty: tuple[str | bytes, ...] = ("", b"")
    for source in empty:
        with pytest.raises(InvalidDocument, match="empty"):
            reconcile(own, rf.read(source))
    with pytest.raises(InvalidDocument, match="empty"):
        reconcile(own, [])


def test_a_file_cut_off_anywhere_before_its_sluitrecord_is_refused() -> None:
    text = _whole(_sample())
    own = _own(text)
    lines = text.splitlines(keepends=True)
    for cut in range(1, len(lines)):  # every line boundary before the sluitrecord
        with pytest.raises(InvalidDocument, match="cut off"):
            reconcile(own, rf.read("".join(lines[:cut])))
    last = lines[-1]
    for cut in range(1, len(last) - 1):  # inside the sluitrecord's own line
        duo = "".join(lines[:-1]) + last[:cut]
        with pytest.raises(InvalidDocument):
            reconcile(own, rf.read(duo))


def test_a_file_without_its_voorlooprecord_is_refused() -> None:
    text = _whole(_sample())
    with pytest.raises(InvalidDocument, match="voorlooprecord"):
        reconcile([], rf.read(text.split("\n", 1)[1]))


def test_two_files_joined_into_one_are_refused() -> None:
    text = _whole(_sample())
    with pytest.raises(InvalidDocument, match="several files joined"):
        reconcile([], rf.read(text + text))


@pytest.mark.parametrize(
    ("name", "reason"),
    [("GRONDSLAG_IP_MBO_27DV_20251119_2025.csv", "a GRONDSLAG file, not a registratieoverzicht")],
)
def test_a_file_of_another_kind_is_refused(name: str, reason: str) -> None:
    with pytest.raises(InvalidDocument, match=reason):
        reconcile([], rf.read((FIXTURES / name).read_bytes(), check_numbers=False))


def test_records_of_another_kind_are_refused_even_without_a_file_kind() -> None:
    grondslag = rf.read((FIXTURES / "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv").read_bytes())
    with pytest.raises(InvalidDocument, match="another kind of file"):
        reconcile([], list(grondslag.records))


def test_refusal_is_a_value_error_with_a_path() -> None:
    with pytest.raises(ValueError, match=r"@ \$"):
        check_registratieoverzicht([])


# --- the sluitrecord's counts --------------------------------------------------------------------


def test_a_whole_file_read_back_has_no_problem_and_no_difference() -> None:
    text = _whole(_sample())
    result = reconcile(_own(text), rf.read(text))
    assert result.problems == ()
    assert result.ok, [d.message for d in result]


_SLR_FIELDS = [v.attribuut for v in pve.velden("RO", "SLR")]


@pytest.mark.parametrize("index", range(len(_SLR_FIELDS)))
def test_each_sluitrecord_count_that_differs_is_a_problem_of_duos_file(index: int) -> None:
    text = _whole(_sample())
    head, slr = text.rstrip("\n").rsplit("\n", 1)
    fields = slr.split("|")
    fields[index + 1] = str(int(fields[index + 1]) + 1)
    result = reconcile(_own(text), rf.read(head + "\n" + "|".join(fields) + "\n"))
    assert [p.path for p in result.problems] == [f"SLR.{_SLR_FIELDS[index]}"]
    assert list(result) == []  # a problem of DUO's file, not a difference
    assert not result.ok


def test_the_samples_counts_are_reported_as_problems_of_duos_file() -> None:
    # The shared samples are subsets whose sluitrecords count the whole files.
    text = _sample()
    result = reconcile(_own(text), rf.read(text))
    assert len(result.problems) == 9
    assert all("the record says" in str(p) for p in result.problems)
    assert list(result) == []


def test_a_sorted_file_is_read_with_a_problem_not_refused() -> None:
    # The 21CY sample went through a spreadsheet that sorted its lines: SLR first, VLP last.
    duo = rf.read((FIXTURES / "RO_21CY_20250730_20250731.csv").read_bytes(), check_numbers=False)
    result = reconcile([], duo)
    assert "not the first record" in str(result.problems[0])
    assert result.instelling == "21CY"


# --- no false differences ---------------------------------------------------------------------------


def test_the_fields_duo_may_leave_empty_come_from_the_pve() -> None:
    assert set(LEFT_EMPTY_BY_DUO) == {"periode.niveau"}
    for name in LEFT_EMPTY_BY_DUO:
        assert name in IGNORABLE
    assert not pve.veld("RO", "ISP", "niveau").verplicht


def _niveau(own: str | None, duo: str) -> tuple[list[tuple[str | None, object, object]], object]:
    text = _whole(_sample())
    first_isp = next(line for line in text.splitlines() if line.startswith("ISP"))
    fields = first_isp.split("|")
    fields[7] = duo
    text = text.replace(first_isp, "|".join(fields))
    records = _own(text)
    enrolment = records[0].inschrijvingen[0]
    periode = attrs.evolve(enrolment.perioden[0], niveau=own)
    records[0] = attrs.evolve(records[0], inschrijvingen=[attrs.evolve(enrolment, perioden=[periode])])
    result = reconcile(records, rf.read(text))
    return [(d.field, d.own, d.duo) for d in result], result.left_empty


def test_a_niveau_duo_leaves_empty_is_not_a_difference() -> None:
    assert _niveau("MBO-4", "") == ([], (("periode.niveau", 1),))


def test_a_niveau_that_differs_or_is_missing_here_still_is() -> None:
    assert _niveau("MBO-4", "MBO-3") == ([("niveau", "MBO-4", "MBO-3")], ())
    assert _niveau(None, "MBO-3") == ([("niveau", None, "MBO-3")], ())


def test_an_empty_date_at_duo_still_differs() -> None:
    text = _whole(_sample())
    records = _own(text)
    enrolment = records[2].inschrijvingen[0]  # open at DUO: no datum uitschrijving werkelijk
    assert enrolment.datum_uitschrijving_werkelijk is None
    records[2] = attrs.evolve(
        records[2],
        inschrijvingen=[attrs.evolve(enrolment, datum_uitschrijving_werkelijk=enrolment.datum_inschrijving)],
    )
    assert [d.field for d in reconcile(records, rf.read(text))] == ["datum_uitschrijving_werkelijk"]


def test_own_enrolments_outside_duos_selection_period_or_institution_are_not_missing_at_duo() -> None:
    text = _whole(_sample())
    records = _own(text)
    enrolment = records[0].inschrijvingen[0]
    ended = attrs.evolve(
        enrolment,
        inschrijvingvolgnummer="OLD",
        perioden=[attrs.evolve(p, datum_begin=p.datum_begin.replace(year=2019)) for p in enrolment.perioden],
        datum_inschrijving=enrolment.datum_inschrijving.replace(year=2019),
        datum_uitschrijving_gepland=enrolment.datum_inschrijving.replace(year=2020),
        datum_uitschrijving_werkelijk=enrolment.datum_inschrijving.replace(year=2020),
    )
    elsewhere = attrs.evolve(enrolment, inschrijvingvolgnummer="ELSE", instelling="99XX")
    records[0] = attrs.evolve(records[0], inschrijvingen=[*records[0].inschrijvingen, ended, elsewhere])
    only_elsewhere = MboStudentRecord(Student(bsn=_valid_bsns(1, 300_000_000)[0]), [elsewhere])
    assert reconcile([*records, only_elsewhere], rf.read(text)).ok
    # The same enrolment inside the period is missing at DUO.
    inside = attrs.evolve(enrolment, inschrijvingvolgnummer="NEW")
    records[0] = attrs.evolve(records[0], inschrijvingen=[*records[0].inschrijvingen, inside])
    assert [(d.category, d.key) for d in reconcile(records, rf.read(text))] == [
        (Category.MISSING_AT_DUO, (("inschrijving", "NEW"),))
    ]


# --- --ignore --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["periode.nivo", "niveau", "student.bsn", ""])
def test_an_unknown_ignore_name_is_refused(name: str) -> None:
    text = _whole(_sample())
    with pytest.raises(DuoDomainError, match="ignore: unknown field"):
        reconcile(_own(text), rf.read(text), ignore={name})


def test_every_ignorable_name_is_accepted_and_ignores_its_field() -> None:
    text = _whole(_sample())
    assert reconcile(_own(text), rf.read(text), ignore=IGNORABLE).ok
    classes = {
        "inschrijving": Enrolment,
        "periode": Periode,
        "extra_ondersteuning": ExtraOndersteuning,
        "bpv": BpvAgreement,
        "diploma": Diploma,
        "generiek_examenonderdeel": GeneriekExamenonderdeel,
        "keuzedeel": KeuzedeelResultaat,
    }
    for name in IGNORABLE:
        entity, field = name.split(".")
        assert field in attrs.fields_dict(classes[entity])


# --- students only DUO has ---------------------------------------------------------------------------


def _alike() -> tuple[str, str]:
    """Two valid BSNs whose masks are equal (same last four digits)."""
    seen: dict[str, str] = {}
    for number in _valid_bsns(20_000, 200_000_000):
        other = seen.setdefault(number[-4:], number)
        if other != number:
            return other, number
    raise AssertionError  # pragma: no cover


def _duo_only(a: str, b: str) -> str:
    return (
        "VLP|27DV|2024-07-31|2026-03-24|2026-03-25\n"
        f"PER|{a}||1990-01-01|V\nISG|{a}||1|2024-08-01|2026-07-31||\n"
        f"ISP|{a}||1|2024-08-01|25655|BOL||J||100A501|101X591||\n"
        f"PER|{b}||1991-01-01|M\nISG|{b}||1|2024-08-01|2026-07-31||\n"
        f"ISP|{b}||1|2024-08-01|25655|BOL||J||100A501|101X591||\n"
        "SLR|2|2|2|0|0|0|0|0|0\n"
    )


def test_students_only_duo_has_stay_distinguishable_when_masked() -> None:
    a, b = _alike()
    result = reconcile([], rf.read(_duo_only(a, b)))
    assert [d.category for d in result] == [Category.MISSING_HERE, Category.MISSING_HERE]
    first, second = result
    assert first.student == second.student  # the masks alone cannot tell them apart
    assert first.pseudonym != second.pseudonym
    assert first.message != second.message
    for d in result:
        assert len(d.pseudonym) == PSEUDONYM_LENGTH
        text = json.dumps(d.to_dict()) + d.message
        assert a not in text
        assert b not in text


def test_a_pseudonym_is_stable_for_a_key_and_keyed() -> None:
    a, b = _alike()
    duo = rf.read(_duo_only(a, b))
    once = [d.pseudonym for d in reconcile([], duo, pseudonym_key=b"secret")]
    again = [d.pseudonym for d in reconcile([], duo, pseudonym_key=b"secret")]
    other = [d.pseudonym for d in reconcile([], duo, pseudonym_key=b"other")]
    assert once == again == [pseudonym(a, b"secret"), pseudonym(b, b"secret")]
    assert once != other
    # Without a key of one's own, each run has a fresh random key: pseudonyms from one
    # run cannot be matched to another, nor computed from a number.
    assert [d.pseudonym for d in reconcile([], duo)] != [d.pseudonym for d in reconcile([], duo)]
    with pytest.raises(DuoDomainError, match="pseudonym_key"):
        reconcile([], duo, pseudonym_key=b"")


# --- the command line -------------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["reconcile", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _files(tmp_path: Path, duo: str | bytes) -> tuple[str, str]:
    text = _whole(_sample())
    own = tmp_path / "own.json"
    own.write_text(dumps_mbo(_own(text)), encoding="utf-8")
    path = tmp_path / "RO.csv"
    path.write_bytes(duo if isinstance(duo, bytes) else duo.encode())
    return str(own), str(path)


@pytest.mark.parametrize(
    ("duo", "reason"),
    [
        ("", "empty"),
        ("cut", "cut off"),
        ((FIXTURES / "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv").read_bytes(), "GRONDSLAG"),
        ((FIXTURES / "TBGI_25LX_2027_20251124.XML").read_bytes(), "XML"),
        ('[{"student": {}}]', "RO.csv"),
    ],
)
def test_cli_refuses_an_unusable_duo_file_with_exit_2_and_one_line(
    tmp_path: Path, duo: str | bytes, reason: str
) -> None:
    if duo == "cut":
        duo = _whole(_sample()).rsplit("SLR", 1)[0]
    code, out, err = _run(*_files(tmp_path, duo))
    assert (code, out) == (2, "")
    assert reason in err
    assert len(err.strip().splitlines()) == 1


def test_cli_reports_sluitrecord_counts_as_problems_of_duos_file(tmp_path: Path) -> None:
    code, out, _ = _run(*_files(tmp_path, _whole(_sample()).replace("SLR|10|", "SLR|11|")))
    assert code == 1
    assert "problem of DUO's file: the file has 10, the record says 11 @ SLR.totaal_aantal_personen" in out
    assert out.endswith("0 differences (ontbreekt_bij_duo 0, ontbreekt_hier 0, veld_verschilt 0)\n")


def test_cli_refuses_an_unknown_ignore_name(tmp_path: Path) -> None:
    code, out, err = _run(*_files(tmp_path, _whole(_sample())), "--ignore", "periode.nivo")
    assert (code, out) == (2, "")
    assert "--ignore: unknown field 'periode.nivo'" in err
    assert len(err.strip().splitlines()) == 1
    code, _, _ = _run(*_files(tmp_path, _whole(_sample())), "--ignore", "periode.niveau")
    assert code == 0


def test_cli_pseudonyms_stable_with_a_key_file(tmp_path: Path) -> None:
    a, b = _alike()
    paths = _files(tmp_path, _duo_only(a, b))
    key = tmp_path / "key"
    key.write_bytes(b"institution secret")
    runs = [json.loads(_run(*paths, "--json", "--pseudonym-key-file", str(key))[1]) for _ in range(2)]
    pseudonyms = [
        [d["pseudoniem"] for d in run["verschillen"] if d["soort"] == "inschrijving"] for run in runs
    ]
    assert pseudonyms[0] == pseudonyms[1]
    assert pseudonym(a, b"institution secret") in pseudonyms[0]
    key.write_bytes(b"")
    code, _, err = _run(*paths, "--pseudonym-key-file", str(key))
    assert code == 2
    assert "empty" in err
