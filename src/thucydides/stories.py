"""Stories across articles: the propositions that report one event, gathered with every claim about it.

A story is one event (or one claim about one event) reported by several sources, not a dyad and a type.
Two propositions are linked when they share the type, their actor codes and their recipient codes do
not disagree (they share a code, or one side names none: "the country's invasion of Ukraine" has no actor
code; a proposition with no codes at all links only with another such), and

* their dates agree: the same day when both texts give the day, else no more than ``window`` days apart, or
  up to ``2 * window + 1`` days for a later report of one event: both name the same actor and recipient and
  their evidence is closer, halfway from ``similarity`` to identical (undated propositions link only with
  undated ones);
* their places do not differ (both named and different keeps them apart);
* they read as one event: the same named place on the same day, or evidence sentences similar enough (paraphrases across
  outlets): a content-word overlap (Jaccard) of at least ``similarity``, words reduced to a common stem
  ("invading" / "invasion", :mod:`thucydides.story_text`), or with ``embedder=True`` the cosine
  of their MiniLM sentence embeddings (use ``similarity=0.7``; about 60 times slower to relink, as every
  sentence is embedded; see docs/store.md).

Links are joined strongest first into stories, and two groups are joined only if every pair across them could
be one event (:mod:`thucydides.story_merge`: codes, resolved places and the days the texts give agree), so
that a chain of links does not join distinct events. Each story gets corroboration counts (distinct documents,
outlets and claimants) and a corpus-level verdict from all of its claims (see
:func:`thucydides.model.verdict_of`); a denial thus disputes only the story of the event it denies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from .errors import ModelNotFound
from .store.connection import Store
from .store.derived import attach_stories
from .story_merge import Node, Place, merge
from .story_text import overlap

__all__ = ["DEFAULT_SIMILARITY", "DEFAULT_WINDOW_DAYS", "link_stories", "similarities", "unlinked"]

#: Largest gap in days between two linked propositions when at least one text does not give the day.
DEFAULT_WINDOW_DAYS = 3
#: Smallest similarity (content-word overlap) of two evidence sentences that read as one event.
DEFAULT_SIMILARITY = 0.25
#: Propositions whose texts do not give the day may be up to ``WIDE_FACTOR * window + 1`` days apart (a
#: later report of the same event) when they name the same actor and recipient and their evidence is
#: closer than ``similarity``: halfway from it to identical.
WIDE_FACTOR = 2


_NUMBERED = """
CREATE OR REPLACE TEMP TABLE _story_nodes AS
SELECT row_number() OVER (ORDER BY p.doc_id, p.idx) - 1 AS k, p.doc_id, p.idx, p.type, p.actor, p.recipient,
       datediff('day', DATE '1970-01-01', p.event_date) AS d, p.event_date, p.cameo, p.plover_score,
       p.quad_class, p.location, lower(trim(p.location)) AS place,
       coalesce(p.date_precision = 'day' AND p.date IS NOT NULL, false) AS own_day,
       coalesce((SELECT arg_min(coalesce(nullif(c.evidence, ''), c.sentence), c.idx) FROM claims c
                 WHERE c.doc_id = p.doc_id AND c.prop_idx = p.idx), '') AS text
FROM propositions p
"""

#: The resolved place of each proposition's location when it lies below the state (a city, a region, a
#: facility): the place the extractor gave the event. Other places of its evidence are not used: a
#: background reference ("will take part in the contest in Turin despite invading Ukraine") shares its
#: sentence with the places of another event.
_PLACES = """
SELECT n.k, p.place_id, p.place_kind, coalesce(p.place_admin1, '') FROM _story_nodes n
JOIN propositions p ON p.doc_id = n.doc_id AND p.idx = n.idx
WHERE p.place_id IS NOT NULL AND coalesce(p.place_kind, '') NOT IN ('', 'country', 'continent', 'sea', 'ocean')
ORDER BY n.k
"""

_ROOTED = """
CREATE OR REPLACE TEMP TABLE _story_nodes AS
SELECT n.*, l.root FROM _story_nodes n JOIN _story_labels l ON l.k = n.k
"""

_IDS = """
CREATE OR REPLACE TEMP TABLE _story_ids AS
SELECT root, substr(sha256(type || '|' || doc_id || '|' || CAST(idx AS VARCHAR)), 1, 16) AS id
FROM _story_nodes WHERE k = root
"""

_CANDIDATES = """
SELECT x.k AS u, y.k AS v, coalesce(x.place = y.place AND x.d = y.d, false) AS same_place,
       abs(coalesce(y.d, 0) - coalesce(x.d, 0)) AS gap,
       len(list_intersect(x.actor, y.actor)) > 0 AND len(list_intersect(x.recipient, y.recipient)) > 0 AS dyad
