"""Helpers of the cluster tests: a corpus with bad records, and a table-by-table dump of a store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_ingest import write_corpus
from thucydides.store import Store

#: Every table a cluster ingest must fill exactly as the single-machine ingest does.
TABLES = ("documents", "actor_mentions", "propositions", "claims", "loss_claims", "stories", "story_members",
          "ingest_failures")
_VOLATILE = {"documents": "EXCLUDE (ingested_at)", "ingest_failures": "EXCLUDE (failed_at)"}


def write_mixed_corpus(folder: Path, n: int, marker: str = "") -> None:
    """``n`` good text files, a duplicate text, a file that makes the extractor raise, a binary file, and
    a JSON Lines file with one good record and one malformed line."""
    write_corpus(folder, n, marker)
    (folder / "dup.txt").write_text((folder / "doc0000.txt").read_text())
    (folder / "broken.txt").write_text("BOOM goes the extractor")
    (folder / "photo.txt").write_bytes(b"\x89PNG\x00\x00binary")
    good = {"text": "Wire report\n@AID USA>UKR asserted 2022-04-02\n", "date": "2022-04-02", "outlet": "Wire"}
    (folder / "wire.jsonl").write_text(json.dumps(good) + "\n{not json\n")


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (without write timestamps), sorted."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        rows = store.execute(f"SELECT * {_VOLATILE.get(table, '')} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out
