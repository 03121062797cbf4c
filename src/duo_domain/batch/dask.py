"""The batch jobs on Dask: a ``dask.bag`` of records or files in, a bag of `Outcome` out.

Needs the ``dask`` extra (``pip install "duo-domain[dask]"``: ``dask[bag]`` and
``distributed``). The adapter is thin: each partition of the bag is judged by
the same job as [`validate_records`][duo_domain.batch.validate_records] and its siblings,
so the outcomes are the same as a serial run, in content and in order, with
``index`` the item's position in the whole bag. Nothing here picks a
scheduler: the bag runs wherever Dask runs it (threads, a ``LocalCluster``, a
cluster behind a scheduler address).

Examples:
    >>> import dask.bag as db
    >>> from duo_domain.batch.dask import validate_bag
    >>> bag = db.from_sequence(['{"student": {"bsn": "111222333"}}', "{"], npartitions=2)
    >>> [(o.index, o.readable) for o in validate_bag(bag).compute(scheduler="sync")]
    [(0, True), (1, False)]
"""

from __future__ import annotations

import datetime as dt
import operator
import os
from collections.abc import Iterable, Sequence
from typing import Any

import dask
import dask.bag as db

from duo_domain.batch._engine import Job
from duo_domain.batch._jobs import Kind, ReturnFileJob, UitslagJob, ValidateJob, warm_up
from duo_domain.batch._outcome import Located, Outcome
from duo_domain.codes import Codetabellen
from duo_domain.rules import RuleRegistry

__all__ = ["json_lines", "judge_bag", "return_files_bag", "uitslagen_bag", "validate_bag"]


def _judge_partition(job: Job[Any], items: Iterable[Any], offset: int) -> list[Outcome[Any]]:
    warm_up()  # loads the catalogue and tables the first time in a worker process; free after that
    tasks = [
        (i, item.origin, item.payload) if isinstance(item, Located) else (i, None, item)
        for i, item in enumerate(items, start=offset)
    ]
    return job.run_chunk(tasks)


def judge_bag(bag: db.Bag, job: Job[Any]) -> db.Bag:
    """Run ``job`` on every item of ``bag``; a lazy bag of `Outcome`, in the bag's order.

    The index of an item is its position in the whole bag: each partition counts its items, and
    a partition starts at the sum of the counts before it. A partition is read once.
    """
    parts = [dask.delayed(list)(p) for p in bag.to_delayed()]
    judged = []
    offset: Any = 0
    for part in parts:
        judged.append(dask.delayed(_judge_partition)(job, part, offset))
        offset = dask.delayed(operator.add)(offset, dask.delayed(len)(part))
    return db.from_delayed(judged)


def validate_bag(
    bag: db.Bag,
    *,
    kind: Kind | None = None,
    peildatum: dt.date | None = None,
    registry: RuleRegistry | None = None,
    referentiedata: object | None = None,
    codes: Codetabellen | None = None,
) -> db.Bag:
    """Validate every record of ``bag`` (see [`validate_records`][duo_domain.batch.validate_records])."""
    job = ValidateJob(
        kind=kind, peildatum=peildatum, registry=registry, referentiedata=referentiedata, codes=codes
    )
    return judge_bag(bag, job)


def uitslagen_bag(bag: db.Bag, *, codes: Codetabellen | None = None) -> db.Bag:
    """The uitslag of every document of ``bag`` (see `compute_uitslagen`), with the code tables ``codes``."""
    return judge_bag(bag, UitslagJob(codes=codes))


def return_files_bag(bag: db.Bag, *, kind: str | None = None, check_numbers: bool = True) -> db.Bag:
    """Read every return file of ``bag`` (paths or contents; see `read_return_files`).

    Give paths as `os.PathLike` (``pathlib.Path``); a worker opens them, so they must be
    reachable from every worker (a shared file system).
    """
    return judge_bag(bag, ReturnFileJob(kind=kind, check_numbers=check_numbers))


def _numbered(lines: Iterable[tuple[str, str]]) -> list[Located]:
    """The non-blank lines of one file as `Located` items with origin ``path:line``."""
    out = []
    for number, (line, path) in enumerate(lines, start=1):
        text = line.rstrip("\r\n")
        if text.strip():
            out.append(Located(text, f"{path}:{number}"))
    return out


def json_lines(paths: str | Sequence[str | os.PathLike[str]]) -> db.Bag:
    """A bag of the lines of JSON Lines files, one partition per file, each line with its origin.

    ``paths`` is what `dask.bag.read_text` takes: a list of paths or a glob such as
    ``"data/*.jsonl"``, local or on storage every worker can reach (``s3://...`` with ``s3fs``).
    """
    files = [os.fspath(p) for p in paths] if not isinstance(paths, str) else paths
    lines = db.read_text(files, blocksize=None, include_path=True, encoding="utf-8")
    return lines.map_partitions(_numbered)
