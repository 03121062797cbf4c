"""Test helpers for vendors' own test suites: hypothesis strategies, factories and the pytest plugin.

The strategies need the optional dependency ``hypothesis`` (``pip install
duo-domain[testing]``); the factories and the pytest plugin do not, and every
name here is imported on first use, so ``import duo_domain.testing`` (which
pytest does for the plugin in every suite) works without hypothesis. Nothing
else in the library imports this package.

* [`duo_domain.testing.identity`][duo_domain.testing.identity] — identifiers, addresses, students;
* [`duo_domain.testing.mbo`][duo_domain.testing.mbo] — enrolments, BPV agreements, records, diplomas
  and loose results;
* [`duo_domain.testing.vo`][duo_domain.testing.vo] — VO candidates that pass, fail for a chosen
  reason or break a rule;
* [`duo_domain.testing.factories`][duo_domain.testing.factories] — plain, deterministic fixtures;
* [`duo_domain.testing.pytest_plugin`][duo_domain.testing.pytest_plugin] — fixtures and assertions.

Every strategy of a domain object is valid by construction and takes
``breaks=RULE_ID`` to break that one rule; the strategies are also registered
with hypothesis (``st.from_type(Student)``). The MBO, VO and factory names are
imported on first use like every other name, so importing hypothesis (which
registers the types) stays cheap.

Examples:
    >>> from hypothesis import given
    >>> from duo_domain.identity import crebo
    >>> from duo_domain.testing import crebos
    >>> given(crebos())(lambda code: None if crebo.is_valid(code) else 1 / 0)()
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from duo_domain.testing._breaking import PERSOON_BREAKS, students_breaking
    from duo_domain.testing._register import REGISTERED_TYPES, breakable_rules, strategy_for
    from duo_domain.testing.factories import (
        make_bpv_agreement,
        make_bsn,
        make_enrolment,
        make_examenkandidaat,
        make_mbo_student_record,
        make_onderwijsnummer,
        make_student,
    )
    from duo_domain.testing.identity import (
        brins,
        bsns,
        buitenlandse_adressen,
        crebos,
        elementcodes,
        identifiers,
        invalid_brins,
        invalid_bsns,
        invalid_crebos,
        invalid_elementcodes,
        invalid_identifiers,
        invalid_keuzedelen,
        invalid_leerbedrijven,
        invalid_oins,
        invalid_onderwijsaanbieders,
        invalid_onderwijsbesturen,
        invalid_onderwijslocaties,
        invalid_onderwijsnummers,
        invalid_opleidingseenheden,
        invalid_postcodes,
        invalid_vakcodes,
        invalid_vestigingen,
        keuzedelen,
        leerbedrijven,
        nederlandse_adressen,
        oins,
        onderwijsaanbieders,
        onderwijsbesturen,
        onderwijslocaties,
        onderwijsnummers,
        onvolledige_datums,
        opleidingseenheden,
        persoonsgegevens,
        postcodes,
        students,
        vakcodes,
        vestigingen,
    )
    from duo_domain.testing.mbo import (
        BPV_BREAKS,
        DIPLOMA_BREAKS,
        ENROLMENT_BREAKS,
        EXEMPTION_BREAKS,
        GENERIEK_EXAMENONDERDEEL_BREAKS,
        KEUZEDEEL_BREAKS,
        LOSSE_RESULTATEN_BREAKS,
        MBO_BREAKS,
        MBO_STUDENT_RECORD_BREAKS,
        PERIODE_BREAKS,
        amvb_onderdelen,
        bpv_agreements,
        diplomas,
        enrolments,
        exemptions,
        extra_ondersteuningen,
        generieke_examenonderdelen,
        keuzedeel_resultaten,
        losse_resultaten,
        mbo_student_records,
        perioden,
    )
    from duo_domain.testing.vo import (
        CONDITIONS,
        EXAMENKANDIDAAT_BREAKS,
        VO_BREAKS,
        exam_results,
        examenkandidaten,
        profielwerkstukken,
    )

_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "brins",
            "bsns",
            "buitenlandse_adressen",
            "crebos",
            "elementcodes",
            "identifiers",
            "invalid_brins",
            "invalid_bsns",
            "invalid_crebos",
            "invalid_elementcodes",
            "invalid_identifiers",
            "invalid_keuzedelen",
            "invalid_leerbedrijven",
            "invalid_oins",
            "invalid_onderwijsaanbieders",
            "invalid_onderwijsbesturen",
            "invalid_onderwijslocaties",
            "invalid_onderwijsnummers",
            "invalid_opleidingseenheden",
            "invalid_postcodes",
            "invalid_vakcodes",
            "invalid_vestigingen",
            "keuzedelen",
            "leerbedrijven",
            "nederlandse_adressen",
            "oins",
            "onderwijsaanbieders",
            "onderwijsbesturen",
            "onderwijslocaties",
            "onderwijsnummers",
            "onvolledige_datums",
            "opleidingseenheden",
            "persoonsgegevens",
            "postcodes",
            "students",
            "vakcodes",
            "vestigingen",
        ),
        "duo_domain.testing.identity",
    ),
    **dict.fromkeys(("PERSOON_BREAKS", "students_breaking"), "duo_domain.testing._breaking"),
    **dict.fromkeys(("REGISTERED_TYPES", "breakable_rules", "strategy_for"), "duo_domain.testing._register"),
    **dict.fromkeys(
        (
            "make_bpv_agreement",
            "make_bsn",
            "make_enrolment",
            "make_examenkandidaat",
            "make_mbo_student_record",
            "make_onderwijsnummer",
            "make_student",
        ),
        "duo_domain.testing.factories",
    ),
    **dict.fromkeys(
        (
            "BPV_BREAKS",
            "DIPLOMA_BREAKS",
            "ENROLMENT_BREAKS",
            "EXEMPTION_BREAKS",
            "GENERIEK_EXAMENONDERDEEL_BREAKS",
            "KEUZEDEEL_BREAKS",
            "LOSSE_RESULTATEN_BREAKS",
            "MBO_BREAKS",
            "MBO_STUDENT_RECORD_BREAKS",
            "PERIODE_BREAKS",
            "amvb_onderdelen",
            "bpv_agreements",
            "diplomas",
            "enrolments",
            "exemptions",
            "extra_ondersteuningen",
            "generieke_examenonderdelen",
            "keuzedeel_resultaten",
            "losse_resultaten",
            "mbo_student_records",
            "perioden",
        ),
        "duo_domain.testing.mbo",
    ),
    **dict.fromkeys(
        (
            "CONDITIONS",
            "EXAMENKANDIDAAT_BREAKS",
            "VO_BREAKS",
            "exam_results",
            "examenkandidaten",
            "profielwerkstukken",
        ),
        "duo_domain.testing.vo",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "BPV_BREAKS",
    "CONDITIONS",
    "DIPLOMA_BREAKS",
    "ENROLMENT_BREAKS",
    "EXAMENKANDIDAAT_BREAKS",
    "EXEMPTION_BREAKS",
    "GENERIEK_EXAMENONDERDEEL_BREAKS",
    "KEUZEDEEL_BREAKS",
    "LOSSE_RESULTATEN_BREAKS",
    "MBO_BREAKS",
    "MBO_STUDENT_RECORD_BREAKS",
    "PERIODE_BREAKS",
    "PERSOON_BREAKS",
    "REGISTERED_TYPES",
    "VO_BREAKS",
    "amvb_onderdelen",
    "bpv_agreements",
    "breakable_rules",
    "brins",
    "bsns",
    "buitenlandse_adressen",
    "crebos",
    "diplomas",
    "elementcodes",
    "enrolments",
    "exam_results",
    "examenkandidaten",
    "exemptions",
    "extra_ondersteuningen",
    "generieke_examenonderdelen",
    "identifiers",
    "invalid_brins",
    "invalid_bsns",
    "invalid_crebos",
    "invalid_elementcodes",
    "invalid_identifiers",
    "invalid_keuzedelen",
    "invalid_leerbedrijven",
    "invalid_oins",
    "invalid_onderwijsaanbieders",
    "invalid_onderwijsbesturen",
    "invalid_onderwijslocaties",
    "invalid_onderwijsnummers",
    "invalid_opleidingseenheden",
    "invalid_postcodes",
    "invalid_vakcodes",
    "invalid_vestigingen",
    "keuzedeel_resultaten",
    "keuzedelen",
    "leerbedrijven",
    "losse_resultaten",
    "make_bpv_agreement",
    "make_bsn",
    "make_enrolment",
    "make_examenkandidaat",
    "make_mbo_student_record",
    "make_onderwijsnummer",
    "make_student",
    "mbo_student_records",
    "nederlandse_adressen",
    "oins",
    "onderwijsaanbieders",
    "onderwijsbesturen",
    "onderwijslocaties",
    "onderwijsnummers",
    "onvolledige_datums",
    "opleidingseenheden",
    "perioden",
    "persoonsgegevens",
    "postcodes",
    "profielwerkstukken",
    "strategy_for",
    "students",
    "students_breaking",
    "vakcodes",
    "vestigingen",
]
