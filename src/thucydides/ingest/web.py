"""URLs and RSS/Atom feeds: fetch a page (boilerplate stripped) or every article a feed links to."""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

from .._version import __version__
from ..errors import InputError
from ..inputs import decode
from .items import Item, ReadOptions
from .readers import article_item, html_item, read_text

__all__ = ["fetch", "is_feed", "is_url", "read_feed", "read_url"]

_AGENT = f"thucydides/{__version__} (+https://github.com/thucydides)"


def is_url(source: str) -> bool:
    """Whether an input names a web resource."""
    return source.startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> tuple[bytes, str]:
    """The body and content type of ``url``.

    Raises:
        InputError: (E012) unreachable, HTTP error or timeout; (E008) body over the size limit.
    """
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            body = response.read(options.max_bytes + 1)
            kind = str(response.headers.get("Content-Type") or "")
    except urllib.error.HTTPError as exc:
        raise InputError("E012", f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError("E012", f"cannot fetch {url}: {reason}") from None
    if len(body) > options.max_bytes:
        raise InputError("E008", f"{url} is over the limit of {options.max_bytes} bytes (raise it with --max-bytes)")
    return body, kind.lower()


def is_feed(body: bytes, content_type: str) -> bool:
    """Whether a fetched body is an RSS or Atom feed rather than a page."""
    if any(k in content_type for k in ("rss", "atom")):
        return True
    head = body[:2048].lstrip().lower()
    return (head.startswith(b"<?xml") or "xml" in content_type) and (b"<rss" in head or b"<feed" in head)


def read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    """One URL: a page becomes one Item, a feed one Item per entry."""
    try:
        body, kind = fetch(url, options)
    except InputError as exc:
        yield Item(url, error=exc)
        return
    if is_feed(body, kind):
        yield from read_feed(body, url, options)
    elif "text/plain" in kind:
        yield from read_text(body, url, options)
    else:
        try:
            yield html_item(body, url, options, url=url)
        except InputError as exc:
            yield Item(url, error=exc)


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def read_feed(body: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """Every entry of an RSS/Atom feed: the linked article, fetched; its summary when it links nowhere."""
    import feedparser

    feed = feedparser.parse(body)
    if feed.get("bozo") and not feed.entries:
        yield Item.failed(source, "E007", f"{source}: malformed feed ({feed.get('bozo_exception')})")
        return
    outlet = str(feed.feed.get("title") or "") or None
    for number, entry in enumerate(feed.entries, 1):
        yield _feed_entry(entry, f"{source}#{number}", outlet, options)


def _feed_entry(entry: Any, where: str, outlet: str | None, options: ReadOptions) -> Item:
    meta: dict[str, Any] = {"published": _entry_date(entry), "outlet": outlet,
                            "title": entry.get("title") or None}
    link = entry.get("link")
    try:
        if link:
            body, kind = fetch(str(link), options)
            meta["url"] = str(link)
            if "text/plain" in kind:
                return article_item(str(link), decode(body, str(link)), options, **meta)
            return html_item(body, str(link), options, **meta)
        summary = entry.get("summary") or ""
        return html_item(f"<html><body><article><p>{summary}</p></article></body></html>", where, options, **meta)
    except InputError as exc:
        return Item(str(link or where), error=exc)
