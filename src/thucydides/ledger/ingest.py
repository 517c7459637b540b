"""Writing importer output into the ledger: deduplication, statuses, reclassifications, daily totals.

Rules (documented in ``docs/ledger.md``):

- Within one import, rows with the same side, model and evidence URL are ONE item; their statuses are
  merged ("damaged" in one file and "captured" in another = one item, damaged and captured).
- Across imports and sources, an incoming item is the same as a stored one when they share a side and a
  normalised evidence URL and have the same model, or (when the model is spelled differently) the same
  category and no other stored item on that evidence has that category.
- A re-import from the SAME source is that source's current view: a changed category, model or status set
  replaces the stored one and the change is written to ``ledger_changes``. Another source only adds
  statuses it names (union), evidence and its name to ``sources``. Nothing is deleted.
- Daily totals replace the stored rows of the same source, side, category string, date and status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .records import ItemRecord, Parsed, evidence_key
from .taxonomy import STATUSES

__all__ = ["ImportReport", "StoreProgress", "store_parsed"]

#: ``progress(stage, done, total)``: ``done`` of ``total`` items (stage ``items``) or daily figures
#: (stage ``daily figures``) written so far.
StoreProgress = Callable[[str, int, int], None]

#: How many items are merged between two progress reports.
REPORT_EVERY = 500


@dataclass
class ImportReport:
    """What an import did."""

    import_id: int
    source: str
    kind: str
    rows_read: int
    items_in_input: int = 0
    new_items: int = 0
    changed_items: int = 0
    merged_items: int = 0
    daily_rows: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@dataclass
class _Item:
    item_id: str
    side: str
    category: str
    model: str
    statuses: set[str]
    sources: list[str]
    recorded: dt.date | None
    lost: dt.date | None
    first_import: int
    last_import: int
    keys: dict[str, str] = field(default_factory=dict)  # evidence key -> url


def _merge_within(records: Iterable[ItemRecord]) -> list[ItemRecord]:
    merged: dict[tuple[str, str, str], ItemRecord] = {}
    for rec in records:
        key = (rec.side, rec.model.lower(), evidence_key(rec.evidence[0]))
        old = merged.get(key)
        if old is None:
            merged[key] = rec
            continue
        statuses = tuple(s for s in STATUSES if s in set(old.statuses) | set(rec.statuses))
        dates = [d for d in (old.recorded, rec.recorded) if d]
        evidence = tuple(dict.fromkeys(old.evidence + rec.evidence))
        merged[key] = ItemRecord(old.side, old.model, old.category, statuses, evidence,
                                 min(dates) if dates else None, old.lost or rec.lost, old.raw_category)
    return list(merged.values())


def _load_items(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, _Item], dict[str, list[str]]]:
    items: dict[str, _Item] = {}
    for row in con.execute("SELECT item_id, side, category, model, statuses, sources, recorded, lost, "
                           "first_import, last_import FROM ledger_items").fetchall():
        items[row[0]] = _Item(row[0], row[1], row[2], row[3], set(row[4]), list(row[5]), row[6], row[7],
                              row[8], row[9])
    by_key: dict[str, list[str]] = {}
    for item_id, url, key in con.execute("SELECT item_id, url, key FROM ledger_evidence").fetchall():
        items[item_id].keys[key] = url
        by_key.setdefault(key, []).append(item_id)
    return items, by_key


def _find(rec: ItemRecord, items: dict[str, _Item], by_key: dict[str, list[str]],
          seen: set[str]) -> _Item | None:
    """The stored item ``rec`` is, or None. Items this import already matched are distinct from ``rec``."""
    candidates: dict[str, _Item] = {}
    for url in rec.evidence:
        for item_id in by_key.get(evidence_key(url), ()):
            if items[item_id].side == rec.side and item_id not in seen:
                candidates[item_id] = items[item_id]
    same_model = [c for c in candidates.values() if c.model.lower() == rec.model.lower()]
    if same_model:
        return same_model[0]
    same_category = [c for c in candidates.values() if c.category == rec.category]
    return same_category[0] if len(same_category) == 1 else None


def _item_id(rec: ItemRecord) -> str:
    basis = "|".join([rec.side, rec.model.lower(), evidence_key(rec.evidence[0])])
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


def _new_item(rec: ItemRecord, source: str, import_id: int) -> _Item:
    return _Item(_item_id(rec), rec.side, rec.category, rec.model, set(rec.statuses), [source], rec.recorded,
                 rec.lost, import_id, import_id)


def _update(item: _Item, rec: ItemRecord, source: str) -> list[tuple[str, str, str]]:
    """Apply ``rec`` to ``item``; return the (field, old, new) reclassifications."""
    changes: list[tuple[str, str, str]] = []
    same_source = item.sources == [source]
    new_statuses = set(rec.statuses) if same_source else item.statuses | set(rec.statuses)
    if new_statuses != item.statuses:
        changes.append(("statuses", _fmt(item.statuses), _fmt(new_statuses)))
        item.statuses = new_statuses
    for name, value in (("category", rec.category), ("model", rec.model)):
        if same_source and getattr(item, name) != value:
            changes.append((name, getattr(item, name), value))
            setattr(item, name, value)
    if source not in item.sources:
        item.sources.append(source)
    dates = [d for d in (item.recorded, rec.recorded) if d]
    item.recorded = min(dates) if dates else None
    item.lost = item.lost or rec.lost
    return changes


def _state(item: _Item) -> tuple[object, ...]:
    return (frozenset(item.statuses), item.category, item.model, len(item.sources), item.recorded, item.lost,
            len(item.keys))


def _fmt(statuses: Iterable[str]) -> str:
    return "+".join(s for s in STATUSES if s in set(statuses))


def _next_import_id(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT COALESCE(MAX(import_id), 0) + 1 FROM ledger_imports").fetchone()
    return int(row[0]) if row else 1


def _add_evidence(item: _Item, rec: ItemRecord, by_key: dict[str, list[str]]) -> None:
    for url in rec.evidence:
        key = evidence_key(url)
        if key not in item.keys:
            item.keys[key] = url
            by_key.setdefault(key, []).append(item.item_id)


@dataclass
class _Merging:
    """One import's merge of incoming items into the stored ones (see the rules above)."""

    items: dict[str, _Item]
    by_key: dict[str, list[str]]
    source: str
    report: ImportReport
    touched: dict[str, _Item] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    changes: list[tuple[str, int, str, str, str]] = field(default_factory=list)

    def add(self, rec: ItemRecord) -> None:
        """Merge ``rec`` into the stored item it is, or add it as a new item."""
        report = self.report
        report.items_in_input += 1
        item = _find(rec, self.items, self.by_key, self.seen)
        before: tuple[object, ...] = ()
        if item is None:
            item = _new_item(rec, self.source, report.import_id)
            self.items[item.item_id] = self.touched[item.item_id] = item
            report.new_items += 1
        else:
            before = _state(item)
            found = _update(item, rec, self.source)
            self.changes += [(item.item_id, report.import_id, *c) for c in found]
            report.changed_items, report.merged_items = report.changed_items + bool(found), report.merged_items + 1
        _add_evidence(item, rec, self.by_key)
        if item.item_id not in self.touched and _state(item) != before:
            item.last_import = report.import_id
            self.touched[item.item_id] = item
        self.seen.add(item.item_id)


