"""A short run of the fuzz harness (``scripts/fuzz.py``): every parser and reader, hostile input.

The long run's figures are in ``docs/reliability.md``; this run keeps the property in the suite:
only results or library errors, bounded time, no unmasked nine-digit number.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("duo_fuzz", _SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["duo_fuzz"] = module
    spec.loader.exec_module(module)
    return module


FUZZ = _harness()


@pytest.mark.parametrize("name", [t.name for t in FUZZ.targets()])
def test_short_fuzz_run(name: str) -> None:
    target = next(t for t in FUZZ.targets() if t.name == name)
    outcome = FUZZ.run_hypothesis(target, 60, max_seconds=5.0, seed=12)
    assert outcome.inputs == 60
    assert outcome.failures == []


def test_the_harness_sees_a_failure() -> None:
    def broken(data: bytes) -> object:
        if b"{" in data:
            raise KeyError("x")
        raise ValueError("got 111222333")  # a bare ValueError, quoting a number

    target = FUZZ.Target("broken", broken, [b"{}", b"a"])
    outcome = FUZZ.Outcome()
    FUZZ.check_one(target, b"{}", outcome, 1.0)
    FUZZ.check_one(target, b"a", outcome, 1.0)
    assert len(outcome.failures) == 2
    assert "KeyError" in outcome.failures[0]
    assert "ValueError" in outcome.failures[1]


def test_the_harness_sees_a_leak() -> None:
    from duo_domain.errors import DuoDomainError

    class Leaky(DuoDomainError):
        def __str__(self) -> str:
            return "got 111222333"

    def leaky(data: bytes) -> object:
        raise Leaky("x")

    outcome = FUZZ.Outcome()
    FUZZ.check_one(FUZZ.Target("leaky", leaky, [b""]), b"", outcome, 1.0)
    assert outcome.failures
    assert "unmasked" in outcome.failures[0]


_JSON_READERS = [t.name for t in FUZZ.targets() if t.name.startswith(("json.", "codes.", "reference."))]
_HOSTILE_JSON = [b"1" * 5000, b"-" + b"9" * 4400, b"1e99999999999999999999", b"NaN", b"[" * 100_000, b"\xff"]


@pytest.mark.parametrize("name", _JSON_READERS)
@pytest.mark.parametrize(
    "data", _HOSTILE_JSON, ids=["digits", "negative", "exponent", "nan", "deep", "bytes"]
)
def test_every_json_reader_refuses_hostile_numbers_with_a_library_error(name: str, data: bytes) -> None:
    """Found by the long run: the code-table and referentiedata readers let Python's bare ValueError
    for an integer of more than 4300 digits escape. Every JSON reader answers with a library error."""
    target = next(t for t in FUZZ.targets() if t.name == name)
    outcome = FUZZ.Outcome()
    FUZZ.check_one(target, data, outcome, 5.0)
    assert outcome.failures == []  # a result (loads_document only names the kind) or a library error


def test_every_entry_point_of_the_issue_has_a_target() -> None:
    """Beyond the readers: reconcile, funding, the absence report, batch, both uitslagen, every command."""
    names = {t.name for t in FUZZ.targets()}
    wanted = {
        "reconcile.duo",
        "reconcile.own",
        "reconcile.funding_tbgi",
        "reconcile.funding_grondslag",
        "mbo.afwezigheid",
        "batch.validate",
        "batch.uitslag",
        "vo.uitslag",
        "json.mbo_uitslag",
        "reference.referentiedata",
    }
    assert wanted <= names
    from duo_domain.cli import COMMANDS

    commands = {c.rsplit(".", 1)[-1] for c in COMMANDS} - {"demo", "rules"}  # these read no input
    covered = {n.split(".", 1)[1].split("_")[0] for n in names if n.startswith("cli.")}
    assert commands <= covered, commands - covered


def test_the_cli_target_sees_a_breach_of_the_exit_2_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    from duo_domain._cli import CliError, check

    def two_lines(args: object, out: object) -> int:
        raise CliError("first line\nsecond line")

    monkeypatch.setattr(check.COMMAND, "run", two_lines)
    target = next(t for t in FUZZ.targets() if t.name == "cli.check")
    outcome = FUZZ.Outcome()
    FUZZ.check_one(target, b"x", outcome, 5.0)
    assert len(outcome.failures) == 1
    assert "exit 2" in outcome.failures[0]


def test_structured_mutations_keep_json_well_formed() -> None:
    import json

    from hypothesis import given, settings
    from hypothesis import strategies as st

    seed = b'{"a": [1, {"b": "x"}], "c": "2026-01-01"}'
    seen: list[bytes] = []

    @settings(max_examples=50, database=None, deadline=None)
    @given(st.data())
    def one(data: st.DataObject) -> None:
        found = FUZZ._structured(data.draw, seed)
        assert found is not None
        seen.append(found)

    one()
    assert FUZZ._structured(lambda s: s.example(), b"<not json/>") is None
    parsed = 0
    for text in seen:
        try:
            json.loads(text)
            parsed += 1
        except ValueError:
            assert any(raw.encode() in text for raw in FUZZ.RAW)  # the raw tokens Python's json refuses
    assert parsed > 0


def test_an_input_slow_twice_is_a_failure_and_a_stall_is_not() -> None:
    import time

    calls: list[int] = []

    def stalls_once(data: bytes) -> object:
        calls.append(1)
        if len(calls) == 1:
            time.sleep(0.3)
        return None

    outcome = FUZZ.Outcome()
    FUZZ.check_one(FUZZ.Target("stall", stalls_once, [b""]), b"", outcome, 0.2)
    assert outcome.failures == []
    assert len(calls) == 2

    def always_slow(data: bytes) -> object:
        time.sleep(0.3)
        return None

    FUZZ.check_one(FUZZ.Target("slow", always_slow, [b""]), b"", outcome, 0.2)
    assert len(outcome.failures) == 1
    assert "twice" in outcome.failures[0]


def test_a_law_citation_is_not_a_leak_but_a_number_next_to_it_is() -> None:
    """Found by the long run: ``BWBR0045787/2024-08-01`` (the VO regelset's law, printed by
    ``duo-domain uitslag``) reads as eleven digits with single separators."""
    assert not FUZZ.leaks("regels: Uitvoeringsbesluit WVO 2020, BWBR0045787/2024-08-01)")
    assert FUZZ.leaks("BWBR0045787/2024-08-01 111222333")
    assert FUZZ.leaks("student 1112.22.333")


def test_the_typed_target_sees_a_typed_pass_that_reads_another_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import attrs

    from duo_domain.serialize import json as json_mod

    real = json_mod._typed_record()
    assert real is not None

    def other(data: bytes) -> object:
        read = real(data)
        return (
            None
            if read is None
            else attrs.evolve(read, student=attrs.evolve(read.student, studentnummer="Z"))
        )

    monkeypatch.setattr(json_mod, "_typed_record", lambda: other)
    target = next(t for t in FUZZ.targets() if t.name == "json.mbo_typed")
    outcome = FUZZ.Outcome()
    FUZZ.check_one(target, target.seeds[0], outcome, 5.0)
    assert len(outcome.failures) == 1
    assert "another object" in outcome.failures[0]
