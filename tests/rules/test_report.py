from __future__ import annotations

import pytest

from duo_domain.errors import FindingError, FindingsError
from duo_domain.rules import Finding, Report, Severity


def _f(rule: str, severity: Severity, path: str = "$") -> Finding:
    return Finding(rule, severity, path, f"{rule} broken", values={"x": "1"})


FINDINGS = (
    _f("ROD.BPV.OMVANG", Severity.AFKEUR, "$.bpv_overeenkomsten[0].omvang"),
    _f("ROD.BPV.LEERBEDRIJF", Severity.AFKEUR, "$.bpv_overeenkomsten[1]"),
    _f("ROD.INSCHRIJVING.REDEN", Severity.ATTENTIE, "$.inschrijvingen[0]"),
    _f("ROD.BPVX.OTHER", Severity.SIGNAAL, "$.inschrijvingen[10]"),
    _f("ROD.INSCHRIJVING.BEKOSTIGING", Severity.BEKOSTIGING, "$.inschrijvingen[0].perioden[0]"),
)


def test_report_keeps_every_finding_in_order() -> None:
    report = Report(FINDINGS)
    assert list(report) == list(FINDINGS)
    assert len(report) == 5


def test_empty_report_is_ok() -> None:
    assert Report().ok
    assert len(Report()) == 0


def test_ok_only_looks_at_error_level() -> None:
    assert not Report(FINDINGS).ok
    assert Report(FINDINGS).warnings.ok
    assert len(Report(FINDINGS).errors) == 2
    assert len(Report(FINDINGS).warnings) == 3


def test_filter_by_rule_prefix_does_not_match_partial_words() -> None:
    report = Report(FINDINGS)
    assert [f.rule_id for f in report.filter(rule="ROD.BPV")] == ["ROD.BPV.OMVANG", "ROD.BPV.LEERBEDRIJF"]
    assert [f.rule_id for f in report.filter(rule="ROD.BPV.OMVANG")] == ["ROD.BPV.OMVANG"]
    assert report.has("ROD.BPVX")
    assert not report.has("ROD.BP")


def test_filter_by_severity_and_path() -> None:
    report = Report(FINDINGS)
    assert len(report.filter(severity=Severity.AFKEUR)) == 2
    assert len(report.filter(severity=[Severity.SIGNAAL, Severity.BEKOSTIGING])) == 2
    assert len(report.filter(path="$.inschrijvingen[0]")) == 2  # not [10]
    assert len(report.filter(severity=Severity.ATTENTIE, rule="ROD.BPV")) == 0


def test_counts_and_rule_ids() -> None:
    report = Report((*FINDINGS, FINDINGS[0]))
    assert report.counts()["ROD.BPV.OMVANG"] == 2
    assert report.rule_ids == {f.rule_id for f in FINDINGS}


def test_raise_for_errors_raises_every_error_and_only_errors() -> None:
    with pytest.raises(FindingsError) as info:
        Report(FINDINGS).raise_for_errors()
    raised = [e.finding for e in info.value.exceptions if isinstance(e, FindingError)]
    assert raised == [FINDINGS[0], FINDINGS[1]]
    assert all(isinstance(e, FindingError) for e in info.value.exceptions)
    assert str(info.value).startswith("2 error-level findings")


def test_raise_for_errors_is_quiet_without_errors() -> None:
    Report(FINDINGS[2:]).raise_for_errors()


def test_no_finding_is_dropped_when_adding_or_exporting() -> None:
    a, b = Report(FINDINGS[:2]), Report(FINDINGS[2:])
    assert list(a + b) == list(FINDINGS)
    dicts = Report(FINDINGS).to_dicts()
    assert len(dicts) == len(FINDINGS)
    assert dicts[0] == {
        "rule": "ROD.BPV.OMVANG",
        "severity": "afkeur",
        "path": "$.bpv_overeenkomsten[0].omvang",
        "message": "ROD.BPV.OMVANG broken",
        "business_key": None,
        "values": {"x": "1"},
        "source": "",
    }


def test_format_puts_errors_first() -> None:
    lines = Report(tuple(reversed(FINDINGS))).format().splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("AFKEUR ")
    assert lines[-1].startswith("SIGNAAL ")


def test_finding_str_shows_business_key() -> None:
    f = Finding("A.B", Severity.ATTENTIE, "$.x", "m", business_key="INS-1")
    assert str(f) == "ATTENTIE A.B [INS-1]: m @ $.x"
    assert not f.is_error
