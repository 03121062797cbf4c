"""Reconciliation: the institution's own records against what DUO registered.

Reconciling combines a domain package (the own records) with a serializer
(DUO's file), so it sits above both in the layer order (see the
architecture page). Import the submodule you need:
[`duo_domain.reconcile.mbo`][duo_domain.reconcile.mbo] compares MBO student records with DUO's
registratieoverzicht. This package itself holds only the names of what can be
compared, so that a caller (such as the command line) can offer them without
loading the domain and the serializers.

Examples:
    >>> from duo_domain.reconcile import AREAS
    >>> list(AREAS)
    ['inschrijvingen', 'bpv', 'diplomas']
    >>> AREAS["diplomas"]
    ('diploma', 'generiek_examenonderdeel', 'keuzedeel')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["AREAS"]

#: The areas :func:`duo_domain.reconcile.mbo.reconcile` can compare, each with
#: the entities it covers (read-only).
AREAS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "inschrijvingen": ("inschrijving", "periode", "extra_ondersteuning"),
        "bpv": ("bpv",),
        "diplomas": ("diploma", "generiek_examenonderdeel", "keuzedeel"),
    }
)
