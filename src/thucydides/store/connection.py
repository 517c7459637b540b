"""Opening a store: one DuckDB file, migrated to the current schema on open."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from ..errors import StoreError
from .schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "Store", "connect", "open_store", "store_failure"]

#: The store used when no ``--db`` is given.
DEFAULT_DB = "thucydides.duckdb"


def connect(path: Path | str, read_only: bool = False,
            missing: str = "ingest something first") -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file at ``path`` (or ``":memory:"``): the one DuckDB opener of the package.

    Args:
        path: the file.
        read_only: open without write access; the file must exist.
        missing: what to do when a read-only file does not exist (ends the E013 message).

    Raises:
        StoreError: (E013) a directory, a missing file or folder, or DuckDB cannot open it (locked, corrupt).
    """
    target = str(path)
    if target != ":memory:":
        p = Path(target)
        if p.is_dir():
            raise StoreError("E013", f"store path {target!r} is a directory, expected a .duckdb file")
        if read_only and not p.exists():
            raise StoreError("E013", f"store {target!r} does not exist; {missing}")
        if not read_only and not p.parent.exists():
            raise StoreError("E013", f"folder of store {target!r} does not exist")
        if not read_only and not os.access(p.parent, os.W_OK | os.X_OK):
            raise StoreError("E013", f"folder of store {target!r} is not writable (DuckDB writes a .wal file "
                             "beside the store); move the store to a writable folder")
        if not read_only and p.exists() and not os.access(p, os.W_OK):
            raise StoreError("E013", f"store {target!r} is read-only; make it writable or copy it")
    try:
        con = duckdb.connect(target, read_only=read_only)
        con.execute("SET enable_progress_bar = false")
        return con
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        advice = "; " + _CORRUPT_ADVICE if "corrupt" in first.lower() else ""
        raise StoreError("E013", f"cannot open store {target!r}: {first}{advice}") from None


#: What to do with a store DuckDB finds damaged (a checksum mismatch, a truncated file).
_CORRUPT_ADVICE = "the file is damaged: restore it from a backup, or ingest again into a new --db file"


def store_failure(exc: Exception, argv: list[str]) -> StoreError:
    """The E013 error for a DuckDB failure after the store opened, naming the ``--db`` file of ``argv``."""
    path = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--db"),
                next((a.split("=", 1)[1] for a in argv if a.startswith("--db=")), DEFAULT_DB))
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    advice = _CORRUPT_ADVICE if "corrupt" in first.lower() else "check that its folder is writable and the disk not full"
    return StoreError("E013", f"the store {path!r} failed: {first}; {advice}")


class Store:
    """A thucydides store: documents, actor mentions, propositions, claims, loss claims, stories.

    Open it with :func:`open_store`. It is a context manager; :attr:`con` is the DuckDB connection,
    which other features may use for their own tables (prefixed, e.g. ``ledger_``).
    """

    def __init__(self, path: Path | str = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.con = connect(path, read_only)
        try:
            self._migrate()
        except BaseException:
            self.con.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.con.close()

    def execute(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        """Run one SQL statement on the store's connection."""
        return self.con.execute(sql, params) if params is not None else self.con.execute(sql)

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self._rollback()
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError("E013", f"cannot write to store {self.path!r}: {first}") from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the transaction is already gone (failed commit)

    def schema_version(self) -> int:
        """The schema version of the file (0 for a new, empty file)."""
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError("E013", f"store {self.path!r} has schema version {current}, newer than this "
                             f"thucydides (version {SCHEMA_VERSION}); upgrade thucydides")
        if current == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError("E013", f"store {self.path!r} has schema version {current}; open it for writing "
                             f"once to migrate it to version {SCHEMA_VERSION}")
        with self.transaction() as con:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
            for version in range(current, SCHEMA_VERSION):
                for step in MIGRATIONS[version]:
                    if callable(step):
                        step(con)
                    else:
                        con.execute(step)
                con.execute("INSERT INTO schema_version VALUES (?, ?)",
                            [version + 1, dt.datetime.now(dt.UTC).replace(tzinfo=None)])

    def document_ids(self) -> set[str]:
        """Ids of every stored document."""
        return {str(r[0]) for r in self.con.execute("SELECT id FROM documents").fetchall()}

    def merge(self, paths: list[Path | str] | tuple[Path | str, ...], batch_size: int = 500) -> int:
        """Load JSON Lines shards of document records idempotently (see :func:`~.merge.merge_shards`)."""
        from .merge import merge_shards

        return merge_shards(self, paths, batch_size)

    def count(self, table: str) -> int:
        """Number of rows in one of the store's tables."""
        from .schema import STORE_TABLES

        valid = ("documents", "stories", "story_members", "ingest_failures", *STORE_TABLES)
        if table not in valid:
            from ..errors import InvalidValue

            raise InvalidValue("E001", "table", table, valid)
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


def open_store(path: Path | str = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    Raises:
        StoreError: (E013) the file is locked by another process, corrupt, a directory, or has a newer
            schema; with ``read_only``, also when it does not exist.
    """
    return Store(path, read_only=read_only)
