"""The funding view: own enrolments against DUO's TBG-i and GRONDSLAG IP MBO, per teldatum."""

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
from duo_domain.errors import DuoDomainError, InvalidDocument
from duo_domain.identity import Student, bsn
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.reconcile.funding import (
    DiplomaTelling,
    FundingView,
    GroupDifference,
    Telling,
    funding,
    peildatum,
)
from duo_domain.reconcile.mbo import Category
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize.json import dumps_mbo

FIXTURES = Path(__file__).parents[1] / "serialize" / "returnfile" / "fixtures"
OCTOBER = dt.date(2025, 10, 1)


def _bsns(count: int, start: int = 100_000_000) -> list[str]:
    found: list[str] = []
    number = start
    while len(found) < count:
        if bsn.is_valid(str(number)):
            found.append(str(number))
        number += 1
    return found


def _tbgi_text() -> bytes:
    """The TBG-i sample with its (invalid) BSNs made valid."""
    text = (FIXTURES / "TBGI_25LX_2027_20251124.XML").read_text("utf-8")
    first, second = _bsns(2)
    return text.replace("100000000", first).replace("200000000", second).encode()


def _grondslag_text() -> str:
    """The GRONDSLAG sample with its pseudonymised PGNs (``BSN1`` ...) made valid BSNs."""
    text = (FIXTURES / "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv").read_text("utf-8")
    keys = sorted(set(re.findall(r"BSN\d+", text)), key=lambda k: int(k[3:]))
    numbers = dict(zip(keys, _bsns(len(keys), 300_000_000), strict=True))
    return re.sub(r"BSN\d+", lambda m: numbers[m.group()], text)


def _own_from_tbgi() -> MboStudentRecord:
    [inschrijving] = rf.read_tbgi(_tbgi_text()).inschrijvingen
    assert inschrijving.burgerservicenummer is not None
    return MboStudentRecord(
        Student(bsn=inschrijving.burgerservicenummer.unmasked()),
        [
            Enrolment(
                "002",
                "25LX",
                dt.date(2024, 2, 1),
                dt.date(2026, 1, 31),
                [Periode(dt.date(2024, 2, 1), "25748", "BOL", indicatie_bekostigbaar=True, niveau="MBO-1")],
            )
        ],
    )


def _own_from_grondslag(text: str) -> list[MboStudentRecord]:
    """What a system that agrees with DUO holds: the GRONDSLAG's ISG and ISP as own records."""
    grondslag = rf.read(text, check_numbers=False)
    people: dict[str, list[Enrolment]] = {}
    for isg in grondslag.of_type("ISG"):
        periods = [
            Periode(p["datum_begin"], p["opleidingcode"], p["leertraject"], p["indicatie_bekostigbaar"])
            for p in grondslag.of_type("ISP")
            if (p["pgn"], p["inschrijvingvolgnummer"]) == (isg["pgn"], isg["inschrijvingvolgnummer"])
        ]
        people.setdefault(isg["pgn"], []).append(
            Enrolment(
                isg["inschrijvingvolgnummer"],
                isg["brin"],
                isg["datum_inschrijving"],
                isg["datum_uitschrijving_gepland"],
                periods,
                datum_uitschrijving_werkelijk=isg["datum_uitschrijving_werkelijk"],
            )
        )
    return [MboStudentRecord(Student(bsn=pgn), enrolments) for pgn, enrolments in people.items()]


# --- TBG-i -----------------------------------------------------------------------------------------


def test_own_records_that_agree_with_the_tbgi_sample() -> None:
    view = funding([_own_from_tbgi()], tbgi=rf.read_tbgi(_tbgi_text()))
    assert view.ok
    assert view.teldata == (OCTOBER,)
    assert view.tellingen == (
        Telling(OCTOBER, "eigen", 1, 1, None, ("25LX",)),
        Telling(OCTOBER, "TBG-i", 1, 1, 1, ("25LX",), Decimal(1)),
    )
    # The sample's diploma: funded, with a BijdrageDiplomawaarde of 5.
    assert view.diplomas == (DiplomaTelling("TBG-i", 1, 1, Decimal(5)),)


