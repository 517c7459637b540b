"""Where merged shards go. One writer (the client process) merges every shard, so a DuckDB store
never sees two writers (a Parquet archive is written by the workers, see :mod:`.archive`). :class:`StoreSink` writes into a store and keeps the manifest of finished
batches in the same file (table ``cluster_batches``), so the manifest lives and dies with the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from ..store import Store, record_failures, write_documents
from ..store.writes import Failure, clear_failures
from .shards import Shard

__all__ = ["Sink", "StoreSink"]


class Sink(Protocol):
    """What the runner needs from the place results are kept."""

    def document_ids(self) -> set[str]:
        """Ids of the documents already kept."""

    def done_batches(self) -> set[str]:
        """Keys of the batches merged without a failure (from the manifest)."""

    def merge(self, key: str, shard: Shard) -> int:
        """Keep a shard's documents and failures, then mark its batch done; returns documents kept."""

    def worker_archive(self) -> str | None:
        """Where workers write their batches themselves (a Parquet archive), or None: they write shards."""

    def mark(self, key: str, documents: int, failures: int) -> None:
        """Record a batch a worker wrote itself as done."""

    def record_failures(self, failures: Sequence[Failure]) -> None:
        """Keep failures of inputs that never reached a batch (unreadable files, malformed records)."""

    def finish(self, added: int) -> int:
        """End of the run: relink stories when something was added (or a killed run left propositions out of
        the stories); returns the number of stories."""


_MANIFEST = """CREATE TABLE IF NOT EXISTS cluster_batches (
    batch VARCHAR PRIMARY KEY, documents INTEGER, failures INTEGER, merged_at TIMESTAMP)"""


def shard_failures(shard: Shard) -> list[Failure]:
    """A shard's failure rows as store failures."""
    return [Failure(*f) for f in shard.failures]


class StoreSink:
    """Merge shards into a DuckDB store, one transaction per shard, idempotent by document id."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.execute(_MANIFEST)

    def document_ids(self) -> set[str]:
        return self.store.document_ids()

    def done_batches(self) -> set[str]:
        return {str(r[0]) for r in self.store.execute("SELECT batch FROM cluster_batches WHERE failures = 0").fetchall()}

    def merge(self, key: str, shard: Shard) -> int:
        written = write_documents(self.store, shard.documents, shard.extras)
        clear_failures(self.store, [str(e["source"]) for e in shard.extras.values()])
        record_failures(self.store, shard_failures(shard))
        self.mark(key, len(shard.documents), len(shard.failures))
        return written

    def worker_archive(self) -> str | None:
        return None

    def mark(self, key: str, documents: int, failures: int) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.store.execute("INSERT OR REPLACE INTO cluster_batches VALUES (?, ?, ?, ?)",
                           [key, documents, failures, now])

    def record_failures(self, failures: Sequence[Failure]) -> None:
        record_failures(self.store, failures)

    def finish(self, added: int) -> int:
        from ..stories import link_stories, unlinked

        if not added and not unlinked(self.store):  # a run killed before relinking is finished here
            return 0

        return link_stories(self.store)
