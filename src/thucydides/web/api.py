"""The read-only REST API under ``/api/v1``: documents, propositions, stories and disputes, dyad series,
actors, search with facets, map points and downloads in the export formats."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable, Hashable
from dataclasses import replace
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from ..model import VERDICTS
from ..store import Store
from ..store import api_queries as q
from . import schemas
from .geo import group_points
from .params import DEFAULT_STATUSES, filter_params, paging_params, pair_filter_params
from .responses import Paging, csv_response, json_response
from .state import StoreHandle

__all__ = ["CSV_CAP", "PROPOSITION_COLUMNS", "get_store", "router"]

router = APIRouter(prefix="/api/v1")
T = TypeVar("T")

#: Most rows one CSV download holds.
CSV_CAP = 100_000
PROPOSITION_COLUMNS = ("event_date", "type", "actor", "recipient", "verdict", "story_verdict", "statuses",
                       "outlet", "location", "cameo", "plover_score", "doc_id", "idx", "story", "claims")
_DOCUMENT_COLUMNS = ("id", "published", "outlet", "outlets", "url", "title", "n_propositions", "n_claims",
                     "n_loss_claims")
_STORY_COLUMNS = ("id", "type", "actor", "recipient", "first_date", "last_date", "verdict", "n_documents",
                  "n_claims", "n_outlets", "n_claimants")
_ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": schemas.ErrorOut}, 404: {"model": schemas.ErrorOut}}
Format = Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv (every matching "
                                                                   f"row, at most {CSV_CAP})")]


async def get_store(request: Request) -> AsyncIterator[Store]:
    """The request's own read cursor on the served store (from the pool of idle cursors; taken and given
    back on the event loop, which costs no thread hop: only the endpoint runs in a worker thread)."""
    handle: StoreHandle = request.app.state.handle
    store = handle.acquire()
    try:
        yield store
    finally:
        handle.release(store)


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[q.ApiFilter, Depends(filter_params)]
PagingDep = Annotated[Paging, Depends(paging_params)]


def not_found(what: str, key: str) -> HTTPException:
    """A 404 (error E018) naming what was not found."""
    return HTTPException(404, f"no {what} with id {key!r}")


def remembered(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` (a count of matches), remembered by the server until the store changes."""
    handle: StoreHandle = request.app.state.handle
    return handle.memo(key, compute)


def claim_summary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for CSV, each proposition's claims as ``status:claimants evidence`` lines."""
    return [{**r, "claims": [f"{c['status']}:{','.join(c['by']) or '-'} {c['evidence']}" for c in r["claims"]]}
            for r in rows]


@router.get("/documents", response_model=schemas.DocumentPage, responses=_ERRORS, tags=["documents"])
def documents(request: Request, store: StoreDep, paging: PagingDep, outlet: str | None = None,
              format: Format = "json") -> Response:
    """Stored documents (metadata and counts), newest first."""
    if format == "csv":
        return csv_response(q.list_documents(store, outlet, 0, CSV_CAP), _DOCUMENT_COLUMNS, "documents")
    items = q.list_documents(store, outlet, paging.offset, paging.per_page)
    return json_response(request, paging.envelope(request, items, q.count_documents(store, outlet)))


@router.get("/documents/{doc_id}", response_model=schemas.DocumentOut, responses=_ERRORS, tags=["documents"])
def document(request: Request, store: StoreDep, doc_id: str) -> Response:
    """One document: its text, metadata, propositions with claims, loss claims and actor mentions."""
    found = q.document_detail(store, doc_id)
    if found is None:
        raise not_found("document", doc_id)
    return json_response(request, found)


@router.get("/propositions", response_model=schemas.PropositionPage, responses=_ERRORS, tags=["propositions"])
def propositions(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep,
                 format: Format = "json") -> Response:
    """Propositions matching the filters, by event date (then document and index), with claims and story."""
    if format == "csv":
        rows = claim_summary(q.list_propositions(store, where, 0, CSV_CAP))
        return csv_response(rows, PROPOSITION_COLUMNS, "propositions")
    items = q.list_propositions(store, where, paging.offset, paging.per_page, paging.after)
    total = paging.total(items, lambda: remembered(request, ("propositions", where),
                                                   lambda: q.count_propositions(store, where)))
    return json_response(request, paging.envelope(request, items, total, keyset=True))


@router.get("/propositions/facets", response_model=schemas.FacetsOut, responses=_ERRORS, tags=["propositions"])
def facets(request: Request, store: StoreDep, where: FilterDep) -> Response:
    """Counts of the matching propositions by actor, recipient, type, verdict, outlet and month."""
    return json_response(request, q.proposition_facets(store, where))


