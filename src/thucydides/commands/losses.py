"""``thucydides losses ...`` (import, totals, series, chart, problems, reconcile) and ``thucydides check-claims``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..ledger.importers import register_loss_importers
from ..plugins import hookimpl
from .options import db_option, parse_date_option, say

if TYPE_CHECKING:
    from .progress import ProgressBar

__all__ = ["check_claims_command", "losses", "register_commands", "register_loss_importers"]

_DB = db_option("The DuckDB file (the same file as the event store).")


def _side_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Click callback: ``--side`` as RUS or UKR (E001 with the valid options otherwise)."""
    from ..ledger.taxonomy import side_of_option

    return None if value is None else side_of_option(value)


_SIDE = click.option("--side", default="RUS", show_default=True, callback=_side_option,
                     help="Whose losses: RUS or UKR.")


@click.group("losses")
def losses() -> None:
    """The equipment-loss ledger: import loss lists, totals, series, charts, data problems."""


@losses.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", required=True, help="Input format: oryx-items, oryx-daily, oryx-bytype, "
              "oryx-bymodel, ua-mod, warspotting, csv (or one a plugin adds).")
@click.option("--source", help="Name to store the rows under (default: from the format).")
@click.option("--map", "mapping", help="For --format csv: field=column pairs, e.g. side=country,status=status,"
              "evidence=url,model=system,recorded=date.")
@click.option("--side", default=None, callback=_side_option,
              help="For --format csv without a side column: RUS or UKR for every row.")
@click.option("--date", "snapshot", default=None, metavar="YYYY-MM-DD",
              help="For snapshot files without a date column (oryx-bytype, oryx-bymodel): their date.")
@_DB
def import_command(paths: tuple[Path, ...], fmt: str, source: str | None, mapping: str | None, side: str | None,
                   snapshot: str | None, db: str) -> None:
    """Import loss files (all PATHS together, as one view of the source) into the ledger.

    Rows that cannot be read (malformed CSV, a bad date, count or side) are listed with their line numbers
    and the good rows are imported; the exit code is then 1, or 2 when no row could be imported.
    On a terminal a progress bar shows the rows read, then the items or figures written."""
    from ..ledger.api import NothingImported, import_losses
    from .progress import ProgressBar

    options = {k: v for k, v in {"source": source, "map": mapping, "side": side, "date": snapshot}.items() if v}
    try:
        with ProgressBar(True, _row_total(paths), "rows") as bar:
            report = import_losses(list(paths), fmt, db, options, progress=lambda *told: _advance(bar, *told))
    except NothingImported as exc:
        _list_rows("failed", exc.failed, err=True)
        raise
    say(f"import {report.import_id}: {report.source} ({report.kind}): {report.rows_read} rows read, "
               f"{report.items_in_input} items ({report.new_items} new, {report.merged_items} already known, "
               f"{report.changed_items} reclassified), {report.daily_rows} daily figures, "
               f"{len(report.skipped)} rows skipped, {len(report.failed)} failed")
    _list_rows("skipped", report.skipped)
    _list_rows("failed", report.failed, err=True)
    if report.failed:
        sys.exit(1)


def _row_total(paths: tuple[Path, ...]) -> int | None:
    """About how many rows CSV files hold (for the bar's total); None when a file is not CSV."""
    from .progress import count_documents

    if not all(p.suffix.lower() in (".csv", ".tsv") for p in paths):
        return None
    return count_documents(tuple(map(str, paths)))


def _advance(bar: ProgressBar, stage: str, done: int, total: int | None) -> None:
    """Show an import's progress: a new stage restarts the bar (the rows keep the total counted ahead)."""
    if stage != bar.unit:
        bar.stage(stage, total)
    bar.update(done)


#: How many skipped or failed rows an import lists one by one (then a count of the rest).
LISTED_ROWS = 20


def _list_rows(what: str, rows: list[str], err: bool = False) -> None:
    """One line per row (at most :data:`LISTED_ROWS`), then how many more."""
    for line in rows[:LISTED_ROWS]:
        say(f"  {what}: {line}", err=err)
    if len(rows) > LISTED_ROWS:
        say(f"  ... and {len(rows) - LISTED_ROWS} more {what} rows", err=err)


@losses.command("totals")
@_SIDE
@click.option("--as-of", "as_of", required=True, callback=parse_date_option, help="Date YYYY-MM-DD.")
@click.option("--by", type=click.Choice(["category", "status", "day"]), default="category", show_default=True)
@click.option("--source", default="items", show_default=True,
              help="items (the deduplicated item ledger) or a daily-total source such as oryx-daily.")
