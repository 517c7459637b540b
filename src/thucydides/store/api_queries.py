"""Read queries for the web API and workbench: pages of propositions, documents with everything
extracted from them, stories, substring search with facets, actors and filtered dyad series.

Every query is parameterised; the only SQL text built at run time is made of fixed fragments chosen
here. Pages are in an order ending in a unique key, so they are stable: propositions by keyset (the rows
after the last one of the previous page), the rest by ``LIMIT``/``OFFSET``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import InvalidValue
from ..model import STATUSES
from .connection import Store
from .derived import WORD_PATTERN, status_mask
from .postings import ACTOR_ROLE, RECIPIENT_ROLE
from .queries import PERIODS, Filter, escape_like

__all__ = ["ApiFilter", "SortKey", "count_documents", "count_propositions", "count_stories", "document_detail",
           "dyad_series_filtered", "escape_like", "list_actors", "list_documents", "list_loss_claims",
           "list_propositions", "list_stories", "proposition_facets", "proposition_places", "search_document_ids",
           "search_documents", "search_hits", "story_detail"]

_ORDER = "ORDER BY p.event_date NULLS LAST, p.doc_id, p.idx"


@dataclass(frozen=True)
class ApiFilter:
    """A :class:`~.queries.Filter` plus what the workbench adds.

    Attributes:
        base: the filters of ``thucydides query`` (its ``limit`` is ignored here).
        place: words the proposition's location contains (case-insensitive, taken literally).
        statuses: keep a proposition only when one of its claims has one of these statuses.
        country: ISO 3166-1 alpha-3 code of the state the proposition happened in (its resolved place's
            state, else the state its location names; see ``derived.py``).
    """

    base: Filter = field(default_factory=Filter)
    place: str | None = None
    statuses: tuple[str, ...] = ()
    country: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over propositions ``p`` and its parameters."""
        condition, params = self.base.where()
        parts = [condition]
        for status in self.statuses:
            if status not in STATUSES:
                raise InvalidValue("E001", "status", status, STATUSES)
        if self.statuses:  # one integer test of the precomputed bits, not a search of the statuses list
            parts.append("(p.status_mask & ?) <> 0")
            params.append(status_mask(self.statuses))
        if self.place:
            parts.append("p.location ILIKE ? ESCAPE '\\'")
            params.append(f"%{escape_like(self.place)}%")
        if self.country is not None:
            parts.append("p.country = ?")
            params.append(self.country.strip().upper())
        return " AND ".join(parts), params


def _matching(where: ApiFilter) -> tuple[str, list[Any]]:
    """``<table> p WHERE <condition>`` selecting the propositions matching ``where``, and its parameters.

    With an actor (or else a recipient) asked for, the table is that code's actor postings (postings.py):
    the same columns and the same condition, over one row per proposition having that code in that role,
    which DuckDB finds by the postings' order instead of reading every proposition."""
    condition, params = where.where()
    for code, role in ((where.base.actor, ACTOR_ROLE), (where.base.recipient, RECIPIENT_ROLE)):
        if code is not None:
            return (f"proposition_actors p WHERE p.code = ? AND p.role = {role} AND {condition}",
                    [code, *params])
    return f"propositions p WHERE {condition}", params


