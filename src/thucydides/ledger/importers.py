"""The built-in loss importers, registered through the ``register_loss_importers`` hook.

An importer is a callable ``(paths, options) -> Parsed``: ``paths`` are the files given on the command line
(read together, as one view of the source), ``options`` are strings such as ``source``, ``side`` or ``map``.
Formats (see ``docs/ledger.md`` for the columns each one needs):

- ``oryx-items``: item rows, one per loss and status (``country, system, status, url, date_recorded``).
- ``oryx-daily``: daily per-category totals by status (``country, equipment_type, ..., date_recorded``).
- ``oryx-bytype``: the same, with the date in a ``date`` column (leedrake5 by-type files) or a snapshot date.
- ``oryx-bymodel``: by-model totals by status (a snapshot dated by a ``date`` column or option).
- ``ua-mod``: Ukrainian MoD claimed cumulative totals (PetroIvaniuk or lod-db JSON, detected).
- ``warspotting``: WarSpotting API pages (``{"losses": [...]}``), one or several per file.
- ``csv``: any item-level CSV with a column mapping (``map`` option: ``field=column,...``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..errors import InputError
from ..plugins import hookimpl
from .models import category_of_model
from .records import DailyRecord, ItemRecord, Parsed, parse_date, parse_int, read_csv_rows, read_json
from .taxonomy import STATUSES, category_of, clean_model, parse_statuses, side_of

__all__ = ["Importer", "builtin_importers", "import_csv", "import_oryx_bymodel", "import_oryx_bytype",
           "import_oryx_daily",
           "import_oryx_items", "import_ua_mod", "import_warspotting"]

Importer = Callable[[Sequence[Path], Mapping[str, str]], Parsed]
T = TypeVar("T")


def _csv_rows(path: Path, required: Sequence[str], out: Parsed) -> Iterator[tuple[str, dict[str, str]]]:
    """``(where, row)`` of each well-formed row of a CSV file; each malformed one goes to ``out.failed``. Every
    row, good or not, counts in ``out.rows_read``."""
    malformed: list[str] = []
    for line, row in read_csv_rows(path, required, malformed):
        _fail_rows(out, malformed)
        out.rows_read += 1
        yield f"{path.name} line {line}", row
    _fail_rows(out, malformed)


def _fail_rows(out: Parsed, malformed: list[str]) -> None:
    """Move the malformed rows read so far to ``out.failed`` (in line order), counting them as read."""
    out.failed += malformed
    out.rows_read += len(malformed)
    malformed.clear()


def _converted(out: Parsed, where: str, convert: Callable[[], T]) -> T | None:
    """``convert()``, or None when it raises InputError (a bad date, count or side): the row is failed."""
    try:
        return convert()
    except InputError as exc:
        text = str(exc)
        out.failed.append(text if f"] {where}: " in text else text.replace("] ", f"] {where}: ", 1))
        return None


def _side(raw: str, where: str) -> str:
    side = side_of(raw)
    if side is None:
        raise InputError("E001", f"{where}: unknown side {raw!r}; valid options: 'Russia', 'Ukraine'")
    return side


def _item_from_row(row: Mapping[str, str], where: str) -> ItemRecord | str:
    side = side_of(row["country"])
    statuses = parse_statuses(row["status"])
    url = row["url"].strip()
    if side is None or not statuses or not url or url.upper() == "NA":
        return f"{where}: no side, status or evidence URL"
    model = clean_model(row["system"])
    return ItemRecord(side=side, model=model, category=category_of_model(model), statuses=statuses,
                      evidence=(url,), recorded=parse_date(row["date_recorded"]), lost=None)


def import_oryx_items(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """Oryx item rows (scarnecchia ``event_*.csv`` / ``totals_by_system*.csv``): one row per item and status.

    ``date_recorded`` is the day the scraper first saw the entry, so it becomes ``recorded``; the date of loss
    stays unknown. Rows of several files are read together, so an item listed as damaged in one file and
    captured in another becomes one item with two statuses when the rows are merged by the ledger.
    """
    out = Parsed(source=options.get("source") or "oryx-items", kind="confirmed")
    for path in paths:
        for where, row in _csv_rows(path, ("country", "system", "status", "url", "date_recorded"), out):
            item = _converted(out, where, lambda: _item_from_row(row, where))  # noqa: B023 (called at once)
            if isinstance(item, str):
                out.skipped.append(item)
            elif item is not None:
                out.items.append(item)
    return out


def _category_of_row(raw: str, level: str) -> str | None:
    return category_of_model(clean_model(raw)) if level == "model" else category_of(raw)


def _daily_rows(row: Mapping[str, str], date: dt.date, where: str, cols: tuple[str, str],
                level: str) -> list[DailyRecord] | str:
    raw = " ".join(row[cols[0]].split())
    category = _category_of_row(raw, level)
    if category is None:
        return f"{where}: category {raw[:60]!r} is not in the taxonomy (a summary line or an unknown name)"
    side = _side(row["country"], where)
    key = clean_model(raw) if level == "model" else raw
    out = [DailyRecord(side, category, key, date, s, parse_int(row[s], where)) for s in STATUSES]
    out.append(DailyRecord(side, category, key, date, "total", parse_int(row[cols[1]], where)))
    return out


def _import_totals(paths: Sequence[Path], options: Mapping[str, str], out: Parsed, date_column: str,
                   cols: tuple[str, str]) -> Parsed:
    """Per-category (``out.level`` category) or per-model totals by status, dated by ``date_column`` or, for
    snapshot files without one, by the ``date`` option."""
    snapshot = parse_date(options.get("date")) if options.get("date") else None
    needed = ("country", *cols, *STATUSES, *(() if snapshot else (date_column,)))
    for path in paths:
        for where, row in _csv_rows(path, needed, out):
            rows = _converted(out, where, lambda: _dated_rows(row, snapshot, where, date_column, cols,  # noqa: B023
                                                              out.level))
            if isinstance(rows, str):
                out.skipped.append(rows)
            elif rows is not None:
                out.daily.extend(rows)
    return out


def _dated_rows(row: Mapping[str, str], snapshot: dt.date | None, where: str, date_column: str,
                cols: tuple[str, str], level: str) -> list[DailyRecord] | str:
    date = parse_date(row.get(date_column)) or snapshot
    return _daily_rows(row, date, where, cols, level) if date else f"{where}: no date"


def import_oryx_daily(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """Oryx daily per-category totals by status, dated by ``date_recorded`` (scarnecchia ``daily_count.csv``).

    Whole Oryx header lines used as category names ("Losses excluding ...") are skipped and listed.
    """
    out = Parsed(source=options.get("source") or "oryx-daily", kind="confirmed")
    return _import_totals(paths, options, out, "date_recorded", ("equipment_type", "type_total"))


def import_oryx_bytype(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """Oryx by-type totals with a ``date`` column (leedrake5 ``byType`` files, combined or not), or a by-type
    snapshot without one (scarnecchia ``totals_by_type.csv``) dated by the ``date`` option."""
    out = Parsed(source=options.get("source") or "oryx-bytype", kind="confirmed")
    return _import_totals(paths, options, out, "date", ("equipment_type", "type_total"))


def import_oryx_bymodel(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """Oryx by-model totals by status (scarnecchia ``totals_by_system_wide.csv``: ``country, system,
    destroyed, captured, abandoned, damaged, total``), dated by a ``date`` column or the ``date`` option.
    Each model is put into a category by the model rules; ``raw_category`` keeps the model."""
    out = Parsed(source=options.get("source") or "oryx-bymodel", kind="confirmed", level="model")
    return _import_totals(paths, options, out, "date", ("system", "total"))


#: MoD report keys (both transcriptions) -> clean categories. Their "APC"/"afvs" is every armoured vehicle.
UA_MOD_KEYS: dict[str, str] = {
    "tank": "tanks", "tanks": "tanks", "APC": "armoured_combat", "afvs": "armoured_combat",
    "field artillery": "artillery", "artillery": "artillery", "MRL": "rocket_artillery",
    "rocketSystems": "rocket_artillery", "anti-aircraft warfare": "air_defence", "airDefense": "air_defence",
    "aircraft": "aircraft", "fixedWingAircraft": "aircraft", "helicopter": "helicopters",
    "rotaryWingAircraft": "helicopters", "drone": "uavs", "uavs": "uavs", "naval ship": "naval", "ships": "naval",
    "submarines": "submarines", "special equipment": "special_equipment", "specialEquipment": "special_equipment",
    "vehicles and fuel tanks": "trucks", "unarmoredVehicles": "trucks", "military auto": "trucks",
    "fuel tank": "trucks", "cruise missiles": "missiles", "missiles": "missiles", "mobile SRBM system": "srbm",
    "ground robotic systems": "ugvs", "personnel": "personnel",
}
_UA_MOD_SKIP = {"date", "day", "sourceUri", "greatest losses direction", "personnel*", "POW"}


def _ua_mod_record(rec: Any, where: str) -> tuple[list[DailyRecord], list[str]]:
    if not isinstance(rec, dict) or "date" not in rec:
        raise InputError("E010", f"{where}: a record without a 'date' field")
    date = parse_date(rec["date"])
    if date is None:
        raise InputError("E006", f"{where}: the date is {rec['date']!r}; every MoD record needs a YYYY-MM-DD date")
    rows, skipped = [], []
    evidence = rec.get("sourceUri")
    if evidence is not None and not isinstance(evidence, str):
        raise InputError("E007", f"{where}: 'sourceUri' is a {type(evidence).__name__}, expected a URL")
    for key, value in rec.items():
        if key in _UA_MOD_SKIP or value is None:
            continue
        if key not in UA_MOD_KEYS:
            skipped.append(f"{where}: key {key!r} is not a known MoD category")
            continue
        rows.append(DailyRecord("RUS", UA_MOD_KEYS[key], key, date, "total", parse_int(value, where), evidence))
    return rows, skipped


def import_ua_mod(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """Ukrainian MoD claimed cumulative Russian losses: a JSON list of daily records.

    Both transcriptions are read: PetroIvaniuk (``tank``, ``APC``, ``field artillery``, ...) and lod-db
    (``tanks``, ``afvs``, ``artillery``, ... with ``sourceUri``). The source name says which one it was.
    """
    out = Parsed(source=options.get("source") or "", kind="claimed")
    for path in paths:
        data = read_json(path)
        if not isinstance(data, list):
            raise InputError("E007", f"{path.name}: expected a JSON list of daily records")
        for n, rec in enumerate(data, 1):
            out.rows_read += 1
            rows, skipped = _ua_mod_record(rec, f"{path.name} record {n}")
            out.daily.extend(rows)
            out.skipped.extend(skipped)
            if not out.source:
                out.source = "ua-mod-lod-db" if isinstance(rec, dict) and "sourceUri" in rec else "ua-mod-petroivaniuk"
    out.source = out.source or "ua-mod"
    return out


def _warspotting_item(rec: Any, where: str) -> ItemRecord | str:
    if not isinstance(rec, dict):
        return f"{where}: not an object"
    side = side_of(str(rec.get("lost_by") or ""))
    statuses = parse_statuses(str(rec.get("status") or ""))
    if side is None or not statuses:
        return f"{where}: no known side (lost_by) or status"
    photos = _photos(rec.get("photos"))
    if photos is None:
        return f"{where}: 'photos' is a {type(rec.get('photos')).__name__}, expected a list of URLs"
    odd = [k for k, kinds in _WARSPOTTING_TYPES.items() if rec.get(k) is not None and not isinstance(rec[k], kinds)]
    if odd:
        return f"{where}: {', '.join(repr(k) for k in odd)} of another type (id: a number or text; model, type: text)"
    evidence = [f"https://ukr.warspotting.net/view/{rec['id']}/"] if rec.get("id") is not None else []
    evidence += photos
    if not evidence:
        return f"{where}: no evidence (neither an id nor a photo URL)"
    model = clean_model(str(rec.get("model") or "unknown"))
    raw = str(rec.get("type") or "")
    category = category_of(raw) or category_of_model(model)
    return ItemRecord(side=side, model=model, category=category, statuses=statuses, evidence=tuple(evidence),
                      recorded=None, lost=parse_date(rec.get("date")), raw_category=raw)


#: The types a WarSpotting record's ``id``, ``model`` and ``type`` may have (a record with another is skipped).
_WARSPOTTING_TYPES: dict[str, type | tuple[type, ...]] = {"id": (int, str), "model": str, "type": str}


def _photos(value: object) -> list[str] | None:
    """The photo URLs of a WarSpotting record: a list of strings, or one string as one URL; None when the
    field has another type (the record is then skipped, never split into characters)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value.strip()]
    if isinstance(value, list) and all(isinstance(p, str) for p in value):
        return [p.strip() for p in value if p.strip()]
    return None


