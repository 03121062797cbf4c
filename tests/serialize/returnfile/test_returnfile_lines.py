"""Single lines: every record type round-trips; malformed lines are reported with their line number."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.identity import Bsn, Onderwijsnummer
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize.returnfile import (
    BpvRecord,
    DipRecord,
    GeoRecord,
    IsgRecord,
    OboCtrRecord,
    OboIspRecord,
    Opmaak,
    PerRecord,
)

RO_LINES = [
    "VLP|27DV|2024-07-31|2026-03-24|2026-03-25",
    "PER|111222333||1987-11-23|V",
    "PER||101222331|1987-00-00|O",
    "ISG|111222333||C3|2023-01-30|2025-01-29|2025-01-16|08",
    "ISP|111222333||C3|2023-01-30|25655|BBL|MBO-4|J|000012345678|100A501|101X591|LR1|VO",
    "ISE|111222333||C3|2023-02-01|",
    "BPV|111222333||C3|C1|2023-01-07|2023-02-01|2025-01-29|2024-08-30|2163|100018965|25655|K0067",
    "DIP|111222333||8286771|25655|2025-01-16||J|C3|100A501",
    "DIP|111222333||8286771|25655|2025-01-16|N|C3|100A501",
    "AMO|111222333||||1452101|C0163|2025-12-15|J|C1|101A742",
    "GEO|111222333||8286771|25655|8286774|3005||6|MBO|74|MBO|51|MBO||",
    "GEO|111222333||||1259165|3001|2023-10-04|10||100||57||2|101A741",
    "KZD|111222333||8286771|25655|8286772|K0067||Behaald|||",
    "KZD;111222333;;;;1259169;K0274;12-6-2025;Niet behaald;N;2;101A741",
    "SLR|16616|19859|31053|2|28260|4696|133|11758|11511",
]

OBO_LINES = [
    "VLP|2015-2016|27DV|2015-10-01|2015-10-02",
    "PER|111222333||2000-05-00|M",
    "VBT|111222333||2014-00-00||21",
    "NAT|111222333||0001|0000-00-00|",
    "ISG|111222333||1|2015-08-01||J|N",
    "ISP|111222333||1|2015-08-01|25655|BOL|MBO-4|||J|J|N",
    "BPV|111222333||1|1|2015-07-01|2015-08-01||25655",
    "DIP|111222333||99|25655|2016-06-30|J|1",
    "CTR|1|1|76965|76969|2",
]


@pytest.mark.parametrize("line", RO_LINES)
def test_every_ro_record_type_round_trips(line: str) -> None:
    result = rf.read(line, kind="RO")
    assert result.problems == ()
    [record] = result.records
    assert rf.format_record(record) == line


@pytest.mark.parametrize("line", OBO_LINES)
def test_every_obo_record_type_round_trips(line: str) -> None:
    result = rf.read(line, kind="OBO")
    assert result.problems == ()
    [record] = result.records
    assert rf.format_record(record) == line


def test_obo_is_recognised_by_its_voorlooprecord() -> None:
    result = rf.read("\n".join(OBO_LINES))
    assert result.problems == ()
    assert isinstance(result.records[5], OboIspRecord)
    assert isinstance(result.records[-1], OboCtrRecord)
    assert rf.check_totals(result.records) == []


def test_values_are_exact() -> None:
    records = rf.read("\n".join(RO_LINES), kind="RO").records
    isg = records[3]
    assert isinstance(isg, IsgRecord)
    assert isg.datum_uitschrijving_werkelijk == dt.date(2025, 1, 16)
    assert isinstance(records[1], PerRecord)
    assert records[1].burgerservicenummer == Bsn("111222333")
    assert isinstance(records[2], PerRecord)
    assert records[2].onderwijsnummer == Onderwijsnummer("101222331")
    assert records[2].geboortedatum.maand is None
    bpv = records[6]
    assert isinstance(bpv, BpvRecord)
    assert (bpv.omvang, bpv.leerbedrijf_id, bpv.code_keuzedeel) == (2163, "100018965", "K0067")
    dip_file, dip_pve = records[7], records[8]
    assert isinstance(dip_file, DipRecord)
    assert isinstance(dip_pve, DipRecord)
    assert (dip_file.opmaak.variant, dip_pve.opmaak.variant) == (0, 1)
    assert (dip_file.indicatie_bekostigbaar, dip_pve.indicatie_bekostigbaar) == (True, False)
    assert dip_file.inschrijvingvolgnummer == dip_pve.inschrijvingvolgnummer == "C3"
    geo = records[11]
    assert isinstance(geo, GeoRecord)
    assert (geo.eindcijfer, geo.cijfer_ie, geo.cijfer_ce) == (Decimal(10), Decimal("10.0"), Decimal("5.7"))
    assert geo.datum_resultaat == dt.date(2023, 10, 4)
    assert geo.resultaatvolgnummer_diploma is None


def test_bsn_is_masked_in_reprs() -> None:
    records = rf.read("\n".join(RO_LINES), kind="RO").records
    for record in records:
        assert "111222333" not in repr(record)
        assert "101222331" not in repr(record)


@pytest.mark.parametrize(
    ("bad", "path", "message"),
    [
        ("ISG|111222333||C3|2023-01-30", "ISG", "too few fields"),
        ("ISG|111222333||C3|2023-02-30|2025-01-29||", "ISG.datum_inschrijving", "not a valid date"),
        ("ISG|111222333||C3|30-1-2023|2025-01-29||", "ISG.datum_uitschrijving_gepland", "notation"),
        (
            "BPV|111222333||C3|C1|2023-01-07|2023-02-01|2025-01-29||12x|100018965||",
            "BPV.omvang",
            "whole number",
        ),
        ("BPV|111222333||C3|C1|2023-01-07|2023-02-01|2025-01-29||012|100018965||", "BPV.omvang", "leading"),
        ("GEO|111222333||||1|3005||6||7.4||||", "GEO.cijfer_ie", "not a grade"),
        ("ISP|111222333||C3|2023-01-30|25655|BBL||X||||", "ISP.indicatie_bekostigbaar", "J or N"),
        ("ISG|111222333|||2023-01-30|2025-01-29||", "ISG.inschrijvingvolgnummer", "required field is empty"),
        ("XYZ|1|2", "$", "unknown record type 'XYZ'"),
        ("111222333|PER", "$", "does not start with a record type"),
        ("PER|111222333||1987-11-23|V|extra", "PER", "too many fields"),
        ("", "$", "empty line"),
        ("PER|111222333||1987-11-23\t|V", "$", "tab"),
    ],
)
def test_malformed_line_is_reported_with_its_number_and_the_rest_is_read(
    bad: str, path: str, message: str
) -> None:
    text = "\n".join([RO_LINES[0], RO_LINES[1], bad, RO_LINES[3], RO_LINES[4]])
    result = rf.read(text, kind="RO")
    assert [type(r).__name__ for r in result.records] == ["VlpRecord", "PerRecord", "IsgRecord", "IspRecord"]
    assert len(result.problems) >= 1
    problem = result.problems[0]
    assert problem.line == 3
    assert problem.path == path
    assert message in problem.message
    assert "111222333" not in str(problem)


def test_every_bad_field_of_a_line_is_listed() -> None:
    result = rf.read(RO_LINES[1] + "\nISG|111222333||C3|2023-13-01|2025-13-01||\n", kind="RO")
    assert [p.path for p in result.problems] == ["ISG.datum_inschrijving", "ISG.datum_uitschrijving_gepland"]


def test_unusable_input_and_strict_mode_raise() -> None:
    with pytest.raises(InvalidDocument) as excinfo:
        rf.read("garbage\nmore garbage\n")
    assert [p.line for p in excinfo.value.problems] == [1, 2]
    with pytest.raises(InvalidDocument):
        rf.read("\n".join([RO_LINES[1], "XYZ|1"]), strict=True)
    with pytest.raises(ValueError, match="kind"):
        rf.read(RO_LINES[1], kind="XYZ")
    assert rf.read("").records == ()


def test_invalid_numbers_are_read_and_reported() -> None:
    result = rf.read("PER|111222334||1987-11-23|V\nISG|111222334||C3|2023-01-30|2025-01-29||\n")
    assert len(result.records) == 2
    assert [(p.line, p.path) for p in result.problems] == [(2 - 1, "PER.burgerservicenummer")]
    assert "111222334" not in repr(result.records[0])
    both = rf.read("PER|111222333|101222331|1987-11-23|V")
    assert [p.message for p in both.problems] == [
        "exactly one of burgerservicenummer and onderwijsnummer must be filled"
    ]
    other = rf.read("PER|111222333||1987-11-23|V\nISG|123456782||C3|2023-01-30|2025-01-29||")
    assert [(p.line, p.path) for p in other.problems] == [(2, "ISG")]


def test_bytes_input_with_bom_crlf_bad_utf8_and_long_lines() -> None:
    long_line = b"PER|" + b"9" * (rf.MAX_LINE_LENGTH + 10)
    data = (
        b"\xef\xbb\xbf"
        + RO_LINES[0].encode()
        + b"\r\n\xff\xfe|bad\r\n"
        + long_line
        + b"\n"
        + RO_LINES[1].encode()
    )
    items = list(rf.iter_records([data[i : i + 1000] for i in range(0, len(data), 1000)]))
    problems = [i for i in items if isinstance(i, DocumentProblem)]
    assert [(p.line, p.message) for p in problems] == [
        (2, "line is not valid UTF-8"),
        (3, f"line longer than {rf.MAX_LINE_LENGTH} characters"),
    ]
    assert [type(i).__name__ for i in items if not isinstance(i, DocumentProblem)] == [
        "VlpRecord",
        "PerRecord",
    ]


def test_bad_sources_raise_document_errors() -> None:
    with pytest.raises(InvalidDocument, match="mixed"):
        list(rf.iter_records(["VLP|", b"x"]))  # type: ignore[arg-type]
    with pytest.raises(InvalidDocument, match="expected text or bytes"):
        list(rf.iter_records([1, 2]))  # type: ignore[arg-type]


def test_writing_refuses_what_cannot_be_written_back() -> None:
    record = rf.read(RO_LINES[11], kind="RO").records[0]
    assert isinstance(record, GeoRecord)
    broken = attrs.evolve(record, cijfer_ie=Decimal("7.45"), vrijstelling_ce="A|B")
    object.__setattr__(broken, "code_generiek_examenonderdeel", None)
    with pytest.raises(InvalidDocument) as excinfo:
        rf.format_record(broken)
    assert [p.path for p in excinfo.value.problems] == [
        "GEO.code_generiek_examenonderdeel",
        "GEO.cijfer_ie",
        "GEO.vrijstelling_ce",
    ]
    pve_dip = rf.read(RO_LINES[8], kind="RO").records[0]
    assert isinstance(pve_dip, DipRecord)
    with pytest.raises(InvalidDocument, match="veld_7"):
        rf.format_record(attrs.evolve(pve_dip, veld_7="x"))
    short = attrs.evolve(record, opmaak=Opmaak(aantal_velden=5))
    with pytest.raises(InvalidDocument, match="beyond field 5"):
        rf.format_record(short)


def test_records_built_by_hand_are_written_in_the_pve_layout() -> None:
    isg = IsgRecord(
        burgerservicenummer=Bsn("111222333"),
        inschrijvingvolgnummer="1",
        datum_inschrijving=dt.date(2025, 8, 1),
        datum_uitschrijving_gepland=dt.date(2028, 7, 31),
    )
    assert rf.dumps([isg]) == "ISG|111222333||1|2025-08-01|2028-07-31||\n"
    assert rf.read(rf.dumps([isg])).records == (isg,)
