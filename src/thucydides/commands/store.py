"""Store commands: ``ingest``, ``query``, ``disputes``, ``dyad`` and ``export``."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError, InvalidValue
from ..plugins import hookimpl
from .options import db_option, format_option, parse_date_option, say

__all__ = ["register_commands"]

_DB = db_option("The store (a DuckDB file).")
_ARCHIVE = click.option("--parquet-dir", metavar="DIR",
                        help="Read the Parquet archive in DIR (from ingest --parquet-dir) instead of --db.")
_STATUS_CHOICES = ("asserted", "alleged", "denied", "hypothetical")
_FORMAT = format_option(["table", "csv", "json"], default="table")
_RAW = click.option("--raw", is_flag=True, help="csv, gdelt: keep cells as they are; by default a cell starting "
                    "with = + - @ gets a leading ' so spreadsheets do not run it as a formula.")


def _reader(db: str, parquet_dir: str | None) -> Any:
    """The store to read: the DuckDB file, or a Parquet archive seen through DuckDB."""
    if parquet_dir:
        from ..cluster import open_archive

        return open_archive(parquet_dir)
    from ..store import open_store

    return open_store(db, read_only=True)


def _point(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        raise InvalidValue("E001", "--near", value, ("LAT,LON in degrees, e.g. 48.39,37.85",)) from None
    return lat, lon


def _extractor(spec: str | None) -> Any:
    if spec is None:
        return None
    module, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError, ValueError):
        raise InvalidValue("E001", "extractor", spec, ["module:function, e.g. thucydides.pipeline.run:extract_batch"])


def _remove_new_store(db: str, existed: bool) -> None:
    """Delete a store this run created (and its write-ahead log) when nothing could be read."""
    if existed:
        return
    for path in (Path(db), Path(db + ".wal")):
        path.unlink(missing_ok=True)


def _nothing_read(report: Any, paths: tuple[str, ...]) -> InputError:
    if not report.failures:
        return InputError("E002", f"no documents found in {', '.join(paths)}")
    first = report.failures[0]
    reason = str(first.reason).removeprefix(f"[{first.code}] ")
    more = f" ({len(report.failures)} inputs failed; the first is shown)" if len(report.failures) > 1 else ""
    return InputError(first.code, f"nothing could be read: {reason}{more}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_DB
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Documents per batch (and per write).")
@click.option("--format", "fmt", default=None, help="Read every input as this format "
              "(text, markdown, html, jsonl, csv, feed); default: by file suffix.")
@click.option("--text-field", help="Field/column holding the text (default: text, body, content).")
@click.option("--date-field", help="Field/column holding the publication date (default: published, date).")
@click.option("--outlet-field", help="Field/column holding the outlet(s) (default: outlet, cited_outlets).")
@click.option("--url-field", help="Field/column holding the URL (default: url, link, source_page).")
@click.option("--title-field", help="Field/column holding the title (default: title, headline).")
@click.option("--published", callback=parse_date_option,
              help="Publication date YYYY-MM-DD of every document (default: from the document, else from a "
                   "file name YYYY-MM-DD_outlet_name.txt).")
@click.option("--outlet", help="Outlet of every document (default: from the document, else from the file name).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Largest document accepted.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a URL.")
@click.option("--extractor", metavar="MODULE:FUNCTION", help="Batch extractor to use instead of the pipeline.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input failed (default: 0, with the count).")
@click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")
@click.option("--cluster", metavar="local[:N]|tcp://HOST:PORT",
              help="Extract on Dask workers: a local cluster of N processes, or a running scheduler.")
@click.option("--parquet-dir", metavar="DIR", help="Keep the results as a Parquet archive in DIR (not --db).")
@click.option("--shard-dir", metavar="DIR", help="Cluster shards (default: beside the store or archive); "
              "on several machines a folder they all share.")
def ingest_command(paths: tuple[str, ...], db: str, workers: int, batch_size: int, fmt: str | None,
                   text_field: str | None, date_field: str | None, outlet_field: str | None,
                   url_field: str | None, title_field: str | None, published: dt.date | None,
                   outlet: str | None, max_bytes: int, timeout: float, extractor: str | None, strict: bool,
                   no_progress: bool, cluster: str | None, parquet_dir: str | None, shard_dir: str | None) -> None:
    """Read files, folders, '-' (stdin), URLs and feeds; extract; store. Reruns add only new documents.

    Exit 2 when nothing could be read (a new store is then not created), 1 with --strict when some input
    failed, else 0."""
    from ..ingest import Fields, Overrides, ReadOptions, ingest
    from ..store import open_store
    from .progress import ProgressBar, count_documents

    options = ReadOptions(Fields(text_field, date_field, outlet_field, url_field, title_field), max_bytes,
                          fmt, timeout)
    existed = Path(db).exists()
    if cluster or parquet_dir:
        from ..cluster import ingest_on_cluster

        report = ingest_on_cluster(paths, cluster or f"local:{workers}", db=db, parquet_dir=parquet_dir,
                                   shard_dir=shard_dir, options=options, extractor=_extractor(extractor),
                                   batch_size=batch_size, progress=not no_progress)
    else:
        with ProgressBar(not no_progress, count_documents(paths), "documents") as bar, open_store(db) as store:
            report = ingest(paths, store, options=options, extractor=_extractor(extractor), workers=workers,
                            batch_size=batch_size, progress=lambda r: bar.update(r.read, r.docs_per_second),
                            overrides=Overrides(published, outlet))
    if report.added + report.skipped == 0:
        _remove_new_store(db, existed)
        raise _nothing_read(report, paths)
    say(f"{report.added} documents added, {report.skipped} already stored, {len(report.failures)} "
               f"failed, {report.stories} stories; {report.read} read in {report.seconds:.1f}s "
               f"({report.docs_per_second:.1f} docs/s)")
    for code, count in report.failure_summary().items():
        say(f"  {code}: {count} failed", err=True)
    for failure in report.failures[:20]:
        say(f"  {failure.source}: {failure.reason}", err=True)
    if len(report.failures) > 20:
        click.echo(f"  ... and {len(report.failures) - 20} more (table ingest_failures in {db})", err=True)
    if strict and report.failures:
        sys.exit(1)


def _codes(store: Any, actor: str | None, recipient: str | None) -> tuple[str | None, str | None]:
    """``--actor``/``--recipient`` as codes: a name is resolved to its code (and says so on stderr)."""
    from ..store import actor_code

    out: list[str | None] = []
    for value, what in ((actor, "actor"), (recipient, "recipient")):
        if value is None:
            out.append(None)
            continue
        code, note = actor_code(store, value, what)
        if note:
            say(note, err=True)
        out.append(code)
    return out[0], out[1]


def _filters(f: Any) -> Any:
    """The shared filter options of ``query`` and ``disputes``."""
    options = [
        click.option("--actor", help="Actor code the proposition's actors include (RUS), or a name (Russia)."),
        click.option("--recipient", help="Recipient code its recipients include (UKR), or a name."),
        click.option("--type", "ptype", help="PLOVER event type (ASSAULT)."),
        click.option("--since", callback=parse_date_option, help="First event date, YYYY-MM-DD."),
        click.option("--until", callback=parse_date_option, help="Last event date, YYYY-MM-DD."),
        click.option("--outlet", help="Outlet that published the document (case-insensitive)."),
        click.option("--text", help="Words that must occur in the evidence of a claim."),
        click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
                     help="Most results; 0 for all."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


_QUERY_COLUMNS = ("event_date", "type", "actor", "recipient", "verdict", "story_verdict", "n_outlets",
                  "outlets", "claims")


@click.command("query")
@_DB
@_ARCHIVE
@_filters
@click.option("--dyad", nargs=2, metavar="ACTOR RECIPIENT", help="Shorthand for --actor A --recipient B.")
@click.option("--verdict", help="Corpus-level verdict: asserted, alleged, denied, disputed, hypothetical.")
@click.option("--status", help="A claim status: asserted, alleged, denied, hypothetical.")
@click.option("--near", callback=_point, metavar="LAT,LON",
              help="Only propositions whose resolved place lies within --km of this point.")
@click.option("--km", type=click.FloatRange(min=0), default=50.0, show_default=True, help="Radius for --near.")
@click.option("--country", help="Only propositions whose resolved place is in this state (ISO alpha-3, UKR).")
@click.option("--mode", help="PLOVER mode of --type (ASSAULT --mode aerial).")
@click.option("--width", type=click.IntRange(min=20), default=70, show_default=True,
              help="Table view: widest column (the claims with their evidence), in characters.")
@_FORMAT
@_RAW
def query_command(db: str, actor: str | None, recipient: str | None, ptype: str | None,
                  since: dt.date | None, until: dt.date | None, outlet: str | None, text: str | None,
                  limit: int, dyad: tuple[str, str] | None, verdict: str | None, status: str | None,
                  near: tuple[float, float] | None, km: float, country: str | None, mode: str | None,
                  width: int, fmt: str, parquet_dir: str | None, raw: bool) -> None:
    """List stored propositions with their claims, filtered."""
    from ..store import Filter, query_propositions
    from ..store.render import render

    if dyad:
        actor, recipient = dyad
    with _reader(db, parquet_dir) as store:
        actor, recipient = _codes(store, actor, recipient)
        where = Filter(actor, recipient, ptype, verdict, status, since, until, outlet, text, limit,
                       (*near, km) if near else None, country, mode)
        rows = query_propositions(store, where)
    for row in rows:
        row["claims"] = [f"{c['status']}:{','.join(c['by']) or '-'} {c['evidence']}" for c in row["claims"] or []]
        if fmt == "table":  # the sector where the actor is not the state itself ("LBN/REB Hezbollah")
            row["actor"], row["recipient"] = row.pop("actor_label"), row.pop("recipient_label")
    click.echo(render(rows, fmt, _QUERY_COLUMNS, {"outlets": 24, "claims": width}, raw=raw))


@click.command("disputes")
@_DB
@_ARCHIVE
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("--width", type=click.IntRange(min=20), default=80, show_default=True,
              help="Table view: width of the evidence column, in characters.")
def disputes_command(db: str, actor: str | None, recipient: str | None, ptype: str | None,
                     since: dt.date | None, until: dt.date | None, outlet: str | None, text: str | None,
                     limit: int, fmt: str, width: int, parquet_dir: str | None) -> None:
    """Contested stories: who affirms, who denies, and where they said it."""
    from ..store import Filter, disputes
    from ..store.render import render, table

    with _reader(db, parquet_dir) as store:
        actor, recipient = _codes(store, actor, recipient)
        stories = disputes(store, Filter(actor, recipient, ptype, None, None, since, until, outlet, text, limit))
    if fmt == "json":
        click.echo(render(stories, "json", ()))
        return
    for story in stories:
        say(f"{story['type']} {','.join(story['actor']) or '?'} -> {','.join(story['recipient']) or '?'}"
                   f"  {story['first_date']}..{story['last_date']}  {story['n_documents']} documents, "
                   f"{story['n_outlets']} outlets, {story['n_claimants']} claimants  [story {story['id']}]")
        click.echo(table(story["claims"], ("side", "status", "by", "via", "outlet", "published", "evidence"),
                         {"evidence": width, "outlet": 20, "via": 20}))
        click.echo("")
    click.echo(f"{len(stories)} disputed stories")


@click.command("dyad")
@click.argument("actor")
@click.argument("recipient")
@_DB
@_ARCHIVE
@click.option("--by", type=click.Choice(["day", "week", "month", "quarter", "year"]), default="week",
              show_default=True, help="Time bucket.")
@click.option("--both", is_flag=True, help="Count both directions (A to B and B to A).")
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Also draw a chart to this PNG.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(list(_STATUS_CHOICES)),
              help="Count propositions with a claim of this status; repeat for several. "
                   "[default: asserted, alleged]")
@_FORMAT
def dyad_command(actor: str, recipient: str, db: str, by: str, both: bool, png: Path | None,
                 statuses: tuple[str, ...], fmt: str, parquet_dir: str | None) -> None:
    """Counts by quad class and mean PLOVER score over time for one dyad (e.g. RUS CHN), one row per
    period from the first to the last (empty periods as zero). Counts what the record asserts or alleges
    unless --status says otherwise."""
    from ..store import dyad_series
    from ..store.queries import DYAD_STATUSES
    from ..store.render import render

    counted = statuses or DYAD_STATUSES
    with _reader(db, parquet_dir) as store:
        actor, recipient = (str(c) for c in _codes(store, actor, recipient))
        rows = dyad_series(store, actor, recipient, by, both, counted)
    arrow = "<->" if both else "->"
    click.echo(f"{actor} {arrow} {recipient} by {by}: propositions with a claim {' or '.join(counted)}", err=True)
    if not rows:
        click.echo(f"no {' or '.join(counted)} propositions for {actor} {arrow} {recipient}", err=True)
    click.echo(render(rows, fmt, ("period", "verbal_coop", "material_coop", "verbal_conflict",
                                  "material_conflict", "total", "mean_score")))
    if png is not None and not rows:
        raise InputError("E002", f"no data to draw for {actor} {arrow} {recipient}: ingest articles that "
                         "report it first (thucydides ingest ...)")
    if png is not None:
        from ..store.charts import dyad_chart

        dyad_chart(rows, png, f"{actor} {arrow} {recipient} by {by} ({' + '.join(counted)})")
        click.echo(f"chart written to {png}", err=True)


@click.command("export")
@_DB
@_ARCHIVE
@click.option("--format", "fmt", required=True, help="parquet, csv, jsonl, gdelt or plover.")
@click.option("--output", "-o", required=True, metavar="PATH",
              help="Folder (parquet, csv) or file ('-' for standard output) to write.")
@click.option("--header", is_flag=True, help="gdelt: write a header row (GDELT files have none).")
@_RAW
def export_command(db: str, fmt: str, output: str, header: bool, parquet_dir: str | None, raw: bool) -> None:
    """Export the store (or a Parquet archive) for other tools."""
    from ..export import export

    options: dict[str, bool] = {"header": True} if header and fmt == "gdelt" else {}
    if raw and fmt in ("csv", "gdelt"):
        options["raw"] = True
    with _reader(db, parquet_dir) as store:
        counts = export(store, fmt, output, **options)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    click.echo(f"exported {summary} as {fmt} to {output}", err=output == "-")


@hookimpl
def register_commands(cli: click.Group) -> None:
    for command in (ingest_command, query_command, disputes_command, dyad_command, export_command):
        cli.add_command(command)
