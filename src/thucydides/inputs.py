"""Reading input: text files and bytes (one binary check, one decoder), dates, JSON Lines and articles.

This is the one home of reading and decoding text and of parsing dates; extraction, ingestion and the ledger
all read through it, with one clear coded error per kind of bad input.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .model import Article

__all__ = [
    "BINARY_PROBE",
    "MAX_BYTES",
    "NULL_DATES",
    "article_from_record",
    "csv_records",
    "decode",
    "decode_text",
    "json_objects",
    "looks_like_html",
    "optional_text",
    "parse_date",
    "read_jsonl_articles",
    "read_text",
    "text_field",
]

#: Largest single document accepted (bytes).
MAX_BYTES = 20 * 1024 * 1024
#: Input with a NUL byte in its first this many bytes is binary.
BINARY_PROBE = 64 * 1024
#: Values of a date column that mean "no date" in loss lists and spreadsheets.
NULL_DATES: frozenset[str] = frozenset({"NA", "NULL", "NONE"})
#: The only date forms accepted: ``YYYY-MM-DD``, optionally followed by an ISO time (``T`` or a space,
#: ``HH:MM[:SS[.ffffff]]`` and an optional ``Z`` or ``+HH:MM`` offset), whose date part is kept.
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_date(value: object, what: str = "date", nulls: frozenset[str] = frozenset()) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` or an ISO date-time (its date part); None when empty or in ``nulls``.

    Raises:
        InputError: (E006) anything else, naming ``what`` and the bad value.
    """
    if value is None or isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    return _parse_date_text(str(value), what, nulls)


@functools.lru_cache(maxsize=8192)
def _parse_date_text(text: str, what: str, nulls: frozenset[str]) -> dt.date | None:
    value = text.strip()
    if not value or value.upper() in nulls:
        return None
    match = _ISO_DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise InputError("E006", f"malformed {what} {text!r}; expected YYYY-MM-DD") from None


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 text (a byte-order mark is dropped), refusing binary data and other encodings.

    Raises:
        InputError: (E004) NUL bytes in the first :data:`BINARY_PROBE` bytes, or invalid UTF-8.
    """
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError("E004", f"{name} looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E004", f"{name} is not valid UTF-8 (bad byte at offset {exc.start}); "
                         "convert it to UTF-8") from None


def decode_text(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> str:
    """:func:`decode`, also refusing oversized (E008) and empty (E005) input."""
    if len(data) > max_bytes:
        raise InputError("E008", f"{name} is {len(data):,} bytes; the limit is {max_bytes:,}")
    text = decode(data, name)
    if not text.strip():
        raise InputError("E005", f"{name} is empty")
    return text


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of one file: E002 missing, E003 a directory, E008 too large, E004 binary or not UTF-8,
    E005 empty."""
    p = Path(path)
    if not p.exists():
        raise InputError("E002", f"no such file: {p}")
    if p.is_dir():
        raise InputError("E003", f"{p} is a directory; give a file, or use 'thucydides ingest' for folders")
    if p.stat().st_size > max_bytes:
        raise InputError("E008", f"{p} is {p.stat().st_size:,} bytes; the limit is {max_bytes:,}")
    return decode_text(p.read_bytes(), str(p), max_bytes)


def looks_like_html(text: str, name: str = "") -> bool:
    """Whether a document is an HTML page: by its name (``.html``, ``.htm``) or its first tag."""
    return Path(name).suffix.lower() in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(text[:4096]))


def text_field(record: dict[str, Any], key: str, where: str) -> str:
    """The text of a record's ``key`` field: E010 when it is missing, E007 when it is not a string (a
    number or a list is a broken record, never stored as its ``str``)."""
    value = record.get(key)
    if value is None:
        raise InputError("E010", f"{where}: missing field {key!r}")
    if not isinstance(value, str):
        raise InputError("E007", f"{where}: field {key!r} is a {type(value).__name__}, expected a string")
    return value


