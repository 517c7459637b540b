"""What the web app holds while it runs: its settings and the one store connection it reads through.

The store is opened once; every request reads through a DuckDB cursor of its own (a connection to the same
database that may be used from the request's thread), taken from a bounded pool of idle cursors (at most
:data:`IDLE_CURSORS` are kept; a request finding none opens one), so readers never wait for each other, and an
ingest (with ``--allow-ingest``) writes through a cursor of its own in one transaction while readers
keep seeing the last committed state. Counts of matches (the ``total`` of a page) and the postings of the
words searched for (``store/word_postings.py``) are remembered until an ingest through this server changes
the store (the store is opened by this process alone).
"""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb

from ..store import Store, open_store
from ..store.word_postings import WordPostings

__all__ = ["IDLE_CURSORS", "MEMO_SIZE", "CursorStore", "Settings", "StoreHandle", "json_scalar", "jsonable"]

T = TypeVar("T")

#: How many results (counts of matches) the server remembers.
MEMO_SIZE = 1024

#: Most idle read cursors the server keeps for the next requests.
IDLE_CURSORS = 16


@dataclass(frozen=True)
class Settings:
    """How the server was started.

    Attributes:
        db: the store file.
        allow_ingest: accept ``POST /api/v1/documents`` (the store is then opened for writing).
        token: the bearer token that ``POST`` requests must present.
    """

    db: Path | str
    allow_ingest: bool = False
    token: str | None = None

    def token_ok(self, header: str | None) -> bool:
        """Whether an ``Authorization`` header carries this server's bearer token (constant time)."""
        if not self.token or not header or not header.startswith("Bearer "):
            return False
        return hmac.compare_digest(header[len("Bearer "):].encode(), self.token.encode())


class CursorStore(Store):
    """A :class:`Store` reading through a cursor of another store's connection (closed with it)."""

    def __init__(self, parent: Store) -> None:
        self.path = parent.path
        self.read_only = parent.read_only
        self.con = parent.con.cursor()


class StoreHandle:
    """The store the app serves, opened once (read-only unless ingest is allowed)."""

    def __init__(self, settings: Settings) -> None:
        self.store = open_store(settings.db, read_only=not settings.allow_ingest)
        self.write_lock = threading.Lock()
        self._memo: OrderedDict[Hashable, Any] = OrderedDict()
        self._memo_lock = threading.Lock()
        self.generation = 0
        self._idle: list[CursorStore] = []
        self._idle_lock = threading.Lock()
        self._postings = WordPostings()

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` until the store changes (an ingest through this server,
        :meth:`changed`); the :data:`MEMO_SIZE` most recently used results are kept."""
        full = (self.generation, key)
        with self._memo_lock:
            if full in self._memo:
                self._memo.move_to_end(full)
                return cast(T, self._memo[full])
        value = compute()
        with self._memo_lock:
            self._memo[full] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def changed(self) -> None:
        """Forget every remembered result (the store was written)."""
        with self._memo_lock:
            self.generation += 1
            self._memo.clear()
            self._postings = WordPostings()

    def word_postings(self) -> WordPostings:
        """The search words' postings over the store as it is now (a new, empty one after each change)."""
        with self._memo_lock:
            return self._postings

    def prepare_search(self) -> threading.Thread:
        """Read the search's order of the documents in a thread of its own (started, and returned so that it
        can be joined before :meth:`close`); a store that cannot be read is left for the requests to report."""
        postings = self.word_postings()

        def prepare() -> None:
            try:
                with CursorStore(self.store) as store:
                    postings.prepare(store)
            except duckdb.Error:
                pass

        thread = threading.Thread(target=prepare, name="search-order", daemon=True)
        thread.start()
        return thread

    def acquire(self) -> CursorStore:
        """A read cursor for one request: an idle one, else a new one."""
        with self._idle_lock:
            if self._idle:
                return self._idle.pop()
        return CursorStore(self.store)

    def release(self, store: CursorStore) -> None:
        """Give a request's cursor back to the pool (closed when :data:`IDLE_CURSORS` are idle already)."""
        with self._idle_lock:
            if len(self._idle) < IDLE_CURSORS:
                self._idle.append(store)
                return
        store.close()

    def has_table(self, name: str) -> bool:
        """Whether the store file has a table called ``name`` (the ledger's tables are optional)."""
        with CursorStore(self.store) as store:
            row = store.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                [name]).fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()
        self.store.close()


def json_scalar(value: Any) -> Any:
    """A value ``json`` cannot write (a date, a time, a decimal), as :func:`jsonable` writes it: ISO text
    when it has ``isoformat``, else its ``str`` (the ``default`` of ``json.dumps``)."""
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)


def jsonable(value: Any) -> Any:
    """Dates and other scalars DuckDB returns, as JSON values (dates and times as ISO strings)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return json_scalar(value)