def _merge_items(con: duckdb.DuckDBPyConnection, parsed: Parsed, report: ImportReport,
                 progress: StoreProgress | None) -> None:
    merging = _Merging(*_load_items(con), parsed.source, report)
    incoming = _merge_within(parsed.items)
    for done, rec in enumerate(incoming, 1):
        merging.add(rec)
        if progress is not None and done % REPORT_EVERY == 0:
            progress("items", done, len(incoming))
    if merging.touched:
        _write_items(con, list(merging.touched.values()), merging.changes)
    if progress is not None:
        progress("items", len(incoming), len(incoming))


def _write_items(con: duckdb.DuckDBPyConnection, items: list[_Item],
                 changes: list[tuple[str, int, str, str, str]]) -> None:
    ids = pa.table({"item_id": [i.item_id for i in items]})
    con.register("ledger_touched", ids)
    con.execute("DELETE FROM ledger_items WHERE item_id IN (SELECT item_id FROM ledger_touched)")
    con.execute("DELETE FROM ledger_evidence WHERE item_id IN (SELECT item_id FROM ledger_touched)")
    con.unregister("ledger_touched")
    rows = pa.table({
        "item_id": [i.item_id for i in items], "side": [i.side for i in items],
        "category": [i.category for i in items], "model": [i.model for i in items],
        "raw_model": [i.model for i in items],
        "statuses": [[s for s in STATUSES if s in i.statuses] for i in items],
        "sources": [i.sources for i in items], "recorded": [i.recorded for i in items],
        "lost": [i.lost for i in items], "first_import": [i.first_import for i in items],
        "last_import": [i.last_import for i in items]})
    _insert(con, "ledger_items", rows)
    evidence = [(i.item_id, url, key) for i in items for key, url in i.keys.items()]
    _insert(con, "ledger_evidence", pa.table({"item_id": [e[0] for e in evidence], "url": [e[1] for e in evidence],
                                              "key": [e[2] for e in evidence]}))
    if changes:
        cols = list(zip(*changes, strict=True))
        _insert(con, "ledger_changes", pa.table({"item_id": list(cols[0]), "import_id": list(cols[1]),
                                                 "field": list(cols[2]), "old": list(cols[3]), "new": list(cols[4])}))


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    con.register("ledger_incoming", rows)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM ledger_incoming")
    con.unregister("ledger_incoming")