def optional_text(value: object, key: str, where: str) -> str | None:
    """An optional text field's value: None when absent or empty, E007 when it is not a string (a title or
    URL given as a number or a list is a broken record, never stored as its ``str``)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError("E007", f"{where}: field {key!r} is a {type(value).__name__}, expected a string")
    return value


def article_from_record(record: Any, where: str) -> Article:
    """Build an Article from a JSON object with ``text`` and optional ``id``, ``published``, ``outlet``,
    ``url``, ``title``."""
    if not isinstance(record, dict):
        raise InputError("E007", f"{where}: expected a JSON object, got {type(record).__name__}")
    text = text_field(record, "text", where)
    if not text.strip():
        raise InputError("E005", f"{where}: document {record.get('id', '')!r} has empty text")
    return Article(text=text, published=parse_date(record.get("published") or record.get("date"),
                                                   f"published date at {where}"),
                   outlet=optional_text(record.get("outlet"), "outlet", where),
                   url=optional_text(record.get("url"), "url", where),
                   title=optional_text(record.get("title"), "title", where), id=str(record.get("id") or ""))


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


def read_jsonl_articles(stream: IO[str], name: str = "<stdin>",
                        errors: list[InputError] | None = None) -> Iterator[Article]:
    """Yield Articles from JSON Lines, one object per line; blank lines are skipped.

    With ``errors``, a bad line (malformed JSON, not an object, a bad field) is appended there and reading
    goes on; without it, the first bad line raises its InputError.
    """
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            _, record = next(json_objects([line], name))
            yield article_from_record(record, f"{name} line {lineno}")
        except InputError as exc:
            if errors is None:
                raise _at_line(exc, name, lineno) from None
            errors.append(_at_line(exc, name, lineno))


def _at_line(exc: InputError, name: str, lineno: int) -> InputError:
    """``exc`` of a one-line parse, its "line 1" made the real line number."""
    text = str(exc).split("] ", 1)[1].replace(f"{name} line 1:", f"{name} line {lineno}:", 1)
    return InputError(exc.code, text)


def _records_from(lines: list[str], first: int, delimiter: str) -> Iterator[tuple[int, int, list[str] | str]]:
    """CSV records from physical line ``first`` (0-based) on: ``(first line, last line, fields)`` or, when a
    record cannot be parsed, ``(line, line, reason)`` and reading stops there (the caller resumes after it)."""
    reader = csv.reader(iter(lines[first:]), delimiter=delimiter, strict=True)
    while True:
        start = first + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, start, f"malformed CSV ({exc})"
            return
        yield start, first + reader.line_num, row


def _swallowed(lines: list[str], start: int, end: int, width: int, delimiter: str) -> bool:
    """Whether a record over lines ``start``..``end`` looks like an unterminated quote that swallowed rows:
    one of its continuation lines is, on its own, a complete row of ``width`` fields."""
    for index in range(start, end):  # 0-based indexes of lines start+1 .. end
        try:
            alone = next(csv.reader([lines[index]], delimiter=delimiter, strict=True), [])
        except csv.Error:
            continue
        if len(alone) == width:
            return True
    return False


def csv_records(text: str, name: str, delimiter: str = ",") -> Iterator[tuple[int, dict[str, str] | InputError]]:
    """``(line number, row)`` for each record of a CSV text with a header row, or ``(line number, E007
    error)`` for a malformed record: a broken quote, a row with more or fewer fields than the header, or a
    quoted field running over lines that are complete rows themselves (an unterminated quote).

    After a malformed record, reading resumes on the next physical line, so an unterminated quote costs
    that one record, never the rows after it. Blank lines are skipped.
    """
    lines = io.StringIO(text, newline="").readlines()
    _, _, header = next(_records_from(lines, 0, delimiter), (1, 1, []))
    if isinstance(header, str) or len(set(header)) < len(header):
        reason = header if isinstance(header, str) else f"the header names a column twice: {header}"
        yield 1, InputError("E007", f"{name} line 1: {reason}")
        return
    first = 1
    while first < len(lines):
        resume = len(lines)
        for line, end, row in _records_from(lines, first, delimiter):
            if not row:
                continue
            reason = _malformed(row, len(header), end > line and _swallowed(lines, line, end, len(header),
                                                                             delimiter))
            if reason:
                yield line, InputError("E007", f"{name} line {line}: {reason}")
                resume = line  # the next physical line (0-based index = line number)
                break
            yield line, dict(zip(header, row, strict=True))
        first = resume


def _malformed(row: list[str] | str, width: int, swallowed: bool) -> str:
    if isinstance(row, str):
        return row
    if len(row) != width:
        return f"{len(row)} fields, the header has {width}"
    return "a quote opened on this line runs over complete rows (unterminated quote?)" if swallowed else ""
