"""What a batch does with one item: read it, judge it, and hand back an [`Outcome`][duo_domain.batch.Outcome].

A job is a small frozen object that pickles (the library's registry pickles by
reference), so the same job runs in this process, in a pool's worker or on a
Dask worker. A job never raises for an item that cannot be read: that item
becomes an outcome with ``BATCH.RECORD.ONLEESBAAR`` findings. An error of the
library itself on a readable item stops the batch with a [`BatchError`][duo_domain.batch.BatchError]
naming the item's index (never its content).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from duo_domain._sources import BATCH_READING
from duo_domain.batch._outcome import Outcome, unreadable
from duo_domain.codes import Codetabellen
from duo_domain.errors import DocumentProblem, DuoDomainError, InvalidDocument
from duo_domain.rules import Finding, RuleRegistry, registry, validate
from duo_domain.serialize.reading import parse_json

__all__ = ["BatchError", "Kind", "ReturnFileJob", "Task", "UitslagJob", "ValidateJob", "warm_up"]

#: The kinds of record a batch validates: MBO student records or VO cijferlijsten.
Kind = Literal["mbo", "vo"]

#: One item as it travels to a worker: ``(index, origin, payload)``.
Task = tuple[int, str | None, Any]


class _PerItem:
    """A job's chunk: every item on its own, in order."""

    __slots__ = ()

    def __call__(self, payload: Any, index: int, origin: str | None) -> Outcome[Any]:
        raise NotImplementedError

    def run_chunk(self, tasks: Sequence[Task]) -> list[Outcome[Any]]:
        """The outcome of every task of a chunk, in order."""
        return [self(payload, index, origin) for index, origin, payload in tasks]


class BatchError(DuoDomainError):
    """A readable item made the library fail; the batch stops here.

    Attributes:
        index: The item's position in the input.
        origin: Where it came from, if known.
    """

    code = "batch.item_failed"

    def __init__(self, message: str, *, index: int, origin: str | None) -> None:
        super().__init__(message)
        self.index = index
        self.origin = origin

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle through their args; this one has keyword-only attributes too.
        return (_batch_error, (self.message, self.index, self.origin))


def _batch_error(message: str, index: int, origin: str | None) -> BatchError:
    return BatchError(message, index=index, origin=origin)


def _failed(exc: BaseException, index: int, origin: str | None) -> BatchError:
    where = f" ({origin})" if origin else ""
    # The type name only: the message of an unexpected error may quote the record's values.
    return BatchError(
        f"item {index}{where} made the library fail: {type(exc).__name__}", index=index, origin=origin
    )


def warm_up() -> None:
    """Load the rule catalogue and the code tables in this process, once.

    Batch workers call this when they start, so that no task pays for loading;
    on a Dask cluster, run it on every worker with ``client.run(warm_up)``.
    The tables are cached per process by the modules that own them; calling
    this again costs nothing.
    """
    from duo_domain.mbo.examencodes import examencodetabel
    from duo_domain.vo.codes import elementcodetabel, vakcodetabel

    len(registry)  # imports every rule module
    vakcodetabel()
    elementcodetabel()
    examencodetabel()


def _problems_of(exc: BaseException) -> tuple[DocumentProblem, ...]:
    if isinstance(exc, InvalidDocument):
        return exc.problems
    message = exc.message if isinstance(exc, DuoDomainError) else type(exc).__name__
    return (DocumentProblem("$", message),)


def _document(payload: Any) -> Any:
    """A payload as a parsed document: JSON text is parsed, anything else is passed on."""
    if isinstance(payload, (str, bytes, bytearray)):
        # The one reading layer: its limits (size, depth, digits) hold for batch items too.
        return parse_json(payload, document="batch item")
    return payload


def _is_vo(doc: Mapping[str, Any]) -> bool:
    return doc.get("sector") == "vo" or "vakken" in doc or "schoolsoort" in doc