def import_warspotting(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """WarSpotting API pages: ``{"losses": [...]}`` objects (a file may hold one, a list or JSON Lines).

    ``date`` is the date of loss; WarSpotting gives no recording date, so ``recorded`` is the import day.
    """
    out = Parsed(source=options.get("source") or "warspotting", kind="confirmed")
    today = dt.date.today()
    for path in paths:
        data = read_json(path)
        pages = data if isinstance(data, list) else [data]
        for p, page in enumerate(pages, 1):
            if not isinstance(page, dict) or not isinstance(page.get("losses"), list):
                raise InputError("E010", f"{path.name} page {p}: expected an object with a 'losses' list")
            for n, rec in enumerate(page["losses"], 1):
                out.rows_read += 1
                item = _warspotting_item(rec, f"{path.name} page {p} loss {n}")
                if isinstance(item, str):
                    out.skipped.append(item)
                else:
                    out.items.append(ItemRecord(item.side, item.model, item.category, item.statuses,
                                                item.evidence, today, item.lost, item.raw_category))
    return out


CSV_FIELDS: tuple[str, ...] = ("side", "model", "category", "status", "evidence", "recorded", "lost")


def parse_mapping(text: str) -> dict[str, str]:
    """``"side=country,evidence=link"`` -> ``{"side": "country", "evidence": "link"}``."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, column = part.partition("=")
        if not sep or key.strip() not in CSV_FIELDS:
            raise InputError("E001", f"invalid column mapping {part!r}; fields are {', '.join(CSV_FIELDS)}")
        mapping[key.strip()] = column.strip()
    return mapping


def _csv_item(row: Mapping[str, str], cols: Mapping[str, str], default_side: str, where: str) -> ItemRecord | str:
    side = side_of(row[cols["side"]]) if "side" in cols else side_of(default_side)
    statuses = parse_statuses(row[cols["status"]])
    evidence = tuple(u for u in row[cols["evidence"]].split() if u)
    if side is None or not statuses or not evidence:
        return f"{where}: no known side, status or evidence"
    model = clean_model(row[cols["model"]]) if "model" in cols else "unknown"
    raw = row[cols["category"]] if "category" in cols else ""
    category = (category_of(raw) if raw else None) or category_of_model(model)
    recorded = parse_date(row[cols["recorded"]]) if "recorded" in cols else None
    lost = parse_date(row[cols["lost"]]) if "lost" in cols else None
    return ItemRecord(side, model, category, statuses, evidence, recorded or dt.date.today(), lost, raw)


def import_csv(paths: Sequence[Path], options: Mapping[str, str]) -> Parsed:
    """A generic item-level CSV. ``map`` names the columns: ``status`` and ``evidence`` are required, and
    ``side`` unless the ``side`` option gives it for every row; ``model``, ``category``, ``recorded`` (day
    the list recorded it; the import day when absent) and ``lost`` (day of loss) are optional.
    """
    cols = parse_mapping(options.get("map") or "")
    needed = ["status", "evidence"] + ([] if options.get("side") else ["side"])
    missing = [f for f in needed if f not in cols]
    if missing:
        raise InputError("E010", f"column mapping lacks {', '.join(missing)} (use --map field=column,...)")
    out = Parsed(source=options.get("source") or "csv", kind="confirmed")
    for path in paths:
        for where, row in _csv_rows(path, list(cols.values()), out):
            item = _converted(out, where, lambda: _csv_item(row, cols, options.get("side") or "", where))  # noqa: B023
            if isinstance(item, str):
                out.skipped.append(item)
            elif item is not None:
                out.items.append(item)
    return out


def builtin_importers() -> dict[str, Importer]:
    """The formats shipped with thucydides."""
    return {"oryx-items": import_oryx_items, "oryx-daily": import_oryx_daily, "oryx-bytype": import_oryx_bytype,
            "oryx-bymodel": import_oryx_bymodel,
            "ua-mod": import_ua_mod, "warspotting": import_warspotting, "csv": import_csv}


@hookimpl
def register_loss_importers() -> dict[str, Any]:
    """Built-in importers, through the same hook a third-party package uses."""
    return dict(builtin_importers())