def _verdict(verdict: str | None) -> str | None:
    if verdict and verdict not in VERDICTS:
        from ..errors import InvalidValue

        raise InvalidValue("E001", "story verdict", verdict, VERDICTS)
    return verdict or None


@router.get("/stories", response_model=schemas.StoryPage, responses=_ERRORS, tags=["stories"])
def stories(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep,
            story_verdict: str | None = None, format: Format = "json") -> Response:
    """Stories (the same event across articles) with a member proposition matching the filters."""
    verdict = _verdict(story_verdict)
    if format == "csv":
        return csv_response(q.list_stories(store, where, verdict, 0, CSV_CAP), _STORY_COLUMNS, "stories")
    items = q.list_stories(store, where, verdict, paging.offset, paging.per_page)
    return json_response(request, paging.envelope(request, items, q.count_stories(store, where, verdict)))


@router.get("/stories/{story_id}", response_model=schemas.StoryOut, responses=_ERRORS, tags=["stories"])
def story(request: Request, store: StoreDep, story_id: str) -> Response:
    """One story with every claim about it: side, status, claimant, outlet, date and document."""
    found = q.story_detail(store, story_id)
    if found is None:
        raise not_found("story", story_id)
    return json_response(request, found)


def dispute_page(store: Store, where: q.ApiFilter, paging: Paging) -> tuple[list[dict[str, Any]], int]:
    """One page of disputed stories, each with its claims for and against."""
    items = q.list_stories(store, where, "disputed", paging.offset, paging.per_page)
    for item in items:
        detail = q.story_detail(store, item["id"])
        item["claims"] = detail["claims"] if detail else []
    return items, q.count_stories(store, where, "disputed")


@router.get("/disputes", response_model=schemas.StoryPage, responses=_ERRORS, tags=["stories"])
def disputes(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep,
             format: Format = "json") -> Response:
    """Contested stories (verdict ``disputed``) with the claims for and against each."""
    items, total = dispute_page(store, where, paging)
    if format == "csv":
        rows = [{**c, "story": s["id"], "type": s["type"], "actor": s["actor"], "recipient": s["recipient"]}
                for s in dispute_page(store, where, Paging(1, CSV_CAP))[0] for c in s["claims"]]
        return csv_response(rows, ("story", "type", "actor", "recipient", "side", "status", "by", "via",
                                   "outlet", "published", "doc_id", "evidence"), "disputes")
    return json_response(request, paging.envelope(request, items, total))


@router.get("/dyads/{actor}/{recipient}", response_model=schemas.DyadSeries, responses=_ERRORS, tags=["dyads"])
def dyad(request: Request, store: StoreDep, where: Annotated[q.ApiFilter, Depends(pair_filter_params)],
         actor: str, recipient: str,
         by: Annotated[str, Query(description="day, week, month, quarter or year")] = "week",
         both: bool = False, format: Format = "json") -> Response:
    """Counts by quad class and mean PLOVER score per period for one actor pair. Without ``status``, only
    propositions with an asserted or alleged claim are counted (hypothetical and denied ones are not)."""
    statuses = where.statuses or DEFAULT_STATUSES
    scoped = replace(where, statuses=statuses)
    series = remembered(request, ("dyad", actor.upper(), recipient.upper(), scoped, by, both),
                        lambda: q.dyad_series_filtered(store, actor, recipient, scoped, by, both))
    if format == "csv":
        return csv_response(series, ("period", "verbal_coop", "material_coop", "verbal_conflict",
                                     "material_conflict", "total", "mean_score"), f"dyad-{actor}-{recipient}")
    return json_response(request, {"actor": actor.upper(), "recipient": recipient.upper(), "by": by,
                                   "both": both, "statuses": list(statuses), "series": series})


@router.get("/actors", response_model=schemas.ActorPage, responses=_ERRORS, tags=["actors"])
def actors(request: Request, store: StoreDep, paging: PagingDep, format: Format = "json") -> Response:
    """Actors mentioned in the store, most mentioned first."""
    if format == "csv":
        return csv_response(q.list_actors(store, 0, CSV_CAP)[1], ("code", "name", "sector", "kind", "mentions",
                                                                 "documents"), "actors")
    total, items = q.list_actors(store, paging.offset, paging.per_page)
    return json_response(request, paging.envelope(request, items, total))


