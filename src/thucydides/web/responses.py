"""Responses: JSON with ETags, CSV downloads, error bodies with the project's error codes, pages."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from .state import jsonable

__all__ = ["NOT_FOUND", "UNAUTHORISED", "Paging", "csv_response", "error_body", "json_response"]

#: Error codes of the web API (listed in errors.py): no such record; a missing or wrong bearer token.
NOT_FOUND = "E020"
UNAUTHORISED = "E021"


def error_body(code: str, message: str) -> dict[str, Any]:
    """The JSON body of every API error: ``{"error": {"code": "E001", "message": "..."}}``."""
    return {"error": {"code": code, "message": message}}


def _etag(body: bytes) -> str:
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def json_response(request: Request, data: Any, status: int = 200) -> Response:
    """``data`` as JSON with a weak ETag of its bytes; ``304 Not Modified`` when the client has it."""
    body = json.dumps(jsonable(data), ensure_ascii=False, separators=(",", ":")).encode()
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
    """Rows as CSV with a header (lists joined by ``; ``, objects as JSON)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def csv_response(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], name: str) -> Response:
    """A CSV download named ``name.csv``."""
    return Response(csv_text(rows, columns), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


class Paging:
    """Page-number pagination (``page`` from 1, ``per_page`` items) and the page envelope."""

    def __init__(self, page: int, per_page: int) -> None:
        self.page, self.per_page = page, per_page

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def total(self, items: list[Any], count: Callable[[], int]) -> int:
        """The number of matches: known from a short page (not the first row past the end), else counted."""
        if 0 < len(items) < self.per_page or (self.page == 1 and not items):
            return self.offset + len(items)
        return count()

    def envelope(self, request: Request, items: list[Any], total: int, **extra: Any) -> dict[str, Any]:
        """``{"items", "page", "per_page", "total", "next", "prev"}``; next/prev are URLs or null."""
        def link(page: int) -> str:
            query = [(k, v) for k, v in request.query_params.multi_items() if k != "page"] + [("page", str(page))]
            return f"{request.url.path}?{urlencode(query)}"

        more = self.offset + len(items) < total
        return {"items": items, "page": self.page, "per_page": self.per_page, "total": total,
                "next": link(self.page + 1) if more else None,
                "prev": link(self.page - 1) if self.page > 1 else None, **extra}