def test_a_field_that_differs_on_a_teldatum_is_named() -> None:
    own = _own_from_tbgi()
    enrolment = own.inschrijvingen[0]
    changed = attrs.evolve(enrolment, perioden=[attrs.evolve(enrolment.perioden[0], opleidingscode="25655")])
    view = funding([attrs.evolve(own, inschrijvingen=[changed])], tbgi=rf.read_tbgi(_tbgi_text()))
    assert [(d.category, d.field, d.own, d.duo) for d in view] == [
        (Category.FIELD_DIFFERS, "opleidingscode", "25655", "25748")
    ]
    assert dict(view.differences[0].key) == {
        "bestand": "TBG-i",
        "inschrijving": "002",
        "teldatum": "2025-10-01",
    }


def test_funding_asked_but_not_given_is_explained_by_the_fields_that_differ() -> None:
    own = _own_from_tbgi()
    enrolment = own.inschrijvingen[0]
    periode = attrs.evolve(enrolment.perioden[0], indicatie_bekostigbaar=False)
    view = funding(
        [attrs.evolve(own, inschrijvingen=[attrs.evolve(enrolment, perioden=[periode])])],
        tbgi=rf.read_tbgi(_tbgi_text()),
    )
    assert [(d.field, d.own, d.duo, d.explanation) for d in view] == [
        ("indicatie_bekostigbaar", False, True, ()),
        ("bekostiging", "niet bekostigbaar", "bekostigd", ("indicatie_bekostigbaar differs",)),
    ]
    assert view.tellingen[0] == Telling(OCTOBER, "eigen", 1, 0, None, ("25LX",))


def test_duos_signals_explain_why_it_does_not_fund() -> None:
    xml = (
        _tbgi_text()
        .replace(
            b"<Bekostigingsstatus>true</Bekostigingsstatus>\n\t\t\t<InschrijvingVoorCorrectiefactor>",
            b"<Bekostigingsstatus>false</Bekostigingsstatus>\n\t\t\t<InschrijvingVoorCorrectiefactor>",
        )
        .replace(
            b'<Signaalvolgnummer xsi:nil="true"/>\n\t\t\t\t<Signaalcode xsi:nil="true"/>\n'
            b'\t\t\t\t<Signaalomschrijving xsi:nil="true"/>',
            b"<Signaalvolgnummer>1</Signaalvolgnummer>\n\t\t\t\t<Signaalcode>12</Signaalcode>\n"
            b"\t\t\t\t<Signaalomschrijving>verblijfsduur overschreden</Signaalomschrijving>",
            1,
        )
    )
    view = funding([_own_from_tbgi()], tbgi=rf.read_tbgi(xml))
    [difference] = view
    assert (difference.field, difference.own, difference.duo) == (
        "bekostiging",
        "bekostigbaar",
        "niet bekostigd",
    )
    assert difference.explanation == ("12: verblijfsduur overschreden",)
    assert difference.message.endswith("(12: verblijfsduur overschreden)")
    assert attrs.evolve(view.tellingen[1], deelnemerswaarde=None) == Telling(
        OCTOBER, "TBG-i", 1, 1, 0, ("25LX",)
    )


def test_an_enrolment_only_one_side_has_on_a_teldatum() -> None:
    own = _own_from_tbgi()
    ended = attrs.evolve(
        own.inschrijvingen[0], datum_uitschrijving_werkelijk=dt.date(2025, 9, 30)
    )  # left before the teldatum
    view = funding([attrs.evolve(own, inschrijvingen=[ended])], tbgi=rf.read_tbgi(_tbgi_text()))
    assert [(d.category, d.entity) for d in view] == [(Category.MISSING_HERE, "teldatum")]
    other = MboStudentRecord(
        Student(bsn=_bsns(1, 500_000_000)[0]),
        [
            Enrolment(
                "1",
                "25LX",
                dt.date(2025, 8, 1),
                dt.date(2027, 7, 31),
                [Periode(dt.date(2025, 8, 1), "25748", "BOL", indicatie_bekostigbaar=True)],
            )
        ],
    )
    view = funding([_own_from_tbgi(), other], tbgi=rf.read_tbgi(_tbgi_text()))
    assert [(d.category, dict(d.key)["inschrijving"]) for d in view] == [(Category.MISSING_AT_DUO, "1")]
    assert "500000" not in json.dumps(view.to_dict())


