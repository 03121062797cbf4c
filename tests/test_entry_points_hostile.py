"""Every public entry point under attack (issue 12): the classes of the issue, closed at each door.

The fuzz harness (``scripts/fuzz.py``) mutates documents; this module goes through the doors one by
one with the inputs an attacker tries first, and asserts the two channels and privacy for each:

* a command of ``duo-domain`` never lets an exception out of ``main``; for unusable input it exits 2
  with exactly one line on stderr and no traceback; nothing it prints holds a nine-digit number in
  full (a BSN or onderwijsnummer, also with separators);
* a reader, loader, constructor, ``validate()``, ``compute_uitslag``, ``reconcile`` ... returns (its
  findings without a nine-digit number) or raises a library error, a `DuoDomainError` and so a
  `ValueError` (never ``TypeError``, ``AttributeError``, ``OverflowError``, ``RecursionError``,
  ``decimal.InvalidOperation``, nor a bare ``ValueError``), whose message holds no such number.

The hostile inputs: deep nesting, huge numbers and exponents, 5000 digits, other scripts' digits,
``+7``, ``1_0``, week and basic dates, periods up to 9999-12-31, wrong types (``None``, a string, a
dict where an object belongs), NUL and control characters, and a valid nine-digit BSN in every
string field of a valid document.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import re
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from duo_domain.cli import main
from duo_domain.errors import DuoDomainError
from duo_domain.serialize.json import dumps_mbo
from duo_domain.testing.factories import make_mbo_student_record

#: A valid BSN (the 11-proef holds): what leaks must never show in full.
BSN = "111222333"
#: How a BSN-like value looks when it leaks: nine digits, single separators allowed between them
#: (the same pattern as the fuzz harness's).
LEAK = re.compile(r"\d(?:[ .\-/_,:\t]?\d){8,}")

FIXTURES = Path(__file__).parent / "serialize" / "returnfile" / "fixtures"

AFWEZIGHEID = {
    "geboortedatum": "2005-01-01",
    "leertraject": "BOL",
    "niveau": "MBO-2",
    "studiefinanciering": True,
    "afwezig_van": "2025-03-03",
    "afwezig_tot": "2025-04-06",
}
UITSLAG = {
    "sector": "mbo",
    "niveau": 2,
    "cohort_start": "2024-08-01",
    "studieduur_jaren": 2,
    "datum_uitslag": "2026-07-01",
    "loopbaan_en_burgerschap": "voldaan",
}
CIJFERLIJST = {
    "schoolsoort": "havo",
    "examenjaar": 2026,
    "vakken": [{"vakcode": "1001", "se": "6.5", "ce": "6.5"}],
}


def _record() -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(dumps_mbo(make_mbo_student_record(leertraject="BBL")))
    return parsed


def _with(doc: dict[str, Any], **changes: Any) -> str:
    return json.dumps({**doc, **changes})


#: Hostile document texts, by name: each is given to every command and every reader.
HOSTILE_TEXTS: dict[str, str] = {
    "deep": "[" * 100_000,
    "deep-object": '{"a":' * 5000,
    "exponent": '{"omvang": 1E+1000000}',
    "huge-exponent": "1e99999999999999999999",
    "5000-digits": "1" * 5000,
    "negative-digits": "-" + "9" * 4400,
    "nan": '{"a": NaN}',
    "empty": "",
    "nul": "\x00",
    "control": '{"a": "\x1f"}',
    "lone-surrogate": '{"student": {"studentnummer": "\\ud800"}}',
    "null": "null",
    "string": '"hello"',
    "bsn": BSN,
    "bsn-string": f'"{BSN}"',
    "bsn-key": json.dumps({BSN: BSN}),
    "list-of-junk": json.dumps([None, 1, "x", [], {}]),
    "record-bsn-everywhere": "",  # filled in below
    "uitslag-fullwidth": _with(UITSLAG, niveau="\uff12"),
    "uitslag-plus": _with(UITSLAG, studieduur_jaren="+2"),
    "uitslag-underscore": _with(UITSLAG, studieduur_jaren="1_0"),
    "uitslag-week-date": _with(UITSLAG, cohort_start="2024-W31-4"),
    "uitslag-basic-date": _with(UITSLAG, cohort_start="20240801"),
    "uitslag-9999": _with(UITSLAG, cohort_start="9999-12-31", datum_uitslag="9999-12-31"),
    "uitslag-0001": _with(UITSLAG, cohort_start="0001-01-01", datum_uitslag="0001-01-01"),
    "uitslag-huge-niveau": _with(UITSLAG, niveau=10**30),
    "cijferlijst-fullwidth": json.dumps({**CIJFERLIJST, "vakken": [{"vakcode": "1001", "se": "\uff16.5"}]}),
    "cijferlijst-exponent": json.dumps({**CIJFERLIJST, "vakken": [{"vakcode": "1001", "se": "0.7e1"}]}),
    "cijferlijst-huge-year": _with(CIJFERLIJST, examenjaar=10**40),
    "cijferlijst-bsn-vakcode": json.dumps({**CIJFERLIJST, "vakken": [{"vakcode": BSN, "se": "6.5"}]}),
    "afwezigheid-week-date": _with(AFWEZIGHEID, afwezig_van="2025-W10-1"),
    "afwezigheid-basic-date": _with(AFWEZIGHEID, afwezig_van="20250303"),
    "afwezigheid-9999": _with(AFWEZIGHEID, afwezig_van="9999-12-01", afwezig_tot="9999-12-31"),
    "afwezigheid-0001": _with(AFWEZIGHEID, geboortedatum="0001-01-01", afwezig_van="0001-01-01"),
    "afwezigheid-huge-weeks": _with(AFWEZIGHEID, vakantieweken=10**20),
    "afwezigheid-many-weeks": _with(AFWEZIGHEID, vakantieweken=1_000_000),
    "afwezigheid-digits": _with(AFWEZIGHEID, vakantieweken=int("1" * 4000)),
    "afwezigheid-bsn": _with(AFWEZIGHEID, leertraject=BSN, niveau=BSN),
    "afwezigheid-wrong-types": _with(AFWEZIGHEID, studiefinanciering="ja", vakantieweken="1"),
    "afwezigheid-list": json.dumps([AFWEZIGHEID, {**AFWEZIGHEID, "leertraject": 5}]),
    "record-9999": json.dumps(
        {
            "student": {"bsn": BSN},
            "inschrijvingen": [
                {
                    "inschrijvingvolgnummer": "1",
                    "datum_begin": "9999-12-30",
                    "datum_einde": "9999-12-31",
                    "perioden": [
                        {
                            "datum_begin": "9999-12-30",
                            "opleidingscode": "25655",
                            "leertraject": "BOL",
                            "indicatie_bekostigbaar": True,
                        }
                    ],
                }
            ],
        }
    ),
}


def _bsn_in_every_string(data: Any) -> Any:
    """``data`` with every string value replaced by the BSN (keys kept)."""
    if isinstance(data, dict):
        return {k: _bsn_in_every_string(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_bsn_in_every_string(v) for v in data]
    return BSN if isinstance(data, str) else data


HOSTILE_TEXTS["record-bsn-everywhere"] = json.dumps(_bsn_in_every_string(_record()))
# batch mode reads a JSON array element by element: the same limits as every reader
for _token in ("1e99999999999999999999", "1E+1000000", "NaN", "1" * 5000):
    _text = json.dumps(_record()).replace('"omvang": ', f'"omvang": {_token}, "x": ', 1)
    HOSTILE_TEXTS[f"array-{_token[:12]}"] = f"[{_text}]"
HOSTILE_TEXTS["uitslag-bsn-everywhere"] = json.dumps({**_bsn_in_every_string(UITSLAG), "sector": "mbo"})


#: A law's identifier in the BWB with its version date, as the VO regelsets cite it: no personal number.
BWB = re.compile(r"BWBR\d{7}(?:/\d{4}-\d{2}-\d{2})?")


def _leaks(*texts: str) -> list[str]:
    cleaned = [BWB.sub("BWB", t) for t in texts]
    return [t[max(0, m.start() - 60) : m.end() + 20] for t in cleaned if (m := LEAK.search(t)) is not None]


# -- the command line --------------------------------------------------------------------------------------


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)  # any exception escaping fails the test
    return code, out.getvalue(), err.getvalue()


def _assert_cli_contract(argv: list[str], *, check_stdout: bool = True) -> int:
    code, out, err = _run(argv)
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in err, (argv, err)
    if code == 2:
        assert err.count("\n") == 1, (argv, err)
        assert err.endswith("\n"), (argv, err)
    leaked = _leaks(err, out) if check_stdout else _leaks(err)
    assert not leaked, (argv, leaked)
    return code


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The hostile documents and DUO's sample files, under names without digits."""
    where = tmp_path_factory.mktemp("hostile")
    found = {}
    for i, (name, text) in enumerate(HOSTILE_TEXTS.items()):
        path = where / f"doc-{chr(97 + i // 26)}{chr(97 + i % 26)}.json"  # no digits: no false leak
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        found[name] = str(path)
    for name, fixture in (
        ("ro", "RO_27DV_20240731_20260324.csv"),
        ("tbgi", "TBGI_25LX_2027_20251124.XML"),
        ("grondslag", "GRONDSLAG_IP_MBO_27DV_20251119_2025.csv"),
    ):
        target = where / f"duo-{name}.data"
        shutil.copyfile(FIXTURES / fixture, target)
        found[name] = str(target)
    own = where / "own.json"
    own.write_text(dumps_mbo([make_mbo_student_record(seed=1)]), encoding="utf-8")
    found["own"] = str(own)
    found["out"] = str(where / "out")
    return found


