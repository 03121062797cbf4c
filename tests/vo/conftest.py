"""Builders for VO test candidates: grades given as strings, eindcijfers easy to control."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from duo_domain.vo import bepaal_uitslag, cijferlijst_from_document
from duo_domain.vo.uitslag import UitslagResultaat

Doc = dict[str, Any]


def vak(code: str, se: str | int, ce: str | None = None, **extra: Any) -> dict[str, Any]:
    """A subject; ``se``/``ce`` as strings keep the grades exact."""
    out: dict[str, Any] = {"vakcode": code, "se": str(se)}
    if ce is not None:
        out["ce"] = ce
    out.update(extra)
    return out


def havo_doc(grades: dict[str, str] | None = None, *, ss: str = "havo", jaar: int = 2026) -> Doc:
    """A havo/vwo candidate whose CE subjects have SE = CE = the given grade (default 7.0)."""
    g = {"1001": "7.0", "1002": "7.0", "1024": "7.0", "1022": "7.0", "1021": "7.0", "0131": "7.0"}
    g.update(grades or {})
    vakken = [vak(c, v, v) for c, v in g.items()]
    vakken += [vak("1019", 7), vak("1020", 7), {"vakcode": "0353", "beoordeling": "voldoende"}]
    return {"schoolsoort": ss, "examenjaar": jaar, "vakken": vakken, "profielwerkstuk": {"cijfer": 7}}


def vmbo_doc(ss: str, grades: dict[str, str] | None = None, *, jaar: int = 2026) -> Doc:
    """A vmbo candidate; CE subjects have SE = CE = grade; beroepsgericht part per leerweg."""
    g = {"0011": "7.0", "0071": "7.0", "0153": "7.0", "0233": "7.0"}
    if ss == "vmbo-tl":
        g.update({"0191": "7.0", "0125": "7.0"})
    g.update(grades or {})
    vakken = [vak(c, v, v) for c, v in g.items()]
    vakken.append(vak("0322", 7))
    if ss != "vmbo-tl":
        vakken.append(vak("1700", "7.0", "7.0"))
        vakken.extend(vak(kv, 7) for kv in ("1701", "1702", "1703", "1704")[: 2 if ss == "vmbo-gl" else 4])
    vakken += [
        {"vakcode": "0353", "beoordeling": "voldoende"},
        {"vakcode": "0416", "beoordeling": "voldoende"},
    ]
    doc: Doc = {"schoolsoort": ss, "examenjaar": jaar, "vakken": vakken}
    if ss in ("vmbo-gl", "vmbo-tl"):
        doc["profielwerkstuk"] = {"beoordeling": "voldoende"}
    return doc


def set_vak(doc: Doc, code: str, **fields: Any) -> Doc:
    """Replace fields of subject ``code`` (``None`` removes a field)."""
    for v in doc["vakken"]:
        if v["vakcode"] == code:
            for key, value in fields.items():
                if value is None:
                    v.pop(key, None)
                else:
                    v[key] = value
            return doc
    raise KeyError(code)


def judge(doc: Doc) -> UitslagResultaat:
    return bepaal_uitslag(cijferlijst_from_document(doc))


def regels(result: UitslagResultaat) -> list[str]:
    return [r.regel for r in result.redenen]


@pytest.fixture
def vo() -> SimpleNamespace:
    """The builders, for tests (``vo.havo_doc(...)``)."""
    return SimpleNamespace(
        vak=vak,
        havo_doc=havo_doc,
        vmbo_doc=vmbo_doc,
        set_vak=set_vak,
        judge=judge,
        regels=regels,
        Decimal=Decimal,
    )
