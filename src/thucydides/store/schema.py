"""The store's tables, as an ordered list of migrations.

Each migration is a list of SQL statements (or of functions of the DuckDB connection, for a step SQL
cannot do alone); :data:`MIGRATIONS` ``[i]`` moves the schema from version ``i``
to ``i + 1``. Never edit a released migration: append a new one. The ``schema_version`` table records
every version applied. Tables of other features live in the same file with their own prefix
(the equipment-loss ledger uses ``ledger_``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .derived import (
    CLAIM_LIST_TYPE,
    STATUS_MASK_SQL,
    attach_stories,
    cluster_propositions,
    fill_claim_lists,
    fill_countries,
    index_documents,
)
from .postings import create_actor_postings, recreate_uncompressed

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "STORE_TABLES", "Step"]

_V1: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, published DATE, outlet VARCHAR, outlets VARCHAR[], url VARCHAR,
        title VARCHAR, text VARCHAR, source VARCHAR, n_propositions INTEGER, n_claims INTEGER,
        n_loss_claims INTEGER, ingested_at TIMESTAMP, record JSON)""",
    """CREATE TABLE IF NOT EXISTS actor_mentions (
        doc_id VARCHAR, idx INTEGER, text VARCHAR, code VARCHAR, sector VARCHAR, name VARCHAR,
        kind VARCHAR, start INTEGER, "end" INTEGER, extractor VARCHAR, version VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS propositions (
        doc_id VARCHAR, idx INTEGER, id VARCHAR, type VARCHAR, mode VARCHAR, actor VARCHAR[],
        recipient VARCHAR[], date VARCHAR, date_precision VARCHAR, event_date DATE, location VARCHAR,
        cameo VARCHAR, plover_score DOUBLE, quad_class TINYINT, optional BOOLEAN, verdict VARCHAR,
        n_claims INTEGER, published DATE, outlet VARCHAR, start INTEGER, "end" INTEGER,
        extractor VARCHAR, version VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS claims (
        doc_id VARCHAR, prop_idx INTEGER, prop_id VARCHAR, idx INTEGER, status VARCHAR, "by" VARCHAR[],
        via VARCHAR, speaker VARCHAR, quote VARCHAR, evidence VARCHAR, sentence VARCHAR, start INTEGER,
        "end" INTEGER, extractor VARCHAR, version VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS loss_claims (
        doc_id VARCHAR, idx INTEGER, published DATE, outlet VARCHAR, url VARCHAR, side VARCHAR,
        value BIGINT, qualifier VARCHAR, unit VARCHAR, categories VARCHAR[], period VARCHAR,
        period_end VARCHAR, status VARCHAR, "by" VARCHAR[], via VARCHAR, evidence VARCHAR,
        start INTEGER, "end" INTEGER, extractor VARCHAR, version VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR PRIMARY KEY, type VARCHAR, actor VARCHAR[], recipient VARCHAR[], first_date DATE,
        last_date DATE, n_propositions INTEGER, n_documents INTEGER, n_claims INTEGER, n_outlets INTEGER,
        n_claimants INTEGER, verdict VARCHAR, cameo VARCHAR, plover_score DOUBLE, quad_class TINYINT,
        location VARCHAR, url VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS story_members (story_id VARCHAR, doc_id VARCHAR, prop_idx INTEGER)""",
    """CREATE TABLE IF NOT EXISTS ingest_failures (
        source VARCHAR PRIMARY KEY, doc_id VARCHAR, code VARCHAR, reason VARCHAR, failed_at TIMESTAMP)""",
    "CREATE INDEX IF NOT EXISTS actor_mentions_doc ON actor_mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS propositions_doc ON propositions (doc_id)",
    "CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc_id)",
    "CREATE INDEX IF NOT EXISTS loss_claims_doc ON loss_claims (doc_id)",
)

#: Version 2: ``stories`` without a primary-key index (relinking rewrites the whole table, and the
#: index made that several times slower).
_V2: tuple[str, ...] = (
    "CREATE TABLE stories_v2 AS SELECT * FROM stories",
    "DROP TABLE stories",
    "ALTER TABLE stories_v2 RENAME TO stories",
)