def _commands(path: str, f: dict[str, str]) -> list[list[str]]:
    return [
        ["validate", path],
        ["validate", path, "--json"],
        ["validate", path, path],  # batch mode
        ["uitslag", path],
        ["uitslag", path, "--json"],
        ["uitslag", path, "--workers", "1"],
        ["afwezigheid", path],
        ["afwezigheid", path, "--json"],
        ["convert", path, f["out"] + ".xml"],
        ["reconcile", path, f["ro"]],
        ["reconcile", f["own"], path],
        ["reconcile", f["own"], "--funding", path],
        ["export", path, "--to", "jsonl", "--out", f["out"]],
        ["validate", f["own"], "--referentiedata", path],
        ["reconcile", f["own"], f["ro"], "--pseudonym-key-file", path],
    ]


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_every_command_on_every_hostile_document(files: dict[str, str], name: str) -> None:
    for argv in _commands(files[name], files):
        _assert_cli_contract(argv)


_OPTION_VALUES = [
    BSN,
    "1112.22.333",
    "2026-W27-1",
    "20260701",
    "9999-12-31",
    "0001-01-01",
    "+7",
    "1_0",
    "\uff17",
    "1" * 5000,
    "\x00",
    "a\x1fb",
    "",
    "-1",
    "0",
]


