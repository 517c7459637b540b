"""A Parquet archive: the store's tables as a Parquet dataset that DuckDB queries in place.

``DIR/<table>/year=YYYY/month=M/b<batch>_<i>.parquet`` for the per-document tables (documents and
loss claims by publication month, propositions and claims by event month, actor mentions by their
document's month); ``ingest_failures`` one file per batch; ``stories`` and ``story_members`` one file
each, rewritten when a run added documents. Each merged batch writes files named by its key, first into
``DIR/_tmp`` and then renamed into place, and is then appended to ``DIR/_manifest.jsonl``; files of a
batch that is not in the manifest (a run killed while renaming) are deleted when the archive is opened
for writing, so every batch is in the archive exactly once. :func:`open_archive` gives a
:class:`~thucydides.store.Store` whose tables are views over the dataset, so every query, dyad series
and export of the store works on an archive.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from ..store import Store, record_failures, write_documents
from ..store.postings import postings_select
from ..store.writes import Failure
from .shards import Shard

__all__ = ["ArchiveSink", "open_archive", "write_batch"]

#: Per-document tables and what each writes, with the ``year``/``month`` partition keys.
_DATED: dict[str, str] = {
    "documents": "SELECT *, year(published) AS year, month(published) AS month FROM documents",
    "actor_mentions": """SELECT m.*, year(d.published) AS year, month(d.published) AS month
                         FROM actor_mentions m JOIN documents d ON d.id = m.doc_id""",
    "propositions": "SELECT *, year(event_date) AS year, month(event_date) AS month FROM propositions",
    "claims": """SELECT c.*, year(p.event_date) AS year, month(p.event_date) AS month
                 FROM claims c JOIN propositions p ON p.doc_id = c.doc_id AND p.idx = c.prop_idx""",
    "loss_claims": "SELECT *, year(published) AS year, month(published) AS month FROM loss_claims",
}
_WHOLE = ("ingest_failures", "stories", "story_members")
#: Propositions with their story's columns joined in (a store copies them onto its rows when relinking).
_PROPOSITIONS_VIEW = """
SELECT p.* REPLACE (sm.story_id AS story, s.verdict AS story_verdict, s.n_outlets AS story_outlets,
                    s.n_claimants AS story_claimants)
