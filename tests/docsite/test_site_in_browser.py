"""The documentation site, built and read as a reader would: in headless Chromium.

Two kinds of checks: the built HTML read as text (raw Sphinx roles, duplicate anchors, objects documented
twice, broken links), and the pages as a browser lays them out (tables wider than the page, rule ids
broken mid-word, empty API sections, mermaid diagrams that did not become SVG, the catalogue's filter).

The browser half needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package.
Without them the browser tests are skipped with the reason shown in the
pytest summary; under CI (``CI=true``) a missing browser is a failure instead,
because ``.ci/run`` installs it.
"""

from __future__ import annotations

import collections
import functools
import http.server
import json
import os
import re
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


_OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); };
"""


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
    # Material draws each mermaid diagram into a closed shadow root; open it, so a test can see the SVG.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _OPEN_SHADOW_ROOTS})
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


# -- the built HTML, read as text ------------------------------------------------------------------------

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):")
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r"\sid=\"([^\"]+)\"")
_DOC_HEADING = re.compile(r"<h\d id=\"(duo_domain[^\"]*)\" class=\"doc doc-heading")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def _article(html: str) -> str:
    """The page's article text, tags removed (navigation and search index left out)."""
    start = html.find("<article")
    end = html.rfind("</article>")
    return _TAG.sub("", html[start:end])


def test_no_raw_sphinx_role_is_shown(site: Path) -> None:
    shown = {
        str(page.relative_to(site)): len(_ROLE.findall(_article(page.read_text(encoding="utf-8"))))
        for page in _pages(site)
    }
    assert {page: count for page, count in shown.items() if count} == {}


def test_no_anchor_is_duplicated_on_a_page(site: Path) -> None:
    duplicated = {}
    for page in _pages(site):
        counts = collections.Counter(_ID.findall(page.read_text(encoding="utf-8")))
        twice = sorted(anchor for anchor, count in counts.items() if count > 1)
        if twice:
            duplicated[str(page.relative_to(site))] = twice[:5]
    assert duplicated == {}


def test_every_object_is_documented_once(site: Path) -> None:
    """One object, one place: a re-export (``duo_domain.vo.Vak``) is not rendered next to its home."""
    import griffe

    package = griffe.load("duo_domain", search_paths=[str(ROOT / "src")], docstring_parser=None)
    places: dict[str, list[str]] = collections.defaultdict(list)
    for page in _pages(site):
        for anchor in _DOC_HEADING.findall(page.read_text(encoding="utf-8")):
            try:
                canonical = str(package.modules_collection[anchor].canonical_path)
            except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
                canonical = anchor
            places[canonical].append(f"{page.relative_to(site).parent}#{anchor}")
    assert len(places) > 300
    assert {name: where for name, where in places.items() if len(where) > 1} == {}


# -- the pages as a browser lays them out ----------------------------------------------------------------

_LAYOUT_JS = """
const wide = [];
for (const table of document.querySelectorAll('article table')) {
  const box = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  if (table.scrollWidth > box.clientWidth + 1) {
    const owner = table.closest('.doc-object, article').querySelector('.doc-heading, h1');
    const head = (table.querySelector('tr') || table).innerText.slice(0, 60);
    wide.push(owner.innerText.split('\\n')[0] + ': ' + head);
  }
}
const page = document.documentElement.scrollWidth > window.innerWidth + 1;
const empty = [];
for (const h of document.querySelectorAll('article h2:not(.doc-heading)')) {
  let text = '';
  for (let n = h.nextElementSibling; n && !(n.tagName === 'H2' && !n.classList.contains('doc-heading'));
       n = n.nextElementSibling) {
    const figure = n.matches('.mermaid, img, svg') || n.querySelector('.mermaid, img, svg');
    text += n.innerText + (figure ? 'figure' : '');
  }
  if (!text.trim()) empty.push(h.innerText);
}
for (const c of document.querySelectorAll('article .doc-object > .doc-contents')) {
  if (!c.innerText.trim()) {
    empty.push(c.parentElement.querySelector('.doc-heading').innerText.split('\\n')[0]);
  }
}
return JSON.stringify({wide: wide, page: page, empty: empty});
"""


