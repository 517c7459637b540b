"""Importers, the status and deduplication rules, reclassifications and bad input (hand-written fixtures)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from thucydides.errors import InputError, StoreError
from thucydides.ledger.db import connect
from thucydides.ledger.importers import (
    builtin_importers,
    import_csv,
    import_oryx_bytype,
    import_oryx_daily,
    import_oryx_items,
    import_ua_mod,
    import_warspotting,
    parse_mapping,
)
from thucydides.ledger.ingest import store_parsed

FIX = Path(__file__).parent / "fixtures" / "ledger"


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = connect(":memory:")
    yield c
    c.close()


def _items(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, list[str], list[str]]]:
    rows = con.execute("""SELECT i.item_id, i.side, i.category, i.model, i.statuses, i.sources,
                          list(e.key ORDER BY e.key) FROM ledger_items i JOIN ledger_evidence e USING (item_id)
                          GROUP BY ALL""").fetchall()
    return {f"{r[1]}|{r[3]}|{r[6][0]}": (r[2], r[3], r[4], r[5]) for r in rows}


def test_oryx_items_merge_statuses_of_one_item(con: duckdb.DuckDBPyConnection) -> None:
    parsed = import_oryx_items([FIX / "items_first.csv"], {})
    assert parsed.rows_read == 10 and len(parsed.skipped) == 1 and "line 10" in parsed.skipped[0]
    report = store_parsed(con, parsed, "oryx-items", [])
    items = _items(con)
    bmp = items["RUS|BMP-3|img.example.org/a/201.jpg"]
    assert bmp[0] == "ifvs" and bmp[2] == ["damaged", "captured"]
    assert report.items_in_input == 8 and report.new_items == 8


def test_one_image_backing_two_models_is_two_items(con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    items = _items(con)
    assert items["RUS|BTR-82A|posts.example.net/status/555"][0] == "ifvs"
    assert items["RUS|Ural-4320|posts.example.net/status/555"][0] == "trucks"


def test_scrape_date_is_a_recording_date_not_a_loss_date(con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    rows = con.execute("SELECT DISTINCT recorded, lost FROM ledger_items ORDER BY 1").fetchall()
    assert rows[0] == (dt.date(2022, 4, 2), None) and all(lost is None for _, lost in rows)


def test_reimport_records_reclassifications_and_does_not_duplicate(con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    report = store_parsed(con, import_oryx_items([FIX / "items_second.csv"], {}), "oryx-items", [])
    assert report.new_items == 1 and report.merged_items == 3 and report.changed_items == 1
    changes = con.execute("SELECT field, old, new FROM ledger_changes").fetchall()
    assert changes == [("statuses", "destroyed", "captured")]
    count = con.execute("SELECT count(*) FROM ledger_items").fetchone()
    assert count is not None and count[0] == 9


def test_same_source_reimport_is_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    parsed = import_oryx_items([FIX / "items_first.csv"], {})
    store_parsed(con, parsed, "oryx-items", [])
    again = store_parsed(con, parsed, "oryx-items", [])
    assert again.new_items == 0 and again.changed_items == 0


def test_warspotting_dedups_with_oryx_by_evidence_and_keeps_loss_date(con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    parsed = import_warspotting([FIX / "warspotting.json"], {})
    assert parsed.rows_read == 4 and len(parsed.skipped) == 1 and "loss 2" in parsed.skipped[0]
    report = store_parsed(con, parsed, "warspotting", [])
    assert report.new_items == 2 and report.merged_items == 1
    row = con.execute("""SELECT sources, recorded, lost FROM ledger_items i JOIN ledger_evidence e USING (item_id)
                         WHERE e.key = 'img.example.org/a/101.jpg'""").fetchone()
    assert row == (["oryx-items", "warspotting"], dt.date(2022, 4, 2), dt.date(2022, 3, 30))
    akatsiya = con.execute("SELECT category, statuses FROM ledger_items WHERE model = '2S3 Akatsiya'").fetchone()
    assert akatsiya == ("sp_artillery", ["damaged", "abandoned"])


def test_generic_csv_with_column_mapping(con: duckdb.DuckDBPyConnection) -> None:
    store_parsed(con, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    options = {"map": "side=whose,category=kind,model=what,status=state,evidence=link,recorded=seen,lost=lost_on"}
    parsed = import_csv([FIX / "generic.csv"], options)
    assert len(parsed.items) == 3 and len(parsed.skipped) == 1
    t90 = parsed.items[0]
    assert (t90.side, t90.category, t90.statuses, t90.lost) == ("RUS", "tanks", ("destroyed", "abandoned"),
                                                                dt.date(2022, 4, 28))
    report = store_parsed(con, parsed, "csv", [])
    # the Tor-M2 row shares a photo with the Osa from another source, in the same category: one item
    assert report.new_items == 2 and report.merged_items == 1
    sam = con.execute("SELECT model, statuses, sources FROM ledger_items WHERE category = 'sam'").fetchall()
    assert sam == [("9K33 Osa", ["destroyed", "captured"], ["oryx-items", "csv"])]


def test_generic_csv_mapping_errors() -> None:
    with pytest.raises(InputError) as err:
        import_csv([FIX / "generic.csv"], {"map": "status=state"})
    assert err.value.code == "E010"
    with pytest.raises(InputError) as err:
        parse_mapping("colour=red")
    assert err.value.code == "E001"
    with pytest.raises(InputError) as err:
        import_csv([FIX / "generic.csv"], {"map": "side=whose,status=state,evidence=nope"})
    assert err.value.code == "E010"


def test_daily_totals_keep_raw_rows_and_skip_summary_lines(con: duckdb.DuckDBPyConnection) -> None:
    parsed = import_oryx_daily([FIX / "daily.csv"], {})
    assert len(parsed.skipped) == 1 and "not in the taxonomy" in parsed.skipped[0]
    store_parsed(con, parsed, "oryx-daily", [])
    row = con.execute("""SELECT value FROM ledger_daily WHERE category = 'all' AND status = 'destroyed'
                         AND date = '2022-04-03'""").fetchone()
    assert row == (4,)  # the glitch is stored as published, not repaired


def test_bytype_names_with_newlines_and_reimport_replaces(con: duckdb.DuckDBPyConnection) -> None:
    parsed = import_oryx_bytype([FIX / "bytype.csv"], {"source": "lee"})
    assert {r.category for r in parsed.daily} == {"all", "tanks", "ifvs"}
    store_parsed(con, parsed, "oryx-bytype", [])
    store_parsed(con, parsed, "oryx-bytype", [])
    row = con.execute("SELECT count(*) FROM ledger_daily WHERE source = 'lee'").fetchone()
    assert row is not None and row[0] == len(parsed.daily)


def test_ua_mod_both_transcriptions(con: duckdb.DuckDBPyConnection) -> None:
    petro = import_ua_mod([FIX / "mod_petro.json"], {})
    lod = import_ua_mod([FIX / "mod_loddb.json"], {})
    assert petro.source == "ua-mod-petroivaniuk" and lod.source == "ua-mod-lod-db"
    assert petro.kind == lod.kind == "claimed"
    assert any("wunderwaffe" in s for s in petro.skipped)
    cats = {(r.raw_category, r.category) for r in petro.daily + lod.daily}
    assert ("APC", "armoured_combat") in cats and ("afvs", "armoured_combat") in cats
    assert all(r.evidence and r.evidence.startswith("https://mod.example.gov") for r in lod.daily)


@pytest.mark.parametrize("content, code", [
    (b"", "E005"), (b"\x00\x01\x02binary", "E004"), (b"\xff\xfe\xfa not utf8", "E004"),
    (b"country,system\nRussia,T-72\n", "E010"),
])
def test_bad_csv_input(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        import_oryx_items([path], {})
    assert err.value.code == code


@pytest.mark.parametrize("row, code", [
    ('Russia,"T-72,destroyed', "E007"),  # a quote left open
    ("Russia,T-72,destroyed,http://x/1", "E007"),  # a field short
    ("Russia,T-72,destroyed,http://x/1,19-03-2022", "E006"),
])
def test_a_bad_row_fails_alone_with_its_line_number(tmp_path: Path, row: str, code: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(f"{ITEMS_HEADER}\nUkraine,BMP-2,destroyed,http://x/0,2022-03-01\n{row}\n"
                    "Russia,T-80,captured,http://x/2,2022-03-02\n", encoding="utf-8")
    parsed = import_oryx_items([path], {})
    assert [i.model for i in parsed.items] == ["BMP-2", "T-80"]
    assert len(parsed.failed) == 1 and parsed.failed[0].startswith(f"[{code}] bad.csv line 3: ")
    assert parsed.rows_read == 3


ITEMS_HEADER = "country,system,status,url,date_recorded"
DAILY_HEADER = "country,equipment_type,destroyed,abandoned,captured,damaged,type_total,date_recorded"


def test_daily_and_mapped_csv_rows_fail_one_by_one(tmp_path: Path) -> None:
    daily = tmp_path / "daily.csv"
    daily.write_text(f"{DAILY_HEADER}\nRussia,Tanks,12.7,0,0,0,13,2022-03-01\nRussia,Tanks,10,1,2,3,16,2022-03-02\n"
                     "Narnia,Tanks,1,0,0,0,1,2022-03-03\n", encoding="utf-8")
    parsed = import_oryx_daily([daily], {})
    assert {r.date for r in parsed.daily} == {dt.date(2022, 3, 2)}
    assert [f.split(":")[0] for f in parsed.failed] == ["[E007] daily.csv line 2", "[E001] daily.csv line 4"]
    assert "12.7" in parsed.failed[0] and "Narnia" in parsed.failed[1]
    mapped = tmp_path / "mapped.csv"
    mapped.write_text("kind,state,link,day\nT-72,destroyed,http://x/1,2022-03-01\nT-72,damaged,http://x/2,"
                      "2022-02-30\n\"T-64,destroyed,http://x/3,2022-03-02\nT-90,captured,http://x/4,2022-03-04\n",
                      encoding="utf-8")
    parsed = import_csv([mapped], {"map": "model=kind,status=state,evidence=link,recorded=day", "side": "RUS"})
    assert [i.model for i in parsed.items] == ["T-72", "T-90"]
    assert [f.split(":")[0] for f in parsed.failed] == ["[E006] mapped.csv line 3", "[E007] mapped.csv line 4"]


def test_bad_json_and_missing_paths(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"losses": [', encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_warspotting([bad], {})
    assert err.value.code == "E007"
    with pytest.raises(InputError) as err:
        import_ua_mod([tmp_path / "missing.json"], {})
    assert err.value.code == "E002"
    with pytest.raises(InputError) as err:
        import_ua_mod([tmp_path], {})
    assert err.value.code == "E003"
    bad.write_text('{"date": "2022-01-01"}', encoding="utf-8")
    with pytest.raises(InputError):
        import_ua_mod([bad], {})


def test_failed_rows_lose_nothing_stored_and_keep_the_good_rows(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    con = connect(db)
    store_parsed(con, import_oryx_items([FIX / "items_first.csv"], {}), "oryx-items", [])
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{ITEMS_HEADER}\nRussia,T-72,destroyed,http://x/1,2022-13-01\n"
                   "Russia,Buk-M1,destroyed,http://x/new,2022-03-05\n", encoding="utf-8")
    store_parsed(con, import_oryx_items([FIX / "items_second.csv"], {}), "oryx-items", [])
    stored = con.execute("SELECT count(*) FROM ledger_items").fetchone()
    report = store_parsed(con, import_oryx_items([FIX / "items_second.csv", bad], {}), "oryx-items", [])
    assert report.failed == ["[E006] bad.csv line 2: malformed date '2022-13-01'; expected YYYY-MM-DD"]
    keys = {r[0] for r in con.execute("SELECT key FROM ledger_evidence").fetchall()}
    assert "x/new" in keys and "x/1" not in keys
    row = con.execute("SELECT count(*) FROM ledger_items").fetchone()
    assert row is not None and stored is not None and row[0] == stored[0] + 1  # what was stored, and the good row
    con.close()


def test_database_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        connect(tmp_path)
    with pytest.raises(StoreError):
        connect(tmp_path / "missing.duckdb", read_only=True)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(StoreError) as err:
        connect(plain, read_only=True)
    assert "no loss ledger" in str(err.value)


def test_builtin_importer_names() -> None:
    assert set(builtin_importers()) == {"oryx-items", "oryx-daily", "oryx-bytype", "oryx-bymodel", "ua-mod",
                                        "warspotting", "csv"}


def test_huge_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.ledger import records

    monkeypatch.setattr(records, "MAX_BYTES", 100)
    with pytest.raises(InputError) as err:
        import_oryx_items([FIX / "items_first.csv"], {})
    assert err.value.code == "E008"


def test_by_model_and_by_type_snapshots_need_a_date(con: duckdb.DuckDBPyConnection) -> None:
    from thucydides.ledger.importers import import_oryx_bymodel

    with pytest.raises(InputError) as err:
        import_oryx_bymodel([FIX / "bymodel.csv"], {})
    assert err.value.code == "E010"
    parsed = import_oryx_bymodel([FIX / "bymodel.csv"], {"date": "2022-05-01"})
    assert parsed.level == "model" and {r.raw_category for r in parsed.daily} == {"T-80BVM", "T-72B3", "BMP-3",
                                                                                 "Ural-4320"}
    assert {(r.raw_category, r.category) for r in parsed.daily if r.status == "total"} >= {("T-72B3", "tanks")}
    snap = import_oryx_bytype([FIX / "bytype_snapshot.csv"], {"date": "2022-05-01"})
    assert {r.date for r in snap.daily} == {dt.date(2022, 5, 1)}
    store_parsed(con, parsed, "oryx-bymodel", [])
    row = con.execute("SELECT DISTINCT level FROM ledger_daily").fetchall()
    assert row == [("model",)]
