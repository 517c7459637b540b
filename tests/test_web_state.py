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
