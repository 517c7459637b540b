"""``thucydides extract``: propositions, claims and loss claims from one article or a JSON Lines stream."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from ..errors import InputError
from ..formats import FORMATS, render
from ..inputs import MAX_BYTES, decode_text, looks_like_html, parse_date, read_jsonl_articles, read_text
from ..model import Article, Document
from ..pipeline.registry import EXTRACTORS, pipeline_for
from ..pipeline.run import extract_article, extract_many
from ..plugins import hookimpl


def _single(path: str, published: str | None, outlet: str | None, url: str | None,
            events: str) -> Iterator[Document]:
    text = decode_text(sys.stdin.buffer.read(), "<stdin>") if path == "-" else read_text(path)
    date = parse_date(published, "--published date")
    article = Article(text=text, published=date, outlet=outlet, url=url)
    if looks_like_html(text, path):
        article = _html_article(text, path, article)
    yield extract_article(article, stages=pipeline_for(events))


def _html_article(html: str, path: str, given: Article) -> Article:
    """The article text of an HTML page, as ``ingest`` reads it; the options given win over its metadata."""
    from ..ingest import ReadOptions
    from ..ingest.readers import html_item

    item = html_item(html, path, ReadOptions(max_bytes=MAX_BYTES), url=given.url)
    if item.error is not None or item.article is None:
        raise item.error or InputError("E005", f"{path}: no article text found in the HTML")
    found = item.article
    return Article(text=found.text, published=given.published or found.published,
                   outlet=given.outlet or found.outlet, url=given.url or found.url, title=found.title)


def _many(path: str, errors: list[InputError], events: str) -> Iterator[Document]:
    if path == "-":
        yield from extract_many(read_jsonl_articles(sys.stdin, "<stdin>", errors), extractor=events)
        return
    read_text(path)  # the same checks (exists, not a directory, text, not empty) as for one article
    with open(path, encoding="utf-8") as stream:
        yield from extract_many(read_jsonl_articles(stream, path, errors), extractor=events)


@click.command("extract")
@click.argument("path")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date; relative dates resolve against it.")
@click.option("--outlet", metavar="NAME", help="The outlet that published the article.")
@click.option("--url", metavar="URL", help="Where the article was published.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people; json, jsonl (one document per line) or csv (one row per claim).")
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="text: PATH is one article; jsonl: one JSON object per line with text, id, published, "
                   "outlet, url.")
@click.option("--raw", is_flag=True, help="csv: keep cells as they are; by default a cell starting with = + - "
              "@ gets a leading ' so spreadsheets do not run it as a formula.")
@click.option("--events", type=click.Choice(EXTRACTORS), default="learned", show_default=True,
              help="The event extractor: the learned model with the rule events of the sentences it leaves "
                   "empty (default), the model alone, or the rules alone; docs/extractor.md compares them.")
@click.option("--width", type=click.IntRange(40, 10_000), default=100, show_default=True,
              help="table: the line width; evidence snippets are cut to fit it.")
def extract_command(path: str, published: str | None, outlet: str | None, url: str | None, fmt: str,
                    input_format: str, raw: bool, events: str, width: int) -> None:
    """Extract propositions and claims from the article at PATH ('-' reads standard input)."""
    errors: list[InputError] = []
    docs = (_many(path, errors, events) if input_format == "jsonl"
            else _single(path, published, outlet, url, events))
    for chunk in render(docs, fmt, raw, width):
        click.echo(chunk, nl=False)
    if errors:  # every good record was printed; the bad ones make the exit status 2
        more = f" (and {len(errors) - 1} more bad records)" if len(errors) > 1 else ""
        raise InputError(errors[0].code, str(errors[0]).split("] ", 1)[1] + more)


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(extract_command)
