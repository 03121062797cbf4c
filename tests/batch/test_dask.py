"""The Dask adapter on a small LocalCluster of two worker processes: the same outcomes as a serial run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from duo_domain.batch import (  # noqa: E402 - after the skip when dask is absent
    compute_uitslagen,
    read_return_files,
    validate_records,
)
from duo_domain.batch.dask import (  # noqa: E402
    json_lines,
    return_files_bag,
    uitslagen_bag,
    validate_bag,
)

from ._data import mbo_lines, vo_lines  # noqa: E402

FIXTURES = Path(__file__).parent.parent / "serialize" / "returnfile" / "fixtures"


def dicts(outcomes: Any) -> list[dict[str, Any]]:
    return [o.to_dict() for o in outcomes]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Two worker processes, so that every job, record and outcome crosses a process boundary.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_validate_on_the_cluster_equals_serial(client: Any) -> None:
    lines = mbo_lines(3000, broken=0.01)
    serial = dicts(validate_records(lines))
    got = dicts(validate_bag(db.from_sequence(lines, npartitions=7)).compute())
    assert got == serial
    assert [d["index"] for d in got] == list(range(3000))
    assert any(not d["readable"] for d in got)


def test_uitslagen_on_the_cluster_equal_serial(client: Any) -> None:
    lines = vo_lines(1000, broken=0.01)
    serial = list(compute_uitslagen(lines))
    got = uitslagen_bag(db.from_sequence(lines, npartitions=5)).compute()
    assert dicts(got) == dicts(serial)
    assert [o.result for o in got] == [o.result for o in serial]


def test_json_lines_files_keep_their_origin_and_the_global_index(client: Any, tmp_path: Path) -> None:
    lines = mbo_lines(900, broken=0.02)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("\n".join(lines[:400]) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines[400:]) + "\n", encoding="utf-8")
    got = dicts(validate_bag(json_lines([a, b])).compute())
    serial = dicts(validate_records(lines))
    assert [d["findings"] for d in got] == [d["findings"] for d in serial]
    assert [d["index"] for d in got] == list(range(900))
    assert got[0]["origin"] == f"{a}:1"
    assert got[400]["origin"] == f"{b}:1"


def test_return_files_on_the_cluster(client: Any) -> None:
    paths = sorted(FIXTURES.glob("RO_*.csv"))
    got = return_files_bag(db.from_sequence(paths, npartitions=2), check_numbers=False).compute()
    serial = list(read_return_files(paths, check_numbers=False))
    assert [(o.index, o.origin, o.result) for o in got] == [(o.index, o.origin, o.result) for o in serial]
