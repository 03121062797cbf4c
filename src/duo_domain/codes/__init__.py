"""Code tables (DUO's waardenlijsten and the legal code tables) as versioned data.

Every code table the library uses is a [`Waardenlijst`][duo_domain.codes.Waardenlijst] of
[`CodeValue`][duo_domain.codes.CodeValue] entries, each with its meaning, its validity period and
its kenmerken (properties logic reads, such as the leerweg of a leertraject).
Every table is one JSON file in ``duo_domain/codes/data/`` with its name,
source, edition and declared kenmerken; this package is the one way to read
them:

* [`waardenlijst`][duo_domain.codes.waardenlijst] — a shipped table, read on first use and then shared
  for the rest of the process;
* [`loads`][duo_domain.codes.loads] / [`load`][duo_domain.codes.load] — a table from JSON text / plain data:
  how a
  vendor brings in a newer edition (the library does no I/O; read the file
  yourself);
* [`dumps`][duo_domain.codes.dumps] — a table as JSON text in the canonical layout;
* `Waardenlijst.met` — a copy with a few values added or replaced;
* [`Codetabellen`][duo_domain.codes.Codetabellen] — a bundle of a vendor's newer tables:
  ``validate(record, codes=Codetabellen(nieuw))`` (MBO and VO alike), or
  ``Codetabellen.loads(text, ...)`` from the text of the files.

Every public function that reads a code table takes the bundle as one keyword,
``codes=``, and uses the shipped tables for ``None``; the command line takes a
directory of tables as ``--codetabellen DIR``. Nothing process-wide is ever switched.
``python scripts/codetables.py check`` checks the shipped files.

Examples:
    >>> import datetime as dt
    >>> from duo_domain.codes import waardenlijst
    >>> leertraject = waardenlijst("leertraject")
    >>> [leertraject.is_valid("BOL_DT", op=dt.date(2023, 7, d)) for d in (30, 31)]
    [True, True]
    >>> leertraject.is_valid("BOL_DT", op=dt.date(2023, 8, 1))
    False
    >>> leertraject.get("BOL").kenmerken["voltijd"]
    'ja'
    >>> leertraject.validate("X")
    Traceback (most recent call last):
    ...
    duo_domain.errors.InvalidCode: 'X' is not a code of waardenlijst leertraject
"""

from __future__ import annotations

from duo_domain.codes._bundled import namen, waardenlijst
from duo_domain.codes._json import dumps, load, loads
from duo_domain.codes._model import CodeValue, Waardenlijst
from duo_domain.codes._tabellen import Codetabellen

__all__ = ["CodeValue", "Codetabellen", "Waardenlijst", "dumps", "load", "loads", "namen", "waardenlijst"]
