"""Cluster ingest parts that need no Dask: batch keys, shards, the Parquet archive, addresses, progress."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from _fakes import claim, doc
from thucydides.cluster import ArchiveSink, open_archive, parse_address
from thucydides.cluster.progress import ClusterProgress, Counts
from thucydides.cluster.runner import form_batches
from thucydides.cluster.shards import Batch, Shard, batch_key, read_shard, write_shard
from thucydides.errors import InvalidValue
from thucydides.ingest import IngestReport, Item
from thucydides.model import Article
from thucydides.store import open_store, write_documents


def entries(*texts: str) -> list[tuple[str, Article, tuple[str, ...]]]:
    return [(f"f{i}.txt", Article(t), ()) for i, t in enumerate(texts)]


def test_batch_key_follows_content_source_and_extractor() -> None:
    base = batch_key(entries("alpha", "beta"), "m:f")
    assert base == batch_key(entries("alpha", "beta"), "m:f") and len(base) == 32
    assert base != batch_key(entries("alpha", "gamma"), "m:f")
    assert base != batch_key(entries("beta", "alpha"), "m:f")
    assert base != batch_key(entries("alpha", "beta"), "m:g")
    moved = [("elsewhere.txt", Article("alpha"), ()), *entries("alpha", "beta")[1:]]
    assert base != batch_key(moved, "m:f")


def test_batches_drop_repeated_texts_and_keep_read_failures() -> None:
    items = [Item(f"s{i}", Article(t)) for i, t in enumerate(["a", "b", "a", "c", "d"])]
    items.insert(2, Item.failed("bad.bin", "E004", "bad.bin is binary, not text"))
    report, failed = IngestReport(), []
    batches = list(form_batches(items, 2, "m:f", report, failed))
    assert [[e[0] for e in b.entries] for b in batches] == [["s0", "s1"], ["s3", "s4"]]
    assert (report.read, report.skipped) == (6, 1)
    assert [(f.source, f.code) for f in failed] == [("bad.bin", "E004")]
    again = list(form_batches(items, 2, "m:f", IngestReport(), []))
    assert [b.key for b in again] == [b.key for b in batches]


def test_shard_round_trip_is_exact_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    d = doc("Text one", [("ASSAULT", "RUS", "UKR", [claim("asserted", ("UKR",), "CNN")], "2022-03-01")],
            published="2022-03-02", outlet="Wire")
    batch = Batch("k1", (("one.txt", d.article, ("Wire", "CNN")), ("two.txt", Article("boom"), ())))
    write_shard(tmp_path, batch, [(d.id, d, "", ""), (Article("boom").id, None, "E014", "it broke")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k1.parquet"]
    shard = read_shard(tmp_path / "k1.parquet")
    assert shard.documents == [d]
    assert shard.extras == {d.id: {"source": "one.txt", "outlets": ["Wire", "CNN"]}}
    assert shard.failures == [("two.txt", Article("boom").id, "E014", "it broke")]


def test_cluster_addresses() -> None:
    assert parse_address("local") == ("local", None)
    assert parse_address("local:3") == ("local", 3)
    assert parse_address("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)
    for bad in ("local:0", "local:x", "10.0.0.5:8786", "tcp://", ""):
        with pytest.raises(InvalidValue, match="E001"):
            parse_address(bad)


def test_progress_prints_one_summary_line_when_not_a_terminal() -> None:
    stream = io.StringIO()
    counts = Counts(total=10, done=4, failed=1, workers=2)
    with ClusterProgress(True, stream) as shown:
        shown.update(counts)
        assert stream.getvalue() == ""
        counts.done = 10
        shown.finish(counts)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("10/10 documents") and "1 failed" in lines[0]
    assert "2 workers" in lines[0] and "ETA 0s" in lines[0]
    assert Counts(total=None, done=3).eta is None


def _docs() -> list:  # type: ignore[type-arg]
    return [doc(f"Report {i}", [("ASSAULT", "RUS", "UKR", [claim("asserted"), claim("denied", ("RUS",))],
                                 f"2022-0{1 + i % 3}-1{i}")], published=f"2022-0{1 + i % 3}-15",
                outlet="Wire") for i in range(6)]


def test_archive_holds_the_same_tables_as_a_store(tmp_path: Path) -> None:
    docs = _docs()
    sink = ArchiveSink(tmp_path / "arch")
    extras = {d.id: {"source": f"s{i}", "outlets": ["Wire"]} for i, d in enumerate(docs)}
    assert sink.merge("k1", Shard(docs[:3], extras, [])) == 3
    sink.merge("k2", Shard(docs[3:], extras, [("bad.txt", "x", "E014", "it broke")]))
    sink.merge("k2", Shard(docs[3:], extras, [("bad.txt", "x", "E014", "it broke")]))  # a merge repeated
    sink.finish(6)
    with open_store(tmp_path / "s.duckdb") as store:
        write_documents(store, docs, extras)
        from thucydides.stories import link_stories

        link_stories(store)
        expected = [store.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("documents", "claims")]
        props = store.execute("SELECT * FROM propositions ORDER BY doc_id, idx").fetchall()
        postings = store.execute("SELECT * FROM proposition_actors ORDER BY code, role, doc_id, idx").fetchall()
    with open_archive(tmp_path / "arch") as archive:
        assert postings and archive.execute(
            "SELECT * FROM proposition_actors ORDER BY code, role, doc_id, idx").fetchall() == postings
        assert [archive.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("documents", "claims")] == expected
        assert archive.execute("SELECT * FROM propositions ORDER BY doc_id, idx").fetchall() == props
        assert archive.count("stories") > 0
        assert archive.execute("SELECT source, code FROM ingest_failures").fetchall() == [("bad.txt", "E014")]
    months = sorted(p.name for p in (tmp_path / "arch" / "propositions" / "year=2022").iterdir())
    assert months == ["month=1", "month=2", "month=3"]
    assert ArchiveSink(tmp_path / "arch").done_batches() == {"k1"}  # k2 had a failure: retried next run


def test_archive_drops_files_of_a_batch_it_never_finished(tmp_path: Path) -> None:
    sink = ArchiveSink(tmp_path / "arch")
    sink.merge("k1", Shard(_docs()[:2], {}, []))
    stray = tmp_path / "arch" / "documents" / "year=2022" / "month=1" / "bk9_0.parquet"
    os.link(next((tmp_path / "arch" / "documents").rglob("bk1_0.parquet")), stray)
    assert stray.exists()
    ArchiveSink(tmp_path / "arch")
    assert not stray.exists()
    with open_archive(tmp_path / "arch") as archive:
        assert archive.count("documents") == 2
