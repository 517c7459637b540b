"""Query parameters shared by the API and the pages, parsed into the store's filter objects."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from ..inputs import parse_date
from ..store import Filter
from ..store.api_queries import ApiFilter
from .responses import Paging

__all__ = ["DEFAULT_STATUSES", "filter_params", "paging_params", "pair_filter_params", "parse_day"]

#: Claim statuses the timeline and map show unless asked otherwise (hypothetical and denied are left out).
DEFAULT_STATUSES: tuple[str, ...] = ("asserted", "alleged")


def parse_day(value: str | None, name: str) -> dt.date | None:
    """An ISO day from a query parameter, or None for an empty value (the library's one date parser).

    Raises:
        InputError: (E006) not ``YYYY-MM-DD``.
    """
    return parse_date(value or None, f"date for {name}")


def _code(value: str | None) -> str | None:
    return value.strip().upper() or None if value else None


async def filter_params(
    actor: Annotated[str | None, Query(description="Actor code among the proposition's actors (RUS).")] = None,
    recipient: Annotated[str | None, Query(description="Recipient code among its recipients (UKR).")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (ASSAULT).")] = None,
    verdict: Annotated[str | None, Query(description="Corpus-level verdict of its story.")] = None,
    status: Annotated[list[str] | None, Query(description="Claim statuses; a proposition is kept when one "
                                                          "of its claims has one of them (repeatable).")] = None,
    since: Annotated[str | None, Query(description="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last event date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet that published the document.")] = None,
    place: Annotated[str | None, Query(description="Words the location contains (taken literally).")] = None,
    text: Annotated[str | None, Query(description="Words that must all occur in a claim's evidence.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code of the country the event happened "
                                                     "in (UKR): its resolved place's country, else the country "
                                                     "its location names (the country, a capital, city or "
                                                     "region of it). Not a name; a code matching no country "
                                                     "selects nothing.")] = None,
) -> ApiFilter:
    """The proposition filters of ``thucydides query`` (and ``place``, ``country``), as an :class:`ApiFilter`.
    (Dependencies here are ``async``: FastAPI runs them on the event loop instead of in a worker thread.)"""
    return _filters(actor, recipient, type, verdict, status, since, until, outlet, place, text, country)


def _filters(actor: str | None, recipient: str | None, type: str | None, verdict: str | None,
             status: list[str] | None, since: str | None, until: str | None, outlet: str | None,
             place: str | None, text: str | None, country: str | None) -> ApiFilter:
    base = Filter(_code(actor), _code(recipient), (type or "").strip() or None, verdict or None, None,
                  parse_day(since, "since"), parse_day(until, "until"), outlet or None, text or None, 0)
    statuses = tuple(s for s in (status or []) if s)
    return ApiFilter(base, place or None, statuses, _code(country))


async def paging_params(page: Annotated[int, Query(ge=1, description="Page number, from 1.")] = 1,
                  per_page: Annotated[int, Query(ge=1, le=500, description="Items per page.")] = 50,
                  cursor: Annotated[str | None, Query(description="Where the page starts, from the previous "
                                                      "page's 'next' link (propositions; it replaces 'page').")]
                  = None) -> Paging:
    """Page-number pagination, or keyset pagination from a cursor."""
    return Paging(page, per_page, cursor)


async def pair_filter_params(
    type: Annotated[str | None, Query(description="PLOVER event type (ASSAULT).")] = None,
    verdict: Annotated[str | None, Query(description="Corpus-level verdict of its story.")] = None,
    status: Annotated[list[str] | None, Query(description="Claim statuses counted (repeatable); default "
                                                          "asserted and alleged.")] = None,
    since: Annotated[str | None, Query(description="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last event date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet that published the document.")] = None,
    place: Annotated[str | None, Query(description="Words the location contains (taken literally).")] = None,
    text: Annotated[str | None, Query(description="Words that must all occur in a claim's evidence.")] = None,
) -> ApiFilter:
    """The filters of :func:`filter_params` but the actor pair (which the dyad endpoint takes in its path)."""
    return _filters(None, None, type, verdict, status, since, until, outlet, place, text, None)