def _store_daily(con: duckdb.DuckDBPyConnection, parsed: Parsed, report: ImportReport) -> None:
    d = parsed.daily
    rows = pa.table({
        "source": [parsed.source] * len(d), "kind": [parsed.kind] * len(d), "side": [r.side for r in d],
        "category": [r.category for r in d], "raw_category": [r.raw_category for r in d],
        "date": [r.date for r in d], "status": [r.status for r in d], "value": [r.value for r in d],
        "evidence": [r.evidence for r in d], "import_id": [report.import_id] * len(d),
        "level": [parsed.level] * len(d)})
    con.register("ledger_incoming", rows)
    con.execute("""DELETE FROM ledger_daily USING (SELECT DISTINCT source, side, raw_category, date, status
                   FROM ledger_incoming) n WHERE ledger_daily.source = n.source AND ledger_daily.side = n.side
                   AND ledger_daily.raw_category = n.raw_category AND ledger_daily.date = n.date
                   AND ledger_daily.status = n.status""")
    con.execute("INSERT INTO ledger_daily BY NAME SELECT * FROM ledger_incoming")
    con.unregister("ledger_incoming")
    report.daily_rows = len(d)


def store_parsed(con: duckdb.DuckDBPyConnection, parsed: Parsed, fmt: str, paths: list[str],
                 progress: StoreProgress | None = None) -> ImportReport:
    """Write one importer's output in a single transaction (all or nothing) and record the import;
    ``progress`` hears how far the writing is."""
    report = ImportReport(_next_import_id(con), parsed.source, parsed.kind, parsed.rows_read,
                          skipped=list(parsed.skipped), failed=list(parsed.failed))
    con.execute("BEGIN TRANSACTION")
    try:
        if parsed.items:
            _merge_items(con, parsed, report, progress)
        if parsed.daily:
            _store_daily(con, parsed, report)
            if progress is not None:
                progress("daily figures", len(parsed.daily), len(parsed.daily))
        con.execute("INSERT INTO ledger_imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _import_row(report, fmt, paths))
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError("E013", f"could not write the import: {str(exc).splitlines()[0]}") from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report


def _import_row(report: ImportReport, fmt: str, paths: list[str]) -> list[Any]:
    return [report.import_id, report.source, fmt, report.kind, ";".join(paths), dt.datetime.now(dt.UTC).replace(tzinfo=None),
            report.rows_read, report.new_items, report.changed_items, report.daily_rows,
            len(report.skipped) + len(report.failed)]
