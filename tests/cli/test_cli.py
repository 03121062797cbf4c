from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from duo_domain import __version__
from duo_domain.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_demo_runs() -> None:
    code, out, _ = run("demo")
    assert code == 0
    assert "Rule catalogue:" in out


def test_rules_text_and_json_agree() -> None:
    code, out, _ = run("rules")
    assert code == 0
    code_json, out_json, _ = run("rules", "--json")
    assert code_json == 0
    rules = json.loads(out_json)
    assert out.rstrip().endswith(f"{len(rules)} rule{'s' if len(rules) != 1 else ''}")
    for rule in rules:
        assert rule["id"] in out


def test_rules_prefix_and_peildatum() -> None:
    code, out, _ = run("rules", "--json", "--prefix", "NO.SUCH", "--peildatum", "2020-01-01")
    assert code == 0
    assert json.loads(out) == []


def test_bad_peildatum_is_exit_2_with_one_line() -> None:
    code, out, err = run("rules", "--peildatum", "31-12-2020")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "--peildatum" in err


def test_unknown_command_is_exit_2() -> None:
    code, _, err = run("frobnicate")
    assert code == 2
    assert "invalid choice" in err
    assert len(err.strip().splitlines()) == 1


def test_no_command_prints_help_and_exit_2() -> None:
    code, out, _ = run()
    assert code == 2
    assert "COMMAND" in out


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert __version__ in out


@pytest.mark.parametrize("argv", [["--version"], ["rules", "--json"]])
def test_python_dash_m_entry_point(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "duo_domain", *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_has_no_traceback_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "duo_domain", "rules", "--peildatum", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