FROM _story_nodes x JOIN _story_nodes y
  ON x.type = y.type AND x.k < y.k AND coalesce(y.d, 0) BETWEEN coalesce(x.d, 0) - $wide AND coalesce(x.d, 0) + $wide
WHERE (x.d IS NULL) = (y.d IS NULL)
  AND (NOT (x.own_day AND y.own_day) OR x.d = y.d)
  AND (len(x.actor) = 0 OR len(y.actor) = 0 OR len(list_intersect(x.actor, y.actor)) > 0)
  AND (len(x.recipient) = 0 OR len(y.recipient) = 0 OR len(list_intersect(x.recipient, y.recipient)) > 0)
  AND (len(x.actor) + len(x.recipient) > 0) = (len(y.actor) + len(y.recipient) > 0)
  AND (x.place IS NULL OR y.place IS NULL OR x.place = y.place)
ORDER BY u, v
"""


def similarities(texts: Sequence[str], u: np.ndarray, v: np.ndarray,
                 embedder: bool = False) -> npt.NDArray[np.float64]:
    """Similarity of ``texts[u[i]]`` and ``texts[v[i]]`` for each pair: the overlap of their content stems,
    or with ``embedder`` the cosine of their MiniLM sentence embeddings (the overlap again when the
    embedding model is not installed)."""
    if len(u) == 0:
        return np.zeros(0)
    if not embedder:
        return np.array([overlap(texts[i], texts[j]) for i, j in zip(u, v, strict=True)])
    used = np.unique(np.concatenate([u, v]))
    try:
        from .classifier.embed import get_embedder

        vectors = get_embedder().embed([texts[i] for i in used])
    except (ImportError, ModelNotFound):
        return np.array([overlap(texts[i], texts[j]) for i, j in zip(u, v, strict=True)])
    row = np.searchsorted(used, u), np.searchsorted(used, v)
    return np.asarray((vectors[row[0]] * vectors[row[1]]).sum(axis=1), dtype=np.float64)


def _edges(con: Any, window: int, similarity: float,
           embedder: bool) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Pairs of propositions that report one event (see the module docstring), with their similarity."""
    pairs = con.execute(_CANDIDATES, {"wide": WIDE_FACTOR * window + 1}).fetchnumpy()
    u, v = (np.asarray(pairs[c], dtype=np.int64) for c in ("u", "v"))
    same_place = np.asarray(pairs["same_place"], dtype=bool)
    near = np.asarray(pairs["gap"], dtype=np.int64) <= window
    texts = [str(t) for t, in con.execute("SELECT text FROM _story_nodes ORDER BY k").fetchall()]
    sims = similarities(texts, u, v, embedder)
    later = ~near & np.asarray(pairs["dyad"], dtype=bool) & (sims >= (1.0 + similarity) / 2)
    linked = later | (near & (same_place | (sims >= similarity)))
    return u[linked], v[linked], sims[linked]


def _nodes(con: Any) -> list[Node]:
    """What :func:`~.story_merge.merge` checks of each proposition, in node order."""
    places: dict[int, set[Place]] = {}
    for k, pid, kind, admin1 in con.execute(_PLACES).fetchall():
        places.setdefault(int(k), set()).add((str(pid), str(kind), str(admin1)))
    rows = con.execute("SELECT k, actor, recipient, d, own_day FROM _story_nodes ORDER BY k").fetchall()
    return [Node(frozenset(actor or ()), frozenset(recipient or ()), frozenset(places.get(int(k), ())),
                 None if d is None else int(d), bool(own_day)) for k, actor, recipient, d, own_day in rows]


_MEMBERS = """
INSERT INTO story_members
SELECT i.id, n.doc_id, n.idx FROM _story_nodes n JOIN _story_ids i ON i.root = n.root ORDER BY n.k
"""

