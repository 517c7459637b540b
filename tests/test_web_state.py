"""The server's read cursors (a bounded pool) and its JSON encoding (the same text as before, without a
Python copy of the rows)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("fastapi")

from thucydides.store import open_store
from thucydides.web import state
from thucydides.web.state import Settings, StoreHandle, json_scalar, jsonable


def test_json_with_a_default_writes_what_jsonable_wrote() -> None:
    data = {"items": [{"day": dt.date(2023, 1, 2), "at": dt.datetime(2023, 1, 2, 3, 4, 5), "n": 3, "x": 0.1,
                       "claims": [{"by": ("UKR", "RUS"), "t": dt.time(1, 2)}], "d": Decimal("1.50"), "no": None,
                       "ok": True, "text": "Одеса <b>"}], "total": 1}
    def before(v: object) -> str:
        return json.dumps(jsonable(v), ensure_ascii=False, separators=(",", ":"))
    now = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=json_scalar)
    assert now == before(data) and '"day":"2023-01-02"' in now and '"d":"1.50"' in now


def test_read_cursors_are_reused_and_the_idle_pool_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "s.duckdb"):
        pass
    monkeypatch.setattr(state, "IDLE_CURSORS", 2)
    handle = StoreHandle(Settings(tmp_path / "s.duckdb"))
    try:
        taken = [handle.acquire() for _ in range(3)]
        assert len({id(t) for t in taken}) == 3
        assert all(t.execute("SELECT count(*) FROM propositions").fetchone() == (0,) for t in taken)
        for t in taken:
            handle.release(t)
        again = handle.acquire()
        assert again is taken[1]  # the last one given back that was kept
        with pytest.raises(duckdb.Error):
            taken[2].execute("SELECT 1")  # a third idle cursor was closed, not kept
        handle.release(again)
    finally:
        handle.close()
    with pytest.raises(duckdb.Error):
        taken[0].execute("SELECT 1")  # closing the server closes the idle cursors


def test_the_search_order_is_read_when_the_server_starts_and_again_after_a_change(tmp_path: Path) -> None:
    from thucydides.model import Document
    from thucydides.store import write_documents

    with open_store(tmp_path / "o.duckdb") as store:
        write_documents(store, [Document.from_dict({"id": "a", "published": "2024-01-01", "title": "", "text": "grain",
                                                    "propositions": [], "loss_claims": []})])
    handle = StoreHandle(Settings(tmp_path / "o.duckdb", allow_ingest=True, token="t"))
    try:
        first = handle.word_postings()
        assert not first.prepared
        handle.prepare_search().join(30)
        assert first.prepared
        handle.changed()
        assert handle.word_postings() is not first and not handle.word_postings().prepared
        with handle.acquire() as store:
            assert handle.word_postings().hits(store, "grain", 5) == (1, ["a"], [dt.date(2024, 1, 1)])
    finally:
        handle.close()


def test_a_store_the_search_order_cannot_be_read_from_is_left_to_the_requests(tmp_path: Path) -> None:
    with open_store(tmp_path / "e.duckdb") as store:
        store.execute("DROP TABLE search_vocab")  # reading the order still works; the requests report the rest
        store.execute("DROP TABLE documents")
    handle = StoreHandle(Settings(tmp_path / "e.duckdb"))
    try:
        handle.prepare_search().join(30)  # no exception escapes the thread
        assert not handle.word_postings().prepared
    finally:
        handle.close()
