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
       datediff('day', DATE '1970-01-01', event_date) AS d, event_date, cameo, plover_score, quad_class,
       location
FROM propositions
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
        for statement in (_ROOTED, _IDS, "DELETE FROM story_members", "DELETE FROM stories", _MEMBERS,
                          _AGGREGATE, "DROP TABLE _story_nodes", "DROP TABLE _story_ids"):
            con.execute(statement)
        con.unregister("_story_labels")
    return len(np.unique(labels))