@click.option("--basis", type=click.Choice(["recorded", "lost"]), default="recorded", show_default=True,
              help="Count items by the day they were recorded or the day they were lost.")
@_DB
def totals_command(side: str, as_of: dt.date, by: str, source: str, basis: str, db: str) -> None:
    """Totals as of a date, by category, status or day."""
    from ..ledger.db import ledger_connection
    from ..ledger.totals import totals

    with ledger_connection(db, read_only=True) as con:
        result = totals(con, side, as_of, by, source, basis)
    for note in result.notes:
        say(f"# {note}")
    if result.rows:
        say(f"{by:<24}" + "".join(f"{c:>11}" for c in result.columns))
    for key, values in result.rows:
        say(f"{key:<24}" + "".join(f"{v:>11,}" for v in values))


@losses.command("series")
@_SIDE
@click.option("--category", default="all", show_default=True, help="A clean category slug, or all (headline).")
@click.option("--source", default="items", show_default=True)
@click.option("--from", "start", callback=parse_date_option, default="2022-02-24", show_default=True)
@click.option("--to", "end", callback=parse_date_option, default=None, help="Last date (default: today).")
@click.option("--weekly", is_flag=True, help="Weekly points (the last figure of each ISO week).")
@_DB
def series_command(side: str, category: str, source: str, start: dt.date, end: dt.date | None, weekly: bool,
                   db: str) -> None:
    """Cumulative series with the change and the rate per day between figures."""
    from ..ledger.db import ledger_connection
    from ..ledger.totals import series

    with ledger_connection(db, read_only=True) as con:
        points = series(con, side, start, end or dt.date.today(), source, category,
                        freq="week" if weekly else "day")
    say("date        cumulative  change  per_day")
    for p in points:
        change = "" if p.change is None else f"{p.change:+d}"
        say(f"{p.date}  {p.cumulative:>10}  {change:>6}  {'' if p.per_day is None else p.per_day:>7}")


@losses.command("chart")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--kind", type=click.Choice(["cumulative", "claimed-vs-confirmed"]), default="cumulative",
              show_default=True)
@_SIDE
@click.option("--category", "categories", multiple=True, help="Category slug (repeatable).")
@click.option("--source", default="items", show_default=True, help="Source of the cumulative chart.")
@click.option("--claimed", default="ua-mod-petroivaniuk", show_default=True,
              help="Claimed source of the claimed-vs-confirmed chart.")
@click.option("--from", "start", callback=parse_date_option, default=None)
@click.option("--to", "end", callback=parse_date_option, default=None)
@_DB
def chart_command(out: Path, kind: str, side: str, categories: tuple[str, ...], source: str, claimed: str,
                  start: dt.date | None, end: dt.date | None, db: str) -> None:
    """Draw a PNG or SVG chart (the type follows OUT's extension)."""
    from ..ledger.charts import chart
    from ..ledger.db import ledger_connection

    with ledger_connection(db, read_only=True) as con:
        path = chart(con, kind, out, side, list(categories) or None, start, end, source, claimed)
    say(f"wrote {path}")


@losses.command("problems")
@click.option("--kind", "kinds", multiple=True, help="Only this problem kind (repeatable).")
@_DB
def problems_command(kinds: tuple[str, ...], db: str) -> None:
    """Report data problems: negative changes, out-of-range dates, model/category mismatches, outliers."""
    from ..ledger.db import ledger_connection
    from ..ledger.problems import check_kinds, find_problems

    check_kinds(kinds)
    with ledger_connection(db, read_only=True) as con:
        found = [p for p in find_problems(con) if not kinds or p.kind in kinds]
    for p in found:
        say(f"{p.kind}\t{p.source}\t{p.side}\t{p.category}\t{p.date}\t{p.detail}")
    say(f"{len(found)} problem(s)")


@losses.command("reconcile")
@_SIDE
@click.option("--date", "date", required=True, callback=parse_date_option, help="Date YYYY-MM-DD.")
@click.option("--source", default="oryx-daily", show_default=True, help="Daily source with a headline total.")
@_DB
def reconcile_command(side: str, date: dt.date, source: str, db: str) -> None:
    """Explain the difference between the item ledger and a daily headline on one date."""
    from ..ledger.db import ledger_connection
    from ..ledger.problems import reconcile

    with ledger_connection(db, read_only=True) as con:
        lines = reconcile(con, side.upper(), date, source)
    for label, value in lines:
        say(f"{label:<78}{value:>8,}")


