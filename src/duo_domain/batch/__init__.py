"""Batches: validate records, compute uitslagen and read return files by the hundred thousand.

Every function takes an iterable (a list, a generator, lines of files) and
gives an iterator of [`Outcome`][duo_domain.batch.Outcome], one per item and in input order. The
input is read in chunks of ``chunk_size`` items and only as fast as it is
judged, so a national year never has to be in memory at once. With
``workers=N`` the chunks are judged on N processes; the outcomes are the same,
in content and order, as with one. An item that cannot be read becomes an
outcome with ``BATCH.RECORD.ONLEESBAAR`` findings and its index, and the
others are still judged. ``on_progress`` is called in the calling process
with the number of items done so far, after every chunk.

An item is a domain object, a parsed JSON document, or the JSON text of one
document (``str`` or ``bytes``, e.g. a line of a JSON Lines file, parsed on the
worker); wrap it in [`Located`][duo_domain.batch.Located] to give it an origin such as
``"school-a.jsonl:12"``. The batch layer opens files only when it is handed
their paths ([`read_return_files`][duo_domain.batch.read_return_files]); the layers below it do no I/O.

Examples:
    >>> from duo_domain.batch import validate_records
    >>> lines = [
    ...     '{"student": {"bsn": "111222333"}}',
    ...     '{"student": {"bsn": 111222333}}',
    ... ]
    >>> for outcome in validate_records(lines, chunk_size=1):
    ...     print(outcome.index, outcome.ok, [f"{f.rule_id} @ {f.path}" for f in outcome.findings])
    0 True []
    1 False ['BATCH.RECORD.ONLEESBAAR @ $.student.bsn']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from duo_domain.batch._engine import DEFAULT_CHUNK_SIZE, run
from duo_domain.batch._jobs import BatchError, Kind, ReturnFileJob, UitslagJob, ValidateJob, warm_up
from duo_domain.batch._outcome import ONLEESBAAR, Located, Outcome
from duo_domain.batch._summary import Summary
from duo_domain.codes import Codetabellen
from duo_domain.rules import RuleRegistry

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ONLEESBAAR",
    "BatchError",
    "Kind",
    "Located",
    "Outcome",
    "ReturnFileJob",
    "Summary",
    "UitslagJob",
    "ValidateJob",
    "compute_uitslagen",
    "read_return_files",
    "validate_records",
    "warm_up",
]

Progress = Callable[[int], object]


def validate_records(
    records: Iterable[Any],
    *,
    kind: Kind | None = None,
    peildatum: dt.date | None = None,
    registry: RuleRegistry | None = None,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_progress: Progress | None = None,
    start_method: str | None = None,
    referentiedata: object | None = None,
    codes: Codetabellen | None = None,
) -> Iterator[Outcome[None]]:
    """Validate every record against the rule catalogue (see `duo_domain.rules.validate`).

    Args:
        records: MBO student records or VO cijferlijsten: objects, parsed documents or JSON texts,
            bare or wrapped in [`Located`][duo_domain.batch.Located].
        kind: ``"mbo"`` or ``"vo"`` for every item; by default told apart per item
            (see [`ValidateJob`][duo_domain.batch.ValidateJob]).
        peildatum: Apply only the rules in force on this date.
        registry: A catalogue of your own; it must pickle when ``workers`` is above 1.
        workers: The number of processes; 1 judges in this process.
        referentiedata: Reference data for the rules that need it (for MBO a
            [`Referentiedata`][duo_domain.mbo.reference.Referentiedata]), given to every record.
        codes: A vendor's newer code tables ([`Codetabellen`][duo_domain.codes.Codetabellen]),
            given to every record; the shipped tables for ``None``.
        chunk_size: Items per chunk sent to a worker.
        on_progress: Called with the number of items done so far, after every chunk.
        start_method: How worker processes start (``"forkserver"``, ``"spawn"``); by default
            forkserver where the platform has it, else spawn; never ``"fork"`` unless asked.

    Returns:
        One [`Outcome`][duo_domain.batch.Outcome] per record, in input order; its findings have paths relative
        to the record.

    Raises:
        ValueError: for ``workers`` or ``chunk_size`` below 1.
        BatchError: when a readable record makes the library fail (a bug, never bad input).
    """
    job = ValidateJob(
        kind=kind, peildatum=peildatum, registry=registry, referentiedata=referentiedata, codes=codes
    )
    return run(
        job,
        records,
        workers=workers,
        chunk_size=chunk_size,
        on_progress=on_progress,
        start_method=start_method,
    )


def compute_uitslagen(
    documents: Iterable[Any],
    *,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_progress: Progress | None = None,
    start_method: str | None = None,
    codes: Codetabellen | None = None,
) -> Iterator[Outcome[Any]]:
    """The uitslag of every document: MBO uitslag documents (``"sector": "mbo"``) and VO cijferlijsten.

    Each outcome's ``result`` is an [`UitslagResultaat`][duo_domain.mbo.uitslag.UitslagResultaat] or a
    [`UitslagResultaat`][duo_domain.vo.uitslag.UitslagResultaat]; a document that cannot be judged gives an
    outcome without result and with its problems as ``BATCH.RECORD.ONLEESBAAR`` findings.
    The arguments are those of [`validate_records`][duo_domain.batch.validate_records]; ``codes``
    holds the code tables every uitslag and document reader reads.

    Examples:
        >>> from duo_domain.batch import compute_uitslagen
        >>> doc = {"schoolsoort": "havo", "examenjaar": 2026, "vakken": [], "profielwerkstuk": {"cijfer": 7}}
        >>> [o.readable for o in compute_uitslagen([doc])]
        [False]

    Raises:
        ValueError: for ``workers`` or ``chunk_size`` below 1.
        BatchError: when a readable document makes the library fail.
    """
    return run(
        UitslagJob(codes=codes),
        documents,
        workers=workers,
        chunk_size=chunk_size,
        on_progress=on_progress,
        start_method=start_method,
    )


def read_return_files(
    files: Iterable[Any],
    *,
    kind: str | None = None,
    check_numbers: bool = True,
    workers: int = 1,
    on_progress: Progress | None = None,
    start_method: str | None = None,
) -> Iterator[Outcome[Any]]:
    """Read DUO return files, one per item: a path (`os.PathLike`) or the file's text or bytes.

    Each file is one task (chunks of one file), opened and read line by line by the process that
    reads it; its outcome's ``result`` is the [`ReturnFile`][duo_domain.serialize.returnfile.ReturnFile].
    ``kind`` and ``check_numbers`` are those of [`read`][duo_domain.serialize.returnfile.read]; the
    other arguments those of [`validate_records`][duo_domain.batch.validate_records].

    Raises:
        ValueError: for ``workers`` below 1.
    """
    job = ReturnFileJob(kind=kind, check_numbers=check_numbers)
    return run(job, files, workers=workers, chunk_size=1, on_progress=on_progress, start_method=start_method)