FROM (SELECT * EXCLUDE (year, month) FROM read_parquet('{glob}', hive_partitioning = true)) p
LEFT JOIN story_members sm ON sm.doc_id = p.doc_id AND sm.prop_idx = p.idx
LEFT JOIN stories s ON s.id = sm.story_id
"""
_FAILURES_VIEW = """SELECT * FROM (SELECT * FROM read_parquet('{glob}') QUALIFY row_number() OVER
    (PARTITION BY source ORDER BY failed_at DESC) = 1) WHERE source NOT IN (SELECT source FROM documents
    WHERE source IS NOT NULL)"""


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def _attach(store: Store, root: Path, tables: Sequence[str]) -> None:
    """Replace the store's (empty) tables by views over the archive's files, where there are any."""
    for table in tables:
        if not _files(root / table):
            continue
        glob = _sql_path(root / table) + "/**/*.parquet"
        if table == "propositions":
            select = _PROPOSITIONS_VIEW.format(glob=glob)
        elif table in _DATED:
            select = f"SELECT * EXCLUDE (year, month) FROM read_parquet('{glob}', hive_partitioning = true)"
        elif table == "ingest_failures":
            select = _FAILURES_VIEW.format(glob=glob)
        else:
            select = f"SELECT * FROM read_parquet('{glob}')"
        store.execute(f"DROP TABLE {table}")
        store.execute(f"CREATE VIEW {table} AS {select}")
        if table == "propositions":  # the actor postings, derived from the view (the table stays empty)
            store.execute("DROP TABLE proposition_actors")
            store.execute(f"CREATE VIEW proposition_actors AS {postings_select('propositions')}")


def _copy(tmp: Store, staging: Path, name: str) -> None:
    for table, select in _DATED.items():
        if tmp.count(table):
            options = f"FORMAT PARQUET, PARTITION_BY (year, month), FILENAME_PATTERN '{name}_{{i}}'"
            tmp.execute(f"COPY ({select}) TO '{_sql_path(staging / table)}' ({options})")
    if tmp.count("ingest_failures"):
        (staging / "ingest_failures").mkdir(parents=True, exist_ok=True)
        target = _sql_path(staging / "ingest_failures" / f"{name}.parquet")
        tmp.execute(f"COPY ingest_failures TO '{target}' (FORMAT PARQUET)")


def _publish(root: Path, staging: Path) -> None:
    """Move every staged file to its place in the archive (each rename is atomic)."""
    for path in _files(staging):
        target = root / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
    shutil.rmtree(staging, ignore_errors=True)


def write_batch(root: Path, key: str, shard: Shard) -> int:
    """Write one batch's rows as the archive's files named by ``key``: staged in ``_tmp/<key>``, then
    renamed into place. Runs on a worker or on the writer; the batch counts only once it is in the
    manifest. Returns the documents written."""
    with Store(":memory:") as tmp:
        written = write_documents(tmp, shard.documents, shard.extras)
        record_failures(tmp, [Failure(*f) for f in shard.failures])
        staging = root / "_tmp" / key
        staging.mkdir(parents=True, exist_ok=True)
        _copy(tmp, staging, f"b{key}")
    _publish(root, staging)
    return written


def open_archive(root: Path | str) -> Store:
    """A store over the Parquet archive at ``root`` (an in-memory DuckDB with views; nothing is written).

    Raises:
        StoreError: (E013) ``root`` is not a folder.
    """
    from ..errors import StoreError

    path = Path(root)
    if not path.is_dir():
        raise StoreError("E013", f"Parquet archive {str(path)!r} is not a folder; ingest with --parquet-dir first")
    store = Store(":memory:")
    _attach(store, path, (*_DATED, *_WHOLE))
    return store


class ArchiveSink:
    """Merge shards into the Parquet archive at ``root`` (the single writer of the archive)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.manifest = root / "_manifest.jsonl"
        self.done: set[str] = set()
        self.clean: set[str] = set()
        self._read_manifest()
        self._remove_unfinished()

    def _read_manifest(self) -> None:
        if not self.manifest.exists():
            return
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                self._mark(str(entry["batch"]), int(entry["failures"]))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: that batch is not done

    def _mark(self, key: str, failures: int) -> None:
        self.done.add(key)
        if not failures:
            self.clean.add(key)

    def _remove_unfinished(self) -> None:
        shutil.rmtree(self.root / "_tmp", ignore_errors=True)
        for table in (*_DATED, "ingest_failures"):
            for path in _files(self.root / table):
                key = path.stem[1:].split("_")[0]
                if path.name.startswith("b") and key not in self.done:
                    path.unlink()

    def document_ids(self) -> set[str]:
        with open_archive(self.root) as store:
            return store.document_ids()

    def done_batches(self) -> set[str]:
        return set(self.clean)

    def worker_archive(self) -> str | None:
        """Workers write their batches into the archive themselves (in parallel); see :func:`write_batch`."""
        return str(self.root)

    def merge(self, key: str, shard: Shard) -> int:
        written = write_batch(self.root, key, shard)
        self.mark(key, written, len(shard.failures))
        return written

    def mark(self, key: str, documents: int, failures: int) -> None:
        """Append a batch whose files are all in place to the manifest (flushed to disk)."""
        with self.manifest.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"batch": key, "documents": documents, "failures": failures}) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self._mark(key, failures)

    def record_failures(self, failures: Sequence[Failure]) -> None:
        if not failures:
            return
        key = hashlib.sha256("\n".join(sorted(f.source for f in failures)).encode()).hexdigest()[:32]
        with Store(":memory:") as tmp:
            record_failures(tmp, failures)
            staging = self.root / "_tmp" / f"r{key}"
            (staging / "ingest_failures").mkdir(parents=True, exist_ok=True)
            target = _sql_path(staging / "ingest_failures" / f"r{key}.parquet")
            tmp.execute(f"COPY ingest_failures TO '{target}' (FORMAT PARQUET)")
        _publish(self.root, staging)

    def finish(self, added: int) -> int:
        """Relink the stories over the whole archive and rewrite ``stories`` and ``story_members``, when something
        was added or a killed run left propositions out of the stories."""
        from ..stories import link_stories, unlinked

        if not added:
            with Store(":memory:") as archive:
                _attach(archive, self.root, ("propositions", "story_members"))
                if not unlinked(archive):
                    return 0
        with Store(":memory:") as store:
            _attach(store, self.root, tuple(_DATED))
            n = link_stories(store)
            staging = self.root / "_tmp" / "stories"
            for table in ("stories", "story_members"):
                (staging / table).mkdir(parents=True, exist_ok=True)
                store.execute(f"COPY {table} TO '{_sql_path(staging / table / 'data.parquet')}' (FORMAT PARQUET)")
        _publish(self.root, staging)
        return n