def _option_commands(value: str, f: dict[str, str]) -> list[list[str]]:
    own, ro, tbgi = f["own"], f["ro"], f["tbgi"]
    return [
        ["validate", own, "--peildatum", value],
        ["validate", own, own, "--peildatum", value],
        ["validate", own, "--chunk-size", value, "--workers", "1"],
        ["uitslag", own, "--workers", value],
        ["reconcile", own, ro, "--ignore", value],
        ["reconcile", own, ro, "--only", value],
        ["reconcile", own, "--funding", tbgi, "--teldatum", value],
        ["reconcile", own, "--funding", tbgi, "--funding", value],
        ["convert", own, f["out"] + ".xml", "--tijd", value],
        ["convert", own, f["out"] + ".xml", "--id", value],
        ["convert", own, f["out"] + ".xml", "--verzender", value],
        ["convert", own, f["out"] + ".xml", "--ontvanger", value],
        ["convert", own, f["out"] + ".xml", "--bericht", value],
        ["export", ro, "--to", value, "--out", f["out"]],
        ["rules", "--peildatum", value],
        ["rules", "--prefix", value],
        ["check", "brin", value],
        ["check", "bsn", value],
        ["check", "onderwijsnummer", value, "--strict"],
        ["check", value, "x"],
        [value],
        ["validate", value],
    ]


@pytest.mark.parametrize("value", _OPTION_VALUES, ids=lambda v: repr(v[:12]))
def test_every_option_with_hostile_values(files: dict[str, str], value: str) -> None:
    for argv in _option_commands(value, files):
        # The catalogue of `rules` quotes number ranges from the PvE (100000000 t/m 999999999): static
        # text, not data; its stderr is still checked.
        _assert_cli_contract(argv, check_stdout=argv[0] != "rules")