#: Version 3: each proposition carries its claims' statuses and evidence, so that filters on them are
#: one scan of ``propositions`` (no join with ``claims``).
_V3: tuple[str, ...] = (
    "ALTER TABLE propositions ADD COLUMN statuses VARCHAR[]",
    "ALTER TABLE propositions ADD COLUMN evidence VARCHAR",
    """UPDATE propositions SET statuses = c.statuses, evidence = c.evidence FROM (
           SELECT doc_id, prop_idx, list(status ORDER BY idx) AS statuses,
                  string_agg(evidence, chr(10) ORDER BY idx) AS evidence
           FROM claims GROUP BY doc_id, prop_idx) c
       WHERE propositions.doc_id = c.doc_id AND propositions.idx = c.prop_idx""",
)

#: Version 4: the resolved place of each proposition's location (docs/places.md): its id, state (ISO
#: alpha-3), first-level region and coordinates, for ``query --near``/``--country`` and the exports.
_V4: tuple[str, ...] = (
    "ALTER TABLE propositions ADD COLUMN place_id VARCHAR",
    "ALTER TABLE propositions ADD COLUMN place_name VARCHAR",
    "ALTER TABLE propositions ADD COLUMN place_kind VARCHAR",
    "ALTER TABLE propositions ADD COLUMN place_country VARCHAR",
    "ALTER TABLE propositions ADD COLUMN place_admin1 VARCHAR",
    "ALTER TABLE propositions ADD COLUMN lat DOUBLE",
    "ALTER TABLE propositions ADD COLUMN lon DOUBLE",
)

#: Version 5: what makes the web API's reads fast (see ``derived.py``): a claim-status bit mask, the ISO
#: alpha-3 country of each proposition, an inverted index of the documents' words for search, each
#: proposition's claims and story on its row, the propositions stored in the API's order and the stories
#: by id.
_V5: tuple[str | Callable[[Any], None], ...] = (
    "ALTER TABLE propositions ADD COLUMN status_mask UTINYINT",
    f"UPDATE propositions SET status_mask = {STATUS_MASK_SQL}",
    "ALTER TABLE propositions ADD COLUMN country VARCHAR",
    fill_countries,
    "CREATE TABLE IF NOT EXISTS search_words (word VARCHAR, doc_id VARCHAR, published DATE)",
    "CREATE TABLE IF NOT EXISTS search_vocab (word VARCHAR)",
    index_documents,
    f"ALTER TABLE propositions ADD COLUMN claim_list {CLAIM_LIST_TYPE}",
    fill_claim_lists,
    "ALTER TABLE propositions ADD COLUMN story VARCHAR",
    "ALTER TABLE propositions ADD COLUMN story_verdict VARCHAR",
    "ALTER TABLE propositions ADD COLUMN story_outlets INTEGER",
    "ALTER TABLE propositions ADD COLUMN story_claimants INTEGER",
    attach_stories,
    cluster_propositions,
    "CREATE TABLE stories_by_id AS SELECT * FROM stories ORDER BY id",
    "DROP TABLE stories",
    "ALTER TABLE stories_by_id RENAME TO stories",
)

#: Version 6: the actor postings (``proposition_actors``, see ``postings.py``), so that a filter on an actor
#: or a recipient, and a dyad series, read one code's rows.
_V6: tuple[str | Callable[[Any], None], ...] = (create_actor_postings,)

#: Version 7: ``proposition_actors.doc_id`` stored uncompressed (see ``postings.UNCOMPRESSED_COLUMNS``), so
#: that a page read from the postings decodes only the ids it reads.
_V7: tuple[str | Callable[[Any], None], ...] = (recreate_uncompressed,)

#: One step of a migration: an SQL statement, or a function of the connection.
Step = str | Callable[[Any], None]

#: Migrations in order; the schema version is the number applied.
MIGRATIONS: tuple[tuple[Step, ...], ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7)
SCHEMA_VERSION = len(MIGRATIONS)

#: Tables holding per-document rows, keyed by ``doc_id`` (``documents`` is keyed by ``id``).
STORE_TABLES: tuple[str, ...] = ("actor_mentions", "propositions", "claims", "loss_claims")
