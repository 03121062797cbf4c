"""Builders of valid MBO objects; tests change one thing with attrs.evolve."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from duo_domain.identity import Bsn, Student
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import Diploma, GeneriekExamenonderdeel

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