def _site_urls(site: Path, base_url: str) -> list[str]:
    return [
        urllib.parse.urljoin(base_url, page.relative_to(site).parent.as_posix() + "/")
        for page in _pages(site)
    ]


def test_no_page_is_wider_than_the_window_nor_breaks_a_name_and_no_api_section_is_empty(
    browser: Any, site: Path, base_url: str
) -> None:
    browser.set_window_size(1280, 1000)
    problems = {}
    for url in _site_urls(site, base_url):
        browser.get(url)
        found = json.loads(browser.execute_script(_LAYOUT_JS))
        # Code in a table (not a type in the API reference) breaks between words or after a dot.
        found["broken"] = browser.execute_script(_MID_WORD_BREAKS_JS, "article td code:not(.doc-contents *)")
        if found["wide"] or found["page"] or found["empty"] or found["broken"]:
            problems[url[len(base_url) :]] = found
    assert problems == {}, json.dumps(problems, indent=1)


_MERMAID_PAGES = ("", "quickstart/", "concepts/")


@pytest.mark.parametrize("path", _MERMAID_PAGES)
def test_mermaid_diagrams_render_as_svg(browser: Any, base_url: str, path: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(urllib.parse.urljoin(base_url, path))
    diagrams = browser.find_elements(By.CSS_SELECTOR, "article .mermaid")
    assert diagrams, f"no diagram on /{path}"

    def rendered(driver: Any) -> bool:
        script = (
            "return [...document.querySelectorAll('article .mermaid')].every("
            "d => (d.shadowRoot || d).querySelector('svg'))"
        )
        return bool(driver.execute_script(script))

    WebDriverWait(browser, 20).until(rendered)
    errors = browser.execute_script(
        "return [...document.querySelectorAll('article .mermaid')].filter("
        "d => ((d.shadowRoot || d).textContent || '').includes('Syntax error')).length"
    )
    assert errors == 0


_MID_WORD_BREAKS_JS = """
const broken = [];
for (const code of document.querySelectorAll(arguments[0])) {
  const chars = [];
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      chars.push([node.data[i], range.getBoundingClientRect().top]);
    }
  }
  for (let i = 1; i < chars.length; i++) {
    // Mid-word: a new line starts between two word characters (letters, digits, underscores).
    if (chars[i][1] > chars[i - 1][1] + 2 && /\\w/.test(chars[i - 1][0]) && /\\w/.test(chars[i][0])) {
      broken.push(code.innerText);
      break;
    }
  }
}
return broken;
"""


def test_rule_catalogue_ids_stay_whole_and_link_to_themselves(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    from duo_domain.rules import registry

    browser.set_window_size(1280, 1000)
    browser.get(urllib.parse.urljoin(base_url, "rules/"))
    rows = browser.find_elements(By.CSS_SELECTOR, "article tr[data-rule]")
    assert {row.get_attribute("id") for row in rows} == {rule.id for rule in registry}
    # A rendered id goes on to a new line only after a dot, never inside a word.
    broken = browser.execute_script(_MID_WORD_BREAKS_JS, "article tr[data-rule] td:first-child code")
    assert broken == []
    toc = browser.find_element(By.CSS_SELECTOR, ".md-sidebar--secondary").get_attribute("textContent")
    assert "…" not in toc


def test_rule_catalogue_filters_by_text_and_severity(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from duo_domain.rules import Severity, registry

    browser.get(urllib.parse.urljoin(base_url, "rules/"))

    def visible() -> set[str]:
        rows = browser.find_elements(By.CSS_SELECTOR, "article tr[data-rule]")
        return {row.get_attribute("id") for row in rows if row.is_displayed()}

    assert len(visible()) == len(registry)
    box = browser.find_element(By.CSS_SELECTOR, "#rule-filter-text")
    box.send_keys("onderwijsnummer")
    wanted = {
        r.id for r in registry if "onderwijsnummer" in f"{r.id} {r.summary} {r.source} {r.guidance}".lower()
    }
    assert wanted
    assert visible() == wanted
    box.clear()
    box.send_keys(" ")  # clear() does not fire an input event
    Select(browser.find_element(By.CSS_SELECTOR, "#rule-filter-severity")).select_by_value("afkeur")
    assert visible() == {r.id for r in registry if r.severity is Severity.AFKEUR}
