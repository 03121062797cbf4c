"""Helpers several test modules share: the benchmarks' data generators, and the paths into JSON data."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(name: str) -> ModuleType:
    """A script of ``bench/`` (not a package) imported as a module, for its data generator."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


def json_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into plain JSON data (keys and indexes), the root's ``()`` first."""
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += json_paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += json_paths(value, (*path, i))
    return out
