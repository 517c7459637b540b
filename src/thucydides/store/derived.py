"""Columns and tables the store derives from what it holds, so that reads need no scan of text or lists.

- ``propositions.status_mask``: one bit per claim status its claims have (:data:`STATUS_BITS`), so a
  status filter is one integer test instead of a search of the ``statuses`` list.
- ``propositions.country``: the ISO 3166-1 alpha-3 code of the state the proposition happened in: the
  resolved place's state, else the state the location text names in the actor gazetteer (its name, a
  capital, a city or a region), when that is an ISO alpha-3 code.
- ``search_words`` (``word``, ``doc_id``, ``published``): each distinct word of a document's title and
  text, lower-cased (a word is a run of letters and digits, :data:`WORD_PATTERN`), and ``search_vocab``,
  every distinct word once: the inverted index full-text search reads instead of the texts.

- ``propositions.claim_list``: its claims (status, claimants, via, speaker, evidence, offsets, confidence),
  so a page of propositions needs no lookup in ``claims``.
- ``propositions.story``, ``story_verdict``, ``story_outlets``, ``story_claimants``: its story and what the
  API shows of it, set by every relinking (:func:`attach_stories`), so no lookup in the story tables either.

Writes keep them (``writes.write_documents``, ``stories.link_stories``); migration version 5 fills them for stores written before,
and stores ``propositions`` in the API's order (:func:`cluster_propositions`).
"""

from __future__ import annotations

import functools
from typing import Any

import pyarrow as pa

from ..model import STATUSES
from .postings import rebuild_actor_postings, sync_posted_stories

__all__ = ["CLAIM_LIST_TYPE", "STATUS_BITS", "STATUS_MASK_SQL", "WORD_PATTERN", "attach_stories",
           "cluster_propositions", "fill_claim_lists", "fill_countries", "index_documents",
           "location_country", "rebuild_search_index", "refresh_derived", "status_mask"]

#: The bit of each claim status in ``status_mask``.
STATUS_BITS: dict[str, int] = {status: 1 << i for i, status in enumerate(STATUSES)}

#: ``status_mask`` computed from the ``statuses`` list (for migrations and bulk loads).
STATUS_MASK_SQL = "CAST(" + " | ".join(
    f"(CASE WHEN list_contains(statuses, '{s}') THEN {bit} ELSE 0 END)" for s, bit in STATUS_BITS.items()) + \
    " AS UTINYINT)"

#: What a word is, for the search index and the search words alike (RE2 syntax: letters and digits).
WORD_PATTERN = r"[\pL\pN]+"


def status_mask(statuses: list[str] | tuple[str, ...]) -> int:
    """The ``status_mask`` of a proposition whose claims have ``statuses`` (unknown statuses add nothing)."""
    mask = 0
    for status in statuses:
        mask |= STATUS_BITS.get(status, 0)
    return mask


@functools.lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import pycountry

    return frozenset(str(c.alpha_3) for c in pycountry.countries)


@functools.lru_cache(maxsize=8192)
def location_country(location: str | None) -> str | None:
    """The ISO alpha-3 code of the state a location text names through the actor gazetteer (a state,
    or a capital, city or region of one), or None (no such name, or a state without an ISO code)."""
    if not location or not location.strip():
        return None
    from ..stages.actors.gazetteer import gazetteer, norm, tokenizer

    gaz = gazetteer()
    raw = [t.text for t in tokenizer()(location)]
    words = [norm(w) for w in raw]
    for i in range(len(words)):
        for entry in gaz.lookup(words, raw, i)[1]:
            code = entry.parent if entry.type != "state" and entry.parent else entry.code
            if code in _iso3():
                return str(code)
    return None


def fill_countries(con: Any) -> None:
    """Set ``propositions.country`` on every row: the resolved place's state, else the location's."""
    locations = [r[0] for r in con.execute(
        "SELECT DISTINCT location FROM propositions WHERE place_country IS NULL AND location IS NOT NULL").fetchall()]
    found = [(loc, code) for loc in locations if (code := location_country(loc)) is not None]
    con.register("_location_country", pa.table({"location": pa.array([f[0] for f in found], type=pa.string()),
                                                 "code": pa.array([f[1] for f in found], type=pa.string())}))
    try:
        con.execute("UPDATE propositions SET country = place_country WHERE place_country IS NOT NULL")
        con.execute("""UPDATE propositions SET country = l.code FROM _location_country l
                       WHERE propositions.place_country IS NULL AND propositions.location = l.location""")
    finally:
        con.unregister("_location_country")


