"""The actor postings (postings.py): kept in sync with the propositions by writes, replacements and
relinking, built by the migration to version 6, derived over a Parquet archive, and answering the filters
on an actor or a recipient and the dyad series exactly as a scan of every proposition does."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import duckdb

from thucydides.model import Document
from thucydides.store import SCHEMA_VERSION, Filter, Store, open_store, write_documents
from thucydides.store import api_queries as q
from thucydides.store.postings import POSTED_COLUMNS
from thucydides.store.schema import MIGRATIONS
from thucydides.stories import link_stories

CODES = ("RUS", "UKR", "BLR", "POL", "USA", "GEO", "MDA")
TYPES = ("ASSAULT", "ACCUSE", "CONSULT", "AID")
STATUSES = ("asserted", "alleged", "denied", "hypothetical")


def _prop(rng: random.Random, day: int) -> dict[str, Any]:
    actor = rng.sample(CODES, rng.choice((0, 1, 1, 2)))
    recipient = rng.sample(CODES, rng.choice((0, 1, 1, 2)))
    status = rng.choice(STATUSES)
    return {"type": rng.choice(TYPES), "actor": actor, "recipient": recipient, "date": f"2023-03-{day:02d}",
            "plover_score": rng.uniform(-10, 10), "location": rng.choice((None, "Kyiv", "Minsk")),
            "claims": [{"status": status, "by": actor[:1], "evidence": f"{status} report {day}"}]}


def documents(seed: int, n: int = 40, prefix: str = "d") -> list[Document]:
    """Random articles: each with 1-4 propositions of 0-2 actors and recipients among :data:`CODES`."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        day = rng.randint(1, 28)
        props = [_prop(rng, rng.randint(1, day)) for _ in range(rng.randint(1, 4))]
        docs.append(Document.from_dict({"id": f"{prefix}{i}", "published": f"2023-03-{day:02d}", "title": "",
                                        "text": "Report.", "outlet": rng.choice(("Wire", "Post")),
                                        "propositions": props, "loss_claims": []}))
    return docs


def expected_postings(store: Store) -> set[tuple[Any, ...]]:
    """What ``proposition_actors`` must hold, computed in Python from the propositions' lists."""
    rows = store.execute("SELECT doc_id, idx, actor, recipient FROM propositions").fetchall()
    return {(code, role, doc_id, idx) for doc_id, idx, actor, recipient in rows
            for role, codes in ((0, actor), (1, recipient)) for code in set(codes or []) if code is not None}


def assert_in_sync(store: Store) -> None:
    keys = store.execute("SELECT code, role, doc_id, idx FROM proposition_actors").fetchall()
    assert len(keys) == len(set(keys)) and set(keys) == expected_postings(store)
    differ = " OR ".join(f'a."{c}" IS DISTINCT FROM p."{c}"' for c in POSTED_COLUMNS)
    stale = store.execute(f"""SELECT count(*) FROM proposition_actors a JOIN propositions p
                              ON p.doc_id = a.doc_id AND p.idx = a.idx WHERE {differ}""").fetchone()
    assert stale == (0,)


def test_writes_replacements_and_relinking_keep_the_postings_in_sync(tmp_path: Path) -> None:
    with open_store(tmp_path / "p.duckdb") as store:
        write_documents(store, documents(1))
        assert_in_sync(store)
        assert store.count("propositions") and expected_postings(store)
        replaced = documents(2, 15)  # the same ids, other actors: the old postings go
        write_documents(store, replaced)
        assert_in_sync(store)
        first = {(c, role, i) for i, p in enumerate(replaced[0].propositions)
                 for role, codes in ((0, p.actor), (1, p.recipient)) for c in codes}
        assert set(store.execute("SELECT code, role, idx FROM proposition_actors WHERE doc_id = 'd0'").fetchall()) == first
        link_stories(store, window=3)
        assert store.execute("SELECT count(*) FROM proposition_actors WHERE story IS NOT NULL").fetchone()[0]  # type: ignore[index]
        assert_in_sync(store)
        write_documents(store, documents(3, 10, "e"))  # new documents after a relinking
        link_stories(store, window=0)
        assert_in_sync(store)


def _version_5_store(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for version in range(5):
        for step in MIGRATIONS[version]:
            if callable(step):
                step(con)
            else:
                con.execute(step)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [version + 1])
    con.execute("""INSERT INTO propositions (doc_id, idx, type, actor, recipient, event_date, status_mask) VALUES
        ('a', 0, 'ASSAULT', ['RUS', 'RUS'], ['UKR'], DATE '2023-01-02', 1),
        ('a', 1, 'CONSULT', ['USA'], [], DATE '2023-01-03', 2), ('b', 0, 'AID', [], [], NULL, 1)""")
    con.close()


def test_a_version_5_store_is_migrated_with_its_postings(tmp_path: Path) -> None:
    path = tmp_path / "v5.duckdb"
    _version_5_store(path)
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 7
        assert sorted(store.execute("SELECT code, role, doc_id, idx FROM proposition_actors").fetchall()) == [
            ("RUS", 0, "a", 0), ("UKR", 1, "a", 0), ("USA", 0, "a", 1)]
        assert_in_sync(store)


