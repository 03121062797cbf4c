"""The VO path, JSON text to uitslag, gives for every document of a seeded corpus what it gave before.

``data/uitslag_fixture.json`` was written by the code of the VO path as it was before it was
restructured for speed (issue 16): 700 documents of every schoolsoort (see
``uitslag_corpus.py``), each with every field of its result, or every problem of its error, with the
package check and (every fourth) without. A change to the reading, the package or the slaag-zakregeling
that moves one verdict, note, reason text, eindcijfer or path fails here with the document that shows it.
A change the law asks for rewrites the fixture on purpose:
``python tests/vo/test_vo_uitslag_fixture.py`` (and the diff says what moved).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.vo.uitslag_corpus import documents, outcome

FIXTURE = Path(__file__).parent / "data" / "uitslag_fixture.json"
SEED, COUNT = 20261206, 700

_ENTRIES: list[list[Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_fixture_is_the_corpus() -> None:
    """The fixture holds the documents the corpus draws (it cannot silently cover less)."""
    texts = [json.dumps(doc, separators=(",", ":")) for doc in documents(SEED, COUNT)]
    assert [e[0] for e in _ENTRIES] == texts
    kinds = {e[1].get("error") or (e[1]["schoolsoort"], e[1]["uitslag"]) for e in _ENTRIES}
    for soort in ("havo", "vwo", "vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl"):
        assert {(soort, "geslaagd"), (soort, "afgewezen")} <= kinds
    assert {"InvalidDocument", "UnsupportedPeriod"} <= kinds
    assert sum(1 for e in _ENTRIES if e[1].get("buiten_beschouwing")) >= 12
    assert sum(1 for e in _ENTRIES if e[1].get("opmerkingen")) >= 50


@pytest.mark.parametrize("start", range(0, COUNT, 50))
def test_same_outcome_as_before(start: int) -> None:
    for text, expected, zonder_pakket in _ENTRIES[start : start + 50]:
        got = outcome(text, full=False)
        assert got == expected, text
        if zonder_pakket is not None:
            assert outcome(text, pakket=False, full=False) == zonder_pakket, text


def test_to_dict_agrees_with_the_fields() -> None:
    for text, expected, _ in _ENTRIES[:200]:
        got = outcome(text)
        if "error" in got:
            continue
        d = got["to_dict"]
        assert d["uitslag"] == expected["uitslag"]
        assert [[c, g] for c, g in d["eindcijfers"].items()] == expected["eindcijfers"]
        assert d["redenen"] == [
            dict(zip(("regel", "artikel", "toelichting"), r, strict=True)) for r in expected["redenen"]
        ]
        assert d["regelset"] == expected["regelset"][2]


def _rewrite() -> None:
    lines = []
    for i, doc in enumerate(documents(SEED, COUNT)):
        text = json.dumps(doc, separators=(",", ":"))
        entry = [
            text,
            outcome(text, full=False),
            outcome(text, pakket=False, full=False) if i % 4 == 0 else None,
        ]
        lines.append(json.dumps(entry, separators=(",", ":"), sort_keys=True))
    FIXTURE.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    _rewrite()
