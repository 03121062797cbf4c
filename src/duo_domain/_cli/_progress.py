"""Progress on stderr for long runs of the command line.

The bar comes from tqdm (the ``cli`` extra) and shows only when stderr is a
terminal; in a pipe, a log or a test, and without tqdm, nothing is written and
the items pass through unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

__all__ = ["progress", "progress_lines"]

T = TypeVar("T")


def progress(
    items: Iterable[T],
    *,
    total: int | None = None,
    desc: str = "",
    unit: str = "record",
    stream: IO[str] | None = None,
) -> Iterator[T]:
    """Yield ``items`` unchanged, with a progress bar on ``stream`` (stderr) when it is a terminal.

    Args:
        items: What to pass through.
        total: The number of items, when known (for a percentage and an estimate).
        desc: A short label shown before the bar.
        unit: The name of one item.
        stream: Where the bar goes; stderr by default.

    Examples:
        >>> import io
        >>> list(progress([1, 2, 3], stream=io.StringIO()))  # not a terminal: silent
        [1, 2, 3]
    """
    out = sys.stderr if stream is None else stream
    isatty = getattr(out, "isatty", None)
    if not (callable(isatty) and isatty()):
        yield from items
        return
    try:
        from tqdm import tqdm
    except ImportError:  # the cli extra is not installed
        yield from items
        return
    yield from tqdm(
        items, total=total, desc=desc or None, unit=unit, file=out, leave=False, dynamic_ncols=True
    )


def _is_terminal(stream: IO[str] | None) -> bool:
    out = sys.stderr if stream is None else stream
    isatty = getattr(out, "isatty", None)
    return bool(callable(isatty) and isatty())


def progress_lines(data: bytes, *, desc: str = "", stream: IO[str] | None = None) -> bytes | Iterator[bytes]:
    r"""A whole file's bytes for a line reader, with a progress bar of its lines on a terminal.

    Not on a terminal, ``data`` itself is returned (no cost at all); on one, its
    lines one by one (each with its line ending) through `progress`.

    Examples:
        >>> import io
        >>> progress_lines(b"a\nb\n", stream=io.StringIO())
        b'a\nb\n'
    """
    if not _is_terminal(stream):
        return data
    total = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    return progress(iter(data.splitlines(keepends=True)), total=total, desc=desc, unit="line", stream=stream)
