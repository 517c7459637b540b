"""Reading articles from files and streams, with one clear error per kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .model import Article

__all__ = ["MAX_BYTES", "article_from_record", "decode_text", "json_objects", "parse_date", "read_jsonl_articles",
           "read_text"]

#: Largest single document accepted (bytes).
MAX_BYTES = 20 * 1024 * 1024


def parse_date(value: str | None, what: str = "date") -> dt.date | None:
    """Parse ``YYYY-MM-DD`` (or None); raise InputError E006 naming the bad value otherwise."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError("E006", f"malformed {what} {value!r}; expected YYYY-MM-DD") from None


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 text, rejecting binary data, bad encodings, empty and oversized input."""
    if len(data) > MAX_BYTES:
        raise InputError("E008", f"{name} is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    if b"\x00" in data[:8192]:
        raise InputError("E004", f"{name} looks binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E004", f"{name} is not valid UTF-8 (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError("E005", f"{name} is empty")
    return text


def read_text(path: str | Path) -> str:
    """Read one article text file."""
    p = Path(path)
    if not p.exists():
        raise InputError("E002", f"no such file: {p}")
    if p.is_dir():
        raise InputError("E003", f"{p} is a directory; give a file, or use 'thucydides ingest' for folders")
    if p.stat().st_size > MAX_BYTES:
        raise InputError("E008", f"{p} is {p.stat().st_size:,} bytes; the limit is {MAX_BYTES:,}")
    return decode_text(p.read_bytes(), str(p))


def article_from_record(record: Any, where: str) -> Article:
    """Build an Article from a JSON object with ``text`` and optional ``id``, ``published``, ``outlet``,
    ``url``, ``title``."""
    if not isinstance(record, dict):
        raise InputError("E007", f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("E010", f"{where}: missing field 'text'")
    if not text.strip():
        raise InputError("E005", f"{where}: document {record.get('id', '')!r} has empty text")
    return Article(text=text, published=parse_date(record.get("published") or record.get("date"),
                                                   f"published date at {where}"),
                   outlet=record.get("outlet"), url=record.get("url"), title=record.get("title"),
                   id=str(record.get("id") or ""))


def json_objects(lines: Iterable[str], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line of JSON Lines; E007 names the line that is not a
    JSON object."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError("E007", f"{name} line {lineno}: malformed JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError("E007", f"{name} line {lineno}: expected a JSON object, got {type(record).__name__}")
        yield lineno, record


def read_jsonl_articles(stream: IO[str], name: str = "<stdin>") -> Iterator[Article]:
    """Yield Articles from JSON Lines, one object per line; blank lines are skipped."""
    for lineno, record in json_objects(stream, name):
        yield article_from_record(record, f"{name} line {lineno}")
