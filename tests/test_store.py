"""The DuckDB store: schema and migrations, idempotent batch writes, shard merge, queries, stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from _fakes import claim, doc
from thucydides.errors import InvalidValue, StoreError
from thucydides.model import Document, LossClaim, Provenance
from thucydides.store import (
    SCHEMA_VERSION,
    Filter,
    disputes,
    dyad_series,
    merge_shards,
    open_store,
    query_propositions,
    write_documents,
)
from thucydides.stories import DEFAULT_SIMILARITY, link_stories, similarities


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "t.duckdb") as s:
        yield s


def test_new_store_is_migrated_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        tables = {r[0] for r in s.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "actor_mentions", "propositions", "claims", "loss_claims", "stories",
            "story_members", "ingest_failures", "schema_version"} <= tables
    with open_store(path, read_only=True) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.execute("SELECT count(*) FROM schema_version").fetchone() == (SCHEMA_VERSION,)


def test_newer_schema_directory_and_missing_store_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as s:
        s.execute("INSERT INTO schema_version VALUES (99, now())")
    with pytest.raises(StoreError, match=r"E013.*schema version 99"):
        open_store(path)
    with pytest.raises(StoreError, match="E013.*directory"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="E013.*does not exist"):
        open_store(tmp_path / "none.duckdb", read_only=True)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="E013"):
        open_store(garbage)


def test_writes_are_idempotent_by_document_id(store) -> None:  # type: ignore[no-untyped-def]
    loss = LossClaim("RUS", 40, "over", "tanks", "over 40 tanks", Provenance("", 0, 5, "test.v1", "0"),
                     categories=("tanks",), by=("UKR",), period_end="2022-03-20")
    d1 = doc("Kyiv says Moscow shelled Kharkiv.", [("ASSAULT", "RUS", "UKR", [claim("alleged", ("UKR",))],
                                                    "2022-03-01")], "2022-03-02", "Kyiv Independent", (loss,))
    d2 = doc("Minsk offered aid.", [("AID", "BLR", "RUS", [claim("asserted")], None)], "2022-03-05")
    assert write_documents(store, [d1, d2, d1]) == 2
    assert write_documents(store, [d1]) == 1
    counts = {t: store.count(t) for t in ("documents", "propositions", "claims", "loss_claims")}
    assert counts == {"documents": 2, "propositions": 2, "claims": 2, "loss_claims": 1}
    row = store.execute("SELECT side, value, qualifier, categories, status, \"by\", published, outlet "
                        "FROM loss_claims").fetchone()
    assert row == ("RUS", 40, "over", ["tanks"], "asserted", ["UKR"], dt.date(2022, 3, 2), "Kyiv Independent")
    dates = dict(store.execute("SELECT type, event_date FROM propositions").fetchall())
    assert dates == {"ASSAULT": dt.date(2022, 3, 1), "AID": dt.date(2022, 3, 5)}  # no day: publication date
    record = json.loads(store.execute("SELECT record FROM documents WHERE id = ?", [d1.id]).fetchone()[0])
    assert Document.from_dict(record).propositions[0].actor == ("RUS",)


def test_a_failed_write_leaves_the_store_unchanged(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    d1 = doc("First text.", [("ASSAULT", "RUS", "UKR", [claim("asserted")], None)])
    write_documents(store, [d1])
    from thucydides.store import writes

    def broken(con, table, data):  # type: ignore[no-untyped-def]
        if table == "claims":
            raise RuntimeError("disk full")
        con.register("_x", data)
        con.execute(f"INSERT INTO {table} SELECT * FROM _x")
        con.unregister("_x")

    monkeypatch.setattr(writes, "_insert", broken)
    d2 = doc("Second text.", [("AID", "USA", "UKR", [claim("asserted")], None)])
    with pytest.raises(RuntimeError):
        write_documents(store, [d1, d2])
    assert store.count("documents") == 1 and store.count("propositions") == 1 and store.count("claims") == 1


def test_a_database_error_during_a_write_is_a_store_error(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match=r"E013.*cannot write"), store.transaction() as con:
        con.execute("INSERT INTO ingest_failures VALUES ('a', '', 'E005', 'empty', now())")
        con.execute("INSERT INTO ingest_failures VALUES ('a', '', 'E005', 'again', now())")  # duplicate key
    assert store.count("ingest_failures") == 0


def test_merge_shards_twice_adds_nothing(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    docs = [doc(f"Shard text {i}.", [("ACCUSE", "CHN", "USA", [claim("asserted", ("CHN",))], None)],
                "2022-04-01") for i in range(5)]
    shard = tmp_path / "part-0.jsonl"
    shard.write_text("".join(json.dumps({**d.to_dict(), "outlets": ["Xinhua", "CGTN"]}) + "\n" for d in docs))
    assert merge_shards(store, [shard], batch_size=2) == 5
    assert store.merge([shard]) == 5
    assert store.count("documents") == 5 and store.count("claims") == 5
    assert store.execute("SELECT DISTINCT outlets FROM documents").fetchall() == [(["Xinhua", "CGTN"],)]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    from thucydides.errors import InputError

    with pytest.raises(InputError, match="E007"):
        merge_shards(store, [bad])


Spec = tuple[str, str, str, str | None, str, str | None]


def link(store, specs: list[Spec], window: int = 3,  # type: ignore[no-untyped-def]
         dates: list[str] | None = None) -> list[list[int]]:
    """Store one single-proposition document per spec (type, actor, recipient, date, evidence, place),
    published on ``dates`` when given, link stories, return groups of spec indexes."""
    published = dates or [None] * len(specs)
    docs = [doc(f"text {i:02d}", [(t, a, r, [claim("asserted", evidence=e)], d)], published[i])
            for i, (t, a, r, d, e, _) in enumerate(specs)]
    docs = [dataclasses.replace(d, propositions=(dataclasses.replace(
        d.propositions[0], location=spec[5], date_precision="day" if spec[3] and len(spec[3]) == 10 else None),))
            for d, spec in zip(docs, specs, strict=True)]
    write_documents(store, docs)
    link_stories(store, window)
    index = {d.id: i for i, d in enumerate(docs)}
    found: dict[str, list[int]] = {}
    for story, doc_id in store.execute("SELECT story_id, doc_id FROM story_members").fetchall():
        found.setdefault(story, []).append(index[doc_id])
    return sorted(sorted(g) for g in found.values())


SHELL = "Russian artillery shells the Saltivka district of Kharkiv overnight"


def test_stories_are_one_event_not_a_dyad_and_a_type(store) -> None:  # type: ignore[no-untyped-def]
    groups = link(store, [
        ("ASSAULT", "RUS", "UKR", "2022-03-01", SHELL, None),
        ("ASSAULT", "RUS,BLR", "UKR", "2022-03-01", "Overnight shelling hits Saltivka in Kharkiv", None),
        ("ASSAULT", "RUS", "UKR", "2022-03-02", SHELL, None),           # the next day: another shelling
        ("ASSAULT", "RUS", "UKR", "2022-03-01", "A missile strikes a school in Zhytomyr", None),  # other event
        ("AID", "RUS", "UKR", "2022-03-01", SHELL, None),              # other type
        ("ASSAULT", "RUS", "GEO", "2022-03-01", SHELL, None),          # other recipient
        ("ASSAULT", "UKR", "RUS", "2022-03-01", SHELL, None),          # reversed dyad is another story
        ("ASSAULT", "RUS", "UKR", "2022-03-05", "Shelling in Mariupol", "Mariupol"),
        ("ASSAULT", "RUS", "UKR", "2022-03-05", "Civilians killed as a theatre is hit", "Mariupol"),  # same place
        ("ASSAULT", "RUS", "UKR", "2022-03-05", "Shelling in Mariupol", "Odesa"),  # another place
        ("PROTEST", "", "", "2022-03-01", "Crowds protest the war in Tbilisi", None),
        ("PROTEST", "", "", "2022-03-01", "Thousands protest the war in Tbilisi", None),
        ("ASSAULT", "", "UKR", "2022-03-01", "Overnight shelling of Saltivka, Kharkiv", None),  # no actor code
        ("PROTEST", "GEO", "", "2022-03-01", "Crowds protest the war in Tbilisi", None),  # codes vs none at all
    ])
    assert groups == [[0, 1, 12], [2], [3], [4], [5], [6], [7, 8], [9], [10, 11], [13]]


def test_a_denial_disputes_only_the_request_it_denies(store) -> None:  # type: ignore[no-untyped-def]
    requests = ["Navalny asks supporters to rally in Moscow on Sunday",
                "Kadyrov asks Chechen volunteers to join the troops in Ukraine",
                "Putin asks the government to cap the price of bread"]
    docs = [doc(f"speaker {i}", [("REQUEST", "RUS", "", [claim("asserted", ("RUS",), evidence=e)], "2022-03-01")],
                "2022-03-01", "Wire") for i, e in enumerate(requests)]
    denial = claim("denied", ("UKR",), evidence="Kyiv denies that Kadyrov asks Chechen volunteers to join the troops")
    docs.append(doc("third party", [("REQUEST", "RUS", "", [denial], "2022-03-01")], "2022-03-02", "Post"))
    write_documents(store, docs)
    link_stories(store)
    verdicts = dict(store.execute("""SELECT m.doc_id, s.verdict FROM story_members m JOIN stories s
                                     ON s.id = m.story_id""").fetchall())
    assert verdicts[docs[0].id] == verdicts[docs[2].id] == "asserted"
    assert verdicts[docs[1].id] == verdicts[docs[3].id] == "disputed"  # Kadyrov's request and its denial


def test_undated_propositions_link_within_the_window(tmp_path: Path) -> None:
    text = "Turkey hosts talks between the foreign ministers of Russia and Ukraine in Antalya"
    spec: list[Spec] = [("CONSULT", "TUR", "RUS", None, text, None), ("CONSULT", "TUR", "RUS", None, text, None)]
    with open_store(tmp_path / "a.duckdb") as a:
        assert link(a, spec) == [[0, 1]]
    dated: list[Spec] = [("SANCTION", "USA", "IRN", "2022-01", "New sanctions on Iranian oil traders", None),
                         ("SANCTION", "USA", "IRN", "2022-01", "Sanctions on Iranian oil traders widen", None)]
    with open_store(tmp_path / "b.duckdb") as b:   # months only: the publication dates decide (none here)
        assert link(b, dated) == [[0, 1]]


def test_a_later_report_of_one_event_links_when_codes_and_wording_agree(store) -> None:  # type: ignore[no-untyped-def]
    groups = link(store, [
        ("RETREAT", "MLI", "FRA", None, "Mali ends its defence accords with France", None),
        ("RETREAT", "MLI", "FRA", None, "Mali formally ends its defence accords with France", None),
        ("RETREAT", "MLI", "", None, "Mali formally ends its defence accords with France", None),  # no recipient
        ("RETREAT", "MLI", "FRA", None, "Bamako recalls its ambassador from Paris", None),  # other wording
    ], dates=["2022-05-02", "2022-05-07", "2022-05-12", "2022-05-07"])
    assert groups == [[0, 1], [2], [3]]


def test_a_week_is_the_longest_gap_of_a_later_report(store) -> None:  # type: ignore[no-untyped-def]
    text = "Sweden applies to join NATO"
    groups = link(store, [("CONSULT", "SWE", "NATO", None, text, None)] * 3,
                  dates=["2022-05-10", "2022-05-17", "2022-05-25"])
    assert groups == [[0, 1], [2]]


def test_similarity_of_evidence_sentences() -> None:
    texts = [SHELL, "Overnight shelling hits Saltivka in Kharkiv", "A missile strikes a school in Zhytomyr"]
    sims = similarities(texts, np.array([0, 0]), np.array([1, 2]))
    assert sims[0] >= DEFAULT_SIMILARITY > sims[1]


@pytest.fixture()
def corpus(store):  # type: ignore[no-untyped-def]
    write_documents(store, [
        doc("a", [("ASSAULT", "RUS", "UKR", [claim("alleged", ("UKR",), evidence="Ukraine said Russian "
                                                  "jets bombed the Mariupol theatre")], "2022-03-16")],
            "2022-03-16", "Reuters"),
        doc("b", [("ASSAULT", "RUS", "UKR", [claim("denied", ("RUS",), "TASS", "Moscow denied striking the "
                                                  "Mariupol theatre")], "2022-03-16")], "2022-03-17", "TASS"),
        doc("c", [("ASSAULT", "RUS", "UKR", [claim("asserted", evidence="the Mariupol theatre was hit")],
                   None)],
            "2022-03-18", "AP"),
        doc("d", [("AID", "USA", "UKR", [claim("asserted", evidence="Washington sent Javelins")], "2022-03-20"),
                  ("ACCUSE", "CHN", "USA", [claim("asserted", ("CHN",))], "2022-03-28")], "2022-03-28", "CGTN"),
        doc("e", [("AID", "RUS", "CHN", [claim("hypothetical", evidence="could send drones")], "2022-05-02")],
            "2022-05-02", "Reuters"),
    ])
    assert link_stories(store) == 4
    return store


def test_stories_gather_claims_across_articles(corpus) -> None:  # type: ignore[no-untyped-def]
    story = corpus.execute("SELECT * FROM stories WHERE type = 'ASSAULT'").fetchall()
    cols = [c[0] for c in corpus.execute("SELECT * FROM stories LIMIT 0").description]
    s = dict(zip(cols, story[0], strict=True))
    assert (s["n_propositions"], s["n_documents"], s["n_outlets"], s["verdict"]) == (3, 3, 3, "disputed")
    assert s["n_claimants"] == 3  # UKR, RUS, and AP (the text itself)
    assert (s["first_date"], s["last_date"]) == (dt.date(2022, 3, 16), dt.date(2022, 3, 18))
    assert corpus.execute("SELECT count(*) FROM stories").fetchone() == (4,)
    assert link_stories(corpus) == 4  # relinking is stable


def test_query_filters(corpus) -> None:  # type: ignore[no-untyped-def]
    def q(**kw: object) -> list[tuple[str, str]]:
        return [(r["type"], r["doc_id"]) for r in query_propositions(corpus, Filter(**kw))]  # type: ignore[arg-type]

    assert len(q()) == 6
    assert [t for t, _ in q(actor="RUS", recipient="UKR")] == ["ASSAULT"] * 3
    assert len(q(verdict="disputed")) == 3
    assert len(q(status="denied")) == 1
    assert [t for t, _ in q(type="aid")] == ["AID", "AID"]
    assert [t for t, _ in q(since=dt.date(2022, 3, 19), until=dt.date(2022, 4, 1))] == ["AID", "ACCUSE"]
    assert len(q(outlet="reuters")) == 2
    assert len(q(text="THEATRE denied")) == 1
    assert len(q(limit=2)) == 2
    first = query_propositions(corpus, Filter(status="denied"))[0]
    assert first["claims"][0]["via"] == "TASS" and first["story_verdict"] == "disputed"
    with pytest.raises(InvalidValue, match="E001"):
        query_propositions(corpus, Filter(verdict="probable"))


def test_disputes_list_each_side(corpus) -> None:  # type: ignore[no-untyped-def]
    found = disputes(corpus)
    assert len(found) == 1
    sides = sorted((c["side"], tuple(c["by"]), c["outlet"]) for c in found[0]["claims"])
    assert sides == [("affirms", (), "AP"), ("affirms", ("UKR",), "Reuters"), ("denies", ("RUS",), "TASS")]
    assert disputes(corpus, Filter(actor="CHN")) == []


def test_dyad_series_by_period(corpus) -> None:  # type: ignore[no-untyped-def]
    weekly = dyad_series(corpus, "rus", "ukr", "week")  # asserted or alleged: the denial is not counted
    assert [(r["period"], r["material_conflict"], r["total"], r["mean_score"]) for r in weekly] == [
        (dt.date(2022, 3, 14), 2, 2, -10.0)]
    every = dyad_series(corpus, "rus", "ukr", "week", statuses=("asserted", "alleged", "denied"))
    assert [r["total"] for r in every] == [3]
    both = dyad_series(corpus, "CHN", "RUS", "month", both_directions=True, statuses=("hypothetical",))
    assert [(r["period"], r["material_coop"]) for r in both] == [(dt.date(2022, 5, 1), 1)]
    assert dyad_series(corpus, "CHN", "RUS", "month", both_directions=True) == []  # "could send drones"
    assert dyad_series(corpus, "CHN", "RUS", "month") == []
    write_documents(corpus, [doc("later", [("ASSAULT", "RUS", "UKR", [claim("asserted")], "2022-04-02")])])
    gaps = dyad_series(corpus, "RUS", "UKR", "week")
    assert [(r["period"], r["total"]) for r in gaps] == [  # the empty week in between is a zero
        (dt.date(2022, 3, 14), 2), (dt.date(2022, 3, 21), 0), (dt.date(2022, 3, 28), 1)]
    with pytest.raises(InvalidValue, match="E001"):
        dyad_series(corpus, "RUS", "UKR", "fortnight")


def test_a_version_1_store_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    import duckdb

    from thucydides.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.execute("INSERT INTO propositions (doc_id, idx, type, actor, recipient) VALUES ('d1', 0, 'ACCUSE', "
                "['IRN'], ['ISR'])")
    con.execute("INSERT INTO claims (doc_id, prop_idx, idx, status, evidence) VALUES ('d1', 0, 0, 'alleged', "
                "'Tehran blamed Israel'), ('d1', 0, 1, 'denied', 'Israel declined to comment')")
    con.execute("INSERT INTO stories (id, type) VALUES ('s1', 'ACCUSE')")
    con.close()
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.execute("SELECT statuses, evidence FROM propositions").fetchall() == [
            (["alleged", "denied"], "Tehran blamed Israel\nIsrael declined to comment")]
        assert store.execute("SELECT id, type FROM stories").fetchall() == [("s1", "ACCUSE")]
        assert [v for (v,) in store.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()] == \
            list(range(1, SCHEMA_VERSION + 1))
