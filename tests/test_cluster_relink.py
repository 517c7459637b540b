"""A cluster ingest killed after its last shard was merged and before the stories were relinked: the next run
(which adds nothing, every batch being done) finishes the linking, into a store or a Parquet archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _fakes import claim, doc
from thucydides.cluster import ArchiveSink, StoreSink, open_archive
from thucydides.cluster.shards import Shard
from thucydides.model import Document
from thucydides.store import open_store, write_documents


def _docs() -> list[Document]:
    return [doc(f"Bulletin {i}", [("ASSAULT", "RUS", "UKR", [claim("asserted", ("UKR",), evidence="shelled Kharkiv"),
                                                              claim("denied", ("RUS",), evidence="no shelling")],
                                   f"2022-05-0{1 + i % 2}")], published=f"2022-05-0{1 + i % 2}", outlet=f"Wire {i}")
            for i in range(4)]


def _members(store: Any) -> tuple[int, int]:
    row = store.execute("SELECT (SELECT count(*) FROM propositions), "
                        "(SELECT count(*) FROM story_members)").fetchone()
    return int(row[0]), int(row[1])


def test_a_store_sink_finishes_the_linking_a_killed_run_left(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        write_documents(store, _docs())  # the shards were merged, then the run was killed
        assert _members(store) == (4, 0)
        assert StoreSink(store).finish(0) > 0
        assert _members(store) == (4, 4)
        assert StoreSink(store).finish(0) == 0  # nothing added and everything linked: no relinking


def test_an_archive_sink_finishes_the_linking_a_killed_run_left(tmp_path: Path) -> None:
    root = tmp_path / "arch"
    ArchiveSink(root).merge("k1", Shard(_docs(), {}, []))  # no finish(): the run was killed
    with open_archive(root) as archive:
        assert _members(archive) == (4, 0)
    assert ArchiveSink(root).finish(0) > 0
    with open_archive(root) as archive:
        assert _members(archive) == (4, 4)
    assert ArchiveSink(root).finish(0) == 0
