"""Acceptance checks on the shared loss data (skipped when ../shared is absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from thucydides.ledger.api import claims_from_file
from thucydides.ledger.check import check_claim
from thucydides.ledger.db import connect
from thucydides.ledger.importers import (
    import_oryx_bytype,
    import_oryx_daily,
    import_oryx_items,
    import_ua_mod,
)
from thucydides.ledger.ingest import store_parsed
from thucydides.ledger.problems import find_problems, reconcile
from thucydides.ledger.totals import totals

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def con(shared_dir: Path) -> duckdb.DuckDBPyConnection:
    losses = shared_dir / "losses"
    c = connect(":memory:")
    store_parsed(c, import_oryx_bytype([losses / "leedrake5_bytype_2022-03" / "oryx_bytype_2022-03-11_to_2022-03-20.csv"],
                                       {"source": "leedrake5"}), "oryx-bytype", [])
    store_parsed(c, import_oryx_daily([losses / "scarnecchia_oryx_data" / "daily_count.csv"], {}), "oryx-daily", [])
    events = sorted((losses / "scarnecchia_oryx_data").glob("event_*.csv"))
    store_parsed(c, import_oryx_items(events, {}), "oryx-items", [])
    mod = losses / "ua_mod_claimed" / "lod-db_orc-losses" / "russian-losses.json"
    store_parsed(c, import_ua_mod([mod], {}), "ua-mod", [])
    yield c
    c.close()


def test_seed_claim_is_consistent_with_the_days_before_publication(con: duckdb.DuckDBPyConnection,
                                                                   shared_dir: Path) -> None:
    (todo,) = claims_from_file(shared_dir / "eval" / "seed.gold.jsonl")
    assert (todo.claim.value, todo.claim.qualifier, todo.published) == (1262, "over", dt.date(2022, 3, 15))
    result = check_claim(todo.claim, todo.published, con)
    assert result.verdict == "consistent"
    basis = result.basis
    assert basis is not None and basis.source == "leedrake5" and basis.kind == "confirmed"
    assert basis.nearest is not None and (basis.nearest.date, basis.nearest.value) == (dt.date(2022, 3, 15), 1308)
    assert [f.value for f in basis.figures] == [1136, 1149, 1308]
    assert basis.missing_dates == (dt.date(2022, 3, 14),)
    items = next(c for c in result.comparisons if c.source == "items")
    assert items.verdict == "no_data" and not items.figures  # the first scrape date is not a date of loss


def test_item_level_first_date_is_a_scrape_date(con: duckdb.DuckDBPyConnection) -> None:
    before = totals(con, "RUS", dt.date(2022, 3, 18))
    assert before.rows == [] and "no figure" in before.notes[0]
    lost = con.execute("SELECT count(*) FROM ledger_items WHERE lost IS NOT NULL").fetchone()
    assert lost == (0,)


def test_russian_totals_on_2022_03_19_reconcile_with_the_daily_totals(con: duckdb.DuckDBPyConnection) -> None:
    lines = dict(reconcile(con, "RUS", dt.date(2022, 3, 19), "oryx-daily"))
    assert lines["oryx-daily headline (all) on 2022-03-19"] == 1610
    double = lines["  items with two statuses (each would be counted twice by status rows)"]
    items = lines["item ledger: items recorded by then (each once)"]
    assert double > 0 and lines["  status rows (items + double statuses)"] == items + double
    assert lines["  items whose final status is abandoned"] == lines["  headline abandoned"]
    outside = lines["  items in categories outside the headline (ATGMs, MANPADS)"]
    assert outside > 0
    residual = lines["residual: headline minus items in headline categories"]
    assert residual == 1610 - (items - outside)
    assert 0 <= residual < 0.15 * 1610


def test_known_glitch_row_is_reported(con: duckdb.DuckDBPyConnection) -> None:
    outliers = [(p.category, p.date, p.detail) for p in find_problems(con) if p.kind == "outlier"]
    assert ("All Types", dt.date(2022, 3, 28), "destroyed 100 between 959 (2022-03-27) and 1,041 (2022-03-29)") \
        in outliers


def test_every_oryx_category_name_and_status_text_is_mapped(shared_dir: Path) -> None:
    import csv

    from thucydides.ledger.taxonomy import category_of, parse_statuses

    folder = shared_dir / "losses" / "oryx_taxonomy"
    with (folder / "russia_category_names_timeline_mauforonda_2022-02-24_2024-08-31.csv").open(encoding="utf-8") as f:
        unmapped = [r["category"] for r in csv.DictReader(f) if category_of(r["category"]) is None]
    assert unmapped == ["tured: 569)"]  # a broken row of that file, not a category name
    with (folder / "oryx_headings_totals_snapshot_2026-04-28.csv").open(encoding="utf-8") as f:
        headings = [r["heading"] for r in csv.DictReader(f) if r["level"] == "category"]
    assert len(headings) == 50 and all(category_of(h) for h in headings)
    with (folder / "status_text_vocabulary_klaas-wie_2026-04.csv").open(encoding="utf-8") as f:
        texts = [r["raw_status_text"] for r in csv.DictReader(f)]
    assert len(texts) == 90 and all(parse_statuses(t) for t in texts)