def test_own_enrolments_at_another_institution_are_not_compared() -> None:
    own = _own_from_tbgi()
    elsewhere = attrs.evolve(own.inschrijvingen[0], inschrijvingvolgnummer="X", instelling="99XX")
    view = funding(
        [attrs.evolve(own, inschrijvingen=[*own.inschrijvingen, elsewhere])], tbgi=rf.read_tbgi(_tbgi_text())
    )
    assert view.ok


def test_a_niveau_only_one_side_gives_is_not_a_difference() -> None:
    own = _own_from_tbgi()
    enrolment = own.inschrijvingen[0]
    for niveau, expected in ((None, []), ("MBO-2", [("niveau", "MBO-2", "MBO-1")])):
        periode = attrs.evolve(enrolment.perioden[0], niveau=niveau)
        view = funding(
            [attrs.evolve(own, inschrijvingen=[attrs.evolve(enrolment, perioden=[periode])])],
            tbgi=rf.read_tbgi(_tbgi_text()),
        )
        assert [(d.field, d.own, d.duo) for d in view] == expected


# --- GRONDSLAG -------------------------------------------------------------------------------------


def test_the_peildatum_is_1_october_of_the_studiejaar() -> None:
    # PvE §17.1: "De peildatum is altijd 01-10 van het lopende studiejaar"; the sample's
    # VLP has studiejaar 2025 and holds enrolments running from August 2025 on.
    grondslag = rf.read(_grondslag_text(), check_numbers=False)
    assert peildatum(grondslag) == OCTOBER
    assert peildatum(rf.read("VLP;27DV;2024;20241119;V\nSLR;0;0;0;0;0;0;0;0;0;0;0\n")) == dt.date(2024, 10, 1)
    with pytest.raises(InvalidDocument, match="peildatum"):
        peildatum([])


def test_own_records_that_agree_with_the_grondslag_sample() -> None:
    text = _grondslag_text()
    view = funding(_own_from_grondslag(text), grondslag=rf.read(text, check_numbers=False))
    assert view.teldata == (OCTOBER,)  # the peildatum, without being asked
    assert list(view) == []
    assert view.group_differences == ()
    # The sample is a subset: its sluitrecord counts the whole file; that is DUO's problem, not a difference.
    assert len(view.problems) == 9
    assert all("the record says" in str(p) for p in view.problems)
    own, duo = view.tellingen
    assert (own.opgenomen, own.bekostigbaar) == (duo.opgenomen, duo.bekostigbaar) == (9, 9)
    assert own.instellingen == duo.instellingen == ("27DV",)
    assert duo.bekostigd is None  # the sample has no BII records
    assert view.diplomas[0] == DiplomaTelling("GRONDSLAG", 2, 0, None)


def test_the_grondslag_is_not_matched_on_its_renumbered_pgn() -> None:
    # PvE §17.1: the PGN is "een omgenummerd nummer": the own BSNs never equal it.
    text = _grondslag_text()
    own = _own_from_grondslag(text)
    numbers = iter(_bsns(len(own), 700_000_000))
    renamed = [attrs.evolve(r, student=Student(bsn=next(numbers))) for r in own]
    view = funding(renamed, grondslag=rf.read(text, check_numbers=False))
    assert view.group_differences == ()
    assert list(view) == []


