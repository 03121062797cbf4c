"""The five kinds of PvE chapters 13–17: difference lists, the TBG-i, malformed input, the compiled path."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize._returnfile_codec import LineParser

FIXTURES = Path(__file__).parent / "fixtures"

# PvE §14.5.6: person (2), old values (6), leerroute and leerroutefase, the two old indications,
# new values (6), the two new indications, soort wijziging.
_OLD = "C3|2025-08-01|25655|BBL|MBO-4|J"
_NONE = "|||||"
OBOV_ISP = [
    "Recordsoort|Burgerservicenummer|Onderwijsnummer|Inschrijvingvolgnummer vorig|Datum begin vorig",
    "VLP|2025-2026|27DV|2025-11-03|2025-10-01",
    f"ISP|111222333||{_OLD}|||J|J|{_NONE}|||V",
    f"ISP|111222333||{_NONE}|||||C4|2025-09-01|25656|BOL|MBO-3|N|J|N|T",
    f"ISP|111222333||{_OLD}|||J|J|||||*||J|J|W",
]


def test_a_difference_list_is_read_with_its_header_and_marks() -> None:
    result = rf.read("\n".join(OBOV_ISP) + "\n")
    assert result.bestand == "OBOV"
    assert result.problems == ()
    assert isinstance(result.regels[0], rf.Kopregel)
    assert result.regels[0].namen[:2] == ("Recordsoort", "Burgerservicenummer")
    vlp, removed, added, changed = result.of_type(rf.PveRecord)
    assert vlp["datum_aanvraag_vorige_obo"] == dt.date(2025, 10, 1)
    assert (removed["soort_wijziging"], removed["opleidingcode_vorig"], removed["opleidingcode_huidig"]) == (
        "V", "25655", None,
    )  # fmt: skip
    nieuw = (added["soort_wijziging"], added["datum_begin_huidig"], added["indicatie_bekostigbaar_huidig"])
    assert nieuw == (
        "T", dt.date(2025, 9, 1), False,
    )  # fmt: skip
    assert changed["niveau_huidig"] is rf.LEEGGEMAAKT  # "*": DUO emptied the value (PvE §14.1)
    assert result.dumps() == "\n".join(OBOV_ISP) + "\n"


def test_a_difference_list_value_of_the_wrong_kind_is_reported_by_field() -> None:
    lines = [*OBOV_ISP[:2], OBOV_ISP[2].replace("2025-08-01", "2025-13-01")]
    result = rf.read("\n".join(lines))
    assert [str(p) for p in result.problems] == ["not a valid date @ ISP.datum_begin_vorig (line 3)"]


def test_the_tbgi_sample_is_read_through_the_hardened_parser() -> None:
    tbgi = rf.read_tbgi((FIXTURES / "TBGI_25LX_2027_20251124.XML").read_bytes())
    assert tbgi.problems == ()
    assert tbgi.counts() == {"Inschrijving": 1, "Teldatum": 1, "BekostigingsrelevanteBPV": 0, "Diploma": 1}
    [inschrijving] = tbgi.inschrijvingen
    assert inschrijving.inschrijvingvolgnummer == "002"
    [teldatum] = inschrijving.bekostigd
    assert (teldatum.teldatum, teldatum.niveau, teldatum.leertraject) == (
        dt.date(2025, 10, 1),
        "MBO-1",
        "BOL",
    )
    assert (teldatum.bekostigingsstatus, teldatum.bbl_bol_factor) == (True, Decimal(1))
    assert teldatum.bpvs == ()  # all-nil placeholder groups are absent
    assert teldatum.signalen == ()
    [diploma] = tbgi.diplomas
    assert (diploma.datum_behaald, diploma.bijdrage_diplomawaarde) == (dt.date(2025, 6, 17), Decimal(5))
    assert "100000000" not in repr(tbgi)  # person numbers are masked


_TBGI = b"""<?xml version="1.0" encoding="utf-8"?>
<Bekostigingsgrondslagen>
  <Inschrijving><BRIN>25LX</BRIN><DatumInschrijving>2024-02-30</DatumInschrijving></Inschrijving>
  <Inschrijving><BRIN>25LX</BRIN><Inschrijvingvolgnummer>7</Inschrijvingvolgnummer>
    <Teldatum><Teldatum>2025-10-01</Teldatum>
      <BekostigingsrelevanteBPV><Volgnummer>B1</Volgnummer><DatumEindGepland>2026-01-31</DatumEindGepland>
      </BekostigingsrelevanteBPV>
      <Signaal><Signaalcode>S1</Signaalcode><Parameter><Parameternaam>x</Parameternaam></Parameter></Signaal>
    </Teldatum>
  </Inschrijving>
  <Diploma><Resultaatvolgnummer>9</Resultaatvolgnummer><Onbekend>1</Onbekend></Diploma>
