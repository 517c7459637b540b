"""The workbench pages rendered on the server (no browser): every page answers, escapes the article text,
keeps its state in the URL, links its tables to CSV; and the pieces the pages draw from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from thucydides.cli import main
from thucydides.store.api_queries import escape_like
from thucydides.web.app import create_app
from thucydides.web.geo import centroids, group_points, place_of
from thucydides.web.state import Settings
from thucydides.web.views import bars, highlight, polylines
from web_store import HOSTILE, build_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("pages") / "web.duckdb")
    with TestClient(create_app(Settings(db))) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/documents", "/documents/doc-port", "/propositions?actor=RUS",
                                  "/disputes", "/timeline?actor=RUS&recipient=UKR&by=month", "/map",
                                  "/search?q=Odesa", "/losses?side=RUS&category=all", "/docs"])
def test_pages_answer_with_html_and_a_strict_csp(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "unsafe-inline" not in r.headers["content-security-policy"]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", r.text), "inline script"
    assert " style=" not in r.text and "<style" not in r.text and " on" + "click=" not in r.text


def test_reader_escapes_the_text_title_and_outlet(client: TestClient) -> None:
    html = client.get("/documents/doc-hostile").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html and "<b>Evil" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&amp;amp; &amp;lt;b&amp;gt;" in html  # entities in the text are shown as written
    assert 'href="javascript:' not in html


def test_reader_highlights_each_claim_by_status(client: TestClient) -> None:
    html = client.get("/documents/doc-port").text
    assert html.count('<mark class="ev ev-alleged"') == 1 and html.count('<mark class="ev ev-denied"') == 1
    assert 'id="cd-0-0"' in html and 'id="cd-0-1"' in html and 'href="/stories/' in html


def test_story_page_and_html_errors(client: TestClient) -> None:
    story = client.get("/api/v1/disputes").json()["items"][0]["id"]
    html = client.get(f"/stories/{story}").text
    assert "Against (1)" in html and "For (1)" in html and "Harbour Gazette" in html
    missing = client.get("/documents/nope")
    assert missing.status_code == 404 and "E020" in missing.text and missing.headers["content-type"].startswith("text/html")


def test_timeline_says_what_it_leaves_out(client: TestClient) -> None:
    default = client.get("/timeline?actor=RUS&recipient=UKR&by=month").text
    assert "excluded by default" in default and "THREATEN" not in default
    ticked = client.get("/timeline?actor=RUS&recipient=UKR&by=month&status=hypothetical").text
    assert "excluded by default" not in ticked and "THREATEN" in ticked
    assert "status=hypothetical" in ticked and "format=csv" in ticked


def test_search_facets_link_to_narrower_urls(client: TestClient) -> None:
    html = client.get("/search?q=Odesa").text
    assert 'href="?q=Odesa&amp;outlet=Harbour+Gazette"' in html
    assert "Harbour Gazette" in client.get("/search?q=Odesa&outlet=Harbour+Gazette").text


def test_highlight_cuts_the_text_at_every_evidence_boundary() -> None:
    text = "abcdefghij"
    props = [{"idx": 0, "claims": [{"idx": 0, "status": "asserted", "start": 2, "end": 6},
                                   {"idx": 1, "status": "denied", "start": 4, "end": 8},
                                   {"idx": 2, "status": "alleged", "start": 5, "end": 99}]}]
    segments = highlight(text, props)
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.status) for s in segments] == [("ab", None), ("cd", "asserted"), ("ef", "denied"),
                                                      ("gh", "denied"), ("ij", None)]  # claim 2 ends past the text
    assert segments[2].key == "0-0" and segments[3].key == "0-1"


def test_bars_stack_and_lines_share_axes() -> None:
    row = {"period": "2022-04-01", "verbal_coop": 1, "material_coop": 0, "verbal_conflict": 1,
           "material_conflict": 2, "total": 4}
    stacked = bars([row, {**row, "material_conflict": 0, "total": 2}], height=100)
    assert [b.quad for b in stacked[:3]] == ["verbal_coop", "verbal_conflict", "material_conflict"]
    assert sum(b.h for b in stacked[:3]) == 100 and stacked[-1].y == 50
    lines, top = polylines({"a": [(dt.date(2022, 1, 1), 0), (dt.date(2022, 1, 11), 10)]}, width=100, height=50)
    assert top == 10 and lines["a"] == "0.0,50.0 100.0,0.0"
    assert bars([]) == [] and polylines({}) == ({}, 0)


def test_events_are_placed_by_location_recipient_then_actor() -> None:
    pytest.importorskip("spacy")
    assert place_of("Kharkiv", ["RUS"], ["UKR"]) == ("UKR", "location")
    assert place_of("the outskirts of Belgorod", ["UKR"], ["UKR"]) == ("RUS", "location")
    assert place_of(None, ["FRA"], ["XYZ"]) == ("FRA", "actor")
    assert place_of("nowhere in particular", ["EU"], []) is None
    lat, lon, name = centroids()["RUS"]
    assert name == "Russia" and 50 < lat < 70 and 40 < lon < 140


def test_resolved_places_sit_at_their_coordinates() -> None:
    rows = [{"doc_id": "d", "idx": 0, "lat": 50.45, "lon": 30.52, "place_name": "Kyiv", "actor": ["RUS"],
             "recipient": ["UKR"]},
            {"doc_id": "d", "idx": 1, "lat": None, "lon": None, "location": None, "actor": ["FRA"], "recipient": []},
            {"doc_id": "d", "idx": 2, "lat": None, "lon": None, "location": None, "actor": [], "recipient": []}]
    points, unplaced = group_points(rows)
    assert unplaced == 1
    assert {(p["place"], p["placed_by"], p["lat"]) for p in points} == {("Kyiv", "place", 50.45),
                                                                         ("France", "actor", centroids()["FRA"][0])}


def test_escape_like_takes_wildcards_literally() -> None:
    assert escape_like("100%_a\\b") == "100\\%\\_a\\\\b"
    assert "100%_done" in HOSTILE


def test_serve_on_a_missing_store_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: [E013]") and "\n" not in err
