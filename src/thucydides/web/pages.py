"""The workbench pages, rendered on the server with Jinja2 (autoescaped: article text is untrusted).

Every page's state is in its URL (filters are plain GET forms), and every table links to the same query
on the API with ``format=csv``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..model import STATUSES, VERDICTS
from ..store import api_queries as q
from .api import FilterDep, PagingDep, StoreDep, dispute_page, not_found, search_page
from .api_ledger import check_rows, has_ledger
from .params import DEFAULT_STATUSES
from .views import QUADS, bars, highlight, polylines

__all__ = ["error_page", "router"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("thucydides.web").joinpath("templates")))


def _query(request: Request, **changes: Any) -> str:
    """The request's query string with ``changes`` applied (None removes a key; lists repeat it)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    for key, value in changes.items():
        for v in value if isinstance(value, list | tuple) else [value]:
            if v is not None:
                items.append((key, str(v)))
    return urlencode(items)


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.update(request=request, query=lambda **c: _query(request, **c), statuses=STATUSES, verdicts=VERDICTS,
                   page_name=name.removesuffix(".html"))
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    """An HTML error page (the API answers errors as JSON)."""
    return _render(request, "error.html", status, code=code, message=message)


def _statuses(request: Request) -> tuple[list[str], bool]:
    """The statuses a page shows: those in the URL, else asserted and alleged (``True`` when defaulted)."""
    chosen = [s for s in request.query_params.getlist("status") if s]
    return (chosen, False) if chosen else (list(DEFAULT_STATUSES), True)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> Response:
    counts = {t: store.count(t) for t in ("documents", "propositions", "claims", "stories", "loss_claims")}
    recent = q.list_documents(store, None, 0, 10)
    return _render(request, "home.html", counts=counts, documents=recent)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: StoreDep, paging: PagingDep, outlet: str | None = None) -> Response:
    items = q.list_documents(store, outlet, paging.offset, paging.per_page)
    page = paging.envelope(request, items, q.count_documents(store, outlet))
    return _render(request, "documents.html", page=page, outlet=outlet or "")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def reader(request: Request, store: StoreDep, doc_id: str) -> Response:
    doc = q.document_detail(store, doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    return _render(request, "reader.html", doc=doc, segments=highlight(doc["text"] or "", doc["propositions"]))


@router.get("/propositions", response_class=HTMLResponse)
def propositions(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep) -> Response:
    items = q.list_propositions(store, where, paging.offset, paging.per_page)
    page = paging.envelope(request, items, paging.total(items, lambda: q.count_propositions(store, where)))
    return _render(request, "propositions.html", page=page, f=request.query_params)


@router.get("/disputes", response_class=HTMLResponse)
def disputes(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep) -> Response:
    items, total = dispute_page(store, where, paging)
    return _render(request, "disputes.html", page=paging.envelope(request, items, total), f=request.query_params)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, store: StoreDep, story_id: str) -> Response:
    found = q.story_detail(store, story_id)
    if found is None:
        raise not_found("story", story_id)
    return _render(request, "story.html", s=found)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep,
             by: Annotated[str, Query(pattern="^(day|week|month|quarter|year)$")] = "week",
             both: bool = False) -> Response:
    statuses, defaulted = _statuses(request)
    actor, recipient = where.base.actor, where.base.recipient
    scoped = replace(where, statuses=tuple(statuses))
    pair = replace(scoped, base=replace(where.base, actor=None, recipient=None))
    series = q.dyad_series_filtered(store, actor, recipient, pair, by, both) if actor and recipient else []
    items = q.list_propositions(store, scoped, paging.offset, paging.per_page)
    page = paging.envelope(request, items, paging.total(items, lambda: q.count_propositions(store, scoped)))
    return _render(request, "timeline.html", series=series, bars=bars(series), quads=QUADS, page=page,
                   chosen=statuses, defaulted=defaulted, by=by, both=both, f=request.query_params,
                   csv_query=_query(request, status=statuses, format="csv", page=None))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, where: FilterDep) -> Response:
    statuses, defaulted = _statuses(request)
    return _render(request, "map.html", chosen=statuses, defaulted=defaulted, f=request.query_params,
                   api_query=_query(request, status=statuses))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep, q_: Annotated[
        str, Query(alias="q")] = "") -> Response:
    found = search_page(request, store, q_, where, paging)
    page = paging.envelope(request, found["items"], found["total"])
    return _render(request, "search.html", page=page, facets=found["facets"], q=q_, f=request.query_params,
                   facets_over=found["facets_over"])


def _ledger_lines(store: Any, side: str, category: str) -> dict[tuple[str, str], list[tuple[dt.date, int]]]:
    """``{(source, kind): [(date, cumulative), ...]}`` of every ledger source with figures for the category."""
    from ..ledger.totals import series, sources

    lines = {}
    for source, kind in sources(store.con).items():
        points = series(store.con, side, dt.date(2022, 2, 24), dt.date.today(), source, category)
        if points:
            lines[(source, kind)] = [(p.date, p.cumulative) for p in points]
    return lines


@router.get("/losses", response_class=HTMLResponse)
def losses(request: Request, store: StoreDep, side: Annotated[str, Query(pattern="^(RUS|UKR)$")] = "RUS",
           category: str = "all") -> Response:
    from ..ledger.taxonomy import ALL, CATEGORIES

    ledger, checks = check_rows(store)
    lines = _ledger_lines(store, side, category) if has_ledger(store) else {}
    points, top = polylines({f"{source} ({kind})": values for (source, kind), values in lines.items()})
    dates = sorted(d for values in lines.values() for d, _ in values)
    return _render(request, "losses.html", ledger=ledger, checks=checks, lines=points, top=top, side=side,
                   category=category, sources=list(lines), categories=[ALL, *CATEGORIES],
                   first=dates[0] if dates else None, last=dates[-1] if dates else None)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """Swagger UI over ``/openapi.json``, served from the vendored files (no CDN, no inline script)."""
    return _render(request, "apidocs.html")
