"""Demo section: MBO diplomas with their generic parts, and a few uitslag explanations.

All data here is synthetic (made-up volgnummers, no persons).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TextIO

__all__ = ["section"]

#: The rule groups this section shows (the diploma and its parts).
RESULT_RULES = ("ROD.DIPLOMA.", "ROD.RESULTAAT.")

#: Synthetic uitslag documents: one per regime, and one that fails.
DOCUMENTS: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "niveau 4, started 2023-08-01: rekenen counts, one 5 allowed",
        {
            "sector": "mbo",
            "niveau": 4,
            "cohort_start": "2023-08-01",
            "studieduur_jaren": 3,
            "datum_uitslag": "2026-07-01",
            "generieke_onderdelen": [
                {"onderdeel": "nederlands", "code": "3005", "ie": "6.9", "ce": "4.1"},
                {"onderdeel": "engels", "code": "3013", "ie": "7.0", "ce": "6.0"},
                {"onderdeel": "rekenen", "code": "3029", "eindcijfer": 5},
            ],
            "loopbaan_en_burgerschap": "voldaan",
            "keuzedelen": [{"code": "K0067", "eindcijfer": 7}, {"code": "K0138", "eindcijfer": 5}],
        },
    ),
    (
        "niveau 4, started 2021-09-01: art. 18c, rekenen only taken",
        {
            "sector": "mbo",
            "niveau": 4,
            "cohort_start": "2021-09-01",
            "studieduur_jaren": 3,
            "datum_uitslag": "2024-07-01",
            "generieke_onderdelen": [
                {"onderdeel": "nederlands", "ie": "5.6", "ce": "5.3"},
                {"onderdeel": "engels", "eindcijfer": 7},
                {"onderdeel": "rekenen", "code": "3006", "eindcijfer": 3},
            ],
        },
    ),
    (
        "niveau 3, started 2021-08-01, finished after studieduur + 2 years",
        {
            "sector": "mbo",
            "niveau": 3,
            "cohort_start": "2021-08-01",
            "studieduur_jaren": 3,
            "datum_uitslag": "2026-09-01",
            "generieke_onderdelen": [
                {"onderdeel": "nederlands", "eindcijfer": 5},
                {"onderdeel": "rekenen", "eindcijfer": 5},
            ],
            "specifieke_onderdelen": [{"beoordeling": "goed"}, {"eindcijfer": 5}],
        },
    ),
)


def _records() -> list[Any]:
    """Two synthetic students, each with an enrolment and the diploma obtained in it.

    The first record is in order; in the second, the enrolment the diploma
    names is for another opleiding (without a crebo hierarchy only a signaal)
    and ends three weeks after the diploma, which the rules on the record report.

    Examples:
        >>> from duo_domain.rules import validate
        >>> good, flawed = _records()
        >>> [f.rule_id for f in validate(good) if f.rule_id.startswith(RESULT_RULES)]
        []
        >>> sorted({f.rule_id for f in validate(flawed)} & {"ROD.DIPLOMA.INSCHRIJVING",
        ...     "ROD.DIPLOMA.UITSCHRIJFDATUM", "ROD.REFERENTIEDATA.NIET_GECONTROLEERD"})
        ['ROD.DIPLOMA.UITSCHRIJFDATUM', 'ROD.REFERENTIEDATA.NIET_GECONTROLEERD']
    """
    from duo_domain.identity import Student
    from duo_domain.mbo.enrolment import Enrolment, Periode
    from duo_domain.mbo.record import MboStudentRecord
    from duo_domain.mbo.results import (
        Diploma,
        Exemption,
        GeneriekExamenonderdeel,
        KeuzedeelResultaat,
        KeuzedeelUitkomst,
        VrijstellingOmvang,
    )

    behaald = KeuzedeelUitkomst.BEHAALD
    datum = dt.date(2025, 7, 10)
    good = Diploma(
        "D100001",
        "25655",
        datum,
        indicatie_bekostigbaar=True,
        inschrijvingvolgnummer="C1",
        onderwijsaanbieder="100A501",
        generieke_examenonderdelen=(
            GeneriekExamenonderdeel("G1", "3005", Decimal(6), Decimal("6.9"), Decimal("4.1")),
            GeneriekExamenonderdeel("G2", "3013", Decimal(7), Decimal("7.0"), Decimal("6.0")),
            GeneriekExamenonderdeel(
                "G3", "3029", Decimal(5), vrijstellingen=(Exemption("MBO", VrijstellingOmvang.GEHEEL),)
            ),
        ),
        keuzedelen=(KeuzedeelResultaat("K1", "K0067", behaald), KeuzedeelResultaat("K2", "K0138", behaald)),
        niveau=4,
        cohort_start=dt.date(2022, 8, 1),
    )
    flawed = Diploma(
        "D100002",
        "25809",
        datum,
        indicatie_bekostigbaar=True,
        inschrijvingvolgnummer="C2",
        onderwijsaanbieder="100A501",
        generieke_examenonderdelen=(
            GeneriekExamenonderdeel(
                "G4", "3001", Decimal(7), Decimal("6.9"), Decimal("4.1"), vrijstellingen=(Exemption("XYZ"),)
            ),
            GeneriekExamenonderdeel("G5", "3002", Decimal(6)),
        ),
        niveau=3,
        cohort_start=dt.date(2023, 8, 1),
    )

    def enrolment(volgnummer: str, begin: dt.date, opleiding: str, einde: dt.date) -> Enrolment:
        return Enrolment(
            inschrijvingvolgnummer=volgnummer,
            instelling="27DV",
            datum_inschrijving=begin,
            datum_uitschrijving_gepland=dt.date(begin.year + 3, 7, 31),
            datum_uitschrijving_werkelijk=einde,
            reden_uitschrijving="08",
            perioden=[
                Periode(begin, opleiding, "BOL", indicatie_bekostigbaar=True, onderwijsaanbieder="100A501")
            ],
        )

    return [
        MboStudentRecord(
            Student(studentnummer="S100001"),
            [enrolment("C1", good.cohort_start or datum, "25655", datum)],
            diplomas=[good],
        ),
        MboStudentRecord(
            Student(studentnummer="S100002"),
            [enrolment("C2", flawed.cohort_start or datum, "25806", dt.date(2025, 7, 31))],
            diplomas=[flawed],
        ),
    ]


def section(out: TextIO) -> None:
    """Print the MBO results part of ``duo-domain demo``."""
    from duo_domain.mbo.uitslag import compute_uitslag, uitslag_from_diploma
    from duo_domain.rules import validate
    from duo_domain.serialize.json import structure_mbo_uitslag

    out.write("MBO diplomas (ROD-OR, synthetic), checked on the student record with its enrolment\n")
    for record in _records():
        [e] = record.inschrijvingen
        opleidingen = ", ".join(p.opleidingscode for p in e.perioden)
        out.write(
            f"  student {record.student.studentnummer}: enrolment {e.inschrijvingvolgnummer} "
            f"(crebo {opleidingen}, {e.datum_inschrijving} to {e.datum_uitschrijving_werkelijk})\n"
        )
        findings = [f for f in validate(record) if f.rule_id.startswith(RESULT_RULES)]
        for d in record.diplomas:
            parts = ", ".join(f"{g.code}={g.eindcijfer}" for g in d.generieke_examenonderdelen)
            out.write(
                f"    diploma {d.resultaatvolgnummer} crebo {d.opleidingscode} niveau {d.niveau}, "
                f"{d.datum_resultaat}: {parts}\n"
            )
            if d.niveau is not None and d.cohort_start is not None:
                u = uitslag_from_diploma(d, niveau=d.niveau, cohort_start=d.cohort_start, studieduur_jaren=3)
                out.write(f"      generic parts against {u.regelset.regelset.value}: {u.uitslag}\n")
        if not findings:
            out.write("    no findings on the diploma\n")
        for f in findings:
            out.write(f"    {f.severity.value:<9} {f.rule_id}: {f.message}\n")
    out.write("\nMBO uitslag explanations (Ekb WEB art. 17 / 18c)\n")
    for title, doc in DOCUMENTS:
        u = compute_uitslag(structure_mbo_uitslag(doc))
        out.write(f"  {title}\n")
        out.write(f"    {u.uitslag} under {u.regelset}\n")
        for r in u.redenen:
            out.write(f"    - {r.toelichting} [{r.artikel}]\n")