_AGGREGATE = """
INSERT INTO stories
WITH base AS (
    SELECT root, any_value(type) AS type, min(event_date) AS first_date, max(event_date) AS last_date,
           count(*) AS n_props, mode(cameo) AS cameo, avg(plover_score) AS score, mode(quad_class) AS quad,
           mode(location) AS location
    FROM _story_nodes GROUP BY root),
acts AS (SELECT root, list(DISTINCT a ORDER BY a) AS codes
         FROM (SELECT root, unnest(actor) AS a FROM _story_nodes) GROUP BY root),
recs AS (SELECT root, list(DISTINCT r ORDER BY r) AS codes
         FROM (SELECT root, unnest(recipient) AS r FROM _story_nodes) GROUP BY root),
docs AS MATERIALIZED (SELECT DISTINCT root, doc_id FROM _story_nodes),
ndocs AS (SELECT root, count(*) AS n FROM docs GROUP BY root),
c AS MATERIALIZED (
    SELECT n.root, c.status,
           CASE WHEN len(c.by) > 0 THEN c.by ELSE ['outlet:' || coalesce(c.via, d.outlet, c.doc_id)] END AS who
    FROM claims c
    JOIN _story_nodes n ON n.doc_id = c.doc_id AND n.idx = c.prop_idx
    JOIN documents d ON d.id = c.doc_id),
cs AS (
    SELECT root, count(*) AS n_claims, bool_or(status = 'asserted') AS a,
           bool_or(status = 'alleged') AS l, bool_or(status = 'denied') AS d
    FROM c GROUP BY root),
claimants AS (SELECT root, count(DISTINCT w) AS n FROM (SELECT root, unnest(who) AS w FROM c) GROUP BY root),
outlets AS (SELECT root, count(DISTINCT o) AS n FROM (
                SELECT s.root, unnest(d.outlets) AS o FROM docs s JOIN documents d ON d.id = s.doc_id)
            GROUP BY root),
urls AS (SELECT s.root, arg_min(d.url, coalesce(d.published, DATE '9999-12-31')) AS url
         FROM docs s JOIN documents d ON d.id = s.doc_id WHERE d.url IS NOT NULL GROUP BY s.root)
SELECT i.id, b.type, coalesce(acts.codes, []), coalesce(recs.codes, []), b.first_date, b.last_date,
       b.n_props, ndocs.n, coalesce(cs.n_claims, 0), coalesce(outlets.n, 0), coalesce(claimants.n, 0),
       CASE WHEN cs.d AND (cs.a OR cs.l) THEN 'disputed' WHEN cs.a THEN 'asserted' WHEN cs.l THEN 'alleged'
            WHEN cs.d THEN 'denied' ELSE 'hypothetical' END,
       b.cameo, b.score, b.quad, b.location, urls.url
FROM base b JOIN _story_ids i USING (root) JOIN ndocs USING (root) LEFT JOIN acts USING (root)
     LEFT JOIN recs USING (root) LEFT JOIN cs USING (root) LEFT JOIN claimants USING (root)
     LEFT JOIN outlets USING (root) LEFT JOIN urls USING (root)
ORDER BY i.id
"""


def unlinked(store: Store) -> bool:
    """Whether stored propositions are missing from the stories: a run was killed after its last write and
    before relinking, so the next run must finish the linking even when it adds nothing."""
    row = store.execute("""SELECT EXISTS (SELECT 1 FROM propositions p WHERE NOT EXISTS (
                               SELECT 1 FROM story_members m WHERE m.doc_id = p.doc_id AND m.prop_idx = p.idx))
                        """).fetchone()
    return bool(row and row[0])


def link_stories(store: Store, window: int = DEFAULT_WINDOW_DAYS, similarity: float = DEFAULT_SIMILARITY,
                 embedder: bool = False) -> int:
    """Relink every stored proposition into stories and recompute their counts and verdicts.

    Args:
        store: the store to relink.
        window: largest gap in days when a text does not give the day (see the module docstring).
        similarity: smallest similarity of evidence sentences that links two propositions.
        embedder: compare evidence sentences by their MiniLM embeddings instead of their words.

    A story's id is derived from its type and its first member (smallest document id and index).

    Returns:
        The number of stories.
    """
    with store.transaction() as con:
        con.execute(_NUMBERED)
        n = int(con.execute("SELECT count(*) FROM _story_nodes").fetchone()[0])  # type: ignore[index]
        labels = merge(_nodes(con), *_edges(con, window, similarity, embedder))
        con.register("_story_labels", pa.table({"k": np.arange(n, dtype=np.int64), "root": labels}))
        for statement in (_ROOTED, _IDS, "DELETE FROM story_members", "DELETE FROM stories", _MEMBERS,
                          _AGGREGATE, "DROP TABLE _story_nodes", "DROP TABLE _story_ids"):
            con.execute(statement)
        con.unregister("_story_labels")
        attach_stories(con)
    return len(np.unique(labels))