def test_the_grondslag_sample_against_changed_own_records() -> None:
    text = _grondslag_text()
    own = _own_from_grondslag(text)
    kept = own[2:]  # own[1], BSN2, is left out
    changed = own[0]  # BSN1 left before the teldatum at DUO; give it a running enrolment here
    enrolment = attrs.evolve(
        changed.inschrijvingen[0],
        datum_uitschrijving_werkelijk=None,
        datum_uitschrijving_gepland=dt.date(2026, 7, 31),
    )
    view = funding(
        [attrs.evolve(changed, inschrijvingen=[enrolment]), *kept],
        grondslag=rf.read(text, check_numbers=False),
    )
    found = [(d.opleidingscode, d.leertraject, d.field, d.own, d.duo) for d in view.group_differences]
    assert found == [
        ("25655", "BBL", "opgenomen", 2, 1),
        ("25655", "BBL", "bekostigbaar", 2, 1),
        ("25779", "BBL", "opgenomen", 0, 1),
        ("25779", "BBL", "bekostigbaar", 0, 1),
    ]
    [here] = view.group_differences[0].explanation
    assert here.startswith("inschrijving C3 of 2023-01-30, student *****")
    assert here.endswith(": not at DUO on this teldatum")
    assert view.group_differences[2].explanation == (
        "inschrijving C1 of 2024-11-11: only at DUO (its student is renumbered, PvE §17.1)",
    )


def test_an_enrolment_in_another_group_is_explained_by_its_fields() -> None:
    text = _grondslag_text()
    own = _own_from_grondslag(text)
    first = own[1].inschrijvingen[0]  # BSN2: C1 of 2024-11-11, 25779 BBL
    periode = attrs.evolve(first.perioden[0], opleidingscode="25780", leertraject="BOL")
    moved = attrs.evolve(own[1], inschrijvingen=[attrs.evolve(first, perioden=[periode])])
    view = funding([own[0], moved, *own[2:]], grondslag=rf.read(text, check_numbers=False))
    groups = {(d.opleidingscode, d.leertraject, d.field): (d.own, d.duo) for d in view.group_differences}
    assert groups == {
        ("25779", "BBL", "opgenomen"): (0, 1),
        ("25779", "BBL", "bekostigbaar"): (0, 1),
        ("25780", "BOL", "opgenomen"): (1, 0),
        ("25780", "BOL", "bekostigbaar"): (1, 0),
    }
    why = view.group_differences[0].explanation
    assert len(why) == 1
    assert why[0].endswith(
        "opleidingscode here '25780', at DUO '25779'; leertraject here 'BOL', at DUO 'BBL'"
    )
    assert "*****" in why[0]
    assert {d.explanation for d in view.group_differences} == {why}


def test_two_enrolments_alike_without_the_student_are_not_told_apart() -> None:
    number, other = _bsns(2, 600_000_000)
    text = (
        "VLP;27DV;2025;20251119;V\n"
        f"ISG;{number};27DV;C1;20240801;20270731;;\n"
        f"ISP;{number};27DV;C1;20240801;;25912;;BOL;;1;;;;\n"
        f"ISG;{other};27DV;C1;20240801;20270731;;\n"
        f"ISP;{other};27DV;C1;20240801;;25912;;BOL;;1;;;;\n"
        "SLR;0;2;2;0;0;0;0;0;0;0;0\n"
    )
    [one, _] = _own_from_grondslag(text)
    view = funding([one], grondslag=rf.read(text, check_numbers=False))
    [opgenomen, _bekostigbaar] = view.group_differences
    assert (opgenomen.own, opgenomen.duo) == (1, 2)
    assert opgenomen.explanation == (
        "1 here and 2 at DUO with inschrijving C1 of 2024-08-01: not told apart without the student",
    )


def test_own_enrolments_at_another_institution_are_left_out_per_file() -> None:
    text = _generated("J")
    own = _own_generated(text)
    elsewhere = attrs.evolve(own[0].inschrijvingen[0], instelling="25LX", inschrijvingvolgnummer="X9")
    view = funding(
        [attrs.evolve(own[0], inschrijvingen=[*own[0].inschrijvingen, elsewhere])],
        grondslag=rf.read(text, check_numbers=False),
    )
    assert view.ok, [d.message for d in view.group_differences]


