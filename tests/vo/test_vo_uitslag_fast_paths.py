"""The short cuts of the VO path give what the general path gives, on a seeded corpus of every schoolsoort.

The VO path takes three short cuts (issue 16): a generated reader per key order of a subject
and a candidate built without its ``__init__`` (``serialize.json._common_vak``, ``_new_kandidaat``;
general: ``_common_vak_loop``, ``Examenkandidaat(...)``), a plain graded subject read
without the questions of ``_lees_vak`` and the passes over vrijstellingen, programma's and
herkomst skipped when no subject has one (``vo.uitslag._gewoon``), and the subjects art. 3.33
lid 3 may leave out read once per package composition (``_MetPakket.weglaatbaar``; general:
``_heel_zonder`` per subject). Here each is switched off in turn and all at once, and every field of
every result (or every problem of every error) must be the same as with them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from duo_domain.serialize import json as json_reading
from duo_domain.vo import Examenkandidaat
from duo_domain.vo import uitslag as uitslag_module
from tests.vo.uitslag_corpus import documents, outcome

_TEXTS = [json.dumps(doc) for doc in documents(16, 1500)]


def _outcomes() -> list[Any]:
    return [[outcome(text, full=False), outcome(text, pakket=False, full=False)] for text in _TEXTS]


_SHORT_CUTS = ("reader", "plain subjects", "leave-out", "all")


@pytest.fixture(scope="module")
def with_short_cuts() -> list[Any]:
    return _outcomes()


@pytest.mark.parametrize("off", _SHORT_CUTS)
def test_the_general_path_gives_the_same(off: str, with_short_cuts: list[Any], monkeypatch: Any) -> None:
    if off in ("reader", "all"):
        monkeypatch.setattr(json_reading, "_VAK_READERS", {})
        monkeypatch.setattr(json_reading, "_MAX_VAK_SHAPES", 0)
        monkeypatch.setattr(
            json_reading,
            "_new_kandidaat",
            lambda ss, jaar, vakken, given: Examenkandidaat(ss, jaar, vakken, **given),
        )
    if off in ("plain subjects", "all"):
        monkeypatch.setattr(uitslag_module, "_gewoon", lambda v, entry: False)
    if off in ("leave-out", "all"):
        monkeypatch.setattr(uitslag_module._MetPakket, "weglaatbaar", lambda self, vakken, k: None)
    assert _outcomes() == with_short_cuts


def test_the_corpus_takes_every_short_cut(with_short_cuts: list[Any]) -> None:
    """The corpus holds subjects each short cut takes and subjects it leaves to the general path."""
    seen = {"plain": 0, "other": 0, "left out": 0}
    for text, (got, _) in zip(_TEXTS, with_short_cuts, strict=True):
        if "error" in got:
            continue
        for vak in json.loads(text)["vakken"]:
            seen["plain" if set(vak) <= {"vakcode", "se", "ce", "extra"} else "other"] += 1
        seen["left out"] += bool(got["buiten_beschouwing"])
    assert min(seen.values()) >= 20, seen
