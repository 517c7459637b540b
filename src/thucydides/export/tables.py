"""Table exports: Parquet (partitioned by date), CSV (one file per table) and JSON Lines records."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..outputs import spreadsheet_safe, write_csv
from ..store.connection import Store

__all__ = ["export_csv", "export_jsonl", "export_parquet"]

#: What each exported table selects; ``year``/``month`` are the Parquet partition keys.
_TABLES: dict[str, str] = {
    "documents": "SELECT * EXCLUDE (record), year(published) AS year, month(published) AS month FROM documents",
    "propositions": "SELECT *, year(event_date) AS year, month(event_date) AS month FROM propositions",
    "claims": """SELECT c.*, p.event_date, year(p.event_date) AS year, month(p.event_date) AS month
                 FROM claims c JOIN propositions p ON p.doc_id = c.doc_id AND p.idx = c.prop_idx""",
    "loss_claims": "SELECT *, year(published) AS year, month(published) AS month FROM loss_claims",
    "actor_mentions": "SELECT * FROM actor_mentions",
    "stories": "SELECT * FROM stories",
    "story_members": "SELECT * FROM story_members",
}
_PARTITIONED = ("documents", "propositions", "claims", "loss_claims")


def _folder(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    return out


def _clear(target: Path) -> None:
    """Remove a previous Parquet export of one table (refusing folders holding anything else)."""
    if not target.exists():
        return
    foreign = [p for p in target.rglob("*") if p.is_file() and p.suffix != ".parquet"]
    if foreign or not target.is_dir():
        raise InputError("E003", f"{target} is not a previous Parquet export (it holds {foreign[:1] or target}); "
                         "choose another --output")
    shutil.rmtree(target)


def export_parquet(store: Store, out: Path) -> dict[str, int]:
    """Every table as Parquet under ``out/<table>/``; dated tables partitioned by ``year=``/``month=``
    of the event (propositions, claims) or publication (documents, loss claims) date.

    Returns:
        Rows written per table.
    """
    counts: dict[str, int] = {}
    for table, select in _TABLES.items():
        target = _folder(out) / table
        _clear(target)
        if table in _PARTITIONED:
            options = "FORMAT PARQUET, PARTITION_BY (year, month)"
            store.execute(f"COPY ({select}) TO '{_quote(target)}' ({options})")
        else:
            target.mkdir()
            store.execute(f"COPY ({select}) TO '{_quote(target / 'data.parquet')}' (FORMAT PARQUET)")
        counts[table] = _count(store, select)
    return counts


def export_csv(store: Store, out: Path, raw: bool = False) -> dict[str, int]:
    """Every table as ``out/<table>.csv`` with a header row (lists as ``[a, b]``).

    Unless ``raw``, cells a spreadsheet would run as a formula get a leading ``'``
    (:func:`~thucydides.outputs.spreadsheet_safe`)."""
    counts: dict[str, int] = {}
    for table, select in _TABLES.items():
        plain = select.replace(", year(published) AS year, month(published) AS month", "").replace(
            ", year(event_date) AS year, month(event_date) AS month", "").replace(
            ", year(p.event_date) AS year, month(p.event_date) AS month", "")
        target = _folder(out) / (table + ".csv")
        store.execute(f"COPY ({plain}) TO '{_quote(target)}' (HEADER, DELIMITER ',')")
        if not raw:
            _neutralise(target)
        counts[table] = _count(store, plain)
    return counts


def _neutralise(path: Path) -> None:
    """Rewrite a CSV file with every formula-looking cell made inert."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))  # a document record can be megabytes
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    if not any(spreadsheet_safe(c) != c for row in rows for c in row):
        return
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_csv(stream, ([spreadsheet_safe(c) for c in row] for row in rows))


def export_jsonl(store: Store, stream: IO[str]) -> dict[str, int]:
    """The canonical document records (``Document.to_dict()`` plus ``outlets`` and ``source``), one a line."""
    cursor = store.execute("SELECT record FROM documents ORDER BY published NULLS LAST, id")
    n = 0
    while rows := cursor.fetchmany(1000):
        for (record,) in rows:
            stream.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
            n += 1
    return {"documents": n}


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _count(store: Store, select: str) -> int:
    row = store.execute(f"SELECT count(*) FROM ({select})").fetchone()
    return int(row[0]) if row else 0
