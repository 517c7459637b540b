"""PNG/SVG charts with matplotlib (Agg backend): cumulative losses by category; claimed vs confirmed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from ..errors import InputError, InvalidValue
from ..outputs import check_output_file
from .taxonomy import CATEGORIES
from .totals import ITEMS, check_source, series, sources

__all__ = ["CHART_KINDS", "chart"]

CHART_KINDS: tuple[str, ...] = ("cumulative", "claimed-vs-confirmed")
FORMATS: tuple[str, ...] = (".png", ".svg")


def _days(dates: list[dt.date]) -> np.ndarray:
    return np.array(dates, dtype="datetime64[D]")


def _dated_axis(ax: Any) -> None:
    """Readable dates on the x axis: as many ticks as fit, each label once (year, then months or days)."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _nothing_to_draw(con: duckdb.DuckDBPyConnection, side: str, what: str, start: dt.date, end: dt.date,
                     asked: tuple[str, ...], option: str = "--source") -> InputError:
    """E002 for a chart with no figures: what to import, or which imported sources ``option`` can choose."""
    others = [s for s in sources(con) if s not in asked]
    hint = (f"the ledger holds {', '.join(repr(s) for s in others)}: choose one with {option}" if others else
            "import loss data first (thucydides losses import PATHS --format FORMAT, see docs/ledger.md)")
    return InputError("E002", f"no {side} figures {what} between {start} and {end}: nothing to draw; {hint}")


def _check_out(out: Path) -> None:
    if out.suffix.lower() not in FORMATS:
        raise InvalidValue("E001", "chart file type", out.suffix or out.name, FORMATS)
    if not out.parent.exists():
        raise InputError("E002", f"folder {str(out.parent)!r} does not exist")
    check_output_file(out)


def _save(fig: Figure, out: Path) -> Path:
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return out


def _cumulative(con: duckdb.DuckDBPyConnection, side: str, categories: list[str], start: dt.date,
                end: dt.date, source: str) -> Figure:
    what = f"from {source} for {', '.join(categories)}"
    if not sources(con):
        raise _nothing_to_draw(con, side, what, start, end, (source,))
    drawn = {c: series(con, side, start, end, source, c) for c in categories}
    if not any(drawn.values()):
        raise _nothing_to_draw(con, side, what, start, end, (source,))
    fig, ax = plt.subplots(figsize=(9, 5))
    for category, points in drawn.items():
        if points:
            ax.plot(_days([p.date for p in points]), [p.cumulative for p in points],
                    label=CATEGORIES.get(category, category))
    _dated_axis(ax)
    ax.set_title(f"{side} losses by category, cumulative ({source}, by recording date)")
    ax.set_ylabel("items (visually confirmed)" if source == ITEMS else "cumulative total")
    ax.legend(fontsize="small")
    return fig


def _claimed_vs_confirmed(con: duckdb.DuckDBPyConnection, side: str, categories: list[str], start: dt.date,
                          end: dt.date, claimed: str) -> Figure:
    what = f"from {ITEMS} or {claimed} for {', '.join(categories)}"
    if not sources(con):
        raise _nothing_to_draw(con, side, what, start, end, (ITEMS, claimed), "--claimed")
    check_source(con, claimed, option="--claimed")
    pairs = {c: (series(con, side, start, end, ITEMS, c), series(con, side, start, end, claimed, c))
             for c in categories}
    if not any(a or b for a, b in pairs.values()):
        raise _nothing_to_draw(con, side, what, start, end, (ITEMS, claimed), "--claimed")
    fig, axes = plt.subplots(len(categories), 1, figsize=(9, 3 * len(categories)), squeeze=False)
    for ax, category in zip(axes[:, 0], categories, strict=True):
        confirmed, claim = pairs[category]
        ax.plot(_days([p.date for p in confirmed]), [p.cumulative for p in confirmed],
                label="visually confirmed (item ledger)")
        _dated_axis(ax)
        ax.plot(_days([p.date for p in claim]), [p.cumulative for p in claim], label=f"claimed ({claimed})")
        ax.set_title(CATEGORIES.get(category, category))
        ax.legend(fontsize="small")
    return fig


def chart(con: duckdb.DuckDBPyConnection, kind: str, out: Path, side: str = "RUS",
          categories: list[str] | None = None, start: dt.date | None = None, end: dt.date | None = None,
          source: str = ITEMS, claimed: str = "ua-mod-petroivaniuk") -> Path:
    """Draw a chart to ``out`` (``.png`` or ``.svg``) and return the path.

    ``cumulative``: cumulative losses per category from ``source``. ``claimed-vs-confirmed``: for each
    category, the item ledger's confirmed count against the ``claimed`` source's cumulative figure. Note the
    item ledger is dated by recording date, the claims by report date.
    """
    if kind not in CHART_KINDS:
        raise InvalidValue("E001", "chart kind", kind, CHART_KINDS)
    _check_out(out)
    start = start or dt.date(2022, 2, 24)
    end = end or dt.date.today()
    if kind == "cumulative":
        cats = categories or ["tanks", "ifvs", "afvs", "apcs", "sp_artillery", "trucks"]
        return _save(_cumulative(con, side, cats, start, end, source), out)
    cats = categories or ["tanks", "armoured_combat", "artillery"]
    return _save(_claimed_vs_confirmed(con, side, cats, start, end, claimed), out)
