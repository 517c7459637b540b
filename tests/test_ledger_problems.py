"""Data problems, reconciliation, totals and series on hand-written fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from thucydides.errors import InvalidValue
from thucydides.ledger.db import connect
from thucydides.ledger.importers import import_oryx_bytype, import_oryx_daily, import_oryx_items
from thucydides.ledger.ingest import store_parsed
from thucydides.ledger.problems import find_problems, reconcile
from thucydides.ledger.totals import series, totals

FIX = Path(__file__).parent / "fixtures" / "ledger"


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = connect(":memory:")
    store_parsed(c, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    store_parsed(c, import_oryx_daily([FIX / "daily.csv"], {}), "oryx-daily", [])
    yield c
    c.close()


def _kinds(con: duckdb.DuckDBPyConnection, kind: str) -> list[tuple[str, dt.date | None, str]]:
    return [(p.category, p.date, p.detail) for p in find_problems(con, dt.date(2026, 1, 1)) if p.kind == kind]


def test_negative_daily_change(con: duckdb.DuckDBPyConnection) -> None:
    found = _kinds(con, "negative_change")
    assert ("All Types", dt.date(2022, 4, 3), "destroyed fell from 44 (2022-04-02) to 4") in found
    assert ("All Types", dt.date(2022, 4, 6), "destroyed fell from 50 (2022-04-04) to 48") in found


def test_dates_before_the_invasion_or_in_the_future(con: duckdb.DuckDBPyConnection) -> None:
    found = _kinds(con, "date_out_of_range")
    assert {(c, d) for c, d, _ in found} == {("All Types", dt.date(2022, 2, 20)), ("Tanks", dt.date(2099, 1, 1))}


def test_outlier_row(con: duckdb.DuckDBPyConnection) -> None:
    found = _kinds(con, "outlier")
    assert found and found[0][:2] == ("All Types", dt.date(2022, 4, 3))
    assert "destroyed 4 between 44" in found[0][2]


def test_model_totals_against_category_totals(con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_bytype([FIX / "bytype.csv"], {"source": "lee"}), "oryx-bytype", [])
    found = [(p.source, c, d, detail) for p in find_problems(con, dt.date(2026, 1, 1))
             if p.kind == "model_category_mismatch" for c, d, detail in [(p.category, p.date, p.detail)]]
    assert ("oryx-daily", "tanks", dt.date(2099, 1, 1), "2 items by model vs 15 by category (-13)") in found
    assert all(src != "lee" or cat != "tanks" for src, cat, _, _ in found)  # 2 tanks vs 2: no problem


def test_reconcile_explains_double_statuses_and_outside_categories(con: duckdb.DuckDBPyConnection) -> None:
    lines = dict(reconcile(con, "RUS", dt.date(2022, 4, 9), "oryx-daily"))
    assert lines["item ledger: items recorded by then (each once)"] == 7
    assert lines["  items with two statuses (each would be counted twice by status rows)"] == 1
    assert lines["  items in categories outside the headline (ATGMs, MANPADS)"] == 1
    assert lines["items in headline categories"] == 6
    assert lines["  items whose final status is captured"] == 2  # the damaged-and-captured BMP + the Konkurs


def test_item_totals_by_category_status_and_day(con: duckdb.DuckDBPyConnection) -> None:
    by_cat = dict(totals(con, "rus", dt.date(2022, 4, 9)).rows)
    assert by_cat["tanks"] == (2, 2, 0, 0, 0) and by_cat["ifvs"] == (2, 0, 1, 1, 1)
    by_status = totals(con, "RUS", dt.date(2022, 4, 9), "status")
    assert dict(by_status.rows)["captured"][0] == 2 and "counted under both" in by_status.notes[0]
    by_day = totals(con, "RUS", dt.date(2022, 4, 9), "day")
    assert [k for k, _ in by_day.rows] == ["2022-04-02", "2022-04-05", "2022-04-09"]
    assert "backlog" in by_day.notes[0]
    early = totals(con, "RUS", dt.date(2022, 3, 1))
    assert early.rows == [] and early.notes[0].startswith("no figure")


def test_daily_source_totals_say_when_the_date_has_no_figure(con: duckdb.DuckDBPyConnection) -> None:
    result = totals(con, "RUS", dt.date(2022, 4, 5), "status", "oryx-daily")
    assert "no figure for 2022-04-05" in result.notes[0]
    assert dict(result.rows)["total"] == (90,)
    with pytest.raises(InvalidValue):
        totals(con, "RUS", dt.date(2022, 4, 5), "status", "nonesuch")
    with pytest.raises(InvalidValue):
        totals(con, "XYZ", dt.date(2022, 4, 5))


def test_series_rates_daily_and_weekly(con: duckdb.DuckDBPyConnection) -> None:
    points = series(con, "RUS", dt.date(2022, 4, 1), dt.date(2022, 4, 30), "oryx-daily", "all")
    assert [p.cumulative for p in points] == [75, 81, 42, 90, 89]
    assert points[-1].change == -1 and points[-1].per_day == -0.5
    weekly = series(con, "RUS", dt.date(2022, 4, 1), dt.date(2022, 4, 30), "oryx-daily", "all", freq="week")
    assert [p.date for p in weekly] == [dt.date(2022, 4, 3), dt.date(2022, 4, 6)]
    items = series(con, "RUS", dt.date(2022, 4, 1), dt.date(2022, 4, 30))
    assert [p.cumulative for p in items] == [3, 5, 6]  # headline categories: the Konkurs (ATGM) is left out


def test_series_of_an_aggregate_category_is_one_cumulative_line(con: duckdb.DuckDBPyConnection) -> None:
    points = series(con, "RUS", dt.date(2022, 4, 1), dt.date(2022, 4, 30), category="armoured_combat")
    assert [(p.date, p.cumulative) for p in points] == [(dt.date(2022, 4, 2), 1), (dt.date(2022, 4, 5), 2)]


def test_reconcile_lists_category_differences_when_the_source_has_categories(
        con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_bytype([FIX / "bytype.csv"], {"source": "lee"}), "oryx-bytype", [])
    lines = dict(reconcile(con, "RUS", dt.date(2022, 4, 8), "lee"))
    assert lines["lee headline (all) on 2022-04-08"] == 103
    assert lines["  by category: tanks (daily 1, items 2), items minus daily"] == 1
    assert lines["  by category: trucks (daily 0, items 1), items minus daily"] == 1
    assert not any("by category" in label for label in dict(reconcile(con, "RUS", dt.date(2022, 4, 9), "oryx-daily")))


def test_by_model_totals_against_by_category_totals(con: duckdb.DuckDBPyConnection) -> None:
    from thucydides.ledger.importers import import_oryx_bymodel

    snapshot = {"date": "2022-05-01"}
    store_parsed(con, import_oryx_bymodel([FIX / "bymodel.csv"], snapshot), "oryx-bymodel", [])
    store_parsed(con, import_oryx_bytype([FIX / "bytype_snapshot.csv"], {**snapshot, "source": "snap"}),
                 "oryx-bytype", [])
    found = [(p.source, p.category, p.detail) for p in find_problems(con, dt.date(2026, 1, 1))
             if p.kind == "model_category_mismatch" and " vs " in p.source]
    assert found == [("oryx-bymodel vs snap", "trucks", "9 by model vs 1 by category (+8)")]
