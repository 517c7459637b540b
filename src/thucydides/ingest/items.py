"""What readers produce: one :class:`Item` per input document, either an article or a failure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from .. import inputs
from ..errors import InputError
from ..model import Article

__all__ = ["DEFAULT_MAX_BYTES", "Fields", "Item", "ReadOptions", "parse_date"]

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


def parse_date(value: object, source: str) -> dt.date | None:
    """A publication date of a document read from ``source`` (see :func:`thucydides.inputs.parse_date`)."""
    return inputs.parse_date(value, f"date in {source}" if source else "date")
