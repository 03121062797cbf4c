"""Vakcodes the code table has for other school types only, the cijferlijst contract example, and the
fast and slow paths of the subject preparation."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duo_domain.cli import main
from duo_domain.errors import InvalidDocument
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import (
    Examenkandidaat,
    ExamResult,
    Schoolsoort,
    choose_regelset,
    compute_uitslag,
    uitslag_schema,
    vakcodetabel,
)
from duo_domain.vo import uitslag as uitslag_module
from duo_domain.vo.codes import Vaksoort

#: The example cijferlijst of the public contract.
CONTRACT_EXAMPLE = """{"schoolsoort": "havo", "examenjaar": 2026,
 "vakken": [
   {"vakcode": "1001", "se": 6.4, "ce": 6.0},
   {"vakcode": "1002", "se": 6.8, "ce": 6.5},
   {"vakcode": "1024", "se": 6.0, "ce": 5.9},
   {"vakcode": "1022", "se": 7.0, "ce": 6.6},
   {"vakcode": "1021", "se": 6.0, "ce": 6.1},
   {"vakcode": "1034", "se": 6.5, "ce": 6.4},
   {"vakcode": "1019", "se": 7},
   {"vakcode": "1020", "se": 7},
   {"vakcode": "0353", "beoordeling": "voldoende"},
   {"vakcode": "0131", "se": 6.3, "ce": 6.1, "extra": true},
   {"vakcode": "1700", "se": 6.0, "ce": 6.5, "rol": "profielvak"},
   {"vakcode": "1701", "se": 7, "rol": "keuzevak"}],
 "profielwerkstuk": {"cijfer": 7}}
