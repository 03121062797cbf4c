"""Rule sets by examenjaar (Uitvoeringsbesluit WVO 2020 text versions)."""

from __future__ import annotations

from typing import Any

import pytest

from duo_domain.codes import Codetabellen, CodeValue, dumps, waardenlijst
from duo_domain.errors import UnsupportedPeriod
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import choose_regelset, compute_uitslag


@pytest.mark.parametrize(
    ("jaar", "tekst"),
    [
        (2023, "2022-08-01"),
        (2024, "2022-08-01"),
        (2025, "2024-08-01"),
        (2026, "2024-08-01"),
        (2027, "2026-08-01"),
    ],
)
def test_selection(jaar: int, tekst: str) -> None:
    assert choose_regelset(jaar).wettekst == f"BWBR0045787/{tekst}"


@pytest.mark.parametrize("jaar", [2022, 2028, 1999])
def test_year_without_rules_is_refused(vo: Any, jaar: int) -> None:
    with pytest.raises(UnsupportedPeriod, match=str(jaar)):
        vo.judge(vo.havo_doc(jaar=jaar))


def _table_with(extra_row: str) -> Any:
    """The shipped vakcodetabel plus a row ``vakcode;schoolsoorten;soort;omschrijving``, via a file."""
    code, schoolsoorten, soort, omschrijving = extra_row.split(";")
    extra = CodeValue(code, omschrijving, kenmerken={"schoolsoorten": schoolsoorten, "soort": soort})
    return Codetabellen.loads(dumps(waardenlijst("vakcodes").met(extra)))


def test_praktijkgericht_havo_component_from_examenjaar_2027(vo: Any) -> None:
    tabel = _table_with("9901;havo;praktijkgericht_havo;praktijkgericht vak technologie")
    for jaar, allowed in ((2026, False), (2027, True)):
        doc = vo.havo_doc(jaar=jaar)
        doc["vakken"].append(vo.vak("9901", 4, combinatiecijfer=True))
        kandidaat = structure_cijferlijst(doc)
        if allowed:
            r = compute_uitslag(kandidaat, codes=tabel)
            assert r.combinatiecijfer == 6  # (7 + 7 + 7 + 4) / 4
        else:
            with pytest.raises(ValueError, match=r"art\. 3\.34 lid 2"):
                compute_uitslag(kandidaat, codes=tabel)


def test_praktijkgericht_vmbo_vak_from_examenjaar_2025(vo: Any) -> None:
    tabel = _table_with("9902;vmbo-gl;praktijkgericht_vmbo;praktijkgericht vak")
    for jaar, allowed in ((2024, False), (2025, True)):
        doc = vo.vmbo_doc("vmbo-gl", jaar=jaar)
        doc["vakken"] = [v for v in doc["vakken"] if v["vakcode"] != "1700"]
        doc["vakken"].append(vo.vak("9902", "6.0", "6.0"))
        kandidaat = structure_cijferlijst(doc)
        if allowed:
            r = compute_uitslag(kandidaat, codes=tabel)
            assert r.combinatiecijfer == 7  # (6 + 6 + 7 + 7) / 4 = 6.5
        else:
            with pytest.raises(ValueError, match=r"3\.7 lid 1a"):
                compute_uitslag(kandidaat, codes=tabel)


def test_same_grades_same_uitslag_across_supported_years(vo: Any) -> None:
    for jaar in range(2023, 2028):
        assert vo.judge(vo.havo_doc({"1022": "4.0"}, jaar=jaar)).geslaagd
