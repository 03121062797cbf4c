"""Progress on stderr while the command line reads a long return file: on a terminal only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from duo_domain._cli._progress import progress_lines
from duo_domain.cli import main
from duo_domain.serialize import returnfile as rf

FIXTURES = Path(__file__).parents[1] / "serialize" / "returnfile" / "fixtures"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")))
def test_reading_through_the_progress_bar_gives_the_same_file(name: str) -> None:
    pytest.importorskip("tqdm")
    data = (FIXTURES / name).read_bytes() + b"PER|x"  # and a last line without its line ending
    terminal = _Terminal()
    lines = progress_lines(data, desc="reading", stream=terminal)
    assert not isinstance(lines, bytes)
    through = rf.read(lines, check_numbers=False)
    direct = rf.read(data, check_numbers=False)
    assert through == direct
    assert through.to_bytes() == data
    assert "reading" in terminal.getvalue()


def test_not_on_a_terminal_the_bytes_pass_untouched() -> None:
    data = (FIXTURES / "RO_27DV_20240731_20260324.csv").read_bytes()
    assert progress_lines(data, stream=io.StringIO()) is data


def test_export_writes_nothing_on_stderr_off_a_terminal(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    name = str(FIXTURES / "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv")
    code = main(["export", name, "--to", "csv", "--out", str(tmp_path)], stdout=out, stderr=err)
    assert (code, err.getvalue()) == (0, "")