def _generated(status: str) -> str:
    number = _bsns(1, 600_000_000)[0]
    return (
        "VLP;27DV;2025;20251119;V\n"
        f"PER;{number};17;17;18;17;M;7433;;;;6030;6030;6030;;;0001;;7433;;0001;\n"
        f"ISG;{number};27DV;C1;20240801;20270731;;\n"
        f"ISP;{number};27DV;C1;20240801;;25912;;BOL;;1;100A501;101X590;;\n"
        f"BII;{number};27DV;C1;20241001;20241121 104229;V;J;J;1;1;0;;1\n"
        f"BII;{number};27DV;C1;20251001;20251121 104229;V;{status};J;1;1;0;;1\n"
        f"BII;{number};27DV;C1;20260201;20260221 104229;V;J;J;1;1;0;;1\n"
        "SLR;1;1;1;0;0;3;0;0;0;0;0\n"
    )


def _own_generated(text: str) -> list[MboStudentRecord]:
    return _own_from_grondslag(text)


def test_a_generated_grondslag_with_bii_gives_duos_funding_per_teldatum() -> None:
    text = _generated("J")
    view = funding(_own_generated(text), grondslag=rf.read(text, check_numbers=False))
    assert view.ok, ([str(p) for p in view.problems], [d.message for d in view.group_differences])
    # The BII teldata of the studiejaar 2025 (1 August 2025 to 31 July 2026); 2024-10-01 is of another.
    assert view.teldata == (OCTOBER, dt.date(2026, 2, 1))
    assert [t.bekostigd for t in view.tellingen if t.bestand == "GRONDSLAG"] == [1, 1]


def test_a_generated_grondslag_where_duo_does_not_fund() -> None:
    text = _generated("N")
    view = funding(_own_generated(text), grondslag=rf.read(text, check_numbers=False))
    [difference] = view.group_differences
    assert (difference.teldatum, difference.field, difference.own, difference.duo) == (
        OCTOBER,
        "bekostigd",
        1,
        0,
    )
    [why] = difference.explanation
    assert why.endswith(": bekostigbaar here, not funded by DUO")
    assert [t.bekostigd for t in view.tellingen if t.bestand == "GRONDSLAG"] == [0, 1]
    assert "groep 25912/BOL: bekostigd differs: here 1, at DUO 0" in difference.message


def test_a_generated_grondslag_whose_counts_differ() -> None:
    text = _generated("J").replace("SLR;1;1;1;0;0;3;", "SLR;1;1;1;0;0;4;")
    view = funding(_own_generated(text), grondslag=rf.read(text, check_numbers=False))
    assert [p.path for p in view.problems] == ["SLR.aantal_bii_records"]
    assert not view.ok


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("cut", "cut off"),
        ((FIXTURES / "RO_27DV_20240731_20260324.csv").read_text("utf-8"), "a RO file"),
    ],
)
def test_an_unusable_grondslag_is_refused(text: str, reason: str) -> None:
    if text == "cut":
        text = _generated("J").rsplit("SLR", 1)[0]
    with pytest.raises(InvalidDocument, match=reason):
        funding([], grondslag=rf.read(text, check_numbers=False), teldata=[OCTOBER])


def test_both_files_together() -> None:
    text = _generated("J")
    view = funding(
        [*_own_generated(text), _own_from_tbgi()],
        tbgi=rf.read_tbgi(_tbgi_text()),
        grondslag=rf.read(text, check_numbers=False),
    )
    # Each file is set beside the own enrolments at its own institution only.
    assert view.ok, ([d.message for d in view], [d.message for d in view.group_differences])
    assert {(t.bestand, t.instellingen) for t in view.tellingen} == {
        ("eigen", ("25LX",)),
        ("eigen", ("27DV",)),
        ("TBG-i", ("25LX",)),
        ("GRONDSLAG", ("27DV",)),
    }


def test_nothing_to_compare_with_is_refused() -> None:
    with pytest.raises(DuoDomainError, match="funding"):
        funding([])


def test_the_view_as_plain_data() -> None:
    view = funding([_own_from_tbgi()], tbgi=rf.read_tbgi(_tbgi_text()))
    data = json.loads(json.dumps(view.to_dict()))
    assert data["teldata"] == ["2025-10-01"]
    assert data["tellingen"][1] == {
        "teldatum": "2025-10-01",
        "bestand": "TBG-i",
        "opgenomen": 1,
        "bekostigbaar": 1,
        "bekostigd": 1,
        "instellingen": ["25LX"],
        "deelnemerswaarde": "1",
    }
    assert data["diplomas"] == [{"bestand": "TBG-i", "diplomas": 1, "bekostigd": 1, "diplomawaarde": "5"}]
    assert data["groepsverschillen"] == []
    assert isinstance(view, FundingView)


