"""The command line reads DUO's files in blocks (never whole), with progress on a terminal only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from duo_domain._cli._common import CliError
from duo_domain._cli._stream import blocks, opened
from duo_domain.serialize import returnfile as rf

FIXTURES = Path(__file__).parents[1] / "serialize" / "returnfile" / "fixtures"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_file_of_several_mib_reads_in_blocks_as_it_reads_whole(tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    sample = (FIXTURES / "RO_27DV_20240731_20260324.csv").read_bytes()
    body = sample.split(b"\n", 1)[1].rsplit(b"SLR", 1)[0]
    data = (
        sample.split(b"\n", 1)[0] + b"\r\n" + body * 400 + b"SLR|0|0|0|0|0|0|0|0|0"
    )  # > 2 MiB, no last newline
    path = tmp_path / "RO.csv"
    path.write_bytes(data)
    terminal = _Terminal()
    with opened(str(path)) as (handle, xml):
        assert not xml
        through = rf.read(blocks(handle, desc="reading RO.csv", stream=terminal), check_numbers=False)
    assert through == rf.read(data, check_numbers=False)
    assert through.to_bytes() == data
    assert "reading RO.csv" in terminal.getvalue()


def test_xml_is_told_from_its_first_bytes_without_consuming_them() -> None:
    with opened(str(FIXTURES / "TBGI_25LX_2027_20251124.XML")) as (handle, xml):
        assert xml
        assert len(rf.read_tbgi(handle).inschrijvingen) == 1


def test_off_a_terminal_nothing_is_written() -> None:
    quiet = io.StringIO()
    with opened(str(FIXTURES / "RO_27DV_20240731_20260324.csv")) as (handle, _):
        assert b"".join(blocks(handle, desc="x", stream=quiet)).startswith(b"VLP")
    assert quiet.getvalue() == ""


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(CliError, match="no such file"), opened(str(tmp_path / "none.csv")):
        pass
    with pytest.raises(CliError, match="is a directory"), opened(str(tmp_path)):
        pass
