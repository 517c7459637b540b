"""The ledger's tables in the thucydides DuckDB file (all prefixed ``ledger_``, with their own schema version),
opened through the store's opener (:func:`thucydides.store.connection.connect`).

Tables:

- ``ledger_meta``: ``key``/``value``; ``schema_version`` is :data:`LEDGER_SCHEMA_VERSION`.
- ``ledger_imports``: one row per import (source, format, paths, counts, time).
- ``ledger_items``: one row per lost item (side, category, model, statuses, sources, recorded, lost).
- ``ledger_evidence``: the evidence URLs of each item (normalised), used to deduplicate across sources.
- ``ledger_changes``: reclassifications found by re-imports (field, old value, new value).
- ``ledger_daily``: daily totals per source, side, category and status (confirmed or claimed); ``level`` is
  ``category`` (one row per category) or ``model`` (by-model totals, ``raw_category`` holding the model).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store.connection import DEFAULT_DB
from ..store.connection import connect as open_connection

__all__ = ["DEFAULT_DB", "LEDGER_SCHEMA_VERSION", "connect", "ledger_connection"]

LEDGER_SCHEMA_VERSION = 1

_DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS ledger_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS ledger_imports (import_id INTEGER PRIMARY KEY, source VARCHAR,
        format VARCHAR, kind VARCHAR, paths VARCHAR, imported_at TIMESTAMP, rows_read INTEGER,
        new_items INTEGER, changed_items INTEGER, daily_rows INTEGER, skipped INTEGER)""",
    """CREATE TABLE IF NOT EXISTS ledger_items (item_id VARCHAR PRIMARY KEY, side VARCHAR, category VARCHAR,
        model VARCHAR, raw_model VARCHAR, statuses VARCHAR[], sources VARCHAR[], recorded DATE, lost DATE,
        first_import INTEGER, last_import INTEGER)""",
    "CREATE TABLE IF NOT EXISTS ledger_evidence (item_id VARCHAR, url VARCHAR, key VARCHAR)",
    """CREATE TABLE IF NOT EXISTS ledger_changes (item_id VARCHAR, import_id INTEGER, field VARCHAR,
        old VARCHAR, new VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS ledger_daily (source VARCHAR, kind VARCHAR, side VARCHAR, category VARCHAR,
        raw_category VARCHAR, date DATE, status VARCHAR, value BIGINT, evidence VARCHAR, import_id INTEGER,
        level VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS ledger_evidence_key ON ledger_evidence (key)",
)


def _ensure_schema(con: duckdb.DuckDBPyConnection, read_only: bool) -> None:
    if not read_only:
        for ddl in _DDL:
            con.execute(ddl)
        con.execute("INSERT INTO ledger_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                    [str(LEDGER_SCHEMA_VERSION)])
    try:
        row = con.execute("SELECT value FROM ledger_meta WHERE key = 'schema_version'").fetchone()
    except duckdb.Error:
        raise StoreError("E013", "the database holds no loss ledger; run `thucydides losses import` first") from None
    if row is None or int(row[0]) != LEDGER_SCHEMA_VERSION:
        found = row[0] if row else "none"
        raise StoreError("E013", f"ledger schema version {found} is not the supported {LEDGER_SCHEMA_VERSION}")


def connect(path: Path | str = DEFAULT_DB, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file and make sure the ledger tables exist (unless ``read_only``)."""
    con = open_connection(path, read_only, missing="run `thucydides losses import` first")
    try:
        _ensure_schema(con, read_only)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def ledger_connection(path: Path | str = DEFAULT_DB, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """:func:`connect` as a context manager that closes the connection."""
    con = connect(path, read_only)
    try:
        yield con
    finally:
        con.close()
