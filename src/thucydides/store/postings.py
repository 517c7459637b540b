"""The actor postings: ``proposition_actors``, one row per proposition and distinct actor code it has as an
actor (``role`` 0) or as a recipient (``role`` 1), carrying the proposition's columns that pages, filters and
dyad series read, and stored sorted by ``code``, ``role``, then the API's order (event date, document, index).

A filter on an actor (or a recipient) then reads one code's rows instead of every proposition: DuckDB skips
the row groups of the other codes by their min/max, and the same ``WHERE`` as over ``propositions`` applies,
so the answer is the same rows. Writes keep the table (``writes.write_documents`` posts the rows it inserts
and deletes those of a document it replaces; :func:`attach_stories` of every relinking copies the story
columns), :func:`rebuild_actor_postings` rewrites it in order after a bulk load, migration 6 builds it
for stores written before, and migration 7 stores its ``doc_id`` uncompressed (:data:`UNCOMPRESSED_COLUMNS`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["ACTOR_ROLE", "POSTED_COLUMNS", "RECIPIENT_ROLE", "UNCOMPRESSED_COLUMNS", "create_actor_postings",
           "post_actors", "postings_select", "rebuild_actor_postings", "recreate_uncompressed", "sync_posted_stories"]

#: ``role`` of a posting for an actor of the proposition, and for a recipient of it.
ACTOR_ROLE, RECIPIENT_ROLE = 0, 1

#: The proposition columns a posting carries: every column a page of propositions, a map point, a dyad
#: series or a filter of :class:`~.api_queries.ApiFilter` reads (not the provenance or the place's id).
POSTED_COLUMNS: tuple[str, ...] = (
    "doc_id", "idx", "id", "type", "mode", "actor", "recipient", "date", "event_date", "location", "cameo",
    "plover_score", "quad_class", "verdict", "published", "outlet", "start", "end", "statuses", "evidence",
    "place_name", "place_country", "lat", "lon", "status_mask", "country", "claim_list", "story",
    "story_verdict", "story_outlets", "story_claimants")

#: The story columns relinking sets on propositions, and so on their postings.
STORY_COLUMNS: tuple[str, ...] = ("story", "story_verdict", "story_outlets", "story_claimants")

_COLUMNS = ", ".join(f'"{c}"' for c in POSTED_COLUMNS)
_ORDER = "ORDER BY code, role, event_date NULLS LAST, doc_id, idx"


def postings_select(source: str) -> str:
    """The postings of the propositions in the table or view ``source`` (a fixed name), as a ``SELECT``."""
    return f"""SELECT code, role, {_COLUMNS} FROM (
        SELECT unnest(list_distinct(actor)) AS code, CAST({ACTOR_ROLE} AS UTINYINT) AS role, * FROM {source}
        UNION ALL
        SELECT unnest(list_distinct(recipient)), CAST({RECIPIENT_ROLE} AS UTINYINT), * FROM {source})
    WHERE code IS NOT NULL"""


def create_actor_postings(con: Any) -> None:
    """Create ``proposition_actors`` from the stored propositions, in its order (migration 6)."""
    con.execute(f"CREATE TABLE proposition_actors AS {postings_select('propositions')} {_ORDER}")


#: Columns of ``proposition_actors`` stored without compression (schema version 7): ``doc_id`` is in every
#: sort key and page, and reading a few of its values out of DuckDB's dictionary-and-FSST compression of
#: distinct ids decodes far more of the segment than the rows asked for (on the 1M store, 50 ids of a page
#: cost 2.2 ms of CPU compressed and 0.6 ms not; about 10 MB more data).
UNCOMPRESSED_COLUMNS: tuple[str, ...] = ("doc_id",)


def recreate_uncompressed(con: Any) -> None:
    """Rewrite ``proposition_actors`` with :data:`UNCOMPRESSED_COLUMNS` stored uncompressed, in its order
    (migration 7; later inserts keep the column's setting)."""
    columns = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
                          "'proposition_actors' AND table_schema = current_schema() ORDER BY ordinal_position").fetchall()
    defs = ", ".join(f'"{name}" {kind}' + (" USING COMPRESSION uncompressed" if name in UNCOMPRESSED_COLUMNS else "")
                     for name, kind in columns)
    con.execute(f"CREATE TABLE proposition_actors_v7 ({defs})")
    con.execute(f"INSERT INTO proposition_actors_v7 SELECT * FROM proposition_actors {_ORDER}")
    con.execute("DROP TABLE proposition_actors")
    con.execute("ALTER TABLE proposition_actors_v7 RENAME TO proposition_actors")


def post_actors(con: Any, source: str) -> None:
    """Add the postings of the propositions in the registered table ``source`` (rows just inserted into
    ``propositions``, with the same columns); their old postings must be deleted first."""
    con.execute(f"INSERT INTO proposition_actors {postings_select(source)} {_ORDER}")


def rebuild_actor_postings(con: Any) -> None:
    """Rewrite ``proposition_actors`` from ``propositions``, sorted (after a bulk load or edit)."""
    con.execute("DELETE FROM proposition_actors")
    con.execute(f"INSERT INTO proposition_actors {postings_select('propositions')} {_ORDER}")


def _has_postings(con: Any) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'proposition_actors' "
                      "AND table_schema = current_schema() AND table_type = 'BASE TABLE'").fetchone()
    return bool(row and row[0])


def sync_posted_stories(con: Any) -> None:
    """Copy the story columns of every proposition onto its postings (after a relinking set them; nothing
    when the store has no postings table, as before migration 6 or over a Parquet archive)."""
    if not _has_postings(con):
        return
    cleared = ", ".join(f"{c} = NULL" for c in STORY_COLUMNS)
    copied = ", ".join(f"{c} = p.{c}" for c in STORY_COLUMNS)
    con.execute(f"UPDATE proposition_actors SET {cleared} WHERE story IS NOT NULL")
    con.execute(f"""UPDATE proposition_actors SET {copied} FROM propositions p
                    WHERE p.story IS NOT NULL AND proposition_actors.doc_id = p.doc_id
                      AND proposition_actors.idx = p.idx""")
