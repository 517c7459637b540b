"""``thucydides extract``: propositions, claims and loss claims from one article or a JSON Lines stream."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from ..formats import FORMATS, render
from ..inputs import decode_text, parse_date, read_jsonl_articles, read_text
from ..model import Article, Document
from ..pipeline.run import extract_article, extract_many
from ..plugins import hookimpl


def _single(path: str, published: str | None, outlet: str | None, url: str | None) -> Iterator[Document]:
    text = decode_text(sys.stdin.buffer.read(), "<stdin>") if path == "-" else read_text(path)
    article = Article(text=text, published=parse_date(published, "--published date"), outlet=outlet, url=url)
    yield extract_article(article)


def _many(path: str) -> Iterator[Document]:
    if path == "-":
        yield from extract_many(read_jsonl_articles(sys.stdin, "<stdin>"))
        return
    read_text(path)  # the same checks (exists, not a directory, text, not empty) as for one article
    with open(path, encoding="utf-8") as stream:
        yield from extract_many(read_jsonl_articles(stream, path))


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
def extract_command(path: str, published: str | None, outlet: str | None, url: str | None, fmt: str,
                    input_format: str) -> None:
    """Extract propositions and claims from the article at PATH ('-' reads standard input)."""
    docs = _many(path) if input_format == "jsonl" else _single(path, published, outlet, url)
    for chunk in render(docs, fmt):
        click.echo(chunk, nl=False)


@hookimpl
def register_commands(cli: click.Group) -> None:
    cli.add_command(extract_command)
