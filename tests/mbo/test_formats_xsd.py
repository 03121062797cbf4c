"""validate() and the library's XSD agree on every field format (issue 14, Done when).

Two directions, over records drawn valid and drawn breaking one rule each (every ``ROD.FORMAAT.*`` rule
and every other rule a record can break):

* a record that ``validate()`` lets through (no afkeur finding) is accepted by the XSD on write;
* a record the XSD refuses on write has an afkeur finding first.

The formats are those of the PvE MBO-instelling 4.8.2, chapter 15 (the RO record layouts).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duo_domain.mbo.formats import FORMAT_RULES
from duo_domain.rules import Severity, validate
from duo_domain.serialize import xml
from duo_domain.testing import mbo

_RECORD_RULES = sorted(mbo.MBO_STUDENT_RECORD_BREAKS)
#: Format rules a record cannot break on its own: drawn on the object itself, written as its own element.
_LOSSE: dict[str, Any] = {
    r.rule_id: s
    for r in FORMAT_RULES
    if r.rule_id not in mbo.MBO_STUDENT_RECORD_BREAKS
    for s in (mbo.diplomas if r.rule_id in mbo.DIPLOMA_BREAKS else mbo.bpv_agreements,)
}


def _objects() -> st.SearchStrategy[Any]:
    record = st.sampled_from([None, *_RECORD_RULES]).flatmap(
        lambda rule: mbo.mbo_student_records(breaks=rule)
    )
    single = st.sampled_from(sorted(_LOSSE)).flatmap(lambda rule: _LOSSE[rule](breaks=rule))
    return st.one_of(record, single)


def _xsd_accepts(obj: Any) -> bool:
    try:
        xml.dumps(obj)
    except ValueError:  # InvalidDocument (the XSD), or text XML cannot carry
        return False
    return True


def test_every_format_rule_is_drawn() -> None:
    assert {r.rule_id for r in FORMAT_RULES} <= set(_RECORD_RULES) | set(_LOSSE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_objects())
def test_validate_and_the_xsd_agree(obj: Any) -> None:
    report = validate(obj)
    afkeur = [f for f in report if f.severity is Severity.AFKEUR]
    accepted = _xsd_accepts(obj)
    if not afkeur:
        assert accepted, f"validate() lets through what the XSD refuses: {report.format()}"
    if not accepted:
        assert afkeur, "the XSD refuses what validate() lets through"


def test_a_lower_case_brin_is_a_finding_and_refused_by_the_xsd() -> None:  # PvE §15.5.1 BRIN, capitals
    import attrs

    from duo_domain.testing import make_mbo_student_record

    record = make_mbo_student_record()
    bad = attrs.evolve(record, inschrijvingen=[attrs.evolve(record.inschrijvingen[0], instelling="25lx")])
    assert validate(bad).rule_ids == {"ROD.FORMAAT.INSCHRIJVING.INSTELLING"}
    assert not _xsd_accepts(bad)
    assert _xsd_accepts(record)
