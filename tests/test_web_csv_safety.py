"""The web workbench's CSV downloads neutralise spreadsheet formulas as the command line's CSV outputs do
(OWASP "CSV injection": a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading
``'``; plain numbers are kept), and the JSON answers keep the values as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from thucydides.ledger import import_losses
from thucydides.outputs import FORMULA_PREFIXES
from thucydides.store import open_store, write_documents
from thucydides.stories import link_stories
from thucydides.web.app import create_app
from thucydides.web.state import Settings
from web_store import LEDGER, _claim, _doc, _prop

OUTLET = '=HYPERLINK("http://evil.invalid","open")'
TITLE = "+SUM(A1:A9)"
TEXT = "@cmd shelled the depot. -2+3 said the Kremlin denied striking it. Russia had lost at least 40 tanks."
TANKS = {"side": "RUS", "value": 40, "qualifier": "at least", "unit": "tanks", "categories": [],
         "period_end": "2022-04-10", "status": "asserted", "by": ["UKR"], "evidence": "Russia had lost at least 40 tanks"}
NAME = "=cmd|' /C calc'!A0"
URL = "\r=1+1"
ENDPOINTS = ["/api/v1/documents", "/api/v1/propositions", "/api/v1/stories", "/api/v1/disputes",
             "/api/v1/actors", "/api/v1/search?q=depot", "/api/v1/dyads/RUS/UKR?by=month",
             "/api/v1/ledger/checks", "/api/v1/ledger/series?side=RUS&source=oryx-daily&end=2022-12-31"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store whose outlet, title, URL, evidence and claim source start with formulas, with a ledger."""
    db = tmp_path_factory.mktemp("csvsafe") / "s.duckdb"
    doc = _doc("-1+doc", "2022-04-04", OUTLET, TITLE, TEXT, [
        _prop("ASSAULT", ["RUS"], ["UKR"], [_claim(TEXT, "@cmd shelled the depot", "alleged", ["UKR"], "\t=via"),
                                            _claim(TEXT, "-2+3 said", "denied", ["RUS"])], "2022-04-04", "Odesa")], [TANKS])
    with open_store(db) as store:
        write_documents(store, [doc])
        store.execute("UPDATE documents SET url = ?", [URL])
        store.execute("INSERT INTO actor_mentions VALUES ('-1+doc', 0, '@cmd', 'RUS', 'GOV', ?, 'state', 0, 4, "
                      "'test', '0')", [NAME])
        link_stories(store)
    import_losses([LEDGER / "daily.csv"], "oryx-daily", db)
    with TestClient(create_app(Settings(db))) as c:
        yield c


def _cells(client: TestClient, url: str) -> list[str]:
    r = client.get(url + ("&" if "?" in url else "?") + "format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), r.text
    rows = list(csv.reader(io.StringIO(r.text, newline="")))
    assert len(rows) > 1, url  # a header and at least one row: the check below is not vacuous
    return [c for row in rows for c in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_csv_download_holds_a_formula(client: TestClient, url: str) -> None:
    cells = _cells(client, url)
    assert not [c for c in cells if c.startswith(FORMULA_PREFIXES) and not _is_number(c)]


def test_the_hostile_values_are_kept_behind_a_quote_and_numbers_stay_numbers(client: TestClient) -> None:
    documents = _cells(client, "/api/v1/documents")
    assert {"'" + OUTLET, "'" + TITLE, "'" + URL, "'-1+doc"} <= set(documents)
    assert "'" + NAME in _cells(client, "/api/v1/actors")
    propositions = _cells(client, "/api/v1/propositions")
    assert "'" + OUTLET in propositions and "-9.0" in propositions  # a negative PLOVER score stays a number
    assert not [c for c in propositions if c.startswith("'alleged")]  # only a cell's start is quoted
    raw = client.get("/api/v1/documents").json()["items"][0]
    assert (raw["outlet"], raw["title"], raw["url"]) == (OUTLET, TITLE, URL)
