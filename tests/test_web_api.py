"""Contract tests of the REST API: status codes, schemas, pagination, ETags, error bodies, filters, SQL
injection on every filter, CSV downloads, the ledger endpoints and the ingest token."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import itertools

from fastapi.testclient import TestClient

from thucydides.errors import InputError
from thucydides.store import open_store
from thucydides.web import schemas
from thucydides.web.app import create_app
from thucydides.web.state import Settings
from web_store import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db))) as c:
        yield c


def ok(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def ids(page: dict[str, Any]) -> list[tuple[str, int]]:
    return [(p["doc_id"], p["idx"]) for p in page["items"]]


@pytest.mark.parametrize(("url", "model"), [
    ("/api/v1/documents", schemas.DocumentPage), ("/api/v1/documents/doc-port", schemas.DocumentOut),
    ("/api/v1/propositions", schemas.PropositionPage), ("/api/v1/propositions/facets", schemas.FacetsOut),
    ("/api/v1/stories", schemas.StoryPage), ("/api/v1/disputes", schemas.StoryPage),
    ("/api/v1/dyads/RUS/UKR?by=month", schemas.DyadSeries), ("/api/v1/actors", schemas.ActorPage),
    ("/api/v1/search?q=Odesa", schemas.SearchPage), ("/api/v1/map/points", schemas.MapPoints),
    ("/api/v1/ledger/checks", schemas.CheckPage), ("/api/v1/loss-claims", schemas.LossClaimPage),
    ("/api/v1/ledger/totals?side=RUS&as_of=2022-04-10&source=oryx-bytype", schemas.LedgerTotalsOut),
])
def test_every_endpoint_answers_with_its_schema(client: TestClient, url: str, model: Any) -> None:
    model.model_validate(ok(client, url))


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = ok(client, "/openapi.json")["paths"]
    for path in ("/api/v1/documents", "/api/v1/documents/{doc_id}", "/api/v1/propositions", "/api/v1/stories",
                 "/api/v1/disputes", "/api/v1/dyads/{actor}/{recipient}", "/api/v1/actors", "/api/v1/search",
                 "/api/v1/ledger/totals", "/api/v1/ledger/series", "/api/v1/ledger/checks", "/api/v1/map/points",
                 "/api/v1/downloads/{fmt}"):
        assert path in paths
    assert "/api/v1/documents" in paths and "post" not in paths["/api/v1/documents"]
    assert client.get("/docs").status_code == 200


def test_pages_of_propositions_are_stable_and_complete(client: TestClient) -> None:
    everything = ok(client, "/api/v1/propositions?per_page=500")
    assert everything["total"] == len(everything["items"]) == 6 and everything["next"] is None
    seen: list[tuple[str, int]] = []
    url: str | None = "/api/v1/propositions?per_page=2"
    while url:
        page = ok(client, url)
        assert len(page["items"]) <= 2 and page["total"] == 6
        seen += ids(page)
        url = page["next"]
    assert seen == ids(everything)
    dates = [p["event_date"] for p in everything["items"]]
    assert dates == sorted(dates)
    assert ok(client, "/api/v1/propositions?per_page=2&page=9")["items"] == []


def test_proposition_pages_link_by_cursor_and_country_takes_alpha_3(client: TestClient) -> None:
    first = ok(client, "/api/v1/propositions?per_page=4")
    assert first["next"] and "cursor=" in first["next"] and "&page=" not in first["next"]
    second = ok(client, first["next"])
    assert second["page"] == 2 and second["prev"].endswith("page=1") and len(second["items"]) == 2
    params = {p["name"]: p for p in ok(client, "/openapi.json")["paths"]["/api/v1/propositions"]["get"]["parameters"]}
    assert "ISO 3166-1 alpha-3" in params["country"]["description"] and "cursor" in params
    assert ok(client, "/api/v1/propositions?country=Ukraine")["total"] == 0  # a name is not a code


def test_etag_gives_304_and_changes_with_the_query(client: TestClient) -> None:
    first = client.get("/api/v1/propositions?actor=RUS")
    tag = first.headers["etag"]
    again = client.get("/api/v1/propositions?actor=RUS", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/v1/propositions?actor=FRA").headers["etag"] != tag


@pytest.mark.parametrize(("query", "expected"), [
    ("actor=fra", {("doc-aid", 0)}), ("recipient=UKR&type=THREATEN", {("doc-threat", 0)}),
    ("verdict=disputed", {("doc-port", 0)}), ("status=hypothetical", {("doc-threat", 0)}),
    ("status=denied&status=hypothetical", {("doc-port", 0), ("doc-threat", 0)}),
    ("since=2022-05-01&until=2022-05-19", {("doc-threat", 0), ("doc-threat", 1)}),
    ("outlet=harbour gazette", {("doc-port", 0), ("doc-aid", 0)}),
    ("place=odesa", {("doc-port", 0), ("doc-silo", 0)}), ("text=grain silo", {("doc-silo", 0)}),
    ("country=ukr", {("doc-port", 0), ("doc-silo", 0), ("doc-threat", 0), ("doc-threat", 1)}),
    ("country=RUS", set()), ("country=XYZ", set()),
])
def test_each_filter_selects_what_it_names(client: TestClient, query: str, expected: set[tuple[str, int]]) -> None:
    assert set(ids(ok(client, f"/api/v1/propositions?per_page=500&{query}"))) == expected


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/v1/propositions?since=yesterday", 400, "E006"), ("/api/v1/propositions?verdict=probable", 400, "E001"),
    ("/api/v1/propositions?status=likely", 400, "E001"), ("/api/v1/propositions?page=0", 400, "E001"),
    ("/api/v1/propositions?per_page=501", 400, "E001"), ("/api/v1/documents/no-such-doc", 404, "E020"),
    ("/api/v1/stories/no-such-story", 404, "E020"), ("/api/v1/no-such-endpoint", 404, "E020"),
    ("/api/v1/dyads/RUS/UKR?by=decade", 400, "E001"), ("/api/v1/downloads/parquet", 400, "E001"),
    ("/api/v1/propositions?format=xml", 400, "E001"), ("/api/v1/ledger/totals?side=FRA", 400, "E001"),
    ("/api/v1/propositions?cursor=not-a-cursor", 400, "E040"), ("/api/v1/propositions?cursor=WzEsMl0", 400, "E040"),
])
def test_errors_are_json_with_project_codes(client: TestClient, url: str, status: int, code: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    schemas.ErrorOut.model_validate(body)


_INJECTIONS = ("' OR '1'='1", "RUS') OR 1=1 --", "x'; DROP TABLE propositions; --", "%", "_", "\\", '"; --')
_FREE_TEXT = ("actor", "recipient", "outlet", "place", "text", "country")


@pytest.mark.parametrize("value", _INJECTIONS)
@pytest.mark.parametrize("param", (*_FREE_TEXT, "type", "verdict", "status", "since", "until"))
def test_sql_injection_on_every_filter_matches_nothing(client: TestClient, db: Path, param: str, value: str) -> None:
    r = client.get("/api/v1/propositions", params={param: value, "per_page": 500})
    if param in _FREE_TEXT:
        assert r.status_code == 200
        if param != "text":  # text keeps `thucydides query`'s word match, where % and _ are wildcards
            assert r.json()["total"] == 0, (param, value)
    else:
        assert r.status_code == 400 and r.json()["error"]["code"] in ("E001", "E006")
    assert client.get("/api/v1/propositions").json()["total"] == 6


def test_search_pages_are_remembered_per_page_and_per_search(client: TestClient) -> None:
    one = ok(client, "/api/v1/search?q=odesa&per_page=1")
    two = ok(client, "/api/v1/search?q=odesa&per_page=1&page=2")
    assert one["total"] == two["total"] >= 2 and one["items"][0]["id"] != two["items"][0]["id"]
    assert ok(client, "/api/v1/search?q=odesa&per_page=1") == one
    both, flipped = ok(client, "/api/v1/search?q=odesa+shelled"), ok(client, "/api/v1/search?q=shelled+odesa")
    assert [d["id"] for d in both["items"]] == [d["id"] for d in flipped["items"]] != []
    assert ok(client, "/api/v1/search?q=odesa+shelled&per_page=1&page=9")["items"] == []


def test_search_takes_wildcards_literally_and_facets_the_hits(client: TestClient) -> None:
    assert [d["id"] for d in ok(client, "/api/v1/search?q=100%25_done")["items"]] == ["doc-hostile"]
    assert ok(client, "/api/v1/search?q=%25%25")["total"] == 0
    found = ok(client, "/api/v1/search?q=odesa")
    assert {d["id"] for d in found["items"]} == {"doc-port", "doc-silo"} and found["method"] == "substring"
    assert {f["value"]: f["n"] for f in found["facets"]["outlet"]} == {"Harbour Gazette": 1, "Steppe Courier": 1}
    assert "Odesa" in found["items"][0]["snippet"]


def test_dyad_series_leaves_out_hypothetical_and_denied_by_default(client: TestClient) -> None:
    default = ok(client, "/api/v1/dyads/RUS/UKR?by=month")
    assert default["statuses"] == ["asserted", "alleged"]
    assert {r["period"]: r["total"] for r in default["series"]} == {"2022-04-01": 2, "2022-05-01": 1, "2022-06-01": 1}
    every = ok(client, "/api/v1/dyads/RUS/UKR?by=month&status=asserted&status=alleged&status=hypothetical")
    assert {r["period"]: r["total"] for r in every["series"]}["2022-05-01"] == 2
    assert ok(client, "/api/v1/dyads/UKR/FRA?by=month&both=true&status=asserted")["series"][0]["material_coop"] == 1


def test_disputes_list_the_claims_for_and_against(client: TestClient) -> None:
    (story,) = ok(client, "/api/v1/disputes")["items"]
    sides = {(c["side"], c["doc_id"], tuple(c["by"])) for c in story["claims"]}
    assert ("denies", "doc-port", ("RUS",)) in sides and ("affirms", "doc-port", ("UKR",)) in sides


def test_map_points_are_placed_by_location_then_recipient(client: TestClient) -> None:
    points = ok(client, "/api/v1/map/points")["points"]
    by_place = {(p["place"], p["placed_by"]): p["count"] for p in points}
    assert by_place[("Ukraine", "location")] == 3  # Odesa twice, Kharkiv; the Kyiv threat is hypothetical
    assert by_place[("Ukraine", "recipient")] == 2  # the aid package and the hostile article have no location


def _csv(client: TestClient, url: str) -> list[dict[str, str]]:
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(r.text)))


def test_csv_downloads_hold_every_matching_row(client: TestClient) -> None:
    rows = _csv(client, "/api/v1/propositions?format=csv&actor=RUS")
    assert len(rows) == 5 and {"event_date", "type", "actor", "claims"} <= set(rows[0])
    assert len(_csv(client, "/api/v1/documents?format=csv")) == 5
    assert _csv(client, "/api/v1/dyads/RUS/UKR?format=csv&by=month")[0]["period"] == "2022-04-01"
    assert {r["side"] for r in _csv(client, "/api/v1/disputes?format=csv")} == {"affirms", "denies"}
    assert _csv(client, "/api/v1/ledger/checks?format=csv")[0]["verdict"] in ("consistent", "overstated", "understated",
                                                                             "no_data")


def test_ledger_totals_series_and_checks(client: TestClient) -> None:
    totals = ok(client, "/api/v1/ledger/totals?side=RUS&as_of=2022-04-10&source=oryx-bytype")
    assert totals["rows"] and totals["source"] == "oryx-bytype"
    series = ok(client, "/api/v1/ledger/series?side=RUS&source=oryx-daily&end=2022-12-31")["series"]
    assert [p["date"] for p in series] == sorted(p["date"] for p in series) and len(series) > 1
    assert all(b["change"] == b["cumulative"] - a["cumulative"] for a, b in itertools.pairwise(series))
    checks = ok(client, "/api/v1/ledger/checks")
    assert checks["ledger"] is True and checks["items"][0]["verdict"] is not None


def test_downloads_in_the_export_formats(client: TestClient) -> None:
    plover = client.get("/api/v1/downloads/plover")
    assert plover.status_code == 200 and plover.text.count("\n") == 6
    assert client.get("/api/v1/downloads/jsonl").text.count("\n") >= 5


def test_store_without_ledger(tmp_path: Path) -> None:
    db = build_store(tmp_path / "plain.duckdb", ledger=False)
    with TestClient(create_app(Settings(db))) as c:
        assert c.get("/api/v1/ledger/totals").json()["error"]["code"] == "E020"
        checks = c.get("/api/v1/ledger/checks").json()
        assert checks["ledger"] is False and checks["items"][0]["verdict"] is None


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/api/v1/propositions", "/static/app.css", "/api/v1/nope"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_read_only_server_refuses_post(client: TestClient) -> None:
    r = client.post("/api/v1/documents", json={"text": "Russia shelled Kharkiv."})
    assert r.status_code == 405 and r.json()["error"]["code"] == "E001"


def test_ingest_needs_a_token(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E021"):
        create_app(Settings(tmp_path / "x.duckdb", allow_ingest=True))


def test_post_documents_with_the_bearer_token(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    db = build_store(tmp_path / "ingest.duckdb", ledger=False)
    article = {"text": "Russian forces shelled the city of Kharkiv on Tuesday, Ukrainian officials said.",
               "published": "2022-07-05", "outlet": "Test Wire", "title": "Kharkiv shelled"}
    with TestClient(create_app(Settings(db, allow_ingest=True, token="s3cret"))) as c:
        assert c.post("/api/v1/documents", json=article).json()["error"]["code"] == "E021"
        wrong = c.post("/api/v1/documents", json=article, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        bad = c.post("/api/v1/documents", content=b"[1, 2]", headers={"Authorization": "Bearer s3cret"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E007"
        assert c.get("/api/v1/search?q=tuesday").json()["total"] == 0  # its postings are now in memory
        r = c.post("/api/v1/documents", json=article, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 201 and r.json()["added"] == 1, r.text
        found = c.get("/api/v1/search?q=tuesday").json()  # and were dropped by the ingest, as was the page
        assert found["total"] == 1 and [d["title"] for d in found["items"]] == ["Kharkiv shelled"]
        assert c.get("/api/v1/documents").json()["total"] == 6
        batch = b'{"text": "Israel struck targets in Gaza."}\n{"text": "Iran condemned the strike."}\n'
        r = c.post("/api/v1/documents", content=batch, headers={"Authorization": "Bearer s3cret",
                                                                 "Content-Type": "application/x-ndjson"})
        assert r.json()["added"] == 2
    with open_store(db, read_only=True) as store:
        assert store.count("documents") == 8


def test_an_ingest_in_progress_does_not_block_readers(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    import threading

    from thucydides.pipeline.run import extract_batch

    db = build_store(tmp_path / "busy.duckdb", ledger=False)
    entered, release = threading.Event(), threading.Event()

    def held(articles: Any) -> Any:  # the real extractor, held until the reader has been answered
        entered.set()
        release.wait(60)
        return extract_batch(articles)

    with TestClient(create_app(Settings(db, allow_ingest=True, token="t"), extractor=held)) as c:
        result: dict[str, Any] = {}
        post = threading.Thread(target=lambda: result.update(r=c.post(
            "/api/v1/documents", json={"text": "Russian forces shelled Kharkiv."}, headers={"Authorization": "Bearer t"})))
        post.start()
        assert entered.wait(60)
        assert c.get("/api/v1/documents").json()["total"] == 5  # answered while the ingest is under way
        release.set()
        post.join(60)
        assert result["r"].status_code == 201 and c.get("/api/v1/documents").json()["total"] == 6
