"""What a person meets first on the command line: the demo's layout, --version, and exit codes in --help."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from duo_domain import __version__
from duo_domain._cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from duo_domain._cli.check import KINDS
from duo_domain._cli.demo import NEXT_STEPS, WIDTH
from duo_domain.cli import COMMANDS, EXIT_CODES, main

ROOT = Path(__file__).resolve().parents[2]
NAMES = [name.rsplit(".", 1)[-1] for name in COMMANDS]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_demo_fits_the_terminal_width_and_ends_with_three_next_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")  # wider than the demo ever gets
    code, out, _ = run("demo")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= WIDTH == 100
    assert len(lines) <= 90
    tail = lines[-4:]
    assert tail[0] == "Next steps:"
    assert [line.split()[0] for line in tail[1:]] == ["1.", "2.", "3."]
    for (command, _), line in zip(NEXT_STEPS, tail[1:], strict=True):
        assert command in line


@pytest.mark.parametrize("columns", [80, 72, 40])
def test_demo_fits_a_narrow_terminal(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run("demo")
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= max(columns, 60)
    steps = lines[lines.index("Next steps:") + 1 :]
    for (command, _), number in zip(NEXT_STEPS, "123", strict=True):
        assert f"  {number}. {command}" in "\n".join(steps)


@pytest.mark.parametrize("step", range(3))
def test_every_next_step_of_the_demo_runs(step: int, tmp_path: Path) -> None:
    command = NEXT_STEPS[step][0].split()[1:]
    if command[0] == "validate":  # the step names the reader's own file: use a record of ours
        record = tmp_path / "records.json"
        record.write_text('{"student": {"bsn": "111222333"}, "inschrijvingen": []}', encoding="utf-8")
        command = ["validate", str(record)]
    code, out, err = run(*command)
    assert code in (EXIT_OK, EXIT_FINDINGS), err
    assert out.strip()


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"duo-domain {__version__}"


def test_every_command_has_its_exit_codes() -> None:
    assert sorted(EXIT_CODES) == sorted(NAMES)
    for name, codes in EXIT_CODES.items():
        numbers = [code for code, _ in codes]
        assert numbers == sorted(set(numbers)), name
        assert set(numbers) <= {EXIT_OK, EXIT_FINDINGS, EXIT_USAGE}, name
        assert EXIT_OK in numbers, name


@pytest.mark.parametrize("name", NAMES)
def test_help_of_every_command_ends_with_its_exit_codes(name: str) -> None:
    code, out, _ = run(name, "--help")
    assert code == 0
    tail = out.split("exit codes:\n", 1)[1]
    listed = [int(line.split()[0]) for line in tail.strip().splitlines()]
    assert listed == [c for c, _ in EXIT_CODES[name]]


def test_general_help_lists_the_exit_codes() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "exit codes:" in out
    for number in (EXIT_OK, EXIT_FINDINGS, EXIT_USAGE):
        assert re.search(rf"^  {number}  ", out, re.M)


def _page_rows() -> dict[str, str]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        found = re.match(r"\| `duo-domain (\w+)", line)
        if found:
            rows[found.group(1)] = line
    return rows


def test_cli_page_lists_every_command_with_the_same_exit_codes() -> None:
    rows = _page_rows()
    for name in NAMES:
        codes_cell = rows[name].rstrip(" |").rsplit("|", 1)[-1]
        assert {int(n) for n in re.findall(r"\b[012]\b", codes_cell)} == {c for c, _ in EXIT_CODES[name]}, (
            name
        )


def test_cli_page_lists_every_identifier_kind_of_check() -> None:
    row = _page_rows()["check"]
    assert {kind for kind in KINDS if f"`{kind}`" in row} == set(KINDS)
    code, out, _ = run("check", "--help")
    assert code == 0
    assert all(kind in out for kind in KINDS)
