"""Every diploma in DUO's return-file samples passes under its cohort's rule and breaks no result rule.

The samples (``tests/returnfiles/fixtures``, pseudonymised, test data
only) are read with a small reader local to this test: enough of the DIP,
GEO, KZD, ISG and ISP records (PvE MBO-instelling 4.8.2 §15.5 and §17).

Two facts are not in DUO's files and are stood in for here:

* the opleiding's niveau: from the generic parts' codes (Nederlandse taal 3F or
  Engels: 4; rekenen MBO 3: 3; rekenen MBO 2: 2; only Nederlandse taal 2F and
  no rekenen: entree, whose rekenen «voldaan» has no code);
* the nominal studieduur: the enrolment's planned length, rounded up to whole years.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace as Namespace
from typing import Any

import pytest

from duo_domain.mbo.examencodes import Onderdeel, examencodetabel
from duo_domain.mbo.grades import from_duo_tenths
from duo_domain.mbo.result_rules import DiplomaBijInschrijvingen
from duo_domain.mbo.results import (
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    KeuzedeelUitkomst,
    LosseResultaten,
    VrijstellingOmvang,
)
from duo_domain.mbo.uitslag import uitslag_from_diploma
from duo_domain.rules import validate

FIXTURES = Path(__file__).resolve().parents[1] / "returnfiles" / "fixtures"
RO_FILES = ["RO_27DV_20240731_20260324.csv", "RO_21CY_20250730_20250731.csv", "RO_25LX_20250101_20251231.csv"]
GRONDSLAG = "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv"


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    if "-" in text and len(text.split("-", maxsplit=1)[0]) == 4:
        return dt.date.fromisoformat(text)
    if "-" in text:
        day, month, year = (int(x) for x in text.split("-"))
        return dt.date(year, month, day)
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _geo(
    rv: str, code: str, eind: str, vr: tuple[str, str, str], ie: str, ce: str, **los: Any
) -> GeneriekExamenonderdeel:
    omvang = (VrijstellingOmvang.GEHEEL, VrijstellingOmvang.IE, VrijstellingOmvang.CE)
    return GeneriekExamenonderdeel(
        rv,
        code,
        eindcijfer=Decimal(int(eind)) if eind else None,
        cijfer_ie=from_duo_tenths(ie) if ie else None,
        cijfer_ce=from_duo_tenths(ce) if ce else None,
        vrijstellingen=tuple(Exemption(c, o) for c, o in zip(vr, omvang, strict=True) if c),
        **los,
    )


class Sample:
    """The diplomas, loose results and enrolments of one file, per person."""

    def __init__(self) -> None:
        self.dips: dict[tuple[str, str], dict[str, Any]] = {}
        self.geos: dict[tuple[str, str], list[GeneriekExamenonderdeel]] = defaultdict(list)
        self.kzds: dict[tuple[str, str], list[KeuzedeelResultaat]] = defaultdict(list)
        self.losse: list[GeneriekExamenonderdeel] = []
        self.isg: dict[tuple[str, str], Namespace] = {}


def read(name: str) -> Sample:
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    sep = "|" if name.startswith("RO_27DV") else ";"
    grondslag = name.startswith("GRONDSLAG")
    s = Sample()
    for line in text.splitlines():
        f = line.split(sep) + [""] * 20
        kind = f[0]
        person = f[1] or f[2]
        if kind == "ISG":
            s.isg[(person, f[3])] = Namespace(
                inschrijvingvolgnummer=f[3],
                datum_inschrijving=_date(f[4]),
                datum_uitschrijving_gepland=_date(f[5]),
                datum_uitschrijving_werkelijk=_date(f[6]),
                perioden=[],
            )
        elif kind == "ISP":
            opl, aanbieder = (f[6], f[11]) if grondslag else (f[5], f[10])
            s.isg[(person, f[3])].perioden.append(
                Namespace(opleidingscode=opl, onderwijsaanbieder=aanbieder or None)
            )
        elif kind == "DIP":
            if grondslag:
                rv, opl, datum, bek, isg, aanbieder = f[3], f[4], f[5], f[6] == "1", f[7], f[8]
            else:
                rv, opl, datum, bek, isg, aanbieder = f[3], f[4], f[5], f[7] == "J", f[8], f[9]
            s.dips[(person, rv)] = {
                "resultaatvolgnummer": rv,
                "opleidingscode": opl,
                "datum_resultaat": _date(datum),
                "indicatie_bekostigbaar": bek,
                "inschrijvingvolgnummer": isg,
                "onderwijsaanbieder": aanbieder or None,
            }
        elif kind == "GEO":
            if grondslag:
                dip, rv, code, eind, vr = f[3], f[4], f[5], f[6], (f[7], f[9], f[11])
                ie, ce, datum, isg, aanbieder = f[8], f[10], f[12], f[13], f[14]
            else:
                dip, rv, code, datum, eind, vr = f[3], f[5], f[6], f[7], f[8], (f[9], f[11], f[13])
                ie, ce, isg, aanbieder = f[10], f[12], f[14], f[15]
            if dip:
                s.geos[(person, dip)].append(_geo(rv, code, eind, vr, ie, ce))
            else:
                s.losse.append(
                    _geo(
                        rv,
                        code,
                        eind,
                        vr,
                        ie,
                        ce,
                        datum_resultaat=_date(datum),
                        inschrijvingvolgnummer=isg,
                        onderwijsaanbieder=aanbieder or None,
                    )
                )
        elif kind == "KZD":
            dip, rv, code, res = (f[3], f[4], f[5], f[6]) if grondslag else (f[3], f[5], f[6], f[8])
            if dip:
                uitkomst = (
                    KeuzedeelUitkomst.BEHAALD if res.lower() == "behaald" else KeuzedeelUitkomst.NIET_BEHAALD
                )
                s.kzds[(person, dip)].append(KeuzedeelResultaat(rv, code, uitkomst))
    return s


def niveau_from_codes(diploma: Diploma) -> int | None:
    table = examencodetabel()
    rows = [table.get(g.code) for g in diploma.generieke_examenonderdelen]
    codes = {r.code for r in rows if r is not None}
    if not codes:
        return None
    if codes & {"3005", "3003", "3013", "3014", "3015", "3016", "3017", "3018", "3029"}:
        return 4
    if "3028" in codes:
        return 3
    if "3027" in codes:
        return 2
    if not any(r is not None and r.onderdeel is Onderdeel.REKENEN for r in rows):
        return 1
    return 2


def diplomas() -> list[tuple[str, Diploma, list[Namespace]]]:
    out = []
    for name in [*RO_FILES, GRONDSLAG]:
        s = read(name)
        for (person, rv), fields in s.dips.items():
            enrolments = [e for (p, _), e in s.isg.items() if p == person]
            link = s.isg[(person, fields["inschrijvingvolgnummer"])]
            d = Diploma(
                **fields,
                generieke_examenonderdelen=tuple(s.geos[(person, rv)]),
                keuzedelen=tuple(s.kzds[(person, rv)]),
                cohort_start=link.datum_inschrijving,
            )
            d = Diploma(**{**_fields(d), "niveau": niveau_from_codes(d)})
            out.append((f"{name}:{rv}", d, enrolments))
    return out


def _fields(d: Diploma) -> dict[str, Any]:
    return {a.name: getattr(d, a.name) for a in Diploma.__attrs_attrs__}


SAMPLES = diplomas() if FIXTURES.is_dir() else []


def test_the_samples_hold_eight_diplomas() -> None:
    assert len(SAMPLES) == 8  # 27DV: 4, 21CY: 1, 25LX: 1, GRONDSLAG: 2 (one the same as 27DV BSN1)


@pytest.mark.parametrize(("key", "diploma", "enrolments"), SAMPLES, ids=[k for k, _, _ in SAMPLES])
def test_diploma_passes_under_its_cohort_rule(
    key: str, diploma: Diploma, enrolments: list[Namespace]
) -> None:
    if diploma.niveau is None:
        assert not diploma.generieke_examenonderdelen  # nothing the register can show
        return
    link = next(e for e in enrolments if e.inschrijvingvolgnummer == diploma.inschrijvingvolgnummer)
    planned = (link.datum_uitschrijving_gepland - link.datum_inschrijving).days / 365.25
    assert diploma.cohort_start is not None
    result = uitslag_from_diploma(
        diploma,
        niveau=diploma.niveau,
        cohort_start=diploma.cohort_start,
        studieduur_jaren=max(1, math.ceil(planned)),
    )
    assert result.geslaagd, (key, result.redenen)
    expected = "overgangsrecht-18c" if diploma.cohort_start < dt.date(2022, 8, 1) else "ekb-2022"
    assert result.regime.regime.value == expected


@pytest.mark.parametrize(("key", "diploma", "enrolments"), SAMPLES, ids=[k for k, _, _ in SAMPLES])
def test_diploma_breaks_no_result_rule(key: str, diploma: Diploma, enrolments: list[Namespace]) -> None:
    findings = [str(f) for f in validate(DiplomaBijInschrijvingen(diploma, enrolments))]
    assert findings == []


@pytest.mark.parametrize("name", [*RO_FILES, GRONDSLAG])
def test_loose_results_break_no_rule(name: str) -> None:
    losse = LosseResultaten(generieke_examenonderdelen=read(name).losse)
    assert [str(f) for f in validate(losse)] == []


def test_known_sample_grades() -> None:
    by_key = {k: d for k, d, _ in SAMPLES}
    bsn6 = by_key["RO_27DV_20240731_20260324.csv:8277645"]
    assert bsn6.niveau == 3
    nl = next(g for g in bsn6.generieke_examenonderdelen if g.code == "3001")
    assert (nl.cijfer_ie, nl.cijfer_ce, nl.berekende_eindwaardering()) == (
        from_duo_tenths("69"), from_duo_tenths("41"), Decimal(6),
    )  # fmt: skip
