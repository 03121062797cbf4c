"""DUO's pseudonymised sample files: every line is read, and written back identically."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from duo_domain.errors import InvalidDocument
from duo_domain.identity.student import OnvolledigeDatum
from duo_domain.mbo.results import KeuzedeelUitkomst, VrijstellingOmvang
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize.returnfile import Datumnotatie, GeoRecord, IsgRecord, OngeldigNummer, PerRecord

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED = {
    "RO_27DV_20240731_20260324.csv": {
        "VLP": 1, "PER": 10, "ISG": 12, "ISP": 19, "BPV": 17, "DIP": 4, "GEO": 11, "KZD": 9, "SLR": 1,
    },
    "RO_21CY_20250730_20250731.csv": {
        "SLR": 1, "PER": 4, "ISG": 4, "ISP": 5, "ISE": 1, "BPV": 11, "GEO": 3, "KZD": 3, "DIP": 1, "AMO": 1,
        "VLP": 1,
    },
    "RO_25LX_20250101_20251231.csv": {
        "VLP": 1, "PER": 3, "ISG": 3, "ISP": 3, "ISE": 1, "BPV": 2, "DIP": 1, "GEO": 3, "KZD": 2, "AMO": 1,
        "SLR": 1,
    },
}  # fmt: skip


def _read(name: str) -> rf.ReturnFile:
    return rf.read((FIXTURES / name).read_bytes(), check_numbers=False)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_reads_every_record_without_problems(name: str) -> None:
    result = _read(name)
    assert result.problems == ()
    assert result.counts() == EXPECTED[name]
    assert len(result) == sum(EXPECTED[name].values())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_round_trips_to_identical_lines(name: str) -> None:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    result = _read(name)
    assert [rf.format_record(r) for r in result] == lines
    assert rf.dumps(result.records, newline="\r\n") == (FIXTURES / name).read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_streams_from_a_binary_file_in_small_chunks(name: str) -> None:
    path = FIXTURES / name
    data = path.read_bytes()
    chunks = [data[i : i + 7] for i in range(0, len(data), 7)]
    streamed = list(rf.iter_records(chunks, check_numbers=False))
    with path.open("rb") as handle:
        from_file = list(rf.iter_records(handle, check_numbers=False))
    assert streamed == from_file == list(_read(name).records)


def test_pseudonymised_numbers_are_read_and_reported_on_per_lines_only() -> None:
    result = rf.read((FIXTURES / "RO_27DV_20240731_20260324.csv").read_bytes())
    assert len(result) == 84
    assert len(result.problems) == 10
    assert {p.path for p in result.problems} <= {"PER.burgerservicenummer", "PER.onderwijsnummer"}
    assert [p.line for p in result.problems][:2] == [2, 13]
    per = result.of_type(PerRecord)[0]
    assert isinstance(per.burgerservicenummer, OngeldigNummer)
    assert per.burgerservicenummer.unmasked() == "BSN1"
    assert "BSN1" not in repr(per)


def test_dialects_of_the_samples() -> None:
    pipe = _read("RO_27DV_20240731_20260324.csv").records[1]
    semi = _read("RO_21CY_20250730_20250731.csv").records[1]
    assert (pipe.opmaak.scheidingsteken, pipe.opmaak.datumnotatie) == ("|", Datumnotatie.ISO)
    assert (semi.opmaak.scheidingsteken, semi.opmaak.datumnotatie) == (";", Datumnotatie.DMY)
    assert semi.opmaak.aantal_velden == 16
    assert isinstance(semi, PerRecord)
    assert semi.geboortedatum == OnvolledigeDatum(1992, 2, 24)


def test_grades_are_read_exactly() -> None:
    geo = _read("RO_27DV_20240731_20260324.csv").of_type(GeoRecord)
    first = geo[0]
    assert (first.eindcijfer, first.cijfer_ie, first.cijfer_ce) == (
        Decimal(6),
        Decimal("7.4"),
        Decimal("5.1"),
    )
    assert first.vrijstelling_ie == "MBO"
    ten = [g for g in geo if g.cijfer_ce == Decimal("10.0")]
    assert len(ten) == 1
    assert str(ten[0].cijfer_ce) == "10.0"


def test_samples_map_to_domain_objects() -> None:
    persons = list(rf.group_persons(_read("RO_27DV_20240731_20260324.csv").records))
    assert len(persons) == 10
    assert all(p.problems == () for p in persons)
    first = persons[0]
    assert first.student_record.student.bsn is None  # a pseudonym is not a BSN
    assert first.student_record.student.persoonsgegevens is not None
    enrolment = first.student_record.inschrijvingen[0]
    assert (enrolment.instelling, enrolment.inschrijvingvolgnummer, enrolment.reden_uitschrijving) == (
        "27DV",
        "C3",
        "08",
    )
    assert [b.volgnummer for b in first.student_record.bpv_overeenkomsten] == ["C1", "C2"]
    [diploma] = first.diplomas
    assert diploma.opleidingscode == "25655"
    assert [g.code for g in diploma.generieke_examenonderdelen] == ["3005", "3006", "3013"]
    nl = diploma.generieke_examenonderdelen[0]
    assert {e.omvang for e in nl.vrijstellingen} == set(VrijstellingOmvang)
    assert [k.resultaat for k in diploma.keuzedelen] == [KeuzedeelUitkomst.BEHAALD] * 2
    assert sum(len(p.diplomas) for p in persons) == 4
    onr = [p for p in persons if p.onderwijsnummer is not None]
    assert len(onr) == 3


def test_loose_results_of_the_samples() -> None:
    persons = list(rf.group_persons(_read("RO_21CY_20250730_20250731.csv").records))
    second = persons[1]
    assert second.diplomas == ()
    assert [g.code for g in second.losse_resultaten.generieke_examenonderdelen] == ["3001", "3002"]
    assert [k.resultaat for k in second.losse_resultaten.keuzedelen] == [
        KeuzedeelUitkomst.BEHAALD,
        KeuzedeelUitkomst.NIET_BEHAALD,
        KeuzedeelUitkomst.NIET_BEHAALD,
    ]
    third = persons[2]
    assert [a.code for a in third.diplomas[0].amvb_onderdelen] == ["C0004"]
    assert len(second.student_record.inschrijvingen[0].extra_ondersteuning) == 0
    assert len(persons[0].student_record.inschrijvingen[0].extra_ondersteuning) == 1


def test_sample_totals_do_not_match_the_subsets() -> None:
    problems = rf.check_totals(_read("RO_27DV_20240731_20260324.csv").records)
    assert "SLR.totaal_aantal_personen" in {p.path for p in problems}


GRONDSLAG = "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv"


def test_grondslag_sample_is_read_from_the_pve_table() -> None:
    result = _read(GRONDSLAG)
    assert result.bestand == "GRONDSLAG"
    assert result.problems == ()
    assert result.counts() == {
        "VLP": 1, "PER": 10, "ISG": 11, "ISP": 19, "BPV": 21, "DIP": 2, "GEO": 5, "KZD": 3, "SLR": 1,
    }  # fmt: skip
    vlp, per = result.of_type(rf.PveRecord)[:2]
    assert (vlp["brin"], vlp["studiejaar"], vlp["aanmaakdatum"], vlp["bekostiging"]) == (
        "27DV", 2025, dt.date(2025, 11, 19), "V",
    )  # fmt: skip
    assert (per["pgn"].unmasked(), per["leeftijd_1"], per["geslacht"], per["postcodecijfers"]) == (
        "BSN1",
        37,
        "V",
        "7425",
    )
    assert per.extra == ("7425", "", "0001", "")  # four fields DUO writes after the PvE's last
    isp = result.of_type("ISP")[0]
    assert isp["indicatie_bekostigbaar"] is True  # B: 1 is true
    assert isp["datum_eind"] == dt.date(2025, 1, 16)
    geo = result.of_type("GEO")[0]
    assert (geo["eindcijfer"], geo["cijfer_ie"], geo["cijfer_ce"]) == (
        Decimal(6),
        Decimal("7.4"),
        Decimal("5.1"),
    )
    slr = result.of_type("SLR")[0]
    assert slr["aantal_per_records"] == 14027


def test_grondslag_sample_round_trips_byte_for_byte() -> None:
    data = (FIXTURES / GRONDSLAG).read_bytes()
    assert _read(GRONDSLAG).to_bytes() == data


@pytest.mark.parametrize(
    ("number", "kind"),
    [("111222333", "Bsn"), ("101222331", "Onderwijsnummer"), ("123456789", "OngeldigNummer")],
)
def test_a_grondslag_pgn_is_masked_when_shown_and_written_back_whole(number: str, kind: str) -> None:
    # The PGN (PvE §17.5) is a BSN or an onderwijsnummer: personal data, like the RO's number fields.
    data = (FIXTURES / GRONDSLAG).read_bytes().replace(b"BSN1", number.encode())
    result = rf.read(data)
    isg = result.of_type("ISG")[0]
    assert type(isg["pgn"]).__name__ == kind
    assert isg["pgn"].unmasked() == number
    for shown in (repr(isg), str(isg["pgn"]), repr(isg.asdict())):
        assert number not in shown
    assert result.to_bytes() == data


def test_grondslag_totals_compare_each_record_type() -> None:
    # The sample is a subset: its SLR counts the whole file (PER 14027, ISE 1, BII 0, BID 0, AMO 86 ...).
    problems = {p.path: p.message for p in rf.check_totals(_read(GRONDSLAG).records)}
    assert problems["SLR.aantal_per_records"] == "the file has 10, the record says 14027"
    assert problems["SLR.aantal_ise_records"] == "the file has 0, the record says 1"
    assert "SLR.aantal_bii_records" not in problems  # 0 and 0
    assert "SLR.aantal_bid_records" not in problems


def test_a_file_of_another_kind_is_refused_when_kinds_are_given() -> None:
    with pytest.raises(InvalidDocument, match="a GRONDSLAG file, not a RO or OBO file"):
        rf.read((FIXTURES / GRONDSLAG).read_bytes(), kind=("RO", "OBO"))


def test_a_reden_that_lost_its_leading_zero_in_a_spreadsheet_is_mapped_to_the_code() -> None:
    rf_file = _read("RO_21CY_20250730_20250731.csv")
    isg_redenen = {r.reden_uitschrijving for r in rf_file.records if isinstance(r, IsgRecord)}
    assert any(r is not None and len(r) == 1 for r in isg_redenen)  # the line itself says "7", "8", ...
    redenen = {
        e.reden_uitschrijving
        for p in rf.group_persons(rf_file.records)
        for e in p.student_record.inschrijvingen
        if e.reden_uitschrijving is not None
    }
    assert redenen
    assert all(len(r) == 2 and r.startswith("0") for r in redenen), redenen
    assert rf.dumps(rf_file.records) == (FIXTURES / "RO_21CY_20250730_20250731.csv").read_text("utf-8")
