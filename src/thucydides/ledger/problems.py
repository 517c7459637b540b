"""Data problems users of loss lists run into, detected and reported (never silently fixed).

- ``negative_change``: a cumulative daily total falls from one figure to the next.
- ``date_out_of_range``: a date before 2022-02-24 (the invasion) or after today.
- ``model_category_mismatch``: the items of a category (by-model rows, put into categories), or a by-model
  totals file summed per category, disagree with the same category's total on the same date by more than
  ``max(5, 5 %)``.
- ``outlier``: a daily figure far from the line between its two neighbours while they agree with each
  other (e.g. a headline ``destroyed`` of 100 between 959 and 1,041).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import duckdb

from ..errors import InvalidValue
from .taxonomy import ALL, HEADLINE_EXCLUDED, STATUSES, side_of_option

__all__ = ["INVASION", "KINDS", "Problem", "check_kinds", "find_problems", "reconcile"]

INVASION = dt.date(2022, 2, 24)
KINDS: tuple[str, ...] = ("negative_change", "date_out_of_range", "model_category_mismatch", "outlier")


@dataclass(frozen=True)
class Problem:
    """One data problem: what, where, and the values involved."""

    kind: str
    source: str
    side: str
    category: str
    date: dt.date | None
    detail: str


def _series(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str, str, str], list[tuple[dt.date, int]]]:
    rows = con.execute("""SELECT source, side, raw_category, status, date, value FROM ledger_daily
                          ORDER BY source, side, raw_category, status, date""").fetchall()
    out: dict[tuple[str, str, str, str], list[tuple[dt.date, int]]] = {}
    for source, side, raw, status, date, value in rows:
        out.setdefault((source, side, raw, status), []).append((date, int(value)))
    return out


def _negative(key: tuple[str, str, str, str], points: list[tuple[dt.date, int]]) -> list[Problem]:
    source, side, raw, status = key
    return [Problem("negative_change", source, side, raw, d1, f"{status} fell from {v0:,} ({d0}) to {v1:,}")
            for (d0, v0), (d1, v1) in itertools.pairwise(points) if v1 < v0]


def _outliers(key: tuple[str, str, str, str], points: list[tuple[dt.date, int]]) -> list[Problem]:
    source, side, raw, status = key
    found = []
    for (d0, v0), (d1, v1), (d2, v2) in zip(points, points[1:], points[2:], strict=False):
        expected = v0 + (v2 - v0) * (d1 - d0).days / max((d2 - d0).days, 1)
        slack = max(10.0, 0.2 * expected)
        if v2 >= v0 and abs(v1 - expected) > slack and not (v0 - slack <= v1 <= v2 + slack):
            found.append(Problem("outlier", source, side, raw, d1,
                                 f"{status} {v1:,} between {v0:,} ({d0}) and {v2:,} ({d2})"))
    return found


def _dates(con: duckdb.DuckDBPyConnection, today: dt.date) -> list[Problem]:
    out = [Problem("date_out_of_range", s, side, raw, d, f"{n} daily row(s) dated outside {INVASION}..{today}")
           for s, side, raw, d, n in con.execute(
               """SELECT source, side, raw_category, date, count(*) FROM ledger_daily WHERE date < ? OR date > ?
                  GROUP BY ALL ORDER BY ALL""", [INVASION, today]).fetchall()]
    for col in ("recorded", "lost"):
        out += [Problem("date_out_of_range", ITEMS_SOURCE, side, cat, d, f"{n} item(s) with {col} date outside "
                        f"{INVASION}..{today}") for side, cat, d, n in con.execute(
                    f"""SELECT side, category, {col}, count(*) FROM ledger_items WHERE {col} < ? OR {col} > ?
                        GROUP BY ALL ORDER BY ALL""", [INVASION, today]).fetchall()]
    return out


ITEMS_SOURCE = "items"


def _far(n: int, v: int) -> bool:
    return abs(n - v) > max(5, 0.05 * v)


def _item_mismatches(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """The item ledger (by model) against each per-category source on that source's latest date."""
    has_items = con.execute("SELECT count(*) FROM ledger_items").fetchone()
    if not has_items or not has_items[0]:
        return []
    rows = con.execute(
        """WITH d AS (SELECT source, side, category, date, sum(value) AS v FROM ledger_daily
                      WHERE kind = 'confirmed' AND status = 'total' AND level = 'category'
                      AND category NOT IN ('all', 'other') GROUP BY ALL),
                last AS (SELECT source, side, max(date) AS date FROM d GROUP BY ALL)
           SELECT d.source, d.side, d.category, d.date, d.v,
                  (SELECT count(*) FROM ledger_items i WHERE i.side = d.side AND i.category = d.category
                   AND i.recorded <= d.date) AS n
           FROM d JOIN last USING (source, side, date) ORDER BY ALL""").fetchall()
    return [Problem("model_category_mismatch", source, side, cat, date,
                    f"{n:,} items by model vs {v:,} by category ({n - v:+,})")
            for source, side, cat, date, v, n in rows if _far(n, v)]


