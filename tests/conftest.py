"""Shared test configuration, and the builders of valid test data.

The ``build`` fixture builds valid MBO objects (tests change one thing with
``attrs.evolve``); the ``vo`` fixture builds VO cijferlijsten with grades as strings.

Hypothesis runs without deadlines (the machines are shared). Under CI
(``CI=true``) it is derandomized, so a run of the same commit always draws the
same examples; locally each run explores new ones.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from duo_domain.identity import Bsn, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma, GeneriekExamenonderdeel
from duo_domain.serialize.json import structure_cijferlijst
from duo_domain.vo import compute_uitslag
from duo_domain.vo.uitslag import UitslagResultaat

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

Doc = dict[str, Any]

# ---------------------------------------------------------------- MBO builders


D = dt.date


_BEGIN = D(2023, 8, 1)


def periode(begin: dt.date = _BEGIN, leertraject: str = "BOL", **kw: object) -> Periode:
    values: dict[str, object] = {
        "opleidingscode": "25655",
        "indicatie_bekostigbaar": True,
        "niveau": "MBO-4",
        "onderwijsaanbieder": "100A501",
        "onderwijslocatie": "101X591",
    }
    values.update(kw)
    return Periode(begin, leertraject=leertraject, **values)  # type: ignore[arg-type]


def enrolment(**kw: object) -> Enrolment:
    values: dict[str, object] = {
        "inschrijvingvolgnummer": "C3",
        "instelling": "25LX",
        "datum_inschrijving": D(2023, 8, 1),
        "datum_uitschrijving_gepland": D(2026, 7, 31),
        "perioden": (periode(),),
    }
    values.update(kw)
    return Enrolment(**values)  # type: ignore[arg-type]


def bpv(**kw: object) -> BpvAgreement:
    values: dict[str, object] = {
        "inschrijvingvolgnummer": "C3",
        "volgnummer": "B1",
        "afsluitdatum": D(2023, 8, 20),
        "datum_begin": D(2023, 9, 1),
        "datum_einde_gepland": D(2024, 6, 30),
        "omvang": 800,
        "leerbedrijf_id": "100018965",
        "opleidingscode": "25655",
    }
    values.update(kw)
    return BpvAgreement(**values)  # type: ignore[arg-type]


def diploma(**kw: object) -> Diploma:
    """A diploma obtained in enrolment C3 (crebo 25655), with Nederlands 3F."""
    values: dict[str, object] = {
        "resultaatvolgnummer": "D1",
        "opleidingscode": "25655",
        "datum_resultaat": D(2026, 7, 10),
        "indicatie_bekostigbaar": True,
        "inschrijvingvolgnummer": "C3",
        "onderwijsaanbieder": "100A501",
        "generieke_examenonderdelen": (
            GeneriekExamenonderdeel(
                "G1", "3005", eindcijfer=Decimal(6), cijfer_ie=Decimal("6.9"), cijfer_ce=Decimal("4.1")
            ),
        ),
    }
    values.update(kw)
    return Diploma(**values)  # type: ignore[arg-type]


def record(**kw: object) -> MboStudentRecord:
    values: dict[str, object] = {
        "student": Student(bsn=Bsn("111222333"), studentnummer="S1"),
        "inschrijvingen": (enrolment(),),
        "bpv_overeenkomsten": (),
    }
    values.update(kw)
    return MboStudentRecord(**values)  # type: ignore[arg-type]


class Builders:
    """The builders above, handed to tests through the ``build`` fixture."""

    periode = staticmethod(periode)
    enrolment = staticmethod(enrolment)
    bpv = staticmethod(bpv)
    diploma = staticmethod(diploma)
    record = staticmethod(record)


@pytest.fixture
def build() -> Builders:
    return Builders()


# ----------------------------------------------------------------- VO builders


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
    # a complete exam (art. 3.1-3.3): a vrije-deel vak, vwo also a second modern language; each an SE-only
    # 6, which changes no CE mean, no count of grades below 6 and no verdict on a mean of at least 6.0
    if ss == "vwo":
        vakken.append(vak("1004", 6))
    vakken.append(vak("1038", 6))
    return {"schoolsoort": ss, "examenjaar": jaar, "vakken": vakken, "profielwerkstuk": {"cijfer": 7}}


def vmbo_doc(ss: str, grades: dict[str, str] | None = None, *, jaar: int = 2026) -> Doc:
    """A vmbo candidate; CE subjects have SE = CE = grade; beroepsgericht part per leerweg."""
    g = {"0011": "7.0", "0071": "7.0", "0153": "7.0", "0233": "7.0"}
    if ss == "vmbo-tl":
        g.update({"0191": "7.0", "0125": "7.0"})
    g.update(grades or {})
    vakken = [vak(c, v, v) for c, v in g.items()]
    vakken.append(vak("0322", 7))
    if ss == "vmbo-gl":
        vakken.append(vak("0352", 6))  # the vrije-deel algemeen vak of art. 3.7 lid 1 c (LO 2, SE only)
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
    return compute_uitslag(structure_cijferlijst(doc))


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
