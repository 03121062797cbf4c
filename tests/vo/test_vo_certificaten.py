"""Certificaat (art. 3.50, 3.73), the vmbo-tl diploma of a gl candidate (art. 3.45) and a subject at a
higher level (art. 3.9, 3.37), written from the Uitvoeringsbesluit WVO 2020 (texts 2022-08-01 to 2026-08-01).
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from duo_domain.rules import validate
from duo_domain.serialize import xml
from duo_domain.serialize.json import dumps_cijferlijst, loads_cijferlijst
from duo_domain.vo import (
    Beoordeling,
    Examenkandidaat,
    ExamResult,
    Profielwerkstuk,
    Schoolsoort,
    compute_uitslag,
)
from duo_domain.vo.certificaten import certificaat, tl_diploma
from duo_domain.vo.model import Herkomst

GOED = Beoordeling.GOED


def _ce(code: str, g: int, **kw: object) -> ExamResult:
    return ExamResult(code, se=Decimal(g), ce=Decimal(g), **kw)  # type: ignore[arg-type]


def _se(code: str, g: int, **kw: object) -> ExamResult:
    return ExamResult(code, se=Decimal(g), **kw)  # type: ignore[arg-type]


def tl(ne: int = 6, wis: int = 6, pws: Beoordeling = Beoordeling.VOLDOENDE) -> Examenkandidaat:
    return Examenkandidaat(
        Schoolsoort.VMBO_TL,
        2025,
        (
            _ce("0011", ne),
            _ce("0071", 7),
            _ce("0153", wis),
            _ce("0233", 6),
            _ce("0191", 5),
            _ce("0125", 6),
            _se("0322", 6),
            ExamResult("0353", beoordeling=GOED),
            ExamResult("0416", beoordeling=GOED),
        ),
        profielwerkstuk=Profielwerkstuk(beoordeling=pws, titel="Water"),
    )


# --- art. 3.50: vmbo at a school -----------------------------------------------------------------


def test_vmbo_afgewezen_gets_the_subjects_of_6_and_higher_and_the_theme() -> None:
    k = tl(ne=4)  # Nederlandse taal 4: afgewezen (art. 3.35 lid 1 b)
    assert not compute_uitslag(k).geslaagd
    c = certificaat(k)
    assert c.uitgereikt is True
    assert c.vakken == (("0071", 7), ("0153", 6), ("0233", 6), ("0125", 6), ("0322", 6))  # 6 yes; 5, 4 no
    assert c.profielwerkstuk == "Water"
    assert c.artikel.endswith("art. 3.50")


def test_vmbo_theme_only_when_voldoende_or_goed() -> None:
    c = certificaat(tl(pws=Beoordeling.ONVOLDOENDE))
    assert c.uitgereikt is True
    assert c.profielwerkstuk is None


def test_a_geslaagd_candidate_gets_the_diploma_not_a_certificaat() -> None:
    k = tl()
    assert compute_uitslag(k).geslaagd
    c = certificaat(k)
    assert c.uitgereikt is False
    assert c.vakken == ()


def test_a_vrijstelling_is_not_on_the_certificaat() -> None:
    k = tl(ne=4)
    vakken = [attrs.evolve(v, vrijstelling=True) if v.vakcode == "0071" else v for v in k.vakken]
    assert "0071" not in dict(certificaat(attrs.evolve(k, vakken=vakken)).vakken)


def havo(ne: int) -> Examenkandidaat:
    return Examenkandidaat(
        Schoolsoort.HAVO,
        2025,
        (
            _ce("1001", ne),
            _ce("1002", 6),
            _ce("1024", 6),
            _ce("1021", 6),
            _ce("1022", 7),
            _ce("0131", 5),
            _se("1019", 6),
            _se("1020", 6),
            _se("1038", 6),  # the vrije-deel vak of a complete exam (art. 3.2 lid 1 c)
            ExamResult("0353", beoordeling=GOED),
        ),
        profielwerkstuk=Profielwerkstuk(cijfer=6, titel="Dijken"),
    )


def test_havo_afgewezen_at_a_school_gets_no_certificaat() -> None:
    c = certificaat(havo(ne=3))
    assert c.uitgereikt is False
    assert "art. 3.50" in c.toelichting


# --- art. 3.73: vavo ---------------------------------------------------------------------------


def test_vavo_afgewezen_havo_gets_a_certificaat_with_the_title() -> None:
    c = certificaat(havo(ne=3), vavo=True)
    assert c.uitgereikt is True
    assert "0131" not in dict(c.vakken)
    assert "1001" not in dict(c.vakken)
    assert dict(c.vakken)["1022"] == 7
    assert c.profielwerkstuk == "Dijken"
    assert c.artikel.endswith("art. 3.73")


def test_vavo_deeleindexamen_gets_a_certificaat_whatever_the_uitslag() -> None:
    one = Examenkandidaat(Schoolsoort.HAVO, 2025, (_ce("1022", 8), _ce("0131", 5)))
    c = certificaat(one, vavo=True, deeleindexamen=True)
    assert c.uitgereikt is True
    assert c.vakken == (("1022", 8),)
    assert certificaat(havo(ne=7), vavo=True).uitgereikt is False  # a full exam passed: the diploma


# --- the rule BRON.EXAMEN.CERTIFICAAT ---------------------------------------------------------


def _flag(k: Examenkandidaat, code: str) -> Examenkandidaat:
    return attrs.evolve(
        k, vakken=[attrs.evolve(v, certificaat=True) if v.vakcode == code else v for v in k.vakken]
    )


def test_rule_certificaat_at_the_boundary_6() -> None:
    k = tl(ne=4)
    assert "BRON.EXAMEN.CERTIFICAAT" not in validate(_flag(k, "0233")).rule_ids  # eindcijfer 6
    found = [f for f in validate(_flag(k, "0191")) if f.rule_id == "BRON.EXAMEN.CERTIFICAAT"]  # 5
    assert len(found) == 1
    assert found[0].path.endswith("vakken[4].certificaat")
    assert "BRON.EXAMEN.CERTIFICAAT" in validate(_flag(k, "0353")).rule_ids  # LO: no eindcijfer


# --- art. 3.45: the tl diploma for a gl candidate -------------------------------------------------


def gl(extra: int | None) -> Examenkandidaat:
    extra_vak = () if extra is None else (_ce("0125", extra, extra=True),)
    return Examenkandidaat(
        Schoolsoort.VMBO_GL,
        2025,
        (
            _ce("0011", 6),
            _ce("0071", 7),
            _ce("0153", 6),
            _ce("0233", 6),
            _ce("0191", 6),
            *extra_vak,
            _se("0322", 6),
            ExamResult("0353", beoordeling=GOED),
            ExamResult("0416", beoordeling=GOED),
            _ce("1700", 6),
            _se("1701", 6),
            _se("1702", 6),
        ),
        profielwerkstuk=Profielwerkstuk(beoordeling=GOED),
    )


def test_gl_with_an_extra_algemeen_vak_meeting_3_35_as_tl_can_get_the_tl_diploma() -> None:
    d = tl_diploma(gl(extra=6))
    assert d.mogelijk is True
    assert d.extra_vakken == ("0125",)
    assert d.tl_uitslag is not None
    assert d.tl_uitslag.schoolsoort is Schoolsoort.VMBO_TL


def test_gl_whose_extra_vak_fails_the_tl_uitslag_cannot() -> None:
    k = gl(extra=3)
    assert compute_uitslag(k).geslaagd  # as gl the 3 is left out (art. 3.33 lid 3)
    d = tl_diploma(k)
    assert d.mogelijk is False
    assert "judged as vmbo-tl" in d.redenen[0]
    assert "art. 3.45" in d.redenen[0]


def test_gl_without_an_extra_algemeen_vak_cannot() -> None:
    d = tl_diploma(gl(extra=None))
    assert d.mogelijk is False
    assert "no extra algemeen vak" in d.redenen[0]


# --- art. 3.9 and 3.37: a subject at a higher level -------------------------------------------------


def test_a_havo_subject_in_a_tl_exam_counts_with_its_role() -> None:
    k = tl()
    vakken = [_ce("1002", 7, programma="havo") if v.vakcode == "0071" else v for v in k.vakken]
    hoger = attrs.evolve(k, vakken=vakken)
    r = compute_uitslag(hoger)
    assert r.eindcijfers["1002"] == 7
    assert any("taken at the havo level" in o for o in r.opmerkingen)
    assert not any("not a vmbo-tl subject" in o for o in r.opmerkingen)
    ids = validate(hoger).rule_ids
    assert "BRON.EXAMEN.PROGRAMMA" not in ids
    assert "BRON.EXAMEN.VAKCODE" not in ids


def test_a_havo_nederlands_counts_as_nederlandse_taal_in_vmbo() -> None:
    k = tl(ne=4)
    vakken = [_ce("1001", 6, programma="havo") if v.vakcode == "0011" else v for v in k.vakken]
    r = compute_uitslag(attrs.evolve(k, vakken=vakken))
    assert r.geslaagd  # art. 3.35 lid 1 b is met by the havo Nederlands (6)


def test_rule_programma_not_a_higher_level() -> None:
    k = tl()
    for level in ("vmbo-tl", "vmbo-gl", "vmbo-kb", "mbo"):
        vakken = [attrs.evolve(v, programma=level) if v.vakcode == "0191" else v for v in k.vakken]
        found = [f for f in validate(attrs.evolve(k, vakken=vakken)) if f.rule_id == "BRON.EXAMEN.PROGRAMMA"]
        assert [f.path for f in found] == ["$.vakken[4].programma"], level


def test_rule_programma_vakcode_of_that_level_and_one_subject_of_the_own_level() -> None:
    k = tl()
    wrong = [attrs.evolve(v, programma="havo") if v.vakcode == "0191" else v for v in k.vakken]
    found = [f for f in validate(attrs.evolve(k, vakken=wrong)) if f.rule_id == "BRON.EXAMEN.PROGRAMMA"]
    assert [f.path for f in found] == ["$.vakken[4].vakcode"]  # 0191 is not a havo subject
    all_higher = attrs.evolve(k, vakken=[_ce("1001", 7, programma="havo"), _ce("1002", 7, programma="havo")])
    found = [f for f in validate(all_higher) if f.rule_id == "BRON.EXAMEN.PROGRAMMA"]
    assert [f.path for f in found] == ["$.vakken"]
    assert "art. 3.9" in found[0].message


# --- art. 3.33 lid 4: results of a deelstaatsexamen or vavo exam of the same year --------------------


def test_a_deelstaatsexamen_result_counts_and_is_named() -> None:
    k = tl()
    vakken = [
        attrs.evolve(v, herkomst=Herkomst.DEELSTAATSEXAMEN) if v.vakcode == "0125" else v for v in k.vakken
    ]
    r = compute_uitslag(attrs.evolve(k, vakken=vakken))
    assert r.eindcijfers["0125"] == 6
    assert r.eindcijfers == compute_uitslag(k).eindcijfers
    assert any("art. 3.33 lid 4" in o and "0125 (deelstaatsexamen)" in o for o in r.opmerkingen)
    assert not any("3.33 lid 4" in o for o in compute_uitslag(k).opmerkingen)


def test_cum_laude_and_herkomst_survive_json_and_xml() -> None:
    k = tl()
    vakken = [attrs.evolve(v, herkomst=Herkomst.VAVO) if v.vakcode == "0125" else v for v in k.vakken]
    k = attrs.evolve(k, vakken=vakken, cum_laude=False)
    assert loads_cijferlijst(dumps_cijferlijst(k)) == k
    assert xml.loads(xml.dumps(k)) == k
    assert dumps_cijferlijst(k).count('"herkomst": "vavo"') == 1