def _rows(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = store.execute(sql, params or [])
    names = [c[0] for c in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _scalar(store: Store, sql: str, params: list[Any]) -> int:
    row = store.execute(sql, params).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def count_propositions(store: Store, where: ApiFilter) -> int:
    """Number of propositions matching ``where``."""
    source, params = _matching(where)
    return _scalar(store, f"SELECT count(*) FROM {source}", params)


_PROPOSITION = """
SELECT p.doc_id, p.idx, p.id, p.event_date, p.date, p.type, p.mode, p.actor, p.recipient, p.verdict, p.cameo,
       p.plover_score, p.quad_class, p.location, p.statuses, p.outlet, p.published, p.start, p."end",
       p.story, p.story_verdict, p.story_outlets AS n_outlets, p.story_claimants AS n_claimants,
       coalesce(p.claim_list, []) AS claims
FROM {source} {order} LIMIT ? OFFSET ?
"""


#: Where a page of propositions starts: after the row with this ``(event_date, doc_id, idx)``.
SortKey = tuple[dt.date | None, str, int]


def _after(key: SortKey) -> tuple[str, list[Any]]:
    """Rows after ``key`` in the order ``event_date NULLS LAST, doc_id, idx`` (keyset pagination)."""
    day, doc_id, idx = key
    tail = "(p.doc_id > ? OR (p.doc_id = ? AND p.idx > ?))"
    if day is None:
        return f"(p.event_date IS NULL AND {tail})", [doc_id, doc_id, idx]
    return (f"(p.event_date > ? OR p.event_date IS NULL OR (p.event_date = ? AND {tail}))",
            [day, day, doc_id, doc_id, idx])


def list_propositions(store: Store, where: ApiFilter, offset: int = 0, limit: int = 50,
                      after: SortKey | None = None) -> list[dict[str, Any]]:
    """One page of the propositions matching ``where``, by event date, with their claims and story:
    the ``limit`` rows after ``after`` when given (keyset; ``offset`` is then ignored), else from ``offset``."""
    source, params = _matching(where)
    if after is not None:
        more, more_params = _after(after)
        source, params, offset = f"{source} AND {more}", [*params, *more_params], 0
    sql = _PROPOSITION.format(source=source, order=_ORDER)
    return _rows(store, sql, [*params, int(limit), int(offset)])


_FACETS = """
WITH m AS MATERIALIZED (SELECT p.actor, p.recipient, p.type, p.verdict, p.outlet, p.event_date
                        FROM {source}),
f AS (SELECT 'actor' AS facet, unnest(actor) AS value FROM m
      UNION ALL SELECT 'recipient', unnest(recipient) FROM m
      UNION ALL SELECT 'type', type FROM m UNION ALL SELECT 'verdict', verdict FROM m
      UNION ALL SELECT 'outlet', outlet FROM m UNION ALL SELECT 'month', strftime(event_date, '%Y-%m') FROM m),
c AS (SELECT facet, value, count(*) AS n FROM f WHERE value IS NOT NULL GROUP BY facet, value)
SELECT facet, value, n FROM c QUALIFY row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) <= ?
ORDER BY facet, n DESC, value
"""
FACETS: tuple[str, ...] = ("actor", "recipient", "type", "verdict", "outlet", "month")


def proposition_facets(store: Store, where: ApiFilter, doc_ids: list[str] | None = None, top: int = 12,
                       published: list[dt.date | None] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Counts of the matching propositions by actor, recipient, type, verdict, outlet and month (most
    frequent first, at most ``top`` values each; one scan); only in ``doc_ids`` when given, whose
    publication dates ``published`` are (looked up when not given)."""
    condition, params = _matching(where)
    if doc_ids is not None:
        condition += " AND p.doc_id IN (SELECT unnest(?::VARCHAR[]))"
        params = [*params, doc_ids]
        if published is None:
            published = [r[0] for r in store.execute("SELECT published FROM documents WHERE id IN "
                                                     "(SELECT unnest(?::VARCHAR[]))", [doc_ids]).fetchall()]
        if published and None not in published:  # skips older row groups (stored by date)
            condition += " AND p.published >= ?"
            params.append(min(d for d in published if d is not None))
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in FACETS}
    for row in _rows(store, _FACETS.format(source=condition), [*params, int(top)]):
        out[row["facet"]].append({"value": row["value"], "n": row["n"]})
    return out


_DOC_COLUMNS = "id, published, outlet, outlets, url, title, n_propositions, n_claims, n_loss_claims, source"


def count_documents(store: Store, outlet: str | None = None) -> int:
    """Number of stored documents (published by ``outlet`` when given, case-insensitive)."""
    if outlet:
        return _scalar(store, "SELECT count(*) FROM documents WHERE "
                       "list_contains(list_transform(outlets, lambda x: lower(x)), ?)", [outlet.lower()])
    return _scalar(store, "SELECT count(*) FROM documents", [])


def list_documents(store: Store, outlet: str | None = None, offset: int = 0, limit: int = 50) -> list[dict[str, Any]]:
    """One page of documents (metadata and counts, no text), newest first."""
    condition, params = "TRUE", []
    if outlet:
        condition = "list_contains(list_transform(outlets, lambda x: lower(x)), ?)"
        params = [outlet.lower()]
    return _rows(store, f"SELECT {_DOC_COLUMNS} FROM documents WHERE {condition} "
                 "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])


def document_detail(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, propositions (with claims and story), loss claims and actor mentions;
    None when no document has that id."""
    docs = _rows(store, f"SELECT {_DOC_COLUMNS}, text FROM documents WHERE id = ?", [doc_id])
    if not docs:
        return None
    doc = docs[0]
    hits = _rows(store, _PROPOSITION.format(source="propositions p WHERE p.doc_id = ?", order="ORDER BY p.idx"),
                 [doc_id, 1 << 31, 0])
    doc["propositions"] = hits
    doc["loss_claims"] = _rows(store, """SELECT idx, side, value, qualifier, unit, categories, period, period_end,
        status, "by", via, evidence, start, "end" FROM loss_claims WHERE doc_id = ? ORDER BY idx""", [doc_id])
    doc["mentions"] = _rows(store, """SELECT idx, text, code, sector, name, kind, start, "end"
        FROM actor_mentions WHERE doc_id = ? ORDER BY idx""", [doc_id])
    return doc


_STORY_FILTER = "s.id IN (SELECT p.story FROM {source} AND p.story IS NOT NULL)"


def _story_condition(where: ApiFilter, verdict: str | None) -> tuple[str, list[Any]]:
    source, params = _matching(where)
    parts = [_STORY_FILTER.format(source=source)]
    if verdict:
        parts.append("s.verdict = ?")
        params.append(verdict)
    return " AND ".join(parts), params


def count_stories(store: Store, where: ApiFilter, verdict: str | None = None) -> int:
    """Number of stories with a member proposition matching ``where`` (and of ``verdict``)."""
    condition, params = _story_condition(where, verdict)
    return _scalar(store, f"SELECT count(*) FROM stories s WHERE {condition}", params)


def list_stories(store: Store, where: ApiFilter, verdict: str | None = None, offset: int = 0,
                 limit: int = 50) -> list[dict[str, Any]]:
    """One page of stories (by first date, then id) with a member proposition matching ``where``."""
    condition, params = _story_condition(where, verdict)
    return _rows(store, f"SELECT * FROM stories s WHERE {condition} ORDER BY s.first_date NULLS LAST, s.id "
                 "LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])


_STORY_CLAIMS = """
SELECT CASE WHEN c.status = 'denied' THEN 'denies' WHEN c.status = 'hypothetical' THEN 'foresees'
            ELSE 'affirms' END AS side,
       c.status, c."by", c.via, c.speaker, c.evidence, c.doc_id, c.prop_idx, c.idx, c.start, c."end",
       d.outlet, d.published, d.url, d.title
FROM story_members sm JOIN claims c ON c.doc_id = sm.doc_id AND c.prop_idx = sm.prop_idx
JOIN documents d ON d.id = c.doc_id WHERE sm.story_id = ?
ORDER BY side, d.published NULLS LAST, c.doc_id, c.prop_idx, c.idx
"""


def story_detail(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story with every claim about it (side, claimant, outlet, date, document); None if unknown."""
    found = _rows(store, "SELECT * FROM stories WHERE id = ?", [story_id])
    if not found:
        return None
    story = found[0]
    story["claims"] = _rows(store, _STORY_CLAIMS, [story_id])
    return story


#: Most words of a search that are looked up (the rest are ignored).
MAX_SEARCH_WORDS = 12
_WORDS = f"SELECT DISTINCT unnest(regexp_extract_all(lower(?), '{WORD_PATTERN}')) AS w ORDER BY w"
_VOCAB = "SELECT word FROM search_vocab WHERE contains(word, ?)"
#: The documents having a word containing the first search word, and, for each further search word, a word
#: containing it (one ``doc_id IN`` semi-join per further word); computed once, then counted and paged.
_HITS = """WITH h AS MATERIALIZED (SELECT DISTINCT doc_id, published FROM search_words WHERE word IN ({vocab}) {more})
SELECT doc_id, published, (SELECT count(*) FROM h) FROM h ORDER BY published DESC NULLS LAST, doc_id LIMIT ?"""
_MORE = f"AND doc_id IN (SELECT doc_id FROM search_words WHERE word IN ({_VOCAB}))"


def search_document_ids(store: Store, text: str, cap: int = 10_000) -> tuple[int, list[str]]:
    """Documents in which every word of ``text`` occurs within a word of the title or text (case-insensitive;
    words are runs of letters and digits, so punctuation in ``text`` only separates words): their number,
    and the ids of the first ``cap`` of them, newest first (see :func:`search_hits`)."""
    total, ids, _ = search_hits(store, text, cap)
    return total, ids


def search_hits(store: Store, text: str, cap: int = 10_000) -> tuple[int, list[str], list[dt.date | None]]:
    """:func:`search_document_ids` and the publication date of each id. Reads the search index, not the
    texts: the postings of the vocabulary words containing each search word, intersected (:data:`_HITS`)."""
    words = [str(r[0]) for r in store.execute(_WORDS, [text]).fetchall()][:MAX_SEARCH_WORDS]
    if not words:
        return 0, [], []
    sql = _HITS.format(vocab=_VOCAB, more=" ".join([_MORE] * (len(words) - 1)))
    rows = store.execute(sql, [*words, max(int(cap), 1)]).fetchall()
    total, rows = (int(rows[0][2]) if rows else 0), rows[:max(int(cap), 0)]
    return total, [str(r[0]) for r in rows], [r[1] for r in rows]


def search_documents(store: Store, text: str, offset: int = 0, limit: int = 20,
                     ids: list[str] | None = None) -> tuple[int, list[dict[str, Any]]]:
    """One page of the documents matching ``text`` (as :func:`search_document_ids`, whose result may be
    given as ``ids``), each with a snippet around the first word. Returns ``(total, page)``."""
    total, found = (len(ids), ids) if ids is not None else search_document_ids(store, text, offset + limit)
    chosen = found[offset:offset + limit]
    if not chosen:
        return total, []
    snippet = "substr(text, greatest(1, instr(lower(text), lower(?)) - 80), 240) AS snippet"
    rows = _rows(store, f"SELECT {_DOC_COLUMNS}, {snippet} FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                 [text.split()[0], chosen])
    order = {doc_id: i for i, doc_id in enumerate(chosen)}
    return total, sorted(rows, key=lambda r: order[r["id"]])


def list_actors(store: Store, offset: int = 0, limit: int = 100) -> tuple[int, list[dict[str, Any]]]:
    """Actors mentioned in the store, most mentioned first: code, name, sector, kind, mentions, documents.
    Returns ``(total, page)``."""
    total = _scalar(store, "SELECT count(DISTINCT code) FROM actor_mentions WHERE code IS NOT NULL", [])
    page = _rows(store, """SELECT code, any_value(name) AS name, any_value(sector) AS sector,
        any_value(kind) AS kind, count(*) AS mentions, count(DISTINCT doc_id) AS documents
        FROM actor_mentions WHERE code IS NOT NULL GROUP BY code ORDER BY mentions DESC, code
        LIMIT ? OFFSET ?""", [int(limit), int(offset)])
    return total, page


def list_loss_claims(store: Store, offset: int = 0, limit: int = 100) -> tuple[int, list[dict[str, Any]]]:
    """Loss claims quoted in the articles, by publication date. Returns ``(total, page)``."""
    total = _scalar(store, "SELECT count(*) FROM loss_claims", [])
    page = _rows(store, """SELECT doc_id, idx, published, outlet, side, value, qualifier, unit, categories,
        status, "by", via, evidence FROM loss_claims ORDER BY published NULLS LAST, doc_id, idx
        LIMIT ? OFFSET ?""", [int(limit), int(offset)])
    return total, page


_DYAD_SERIES = """
SELECT CAST(date_trunc('{by}', d.event_date) AS DATE) AS period,
       count(*) FILTER (WHERE d.quad_class = 1) AS verbal_coop,
       count(*) FILTER (WHERE d.quad_class = 2) AS material_coop,
       count(*) FILTER (WHERE d.quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE d.quad_class = 4) AS material_conflict,
       count(*) AS total, avg(d.plover_score) AS mean_score
FROM ({pairs}) d GROUP BY period ORDER BY period
"""
#: The dated propositions with the first code among their actors and the second among their recipients,
#: read from the first code's actor postings.
_PAIR = f"""SELECT p.event_date, p.quad_class, p.plover_score FROM proposition_actors p
    WHERE p.code = ? AND p.role = {ACTOR_ROLE} AND list_contains(p.recipient, ?) AND p.event_date IS NOT NULL"""


def dyad_series_filtered(store: Store, actor: str, recipient: str, where: ApiFilter, by: str = "week",
                         both_directions: bool = False) -> list[dict[str, Any]]:
    """Like :func:`~.queries.dyad_series`, over the propositions that also match ``where`` (statuses,
    verdict, dates, ...): counts by quad class and the mean PLOVER score per period. Reads the actor
    postings of ``actor`` (and, both ways, of ``recipient``, leaving out what the first direction counted,
    so each proposition counts once)."""
    if by not in PERIODS:
        raise InvalidValue("E001", "period", by, PERIODS)
    condition, params = where.where()
    a, r = actor.upper(), recipient.upper()
    pairs, values = f"{_PAIR} AND {condition}", [a, r, *params]
    if both_directions:
        back = f"{_PAIR} AND NOT (list_contains(p.actor, ?) AND list_contains(p.recipient, ?)) AND {condition}"
        pairs, values = f"{pairs} UNION ALL {back}", [*values, r, a, a, r, *params]
    return _rows(store, _DYAD_SERIES.format(by=by, pairs=pairs), values)


def proposition_places(store: Store, where: ApiFilter, cap: int = 20_000) -> list[dict[str, Any]]:
    """What the map needs of (at most ``cap``) matching propositions: ids, date, type, sides, verdict,
    location and its resolved place (``lat``, ``lon``, ``place_name``); no claims."""
    source, params = _matching(where)
    return _rows(store, f"""SELECT p.doc_id, p.idx, p.event_date, p.type, p.actor, p.recipient, p.verdict,
        p.location, p.lat, p.lon, p.place_name FROM {source} {_ORDER} LIMIT ?""",
                 [*params, int(cap)])
