"""Read queries over the store: filtered propositions, disputed stories, dyad time series."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, InvalidValue
from ..model import STATUSES, VERDICTS
from ..plover import EVENT_TYPES, validate_type
from .connection import Store

__all__ = ["DYAD_STATUSES", "PERIODS", "Filter", "actor_code", "disputes", "dyad_series", "escape_like",
           "query_propositions"]

#: Time buckets of :func:`dyad_series`.
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")


#: The largest ``limit`` a query accepts (DuckDB's LIMIT is a 64-bit integer).
MAX_LIMIT = 1_000_000_000


def escape_like(word: str) -> str:
    """``word`` for a LIKE pattern that matches it literally: ``%``, ``_`` and ``\\`` are escaped (the one
    home of this rule: the API's filters use it too)."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Filter:
    """What :func:`query_propositions` and :func:`disputes` select. Every field is optional.

    Attributes:
        actor: an actor code the proposition's actors include.
        recipient: a recipient code its recipients include.
        type: PLOVER event type.
        verdict: corpus-level verdict (of the story the proposition belongs to).
        status: a claim status at least one of its claims has.
        since: first event date included.
        until: last event date included.
        outlet: an outlet that published the document (case-insensitive).
        text: words that must all occur in the evidence of its claims (case-insensitive).
        limit: most rows returned; 0 for all.
        near: ``(lat, lon, km)``: its resolved place lies within ``km`` kilometres of the point.
        country: ISO alpha-3 code of the state its resolved place belongs to.
        mode: PLOVER mode of the type (``--mode``; needs ``type``).
    """

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    verdict: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None
    text: str | None = None
    limit: int = 100
    near: tuple[float, float, float] | None = None
    country: str | None = None
    mode: str | None = None

    def check(self) -> None:
        """Raise InvalidValue (E001) for a type, verdict or status that does not exist."""
        if self.type is not None and self.type.upper() not in EVENT_TYPES:
            raise InvalidValue("E001", "PLOVER event type", self.type, EVENT_TYPES)
        if self.mode is not None:
            if self.type is None:
                raise InvalidValue("E001", "mode (give --type too)", self.mode, EVENT_TYPES)
            validate_type(self.type.upper(), self.mode)
        if self.verdict is not None and self.verdict not in VERDICTS:
            raise InvalidValue("E001", "verdict", self.verdict, VERDICTS)
        if self.status is not None and self.status not in STATUSES:
            raise InvalidValue("E001", "status", self.status, STATUSES)
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
                raise InvalidValue("E001", "--near/--km", f"{lat},{lon} {km} km",
                                   ("LAT in -90..90", "LON in -180..180", "KM >= 0"))
        if not 0 <= self.limit <= MAX_LIMIT:
            raise InputError("E001", f"invalid limit {self.limit}; give 0 (no limit) up to {MAX_LIMIT:,}")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over propositions ``p`` and its parameters."""
        self.check()
        parts: list[tuple[str, Any]] = [
            ("list_contains(p.actor, ?)", self.actor), ("list_contains(p.recipient, ?)", self.recipient),
            ("p.type = ?", self.type.upper() if self.type else None), ("p.event_date >= ?", self.since),
            ("p.event_date <= ?", self.until), ("p.mode = ?", self.mode)]
        conditions = [sql for sql, value in parts if value is not None]
        params = [value for _, value in parts if value is not None]
        if self.status:
            conditions.append("list_contains(p.statuses, ?)")
            params.append(self.status)
        if self.country:
            conditions.append("p.place_country = ?")
            params.append(self.country.upper())
        if self.near is not None:
            lat, lon, km = self.near
            conditions.append(f"p.lat IS NOT NULL AND {_HAVERSINE} <= ?")
            params.extend([lat, lat, lon, km])
        for word in (self.text or "").split():
            conditions.append("p.evidence ILIKE ? ESCAPE '\\'")
            params.append(f"%{escape_like(word)}%")
        if self.outlet:
            conditions.append("p.doc_id IN (SELECT id FROM documents WHERE "
                              "list_contains(list_transform(outlets, lambda x: lower(x)), ?))")
            params.append(self.outlet.lower())
        if self.verdict:
            conditions.append("p.story_verdict = ?")  # the story's verdict, copied onto the row by relinking
            params.append(self.verdict)
        return (" AND ".join(conditions) or "TRUE"), params

#: Great-circle distance in km from the proposition's place to the point given by the next two parameters
#: (latitude, longitude), as :func:`thucydides.places.geo.haversine_km` computes it.
_HAVERSINE = ("(2 * 6371.0088 * asin(sqrt(least(1, pow(sin(radians(? - p.lat) / 2), 2) + cos(radians(p.lat))"
              " * cos(radians(?)) * pow(sin(radians(? - p.lon) / 2), 2)))))")

_HITS = """
SELECT p.event_date, p.type, p.mode, p.actor, p.recipient, p.verdict, p.cameo, p.plover_score, p.location,
       p.place_id, p.place_country, p.lat, p.lon, p.doc_id, p.idx
FROM propositions p WHERE {where}
ORDER BY p.event_date NULLS LAST, p.doc_id, p.idx {limit}
"""

_HIT_CLAIMS = """
SELECT doc_id, prop_idx,
       list({'status': status, 'by': "by", 'via': via, 'evidence': evidence} ORDER BY idx) AS claims
FROM claims WHERE doc_id IN (SELECT unnest($1)) GROUP BY doc_id, prop_idx
"""
_HIT_MEMBERS = "SELECT doc_id, prop_idx, story_id FROM story_members WHERE doc_id IN (SELECT unnest($1))"
_HIT_STORIES = """SELECT id, verdict AS story_verdict, n_outlets, n_claimants FROM stories
                  WHERE id IN (SELECT unnest($1))"""
_HIT_DOCS = "SELECT id, outlets, url, published FROM documents WHERE id IN (SELECT unnest($1))"


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.execute(sql, params)
    names = [c[0] for c in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def query_propositions(store: Store, where: Filter | None = None) -> list[dict[str, Any]]:
    """Stored propositions matching ``where``, by event date, each with its claims and its story.

    The matching propositions are found in one scan of ``propositions``; their claims, stories and
    documents are then fetched by id, so the cost does not grow with the size of the other tables.

    Raises:
        InvalidValue: (E001) unknown verdict or status.
    """
    f = where or Filter()
    condition, params = f.where()
    limit = f"LIMIT {int(f.limit)}" if f.limit > 0 else ""
    hits = _rows(store, _HITS.format(where=condition, limit=limit), params)
    doc_ids = sorted({h["doc_id"] for h in hits})
    claims = {(r["doc_id"], r["prop_idx"]): r["claims"] for r in _rows(store, _HIT_CLAIMS, [doc_ids])}
    members = {(r["doc_id"], r["prop_idx"]): r["story_id"] for r in _rows(store, _HIT_MEMBERS, [doc_ids])}
    stories = {r.pop("id"): r for r in _rows(store, _HIT_STORIES, [sorted(set(members.values()))])}
    docs = {r.pop("id"): r for r in _rows(store, _HIT_DOCS, [doc_ids])}
    sectors = {(r["doc_id"], r["code"]): r["label"] for r in _rows(store, _HIT_SECTORS, [doc_ids])}
    empty_story = {"story_verdict": None, "n_outlets": None, "n_claimants": None}
    for hit in hits:
        key = (hit["doc_id"], hit["idx"])
        story = members.get(key)
        hit.update(story=story, claims=claims.get(key, []), **stories.get(story or "", empty_story),
                   **docs[hit["doc_id"]])
        for role in ("actor", "recipient"):
            hit[f"{role}_label"] = [sectors.get((hit["doc_id"], c)) or c for c in hit[role] or []]
    return hits


#: Per document and code, a label with the sector when every mention of the code is a non-state actor of
#: one sector ("LBN/REB Hezbollah" rather than "LBN", which reads as the Lebanese state).
_HIT_SECTORS = """
SELECT doc_id, code,
       code || '/' || any_value(sector) || CASE WHEN any_value(kind) = 'group' THEN ' ' || mode(name) ELSE '' END
       AS label
FROM actor_mentions WHERE doc_id IN (SELECT unnest($1)) AND code IS NOT NULL
GROUP BY doc_id, code
HAVING NOT bool_or(kind = 'state' OR sector IS NULL) AND count(DISTINCT sector) = 1
"""


_DISPUTE_CLAIMS = """
SELECT sm.story_id, CASE WHEN c.status = 'denied' THEN 'denies'
                         WHEN c.status = 'hypothetical' THEN 'foresees' ELSE 'affirms' END AS side,
       c.status, c.by, c.via, c.speaker, c.evidence, d.outlet, d.published, d.url, c.doc_id
FROM story_members sm
JOIN claims c ON c.doc_id = sm.doc_id AND c.prop_idx = sm.prop_idx
JOIN documents d ON d.id = c.doc_id
WHERE sm.story_id IN (SELECT unnest(?))
ORDER BY sm.story_id, side, d.published NULLS LAST, c.doc_id, c.prop_idx, c.idx
"""


def disputes(store: Store, where: Filter | None = None) -> list[dict[str, Any]]:
    """Contested stories (verdict ``disputed``) with each side's claims and sources.

    Returns:
        One dict per story (``id``, ``type``, ``actor``, ``recipient``, dates, counts) with ``claims``:
        each claim's ``side`` (``affirms``, ``denies``, ``foresees``), status, claimant, outlet and evidence.
    """
    base = where or Filter()
    f = Filter(base.actor, base.recipient, base.type, "disputed", base.status, base.since, base.until,
               base.outlet, base.text, 0)
    condition, params = f.where()
    limit = f" LIMIT {int(base.limit)}" if base.limit > 0 else ""
    story_ids = _rows(store, f"""
        SELECT DISTINCT sm.story_id FROM story_members sm
        JOIN propositions p ON p.doc_id = sm.doc_id AND p.idx = sm.prop_idx WHERE {condition}""", params)
    stories = _rows(store, f"""
        SELECT * FROM stories WHERE verdict = 'disputed' AND id IN (SELECT unnest($1))
        ORDER BY first_date NULLS LAST, id{limit}""", [[r["story_id"] for r in story_ids]])
    claims = _rows(store, _DISPUTE_CLAIMS, [[s["id"] for s in stories]])
    by_story: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_story.setdefault(claim.pop("story_id"), []).append(claim)
    for story in stories:
        story["claims"] = by_story.get(story["id"], [])
    return stories


#: What ``dyad`` counts by default: what the record asserts or alleges (not hypothetical or denied events).
DYAD_STATUSES: tuple[str, ...] = ("asserted", "alleged")
_STEPS = {"day": "1 day", "week": "7 days", "month": "1 month", "quarter": "3 months", "year": "1 year"}


def dyad_series(store: Store, actor: str, recipient: str, by: str = "week", both_directions: bool = False,
                statuses: Sequence[str] = DYAD_STATUSES) -> list[dict[str, Any]]:
    """Counts of propositions by quad class and the mean PLOVER score, per period, for one dyad.

    Args:
        actor: code of the acting side (``RUS``).
        recipient: code of the side acted upon (``CHN``).
        by: ``day``, ``week`` (starting Monday), ``month``, ``quarter`` or ``year``.
        both_directions: also count propositions from ``recipient`` to ``actor``.
        statuses: count a proposition when one of its claims has one of these statuses.

    Returns:
        Rows ``period`` (first day), ``verbal_coop``, ``material_coop``, ``verbal_conflict``,
        ``material_conflict``, ``total``, ``mean_score`` (None when no proposition had a score), one for
        every period from the first to the last, empty periods with zero counts.
    """
    if by not in PERIODS:
        raise InvalidValue("E001", "period", by, PERIODS)
    for status in statuses:
        if status not in STATUSES:
            raise InvalidValue("E001", "status", status, STATUSES)
    dyad = "(list_contains(actor, $1) AND list_contains(recipient, $2))"
    if both_directions:
        dyad = f"({dyad} OR (list_contains(actor, $2) AND list_contains(recipient, $1)))"
    sql = f"""
        WITH hits AS (
            SELECT CAST(date_trunc('{by}', event_date) AS DATE) AS period, quad_class, plover_score
            FROM propositions
            WHERE event_date IS NOT NULL AND {dyad} AND len(list_intersect(statuses, $3)) > 0),
        span AS (
            SELECT CAST(unnest(generate_series(CAST(min(period) AS TIMESTAMP), CAST(max(period) AS TIMESTAMP),
                                               INTERVAL '{_STEPS[by]}')) AS DATE) AS period
            FROM hits HAVING count(*) > 0)
        SELECT s.period,
               count(h.period) FILTER (WHERE h.quad_class = 1) AS verbal_coop,
               count(h.period) FILTER (WHERE h.quad_class = 2) AS material_coop,
               count(h.period) FILTER (WHERE h.quad_class = 3) AS verbal_conflict,
               count(h.period) FILTER (WHERE h.quad_class = 4) AS material_conflict,
               count(h.period) AS total, avg(h.plover_score) AS mean_score
        FROM span s LEFT JOIN hits h ON h.period = s.period
        GROUP BY s.period ORDER BY s.period"""
    return _rows(store, sql, [actor.upper(), recipient.upper(), list(statuses)])


def _known_codes(store: Store) -> list[str]:
    rows = store.execute("SELECT DISTINCT c FROM (SELECT unnest(actor) AS c FROM propositions UNION ALL "
                         "SELECT unnest(recipient) FROM propositions) WHERE c IS NOT NULL ORDER BY c").fetchall()
    return [str(r[0]) for r in rows]


def actor_code(store: Store, text: str, what: str = "actor") -> tuple[str, str]:
    """The actor code ``text`` means, with a note when it was given as a name: a code in the store as is,
    else the code :func:`thucydides.resolve_actor` gives the name ("Russia" -> RUS).

    Raises:
        InvalidValue: (E001) ``text`` is neither, listing the closest codes in the store.
    """
    import difflib

    from ..stages.actors import resolve_actor

    known = _known_codes(store)
    if text.upper() in known:
        return text.upper(), ""
    actor = resolve_actor(text)
    if actor is not None and actor.code:
        return actor.code, f"{what} {text!r} read as {actor.code} ({actor.name or actor.code})"
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 5:
        return text, f"no proposition in the store names {what} {text}"
    close = difflib.get_close_matches(text.upper(), known, n=5, cutoff=0.5)
    raise InvalidValue("E001", f"{what} (a code or a name)", text, close or known[:20])
