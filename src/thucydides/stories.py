"""Stories across articles: propositions of the same type, with overlapping actors and recipients,
within a date window, are linked into one story that gathers every claim from every article.

Linking is single-linkage: two propositions are in one story when a chain of propositions joins them,
each step sharing the type, an actor code and a recipient code (or both empty), no more than
``window`` days apart. Each story gets corroboration counts (distinct documents, outlets and
claimants) and a corpus-level verdict from all of its claims (see :func:`thucydides.model.verdict_of`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections import defaultdict
from collections.abc import Sequence

import pyarrow as pa

from .store.connection import Store

__all__ = ["DEFAULT_WINDOW_DAYS", "link_stories", "story_groups"]

#: Largest gap in days between two linked propositions.
DEFAULT_WINDOW_DAYS = 7

Row = tuple[str, int, str, Sequence[str] | None, Sequence[str] | None, dt.date | None]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _buckets(rows: Sequence[Row]) -> dict[tuple[str, str, str], list[tuple[int, int]]]:
    buckets: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for k, (_, _, ptype, actor, recipient, day) in enumerate(rows):
        ordinal = day.toordinal() if day is not None else -1
        for a in actor or ("",):
            for r in recipient or ("",):
                buckets[(ptype, a, r)].append((ordinal, k))
    return buckets


def story_groups(rows: Sequence[Row], window: int = DEFAULT_WINDOW_DAYS) -> list[list[int]]:
    """Group propositions into stories.

    Args:
        rows: ``(doc_id, idx, type, actor codes, recipient codes, event date)`` per proposition.
        window: largest gap in days between linked propositions; undated ones link with each other.

    Returns:
        Lists of row indexes, one per story, each sorted, in order of their first row.
    """
    uf = _UnionFind(len(rows))
    for members in _buckets(rows).values():
        members.sort()
        for (d1, k1), (d2, k2) in itertools.pairwise(members):
            if (d1 < 0) == (d2 < 0) and d2 - d1 <= window:
                uf.union(k1, k2)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(rows)):
        groups[uf.find(k)].append(k)
    return sorted(groups.values(), key=lambda g: g[0])


def _story_id(rows: Sequence[Row], group: list[int]) -> str:
    first = min((rows[k][0], rows[k][1]) for k in group)
    return hashlib.sha256(f"{rows[group[0]][2]}|{first[0]}|{first[1]}".encode()).hexdigest()[:16]


_AGGREGATE = """
INSERT INTO stories
WITH m AS (
    SELECT sm.story_id, p.* FROM story_members sm
    JOIN propositions p ON p.doc_id = sm.doc_id AND p.idx = sm.prop_idx),
c AS (
    SELECT sm.story_id, c.status, c.doc_id,
           CASE WHEN len(c.by) > 0 THEN c.by
                ELSE ['outlet:' || coalesce(c.via, d.outlet, c.doc_id)] END AS claimants
    FROM story_members sm
    JOIN claims c ON c.doc_id = sm.doc_id AND c.prop_idx = sm.prop_idx
    JOIN documents d ON d.id = c.doc_id),
cs AS (
    SELECT story_id, count(*) AS n_claims,
           count(DISTINCT t.who) AS n_claimants,
           bool_or(status = 'asserted') AS a, bool_or(status = 'alleged') AS l,
           bool_or(status = 'denied') AS d
    FROM c, unnest(claimants) AS t(who) GROUP BY story_id),
o AS (
    SELECT story_id, count(DISTINCT t.o) AS n_outlets FROM (
        SELECT DISTINCT sm.story_id, sm.doc_id FROM story_members sm) s
    JOIN documents d ON d.id = s.doc_id, unnest(d.outlets) AS t(o) GROUP BY story_id),
u AS (
    SELECT s.story_id, arg_min(d.url, coalesce(d.published, DATE '9999-12-31')) AS url FROM (
        SELECT DISTINCT story_id, doc_id FROM story_members) s
    JOIN documents d ON d.id = s.doc_id WHERE d.url IS NOT NULL GROUP BY s.story_id)
SELECT m.story_id, any_value(m.type), list_sort(list_distinct(flatten(list(m.actor)))),
       list_sort(list_distinct(flatten(list(m.recipient)))), min(m.event_date), max(m.event_date),
       count(*), count(DISTINCT m.doc_id), coalesce(any_value(cs.n_claims), 0),
       coalesce(any_value(o.n_outlets), 0), coalesce(any_value(cs.n_claimants), 0),
       CASE WHEN any_value(cs.d) AND (any_value(cs.a) OR any_value(cs.l)) THEN 'disputed'
            WHEN any_value(cs.a) THEN 'asserted' WHEN any_value(cs.l) THEN 'alleged'
            WHEN any_value(cs.d) THEN 'denied' ELSE 'hypothetical' END,
       mode(m.cameo), avg(m.plover_score), mode(m.quad_class), mode(m.location), any_value(u.url)
FROM m LEFT JOIN cs USING (story_id) LEFT JOIN o USING (story_id) LEFT JOIN u USING (story_id)
GROUP BY m.story_id
"""


def link_stories(store: Store, window: int = DEFAULT_WINDOW_DAYS) -> int:
    """Relink every stored proposition into stories and recompute their counts and verdicts.

    Returns:
        The number of stories.
    """
    rows: list[Row] = store.execute(
        "SELECT doc_id, idx, type, actor, recipient, event_date FROM propositions").fetchall()
    groups = story_groups(rows, window)
    story, doc, idx = [], [], []
    for group in groups:
        sid = _story_id(rows, group)
        for k in group:
            story.append(sid)
            doc.append(rows[k][0])
            idx.append(rows[k][1])
    members = pa.table({"story_id": pa.array(story, pa.string()), "doc_id": pa.array(doc, pa.string()),
                        "prop_idx": pa.array(idx, pa.int32())})
    with store.transaction() as con:
        con.execute("DELETE FROM story_members")
        con.execute("DELETE FROM stories")
        con.register("_members", members)
        con.execute("INSERT INTO story_members SELECT story_id, doc_id, prop_idx FROM _members")
        con.unregister("_members")
        con.execute(_AGGREGATE)
    return len(groups)
