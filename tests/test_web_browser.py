"""The workbench in a real browser (Debian's chromium through Playwright): every page loads without a
console error, filters change the URL and the result, the highlight panel opens and follows the keyboard,
the map draws markers, CSV downloads parse, and hostile article text never runs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("playwright.sync_api")

from web_server import browser, chromium_available, serve
from web_store import build_store

if not chromium_available():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

PAGES = ("/", "/documents", "/documents/doc-port", "/propositions", "/disputes",
         "/timeline?actor=RUS&recipient=UKR&by=month", "/map", "/search?q=Odesa", "/losses", "/docs")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("browser") / "web.duckdb")
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as b:
        yield b


@pytest.fixture()
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(accept_downloads=True)
    p = context.new_page()
    p.errors = []
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("dialog", lambda d: (p.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield p
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_console_errors(page: Any, base: str, path: str) -> None:
    response = page.goto(base + path, wait_until="networkidle")
    assert response.status == 200
    assert page.title().endswith("Thucydides")
    assert page.errors == []


def _rows(page: Any) -> int:
    return int(page.locator("#results tbody tr").count())


def test_filters_change_the_url_and_the_result(page: Any, base: str) -> None:
    page.goto(base + "/propositions")
    assert _rows(page) == 6
    page.fill("input[name=actor]", "fra")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/propositions?actor=fra")
    assert _rows(page) == 1 and "AID" in page.inner_text("#results")
    assert page.errors == []


def test_timeline_excludes_hypothetical_until_ticked(page: Any, base: str) -> None:
    page.goto(base + "/timeline?actor=RUS&recipient=UKR&by=month")
    assert "excluded by default" in page.inner_text("#status-note")
    before = _rows(page)
    page.check("input[name=status][value=hypothetical]")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**status=hypothetical**")
    assert _rows(page) == before + 1 and "THREATEN" in page.inner_text("#results")
    assert "excluded by default" not in page.inner_text("#status-note")
    assert page.locator("svg rect").count() >= 3


def test_highlight_panel_opens_on_hover_focus_and_keys(page: Any, base: str) -> None:
    page.goto(base + "/documents/doc-port")
    marks = page.locator("mark.ev")
    assert marks.count() == 2
    assert page.locator("mark.ev-alleged").count() == 1 and page.locator("mark.ev-denied").count() == 1
    marks.nth(0).hover()
    detail = page.locator("#cd-0-0")
    assert detail.is_visible() and "UKR" in detail.inner_text() and "Harbour Gazette" in detail.inner_text()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.claim") == "0-1"
    assert page.locator("#cd-0-1").is_visible() and not detail.is_visible()
    assert "RUS" in page.locator("#cd-0-1").inner_text()
    page.click("button.goto[data-claim='0-0']")
    assert page.evaluate("document.activeElement.dataset.claim") == "0-0"


def test_map_draws_markers(page: Any, base: str) -> None:
    page.goto(base + "/map")
    page.wait_for_selector("#map[data-markers]")
    assert page.locator(".event-marker").count() >= 1
    assert page.locator("path.leaflet-interactive").count() > 100  # the Natural Earth countries
    assert "events on the map" in page.inner_text("#map-status")
    assert page.errors == []


def test_csv_download_is_valid(page: Any, base: str) -> None:
    page.goto(base + "/propositions?actor=RUS")
    with page.expect_download() as info:
        page.click("a.csv")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5 and all(r["actor"] == "RUS" for r in rows)


@pytest.mark.parametrize("path", ("/documents/doc-hostile", "/propositions", "/search?q=depot", "/map",
                                  "/documents", "/disputes?actor=RUS"))
def test_hostile_text_is_shown_and_never_runs(page: Any, base: str, path: str) -> None:
    page.goto(base + path, wait_until="networkidle")
    for mark in page.locator("mark.ev").all():
        mark.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.errors == []
    if path == "/documents/doc-hostile":
        text = page.inner_text("#doc-text")
        assert "<script>window.__pwned = 1</script>" in text and 'onerror="window.__pwned = 2"' in text
        assert "&amp; &lt;b&gt;bold&lt;/b&gt;" in text and "100%_done" in text
        assert page.locator("#doc-text script, #doc-text img, #doc-text a, main a[href^=javascript]").count() == 0
        assert "<script>" in page.inner_text("h1")
        assert "<img src=x" in page.inner_text("#cd-0-0")