@pytest.mark.parametrize("value", ["2026-W27-1", "20260701", "\uff12\uff10\uff12\uff16-07-01", "2026-02-30"])
def test_option_dates_take_what_documents_take(files: dict[str, str], value: str) -> None:
    """--peildatum and --teldatum are read as document dates are: ``YYYY-MM-DD``, ASCII digits."""
    for argv in (
        ["rules", "--peildatum", value],
        ["validate", files["own"], "--peildatum", value],
        ["reconcile", files["own"], "--funding", files["tbgi"], "--teldatum", value],
    ):
        assert _assert_cli_contract(argv) == 2, argv


def test_a_library_error_no_command_words_is_still_one_masked_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The top of ``main`` turns any `DuoDomainError` into one masked line and exit 2."""
    from duo_domain._cli import rules

    def hostile(args: Any, out: Any) -> int:
        raise DuoDomainError(f"got {BSN}\nand more")

    monkeypatch.setattr(rules.COMMAND, "run", hostile)
    code, out, err = _run(["rules"])
    assert (code, out) == (2, "")
    assert err == "duo-domain rules: got *****2333 and more\n"


def test_the_batch_summary_goes_to_the_stderr_stream_given(
    files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["validate", files["own"], files["own"]])
    assert code in (0, 1)
    assert "items       2" in err
    assert capsys.readouterr().err == ""


def test_afwezigheid_reads_through_the_shared_reading_layer(files: dict[str, str]) -> None:
    """The same message for the same broken JSON as every other command; ISO dates only."""
    for name in ("nan", "deep", "5000-digits", "afwezigheid-week-date", "afwezigheid-basic-date"):
        code, _, err = _run(["afwezigheid", files[name]])
        assert code == 2, (name, err)
    _, _, err = _run(["afwezigheid", files["nan"]])
    _, _, other = _run(["uitslag", files["nan"]])
    assert err.split(": ", 2)[2] == other.split(": ", 2)[2]


# -- the library ----------------------------------------------------------------------------------------


def _texts(result: Any, depth: int = 0) -> Iterator[str]:
    """Every message, path and business key of a result (findings, problems, differences)."""
    if depth > 4:
        return
    if isinstance(result, (list, tuple)):
        for item in result[:200]:
            yield from _texts(item, depth + 1)
        return
    for name in ("message", "path", "business_key"):
        value = getattr(result, name, None)
        if isinstance(value, str):
            yield value
    for name in ("problems", "findings", "differences"):
        value = getattr(result, name, None)
        if isinstance(value, (list, tuple)):
            yield from _texts(value, depth + 1)


def _assert_library_contract(call: Callable[[], Any]) -> None:
    try:
        result = call()
        if isinstance(result, Iterator):
            result = list(result)
    except DuoDomainError as exc:
        texts = [str(exc), *(str(p) for p in getattr(exc, "problems", ()))]
    else:
        texts = list(_texts(result))
    leaked = _leaks(*texts)
    assert not leaked, leaked


#: Values of the wrong type or shape, given where an argument or a field belongs.
HOSTILE_VALUES: list[Any] = [
    None,
    "hello",
    "",
    BSN,
    int(BSN),
    "1" * 5000,
    10**400,
    10**5000,  # Python cannot even print it
    -1,
    True,
    1e308,
    float("nan"),
    Decimal("NaN"),
    Decimal("1E+1000000"),
    "\uff16.5",
    "+7",
    "1_0",
    "2026-W27-1",
    "20260701",
    dt.date.max,
    dt.date.min,
    dt.datetime(2026, 1, 1),  # noqa: DTZ001 - a naive moment is one of the hostile values
    "\x00",
    "a\x1fb",
    b"\xff\xfe",
    b"",
    {},
    {"a": BSN},
    [],
    [BSN],
    [None],
    "[" * 3000,
    object(),
]


def _entry_points() -> dict[str, Callable[[Any], Any]]:
    from duo_domain import batch, codes, vo
    from duo_domain.identity import IDENTIFIERS, Bsn, Onderwijsnummer, mask
    from duo_domain.mbo import afwezigheid, examencodes, grades, reference
    from duo_domain.mbo import uitslag as mbo_uitslag
    from duo_domain.reconcile import funding, mbo
    from duo_domain.rules import validate
    from duo_domain.serialize import json as j
    from duo_domain.serialize import reading, returnfile, xml

    points: dict[str, Callable[[Any], Any]] = {
        "json.loads_mbo": j.loads_mbo,
        "json.loads_cijferlijst": j.loads_cijferlijst,
        "json.loads_document": j.loads_document,
        "json.loads_mbo_uitslag": j.loads_mbo_uitslag,
        "json.structure_mbo": j.structure_mbo,
        "json.structure_mbo_each": lambda v: list(j.structure_mbo_each(v)),
        "json.structure_cijferlijst": j.structure_cijferlijst,
        "json.structure_mbo_uitslag": j.structure_mbo_uitslag,
        "json.structure_document": j.structure_document,
        "json.document_kind": j.document_kind,
        "reading.parse_json": reading.parse_json,
        "xml.parse_bytes": xml.parse_bytes,
        "xml.loads": xml.loads,
        "xml.loads_message": xml.loads_message,
        "xml.read_message": xml.read_message,
        "xml.read_stream": lambda v: list(xml.read_stream(io.BytesIO(v) if isinstance(v, bytes) else v)),
        "xml.records_of": lambda v: list(xml.records_of(v)),
        "returnfile.read": returnfile.read,
        "returnfile.read_tbgi": returnfile.read_tbgi,
        "returnfile.iter_records": lambda v: list(returnfile.iter_records(v)),
        "returnfile.check_totals": returnfile.check_totals,
        "returnfile.group_persons": lambda v: list(returnfile.group_persons(v)),
        "returnfile.layout": returnfile.layout,
        "codes.loads": codes.loads,
        "codes.waardenlijst": codes.waardenlijst,
        "examencodes.load_examencodetabel": examencodes.load_examencodetabel,
        "vo.load_vakcodetabel": vo.load_vakcodetabel,
        "vo.load_elementcodetabel": vo.load_elementcodetabel,
        "reference.Referentiedata.loads": reference.Referentiedata.loads,
        "rules.validate": lambda v: list(validate(v)),
        "mbo.compute_uitslag": mbo_uitslag.compute_uitslag,
        "vo.compute_uitslag": vo.compute_uitslag,
        "vo.choose_regelset": vo.choose_regelset,
        "vo.termijnen": vo.termijnen,
        "vo.uiterste_datum_uitslag": vo.uiterste_datum_uitslag,
        "afwezigheid.from_dict": afwezigheid.Afwezigheid.from_dict,
        "mbo.grades.from_duo_tenths": grades.from_duo_tenths,
        "mbo.grades.to_duo_tenths": grades.to_duo_tenths,
        "reconcile.own": lambda v: mbo.reconcile(v, []),
        "reconcile.duo": lambda v: mbo.reconcile([], v),
        "reconcile.check_registratieoverzicht": mbo.check_registratieoverzicht,
        "funding.own": lambda v: funding.funding(v, grondslag=[]),
        "funding.tbgi": lambda v: funding.funding([], tbgi=v),
        "funding.grondslag": lambda v: funding.funding([], grondslag=v),
        "batch.validate_records": lambda v: list(batch.validate_records(v)),
        "batch.validate_records.item": lambda v: list(batch.validate_records([v])),
        "batch.compute_uitslagen": lambda v: list(batch.compute_uitslagen(v)),
        "batch.compute_uitslagen.item": lambda v: list(batch.compute_uitslagen([v])),
        "batch.read_return_files": lambda v: list(batch.read_return_files(v)),
        "identity.mask": mask,
        "identity.Bsn": Bsn,
        "identity.Onderwijsnummer": Onderwijsnummer,
    }
    for kind, module in sorted(IDENTIFIERS.items()):
        points[f"identity.{kind}.validate"] = module.validate
        points[f"identity.{kind}.is_valid"] = module.is_valid
    return points


ENTRY_POINTS = _entry_points()


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_every_entry_point_with_every_hostile_value(name: str) -> None:
    call = ENTRY_POINTS[name]
    for value in HOSTILE_VALUES:
        _assert_library_contract(functools.partial(call, value))


@pytest.mark.parametrize("name", sorted(n for n in ENTRY_POINTS if n.startswith(("json.loads", "reading"))))
@pytest.mark.parametrize("text", sorted(HOSTILE_TEXTS))
def test_every_json_reader_on_every_hostile_document(name: str, text: str) -> None:
    data = HOSTILE_TEXTS[text].encode("utf-8", "surrogatepass")
    _assert_library_contract(lambda: ENTRY_POINTS[name](data))


def _domain_classes() -> list[type]:
    from duo_domain.identity import student
    from duo_domain.mbo import afwezigheid, bpv, enrolment, record, results, uitslag
    from duo_domain.serialize.xml import header
    from duo_domain.vo import model

    found: list[type] = []
    for module in (student, enrolment, bpv, record, results, uitslag, model, afwezigheid, header):
        for name in module.__all__:
            cls = getattr(module, name)
            if (
                isinstance(cls, type)
                and attrs.has(cls)
                and cls not in found
                and not name.endswith("Resultaat")
            ):
                found.append(cls)
    return found


@pytest.mark.parametrize("cls", _domain_classes(), ids=lambda c: c.__name__)
def test_every_constructor_refuses_a_wrong_type_with_a_library_error(cls: type) -> None:
    """Each field in turn gets a hostile value (the required others a string): a library error or an
    object, never attrs' bare TypeError/ValueError quoting the value."""
    fields = [a for a in attrs.fields(cls) if a.init]
    for field in fields:
        for value in HOSTILE_VALUES:
            kwargs = {
                a.alias: value if a is field else "x"
                for a in fields
                if a is field or a.default is attrs.NOTHING
            }
            _assert_library_contract(functools.partial(cls, **kwargs))


