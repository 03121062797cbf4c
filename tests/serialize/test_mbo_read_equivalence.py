"""Reading an MBO record gives what it gave before the reading was made faster: objects and errors.

``fixtures/mbo_read_outcomes.json.gz.b64`` holds base documents (records drawn from
``duo_domain.testing.mbo_student_records`` and the benchmark's records) and, for every document
made from them here (the bases, batches of them, and seeded hostile mutations: wrong types,
nulls, missing and unknown keys, deep nesting, huge numbers, text damage), the outcome that
``loads_mbo`` gave on the main branch before the change: a digest of the objects built (every
type and value, the personal numbers unmasked) or the error class with every problem line
(masked). Each document must still give that outcome.

Regenerate (only when a change of outcome is intended):
``python tests/serialize/test_mbo_read_equivalence.py``.
"""

from __future__ import annotations

import base64
import copy
import gzip
import hashlib
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from duo_domain.errors import InvalidDocument
from duo_domain.serialize.json import loads_mbo
from tests._shared import bench_module, json_paths

FIXTURE = Path(__file__).parent / "fixtures" / "mbo_read_outcomes.json.gz.b64"
_HOSTILE: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    7,
    -1,
    10**39,
    10**45,
    -(10**60),
    1.5,
    "1e400",
    "",
    "x",
    "2024-08-01",
    "2024-02-30",
    "2024-8-1",
    "111222333",
    "101222331",
    "1112.22.333",
    "9" * 45,
    [],
    [{}],
    [None],
    [1, 2],
    {},
    {"a": 1},
    json.loads("[" * 34 + "1" + "]" * 34),
)
_TEXT_DAMAGE: tuple[tuple[str, str], ...] = (
    ('"', ""),
    ("}", "]"),
    (":", ","),
    (", ", ", , "),
    ('"2', '"\\ud800 2'),
    ('"S', '"\\u0053'),
    ("true", "True"),
    ("true", "NaN"),
    ("1", "1" * 45),
    ("1", "1.5e999"),
    ("0", "0.0000000000000000000000000000000000000000001"),
    ("{", "\ufeff{"),
    ("{", "[" * 40 + "{"),
    ('"', '"\x01'),
)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data = copy.deepcopy(data)
    _get(data, path[:-1])[path[-1]] = value
    return data


def _mutations(base: Any, rng: random.Random) -> list[Any]:
    """Hostile variants of one base document (plain data or text)."""
    out: list[Any] = []
    paths = json_paths(base)
    out += [_set(base, rng.choice(paths), rng.choice(_HOSTILE)) for _ in range(12)]
    objects = [p for p in paths if isinstance(_get(base, p), dict)]
    for _ in range(4):
        path = rng.choice(objects)
        target = _get(base, path)
        out.append(_set(base, path, {**target, rng.choice(("onbekend", "Student", "bsn", "sector")): 1}))
        if target:
            key = rng.choice(sorted(target))
            out.append(_set(base, path, {k: v for k, v in target.items() if k != key}))
    lists = [p for p in paths if isinstance(_get(base, p), list) and _get(base, p)]
    for path in rng.sample(lists, min(3, len(lists))):
        items = _get(base, path)
        out.append(_set(base, path, [*items, items[0]]))
        out.append(_set(base, path, items[0]))
        out.append(_set(base, path, {"0": items[0]}))
    text = json.dumps(base)
    for old, new in rng.sample(_TEXT_DAMAGE, 5):
        where = [i for i in range(len(text)) if text.startswith(old, i)]
        if where:
            i = rng.choice(where)
            out.append(text[:i] + new + text[i + len(old) :])
    return out


def _canon(obj: Any) -> Any:
    """Every type and value of what was read (personal numbers unmasked), for a digest."""
    if attrs.has(type(obj)):
        return [
            type(obj).__qualname__,
            [[a.name, _canon(getattr(obj, a.name))] for a in attrs.fields(type(obj))],
        ]
    if isinstance(obj, (list, tuple)):
        return [type(obj).__name__, [_canon(x) for x in obj]]
    if isinstance(obj, Decimal):
        return ["Decimal", str(obj)]
    return [type(obj).__name__, repr(obj)]


def outcome(document: Any) -> str:
    """What ``loads_mbo`` makes of a document: a digest of the objects, or the error and its problems."""
    raw = document if isinstance(document, str) else json.dumps(document)
    try:
        read = loads_mbo(raw.encode("utf-8", "surrogatepass"))
    except InvalidDocument as exc:
        return f"{type(exc).__name__}: " + " | ".join(exc.lines())
    except Exception as exc:  # any other class is recorded as it is, to be compared
        return f"{type(exc).__name__}: {exc}"
    digest = hashlib.sha256(json.dumps(_canon(read)).encode("utf-8", "surrogatepass")).hexdigest()
    return "ok " + digest[:20]


def documents(bases: list[Any]) -> list[Any]:
    """Every document of the check: the bases, batches of them, and their seeded mutations."""
    rng = random.Random(16)
    docs: list[Any] = list(bases)
    docs += [bases[i : i + 7] for i in range(0, len(bases), 7)]
    docs.append(bases)
    for base in bases:
        docs += _mutations(base, rng)
    for i in range(0, len(bases) - 7, 7):
        batch = bases[i : i + 7]
        docs += [m for m in _mutations(batch, rng) if not isinstance(m, str) or len(m) < 20_000][:8]
    docs += [[], {}, "[]", "{}", "null", "7", '"x"', "[" * 33 + "]" * 33, "[" * 32 + "]" * 32, ""]
    return docs


def _load() -> tuple[list[Any], list[str]]:
    fixture = json.loads(gzip.decompress(base64.b64decode(FIXTURE.read_bytes())))
    return fixture["bases"], fixture["outcomes"]


def test_every_document_is_read_as_before() -> None:
    bases, expected = _load()
    docs = documents(bases)
    assert len(docs) == len(expected)
    changed = [(i, outcome(doc), want) for i, (doc, want) in enumerate(zip(docs, expected, strict=True))]
    changed = [c for c in changed if c[1] != c[2]]
    assert not changed, changed[:5]


def _bases() -> list[Any]:  # pragma: no cover - run by hand to write the fixture
    from hypothesis import HealthCheck, given, settings

    from duo_domain.serialize.json import unstructure_mbo
    from duo_domain.testing import mbo_student_records

    drawn: list[Any] = []

    @settings(
        max_examples=60,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(mbo_student_records())
    def draw(record: Any) -> None:
        drawn.append(unstructure_mbo(record))

    draw()
    bench: Any = bench_module("bench_mbo_validate")
    made: list[Any] = bench.make_data(60, seed=16)
    return drawn[-40:] + made


if __name__ == "__main__":  # pragma: no cover
    bases = _bases()
    outcomes = [outcome(doc) for doc in documents(bases)]
    payload = json.dumps({"bases": bases, "outcomes": outcomes}).encode()
    FIXTURE.write_bytes(base64.b64encode(gzip.compress(payload, 9, mtime=0)))
    read = sum(o.startswith("ok") for o in outcomes)
    print(f"{len(outcomes)} outcomes; {read} read")  # noqa: T201 - a script run by hand
