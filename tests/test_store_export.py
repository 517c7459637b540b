"""Exports: Parquet partitioned by date, CSV, JSON Lines records, GDELT 2.0 rows, PLOVER records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from _fakes import claim, doc
from thucydides.errors import InputError, InvalidValue
from thucydides.export import export
from thucydides.export.gdelt import GDELT_COLUMNS, export_gdelt, goldstein, quad_of_cameo
from thucydides.model import Document
from thucydides.store import open_store, write_documents
from thucydides.stories import link_stories


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "e.duckdb") as s:
        write_documents(s, [
            doc("Seoul said the North fired a missile.", [("ASSAULT", "PRK", "KOR", [claim("alleged", ("KOR",), evidence="the North fired a missile")],
                                                           "2022-01-05")], "2022-01-05", "Yonhap"),
            doc("Pyongyang denied that the North fired a missile.", [("ASSAULT", "PRK", "KOR", [claim("denied", ("PRK",), evidence="the North fired a missile")],
                                                                "2022-01-05")],
                "2022-01-06", "KCNA"),
            doc("Tokyo pledged aid.", [("AID", "JPN", "KOR", [claim("asserted")], "2022-02-10")], "2022-02-10",
                "NHK"),
            doc("A protest happened.", [("PROTEST", "", "", [claim("asserted")], None)]),
        ], {})
        link_stories(s)
        yield s


def test_goldstein_and_quad_tables() -> None:
    assert goldstein("190") == -10.0 and goldstein("1951") == -10.0
    assert goldstein("042") == 1.9 and goldstein("0421") == 1.9 and goldstein("046") == 1.0
    assert goldstein("99") is None
    assert [quad_of_cameo(c) for c in ("010", "057", "061", "081", "090", "130", "140", "200")] == \
        [1, 1, 2, 2, 3, 3, 4, 4]
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[26] == "EventCode" and GDELT_COLUMNS[60] == "SOURCEURL"


def test_gdelt_rows_have_61_columns_and_story_counts(store) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    counts = export_gdelt(store, out, header=True)
    assert counts == {"events": 2, "skipped": 1}  # PROTEST has no CAMEO code here
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert all(len(r) == 61 for r in rows)
    missile = next(r for r in rows if r["EventCode"] == "190")
    assert (missile["SQLDATE"], missile["Actor1Code"], missile["Actor2CountryCode"]) == ("20220105", "PRK", "KOR")
    assert (missile["QuadClass"], missile["GoldsteinScale"]) == ("4", "-10.0")
    assert (missile["NumMentions"], missile["NumSources"], missile["NumArticles"]) == ("2", "2", "2")
    assert missile["EventRootCode"] == "19" and missile["MonthYear"] == "202201"


def test_parquet_is_partitioned_by_date(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counts = export(store, "parquet", str(tmp_path / "pq"))
    assert counts["propositions"] == 4 and counts["stories"] == 3
    assert (tmp_path / "pq" / "propositions" / "year=2022" / "month=1").is_dir()
    assert (tmp_path / "pq" / "propositions" / "year=2022" / "month=2").is_dir()
    table = ds.dataset(tmp_path / "pq" / "propositions", partitioning="hive").to_table()
    assert sorted(table.column("type").to_pylist()) == ["AID", "ASSAULT", "ASSAULT", "PROTEST"]
    store.execute("UPDATE propositions SET event_date = DATE '2023-05-05' WHERE type = 'AID'")
    export(store, "parquet", str(tmp_path / "pq"))  # a second export replaces the first
    assert not (tmp_path / "pq" / "propositions" / "year=2022" / "month=2").exists()
    assert (tmp_path / "pq" / "propositions" / "year=2023" / "month=5").is_dir()
    (tmp_path / "pq" / "claims" / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="E003"):
        export(store, "parquet", str(tmp_path / "pq"))


def test_csv_jsonl_plover(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export(store, "csv", str(tmp_path / "csv"))
    with (tmp_path / "csv" / "claims.csv").open() as f:
        assert sorted(r["status"] for r in csv.DictReader(f)) == ["alleged", "asserted", "asserted", "denied"]
    export(store, "jsonl", str(tmp_path / "docs.jsonl"))
    lines = (tmp_path / "docs.jsonl").read_text().splitlines()
    docs = [Document.from_dict(json.loads(line)) for line in lines]
    assert sorted(d.article.outlet or "" for d in docs) == ["", "KCNA", "NHK", "Yonhap"]
    export(store, "plover", str(tmp_path / "p.jsonl"))
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert [r["date"] for r in records][:2] == ["2022-01-05", "2022-01-05"]  # in date order
    first = next(r for r in records if r["source"]["outlet"] == "Yonhap")
    assert (first["event"], first["actor"], first["recipient"], first["date"]) == \
        ("ASSAULT", ["PRK"], ["KOR"], "2022-01-05")
    assert first["story_verdict"] == "disputed"


def test_export_errors(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidValue, match="E001"):
        export(store, "xlsx", str(tmp_path / "x"))
    with pytest.raises(InputError, match="E003"):
        export(store, "gdelt", str(tmp_path))
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="E003"):
        export(store, "parquet", str(tmp_path / "file"))