def test_afwezigheid_near_the_end_of_the_calendar_is_refused_not_overflowed() -> None:
    from duo_domain.errors import InvalidDocument, InvalidValue
    from duo_domain.mbo.afwezigheid import Afwezigheid, melding_afwezigheid, werkdag_na

    late = {**AFWEZIGHEID, "afwezig_van": "9999-11-01", "afwezig_tot": "9999-11-02"}
    with pytest.raises(InvalidDocument, match=r"afwezig_van"):
        Afwezigheid.from_dict(late)
    with pytest.raises(InvalidValue, match="calendar"):
        melding_afwezigheid(
            geboortedatum=dt.date(2000, 1, 1),
            leertraject="BOL",
            niveau="MBO-2",
            studiefinanciering=True,
            afwezig_van=dt.date(2025, 3, 3),
            afwezig_tot=dt.date(2025, 4, 6),
            vakantieweken=10**20,
        )
    with pytest.raises(InvalidValue):
        werkdag_na(dt.date(9999, 12, 30), 3)
    # the last absence that can be judged: its deadline still fits the calendar
    fits = Afwezigheid.from_dict({**AFWEZIGHEID, "afwezig_van": "9999-10-06", "afwezig_tot": "9999-11-30"})
    assert fits.oordeel().termijn_melding_duo is not None


