"""Readers: bytes of one input -> :class:`Item` s. Each reader handles one format.

A reader is ``reader(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]``; plugins add
more through the ``register_input_readers`` hook. Readers never raise on bad content: a bad document
becomes a failed Item, so ingestion goes on with the next one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .. import inputs
from ..errors import InputError
from ..inputs import decode
from ..model import Article
from .items import Item, ReadOptions, parse_date

__all__ = ["READERS", "Reader", "article_item", "read_csv", "read_html", "read_jsonl", "read_markdown",
           "read_text"]

Reader = Callable[[bytes, str, ReadOptions], Iterator[Item]]


def article_item(source: str, text: str, options: ReadOptions, **meta: Any) -> Item:
    """An Item for one document's text and metadata, or a failed one when it is empty or too large."""
    if not text.strip():
        return Item.failed(source, "E005", f"{source} is an empty document")
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        return Item.failed(source, "E008", f"{source} is {size} bytes, over the limit of {options.max_bytes} "
                           "(raise it with --max-bytes)")
    outlets = tuple(meta.pop("outlets", ()) or ())
    if outlets and not meta.get("outlet"):
        meta["outlet"] = outlets[0]
    return Item(source, Article(text=text.strip(), **meta), outlets=outlets)


def _guarded(source: str, make: Callable[[], Item]) -> Item:
    try:
        return make()
    except InputError as exc:
        return Item(source, error=exc)


def read_text(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """A plain-text document."""
    yield _guarded(source, lambda: article_item(source, decode(data, source), options))


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$", re.MULTILINE), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),
    (re.compile(r"^\s*[-*+]\s+", re.MULTILINE), ""),
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
)


def markdown_to_text(md: str) -> str:
    """Markdown without its markup: headings, emphasis, links, images, quotes, lists, code marks."""
    text = md
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4:] if end > 0 else text
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_markdown(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """A Markdown document, markup removed."""
    yield _guarded(source, lambda: article_item(source, markdown_to_text(decode(data, source)), options))


def html_item(data: bytes | str, source: str, options: ReadOptions, **meta: Any) -> Item:
    """An Item for an HTML page, boilerplate (menus, footers, ads) stripped with trafilatura."""
    import trafilatura

    html = decode(data, source) if isinstance(data, bytes) else data
    extracted = trafilatura.bare_extraction(html, url=meta.get("url"), with_metadata=True,
                                            include_comments=False, include_tables=False)
    text = str(getattr(extracted, "text", "") or "") if extracted is not None else ""
    if not text.strip():
        return Item.failed(source, "E005", f"{source}: no article text found in the HTML")
    found = {"title": getattr(extracted, "title", None), "outlet": getattr(extracted, "sitename", None),
             "url": getattr(extracted, "url", None)}
    for key, value in found.items():
        if value and not meta.get(key):
            meta[key] = str(value)
    if not meta.get("published") and getattr(extracted, "date", None):
        meta["published"] = _lenient_date(getattr(extracted, "date", None))
    return article_item(source, text, options, **meta)


def _lenient_date(value: object) -> Any:
    try:
        return parse_date(value, "")
    except InputError:
        return None


def read_html(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """An HTML page."""
    yield _guarded(source, lambda: html_item(data, source, options))


def record_item(record: Mapping[str, Any], source: str, options: ReadOptions) -> Item:
    """An Item for one JSON or CSV record, its fields named by ``options.fields``."""
    fields = options.fields
    text_key = fields.pick("text", record)
    if text_key is None or text_key not in record:
        wanted = fields.text or "/".join(fields.CANDIDATES["text"])
        return Item.failed(source, "E010", f"{source}: no text field {wanted!r}; set it with --text-field")
    meta: dict[str, Any] = {}
    for what in ("date", "outlet", "url", "title"):
        key = fields.pick(what, record)
        meta[what] = record.get(key) if key else None
    outlets = meta.pop("outlet")
    try:
        text = inputs.text_field(dict(record), text_key, source) if record.get(text_key) is not None else ""
        names = outlets if isinstance(outlets, list) else [outlets]
        found = [inputs.optional_text(o, "outlet", source) for o in names]
        url, title = (inputs.optional_text(meta[k], k, source) for k in ("url", "title"))
    except InputError as exc:
        return Item(source, error=exc)
    return _guarded(source, lambda: article_item(
        source, text, options, published=parse_date(meta["date"], source),
        outlets=[o for o in found if o], url=url, title=title))


def read_jsonl(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """JSON Lines, one document per line (a ``.json`` file may also hold one object or a list)."""
    try:
        text = decode(data, source)
    except InputError as exc:
        yield Item(source, error=exc)
        return
    if source.endswith(".json") and text.lstrip()[:1] in ("[", "{"):
        yield from _read_json_document(text, source, options)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _json_line(line, f"{source}:{number}", options)


def _json_line(line: str, source: str, options: ReadOptions) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Item.failed(source, "E007", f"{source}: malformed JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Item.failed(source, "E007", f"{source}: expected a JSON object, got {type(record).__name__}")
    return record_item(record, source, options)


def _read_json_document(text: str, source: str, options: ReadOptions) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Item.failed(source, "E007", f"{source}: malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        where = f"{source}:{i + 1}" if isinstance(value, list) else source
        if isinstance(record, dict):
            yield record_item(record, where, options)
        else:
            yield Item.failed(where, "E007", f"{where}: expected a JSON object")


def read_csv(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """CSV (or TSV) with a header row: one document per row."""
    try:
        text = decode(data, source)
    except InputError as exc:
        yield Item(source, error=exc)
        return
    csv.field_size_limit(max(options.max_bytes * 2, 131072))
    delimiter = "\t" if source.endswith(".tsv") else ","
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    if options.fields.pick("text", header) not in header:
        wanted = options.fields.text or "/".join(options.fields.CANDIDATES["text"])
        yield Item.failed(source, "E010", f"{source}: no text column {wanted!r} among {header}; "
                          "set it with --text-field")
        return
    for line, row in inputs.csv_records(text, source, delimiter):
        where = f"{source}:{line}"
        yield Item(where, error=row) if isinstance(row, InputError) else record_item(row, where, options)


#: Built-in readers by format name.
READERS: dict[str, Reader] = {
    "text": read_text, "markdown": read_markdown, "html": read_html, "jsonl": read_jsonl, "csv": read_csv,
}
