"""Stories across articles: propositions of the same type, with overlapping actors and recipients,
within a date window, are linked into one story that gathers every claim from every article.

Linking is single-linkage: two propositions are in one story when a chain of propositions joins them,
each step sharing the type, an actor code and a recipient code (or both empty), no more than
``window`` days apart. Each story gets corroboration counts (distinct documents, outlets and
claimants) and a corpus-level verdict from all of its claims (see :func:`thucydides.model.verdict_of`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa

from .store.connection import Store

__all__ = ["DEFAULT_WINDOW_DAYS", "components", "link_stories"]

#: Largest gap in days between two linked propositions.
DEFAULT_WINDOW_DAYS = 7


def components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Connected components of ``n`` nodes joined by edges ``u[i]``-``v[i]``: each node's label is the
    smallest node of its component (label propagation with pointer jumping, vectorised)."""
    labels = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(labels[u], labels[v])
        np.minimum.at(labels, u, low)
        np.minimum.at(labels, v, low)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels[u], labels[v]):
            return labels


_NUMBERED = """
CREATE OR REPLACE TEMP TABLE _story_nodes AS
SELECT row_number() OVER (ORDER BY doc_id, idx) - 1 AS k, doc_id, idx, type, actor, recipient,
       datediff('day', DATE '1970-01-01', event_date) AS d
FROM propositions
"""

_BUCKETED = """
SELECT k, coalesce(d, -1) AS d, hash(type, a, r, d IS NULL) AS bucket FROM (
    SELECT k, d, type, a, unnest(CASE WHEN len(recipient) > 0 THEN recipient ELSE [''] END) AS r FROM (
        SELECT k, d, type, recipient, unnest(CASE WHEN len(actor) > 0 THEN actor ELSE [''] END) AS a
        FROM _story_nodes))
ORDER BY bucket, d, k
"""


def _edges(con: Any, window: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of propositions next to each other in one (type, actor, recipient, dated) bucket, sorted by
    date, no more than ``window`` days apart."""
    rows = con.execute(_BUCKETED).fetchnumpy()
    k, d, bucket = (np.asarray(rows[c]) for c in ("k", "d", "bucket"))
    linked = (bucket[1:] == bucket[:-1]) & (d[1:] - d[:-1] <= window)
    return k[:-1][linked].astype(np.int64), k[1:][linked].astype(np.int64)


_MEMBERS = """
INSERT INTO story_members
SELECT substr(sha256(r.type || '|' || r.doc_id || '|' || CAST(r.idx AS VARCHAR)), 1, 16), s.doc_id, s.idx
FROM _story_labels l JOIN _story_nodes s ON s.k = l.k JOIN _story_nodes r ON r.k = l.root
ORDER BY s.doc_id, s.idx
"""


_AGGREGATE = """
INSERT INTO stories
WITH m AS MATERIALIZED (
    SELECT sm.story_id, p.type, p.actor, p.recipient, p.event_date, p.doc_id, p.cameo, p.plover_score,
           p.quad_class, p.location
    FROM story_members sm JOIN propositions p ON p.doc_id = sm.doc_id AND p.idx = sm.prop_idx),
base AS (
    SELECT story_id, any_value(type) AS type, min(event_date) AS first_date, max(event_date) AS last_date,
           count(*) AS n_props, count(DISTINCT doc_id) AS n_docs, mode(cameo) AS cameo,
           avg(plover_score) AS score, mode(quad_class) AS quad, mode(location) AS location
    FROM m GROUP BY story_id),
acts AS (SELECT story_id, list(DISTINCT a ORDER BY a) AS codes
         FROM (SELECT story_id, unnest(actor) AS a FROM m) GROUP BY story_id),
recs AS (SELECT story_id, list(DISTINCT r ORDER BY r) AS codes
         FROM (SELECT story_id, unnest(recipient) AS r FROM m) GROUP BY story_id),
c AS MATERIALIZED (
    SELECT sm.story_id, c.status,
           CASE WHEN len(c.by) > 0 THEN c.by ELSE ['outlet:' || coalesce(c.via, d.outlet, c.doc_id)] END AS who
    FROM story_members sm
    JOIN claims c ON c.doc_id = sm.doc_id AND c.prop_idx = sm.prop_idx
    JOIN documents d ON d.id = c.doc_id),
cs AS (
    SELECT story_id, count(*) AS n_claims, bool_or(status = 'asserted') AS a,
           bool_or(status = 'alleged') AS l, bool_or(status = 'denied') AS d
    FROM c GROUP BY story_id),
claimants AS (SELECT story_id, count(DISTINCT w) AS n
              FROM (SELECT story_id, unnest(who) AS w FROM c) GROUP BY story_id),
docs AS MATERIALIZED (SELECT DISTINCT story_id, doc_id FROM story_members),
outlets AS (SELECT story_id, count(DISTINCT o) AS n FROM (
                SELECT s.story_id, unnest(d.outlets) AS o FROM docs s JOIN documents d ON d.id = s.doc_id)
            GROUP BY story_id),
urls AS (SELECT s.story_id, arg_min(d.url, coalesce(d.published, DATE '9999-12-31')) AS url
         FROM docs s JOIN documents d ON d.id = s.doc_id WHERE d.url IS NOT NULL GROUP BY s.story_id)
SELECT b.story_id, b.type, coalesce(acts.codes, []), coalesce(recs.codes, []), b.first_date, b.last_date,
       b.n_props, b.n_docs, coalesce(cs.n_claims, 0), coalesce(outlets.n, 0), coalesce(claimants.n, 0),
       CASE WHEN cs.d AND (cs.a OR cs.l) THEN 'disputed' WHEN cs.a THEN 'asserted' WHEN cs.l THEN 'alleged'
            WHEN cs.d THEN 'denied' ELSE 'hypothetical' END,
       b.cameo, b.score, b.quad, b.location, urls.url
FROM base b LEFT JOIN acts USING (story_id) LEFT JOIN recs USING (story_id) LEFT JOIN cs USING (story_id)
     LEFT JOIN claimants USING (story_id) LEFT JOIN outlets USING (story_id) LEFT JOIN urls USING (story_id)
"""


def link_stories(store: Store, window: int = DEFAULT_WINDOW_DAYS) -> int:
    """Relink every stored proposition into stories and recompute their counts and verdicts.

    A story's id is derived from its type and its first member (smallest document id and index).

    Returns:
        The number of stories.
    """
    with store.transaction() as con:
        con.execute(_NUMBERED)
        n = int(con.execute("SELECT count(*) FROM _story_nodes").fetchone()[0])  # type: ignore[index]
        labels = components(n, *_edges(con, window))
        con.register("_story_labels", pa.table({"k": np.arange(n, dtype=np.int64), "root": labels}))
        con.execute("DELETE FROM story_members")
        con.execute("DELETE FROM stories")
        con.execute(_MEMBERS)
        con.unregister("_story_labels")
        con.execute("DROP TABLE _story_nodes")
        con.execute(_AGGREGATE)
    return len(np.unique(labels))
