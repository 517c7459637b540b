"""Batches and their Parquet shards: the unit of work of a cluster ingest.

A batch is a list of ``(source, article)`` pairs; its key is a hash of its content (every article's id,
which is the content hash of its text, its metadata and source) and of the extractor, so a rerun
forms the same batches with the same keys. A worker writes one shard per batch, atomically: to a
temporary file in the same folder, then renamed to ``<key>.parquet``. A shard holds one row per
document (the pickled :class:`~thucydides.model.Document`, exact to the last digit) and one row per
failure (error code and reason). Shards are trusted files written by this package's own workers.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .._version import __version__
from ..model import Article, Document

__all__ = ["Batch", "Outcome", "Shard", "as_shard", "batch_key", "read_shard", "shard_path", "write_shard"]

#: What extracting one document gave: ``(doc id, document or None, error code, reason)``.
Outcome = tuple[str, Document | None, str, str]

#: One document of a batch: where it came from and the article (with the outlets it cites).
Entry = tuple[str, Article, tuple[str, ...]]

_SCHEMA = pa.schema([("doc_id", pa.string()), ("source", pa.string()), ("outlets", pa.list_(pa.string())),
                     ("document", pa.binary()), ("code", pa.string()), ("reason", pa.string())])


@dataclass(frozen=True)
class Batch:
    """A work unit: its content key and its entries, in input order."""

    key: str
    entries: tuple[Entry, ...]

    @property
    def articles(self) -> list[Article]:
        return [article for _, article, _ in self.entries]


def batch_key(entries: Sequence[Entry], extractor: str) -> str:
    """The content hash naming a batch and its shard (32 hex digits)."""
    h = hashlib.sha256(f"{extractor}\0{__version__}".encode())
    for source, a, outlets in entries:
        meta = [a.id, source, a.published.isoformat() if a.published else None, a.outlet, a.url, a.title,
                list(outlets)]
        h.update(json.dumps(meta, ensure_ascii=False).encode())
    return h.hexdigest()[:32]


@dataclass(frozen=True)
class Shard:
    """What a shard holds: documents with their extras (``source``, ``outlets``), and failures."""

    documents: list[Document]
    extras: dict[str, dict[str, Any]]
    failures: list[tuple[str, str, str, str]]  # (source, doc_id, code, reason)


def as_shard(batch: Batch, outcomes: Sequence[Outcome]) -> Shard:
    """A batch's outcomes (in batch order) as a shard, without writing it."""
    shard = Shard([], {}, [])
    for (source, _, outlets), (doc_id, doc, code, reason) in zip(batch.entries, outcomes, strict=True):
        if doc is not None:
            shard.documents.append(doc)
            shard.extras[doc.id] = {"source": source, "outlets": list(outlets)}
        else:
            shard.failures.append((source, doc_id, code or "E014", reason))
    return shard


def shard_path(folder: Path, key: str) -> Path:
    """Where the shard of batch ``key`` lives."""
    return folder / f"{key}.parquet"


def write_shard(folder: Path, batch: Batch, outcomes: Sequence[Outcome]) -> Path:
    """Write a batch's outcomes (``(doc id, document or None, code, reason)`` each, in batch order)
    as its shard: a temporary file first, flushed to disk, then renamed, so a shard is whole or absent."""
    cols: dict[str, list[Any]] = {name: [] for name in _SCHEMA.names}
    for (source, _, outlets), (doc_id, doc, code, reason) in zip(batch.entries, outcomes, strict=True):
        row = [doc_id, source, list(outlets), pickle.dumps(doc) if doc is not None else None,
               code or None, reason or None]
        for name, value in zip(_SCHEMA.names, row, strict=True):
            cols[name].append(value)
    folder.mkdir(parents=True, exist_ok=True)
    target = shard_path(folder, batch.key)
    tmp = folder / f".{batch.key}.{os.getpid()}.tmp"
    pq.write_table(pa.table(cols, schema=_SCHEMA), tmp)
    with tmp.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)
    return target


def read_shard(path: Path) -> Shard:
    """The documents, extras and failures of one shard."""
    table = pq.read_table(path, schema=_SCHEMA)
    shard = Shard([], {}, [])
    for row in table.to_pylist():
        if row["document"] is not None:
            doc: Document = pickle.loads(row["document"])  # written by our own workers
            shard.documents.append(doc)
            shard.extras[doc.id] = {"source": row["source"], "outlets": list(row["outlets"] or ())}
        else:
            shard.failures.append((row["source"], row["doc_id"], row["code"] or "E014", row["reason"] or ""))
    return shard