"""

NOTE_1700 = (
    "vakcode 1700 (Economie en ondernemen) is not a havo subject in the code table;"
    " judged as a regular subject"
)
NOTE_1701 = "vakcode 1701 (Commercieel) is not a havo subject in the code table; judged as a regular subject"

#: The MBO uitslag document of the public contract.
MBO_EXAMPLE = {
    "sector": "mbo",
    "niveau": 4,
    "cohort_start": "2023-08-01",
    "studieduur_jaren": 3,
    "datum_uitslag": "2026-07-01",
    "generieke_onderdelen": [
        {"onderdeel": "nederlands", "code": "3005", "ie": 6.9, "ce": 4.1},
        {"onderdeel": "engels", "ie": 7.0, "ce": 6.0},
        {"onderdeel": "rekenen", "eindcijfer": 5},
        {"onderdeel": "rekenen", "beoordeling": "voldaan"},
    ],
    "specifieke_onderdelen": [{"eindcijfer": 7}, {"beoordeling": "voldoende"}],
    "loopbaan_en_burgerschap": "voldaan",
    "keuzedelen": [{"code": "K0067", "eindcijfer": 7}],
}


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, doc: Any) -> str:
    p = tmp_path / "doc.json"
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(p)


# --- the contract example through the CLI --------------------------------------------------------


def test_contract_example_json(tmp_path: Path) -> None:
    code, out, err = run(["uitslag", write(tmp_path, CONTRACT_EXAMPLE), "--json"])
    assert code == 0, err
    assert err == ""
    data = json.loads(out)
    assert data["uitslag"] == "geslaagd"
    assert data["eindcijfers"] == {
        "1001": 6,
        "1002": 7,
        "1024": 6,
        "1022": 7,
        "1021": 6,
        "1034": 6,
        "1019": 7,
        "1020": 7,
        "0131": 6,
        "1700": 6,
        "1701": 7,
    }
    assert data["combinatiecijfer"] == 7  # maatschappijleer 7, ckv 7 and profielwerkstuk 7
    # the extra subject 0131 counts: the candidate passes without leaving it out (art. 3.33 lid 3),
    # so the CE mean is that of all eight CE grades, 50.1 / 8 = 6.2625
    assert data["ce_gemiddelde"] == "6.26"
    assert data["buiten_beschouwing"] == []
    assert data["redenen"] == []
    assert data["opmerkingen"] == [NOTE_1700, NOTE_1701]
    schema = uitslag_schema()
    assert all(key in data for key in schema["required"])
    assert set(data) <= set(schema["properties"])


def test_contract_example_text(tmp_path: Path) -> None:
    code, out, _ = run(["uitslag", write(tmp_path, CONTRACT_EXAMPLE)])
    assert code == 0
    assert "Economie en ondernemen" in out
    assert "uitslag: GESLAAGD" in out
    assert "gemiddelde CE: 6.26" in out
    assert f"opmerking: {NOTE_1700}" in out


def test_contract_example_fails_when_the_extra_subject_is_needed(tmp_path: Path) -> None:
    """With 0131 at 2 the compensation fails (art. 3.34 lid 1 c); without it the candidate passes."""
    doc = json.loads(CONTRACT_EXAMPLE)
    doc["vakken"][9].update(se="2.0", ce="2.0")  # 0131: eindcijfer 2
    code, out, _ = run(["uitslag", write(tmp_path, doc), "--json"])
    assert code == 0
    data = json.loads(out)
    assert data["uitslag"] == "geslaagd"
    assert data["buiten_beschouwing"] == ["0131"]
    assert data["ce_gemiddelde"] == "6.28"  # the seven other CE grades, 44.0 / 7
    assert data["eindcijfers"]["0131"] == 2  # stays on the cijferlijst (art. 3.40 lid 2)


def test_docs_extra_subject_example() -> None:
    text = (Path(__file__).parents[2] / "docs" / "vo.md").read_text(encoding="utf-8")
    start = text.index("### Extra subjects (art. 3.33 lid 3)")
    a = text.index("```json\n", start) + len("```json\n")
    doc = text[a : text.index("```", a)]
    code, out, _ = run_text(doc)
    assert code == 0
    data = json.loads(out)
    assert (data["buiten_beschouwing"], data["ce_gemiddelde"], data["combinatiecijfer"]) == (
        ["1003"],
        "6.25",
        7,
    )
    assert data["opmerkingen"] == []


def run_text(text: str) -> tuple[int, str, str]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return run(["uitslag", write(Path(d), text), "--json"])


def test_mbo_contract_example_exit_0(tmp_path: Path) -> None:
    code, out, err = run(["uitslag", write(tmp_path, MBO_EXAMPLE), "--json"])
    assert code == 0, err
    assert json.loads(out)["uitslag"] in ("geslaagd", "afgewezen")


# --- codes in no row of the table -----------------------------------------------------------------


def test_code_in_no_row_is_exit_2(tmp_path: Path) -> None:
    doc = json.loads(CONTRACT_EXAMPLE)
    assert vakcodetabel().zoek("9999") is None
    doc["vakken"].append({"vakcode": "9999", "se": 7})
    code, out, err = run(["uitslag", write(tmp_path, doc), "--json"])
    assert code == 2
    assert out == ""
    assert "$.vakken[12].vakcode" in err
    assert "9999" in err
    assert "no row of the code table" in err
    assert err.count("\n") == 1


def test_foreign_code_twice_is_a_document_error(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"] += [vo.vak("1701", 7), vo.vak("1701", 8)]
    with pytest.raises(InvalidDocument) as info:
        vo.judge(doc)
    assert [(p.path, p.message) for p in info.value.problems] == [
        (f"$.vakken[{len(doc['vakken']) - 1}].vakcode", "vakcode '1701' appears twice")
    ]


# --- how a foreign code is judged -----------------------------------------------------------------


def test_table_finds_a_code_of_any_school_type() -> None:
    t = vakcodetabel()
    assert t.get("1700", "havo") is None
    row = t.zoek("1700")
    assert row is not None
    assert row.soort is Vaksoort.PROFIELVAK
    assert "1700" in t
    assert "9999" not in t
    assert t.zoek("9999") is None


def test_havo_foreign_code_is_no_kernvak_but_counts_in_compensation(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1702", "4.0", "4.0", rol="profielvak"))  # vmbo keuzevak code
    r = vo.judge(doc)
    assert "BRON.EXAMEN.KERNVAKKEN" not in vo.regels(r)
    assert r.geslaagd  # one 4 with a mean of at least 6.0 (art. 3.34 lid 1 c 2°)
    assert r.eindcijfers["1702"] == 4
    assert r.ce_aantal == 7  # its CE grade counts in the CE mean
    assert r.opmerkingen == (
        "vakcode 1702 (Secretarieel) is not a havo subject in the code table; judged as a regular subject",
    )


def test_havo_foreign_code_fails_like_any_subject(vo: Any) -> None:
    grades = dict.fromkeys(("1001", "1002", "1022", "1021", "0131"), "6.0")
    doc = vo.havo_doc({**grades, "1024": "5.0"})
    doc["vakken"].append(vo.vak("1700", "4.0", "4.0"))

    def judge(d: Any) -> Any:  # the subjects as given: no package, nothing left out unless marked extra
        return compute_uitslag(structure_cijferlijst(d), pakket=False)

    r = judge(doc)  # a 4 and a 5 with a mean of 52 / 9 = 5.78, below 6.0 (art. 3.34 lid 1 c 4°)
    assert not r.geslaagd
    assert vo.regels(r) == ["BRON.EXAMEN.COMPENSATIE"]
    # the exam is complete without it (1038 fills the vrije deel): art. 3.33 lid 3 leaves it out
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1700",)
    doc["vakken"][-1] = vo.vak("1700", "5.0", "5.0")
    assert judge(doc).geslaagd is False  # two 5s, mean 5.89
    doc["vakken"][-1] = vo.vak("1700", "6.0", "6.0")
    assert judge(doc).geslaagd  # one 5


def test_havo_foreign_code_is_no_combinatiecijfer_component(vo: Any) -> None:
    # art. 3.34 lid 2: maatschappijleer, ckv and the profielwerkstuk, plus only the parts the article lists;
    # a vmbo keuzevak (1701) is none of them
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1701", 10, combinatiecijfer=True))
    with pytest.raises(InvalidDocument) as info:
        vo.judge(doc)
    assert info.value.problems[0].path == f"$.vakken[{len(doc['vakken']) - 1}].combinatiecijfer"
    # anw (0301), an optional component of art. 3.34 lid 2 b, may be added
    ok = vo.havo_doc()
    ok["vakken"].append(vo.vak("0301", 10, combinatiecijfer=True))
    assert vo.judge(ok).combinatiecijfer == 8  # 7, 7, 7 (profielwerkstuk) and 10: mean 7.75 -> 8
    assert vo.judge(vo.havo_doc()).combinatiecijfer == 7


def test_havo_foreign_code_needs_a_grade(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append({"vakcode": "0416", "beoordeling": "voldoende"})  # vmbo kunstvakken I
    with pytest.raises(InvalidDocument) as info:
        vo.judge(doc)
    assert info.value.problems[0].path == f"$.vakken[{len(doc['vakken']) - 1}].beoordeling"


def test_havo_native_code_with_rol_is_still_refused(vo: Any) -> None:
    doc = vo.set_vak(vo.havo_doc(), "0131", rol="profielvak")
    with pytest.raises(InvalidDocument) as info:
        vo.judge(doc)
    assert info.value.problems[0].path.endswith(".rol")


def test_vmbo_foreign_code_without_rol_is_regular(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-tl")
    doc["vakken"].append(vo.vak("1001", "4.0", "4.0"))  # havo/vwo Nederlands: no vmbo Nederlands
    r = vo.judge(doc)
    assert "BRON.EXAMEN.NEDERLANDS" not in vo.regels(r)
    assert r.geslaagd  # one 4 and a 7 elsewhere (art. 3.35 lid 1 c 2°)
    assert r.eindcijfers["1001"] == 4
    assert r.opmerkingen == (
        "vakcode 1001 (Nederlandse taal en literatuur) is not a vmbo-tl subject in the code table;"
        " judged as a regular subject",
    )


def test_vmbo_foreign_code_with_rol_keeps_the_rol(vo: Any) -> None:
    # vmbo-bb: the combinatiecijfer is the mean of the keuzevakken (art. 3.35 lid 3)
    doc = vo.vmbo_doc("vmbo-bb")
    doc["vakken"].append(vo.vak("1003", 3, rol="keuzevak"))  # a havo/vwo code, here a keuzevak
    r = compute_uitslag(structure_cijferlijst(doc), pakket=False)
    assert r.combinatiecijfer == 6  # (7 + 7 + 7 + 7 + 3) / 5 = 6.2
    assert "BRON.EXAMEN.COMBINATIECIJFER_ONDERDEEL" in vo.regels(r)  # a component below 4
    assert r.opmerkingen[0].endswith("judged as a keuzevak (rol)")
    # a fifth keuzevak: four make the exam (art. 3.5 lid 1 c), so art. 3.33 lid 3 leaves it out
    assert vo.judge(doc).buiten_beschouwing == ("1003",)
    without_rol = vo.vmbo_doc("vmbo-bb")
    without_rol["vakken"].append(vo.vak("1003", 3))
    r2 = compute_uitslag(structure_cijferlijst(without_rol), pakket=False)
    assert r2.combinatiecijfer == 7
    assert "BRON.EXAMEN.COMPENSATIE" in vo.regels(r2)  # a 3 as a regular subject


def test_vmbo_foreign_code_marked_combinatiecijfer_is_refused(vo: Any) -> None:
    doc = vo.vmbo_doc("vmbo-tl")
    doc["vakken"].append(vo.vak("1003", 7, combinatiecijfer=True))
    with pytest.raises(InvalidDocument) as info:
        vo.judge(doc)
    assert info.value.problems[0].path.endswith(".combinatiecijfer")


def test_foreign_extra_subject_is_left_out_when_needed(vo: Any) -> None:
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("1700", "2.0", "2.0", extra=True))
    r = vo.judge(doc)
    assert r.geslaagd
    assert r.buiten_beschouwing == ("1700",)
    assert len(r.opmerkingen) == 1


def test_no_opmerkingen_for_native_codes(vo: Any) -> None:
    r = vo.judge(vo.havo_doc())
    assert r.opmerkingen == ()
    assert r.to_dict()["opmerkingen"] == []


def test_opmerkingen_in_the_output_schema() -> None:
    prop = uitslag_schema()["properties"]["opmerkingen"]
    assert prop["type"] == "array"
    assert prop["items"] == {"type": "string"}
    assert "opmerkingen" not in uitslag_schema()["required"]


# --- reading the subjects: one implementation for every subject -----------------------------------

RS = choose_regelset(2026)


def _kandidaat(*vakken: ExamResult, ss: Schoolsoort = Schoolsoort.HAVO) -> Examenkandidaat:
    return Examenkandidaat(ss, 2026, vakken)


def _read(k: Examenkandidaat) -> Any:
    t = vakcodetabel()
    return uitslag_module._lees(k, RS, t.rollen(k.schoolsoort.value), t)


def test_plain_graded_subjects_are_read_as_named_records() -> None:
    k = _kandidaat(
        ExamResult("1001", se=Decimal("6.4"), ce=Decimal("6.0")),
        ExamResult("1019", se=Decimal("7")),
        ExamResult("0131", se=Decimal("6.3"), ce=Decimal("6.1"), extra=True),
    )
    gelezen = _read(k)
    assert gelezen.problemen == []
    assert gelezen.opmerkingen == []
    assert [(p.vakcode, p.soort, p.eindcijfer, p.ce_tienden, p.extra, p.kernvak) for p in gelezen.vakken] == [
        ("1001", Vaksoort.NEDERLANDS, 6, 60, False, True),
        ("1019", Vaksoort.COMBINATIE, 7, None, False, False),
        ("0131", Vaksoort.ALGEMEEN, 6, 61, True, False),
    ]


def test_special_subjects_are_read_by_the_same_implementation() -> None:
    from duo_domain.vo import Beoordeling, Rol

    k = _kandidaat(
        ExamResult("1001", se=Decimal("6.4"), ce=Decimal("4.0"), ce2=Decimal("6.0")),  # herkansing
        ExamResult("0353", beoordeling=Beoordeling.VOLDOENDE),  # LO
        ExamResult("0301", se=Decimal("8"), combinatiecijfer=True),  # optional component
        ExamResult("1700", se=Decimal("6.0"), ce=Decimal("6.5"), rol=Rol.PROFIELVAK),  # foreign code
        ExamResult("1701", se=Decimal("7")),  # foreign code, no rol
        ExamResult("1002", se=Decimal("6.5")),  # SE with a decimal and no CE: refused
    )
    gelezen = _read(k)
    assert [p.path for p in gelezen.problemen] == ["$.vakken[5].se"]
    assert gelezen.opmerkingen == [NOTE_1700, NOTE_1701]
    assert [
        (p.vakcode, p.soort, p.eindcijfer, p.ce_tienden, p.voldoende, p.combinatie) for p in gelezen.vakken
    ] == [
        ("1001", Vaksoort.NEDERLANDS, 6, 60, None, False),  # (6.4 + 6.0) / 2 = 6.2
        ("0353", Vaksoort.LO, None, None, True, False),
        ("0301", Vaksoort.ANW, 8, None, None, True),
        ("1700", Vaksoort.ALGEMEEN, 6, 65, None, False),  # (6.0 + 6.5) / 2 = 6.25
        ("1701", Vaksoort.ALGEMEEN, 7, None, None, False),
    ]


_TENTHS = st.integers(min_value=10, max_value=100)


@settings(max_examples=150, deadline=None)
@given(se=_TENTHS, ce=st.one_of(st.none(), _TENTHS), extra=st.booleans())
def test_reading_agrees_with_the_decimal_eindcijfer(se: int, ce: int | None, extra: bool) -> None:
    from duo_domain.vo.grades import eindcijfer

    if ce is None:
        se -= se % 10  # an SE without CE is a whole number
    se_d = Decimal(se) / 10
    ce_d = None if ce is None else Decimal(ce) / 10
    gelezen = _read(_kandidaat(ExamResult("0131", se=se_d, ce=ce_d, extra=extra)))
    assert gelezen.problemen == []
    (vak,) = gelezen.vakken
    # eindcijfer half up: first decimal 5 or higher rounds up (art. 3.32 lid 2)
    assert vak.eindcijfer == eindcijfer(se_d, ce_d)
    assert vak.ce_tienden == ce
    assert vak.extra is extra


def test_bepaal_uitslag_uses_a_vendor_table_for_foreign_codes(vo: Any) -> None:
    from duo_domain.codes import Codetabellen, CodeValue, dumps, waardenlijst

    extra = CodeValue("9100", "een vwo-vak", kenmerken={"schoolsoorten": "vwo", "soort": "algemeen"})
    tabel = Codetabellen.loads(dumps(waardenlijst("vakcodes").met(extra)))
    doc = vo.havo_doc()
    doc["vakken"].append(vo.vak("9100", 7))
    from duo_domain.serialize.json import structure_cijferlijst

    r = compute_uitslag(structure_cijferlijst(doc), codes=tabel)
    assert r.opmerkingen == (
        "vakcode 9100 (een vwo-vak) is not a havo subject in the code table; judged as a regular subject",
    )
    with pytest.raises(InvalidDocument):
        vo.judge(doc)  # the shipped table has no row for 9100
