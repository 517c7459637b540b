"""Responses: JSON with ETags, CSV downloads, error bodies with the project's error codes, pages."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from ..errors import InputError
from ..outputs import spreadsheet_safe, write_csv
from .state import json_scalar, jsonable

__all__ = ["NOT_FOUND", "UNAUTHORISED", "Paging", "csv_response", "decode_cursor", "encode_cursor", "error_body",
           "json_response"]

#: Error codes of the web API (listed in errors.py): no such record; a missing or wrong bearer token.
NOT_FOUND = "E020"
UNAUTHORISED = "E021"


def error_body(code: str, message: str) -> dict[str, Any]:
    """The JSON body of every API error: ``{"error": {"code": "E001", "message": "..."}}``."""
    return {"error": {"code": code, "message": message}}


def _etag(body: bytes) -> str:
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def json_response(request: Request, data: Any, status: int = 200) -> Response:
    """``data`` as JSON with a weak ETag of its bytes; ``304 Not Modified`` when the client has it. Dates
    and other values JSON has no type for are written by ``json``'s C encoder calling :func:`json_scalar`
    (no copy of the rows made in Python first)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=json_scalar).encode()
    tag = _etag(body)
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    if status == 200 and tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _cell(value: Any) -> str:
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header (lists joined by ``; ``, objects as JSON). A cell that a spreadsheet would run
    as a formula gets a leading ``'``, as the command line's CSV outputs do
    (:func:`~thucydides.outputs.spreadsheet_safe`); ``format=json`` gives the values as they are."""
    out = io.StringIO()
    write_csv(out, [list(columns), *([spreadsheet_safe(_cell(row.get(c))) for c in columns] for row in rows)])
    return out.getvalue()


def csv_response(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], name: str) -> Response:
    """A CSV download named ``name.csv``."""
    return Response(csv_text(rows, columns), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def encode_cursor(page: int, key: tuple[Any, str, int]) -> str:
    """An opaque cursor: the next page's number and the sort key of the last row shown."""
    day, doc_id, idx = key
    raw = json.dumps([page, day.isoformat() if day is not None else None, doc_id, idx], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, tuple[dt.date | None, str, int]]:
    """``(page, sort key)`` of a cursor made by :func:`encode_cursor`.

    Raises:
        InputError: (E040) not such a cursor.
    """
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        page, day, doc_id, idx = raw
        if not (isinstance(page, int) and page >= 2 and isinstance(doc_id, str) and isinstance(idx, int)):
            raise ValueError(raw)
        return page, (dt.date.fromisoformat(day) if day is not None else None, doc_id, idx)
    except (ValueError, TypeError, binascii.Error):
        raise InputError("E040", f"invalid cursor {cursor[:80]!r}; use the 'next' link of the previous page, "
                         "or 'page' instead") from None


class Paging:
    """Pagination (``page`` from 1, ``per_page`` items, or a ``cursor`` from a previous page) and the page
    envelope."""

    def __init__(self, page: int, per_page: int, cursor: str | None = None) -> None:
        self.page, self.per_page = page, per_page
        self.after: tuple[dt.date | None, str, int] | None = None
        if cursor:
            self.page, self.after = decode_cursor(cursor)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def total(self, items: list[Any], count: Callable[[], int]) -> int:
        """The number of matches: known from a short page (not the first row past the end), else counted."""
        if 0 < len(items) < self.per_page or (self.page == 1 and not items):
            return self.offset + len(items)
        return count()

    def envelope(self, request: Request, items: list[Any], total: int, keyset: bool = False,
                 **extra: Any) -> dict[str, Any]:
        """``{"items", "page", "per_page", "total", "next", "prev"}``; next/prev are URLs or null. With
        ``keyset``, ``next`` carries a cursor (the sort key of the last item) instead of a page number."""
        def link(page: int, cursor: str | None = None) -> str:
            query = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "cursor")]
            query.append(("cursor", cursor) if cursor else ("page", str(page)))
            return f"{request.url.path}?{urlencode(query)}"

        more = self.offset + len(items) < total
        nxt = None
        if more and items:
            last = items[-1]
            nxt = (link(self.page + 1, encode_cursor(self.page + 1, (last["event_date"], last["doc_id"], last["idx"])))
                   if keyset else link(self.page + 1))
        return {"items": items, "page": self.page, "per_page": self.per_page, "total": total, "next": nxt,
                "prev": link(self.page - 1) if self.page > 1 else None, **extra}