def _reference(store: Store, where: q.ApiFilter) -> list[tuple[str, int]]:
    """The matching propositions by a scan of every proposition (the query without postings)."""
    condition, params = where.where()
    return [(str(r[0]), int(r[1])) for r in store.execute(
        f"SELECT p.doc_id, p.idx FROM propositions p WHERE {condition} "
        "ORDER BY p.event_date NULLS LAST, p.doc_id, p.idx", params).fetchall()]


def test_filters_on_actors_answer_what_a_scan_answers(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.duckdb") as store:
        write_documents(store, documents(4, 60))
        link_stories(store, window=3)
        for code in CODES:
            for where in (q.ApiFilter(Filter(actor=code, limit=0)), q.ApiFilter(Filter(recipient=code, limit=0)),
                          q.ApiFilter(Filter(actor=code, recipient="UKR", type="ASSAULT", limit=0)),
                          q.ApiFilter(Filter(recipient=code, limit=0), statuses=("denied", "alleged"))):
                expected = _reference(store, where)
                page = q.list_propositions(store, where, 0, 1000)
                assert [(p["doc_id"], p["idx"]) for p in page] == expected
                assert q.count_propositions(store, where) == len(expected)
                places = q.proposition_places(store, where)
                assert [(p["doc_id"], p["idx"]) for p in places] == expected
        assert any(_reference(store, q.ApiFilter(Filter(actor=c, limit=0))) for c in CODES)


def _scan_series(store: Store, a: str, r: str, both: bool) -> list[tuple[Any, ...]]:
    dyad = "(list_contains(actor, $1) AND list_contains(recipient, $2))"
    if both:
        dyad = f"({dyad} OR (list_contains(actor, $2) AND list_contains(recipient, $1)))"
    return store.execute(f"""SELECT CAST(date_trunc('week', event_date) AS DATE), count(*), sum(quad_class),
        round(avg(plover_score), 9) FROM propositions WHERE event_date IS NOT NULL AND {dyad}
        GROUP BY 1 ORDER BY 1""", [a, r]).fetchall()


def test_dyad_series_count_each_proposition_once_in_either_direction(tmp_path: Path) -> None:
    with open_store(tmp_path / "d.duckdb") as store:
        write_documents(store, documents(5, 80))
        for a, r in (("RUS", "UKR"), ("UKR", "RUS"), ("POL", "BLR"), ("USA", "USA")):
            for both in (False, True):
                series = q.dyad_series_filtered(store, a, r, q.ApiFilter(), "week", both)
                got = [(s["period"], s["total"], s["verbal_coop"] + 2 * s["material_coop"] + 3 * s["verbal_conflict"]
                        + 4 * s["material_conflict"], round(s["mean_score"], 9)) for s in series]
                assert got == _scan_series(store, a, r, both)
        two_way = Document.from_dict({"id": "x", "published": "2023-04-03", "text": "Talks.", "loss_claims": [],
                                      "propositions": [{"type": "CONSULT", "actor": ["RUS", "UKR"],
                                                        "recipient": ["UKR", "RUS"], "claims": []}]})
        write_documents(store, [two_way])
        week = [s for s in q.dyad_series_filtered(store, "UKR", "RUS", q.ApiFilter(), "week", True)
                if str(s["period"]) == "2023-04-03"]
        assert [s["total"] for s in week] == [1]


def _doc_id_compressions(store: Store) -> set[str]:
    store.execute("CHECKPOINT")
    return {str(r[0]) for r in store.execute("""SELECT DISTINCT compression FROM pragma_storage_info('proposition_actors')
        WHERE column_name = 'doc_id' AND segment_type = 'VARCHAR'""").fetchall()}


def test_the_postings_keep_their_document_ids_uncompressed_through_writes_and_rebuilds(tmp_path: Path) -> None:
    from thucydides.store.postings import rebuild_actor_postings

    with open_store(tmp_path / "u.duckdb") as store:
        write_documents(store, documents(4, 30))
        assert _doc_id_compressions(store) == {"Uncompressed"}
        write_documents(store, documents(5, 10))  # replacements: deletes and inserts
        link_stories(store, window=3)
        with store.transaction() as con:
            rebuild_actor_postings(con)
        assert _doc_id_compressions(store) == {"Uncompressed"}
        assert_in_sync(store)
    with open_store(tmp_path / "u.duckdb") as store:
        assert _doc_id_compressions(store) == {"Uncompressed"}
        plain = store.execute("SELECT * FROM proposition_actors ORDER BY code, role, event_date, doc_id, idx").fetchall()
    path = tmp_path / "v5b.duckdb"
    _version_5_store(path)  # migrated through 6 (compressed) and 7
    with open_store(path) as store:
        assert _doc_id_compressions(store) == {"Uncompressed"} and plain
        assert_in_sync(store)


def test_migration_7_keeps_every_posting_and_its_order(tmp_path: Path) -> None:
    from thucydides.store.postings import recreate_uncompressed

    with open_store(tmp_path / "m.duckdb") as store:
        write_documents(store, documents(6, 40))
        before = store.execute("SELECT * FROM proposition_actors ORDER BY code, role, event_date, doc_id, idx").fetchall()
        columns = store.execute("DESCRIBE proposition_actors").fetchall()
        with store.transaction() as con:
            recreate_uncompressed(con)
        assert store.execute("SELECT * FROM proposition_actors ORDER BY code, role, event_date, doc_id, idx").fetchall() == before
        assert store.execute("DESCRIBE proposition_actors").fetchall() == columns
        assert store.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'proposition_actors_v7'"
                             ).fetchone() == (0,)