def _read(payload: Any, kind: Kind | None) -> Any:
    """The domain object of a payload: JSON text, a parsed document, or the object itself.

    JSON text of an MBO student record is read in one typed pass where that gives the object
    (the way `loads_mbo` reads it); any other payload, and text that pass does not read (a VO
    cijferlijst, a problem), is parsed under the reading limits and structured.
    """
    if kind != "vo" and payload.__class__ in (str, bytes):
        from duo_domain.serialize.json import _typed_mbo_record

        # the typed pass refuses a key an MBO record does not have, so it reads no VO cijferlijst
        record = _typed_mbo_record(payload)
        if record is not None:
            return record
    return _record(_document(payload), kind)


def _record(doc: Any, kind: Kind | None) -> Any:
    """A domain object from a parsed document (or the object itself)."""
    if attrs.has(type(doc)):
        return doc
    if not isinstance(doc, Mapping):
        raise InvalidDocument([DocumentProblem("$", "one record per item: expected a JSON object")])
    if kind == "vo" or (kind is None and _is_vo(doc)):
        from duo_domain.serialize.json import structure_cijferlijst

        return structure_cijferlijst(doc)
    from duo_domain.serialize.json import structure_mbo

    return structure_mbo(doc if isinstance(doc, dict) else dict(doc))


def _item_of(path: str) -> tuple[int, str]:
    """``"$[12].student.bsn"`` → ``(12, "$.student.bsn")``: a finding of a list, placed in its item."""
    close = path.index("]")
    return int(path[2:close]), "$" + path[close + 1 :]


@attrs.frozen
class ValidateJob(_PerItem):
    """Validate one record: an MBO student record or a VO cijferlijst, as object, document or JSON text.

    Attributes:
        kind: ``"mbo"`` or ``"vo"``; ``None`` tells them apart per item (a document with ``vakken``,
            ``schoolsoort`` or ``"sector": "vo"`` is a VO cijferlijst, any other an MBO student record).
        peildatum: Apply only the rules in force on this date.
        registry: The catalogue; the library's own by default. It must pickle to run on workers.
        referentiedata: Reference data for the rules that need it (see `duo_domain.rules.validate`).
        codes: A vendor's newer code tables ([`Codetabellen`][duo_domain.codes.Codetabellen]; they
            pickle, and travel to every worker); the shipped tables for ``None``.
    """

    kind: Kind | None = None
    peildatum: dt.date | None = None
    registry: RuleRegistry | None = None
    referentiedata: object | None = None
    codes: Codetabellen | None = None

    def __call__(self, payload: Any, index: int, origin: str | None) -> Outcome[None]:
        try:
            record = _read(payload, self.kind)
        except ValueError as exc:  # the library's reading errors, all rooted in ValueError
            return unreadable(index, origin, _problems_of(exc), source=BATCH_READING)
        try:
            report = validate(
                record,
                peildatum=self.peildatum,
                registry=self.registry,
                referentiedata=self.referentiedata,
                codes=self.codes,
            )
        except Exception as exc:
            raise _failed(exc, index, origin) from exc
        return Outcome(index=index, origin=origin, findings=report.findings)

    def run_chunk(self, tasks: Sequence[Task]) -> list[Outcome[Any]]:
        """Every record of a chunk; the readable ones in one walk, which shares its per-type plans.

        The findings are those of validating each record alone, in the same order: the walk of a
        list visits the records one after another and places each finding under ``$[i]``.
        """
        out: list[Outcome[Any]] = []
        records: list[Any] = []
        slots: list[int] = []
        for index, origin, payload in tasks:
            try:
                record = _read(payload, self.kind)
            except ValueError as exc:
                out.append(unreadable(index, origin, _problems_of(exc), source=BATCH_READING))
                continue
            slots.append(len(out))
            out.append(Outcome(index=index, origin=origin))
            records.append(record)
        try:
            report = validate(
                records,
                peildatum=self.peildatum,
                registry=self.registry,
                referentiedata=self.referentiedata,
                codes=self.codes,
            )
        except Exception:  # name the record that fails, as a run of one record at a time would
            for slot, record in zip(slots, records, strict=True):
                self(record, out[slot].index, out[slot].origin)
            raise
        per_record: list[list[Finding]] = [[] for _ in records]
        for f in report.findings:
            k, path = _item_of(f.path)
            per_record[k].append(attrs.evolve(f, path=path))
        for slot, findings in zip(slots, per_record, strict=True):
            if findings:
                out[slot] = attrs.evolve(out[slot], findings=findings)
        return out