def _result_dict(todo: Any, result: Any) -> dict[str, Any]:
    comps = [{"source": c.source, "kind": c.kind, "categories": list(c.categories), "verdict": c.verdict,
              "figure": c.nearest.value if c.nearest else None,
              "figure_date": c.nearest.date.isoformat() if c.nearest else None,
              "breakdown": c.nearest.breakdown if c.nearest else {},
              "figures": [[f.date.isoformat(), f.value] for f in c.figures],
              "missing_dates": [d.isoformat() for d in c.missing_dates], "difference": c.difference,
              "relative": c.relative, "note": c.note} for c in result.comparisons]
    return {"doc_id": todo.doc_id, "outlet": todo.outlet, "claim": result.claim.to_dict(),
            "as_of": result.as_of.isoformat() if result.as_of else None, "verdict": result.verdict,
            "reason": result.why_not,
            "notes": list(result.notes), "comparisons": comps}


def _echo_result(todo: Any, result: Any) -> None:
    c = result.claim
    basis = result.basis
    against = f" against {basis.source} [{'+'.join(basis.categories)}]" if basis is not None else ""
    why = f" ({result.why_not})" if result.why_not else ""
    say(f"{todo.doc_id} {todo.outlet or ''}: {c.side} {c.qualifier} {c.value:,} {c.unit} "
               f"(as of {result.as_of}) -> {result.verdict.upper().replace('_', ' ')}{against}{why}")
    for note in result.notes:
        say(f"  note: {note}")
    for comp in result.comparisons:
        label = "CONFIRMED" if comp.kind == "confirmed" else "CLAIMED  "
        if comp.nearest is None:
            say(f"  {label} {comp.source}: no figure ({comp.note})")
            continue
        f = comp.nearest
        parts = ", ".join(f"{k} {v:,}" for k, v in f.breakdown.items())
        missing = f"; no figure for {', '.join(map(str, comp.missing_dates))}" if comp.missing_dates else ""
        say(f"  {label} {comp.source}: {comp.verdict}; figure {f.value:,} on {f.date} "
                   f"[{'+'.join(comp.categories)}]{' (' + parts + ')' if parts else ''}, "
                   f"difference {comp.difference:+,} ({(comp.relative or 0):+.1%}){missing}")


@click.command("check-claims")
@click.option("--from", "from_file", type=click.Path(path_type=Path),
              help="JSON/JSONL Documents (thucydides extract output) instead of the store's loss claims.")
@click.option("--lag-days", default=3, show_default=True, type=click.IntRange(0, 60),
              help="Days before the claim's date whose figures count.")
@click.option("--tolerance", default=0.02, show_default=True, type=click.FloatRange(0, 0.5),
              help="Relative slack for rounding.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim.")
@click.option("--side", type=click.Choice(["RUS", "UKR"], case_sensitive=False),
              help="Only claims about this side's losses.")
@click.option("--all", "show_all", is_flag=True,
              help="Also list the claims of conflicts the ledger does not cover (counted in the summary).")
@_DB
def check_claims_command(from_file: Path | None, lag_days: int, tolerance: float, as_json: bool,
                         side: str | None, show_all: bool, db: str) -> None:
    """Check the loss figures quoted in articles against the ledger series of the same kind as of their
    dates, and summarize: consistent, overstated, understated, not checkable (and why)."""
    from ..ledger.api import check_claims
    from ..ledger.check import NO_LEDGER, summarize

    results = [(t, r) for t, r in check_claims(db, from_file, lag_days, tolerance)
               if side is None or r.claim.side == side.upper()]
    for todo, result in results:
        if as_json:
            click.echo(json.dumps(_result_dict(todo, result), ensure_ascii=False))
        elif show_all or result.reason != NO_LEDGER:
            _echo_result(todo, result)
    if as_json:
        return
    if not results:
        say("no loss claims to check")
        return
    counts = summarize([r for _, r in results])
    say(f"{len(results)} loss claims: " + ", ".join(f"{n} {what}" for what, n in counts.items()))


@hookimpl
def register_commands(cli: Any) -> None:
    """Add the ``losses`` group and ``check-claims``."""
    cli.add_command(losses)
    cli.add_command(check_claims_command)
