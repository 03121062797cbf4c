"""The documentation site, built and read as a reader would: in headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package.
Without them the browser tests are skipped with the reason shown in the
pytest summary; under CI (``CI=true``) a missing browser is a failure instead,
because ``.ci/run`` installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _browser_missing() -> str | None:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        return "Debian's chromium and chromium-driver are not installed"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed"
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            del format, args

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            # The browser drops connections it no longer needs; anything else is reported.
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    handler = functools.partial(Quiet, directory=str(site))
    server = Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _browser_missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser check, but {reason}")
        pytest.skip(f"browser check skipped: {reason}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_home_page_renders(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(base_url)
    assert "duo_domain" in browser.title
    heading = browser.find_element(By.CSS_SELECTOR, "article h1")
    assert heading.text.strip() == "duo_domain"
    assert "Two error channels" in browser.find_element(By.CSS_SELECTOR, "article").text


def test_api_reference_renders(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(urllib.parse.urljoin(base_url, "api/core/"))
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".doc-heading")]
    assert any("DuoDomainError" in h for h in headings), headings[:10]
    assert any("validate" in h for h in headings)


def test_search_finds_onderwijsnummer(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(base_url)
    browser.find_element(By.CSS_SELECTOR, "label.md-header__button[for='__search']").click()
    box = WebDriverWait(browser, 10).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input"))
    )
    box.send_keys("onderwijsnummer")
    results = WebDriverWait(browser, 20).until(
        ec.presence_of_all_elements_located((By.CSS_SELECTOR, ".md-search-result__item"))
    )
    assert results
    assert "onderwijsnummer" in browser.find_element(By.CSS_SELECTOR, ".md-search-result").text.lower()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if value and (
                (tag == "a" and name == "href")
                or (tag in {"link", "script", "img"} and name in {"href", "src"})
            ):
                self.hrefs.append(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_internal_link_is_broken(site: Path, base_url: str) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 3
    parsed = {p: _parse(p) for p in pages}
    broken: list[str] = []
    checked = 0
    for page, links in parsed.items():
        page_url = urllib.parse.urljoin(base_url, page.relative_to(site).as_posix())
        for href in links.hrefs:
            url = urllib.parse.urljoin(page_url, href)
            if not url.startswith(base_url):
                continue  # outside the site
            target, _, fragment = url.partition("#")
            checked += 1
            try:
                with urllib.request.urlopen(target, timeout=10) as response:
                    assert response.status == 200
            except urllib.error.HTTPError as exc:
                broken.append(f"{page.relative_to(site)}: {href} -> {exc.code}")
                continue
            if fragment and target.endswith("/"):
                rel = urllib.parse.unquote(target[len(base_url) :]) + "index.html"
                target_file = site / rel
                if target_file in parsed and fragment not in parsed[target_file].ids:
                    broken.append(f"{page.relative_to(site)}: {href} -> no anchor #{fragment}")
    assert checked > 50
    assert broken == []
