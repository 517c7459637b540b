"""What runs on a Dask worker: extract one batch and write its shard; load the models once per worker.

Both are plain, picklable module-level objects. Extraction goes through
:func:`thucydides.ingest.extract_safely`, so a document the extractor cannot handle becomes a failure
row with its code and reason, exactly as on one machine, and the rest of its batch is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..ingest import Extractor, extract_safely
from ..model import Article
from .shards import Batch, as_shard, shard_path, write_shard

__all__ = ["BatchDone", "Preload", "run_batch"]


@dataclass(frozen=True)
class BatchDone:
    """A finished batch: its key and its shard (empty when the worker wrote it into the archive itself,
    then with the documents written and the failures)."""

    key: str
    path: str
    documents: int = 0
    failures: tuple[tuple[str, str, str, str], ...] = ()


def run_batch(folder: str, batch: Batch, extractor: Extractor, archive: str | None = None) -> BatchDone:
    """Extract a batch and write its shard (or find the shard a previous attempt wrote); with ``archive``,
    write its rows straight into that Parquet archive instead (the writer then only records it as done)."""
    path = shard_path(Path(folder), batch.key)
    if path.exists():
        return BatchDone(batch.key, str(path))
    outcomes = extract_safely(extractor, batch.articles)
    if archive is None:
        write_shard(Path(folder), batch, outcomes)
        return BatchDone(batch.key, str(path))
    from .archive import write_batch

    shard = as_shard(batch, outcomes)
    return BatchDone(batch.key, "", write_batch(Path(archive), batch.key, shard), tuple(shard.failures))


#: The article a worker extracts once at start-up, so every lazily loaded model is in memory before
#: the first real batch arrives.
WARM_UP = Article("The minister said on Monday that the talks in Geneva would resume.")


class Preload(WorkerPlugin):
    """A Dask worker plugin: on each worker's start (and restart), run the extractor once so that the
    spaCy pipeline and the classifier are loaded a single time per worker process."""

    name = "thucydides-preload"

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def setup(self, worker: Any) -> None:
        extract_safely(self.extractor, [WARM_UP])

    def teardown(self, worker: Any) -> None:
        """Nothing to release: the models go with the process."""