def _uitslag(doc: Any, codes: Codetabellen | None) -> Any:
    if isinstance(doc, Mapping) and doc.get("sector") == "mbo":
        from duo_domain.mbo.uitslag import compute_uitslag as compute_mbo_uitslag
        from duo_domain.serialize.json import structure_mbo_uitslag

        return compute_mbo_uitslag(structure_mbo_uitslag(doc, codes=codes))
    from duo_domain.vo.model import Examenkandidaat
    from duo_domain.vo.uitslag import compute_uitslag

    if isinstance(doc, Examenkandidaat):
        return compute_uitslag(doc, codes=codes)
    from duo_domain.serialize.json import structure_cijferlijst

    return compute_uitslag(structure_cijferlijst(doc), codes=codes)


@attrs.frozen
class UitslagJob(_PerItem):
    """Compute one uitslag: of an MBO uitslag document (``"sector": "mbo"``) or a VO cijferlijst.

    A document that cannot be judged (missing grades, an examenjaar without rules) is an
    unreadable item: its outcome has the problems as findings and no result.

    Attributes:
        codes: A vendor's newer code tables ([`Codetabellen`][duo_domain.codes.Codetabellen]);
            the shipped tables for ``None``.
    """

    codes: Codetabellen | None = None

    def __call__(self, payload: Any, index: int, origin: str | None) -> Outcome[Any]:
        try:
            doc = _document(payload)
            result = _uitslag(doc, self.codes)
        except ValueError as exc:
            return unreadable(index, origin, _problems_of(exc), source=BATCH_READING)
        except Exception as exc:
            raise _failed(exc, index, origin) from exc
        return Outcome(index=index, origin=origin, result=result)


@attrs.frozen
class ReturnFileJob(_PerItem):
    """Read one DUO return file, given as its content (``str`` or ``bytes``) or as a path.

    A path (any `os.PathLike`) is opened by the process that runs the job and read line
    by line. The outcome's result is the [`ReturnFile`][duo_domain.serialize.returnfile.ReturnFile],
    whose ``problems`` list the malformed lines; a file that cannot be opened, or of which not
    one line is a record, is an unreadable item.

    Attributes:
        kind: ``"RO"`` or ``"OBO"``; guessed per file by default.
        check_numbers: Report personal numbers that fail their check.
    """

    kind: str | None = None
    check_numbers: bool = True

    def __call__(self, payload: Any, index: int, origin: str | None) -> Outcome[Any]:
        from duo_domain.serialize import returnfile

        if origin is None and isinstance(payload, os.PathLike):
            origin = os.fspath(payload)
        try:
            if isinstance(payload, os.PathLike):
                with open(payload, "rb") as fh:
                    result = returnfile.read(fh, kind=self.kind, check_numbers=self.check_numbers)
            else:
                result = returnfile.read(payload, kind=self.kind, check_numbers=self.check_numbers)
        except OSError as exc:
            problem = DocumentProblem(
                "$", f"the file cannot be opened ({exc.strerror or type(exc).__name__})"
            )
            return unreadable(index, origin, (problem,), source=BATCH_READING)
        except ValueError as exc:
            return unreadable(index, origin, _problems_of(exc), source=BATCH_READING)
        return Outcome(index=index, origin=origin, result=result)
