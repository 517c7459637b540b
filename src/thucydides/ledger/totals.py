"""Totals, cumulative series and rates from the ledger, for the item list and for each daily-total source.

Two kinds of source live in the ledger:

- the **item ledger** (source name ``items``): one row per lost item, counted as of a date by the day each
  item was recorded (``basis="recorded"``) or, where a source states it, lost (``basis="lost"``). The first
  recording date of an item list is a scrape date: everything already listed then was lost on or before it,
  so the item ledger has NO figure for earlier dates (it does not pretend they were zero);
- **daily-total sources** (``oryx-daily``, ``oryx-bytype``, ``ua-mod-...``): cumulative figures as published,
  one per date they cover; dates between them have no figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb

from ..errors import InputError, InvalidValue
from .taxonomy import AGGREGATES, ALL, CATEGORIES, HEADLINE_EXCLUDED, STATUSES, side_of_option

__all__ = ["ITEMS", "Figure", "SeriesPoint", "Totals", "daily_figures", "item_baseline", "item_figure",
           "series", "sources", "totals"]

#: Source name of the deduplicated item ledger.
ITEMS = "items"
BY_OPTIONS: tuple[str, ...] = ("category", "status", "day")
BASES: tuple[str, ...] = ("recorded", "lost")


@dataclass(frozen=True)
class Figure:
    """One ledger figure: ``value`` items (or units) of ``categories`` lost by ``side`` as of ``date``.

    ``breakdown`` gives the count per status where the source has one (an item with two statuses is in both).
    """

    source: str
    kind: str
    side: str
    date: dt.date
    value: int
    categories: tuple[str, ...]
    breakdown: dict[str, int] = field(default_factory=dict)
    evidence: str | None = None


@dataclass
class Totals:
    """Rows of ``(key, values)``, one value per name in ``columns``, plus notes on what they mean."""

    side: str
    as_of: dt.date
    by: str
    source: str
    rows: list[tuple[str, tuple[int, ...]]]
    columns: tuple[str, ...] = ("items", *STATUSES)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SeriesPoint:
    """Cumulative value on ``date`` and the change per day since the previous point (None at the start)."""

    date: dt.date
    cumulative: int
    change: int | None
    per_day: float | None


def sources(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """``{source: kind}`` of every daily-total source, plus ``items`` when the item ledger is not empty."""
    out = dict(con.execute("SELECT DISTINCT source, kind FROM ledger_daily ORDER BY source").fetchall())
    row = con.execute("SELECT count(*) FROM ledger_items").fetchone()
    if row and row[0]:
        out[ITEMS] = "confirmed"
    return out


def _date_col(basis: str) -> str:
    if basis not in BASES:
        raise InvalidValue("E001", "date basis", basis, BASES)
    return basis


def item_baseline(con: duckdb.DuckDBPyConnection, side: str, basis: str = "recorded") -> dt.date | None:
    """The first date of the item ledger for ``side`` (a scrape date for scraped lists), or None."""
    col = _date_col(basis)
    row = con.execute(f"SELECT min({col}) FROM ledger_items WHERE side = ?", [side]).fetchone()
    return row[0] if row else None


def _category_filter(categories: tuple[str, ...]) -> tuple[str, list[str]]:
    if categories == (ALL,):
        excluded = sorted(HEADLINE_EXCLUDED)
        return f"category NOT IN ({', '.join('?' * len(excluded))})", excluded
    return f"category IN ({', '.join('?' * len(categories))})", list(categories)


def item_figure(con: duckdb.DuckDBPyConnection, side: str, categories: tuple[str, ...], date: dt.date,
                basis: str = "recorded") -> Figure | None:
    """Items of ``categories`` (``("all",)`` = the headline categories) as of ``date``; None before the baseline."""
    col = _date_col(basis)
    first = item_baseline(con, side, basis)
    if first is None or date < first:
        return None
    where, params = _category_filter(categories)
    sql = (f"SELECT count(*), {', '.join(f'count(*) FILTER (list_contains(statuses, {s!r}))' for s in STATUSES)} "
           f"FROM ledger_items WHERE side = ? AND {col} <= ? AND {where}")
    row = con.execute(sql, [side, date, *params]).fetchone()
    assert row is not None
    return Figure(ITEMS, "confirmed", side, date, int(row[0]), categories,
                  dict(zip(STATUSES, (int(v) for v in row[1:]), strict=True)))


def daily_figures(con: duckdb.DuckDBPyConnection, source: str, side: str, categories: tuple[str, ...],
                  start: dt.date, end: dt.date) -> list[Figure]:
    """The figures of a daily-total source between ``start`` and ``end`` on dates where EVERY category has one."""
    marks = ", ".join("?" * len(categories))
    rows = con.execute(
        f"""SELECT date, status, sum(value), count(DISTINCT category), any_value(evidence), any_value(kind)
            FROM ledger_daily WHERE source = ? AND side = ? AND category IN ({marks}) AND date BETWEEN ? AND ?
            GROUP BY date, status ORDER BY date""", [source, side, *categories, start, end]).fetchall()
    by_date: dict[dt.date, dict[str, int]] = {}
    meta: dict[dt.date, tuple[str | None, str]] = {}
    for date, status, value, n_categories, evidence, kind in rows:
        if n_categories == len(categories):
            by_date.setdefault(date, {})[status] = int(value)
            meta[date] = (evidence, kind)
    return [Figure(source, meta[d][1], side, d, v["total"], categories,
                   {s: v[s] for s in STATUSES if s in v}, meta[d][0])
            for d, v in by_date.items() if "total" in v]


def _check_side(side: str) -> str:
    return side_of_option(side)


def check_source(con: duckdb.DuckDBPyConnection, source: str, daily: bool = False, option: str = "--source") -> str:
    """``source`` if the ledger has it (``items`` always, unless ``daily``); E001 naming ``option`` (the
    command-line option that chooses it) with the valid ones otherwise."""
    known = [s for s in sources(con) if not (daily and s == ITEMS)]
    if source in known or (source == ITEMS and not daily):
        return source
    raise InvalidValue("E001", f"{option} (a source imported with `thucydides losses import`)", source,
                       known or ("(nothing imported yet)",))


def check_category(con: duckdb.DuckDBPyConnection, category: str) -> str:
    """``category`` if it is ``all``, a slug of the taxonomy, an aggregate or a category in the ledger;
    E001 with the valid ones otherwise."""
    rows = con.execute("SELECT DISTINCT category FROM ledger_daily UNION "
                       "SELECT DISTINCT category FROM ledger_items").fetchall()
    valid = sorted({ALL, *CATEGORIES, *AGGREGATES, *(str(r[0]) for r in rows)})
    if category not in valid:
        raise InvalidValue("E001", "category", category, valid)
    return category


def totals(con: duckdb.DuckDBPyConnection, side: str, as_of: dt.date, by: str = "category",
           source: str = ITEMS, basis: str = "recorded") -> Totals:
    """Totals for ``side`` as of ``as_of``, grouped by category, status or day, from one source."""
    side = _check_side(side)
    if by not in BY_OPTIONS:
        raise InvalidValue("E001", "grouping", by, BY_OPTIONS)
    known = sources(con)
    if source not in known:
        raise InvalidValue("E001", "--source (a source imported with `thucydides losses import`)", source,
                           tuple(known) or ("(nothing imported yet)",))
    if source == ITEMS:
        return _item_totals(con, side, as_of, by, basis)
    return _daily_totals(con, source, side, as_of, by)


def _item_totals(con: duckdb.DuckDBPyConnection, side: str, as_of: dt.date, by: str, basis: str) -> Totals:
    col = _date_col(basis)
    out = Totals(side, as_of, by, ITEMS, [])
    first = item_baseline(con, side, basis)
    if first is None or as_of < first:
        out.notes.append(f"no figure: the item ledger for {side} starts on {first} (by {basis} date); "
                         "items listed then were lost on or before it, so earlier totals are unknown")
        return out
    key = {"category": "category", "day": f"CAST({col} AS VARCHAR)", "status": "unnest(statuses)"}[by]
    counts = ", ".join(f"count(*) FILTER (list_contains(statuses, {s!r}))" for s in STATUSES)
    rows = con.execute(f"SELECT {key} AS k, count(*), {counts} FROM ledger_items WHERE side = ? AND {col} <= ? "
                       "GROUP BY k ORDER BY k", [side, as_of]).fetchall()
    out.rows = [(str(r[0]), tuple(int(v) for v in r[1:])) for r in rows]
    if by == "day" and out.rows:
        out.notes.append(f"{out.rows[0][0]} is the first {basis} date: its count is a backlog, not one day's losses")
    if by == "status":
        out.notes.append("an item with two statuses (damaged and captured) is counted under both")
    return out


def _daily_totals(con: duckdb.DuckDBPyConnection, source: str, side: str, as_of: dt.date, by: str) -> Totals:
    out = Totals(side, as_of, by, source, [])
    row = con.execute("SELECT max(date) FROM ledger_daily WHERE source = ? AND side = ? AND date <= ?",
                      [source, side, as_of]).fetchone()
    latest = row[0] if row else None
    if latest is None:
        out.notes.append(f"no figure: {source} has no {side} figure on or before {as_of}")
        return out
    if latest != as_of:
        out.notes.append(f"{source} has no figure for {as_of}; showing its latest earlier figure, {latest}")
    if by == "day":
        return _daily_by_day(con, out, as_of)
    rows = con.execute("""SELECT category, status, sum(value) FROM ledger_daily WHERE source = ? AND side = ?
                          AND date = ? GROUP BY ALL""", [source, side, latest]).fetchall()
    table: dict[str, dict[str, int]] = {}
    for category, status, value in rows:
        table.setdefault(category, {})[status] = int(value)
    if by == "status":
        head = table.get(ALL, {})
        out.columns = ("headline",)
        out.rows = [(s, (head[s],)) for s in (*STATUSES, "total") if s in head]
        return out
    out.columns = ("total", *STATUSES)
    out.rows = [(c, (v.get("total", 0), *(v.get(s, 0) for s in STATUSES))) for c, v in sorted(table.items())]
    return out


def _daily_by_day(con: duckdb.DuckDBPyConnection, out: Totals, as_of: dt.date) -> Totals:
    category = ALL if _has_headline(con, out.source) else None
    if category is None:
        raise InputError("E010", f"{out.source} has no headline total; use --category with --by day")
    points = series(con, out.side, dt.date(2022, 2, 24), as_of, out.source, category)
    out.columns = ("cumulative", "change")
    out.rows = [(p.date.isoformat(), (p.cumulative, p.change or 0)) for p in points]
    out.notes.append("change is since the previous figure; dates without a figure are absent")
    return out


def _has_headline(con: duckdb.DuckDBPyConnection, source: str) -> bool:
    row = con.execute("SELECT count(*) FROM ledger_daily WHERE source = ? AND category = ?", [source, ALL]).fetchone()
    return bool(row and row[0])


def series(con: duckdb.DuckDBPyConnection, side: str, start: dt.date, end: dt.date, source: str = ITEMS,
           category: str = ALL, basis: str = "recorded", freq: str = "day") -> list[SeriesPoint]:
    """Cumulative series with the change per day between consecutive figures (weekly: last figure per week)."""
    side = _check_side(side)
    if freq not in ("day", "week"):
        raise InvalidValue("E001", "frequency", freq, ("day", "week"))
    check_source(con, source)
    check_category(con, category)
    values = _item_series(con, side, category, end, basis) if source == ITEMS else _daily_series(con, source, side,
                                                                                             category, end)
    dates = sorted(d for d in values if d <= end)
    if freq == "week":
        last: dict[tuple[int, int], dt.date] = {}
        for d in dates:
            last[d.isocalendar()[:2]] = d
        dates = sorted(last.values())
    return _points({d: values[d] for d in dates}, start)


def _item_series(con: duckdb.DuckDBPyConnection, side: str, category: str, end: dt.date,
                 basis: str) -> dict[dt.date, int]:
    col = _date_col(basis)
    where, params = _category_filter(tuple(sorted(AGGREGATES.get(category, {category}))))
    rows = con.execute(f"""SELECT {col}, sum(count(*)) OVER (ORDER BY {col}) FROM ledger_items
                           WHERE side = ? AND {col} IS NOT NULL AND {col} <= ? AND {where}
                           GROUP BY {col} ORDER BY {col}""", [side, end, *params]).fetchall()
    return {d: int(v) for d, v in rows}


def _daily_series(con: duckdb.DuckDBPyConnection, source: str, side: str, category: str,
                  end: dt.date) -> dict[dt.date, int]:
    """A daily source's figures for ``category``, or for the sum of its parts when it has no such category."""
    start = dt.date(2000, 1, 1)
    values = {f.date: f.value for f in daily_figures(con, source, side, (category,), start, end)}
    if not values and category in AGGREGATES:
        parts = tuple(sorted(AGGREGATES[category]))
        values = {f.date: f.value for f in daily_figures(con, source, side, parts, start, end)}
    return values


def _points(values: dict[dt.date, int], start: dt.date) -> list[SeriesPoint]:
    out: list[SeriesPoint] = []
    prev: tuple[dt.date, int] | None = None
    for d, v in values.items():
        if d >= start:
            change = v - prev[1] if prev else None
            per_day = change / max((d - prev[0]).days, 1) if prev and change is not None else None
            out.append(SeriesPoint(d, v, change, None if per_day is None else round(per_day, 2)))
        prev = (d, v)
    return out
