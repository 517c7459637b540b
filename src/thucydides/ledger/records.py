"""What importers produce: item rows and daily-total rows in one normalised shape, plus safe file reading."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import inputs
from ..errors import InputError

__all__ = [
    "MAX_BYTES",
    "DailyRecord",
    "ItemRecord",
    "Parsed",
    "counting_rows",
    "evidence_key",
    "parse_date",
    "parse_int",
    "read_csv_rows",
    "read_json",
]

#: Largest input file the importers accept (bytes).
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """One lost item as a source lists it.

    Attributes:
        side: ``RUS`` or ``UKR`` (whose loss it is).
        model: model name as the source gives it.
        category: clean category slug (see :mod:`thucydides.ledger.taxonomy`).
        statuses: destroyed / damaged / abandoned / captured (one item may have several).
        evidence: evidence URLs (photos, videos, posts).
        recorded: the day the source first listed the item (a scrape date is a recording date).
        lost: the day of loss, where the source states one; never filled from ``recorded``.
        raw_category: the category string of the source, or "" when it names none.
    """

    side: str
    model: str
    category: str
    statuses: tuple[str, ...]
    evidence: tuple[str, ...]
    recorded: dt.date | None
    lost: dt.date | None = None
    raw_category: str = ""


@dataclass(frozen=True, slots=True)
class DailyRecord:
    """A cumulative total on one day: ``status`` is a status name or ``"total"``."""

    side: str
    category: str
    raw_category: str
    date: dt.date
    status: str
    value: int
    evidence: str | None = None


@dataclass
class Parsed:
    """The output of one importer run over one or more files.

    Attributes:
        source: name the rows are stored under (``oryx-items``, ``ua-mod-lod-db``, ...).
        kind: ``confirmed`` (visually confirmed lists) or ``claimed`` (official claims).
        items: item rows (item-level formats).
        daily: daily total rows (daily formats).
        skipped: one line per row that was not imported, with the reason (a summary line, no status, ...).
        failed: one line per row that could not be read (malformed CSV, a bad date, count or side).
        rows_read: number of input rows seen.
        level: ``category`` for per-category daily totals, ``model`` for by-model totals.
    """

    source: str
    kind: str
    items: list[ItemRecord] = field(default_factory=list)
    daily: list[DailyRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    rows_read: int = 0
    level: str = "category"


#: Who hears of the rows read in this context (see :func:`counting_rows`); nobody by default.
_ROWS_TOLD: ContextVar[Callable[[int], None] | None] = ContextVar("thucydides_ledger_rows_told", default=None)


@contextlib.contextmanager
def counting_rows(told: Callable[[int], None]) -> Iterator[None]:
    """Within the block, ``told(n)`` hears of every ``n`` rows or records that :func:`read_csv_rows` and
    :func:`read_json` read, so that an import shows its progress whatever importer reads the files."""
    token = _ROWS_TOLD.set(told)
    try:
        yield
    finally:
        _ROWS_TOLD.reset(token)


def _tell_rows(count: int) -> None:
    told = _ROWS_TOLD.get()
    if told is not None:
        told(count)


def read_csv_rows(path: Path, required: Sequence[str],
                  failed: list[str] | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV file with a header that has every ``required`` column.

    A malformed row (a wrong number of fields, a quote left open, bad CSV; see :func:`thucydides.inputs.
    csv_records`) is added to ``failed`` as one line naming the file and its line, and reading goes on at the
    next line, so a stray quote does not swallow the rows after it. Without ``failed`` it raises.

    Raises:
        InputError: (E010) a required column is missing; (E007) a malformed header, or a malformed row when
            ``failed`` is None.
    """
    text = inputs.read_text(path, MAX_BYTES)
    try:
        header = [h.strip() for h in next(csv.reader(io.StringIO(text, newline="")), [])]
    except csv.Error as exc:
        raise InputError("E007", f"{path.name} line 1: malformed CSV header ({exc})") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError("E010", f"{path.name}: missing column(s) {', '.join(missing)}; header is {header}")
    for line, row in inputs.csv_records(text, path.name):
        _tell_rows(1)
        if not isinstance(row, InputError):
            yield line, {k.strip(): v for k, v in row.items()}
        elif failed is None or line == 1:
            raise row
        else:
            failed.append(str(row))


def read_json(path: Path) -> Any:
    """Parsed JSON, or a list of parsed lines for JSON Lines files."""
    data = _parse_json(path, inputs.read_text(path, MAX_BYTES))
    _tell_rows(len(data) if isinstance(data, list) else 1)
    return data


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as first:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) < 2:
            raise InputError("E007", f"{path.name}: malformed JSON ({first.msg} at line {first.lineno})") from None
    out = []
    for n, line in enumerate(lines, 1):
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError("E007", f"{path.name}: malformed JSON Lines at line {n} ({exc.msg})") from None
    return out


def parse_date(text: object) -> dt.date | None:
    """An ISO date (``2022-03-19``, also the date part of a timestamp), or None for empty / ``NA``."""
    return inputs.parse_date(text, "date", inputs.NULL_DATES)


_COUNT = re.compile(r"\d{1,3}(,\d{3})+|\d+")


def parse_int(text: object, what: str) -> int:
    """A non-negative integer count: ``"1,262"``, ``"12"``, ``12``, ``12.0`` (a whole float); empty is 0.

    Raises:
        InputError: (E007) a fraction (``12.7``), an exponent (``1e3``), a sign, a boolean or anything else.
    """
    if isinstance(text, bool) or (isinstance(text, float) and not text.is_integer()):
        raise InputError("E007", f"{what}: {text!r} is not a whole count")
    if isinstance(text, int | float):
        if text < 0:
            raise InputError("E007", f"{what}: {text!r} is not a whole count")
        return int(text)
    value = str(text).strip()
    if not value:
        return 0
    if not _COUNT.fullmatch(value):
        raise InputError("E007", f"{what}: {text!r} is not a whole count")
    return int(value.replace(",", ""))


_SCHEME = re.compile(r"^[a-z]+://(www\.|mobile\.)?")


@functools.lru_cache(maxsize=1 << 17)
def evidence_key(url: str) -> str:
    """A normalised evidence URL used to recognise the same photo or post across sources.

    >>> evidence_key("https://www.X.com/user/status/123?s=20"), evidence_key("http://i.postimg.cc/a/b.jpg/")
    ('twitter.com/user/status/123', 'i.postimg.cc/a/b.jpg')
    """
    text = url.strip().lower()
    text = _SCHEME.sub("", text)
    if text.startswith("x.com/"):
        text = "twitter.com/" + text[6:]
    if text.startswith("twitter.com/"):
        text = text.split("?")[0]
    return text.rstrip("/")
