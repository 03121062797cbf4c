"""The TBG-i read streaming (`iter_tbgi`): the same groups as `read_tbgi`, flat memory, hardened parsing."""

from __future__ import annotations

import io
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest

from duo_domain.errors import DocumentProblem, InvalidDocument
from duo_domain.serialize import returnfile as rf
from duo_domain.serialize.xml import XmlRefused

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "TBGI_25LX_2027_20251124.XML"

_ENROLMENT = (
    "<Inschrijving><BRIN>25LX</BRIN><Burgerservicenummer>111222333</Burgerservicenummer>"
    "<Inschrijvingvolgnummer>{n}</Inschrijvingvolgnummer><DatumInschrijving>2024-02-01</DatumInschrijving>"
    "<Teldatum><Teldatum>2025-10-01</Teldatum><Opleidingcode>25748</Opleidingcode><Leertraject>BOL</Leertraject>"
    "<Bekostigingsstatus>true</Bekostigingsstatus>"
    "<BijdrageInschrijvingAanDeelnemerswaarde>0.5</BijdrageInschrijvingAanDeelnemerswaarde></Teldatum>"
    "</Inschrijving>\n"
)


class _Generated(io.RawIOBase):
    """A TBG-i of ``count`` enrolments, made as it is read (never whole in memory)."""

    def __init__(self, count: int) -> None:
        self._parts = self._generate(count)
        self._pending = b""

    @staticmethod
    def _generate(count: int) -> object:
        yield b'<?xml version="1.0" encoding="utf-8"?>\n<Bekostigingsgrondslagen>\n'
        for n in range(count):
            yield _ENROLMENT.format(n=n).encode()
        yield b"</Bekostigingsgrondslagen>\n"

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while len(self._pending) < max(size, 1):
            part = next(self._parts, None)  # type: ignore[call-overload]
            if part is None:
                break
            self._pending += part
        chunk, self._pending = self._pending[:size], self._pending[size:]
        return chunk


def test_the_sample_streams_to_what_read_tbgi_reads() -> None:
    data = SAMPLE.read_bytes()
    with SAMPLE.open("rb") as handle:
        items = list(rf.iter_tbgi(handle))
    whole = rf.read_tbgi(data)
    assert items == [*whole.inschrijvingen, *whole.diplomas]
    assert rf.read_tbgi(io.BytesIO(data)) == whole
    # The sample's groups, with their funding values: the deelnemerswaarde and the diplomawaarde.
    assert [type(i).__name__ for i in items] == ["TbgiInschrijving", "TbgiDiploma"]
    assert whole.deelnemerswaarde() == {items[0].teldata[0].teldatum: Decimal(1)}  # type: ignore[union-attr]
    assert whole.diplomawaarde() == Decimal(5)


def _peak(count: int) -> tuple[int, int]:
    tracemalloc.start()
    seen = 0
    for item in rf.iter_tbgi(_Generated(count)):  # type: ignore[arg-type]
        assert not isinstance(item, DocumentProblem), item
        seen += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seen, peak


def test_memory_stays_flat_with_the_number_of_enrolments() -> None:
    small_count, small_peak = _peak(200)
    large_count, large_peak = _peak(4_000)
    assert (small_count, large_count) == (200, 4_000)
    # Twenty times the enrolments: the peak grows by far less than the file (about 2 MB here).
    assert large_peak < small_peak + 512 * 1024, (small_peak, large_peak)


def test_the_groups_before_a_syntax_error_are_yielded_first() -> None:
    data = b"<Bekostigingsgrondslagen>" + _ENROLMENT.format(n=1).encode() + b"<Inschrijving><BRIN>"
    found: list[object] = []
    with pytest.raises(InvalidDocument) as caught:
        found.extend(rf.iter_tbgi(data))
    assert len(found) == 1
    assert caught.value.document == "TBG-i"


def test_an_unknown_element_at_the_top_is_a_problem_and_the_rest_is_read() -> None:
    data = (
        b"<Bekostigingsgrondslagen><Anders/>"
        + _ENROLMENT.format(n=1).encode()
        + b"</Bekostigingsgrondslagen>"
    )
    first, second = rf.iter_tbgi(data)
    assert isinstance(first, DocumentProblem)
    assert (first.path, first.line) == ("/Anders", 1)
    assert isinstance(second, rf.TbgiInschrijving)


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        (b'<!DOCTYPE x [<!ENTITY e "e">]><Bekostigingsgrondslagen/>', XmlRefused),
        (
            b"<Bekostigingsgrondslagen>" + b"<a>" * 40 + b"</a>" * 40 + b"</Bekostigingsgrondslagen>",
            XmlRefused,
        ),
        (b"<Andere/>", InvalidDocument),
        (b"", InvalidDocument),
    ],
)
def test_unusable_input_is_refused_while_streaming(data: bytes, refusal: type[Exception]) -> None:
    with pytest.raises(refusal):
        list(rf.iter_tbgi(io.BytesIO(data)))


def test_input_over_the_limit_is_refused() -> None:
    with pytest.raises(XmlRefused, match="larger than"):
        list(rf.iter_tbgi(_Generated(100), max_bytes=4096))  # type: ignore[arg-type]
