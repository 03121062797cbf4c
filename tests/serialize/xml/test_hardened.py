"""Hostile XML is refused, and nothing is read from outside while refusing it."""

from __future__ import annotations

import http.server
import io
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from duo_domain.errors import InvalidDocument, mask_numbers
from duo_domain.serialize.xml import XmlRefused, parse_bytes, read_message, read_stream
from duo_domain.serialize.xml._hardened import new_parser, scan_prolog


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared by the server's handler instances

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = b'<!ENTITY secret "LEAKED">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    _CountingHandler.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.hits
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def watched_fifo(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], bool]]]:
    """A FIFO whose reader, if anyone ever opens it, is noticed and unblocked."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs os.mkfifo")
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    opened = threading.Event()
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody has it open for reading
                stop.wait(0.01)
                continue
            opened.set()
            os.write(fd, b"LEAKED")
            os.close(fd)
            return

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield fifo, opened.is_set
    finally:
        stop.set()
        thread.join(timeout=2)


def _all_readers(data: bytes) -> list[Callable[[], object]]:
    return [
        lambda: parse_bytes(data),
        lambda: read_message(data),
        lambda: list(read_stream(io.BytesIO(data))),
    ]


def _refused_everywhere(data: bytes) -> list[XmlRefused]:
    errors = []
    for read in _all_readers(data):
        with pytest.raises(XmlRefused) as info:
            read()
        assert "LEAKED" not in str(info.value)
        errors.append(info.value)
    return errors


def test_xxe_file_is_refused_and_the_file_never_opened(
    watched_fifo: tuple[Path, Callable[[], bool]], tmp_path: Path
) -> None:
    fifo, was_opened = watched_fifo
    payload = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{fifo}">]><r>&xxe;</r>'
    ).encode()
    errors = _refused_everywhere(payload)
    assert "DOCTYPE" in str(errors[0])
    assert not was_opened()


def test_xxe_file_refused_even_by_the_bare_parser(watched_fifo: tuple[Path, Callable[[], bool]]) -> None:
    # The second layer on its own: the parser options and the resolver refuse too.
    from lxml import etree

    fifo, was_opened = watched_fifo
    payload = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{fifo}">]><r>&xxe;</r>'.encode()
    try:
        root = etree.fromstring(payload, new_parser())
    except etree.XMLSyntaxError:
        root = None
    assert root is None or "LEAKED" not in etree.tostring(root).decode()
    assert not was_opened()


def test_xxe_network_is_refused_and_no_request_made(http_server: tuple[str, list[str]]) -> None:
    url, hits = http_server
    payload = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{url}/xxe">]><r>&xxe;</r>'.encode()
    _refused_everywhere(payload)
    assert hits == []


def test_external_dtd_is_refused_and_not_fetched(http_server: tuple[str, list[str]]) -> None:
    url, hits = http_server
    payload = f'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "{url}/evil.dtd">\n<r>&secret;</r>'.encode()
    _refused_everywhere(payload)
    assert hits == []


def test_parameter_entity_over_the_network_is_refused(http_server: tuple[str, list[str]]) -> None:
    url, hits = http_server
    payload = f'<!DOCTYPE r [<!ENTITY % remote SYSTEM "{url}/pe"> %remote;]><r>&secret;</r>'.encode()
    _refused_everywhere(payload)
    from lxml import etree

    try:  # the bare parser on its own: no fetch, whatever it makes of the rest
        root = etree.fromstring(payload, new_parser())
    except etree.XMLSyntaxError:
        root = None
    assert root is None or "LEAKED" not in etree.tostring(root).decode()
    assert hits == []


def test_billion_laughs_is_refused() -> None:
    entities = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">' for i in range(10)
    )
    payload = f"<?xml version='1.0'?><!DOCTYPE lolz [{entities}]><lolz>&lol9;</lolz>".encode()
    errors = _refused_everywhere(payload)
    assert all(e.code == "document.xml_refused" for e in errors)


def test_doctype_after_comments_and_in_utf16_is_refused() -> None:
    payload = "<?xml version='1.0'?><!-- x --><?pi y?>\n<!DOCTYPE r []><r/>"
    _refused_everywhere(payload.encode())
    _refused_everywhere(payload.replace("<?xml version='1.0'?>", "").encode("utf-16"))


def test_utf16_without_bom_cannot_hide_a_doctype() -> None:
    payload = "<?xml version='1.0' encoding='UTF-16LE'?><!DOCTYPE r []><r/>".encode("utf-16-le")
    with pytest.raises(XmlRefused):
        parse_bytes(payload)


def test_deep_nesting_is_refused_with_a_clear_error() -> None:
    depth = 50_000
    payload = b"<a>" * depth + b"</a>" * depth
    with pytest.raises(XmlRefused, match="nested"):
        parse_bytes(payload)
    with pytest.raises(XmlRefused, match="nested"):
        read_message(payload)
    with pytest.raises(XmlRefused, match="nested deeper than 32 levels"):
        parse_bytes(b"<a>" * 40 + b"</a>" * 40)
    stream_payload = (
        b'<mbo:aanleverenStudentMBO xmlns:mbo="urn:duo-domain:schema:mbo:v1">'
        + payload
        + b"</mbo:aanleverenStudentMBO>"
    )
    with pytest.raises(XmlRefused, match="nested too deeply"):
        list(read_stream(io.BytesIO(stream_payload)))


def test_nesting_at_the_limit_is_accepted() -> None:
    assert parse_bytes(b"<a>" * 32 + b"</a>" * 32).tag == "a"
    with pytest.raises(XmlRefused):
        parse_bytes(b"<a>" * 33 + b"</a>" * 33)


def test_oversized_input_is_refused_before_parsing() -> None:
    with pytest.raises(XmlRefused, match="more than the limit of 100"):
        parse_bytes(b"<a>" + b"x" * 200 + b"</a>", max_bytes=100)
    assert parse_bytes(b"<a>" + b"x" * 93 + b"</a>", max_bytes=100).text == "x" * 93
    with pytest.raises(XmlRefused, match="larger than the limit"):
        list(read_stream(io.BytesIO(b"<a>" + b"x" * 100_000 + b"</a>"), max_bytes=1000))


def test_not_well_formed_input_names_the_line() -> None:
    with pytest.raises(InvalidDocument) as info:
        parse_bytes(b"<a>\n<b>\n</a>")
    assert not isinstance(info.value, XmlRefused)
    assert info.value.problems[0].line == 3


@pytest.mark.parametrize("bad", [b"", b"   ", "text", 12, None])
def test_non_xml_input_raises_the_library_error(bad: object) -> None:
    with pytest.raises(InvalidDocument):
        parse_bytes(bad)  # type: ignore[arg-type]


def test_undeclared_entity_is_an_error_not_a_lookup() -> None:
    with pytest.raises(InvalidDocument):
        parse_bytes(b"<a>&passwd;</a>")


def test_prolog_scan_needs_enough_bytes() -> None:
    assert scan_prolog(b"<?xml version='1.0'?><!-", final=False) is False
    assert scan_prolog(b"<?xml version='1.0'?><root/>", final=False) is True
    with pytest.raises(XmlRefused):
        scan_prolog(b"<?xml version='1.0'?>\n<!DOCTYPE", final=False)


def test_mask_numbers_hides_personal_numbers() -> None:
    assert mask_numbers("value '111222333' and '1112.22.333'") == "value '*****2333' and '*****2333'"
    assert mask_numbers("line 12 in 2024") == "line 12 in 2024"
