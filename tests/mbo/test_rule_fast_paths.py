"""The rewritten MBO checks find what the checks before them found, on generated and bench data.

The copies below are the checks as they were before their fast paths (one period, a valid code,
no BBL period, a BPV within its enrolment, dates in order, two distinct enrolments); each new
check must give the same violations for every input.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duo_domain.calendar import plus_dagen
from duo_domain.codes import Codetabellen, CodeValue
from duo_domain.mbo import rules as new
from duo_domain.mbo.codes import LEERTRAJECT, NIVEAU, bbl_leertrajecten, lijst
from duo_domain.mbo.enrolment import Enrolment, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.rules import (
    _LEERTRAJECT_FORMAAT,
    _NIVEAU_FORMAAT,
    ONDERWIJSLOCATIE_VERPLICHT_VANAF,
    _gesorteerd,
    _key,
)
from duo_domain.rules import CheckContext, Violation
from duo_domain.serialize.json import loads_mbo
from duo_domain.testing.mbo import MBO_STUDENT_RECORD_BREAKS, mbo_student_records
from tests._shared import bench_module


def _inschrijving_onderwijslocatie(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if e.datum_inschrijving < ONDERWIJSLOCATIE_VERPLICHT_VANAF:
        return ()
    return [
        Violation(
            f"perioden[{i}].onderwijslocatie",
            f"the enrolment starts on {e.datum_inschrijving} (on or after 2019-08-01) "
            "but the period has no onderwijslocatie",
            _key(e),
        )
        for i, periode in enumerate(e.perioden)
        if not periode.onderwijslocatie
    ]


def _periode_aansluitend(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    if not e.perioden:
        return ()
    found: list[Violation] = []
    ordered = _gesorteerd(e)
    i_first, first = ordered[0]
    if first.datum_begin > e.datum_inschrijving:
        found.append(
            Violation(
                f"perioden[{i_first}].datum_begin",
                f"the first period begins on {first.datum_begin}, after "
                f"datum_inschrijving {e.datum_inschrijving}",
                _key(e),
            )
        )
    for (i_prev, prev), (i, cur) in itertools.pairwise(ordered):
        if prev.datum_einde is not None and cur.datum_begin > plus_dagen(prev.datum_einde, 1):
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {cur.datum_begin}; perioden[{i_prev}] ended on {prev.datum_einde}",
                    _key(e),
                )
            )
    i_last, last = ordered[-1]
    if last.datum_einde is not None and last.datum_einde < e.datum_einde:
        found.append(
            Violation(
                f"perioden[{i_last}].datum_einde",
                f"the last period ends on {last.datum_einde}, "
                f"before the enrolment's last day {e.datum_einde}",
                _key(e),
            )
        )
    return found


def _periode_leertraject(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    if not _LEERTRAJECT_FORMAAT(p.leertraject):
        return ()
    value = lijst(ctx.codes, LEERTRAJECT).get(p.leertraject)
    if value is None:
        return (
            Violation(
                "leertraject",
                f"leertraject {p.leertraject!r} is not a code of waardenlijst leertraject",
                values={"waardenlijst": "leertraject", "code": p.leertraject},
            ),
        )
    if not value.geldig_op(p.datum_begin):
        return (
            Violation(
                "leertraject",
                f"leertraject {p.leertraject!r} is not valid on {p.datum_begin} "
                f"(valid {value.geldig_van or '…'} – {value.geldig_tot or '…'})",
                values={
                    "waardenlijst": "leertraject",
                    "code": p.leertraject,
                    "datum": p.datum_begin.isoformat(),
                },
            ),
        )
    return ()


def _periode_niveau(p: Periode, ctx: CheckContext) -> Sequence[Violation]:
    niveau = p.niveau
    if (
        niveau is not None
        and _NIVEAU_FORMAAT(niveau)
        and not lijst(ctx.codes, NIVEAU).is_valid(niveau, op=p.datum_begin)
    ):
        return (
            Violation(
                "niveau",
                f"niveau {niveau!r} is not a code of waardenlijst niveau",
                values={"waardenlijst": "niveau", "code": niveau},
            ),
        )
    return ()


def _bpv_inschrijving(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not r.bpv_overeenkomsten:
        return ()
    found: list[Violation] = []
    by_nummer = {e.inschrijvingvolgnummer: e for e in r.inschrijvingen}
    for i, b in enumerate(r.bpv_overeenkomsten):
        e = by_nummer.get(b.inschrijvingvolgnummer)
        if e is None:
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].inschrijvingvolgnummer",
                    f"no enrolment with inschrijvingvolgnummer {b.inschrijvingvolgnummer!r}",
                    b.volgnummer,
                )
            )
            continue
        if b.datum_begin < e.datum_inschrijving:
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].datum_begin",
                    f"BPV begins on {b.datum_begin}, before the enrolment's "
                    f"datum_inschrijving {e.datum_inschrijving}",
                    b.volgnummer,
                )
            )
        if b.datum_einde > e.datum_einde:
            field = "datum_einde_werkelijk" if b.datum_einde_werkelijk is not None else "datum_einde_gepland"
            found.append(
                Violation(
                    f"bpv_overeenkomsten[{i}].{field}",
                    f"BPV ends on {b.datum_einde}, after the enrolment's last day {e.datum_einde}",
                    b.volgnummer,
                )
            )
    return found


def _bbl_bpv(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if not r.inschrijvingen:
        return ()
    found: list[Violation] = []
    met_bpv = {b.inschrijvingvolgnummer for b in r.bpv_overeenkomsten} if r.bpv_overeenkomsten else ()
    bbl = bbl_leertrajecten(ctx.codes)
    for i, e in enumerate(r.inschrijvingen):
        if e.inschrijvingvolgnummer in met_bpv:
            continue
        for p in e.perioden:  # a loop, not any(): this runs for every record
            if p.leertraject in bbl:
                found.append(
                    Violation(
                        f"inschrijvingen[{i}]",
                        "the enrolment has a BBL period but no BPV agreement",
                        e.inschrijvingvolgnummer,
                    )
                )
                break
    return found


def _inschrijving_datums(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    found: list[Violation] = []
    if e.datum_uitschrijving_gepland < e.datum_inschrijving:
        found.append(
            Violation(
                "datum_uitschrijving_gepland",
                f"datum_uitschrijving_gepland {e.datum_uitschrijving_gepland} is before "
                f"datum_inschrijving {e.datum_inschrijving}",
                _key(e),
            )
        )
    werkelijk = e.datum_uitschrijving_werkelijk
    if werkelijk is not None and werkelijk < e.datum_inschrijving:
        found.append(
            Violation(
                "datum_uitschrijving_werkelijk",
                f"datum_uitschrijving_werkelijk {werkelijk} is before "
                f"datum_inschrijving {e.datum_inschrijving}",
                _key(e),
            )
        )
    return found


def _periode_binnen(e: Enrolment, ctx: CheckContext) -> Sequence[Violation]:
    einde = e.datum_einde
    found: list[Violation] = []
    for i, p in enumerate(e.perioden):
        if p.datum_begin < e.datum_inschrijving:
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {p.datum_begin}, before datum_inschrijving {e.datum_inschrijving}",
                    _key(e),
                )
            )
        elif p.datum_begin > einde:
            found.append(
                Violation(
                    f"perioden[{i}].datum_begin",
                    f"period begins on {p.datum_begin}, after the enrolment's last day {einde}",
                    _key(e),
                )
            )
        if p.datum_einde is not None:
            if p.datum_einde < p.datum_begin:
                found.append(
                    Violation(
                        f"perioden[{i}].datum_einde",
                        f"period ends on {p.datum_einde}, before its datum_begin {p.datum_begin}",
                        _key(e),
                    )
                )
            elif p.datum_einde > einde:
                found.append(
                    Violation(
                        f"perioden[{i}].datum_einde",
                        f"period ends on {p.datum_einde}, after the enrolment's last day {einde}",
                        _key(e),
                    )
                )
    return found


def _inschrijving_uniek(r: MboStudentRecord, ctx: CheckContext) -> Sequence[Violation]:
    if len(r.inschrijvingen) < 2:
        return ()
    found: list[Violation] = []
    seen: dict[tuple[str, str], int] = {}
    for i, e in enumerate(r.inschrijvingen):
        key = (e.instelling, e.inschrijvingvolgnummer)
        if key in seen:
            found.append(
                Violation(
                    f"inschrijvingen[{i}].inschrijvingvolgnummer",
                    f"inschrijvingvolgnummer {e.inschrijvingvolgnummer!r} is "
                    f"used by inschrijvingen[{seen[key]}] too",
                    e.inschrijvingvolgnummer,
                )
            )
        else:
            seen[key] = i
    return found


_Check = Callable[[Any, CheckContext], Sequence[Violation]]
_PAIRS: dict[str, tuple[tuple[_Check, _Check], ...]] = {
    "enrolment": (
        (_inschrijving_onderwijslocatie, new._inschrijving_onderwijslocatie),
        (_periode_aansluitend, new._periode_aansluitend),
        (_inschrijving_datums, new._inschrijving_datums),
        (_periode_binnen, new._periode_binnen),
    ),
    "periode": (
        (_periode_leertraject, new._periode_leertraject),
        (_periode_niveau, new._periode_niveau),
    ),
    "record": (
        (_bpv_inschrijving, new._bpv_inschrijving),
        (_bbl_bpv, new._bbl_bpv),
        (_inschrijving_uniek, new._inschrijving_uniek),
    ),
}

#: A vendor's tables: a leertraject valid only until 2021, a BBL code of its own, a niveau valid from 2022.
_VENDOR = Codetabellen(
    LEERTRAJECT.met(
        CodeValue("BOL_XL", "Nieuw", geldig_tot=dt.date(2021, 7, 31)),
        CodeValue("BBL_XL", "Nieuw BBL", geldig_van=dt.date(2022, 8, 1), kenmerken={"leerweg": "BBL"}),
    ),
    NIVEAU.met(CodeValue("MBO-5", "Nieuw", geldig_van=dt.date(2022, 8, 1))),
)
_CONTEXTS = (CheckContext(), CheckContext(codes=_VENDOR))


def _seen(found: Sequence[Violation]) -> list[tuple[object, ...]]:
    return [(v.path, v.message, v.business_key, dict(v.values)) for v in found]


def _same(record: MboStudentRecord) -> None:
    for ctx in _CONTEXTS:
        for old, fast in _PAIRS["record"]:
            assert _seen(fast(record, ctx)) == _seen(old(record, ctx)), old.__name__
        for e in record.inschrijvingen:
            for old, fast in _PAIRS["enrolment"]:
                assert _seen(fast(e, ctx)) == _seen(old(e, ctx)), old.__name__
            for p in e.perioden:
                for old, fast in _PAIRS["periode"]:
                    assert _seen(fast(p, ctx)) == _seen(old(p, ctx)), old.__name__


@given(
    st.sampled_from([None, *sorted(MBO_STUDENT_RECORD_BREAKS)]).flatmap(
        lambda rule: mbo_student_records(breaks=rule)
    )
)
def test_the_fast_checks_find_what_the_old_ones_found(record: MboStudentRecord) -> None:
    _same(record)


def _periode(**changes: Any) -> Periode:
    base: dict[str, Any] = {
        "datum_begin": dt.date(2022, 8, 1),
        "opleidingscode": "25655",
        "leertraject": "BOL",
        "indicatie_bekostigbaar": True,
        "niveau": "MBO-4",
    }
    return Periode(**{**base, **changes})


@pytest.mark.parametrize(
    "periode",
    [
        _periode(),
        _periode(leertraject="BOL_DT"),  # valid until 2023-07-31
        _periode(leertraject="BOL_DT", datum_begin=dt.date(2023, 7, 31)),
        _periode(leertraject="CBL", datum_begin=dt.date(2016, 12, 9)),
        _periode(leertraject="BOL_XL"),  # the vendor's, no longer valid in 2022
        _periode(leertraject="BOL_XL", datum_begin=dt.date(2021, 7, 31)),
        _periode(leertraject="BBL_XL", datum_begin=dt.date(2022, 7, 31)),
        _periode(leertraject="ODT", datum_begin=dt.date(2018, 12, 31)),  # valid from 2019-01-01 on
        _periode(leertraject="ODT", datum_begin=dt.date(2019, 1, 1)),
        _periode(leertraject="BOL", datum_begin=dt.date(1997, 7, 31)),  # valid from 1997-08-01 on
        _periode(leertraject="XYZ"),
        _periode(leertraject="B\tL"),  # breaks the format: ROD.FORMAAT's
        _periode(niveau="MBO-5"),
        _periode(niveau="MBO-5", datum_begin=dt.date(2021, 8, 1)),
        _periode(niveau="MBO-9"),
        _periode(niveau="MBO-44"),
        _periode(niveau=None),
    ],
)
def test_the_fast_period_checks_on_codes_at_their_edges(periode: Periode) -> None:
    for ctx in _CONTEXTS:
        for old, fast in _PAIRS["periode"]:
            assert _seen(fast(periode, ctx)) == _seen(old(periode, ctx)), old.__name__


def test_the_fast_checks_on_the_bench_data() -> None:
    module = bench_module("bench_mbo_validate")
    for data in module.make_data(1500, seed=5):
        record = loads_mbo(json.dumps(data).encode())
        assert isinstance(record, MboStudentRecord)
        _same(record)