</Bekostigingsgrondslagen>"""


def test_a_bad_tbgi_element_is_reported_by_line_and_path_and_the_rest_is_read() -> None:
    tbgi = rf.read_tbgi(_TBGI)
    assert [(p.path, p.line) for p in tbgi.problems] == [
        ("Inschrijving[0].DatumInschrijving", 3),
        ("Diploma[0].Onbekend", 11),
    ]
    [inschrijving] = tbgi.inschrijvingen
    [teldatum] = inschrijving.teldata
    assert teldatum.bpvs[0].datum_einde_gepland == dt.date(2026, 1, 31)
    assert teldatum.signalen[0].parameters[0].parameternaam == "x"
    assert tbgi.diplomas == ()


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE x [<!ENTITY e "e">]><Bekostigingsgrondslagen/>',
        b"<Bekostigingsgrondslagen><Inschrijving>",
        b"<Andere/>",
    ],
)
def test_an_unusable_tbgi_is_refused(data: bytes) -> None:
    with pytest.raises(InvalidDocument):
        rf.read_tbgi(data)


def test_a_field_of_5000_digits_is_a_problem_not_a_crash() -> None:
    huge = "9" * 5000
    result = rf.read(f"PER|111222333||2000-01-01|M\nSLR|{huge}|0|0|0|0|0|0|0|0\n")
    assert [p.path for p in result.problems] == ["SLR.totaal_aantal_personen"]
    obo = rf.read(
        "VLP|2015-2016|27DV|2015-10-01|2015-10-02\n"
        f"ISP|111222333||1|2015-08-01|{huge}|BOL|MBO-4|||J|J|N\n"
        "CTR|0|0|0|0|1\n"
    )
    problems = rf.check_totals(obo.records)
    assert "ISP.opleidingcode" in {p.path for p in problems}
    assert all(isinstance(p, DocumentProblem) for p in problems)


# ---------------------------------------------------------------- compiled path == general path

_RO_LINES = [
    "VLP|27DV|2024-07-31|2026-03-24|2026-03-25",
    "PER|111222333||1987-11-23|V",
    "ISG|111222333||C3|2023-01-30|2025-01-29|2025-01-16|08",
    "ISP|111222333||C3|2023-01-30|25655|BBL|MBO-4|J|000012345678|100A501|101X591|LR1|VO",
    "ISE|111222333||C3|2023-02-01|",
    "BPV|111222333||C3|C1|2023-01-07|2023-02-01|2025-01-29|2024-08-30|2163|100018965|25655|K0067",
    "DIP|111222333||8286771|25655|2025-01-16||J|C3|100A501",
    "AMO|111222333||||1452101|C0163|2025-12-15|J|C1|101A742",
    "GEO|111222333||8286771|25655|8286774|3005||6|MBO|74|MBO|51|MBO||",
    "KZD|111222333||8286771|25655|8286772|K0067||Behaald|||",
    "SLR|1|1|1|1|1|1|1|1|1",
]


def _mutations() -> st.SearchStrategy[list[str]]:
    """RO lines with one field replaced by something odd: the compiled path must agree with the general."""
    odd = st.sampled_from(
        ["", "0", "00", "J", "N", "x", "2025-02-30", "2025-1-1", "20250101", "+1", " 1", "１２", "BSN1", "*",
         "111222334", "0000-00-00", "1987-00-00", "1987-00-05", "100", "1000", "9" * 30, "٢٠٢٥-01-01"]
    )  # fmt: skip

    @st.composite
    def lines(draw: st.DrawFn) -> list[str]:
        chosen = draw(st.lists(st.sampled_from(_RO_LINES[1:]), min_size=1, max_size=6))
        out = [_RO_LINES[0]]
        for line in chosen:
            fields = line.split("|")
            if draw(st.booleans()):
                i = draw(st.integers(1, len(fields) - 1))
                fields[i] = draw(odd)
            out.append("|".join(fields))
        return out

    return lines()


def _read_with(lines: list[str], compiled: bool) -> list[object]:
    parser = LineParser(kind=None, check_numbers=True, compiled=compiled)
    out: list[object] = []
    for number, line in enumerate(lines, start=1):
        record, problems = parser.parse(line, number)
        out.append((record, [str(p) for p in problems], getattr(record, "opmaak", None)))
    return out


@settings(max_examples=300, deadline=None)
@given(_mutations())
def test_the_compiled_path_reads_every_line_as_the_general_path_does(lines: list[str]) -> None:
    assert _read_with(lines, compiled=True) == _read_with(lines, compiled=False)


def test_the_compiled_path_agrees_on_the_samples() -> None:
    for path in sorted(FIXTURES.glob("*.csv")):
        lines = path.read_text("utf-8").splitlines()
        assert _read_with(lines, compiled=True) == _read_with(lines, compiled=False), path.name


# ---------------------------------------------------------------- whole files, byte for byte


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.sampled_from([*_RO_LINES[1:], "garbage", "XYZ|1", ""]), max_size=8))
    endings = draw(
        st.lists(st.sampled_from(["\n", "\r\n"]), min_size=len(lines) + 1, max_size=len(lines) + 1)
    )
    body = "".join(line + ending for line, ending in zip([_RO_LINES[0], *lines], endings, strict=True))
    data = body.encode("utf-8")
    if draw(st.booleans()):
        data += b"PER|\xff\xfe||2000-01-01|M\n"  # not UTF-8: kept as written
    if draw(st.booleans()):
        data = data.rstrip(b"\r\n")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data


@settings(max_examples=200, deadline=None)
@given(_files())
def test_a_generated_file_is_written_back_byte_for_byte(data: bytes) -> None:
    result = rf.read(data, check_numbers=False)
    assert result.to_bytes() == data


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")))
def test_every_sample_is_written_back_byte_for_byte(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    assert rf.read(data, check_numbers=False).to_bytes() == data
    with_bom = b"\xef\xbb\xbf" + data.replace(b"\r\n", b"\n")
    assert rf.read(with_bom, check_numbers=False).to_bytes() == with_bom
