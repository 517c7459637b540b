"""What the store derives for fast reads (derived.py): the claim-status bits, the ISO alpha-3 country of
each proposition, the search index of words; kept by writes and filled by the migration to version 5."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

from thucydides.model import Document
from thucydides.store import SCHEMA_VERSION, open_store, write_documents
from thucydides.store.api_queries import (
    ApiFilter,
    list_propositions,
    proposition_facets,
    search_document_ids,
    search_hits,
)
from thucydides.store.derived import STATUS_BITS, status_mask
from thucydides.store.schema import MIGRATIONS


def doc(doc_id: str, text: str, published: str, props: list[dict[str, Any]] | None = None) -> Document:
    return Document.from_dict({"id": doc_id, "published": published, "title": "", "text": text,
                               "propositions": props or [], "loss_claims": []})


def _version_4_store(path: Path) -> None:
    """A store as version 4 wrote it (no derived columns or search index)."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for version in range(4):
        for statement in MIGRATIONS[version]:
            assert isinstance(statement, str)
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [version + 1])
    con.execute("""INSERT INTO documents (id, published, title, text) VALUES
        ('a', DATE '2023-02-01', 'Convoy shelled', 'Artillery hit a convoy near the border crossing.'),
        ('b', DATE '2023-03-01', 'Talks', 'Envoys met in Geneva; no convoy was mentioned.')""")
    con.execute("""INSERT INTO propositions (doc_id, idx, type, actor, recipient, location, statuses, place_country)
        VALUES ('a', 0, 'ASSAULT', ['RUS'], ['UKR'], 'Kharkiv', ['alleged', 'denied'], NULL),
               ('b', 0, 'CONSULT', ['USA'], ['CHN'], 'Geneva', ['asserted'], 'CHE'),
               ('b', 1, 'CONSULT', ['USA'], ['CHN'], 'Atlantis', ['hypothetical'], NULL)""")
    con.execute("""INSERT INTO claims (doc_id, prop_idx, idx, status, "by", evidence) VALUES
        ('a', 0, 1, 'denied', ['RUS'], 'no strike'), ('a', 0, 0, 'alleged', ['UKR'], 'Artillery hit a convoy')""")
    con.execute("INSERT INTO stories (id, type, verdict, n_outlets, n_claimants) VALUES ('s-a', 'ASSAULT', 'disputed', 1, 2)")
    con.execute("INSERT INTO story_members VALUES ('s-a', 'a', 0)")
    con.close()


