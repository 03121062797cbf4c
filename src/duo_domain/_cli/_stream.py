"""DUO's files read by the command line in blocks, not whole (private).

[`opened`][duo_domain._cli._stream.opened] opens a file (or stdin) in binary
mode and tells whether it is XML from its first bytes, without reading it;
[`blocks`][duo_domain._cli._stream.blocks] hands it to a reader one MiB at a
time, with a progress bar of the MiB read on stderr when that is a terminal
(silent otherwise, see `duo_domain._cli._progress`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from duo_domain._cli._common import MAX_INPUT_BYTES, CliError, file_error, is_xml
from duo_domain._cli._progress import progress

__all__ = ["blocks", "opened"]

_MIB = 1024 * 1024


@contextlib.contextmanager
def opened(name: str) -> Iterator[tuple[IO[bytes], bool]]:
    """File ``name`` (``-`` for stdin) open in binary mode, and whether it is XML.

    Raises:
        CliError: when the file cannot be read, or is larger than the CLI reads (exit 2).
    """
    if name == "-":
        handle = sys.stdin.buffer
        yield handle, _xml(handle)
        return
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, after the caller's block
    except (OSError, ValueError) as exc:
        raise file_error(name, exc) from None
    with handle:
        if os.fstat(handle.fileno()).st_size > MAX_INPUT_BYTES:
            raise CliError(f"{name}: larger than {MAX_INPUT_BYTES // _MIB} MiB")
        yield handle, _xml(handle)


def _xml(handle: Any) -> bool:
    """Whether the file is XML, from the bytes buffered ahead (nothing is consumed)."""
    return is_xml(bytes(handle.peek(4096)))


def blocks(handle: IO[bytes], *, desc: str, stream: IO[str] | None = None) -> Iterator[bytes]:
    """The content of ``handle`` one MiB at a time, with a progress bar on a terminal."""
    total: int | None = None
    with contextlib.suppress(OSError, ValueError, AttributeError):
        total = -(-os.fstat(handle.fileno()).st_size // _MIB) or None
    return progress(iter(lambda: handle.read(_MIB), b""), total=total, desc=desc, unit="MiB", stream=stream)