_WORDS_OF = f"""
INSERT INTO search_words
SELECT DISTINCT word, id, published FROM (
    SELECT id, published,
           unnest(regexp_extract_all(lower(coalesce(title, '') || ' ' || coalesce(text, '')), '{WORD_PATTERN}')) AS word
    FROM documents {{where}})
ORDER BY word, published DESC NULLS LAST, id
"""
_NEW_VOCAB = """
INSERT INTO search_vocab SELECT DISTINCT word FROM search_words {where}
EXCEPT SELECT word FROM search_vocab
"""


def index_documents(con: Any, ids_table: str | None = None) -> None:
    """Add the words of the documents whose ids the registered table ``ids_table`` holds (column ``id``;
    every document when None) to the search index. Their old words must be deleted first."""
    docs = f"WHERE id IN (SELECT id FROM {ids_table})" if ids_table else ""
    con.execute(_WORDS_OF.format(where=docs))
    con.execute(_NEW_VOCAB.format(where=f"WHERE doc_id IN (SELECT id FROM {ids_table})" if ids_table else ""))


def rebuild_search_index(con: Any) -> None:
    """Rebuild the whole search index from the documents (after a bulk load or an edit of the texts)."""
    con.execute("DELETE FROM search_words")
    con.execute("DELETE FROM search_vocab")
    index_documents(con)


#: The type of ``propositions.claim_list``.
CLAIM_LIST_TYPE = ('STRUCT(idx INTEGER, status VARCHAR, "by" VARCHAR[], via VARCHAR, speaker VARCHAR, '
                   'evidence VARCHAR, start INTEGER, "end" INTEGER, confidence DOUBLE)[]')

_CLAIM_LISTS = """
UPDATE propositions SET claim_list = c.l FROM (
    SELECT doc_id, prop_idx, list({'idx': idx, 'status': status, 'by': "by", 'via': via, 'speaker': speaker,
                                   'evidence': evidence, 'start': start, 'end': "end", 'confidence': confidence}
                                  ORDER BY idx) AS l
    FROM claims GROUP BY doc_id, prop_idx) c
WHERE propositions.doc_id = c.doc_id AND propositions.idx = c.prop_idx
"""


def fill_claim_lists(con: Any) -> None:
    """Set ``propositions.claim_list`` from the ``claims`` table (migrations and bulk loads)."""
    con.execute(_CLAIM_LISTS)


_STORIES_OF = """
UPDATE propositions SET story = s.id, story_verdict = s.verdict, story_outlets = s.n_outlets,
                        story_claimants = s.n_claimants
FROM story_members sm JOIN stories s ON s.id = sm.story_id
WHERE propositions.doc_id = sm.doc_id AND propositions.idx = sm.prop_idx
"""


def attach_stories(con: Any) -> None:
    """Copy each proposition's story (id, verdict, outlets, claimants) onto it and its actor postings,
    after a relinking (nothing when ``propositions`` is a view, as over a Parquet archive, whose view joins
    them itself)."""
    kind = con.execute("SELECT table_type FROM information_schema.tables WHERE table_name = 'propositions' "
                       "AND table_schema = current_schema()").fetchone()
    if not kind or kind[0] != "BASE TABLE":
        return
    con.execute("""UPDATE propositions SET story = NULL, story_verdict = NULL, story_outlets = NULL,
                   story_claimants = NULL WHERE story IS NOT NULL""")
    con.execute(_STORIES_OF)
    sync_posted_stories(con)


def cluster_propositions(con: Any) -> None:
    """Rewrite ``propositions`` in the API's order (event date, document, index), so that a page of it,
    or a date range, reads only the row groups that hold it (DuckDB skips the others by their min/max).
    Rows written later are appended at the end; running this again restores the order."""
    for statement in (
            "CREATE TABLE propositions_clustered AS SELECT * FROM propositions ORDER BY event_date NULLS LAST, doc_id, idx",
            "DROP INDEX IF EXISTS propositions_doc", "DROP TABLE propositions",
            "ALTER TABLE propositions_clustered RENAME TO propositions",
            "CREATE INDEX IF NOT EXISTS propositions_doc ON propositions (doc_id)"):
        con.execute(statement)


def refresh_derived(con: Any) -> None:
    """Recompute every derived column, the search index and the actor postings, and cluster
    ``propositions`` (after rows were loaded or edited in bulk, bypassing ``write_documents``)."""
    con.execute(f"UPDATE propositions SET status_mask = {STATUS_MASK_SQL}")
    fill_countries(con)
    fill_claim_lists(con)
    attach_stories(con)
    rebuild_search_index(con)
    cluster_propositions(con)
    rebuild_actor_postings(con)
