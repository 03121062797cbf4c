"""Transitional law, Uitvoeringsbesluit WVO 2020 art. 10.5 lid 1, 3 and 4, written from the law text.

"Het eindcijfer van het profielvak, behaald in het schooljaar 2020–2021 of 2021–2022, wordt betrokken bij
de berekening van het rekenkundig gemiddelde, bedoeld in artikel 3.35, eerste lid, onderdeel a" (lid 1),
"uitsluitend ... indien na het jaar waarin het eindcijfer is vastgesteld, nog geen 10 jaren zijn
verstreken" (lid 3); the article lapses on 2033-01-01 (lid 4).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from duo_domain.serialize.json import structure_cijferlijst as cijferlijst_from_document
from duo_domain.vo import compute_uitslag
from duo_domain.vo.uitslag import _overgang_profielvak


def _kb(vo: Any, schooljaar: str | None) -> dict[str, Any]:
    doc = vo.vmbo_doc("vmbo-kb", jaar=2025)
    for code in ("0011", "0071", "0153", "0233"):
        vo.set_vak(doc, code, se="7.0", ce="5.2")  # eindcijfer (7.0 + 5.2) / 2 = 6.1 -> 6
    vo.set_vak(doc, "1700", se="8.0", ce="5.0")  # profielvak: cspe 5.0, eindcijfer 6.5 -> 7
    if schooljaar is not None:
        vo.set_vak(doc, "1700", schooljaar_eindcijfer=schooljaar)
    out: dict[str, Any] = doc
    return out


def _judge(doc: dict[str, Any]) -> Any:
    # the cijferlijst reader does not know the new field yet: read without it, then set it on the objects
    jaren = {v["vakcode"]: v.pop("schooljaar_eindcijfer", None) for v in doc["vakken"]}
    k = cijferlijst_from_document(doc)
    vakken = tuple(attrs.evolve(v, schooljaar_eindcijfer=jaren[v.vakcode]) for v in k.vakken)
    return compute_uitslag(attrs.evolve(k, vakken=vakken))


@pytest.mark.parametrize("schooljaar", ["2020-2021", "2021-2022"])
def test_profielvak_eindcijfer_of_those_years_counts_in_the_ce_mean(vo: Any, schooljaar: str) -> None:
    r = _judge(_kb(vo, schooljaar))
    # (4 x 5.2 + 7) / 5 = 5.56: at least 5.5 (art. 3.35 lid 1 a with art. 10.5 lid 1)
    assert r.to_dict()["ce_gemiddelde"] == "5.56"
    assert r.geslaagd, r.redenen


@pytest.mark.parametrize("schooljaar", [None, "2022-2023", "2019-2020"])
def test_otherwise_the_cspe_counts(vo: Any, schooljaar: str | None) -> None:
    r = _judge(_kb(vo, schooljaar))
    # (4 x 5.2 + 5.0) / 5 = 5.16
    assert r.to_dict()["ce_gemiddelde"] == "5.16"
    assert "BRON.EXAMEN.CE_GEMIDDELDE" in [x.regel for x in r.redenen]


def test_ten_years_after_the_year_of_the_eindcijfer_it_no_longer_counts() -> None:
    # lid 3: 2021-2022 gives an eindcijfer determined in 2022; in 2031 nine years have passed, in 2032 ten
    assert _overgang_profielvak("2021-2022", 2031, 7, 50) == 70
    assert _overgang_profielvak("2021-2022", 2032, 7, 50) == 50
    assert _overgang_profielvak("2020-2021", 2030, 7, 50) == 70
    assert _overgang_profielvak("2020-2021", 2031, 7, 50) == 50