def test_a_version_4_store_is_migrated_with_its_derived_columns_and_index(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    _version_4_store(path)
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        rows = store.execute("SELECT doc_id, idx, status_mask, country FROM propositions ORDER BY 1, 2").fetchall()
        assert rows == [("a", 0, STATUS_BITS["alleged"] | STATUS_BITS["denied"], "UKR"),
                        ("b", 0, STATUS_BITS["asserted"], "CHE"), ("b", 1, STATUS_BITS["hypothetical"], None)]
        (claims, story), = store.execute("SELECT claim_list, [story, story_verdict, CAST(story_claimants AS VARCHAR)] "
                                         "FROM propositions WHERE doc_id = 'a'").fetchall()
        assert [(c["idx"], c["status"], c["by"]) for c in claims] == [(0, "alleged", ["UKR"]), (1, "denied", ["RUS"])]
        assert story == ["s-a", "disputed", "2"]
        assert search_document_ids(store, "CONVOY") == (2, ["b", "a"])
        assert search_document_ids(store, "border shelled") == (1, ["a"])
        assert search_document_ids(store, "genev") == (1, ["b"])  # a part of a word matches
    with open_store(path, read_only=True) as again:
        assert again.schema_version() == SCHEMA_VERSION


def test_status_mask_sets_one_bit_per_status() -> None:
    assert status_mask(["asserted", "asserted"]) == STATUS_BITS["asserted"]
    assert status_mask(()) == 0
    assert status_mask(["denied", "hypothetical"]) == STATUS_BITS["denied"] | STATUS_BITS["hypothetical"]


def test_search_reads_words_and_writes_keep_the_index(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        write_documents(store, [doc("x", "Grain ships left Odesa's port at dawn.", "2024-01-02"),
                                doc("y", "Sanctions on grain exports, 100%_certain.", "2024-01-03")])
        assert search_document_ids(store, "grain") == (2, ["y", "x"])
        assert search_document_ids(store, "odesa port")[1] == ["x"]
        assert search_document_ids(store, "100%_certain")[1] == ["y"]  # punctuation separates words
        assert search_document_ids(store, "%%") == (0, [])
        assert search_document_ids(store, "grain", cap=1) == (2, ["y"])
        write_documents(store, [doc("x", "Fishing boats stayed in harbour.", "2024-01-02")])
        assert search_document_ids(store, "grain") == (1, ["y"])
        assert search_document_ids(store, "harbour") == (1, ["x"])


def _dated(doc_id: str, day: str, n: int) -> Document:
    text = " ".join(f"Troops shelled target {i}." for i in range(n))
    props = [{"type": "ASSAULT", "actor": ["RUS"], "recipient": ["UKR"], "date": day,
              "claims": [{"status": "asserted", "by": ["UKR"], "evidence": f"shelled target {i}"}]}
             for i in range(n)]
    return doc(doc_id, text, day, props)


def test_keyset_pages_follow_the_sort_order_without_gaps(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.duckdb") as store:
        write_documents(store, [_dated("m", "2022-03-02", 3), _dated("k", "2022-03-01", 2),
                                _dated("n", "2022-03-02", 1)])
        everything = list_propositions(store, ApiFilter(), 0, 100)
        seen: list[tuple[str, int]] = []
        after = None
        while True:
            page = list_propositions(store, ApiFilter(), 0, 2, after)
            if not page:
                break
            seen += [(p["doc_id"], p["idx"]) for p in page]
            after = (page[-1]["event_date"], page[-1]["doc_id"], page[-1]["idx"])
        assert seen == [(p["doc_id"], p["idx"]) for p in everything] and len(seen) == 6
        assert everything[0]["event_date"] == dt.date(2022, 3, 1)


def test_search_hits_carry_the_dates_that_narrow_their_facets(tmp_path: Path) -> None:
    props = [{"type": "ASSAULT", "actor": ["RUS"], "recipient": ["UKR"], "claims": []}]
    with open_store(tmp_path / "h.duckdb") as store:
        write_documents(store, [doc("old", "Grain convoy.", "2022-01-05", props), doc("new", "Grain talks.", "2024-02-01", props),
                                doc("mid", "Grain ships.", "2023-06-01", props), doc("other", "Talks only.", "2023-07-01", props)])
        total, ids, published = search_hits(store, "grain")
        assert (total, ids) == (3, ["new", "mid", "old"])
        assert published == [dt.date(2024, 2, 1), dt.date(2023, 6, 1), dt.date(2022, 1, 5)]
        for chosen in (ids, ids[:2], []):
            dates = published[:len(chosen)]
            given = proposition_facets(store, ApiFilter(), chosen, published=dates)
            assert given == proposition_facets(store, ApiFilter(), chosen)
        assert [f["n"] for f in proposition_facets(store, ApiFilter(), ids[:2], published=published[:2])["type"]] == [2]


def test_a_document_is_one_hit_however_many_of_its_words_contain_the_search_word(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        write_documents(store, [doc("x", "Grain, grains and a grainy photo.", "2024-01-02"),
                                doc("y", "Regrained fields.", "2024-01-01"), doc("z", "Nothing here.", "2024-01-03")])
        assert search_document_ids(store, "grain") == (2, ["x", "y"])
        assert search_hits(store, "rain") == (2, ["x", "y"], [dt.date(2024, 1, 2), dt.date(2024, 1, 1)])
        assert search_document_ids(store, "grain photo") == (1, ["x"])