def _total_mismatches(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """By-model totals (summed per category) against per-category totals of the same side and date."""
    rows = con.execute(
        """WITH t AS (SELECT source, level, side, category, date, sum(value) AS v FROM ledger_daily
                      WHERE kind = 'confirmed' AND status = 'total' AND category NOT IN ('all', 'other')
                      GROUP BY ALL)
           SELECT m.source, c.source, m.side, m.category, m.date, m.v, c.v FROM t m JOIN t c
           ON m.side = c.side AND m.category = c.category AND m.date = c.date
           WHERE m.level = 'model' AND c.level = 'category' ORDER BY ALL""").fetchall()
    return [Problem("model_category_mismatch", f"{msrc} vs {csrc}", side, cat, date,
                    f"{n:,} by model vs {v:,} by category ({n - v:+,})")
            for msrc, csrc, side, cat, date, n, v in rows if _far(n, v)]


def check_kinds(kinds: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``kinds`` if each is one of :data:`KINDS`; E001 with the valid ones otherwise."""
    for kind in kinds:
        if kind not in KINDS:
            raise InvalidValue("E001", "problem kind", kind, KINDS)
    return tuple(kinds)


def find_problems(con: duckdb.DuckDBPyConnection, today: dt.date | None = None) -> list[Problem]:
    """Every data problem in the ledger, in the order of :data:`KINDS`."""
    out: list[Problem] = []
    series = _series(con)
    for key, points in series.items():
        out += _negative(key, points)
    out += _dates(con, today or dt.date.today())
    out += _item_mismatches(con) + _total_mismatches(con)
    for key, points in series.items():
        out += _outliers(key, points)
    return out


def reconcile(con: duckdb.DuckDBPyConnection, side: str, date: dt.date, source: str) -> list[tuple[str, int]]:
    """Explain the difference between the item ledger and a daily source's headline on ``date``.

    Returns labelled numbers: the headline and its statuses, the items (each counted once), the items
    with two statuses, items by their final status (destroyed > captured > abandoned > damaged, the
    way the headline counts each item once), items in categories outside the headline, the residual and,
    when the daily source has per-category figures on that date, items minus the daily total per category
    (the item categories come from the model rules and today's category boundaries).
    """
    from .totals import check_source

    side = side_of_option(side)
    check_source(con, source, daily=True)
    head = dict(con.execute("""SELECT status, sum(value) FROM ledger_daily WHERE source = ? AND side = ?
                               AND category = ? AND date = ? GROUP BY status""", [source, side, ALL, date]).fetchall())
    row = _item_breakdown(con, side, date)
    items, double, outside = int(row[0]), int(row[1]), int(row[2])
    headline = int(head.get("total", 0))
    lines = [(f"{source} headline ({ALL}) on {date}", headline)]
    lines += [(f"  headline {s}", int(head.get(s, 0))) for s in STATUSES]
    lines += [("item ledger: items recorded by then (each once)", items),
              ("  items with two statuses (each would be counted twice by status rows)", double),
              ("  status rows (items + double statuses)", items + double)]
    lines += [(f"  items whose final status is {s}", int(v)) for s, v in zip(STATUSES, row[3:], strict=True)]
    lines += [("  items in categories outside the headline (ATGMs, MANPADS)", outside),
              ("items in headline categories", items - outside),
              ("residual: headline minus items in headline categories", headline - (items - outside))]
    return lines + _category_lines(con, side, date, source)


def _category_lines(con: duckdb.DuckDBPyConnection, side: str, date: dt.date, source: str) -> list[tuple[str, int]]:
    """Items minus the daily total per category, where the daily source has categories on ``date``."""
    rows = con.execute(
        """WITH d AS (SELECT category, sum(value) AS v FROM ledger_daily WHERE source = ? AND side = ? AND date = ?
                      AND status = 'total' AND category <> 'all' GROUP BY category),
                i AS (SELECT category, count(*) AS n FROM ledger_items WHERE side = ? AND recorded <= ?
                      GROUP BY category)
           SELECT coalesce(d.category, i.category), coalesce(d.v, 0), coalesce(i.n, 0) FROM d FULL JOIN i USING (category)
           ORDER BY coalesce(i.n, 0) - coalesce(d.v, 0), 1""", [source, side, date, side, date]).fetchall()
    if not any(v for _, v, _ in rows):
        return []
    return [(f"  by category: {c} (daily {int(v):,}, items {int(n):,}), items minus daily", int(n) - int(v))
            for c, v, n in rows if n != v]


def _item_breakdown(con: duckdb.DuckDBPyConnection, side: str, date: dt.date) -> tuple[int, ...]:
    """Items recorded by ``date``: count, with two statuses, outside the headline, then by final status."""
    excluded = sorted(HEADLINE_EXCLUDED)
    final = "CASE " + " ".join(f"WHEN list_contains(statuses, '{s}') THEN '{s}'" for s in
                               ("destroyed", "captured", "abandoned")) + " ELSE 'damaged' END"
    row = con.execute(
        f"""SELECT count(*), count(*) FILTER (len(statuses) > 1),
                   count(*) FILTER (category IN ({', '.join('?' * len(excluded))})),
                   {', '.join(f"count(*) FILTER ({final} = '{s}')" for s in STATUSES)}
            FROM ledger_items WHERE side = ? AND recorded <= ?""", [*excluded, side, date]).fetchone()
    assert row is not None
    return tuple(int(v) for v in row)