def test_a_group_difference_as_plain_data() -> None:
    d = GroupDifference(OCTOBER, "25655", "BBL", "opgenomen", 2, 1, ("why",))
    assert d.to_dict()["melding"] == (
        "teldatum 2025-10-01, bestand GRONDSLAG, groep 25655/BBL: opgenomen differs: here 2, at DUO 1 (why)"
    )


# --- the command line ----------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["reconcile", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_funding_against_both_files(tmp_path: Path) -> None:
    own = tmp_path / "own.json"
    own.write_text(dumps_mbo([_own_from_tbgi()]), encoding="utf-8")
    tbgi = tmp_path / "TBGI.XML"
    tbgi.write_bytes(_tbgi_text())
    code, out, _ = _run(str(own), "--funding", str(tbgi))
    assert code == 0
    assert out.splitlines() == [
        "teldatum 2025-10-01 eigen 25LX: 1 inschrijvingen, 1 bekostigbaar",
        "teldatum 2025-10-01 TBG-i 25LX: 1 inschrijvingen, 1 bekostigbaar, 1 bekostigd, deelnemerswaarde 1",
        "diplomas TBG-i: 1, 1 bekostigd, diplomawaarde 5",
        "0 differences",
    ]
    grondslag = tmp_path / "GRONDSLAG.csv"
    grondslag.write_text(_generated("N"), encoding="utf-8")
    code, out, _ = _run(str(own), "--funding", str(grondslag))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "teldatum 2025-10-01 eigen 27DV: 0 inschrijvingen, 0 bekostigbaar"
    assert lines[-1] == "5 differences"
    assert (
        "[groep] teldatum 2025-10-01, bestand GRONDSLAG, groep 25912/BOL: opgenomen differs: "
        "here 0, at DUO 1 "
        "(inschrijving C1 of 2024-08-01: only at DUO (its student is renumbered, PvE §17.1))"
    ) in lines
    code, out, _ = _run(str(own), "--funding", str(tbgi), "--funding", str(grondslag), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["verschillen"] == []
    # The own records have nothing at 27DV, the GRONDSLAG's institution.
    assert {(d["teldatum"], d["veld"], d["hier"]) for d in data["groepsverschillen"]} == {
        ("2025-10-01", "opgenomen", 0),
        ("2025-10-01", "bekostigbaar", 0),
        ("2026-02-01", "opgenomen", 0),
        ("2026-02-01", "bekostigbaar", 0),
        ("2026-02-01", "bekostigd", 0),
    }


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"<Other/>", "Bekostigingsgrondslagen"),
        ((FIXTURES / "RO_27DV_20240731_20260324.csv").read_bytes(), "a RO file"),
    ],
)
def test_cli_funding_refuses_an_unusable_file(tmp_path: Path, content: bytes, reason: str) -> None:
    own = tmp_path / "own.json"
    own.write_text(dumps_mbo([_own_from_tbgi()]), encoding="utf-8")
    path = tmp_path / "DUO"
    path.write_bytes(content)
    code, out, err = _run(str(own), "--funding", str(path), "--teldatum", "2025-10-01")
    assert (code, out) == (2, "")
    assert reason in err
    assert len(err.strip().splitlines()) == 1


def test_cli_funding_usage_errors(tmp_path: Path) -> None:
    own = tmp_path / "own.json"
    own.write_text(dumps_mbo([_own_from_tbgi()]), encoding="utf-8")
    tbgi = tmp_path / "TBGI.XML"
    tbgi.write_bytes(_tbgi_text())
    assert _run(str(own), "--funding", str(tbgi), "--funding", str(tbgi))[0] == 2
    assert _run(str(own), "--funding", str(tbgi), "--teldatum", "1-10-2025")[0] == 2
    assert _run(str(own), str(tbgi), "--funding", str(tbgi))[0] == 2
    assert _run(str(own))[0] == 2


