"""The engine of a batch: items in bounded chunks, on this process or a process pool, in input order."""

from __future__ import annotations

import collections
import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from duo_domain.batch._jobs import BatchError, Task, warm_up
from duo_domain.batch._outcome import Located, Outcome
from duo_domain.errors import InvalidValue

__all__ = ["DEFAULT_CHUNK_SIZE", "Job", "run"]

T = TypeVar("T")

#: Items per chunk: large enough that a worker's round trip is small next to the work, small
#: enough that the chunks in flight stay a few megabytes.
DEFAULT_CHUNK_SIZE = 500


class Job(Protocol[T]):
    """What a batch runs: one item or a whole chunk to outcomes. It must pickle to run on workers."""

    def __call__(self, payload: Any, index: int, origin: str | None) -> Outcome[T]: ...

    def run_chunk(self, tasks: Sequence[Task]) -> list[Outcome[T]]: ...


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Task]]:
    """The items in chunks of ``size``, numbered from 0; reads the input only as far as asked."""
    it = iter(items)
    index = 0
    while True:
        chunk: list[Task] = []
        for item in itertools.islice(it, size):
            if isinstance(item, Located):
                chunk.append((index, item.origin, item.payload))
            else:
                chunk.append((index, None, item))
            index += 1
        if not chunk:
            return
        yield chunk


def _run_chunk(job: Job[T], chunk: list[Task]) -> list[Outcome[T]]:
    """Run ``job`` on every item of a chunk, in order (in whichever process holds the chunk)."""
    return job.run_chunk(chunk)


def _context(name: str | None) -> Any:
    """The start method of the workers: forkserver where there is one, else spawn.

    Not fork: forking a process that runs threads (a GUI, a web server, a test runner) can
    deadlock its children.
    """
    if name is None:
        name = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(name)


def _check(workers: int, chunk_size: int) -> None:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InvalidValue(f"must be a whole number of 1 or more, not {workers!r:.20}", field="workers")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise InvalidValue(f"must be a whole number of 1 or more, not {chunk_size!r:.20}", field="chunk_size")


def _serial(
    job: Job[T], chunks: Iterator[list[Task]], on_progress: Callable[[int], object] | None
) -> Iterator[Outcome[T]]:
    done = 0
    for chunk in chunks:
        outcomes = _run_chunk(job, chunk)
        done += len(outcomes)
        if on_progress is not None:
            on_progress(done)
        yield from outcomes


def _pooled(
    job: Job[T],
    chunks: Iterator[list[Task]],
    workers: int,
    on_progress: Callable[[int], object] | None,
    start_method: str | None,
) -> Iterator[Outcome[T]]:
    # At most two chunks per worker are in flight: the input is read only as fast as the
    # workers judge it, and the results come back in input order (the oldest chunk first).
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(start_method), initializer=warm_up)
    pending: collections.deque[tuple[int, Future[list[Outcome[T]]]]] = collections.deque()
    done = 0

    def oldest() -> list[Outcome[T]]:
        nonlocal done
        first, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            message = (
                f"a worker process ended abruptly (killed, or out of memory) in the chunk from item {first}"
            )
            raise BatchError(message, index=first, origin=None) from None
        done += len(outcomes)
        if on_progress is not None:
            on_progress(done)
        return outcomes

    try:
        for chunk in chunks:
            pending.append((chunk[0][0], pool.submit(_run_chunk, job, chunk)))
            if len(pending) >= 2 * workers:
                yield from oldest()
        while pending:
            yield from oldest()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run(
    job: Job[T],
    items: Iterable[Any],
    *,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_progress: Callable[[int], object] | None = None,
    start_method: str | None = None,
) -> Iterator[Outcome[T]]:
    """Run ``job`` on every item; one outcome per item, in input order.

    Raises:
        InvalidValue: for ``workers`` or ``chunk_size`` below 1, or ``items`` that is not an iterable
            (a `ValueError`).
        BatchError: when a readable item makes the library fail.
    """
    _check(workers, chunk_size)
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        # one document given where a list of them belongs: refused before any work
        raise InvalidValue(f"expected a list of items, got {type(items).__name__}", field="items")
    chunks = _chunks(items, chunk_size)
    if workers == 1:
        return _serial(job, chunks, on_progress)
    return _pooled(job, chunks, workers, on_progress, start_method)
