"""Merging results written elsewhere: JSON Lines shards of document records (for example from Dask
workers, each writing its own shard) are loaded idempotently, batch by batch."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError, ThucydidesError
from ..model import Document
from .writes import write_documents

if TYPE_CHECKING:  # only for annotations: Store.merge calls into this module
    from .connection import Store

__all__ = ["merge_shards", "read_records"]


def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_records(path: Path) -> Iterator[tuple[Document, dict[str, Any]]]:
    """Documents and their extras (``source``, ``outlets``) from one shard of ``Document.to_dict()`` lines.

    Raises:
        InputError: (E002) missing shard; (E007) a line is not a valid document record.
    """
    if not path.is_file():
        raise InputError("E002", f"shard {path} does not exist")
    with _open(path) as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not str(record.get("text") or "").strip():
                    raise ValueError("no text")
                doc = Document.from_dict(record)
            except (ValueError, KeyError, TypeError, ThucydidesError) as exc:
                raise InputError("E007", f"{path}:{number}: not a document record ({exc})") from None
            yield doc, {k: record[k] for k in ("source", "outlets") if k in record}


def merge_shards(store: Store, paths: Iterable[Path | str], batch_size: int = 500) -> int:
    """Load shards into the store, one transaction per batch; documents already stored are replaced,
    so merging a shard twice adds nothing. Returns the number of documents written."""
    written = 0
    for path in paths:
        batch: list[Document] = []
        extras: dict[str, dict[str, Any]] = {}
        for doc, extra in read_records(Path(path)):
            batch.append(doc)
            extras[doc.id] = extra
            if len(batch) >= batch_size:
                written += write_documents(store, batch, extras)
                batch, extras = [], {}
        written += write_documents(store, batch, extras)
    return written