# --- the OBO ---------------------------------------------------------------------------------------


def _obo(number: str, leertraject: str = "BOL", geldig_1_2: str = "J") -> str:
    # PvE §13.5: the ISP's indicaties geldig op 1-10 and 1-2 say on which teldatum each period counts.
    return (
        "VLP|2025-2026|27DV|2025-10-01|2025-10-02\n"
        f"PER|{number}||2000-05-00|M\n"
        f"ISG|{number}||C1|2025-08-01||J|{geldig_1_2}\n"
        f"ISP|{number}||C1|2025-08-01|25655|BOL|MBO-4|||J|J|N\n"
        f"ISP|{number}||C1|2026-01-05|25655|{leertraject}|MBO-4|||J|N|{geldig_1_2}\n"
        "CTR|1|0|51310|51313|2\n"
    )


def _own_obo(number: str) -> MboStudentRecord:
    return MboStudentRecord(
        Student(bsn=number),
        [
            Enrolment(
                "C1",
                "27DV",
                dt.date(2025, 8, 1),
                dt.date(2027, 7, 31),
                [
                    Periode(dt.date(2025, 8, 1), "25655", "BOL", indicatie_bekostigbaar=True),
                    Periode(dt.date(2026, 1, 5), "25655", "BOL", indicatie_bekostigbaar=True),
                ],
            )
        ],
    )


def test_own_records_that_agree_with_an_obo_on_both_teldata() -> None:
    number = _bsns(1, 800_000_000)[0]
    view = funding([_own_obo(number)], obo=rf.read(_obo(number)))
    assert view.ok, ([str(p) for p in view.problems], [d.message for d in view])
    assert view.teldata == (OCTOBER, dt.date(2026, 2, 1))
    assert [(t.bestand, t.opgenomen) for t in view.tellingen] == [("eigen", 1), ("OBO", 1)] * 2


def test_a_period_that_differs_on_1_february_is_named() -> None:
    number = _bsns(1, 800_000_000)[0]
    view = funding([_own_obo(number)], obo=rf.read(_obo(number, leertraject="BBL")))
    [difference] = view
    assert dict(difference.key) == {"bestand": "OBO", "inschrijving": "C1", "teldatum": "2026-02-01"}
    assert (difference.field, difference.own, difference.duo) == ("leertraject", "BOL", "BBL")


def test_an_enrolment_duo_has_not_valid_on_1_february_is_missing_there() -> None:
    number = _bsns(1, 800_000_000)[0]
    view = funding([_own_obo(number)], obo=rf.read(_obo(number, geldig_1_2="N")))
    [difference] = view
    assert difference.category is Category.MISSING_AT_DUO
    assert dict(difference.key)["teldatum"] == "2026-02-01"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("VLP|2025-2026|27DV|2025-10-01|2025-10-02\nPER|111222333||2000-05-00|M\n", "cut off"),
        ("VLP;27DV;2025;20251119;V\nSLR;0;0;0;0;0;0;0;0;0;0;0\n", "a GRONDSLAG file"),
    ],
)
def test_an_unusable_obo_is_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidDocument, match=reason):
        funding([], obo=rf.read(text) if text else [])


def test_cli_funding_against_an_obo(tmp_path: Path) -> None:
    number = _bsns(1, 800_000_000)[0]
    own = tmp_path / "own.json"
    own.write_text(dumps_mbo([_own_obo(number)]), encoding="utf-8")
    obo = tmp_path / "OBO_27DV_2025_20251002.CSV"
    obo.write_text(_obo(number, leertraject="BBL"), encoding="utf-8")
    code, out, _ = _run(str(own), "--funding", str(obo))
    assert code == 1
    assert "teldatum 2026-02-01 OBO 27DV: 1 inschrijvingen, 1 bekostigbaar" in out.splitlines()
    assert "leertraject differs: here 'BOL', at DUO 'BBL'" in out
    assert _run(str(own), "--funding", str(obo), "--funding", str(obo))[0] == 2