def test_a_number_too_large_for_any_field_is_refused_when_the_object_is_made() -> None:
    """A whole number of thousands of digits (``str()`` of it raises) or a decimal such as 1E+1000000
    (``int()`` of it takes minutes) never gets into a domain object, from JSON or from Python."""
    from duo_domain.errors import InvalidValue
    from duo_domain.mbo.examencodes import Onderdeel
    from duo_domain.mbo.uitslag import GeneriekInput
    from duo_domain.testing.factories import make_bpv_agreement

    bpv = make_bpv_agreement(make_mbo_student_record().inschrijvingen[0])
    with pytest.raises(InvalidValue, match=r"BpvAgreement\.omvang"):
        attrs.evolve(bpv, omvang=10**5000)
    assert attrs.evolve(bpv, omvang=10**39 - 1).omvang == 10**39 - 1  # judged by the rules, not refused
    with pytest.raises(InvalidValue, match=r"GeneriekInput\.ie"):
        GeneriekInput(Onderdeel.NEDERLANDS, ie=Decimal("1E+1000000"))
    with pytest.raises(InvalidValue, match=r"GeneriekInput\.ie"):
        GeneriekInput(Onderdeel.NEDERLANDS, ie=Decimal("1E-1000000"))


def test_a_pseudonym_can_never_be_mistaken_for_a_number() -> None:
    from duo_domain.errors import mask_numbers
    from duo_domain.reconcile.mbo import PSEUDONYM_LENGTH, pseudonym

    for i in range(2000):
        alias = pseudonym(str(100_000_000 + i), b"key")
        assert len(alias) == PSEUDONYM_LENGTH
        assert alias.isalpha()
        assert mask_numbers(alias) == alias


def test_a_difference_masks_a_number_in_its_values() -> None:
    from duo_domain.reconcile.mbo import Category, Difference

    d = Difference(
        Category.FIELD_DIFFERS, "periode", "*****2333", (("inschrijving", BSN),), "x", BSN, int(BSN), "bcdf"
    )
    assert not _leaks(d.message, json.dumps(d.to_dict()))
