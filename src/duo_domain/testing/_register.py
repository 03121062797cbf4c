"""Registration with hypothesis: ``st.from_type(Student)`` and friends, in any suite that installs duo_domain.

Hypothesis calls `_hypothesis_setup_hook` through the ``hypothesis``
entry point of the package (``[project.entry-points.hypothesis]`` in
``pyproject.toml``) when it is imported. The strategies are registered lazily:
a type's strategy is built the first time it is asked for.

Examples:
    >>> from hypothesis import given, settings, strategies as st
    >>> from duo_domain.identity import Student
    >>> from duo_domain.rules import validate
    >>> _hypothesis_setup_hook()  # done by hypothesis itself when duo_domain is installed
    >>> @settings(max_examples=10)
    ... @given(st.from_type(Student))
    ... def test(student):
    ...     assert validate(student).ok
    >>> test()
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from duo_domain.identity import (
    Bsn,
    BuitenlandsAdres,
    NederlandsAdres,
    Onderwijsnummer,
    OnvolledigeDatum,
    Persoonsgegevens,
    Student,
)
from duo_domain.mbo.bpv import BpvAgreement
from duo_domain.mbo.enrolment import Enrolment, ExtraOndersteuning, Periode
from duo_domain.mbo.record import MboStudentRecord
from duo_domain.mbo.results import (
    AmvbOnderdeel,
    Diploma,
    Exemption,
    GeneriekExamenonderdeel,
    KeuzedeelResultaat,
    LosseResultaten,
)
from duo_domain.vo.model import Examenkandidaat, ExamResult, Profielwerkstuk

__all__ = ["REGISTERED_TYPES", "breakable_rules", "strategy_for"]

_I = "duo_domain.testing.identity"
_M = "duo_domain.testing.mbo"
_V = "duo_domain.testing.vo"

# Where each type's strategy lives: resolved on first use, so that importing
# hypothesis (which runs the entry point) stays cheap.
_SOURCES: Mapping[type, tuple[str, str]] = {
    Bsn: ("duo_domain.testing._register", "bsn_objects"),
    Onderwijsnummer: ("duo_domain.testing._register", "onderwijsnummer_objects"),
    OnvolledigeDatum: (_I, "onvolledige_datums"),
    NederlandsAdres: (_I, "nederlandse_adressen"),
    BuitenlandsAdres: (_I, "buitenlandse_adressen"),
    Persoonsgegevens: (_I, "persoonsgegevens"),
    Student: ("duo_domain.testing._breaking", "students_breaking"),
    Periode: (_M, "perioden"),
    ExtraOndersteuning: (_M, "extra_ondersteuningen"),
    Enrolment: (_M, "enrolments"),
    BpvAgreement: (_M, "bpv_agreements"),
    MboStudentRecord: (_M, "mbo_student_records"),
    Exemption: (_M, "exemptions"),
    GeneriekExamenonderdeel: (_M, "generieke_examenonderdelen"),
    KeuzedeelResultaat: (_M, "keuzedeel_resultaten"),
    AmvbOnderdeel: (_M, "amvb_onderdelen"),
    LosseResultaten: (_M, "losse_resultaten"),
    Diploma: (_M, "diplomas"),
    ExamResult: (_V, "exam_results"),
    Profielwerkstuk: (_V, "profielwerkstukken"),
    Examenkandidaat: (_V, "examenkandidaten"),
}

#: Every domain type with a registered strategy.
REGISTERED_TYPES: tuple[type, ...] = tuple(_SOURCES)


def _maker(kind: type) -> Callable[..., st.SearchStrategy[Any]]:
    try:
        module, name = _SOURCES[kind]
    except KeyError:
        raise KeyError(f"no strategy for {kind.__name__}") from None
    maker: Callable[..., st.SearchStrategy[Any]] = getattr(importlib.import_module(module), name)
    return maker


def bsn_objects() -> st.SearchStrategy[Bsn]:
    """Valid BSNs as [`Bsn`][duo_domain.identity.Bsn] values."""
    from duo_domain.testing.identity import bsns

    return bsns().map(Bsn)


def onderwijsnummer_objects() -> st.SearchStrategy[Onderwijsnummer]:
    """Valid onderwijsnummers as [`Onderwijsnummer`][duo_domain.identity.Onderwijsnummer] values."""
    from duo_domain.testing.identity import onderwijsnummers

    return onderwijsnummers().map(Onderwijsnummer)


def breakable_rules(kind: type) -> frozenset[str]:
    """The rule ids the strategy for ``kind`` can break on purpose (``breaks=``).

    For [`Student`][duo_domain.identity.Student] these are the ``PERSOON.*``
    rules of [`students_breaking`][duo_domain.testing.students_breaking].

    Raises:
        KeyError: for a type without a registered strategy.

    Examples:
        >>> from duo_domain.mbo.bpv import BpvAgreement
        >>> sorted(breakable_rules(BpvAgreement))[:2]
        ['ROD.BPV.CODES', 'ROD.BPV.DATUMS']
    """
    _maker(kind)
    from duo_domain.testing._breaking import PERSOON_BREAKS
    from duo_domain.testing.mbo import MBO_BREAKS
    from duo_domain.testing.vo import VO_BREAKS

    if kind is Student:
        return PERSOON_BREAKS
    return MBO_BREAKS.get(kind) or VO_BREAKS.get(kind) or frozenset()


def strategy_for(kind: type, *, breaks: str | None = None) -> st.SearchStrategy[Any]:
    """The strategy for ``kind``, valid by construction or breaking one rule.

    Raises:
        KeyError: for a type without a registered strategy.
        ValueError: for a rule the strategy cannot break.

    Examples:
        >>> from hypothesis import given, settings
        >>> from duo_domain.identity import Student
        >>> from duo_domain.rules import validate
        >>> @settings(max_examples=5)
        ... @given(strategy_for(Student, breaks="PERSOON.IDENTITEIT.PERSOONSGEGEVENS"))
        ... def test(student):
        ...     assert validate(student).rule_ids == {"PERSOON.IDENTITEIT.PERSOONSGEGEVENS"}
        >>> test()
    """
    make = _maker(kind)
    if breaks is None:
        return make()
    if not breakable_rules(kind):
        raise ValueError(f"the strategy for {kind.__name__} has no rule to break")
    if kind is Student:
        return make(breaks)
    return make(breaks=breaks)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every domain type with ``st.register_type_strategy``."""
    for kind in REGISTERED_TYPES:
        st.register_type_strategy(kind, _lazy(kind))


def _lazy(kind: type) -> Callable[[type], st.SearchStrategy[Any]]:
    def resolve(requested: type) -> st.SearchStrategy[Any]:
        del requested
        return _maker(kind)()

    return resolve
