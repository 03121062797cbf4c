"""The batch API: same outcomes serial and on a pool, in input order, lazily, with per-item failures."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from duo_domain.batch import (
    ONLEESBAAR,
    BatchError,
    Located,
    Outcome,
    Summary,
    compute_uitslagen,
    read_return_files,
    validate_records,
    warm_up,
)
from duo_domain.errors import InvalidDocument
from duo_domain.rules import RuleRegistry, registry, validate
from duo_domain.serialize.json import loads_cijferlijst as cijferlijst_from_json
from duo_domain.serialize.json import loads_mbo
from duo_domain.vo import compute_uitslag

from ._data import mbo_lines, vo_lines

FIXTURES = Path(__file__).parent.parent / "serialize" / "returnfile" / "fixtures"


def dicts(outcomes: Any) -> list[dict[str, Any]]:
    # to_dict compares every field, the finding's values included (Finding's eq leaves them out).
    return [o.to_dict() for o in outcomes]


@pytest.fixture(scope="module")
def mbo() -> list[str]:
    return mbo_lines(1500, broken=0.02)


@pytest.fixture(scope="module")
def vo() -> list[str]:
    return vo_lines(600, broken=0.02)


# ------------------------------------------------------------ serial == pool, in order


def test_validate_serial_and_pool_are_identical(mbo: list[str]) -> None:
    serial = dicts(validate_records(mbo, chunk_size=100))
    pooled = dicts(validate_records(mbo, workers=2, chunk_size=64))
    assert pooled == serial
    assert [d["index"] for d in serial] == list(range(len(mbo)))
    # the batch is not trivial: findings, and items that cannot be read
    assert sum(len(d["findings"]) for d in serial) > 100
    assert 5 < sum(not d["readable"] for d in serial) < 100


def test_uitslagen_serial_and_pool_are_identical(vo: list[str]) -> None:
    serial = dicts(compute_uitslagen(vo, chunk_size=50))
    pooled = dicts(compute_uitslagen(vo, workers=2, chunk_size=7))
    assert pooled == serial
    tally = Summary().add_all(compute_uitslagen(vo)).to_dict()["uitslagen"]
    assert set(tally) == {"geslaagd", "afgewezen"}


def test_each_outcome_is_what_the_single_record_functions_give(mbo: list[str], vo: list[str]) -> None:
    for line, outcome in zip(mbo, validate_records(mbo, workers=2, chunk_size=97), strict=True):
        try:
            record = loads_mbo(line)
        except InvalidDocument:
            assert not outcome.readable
            continue
        if isinstance(record, list):
            assert not outcome.readable
            continue
        assert outcome.readable
        assert [f.to_dict() for f in outcome.findings] == validate(record).to_dicts()
    for line, outcome in zip(vo, compute_uitslagen(vo, chunk_size=33), strict=True):
        try:
            expected = compute_uitslag(cijferlijst_from_json(line))
        except InvalidDocument:
            assert outcome.result is None
            continue
        assert outcome.result == expected


def test_vo_records_are_validated_against_the_bron_rules(vo: list[str]) -> None:
    outcomes = list(validate_records(vo, workers=2, chunk_size=50))
    assert dicts(outcomes) == dicts(validate_records(vo))
    assert any(f.rule_id == "BRON.EXAMEN.COMPENSATIE" for o in outcomes for f in o.findings)
    assert all(o.findings[0].rule_id == ONLEESBAAR for o in outcomes if not o.readable)


# ------------------------------------------------------------ items that cannot be read


def test_unreadable_items_are_findings_with_index_and_path_and_the_rest_is_judged() -> None:
    good = '{"student": {"bsn": "111222333"}}'
    items = [
        good,
        Located('{"student": {"bsn": 111222333}}', "a.jsonl:2"),
        Located("{", "a.jsonl:3"),
        Located("[]", "a.jsonl:4"),
        good,
    ]
    for workers in (1, 2):
        out = list(validate_records(items, workers=workers, chunk_size=2))
        assert [o.index for o in out] == [0, 1, 2, 3, 4]
        assert [o.readable for o in out] == [True, False, False, False, True]
        assert [o.origin for o in out] == [None, "a.jsonl:2", "a.jsonl:3", "a.jsonl:4", None]
        assert out[0].ok
        assert out[4].ok
        bad = out[1].findings[0]
        assert (bad.rule_id, bad.severity.value, bad.path) == (ONLEESBAAR, "afkeur", "$.student.bsn")
        assert "111222333" not in bad.message
        assert out[2].findings[0].values == {"line": "1"}
        assert [f.path for f in out[3].findings] == ["$"]


@pytest.mark.parametrize(
    "hostile", ["[" * 100_000, '{"student": {"bsn": "111222333"}, "x": 1e99999999999999999999}', "1" * 5000]
)
def test_a_hostile_item_is_unreadable_under_the_reading_limits(hostile: str) -> None:
    (out,) = validate_records([hostile])
    assert not out.readable
    assert [f.rule_id for f in out.findings] == [ONLEESBAAR]


def test_kind_forces_the_document_type() -> None:
    record = '{"student": {"bsn": "111222333"}}'
    (as_vo,) = validate_records([record], kind="vo")
    assert not as_vo.readable
    (as_mbo,) = validate_records([record], kind="mbo")
    assert as_mbo.ok


def test_domain_objects_and_parsed_documents_are_items_too(mbo: list[str]) -> None:
    records = [loads_mbo(line) for line in mbo[:50] if line.startswith("{") and _readable(line)]
    docs = [json.loads(line) for line in mbo[:50] if line.startswith("{") and _readable(line)]
    assert dicts(validate_records(records)) == dicts(validate_records(docs))


def _readable(line: str) -> bool:
    try:
        return not isinstance(loads_mbo(line), list)
    except InvalidDocument:
        return False


def test_a_document_without_an_uitslag_has_no_result_and_says_why() -> None:
    (outcome,) = compute_uitslagen([{"sector": "mbo"}])
    assert outcome.result is None
    assert not outcome.readable
    assert {f.rule_id for f in outcome.findings} == {ONLEESBAAR}


def test_the_catalogue_holds_the_rule_of_unreadable_items() -> None:
    rule = registry.get(ONLEESBAAR)
    assert rule.severity.is_error
    assert rule.source


# ------------------------------------------------------------ laziness, progress, arguments


def _counted(items: list[str], pulled: list[int]) -> Iterator[str]:
    for item in items:
        pulled[0] += 1
        yield item


@pytest.mark.parametrize("workers", [1, 2])
def test_the_input_is_read_in_bounded_chunks(mbo: list[str], workers: int) -> None:
    pulled = [0]
    outcomes = validate_records(_counted(mbo, pulled), workers=workers, chunk_size=50)
    assert pulled[0] == 0  # nothing is read before the first outcome is asked for
    first = next(outcomes)
    assert first.index == 0
    # one chunk in this process; at most two chunks per worker in flight on a pool
    assert pulled[0] <= 50 * (1 if workers == 1 else 2 * workers)
    assert pulled[0] < len(mbo)
    rest = list(outcomes)
    assert pulled[0] == len(mbo) == len(rest) + 1


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_is_reported_after_every_chunk(workers: int) -> None:
    lines = mbo_lines(230)
    seen: list[int] = []
    outcomes = list(validate_records(lines, workers=workers, chunk_size=50, on_progress=seen.append))
    assert seen == [50, 100, 150, 200, 230]
    assert len(outcomes) == 230


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_workers_and_chunk_size_must_be_whole_numbers_of_one_or_more(bad: Any) -> None:
    with pytest.raises(ValueError, match="workers"):
        validate_records([], workers=bad)
    with pytest.raises(ValueError, match="chunk_size"):
        validate_records([], chunk_size=bad)


def test_an_empty_input_gives_no_outcomes() -> None:
    assert list(validate_records([], workers=2)) == []
    assert Summary().add_all([]).to_dict()["items"] == 0


# ------------------------------------------------------------ what crosses a process boundary


def test_every_rule_and_the_registry_pickle() -> None:
    for rule in registry:
        copy = pickle.loads(pickle.dumps(rule))
        assert copy.id == rule.id
        assert copy.check is not None
    assert pickle.loads(pickle.dumps(registry)) is registry  # by reference, not a copy


def test_a_registry_of_ones_own_runs_on_a_pool(vo: list[str]) -> None:
    mine = RuleRegistry()
    for rule in registry:
        if rule.id.startswith("BRON.EXAMEN."):
            mine.add(rule)
    copy = pickle.loads(pickle.dumps(mine))
    assert copy is not mine
    assert len(copy) == len(mine)
    serial = dicts(validate_records(vo, registry=mine, kind="vo"))
    assert dicts(validate_records(vo, registry=mine, kind="vo", workers=2, chunk_size=100)) == serial
    assert {f["rule"] for d in serial for f in d["findings"]} <= {r.id for r in mine} | {ONLEESBAAR}


def test_outcomes_and_errors_pickle(vo: list[str]) -> None:
    outcomes = list(compute_uitslagen(vo[:20]))
    assert dicts(pickle.loads(pickle.dumps(outcomes))) == dicts(outcomes)
    err = pickle.loads(pickle.dumps(BatchError("item 3 failed", index=3, origin="a:4")))
    assert (str(err), err.index, err.origin) == ("item 3 failed", 3, "a:4")


def test_warm_up_loads_the_tables_once_per_process() -> None:
    from duo_domain.codes._bundled import _shipped
    from duo_domain.vo.codes import vakcodetabel

    warm_up()
    before = _shipped.cache_info()
    tabel = vakcodetabel()
    warm_up()
    after = _shipped.cache_info()
    assert vakcodetabel() is tabel
    assert after.misses == before.misses  # the second call read nothing


# ------------------------------------------------------------ return files


def test_return_files_by_path_and_by_content() -> None:
    paths = sorted(FIXTURES.glob("RO_*.csv"))
    assert len(paths) >= 3
    items: list[Any] = [*paths, Located(paths[0].read_bytes(), "bytes"), FIXTURES / "missing.csv"]
    serial = list(read_return_files(items, check_numbers=False))
    pooled = list(read_return_files(items, check_numbers=False, workers=2))
    assert [(o.index, o.origin, o.readable) for o in serial] == [
        (o.index, o.origin, o.readable) for o in pooled
    ]
    assert [o.result for o in serial] == [o.result for o in pooled]
    assert serial[0].origin == str(paths[0])
    assert serial[0].result is not None
    assert len(serial[0].result) > 0
    assert serial[-2].result == serial[0].result
    missing = serial[-1]
    assert not missing.readable
    assert missing.findings[0].rule_id == ONLEESBAAR
    assert "cannot be opened" in missing.findings[0].message


def test_outcome_to_dict_carries_the_uitslag(vo: list[str]) -> None:
    first = next(o for o in compute_uitslagen(vo) if o.result is not None)
    assert first.to_dict()["result"]["uitslag"] in ("geslaagd", "afgewezen")
    assert isinstance(first, Outcome)


# ------------------------------------------------------------ a failure of the library itself


def test_a_record_that_makes_a_rule_fail_stops_the_batch_naming_its_index_only() -> None:
    import attrs

    from duo_domain.mbo.record import MboStudentRecord
    from duo_domain.rules import CheckContext, Severity, Violation

    mine = RuleRegistry()

    @mine.rule(
        "MINE.RECORD.BOOM",
        severity=Severity.SIGNAAL,
        summary="s",
        guidance="g",
        source="test",
        applies_to=MboStudentRecord,
    )
    def _boom(record: MboStudentRecord, ctx: CheckContext) -> tuple[Violation, ...]:
        if record.student.studentnummer == "S7":
            raise RuntimeError("S7 111222333")
        return ()

    lines = mbo_lines(20, broken=0)
    items = [json.loads(line) for line in lines]
    assert all(not attrs.has(type(i)) for i in items)
    with pytest.raises(BatchError) as caught:
        list(validate_records(items, registry=mine, chunk_size=4))
    assert caught.value.index == 7
    assert "111222333" not in str(caught.value)
    assert "RuntimeError" in str(caught.value)


def test_spawned_workers_give_the_same_outcomes(mbo: list[str]) -> None:
    serial = dicts(validate_records(mbo[:300]))
    assert dicts(validate_records(mbo[:300], workers=2, chunk_size=40, start_method="spawn")) == serial


# ------------------------------------------------------------ text items: the typed pass changes nothing


def test_text_items_give_the_outcome_of_their_parsed_documents() -> None:
    """An MBO record given as JSON text may be read in one typed pass (as `loads_mbo` reads it);
    every item of the MBO reading fixture (records, hostile mutations, VO-looking keys, broken text)
    must give the outcome of the usual way: parsing under the limits, then structuring."""
    from duo_domain._sources import BATCH_READING
    from duo_domain.batch import _jobs
    from duo_domain.batch._outcome import unreadable
    from duo_domain.serialize import json as json_mod
    from tests.serialize.test_mbo_read_equivalence import _load, documents

    def usual(payload: str | bytes, kind: Any) -> dict[str, Any]:
        try:
            record = _jobs._record(_jobs._document(payload), kind)
        except ValueError as exc:
            return unreadable(0, None, _jobs._problems_of(exc), source=BATCH_READING).to_dict()
        return Outcome(index=0, origin=None, findings=validate(record).findings).to_dict()

    bases, _ = _load()
    jobs = {kind: _jobs.ValidateJob(kind=kind) for kind in (None, "mbo")}
    reader = json_mod._typed_record()
    assert reader is not None
    typed = 0
    for doc in documents(bases):
        text = doc if isinstance(doc, str) else json.dumps(doc)
        raw = text.encode("utf-8", "surrogatepass")
        for payload in (raw, text):
            for kind, job in jobs.items():
                assert job(payload, 0, None).to_dict() == usual(payload, kind), text[:200]
        typed += reader(raw) is not None
    assert typed > 800  # the typed pass reads the valid records: it is not just passed over
    chunk = [(i, None, json.dumps(doc) if not isinstance(doc, str) else doc) for i, doc in enumerate(bases)]
    one_by_one = [jobs[None](payload, i, origin).to_dict() for i, origin, payload in chunk]
    assert [o.to_dict() for o in jobs[None].run_chunk(chunk)] == one_by_one
