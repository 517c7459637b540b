"""The ledger under ``/api/v1/ledger``: totals, cumulative series, and the loss claims quoted in articles
checked against it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from ..store import Store
from ..store import api_queries as q
from . import schemas
from .api import CSV_CAP, PagingDep, StoreDep
from .params import parse_day
from .responses import csv_response, json_response

__all__ = ["check_rows", "has_ledger", "router"]

router = APIRouter(prefix="/api/v1", tags=["ledger"])
_ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": schemas.ErrorOut}, 404: {"model": schemas.ErrorOut}}
_CHECK_COLUMNS = ("doc_id", "published", "outlet", "side", "value", "qualifier", "unit", "evidence", "as_of",
                  "verdict", "basis", "difference")


def has_ledger(store: Store) -> bool:
    """Whether the store file holds a loss ledger (``thucydides losses import`` was run on it)."""
    row = store.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ledger_meta'").fetchone()
    return bool(row and row[0])


def _need_ledger(store: Store) -> None:
    if not has_ledger(store):
        raise HTTPException(404, "this store holds no loss ledger; run `thucydides losses import` on it first")


@router.get("/ledger/totals", response_model=schemas.LedgerTotalsOut, responses=_ERRORS)
def ledger_totals(request: Request, store: StoreDep, side: str = "RUS",
                  as_of: Annotated[str | None, Query(description="YYYY-MM-DD; default today")] = None,
                  by: str = "category", source: str = "items", basis: str = "recorded") -> Response:
    """Totals for one side as of a date, by category, status or day, from one ledger source."""
    from ..ledger import totals

    _need_ledger(store)
    day = parse_day(as_of, "as_of") or dt.date.today()
    t = totals(store.con, side, day, by, source, basis)
    rows = [{"key": key, **dict(zip(t.columns, values, strict=True))} for key, values in t.rows]
    return json_response(request, {"side": t.side, "as_of": t.as_of, "by": t.by, "source": t.source,
                                   "columns": list(t.columns), "rows": rows, "notes": t.notes})


@router.get("/ledger/series", responses=_ERRORS)
def ledger_series(request: Request, store: StoreDep, side: str = "RUS", start: str | None = None,
                  end: str | None = None, source: str = "items", category: str = "all",
                  freq: str = "day", format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Response:
    """Cumulative losses of one category (``all`` for the headline) with the change per day."""
    from ..ledger import series

    _need_ledger(store)
    points = series(store.con, side, parse_day(start, "start") or dt.date(2022, 2, 24),
                    parse_day(end, "end") or dt.date.today(), source, category, freq=freq)
    rows = [{"date": p.date, "cumulative": p.cumulative, "change": p.change, "per_day": p.per_day} for p in points]
    if format == "csv":
        return csv_response(rows, ("date", "cumulative", "change", "per_day"), f"ledger-{side}-{category}")
    return json_response(request, {"side": side.upper(), "source": source, "category": category, "series": rows})


def check_rows(store: Store, limit: int = CSV_CAP) -> tuple[bool, list[dict[str, Any]]]:
    """Every loss claim in the store with its check against the ledger (verdict None without a ledger)."""
    from ..ledger import check_claim, claims_from_store

    ledger = has_ledger(store)
    out = []
    for c in claims_from_store(store.con)[:limit]:
        lc = c.claim
        row: dict[str, Any] = {"doc_id": c.doc_id, "published": c.published, "outlet": c.outlet, "side": lc.side,
                               "value": lc.value, "qualifier": lc.qualifier, "unit": lc.unit,
                               "evidence": lc.evidence, "as_of": None, "verdict": None, "basis": None,
                               "difference": None}
        if ledger:
            result = check_claim(lc, c.published, store.con)
            basis = result.basis
            row.update(as_of=result.as_of, verdict=result.verdict, basis=basis.source if basis else None,
                       difference=basis.difference if basis else None)
        out.append(row)
    return ledger, out


@router.get("/ledger/checks", response_model=schemas.CheckPage, responses=_ERRORS)
def ledger_checks(request: Request, store: StoreDep, paging: PagingDep,
                  format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Response:
    """The loss figures quoted in articles, each checked against the ledger as of its publication date
    (``consistent``, ``overstated``, ``understated`` or ``no_data``; null when no ledger is imported)."""
    ledger, rows = check_rows(store)
    if format == "csv":
        return csv_response(rows, _CHECK_COLUMNS, "loss-claim-checks")
    page = rows[paging.offset:paging.offset + paging.per_page]
    return json_response(request, paging.envelope(request, page, len(rows), ledger=ledger))


@router.get("/loss-claims", response_model=schemas.LossClaimPage, responses=_ERRORS)
def loss_claims(request: Request, store: StoreDep, paging: PagingDep) -> Response:
    """Loss claims quoted in the articles, by publication date."""
    total, items = q.list_loss_claims(store, paging.offset, paging.per_page)
    return json_response(request, paging.envelope(request, items, total))
