"""check_claim: qualifiers, scopes, windows, confirmed vs claimed, no figure -> no guess (own fixtures)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import duckdb
import pytest

from thucydides.errors import InvalidValue
from thucydides.ledger.api import claims_from_file
from thucydides.ledger.check import NO_LEDGER, check_claim, claim_range, claim_scope, summarize
from thucydides.ledger.db import connect
from thucydides.ledger.importers import (
    import_oryx_bytype,
    import_oryx_daily,
    import_oryx_items,
    import_ua_mod,
)
from thucydides.ledger.ingest import store_parsed
from thucydides.model import LossClaim, Provenance

FIX = Path(__file__).parent / "fixtures" / "ledger"
PROV = Provenance("doc", 0, 1, "test", "0")


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = connect(":memory:")
    store_parsed(c, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    store_parsed(c, import_oryx_bytype([FIX / "bytype.csv"], {"source": "lee"}), "oryx-bytype", [])
    store_parsed(c, import_oryx_daily([FIX / "daily.csv"], {}), "oryx-daily", [])
    store_parsed(c, import_ua_mod([FIX / "mod_petro.json"], {}), "ua-mod", [])
    store_parsed(c, import_ua_mod([FIX / "mod_loddb.json"], {}), "ua-mod", [])
    yield c
    c.close()


def _claim(value: int, qualifier: str, unit: str, side: str = "RUS", categories: tuple[str, ...] = (),
           period_end: str | None = None) -> LossClaim:
    return LossClaim(side, value, qualifier, unit, "evidence", PROV, categories, None, period_end)


def test_claim_ranges() -> None:
    assert claim_range(100, "over", 0) == (100, math.inf)
    assert claim_range(100, "up to", 0) == (0, 100)
    low, high = claim_range(100, "about", 0)
    assert (round(low), round(high)) == (90, 110)
    assert claim_range(100, "exact", 0.02) == (98, 102)
    assert claim_range(3, "hundreds", 0) == (100, 999)
    with pytest.raises(InvalidValue):
        claim_range(5, "gazillions")


def test_claim_scopes_on_varied_wording() -> None:
    assert claim_scope(_claim(1, "over", "pieces of military equipment"))[0] == ("all",)
    assert claim_scope(_claim(1, "over", "armored vehicles"))[0] == ("armoured_combat",)
    assert claim_scope(_claim(1, "over", "Helicopters"))[0] == ("helicopters",)
    assert claim_scope(_claim(1, "over", "soldiers"))[0] == ("personnel",)
    assert claim_scope(_claim(1, "over", "units", categories=("tanks", "rocket launchers")))[0] == (
        "tanks", "rocket_artillery")


def test_consistent_with_a_figure_in_the_days_before(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(95, "over", "items of hardware"), dt.date(2022, 4, 9), con)
    assert result.verdict == "consistent"
    basis = result.basis
    assert basis is not None and basis.source == "lee" and basis.kind == "confirmed"
    assert basis.nearest is not None and basis.nearest.value == 103 and basis.nearest.date == dt.date(2022, 4, 8)
    assert basis.difference == -8
    assert dt.date(2022, 4, 9) in basis.missing_dates  # listed, not filled in


def test_overstated_and_understated(con: duckdb.DuckDBPyConnection) -> None:
    over = check_claim(_claim(200, "exact", "equipment"), dt.date(2022, 4, 10), con)
    assert over.verdict == "overstated" and over.basis is not None and over.basis.difference == 200 - 117
    under = check_claim(_claim(50, "up to", "equipment"), dt.date(2022, 4, 10), con)
    assert under.verdict == "understated"


def test_claimed_and_confirmed_are_reported_apart(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(44, "at least", "tanks", period_end="2022-04-10"), None, con)
    kinds = {c.source: (c.kind, c.verdict) for c in result.comparisons}
    assert kinds["ua-mod-lod-db"] == ("claimed", "consistent")
    assert kinds["ua-mod-petroivaniuk"] == ("claimed", "consistent")
    assert kinds["lee"] == ("confirmed", "overstated")
    assert result.verdict == "overstated"  # the overall verdict rests on confirmed figures


def test_aggregate_category_sums_the_fine_categories_of_confirmed_items(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(1, "about", "armoured vehicles"), dt.date(2022, 4, 12), con)
    items = next(c for c in result.comparisons if c.source == "items")
    assert items.nearest is not None and items.nearest.value == 2  # one BMP-3, one BTR-82A
    assert "ifvs" in items.categories and "mraps" in items.categories


def test_no_figure_means_no_guess(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(12, "exact", "helicopters"), dt.date(2022, 3, 5), con)
    assert result.verdict == "no_data"
    items = next(c for c in result.comparisons if c.source == "items")
    assert items.verdict == "no_data" and "not a date of loss" in items.note
    lee = check_claim(_claim(100, "over", "equipment"), dt.date(2022, 4, 20), con)
    comp = next(c for c in lee.comparisons if c.source == "lee")
    assert comp.verdict == "no_data" and "117 on 2022-04-10" in comp.note and "not used" in comp.note


def test_item_ledger_before_its_first_scrape_date_has_no_figure(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(2, "exact", "tanks"), dt.date(2022, 4, 1), con)
    items = next(c for c in result.comparisons if c.source == "items")
    assert items.verdict == "no_data" and not items.figures


def test_unknown_side_or_date_is_not_checked(con: duckdb.DuckDBPyConnection) -> None:
    other = check_claim(_claim(5, "over", "tanks", side="SYR"), dt.date(2022, 4, 9), con)
    assert (other.verdict, other.why_not) == ("not_checkable", NO_LEDGER)
    undated = check_claim(_claim(5, "over", "tanks"), None, con)
    assert undated.verdict == "not_checkable" and undated.notes[0].startswith("not checked")


def test_people_are_only_checked_against_personnel_series(con: duckdb.DuckDBPyConnection) -> None:
    civilians = check_claim(_claim(2187, "exact", "civilians", side="UKR"), dt.date(2022, 4, 10), con)
    assert civilians.verdict == "not_checkable" and not civilians.comparisons
    people = check_claim(_claim(9, "at least", "people"), dt.date(2022, 4, 10), con)
    assert people.verdict == "not_checkable" and "counts people" in people.notes[0]
    unknown = check_claim(_claim(3, "exact", "bridges"), dt.date(2022, 4, 10), con)
    assert unknown.verdict == "not_checkable"
    soldiers = check_claim(_claim(5000, "about", "Russian troops"), dt.date(2022, 4, 10), con)
    assert soldiers.basis is not None and soldiers.basis.categories == ("personnel",)


def test_summary_counts_each_verdict_and_why_not(con: duckdb.DuckDBPyConnection) -> None:
    results = [check_claim(_claim(95, "over", "items of hardware"), dt.date(2022, 4, 9), con),
               check_claim(_claim(200, "exact", "equipment"), dt.date(2022, 4, 10), con),
               check_claim(_claim(5, "over", "tanks", side="SYR"), dt.date(2022, 4, 9), con),
               check_claim(_claim(7, "over", "soldiers", side="YEM"), dt.date(2022, 4, 9), con),
               check_claim(_claim(12, "exact", "helicopters"), dt.date(2022, 3, 5), con)]
    assert summarize(results) == {"consistent": 1, "overstated": 1, "understated": 0,
                                  f"not checkable: {NO_LEDGER}": 2,
                                  "not checkable: no figure in the window": 1}


def test_claims_from_extraction_output(con: duckdb.DuckDBPyConnection) -> None:
    todo = claims_from_file(FIX / "articles.jsonl")
    assert [t.doc_id for t in todo] == ["art-tanks", "art-headline", "art-early"]
    verdicts = [check_claim(t.claim, t.published, con).verdict for t in todo]
    assert verdicts == ["overstated", "overstated", "no_data"]


def test_scope_words_around_a_category() -> None:
    assert claim_scope(_claim(1, "over", "destroyed Russian tanks"))[0] == ("tanks",)
    assert claim_scope(_claim(1, "over", "tank losses"))[0] == ("tanks",)
    assert claim_scope(_claim(1, "over", "units of enemy hardware"))[0] == ("all",)
    for unit in ("warplanes", "warplane", "Russian fighter jets", "combat aircraft", "airplanes"):
        assert claim_scope(_claim(6, "exact", unit))[0] == ("aircraft",), unit


def test_personnel_claims_only_meet_claimed_personnel_counts(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(5000, "about", "Russian soldiers"), dt.date(2022, 4, 10), con)
    by_source = {c.source: c.verdict for c in result.comparisons}
    assert by_source["items"] == "no_data" and by_source["lee"] == "no_data"
    assert by_source["ua-mod-lod-db"] == "consistent" and result.verdict == "consistent"


def test_partial_period_end_falls_back_to_the_publication_date(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(95, "over", "equipment", period_end="2022-04"), dt.date(2022, 4, 9), con)
    assert result.as_of == dt.date(2022, 4, 9) and "not a full date" in result.notes[0]
    assert result.verdict == "consistent"


def test_the_most_recent_daily_confirmed_figure_decides(con: duckdb.DuckDBPyConnection) -> None:
    result = check_claim(_claim(103, "exact", "equipment"), dt.date(2022, 4, 8), con)
    verdicts = {c.source: c.verdict for c in result.comparisons}
    assert verdicts["oryx-daily"] == "overstated" and verdicts["lee"] == "consistent"
    assert result.verdict == "consistent" and result.basis is not None and result.basis.source == "lee"


def test_status_of_the_claim_is_noted(con: duckdb.DuckDBPyConnection) -> None:
    claim = LossClaim("RUS", 103, "exact", "equipment", "e", PROV, status="denied")
    assert any("denied" in n for n in check_claim(claim, dt.date(2022, 4, 8), con).notes)