#: Facets of a search count the propositions in at most this many hits (the newest).
FACET_HITS = 1000


def search_hits(request: Request, store: Store, text: str, cap: int) -> tuple[int, list[str], list[Any]]:
    """:func:`~thucydides.store.api_queries.search_hits`, from the server's postings of the words searched
    for (read once per word and store state), or by SQL when those cannot answer exactly."""
    handle: StoreHandle = request.app.state.handle
    found = handle.word_postings().hits(store, text, cap)
    return found if found is not None else q.search_hits(store, text, cap)


def _search_items(request: Request, store: Store, text: str, paging: Paging, ids: list[str]) -> list[dict[str, Any]]:
    """The documents of one page of the hits of ``text`` with their snippets (``ids``: the first hits)."""
    end = paging.offset + paging.per_page
    shown = ids if end <= len(ids) else search_hits(request, store, text, end)[1]
    return q.search_documents(store, text, paging.offset, paging.per_page, shown)[1]


def search_page(request: Request, store: Store, text: str, where: q.ApiFilter, paging: Paging) -> dict[str, Any]:
    """Documents matching ``text`` and the facets of the propositions (matching ``where``) in the newest
    :data:`FACET_HITS` of them; without ``text``, the facets of every proposition matching ``where``. The
    hits, the facets and the pages (with the snippets around the first word) are remembered until the store
    changes."""
    if not text.strip():
        facets = remembered(request, ("facets", where), lambda: q.proposition_facets(store, where))
        return {"total": 0, "items": [], "facets": facets, "facets_over": None}
    words = tuple(sorted(set(text.split())))  # the same hits whatever the order of the words
    total, ids, published = remembered(request, ("search", words), lambda: search_hits(request, store, text, FACET_HITS))
    items = remembered(request, ("search page", words, text.split()[0], paging.offset, paging.per_page),
                       lambda: _search_items(request, store, text, paging, ids))
    facets = remembered(request, ("facets", where, words), lambda: q.proposition_facets(store, where, ids, published=published))
    return {"total": total, "items": items, "facets": facets, "facets_over": len(ids)}


@router.get("/search", response_model=schemas.SearchPage, responses=_ERRORS, tags=["search"])
def search(request: Request, store: StoreDep, where: FilterDep, paging: PagingDep,
           q_: Annotated[str, Query(alias="q", description="Words every hit contains (literally)")] = "",
           format: Format = "json") -> Response:
    """Full-text search over document titles and texts (every word, case-insensitive, as a substring), newest
    first, with facets of the propositions in the hits (actor, recipient, type, verdict, outlet, month),
    narrowed by the proposition filters; ``facets_over`` says how many hits (the newest) they count."""
    found = search_page(request, store, q_, where, paging)
    if format == "csv":
        hits = q.search_documents(store, q_, 0, CSV_CAP)[1]
        return csv_response(hits, (*_DOCUMENT_COLUMNS, "snippet"), "search")
    return json_response(request, paging.envelope(request, found["items"], found["total"], q=q_,
                                                  method="substring", facets=found["facets"],
                                                  facets_over=found["facets_over"]))


@router.get("/map/points", response_model=schemas.MapPoints, responses=_ERRORS, tags=["map"])
def map_points(request: Request, store: StoreDep, where: FilterDep) -> Response:
    """Matching propositions grouped at country centroids (by location, else recipient, else actor).
    Without ``status``, only propositions with an asserted or alleged claim are placed."""
    statuses = where.statuses or DEFAULT_STATUSES
    rows = q.proposition_places(store, replace(where, statuses=statuses))
    points, unplaced = group_points(rows)
    return json_response(request, {"points": points, "unplaced": unplaced, "statuses": list(statuses)})


@router.get("/downloads/{fmt}", tags=["downloads"], responses=_ERRORS)
def download(store: StoreDep, fmt: str) -> Response:
    """The whole store in one of the export formats written as one file: ``jsonl``, ``gdelt``, ``plover``."""
    from ..errors import InvalidValue
    from ..export import FOLDER_FORMATS, exporters

    table = {k: v for k, v in exporters().items() if k not in FOLDER_FORMATS}
    if fmt not in table:
        raise InvalidValue("E001", "download format", fmt, sorted(table))
    out = io.StringIO()
    table[fmt](store, out)
    suffix = {"gdelt": "tsv", "plover": "jsonl"}.get(fmt, fmt)
    return Response(out.getvalue(), media_type="text/plain; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="thucydides-{fmt}.{suffix}"'})
