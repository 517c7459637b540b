"""What readers produce: one :class:`Item` per input document, either an article or a failure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from ..errors import InputError
from ..model import Article

__all__ = ["DEFAULT_MAX_BYTES", "Fields", "Item", "ReadOptions", "decode", "parse_date"]

#: Largest document (or single-document file) accepted, in bytes.
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Fields:
    """Column or field names of records (JSON Lines, CSV). ``None`` means "try the usual names"."""

    text: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    CANDIDATES: ClassVar[dict[str, tuple[str, ...]]] = {
        "text": ("text", "body", "content", "article"),
        "date": ("published", "date", "datetime", "pubdate"),
        "outlet": ("outlet", "cited_outlets", "outlets", "publisher", "source", "sitename"),
        "url": ("url", "link", "source_page"),
        "title": ("title", "headline"),
    }

    def pick(self, what: str, available: Mapping[str, object] | list[str]) -> str | None:
        """The field to read ``what`` from: the configured name, else the first usual name present."""
        chosen: str | None = getattr(self, what)
        if chosen is not None:
            return chosen
        return next((c for c in self.CANDIDATES[what] if c in available), None)


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: record field names, size limit, forced format, network timeout."""

    fields: Fields = field(default_factory=Fields)
    max_bytes: int = DEFAULT_MAX_BYTES
    format: str | None = None
    timeout: float = 20.0


@dataclass(frozen=True)
class Item:
    """One input document: its ``source`` (path, ``path:line``, URL) and the article or the error."""

    source: str
    article: Article | None = None
    error: InputError | None = None
    outlets: tuple[str, ...] = ()

    @classmethod
    def failed(cls, source: str, code: str, message: str) -> Item:
        return cls(source, error=InputError(code, message))


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 text, refusing binary data and other encodings.

    Raises:
        InputError: (E004) NUL bytes or invalid UTF-8.
    """
    if b"\x00" in data[:65536]:
        raise InputError("E004", f"{source} is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E004", f"{source} is not valid UTF-8 (byte {exc.start}); convert it to UTF-8") from None


def parse_date(value: object, source: str) -> dt.date | None:
    """A publication date from ``YYYY-MM-DD`` or an ISO date-time string; None when empty.

    Raises:
        InputError: (E006) anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError("E006", f"{source}: malformed date {text!r}; expected YYYY-MM-DD") from None
