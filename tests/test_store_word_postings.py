"""The in-memory postings of search words (store/word_postings.py): the same hits, in the same order, as
the SQL search over the index, for random documents and searches; a fall-back when two ids share a hash;
a bounded memory; and why the object must be dropped when the store changes."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from thucydides.model import Document
from thucydides.store import Store, open_store, write_documents
from thucydides.store import word_postings as wp
from thucydides.store.api_queries import search_hits
from thucydides.store.word_postings import WordPostings, search_words

WORDS = ["grain", "grains", "regrained", "Odesa", "port", "Порт", "drone", "drones", "talks", "100", "x1"]


class _Cursor(Store):
    """A store reading through a cursor of its own on another store's connection (one per thread)."""

    def __init__(self, parent: Store) -> None:
        self.path, self.read_only, self.con = parent.path, parent.read_only, parent.con.cursor()


def _total(found: tuple[int, list[str], list[dt.date | None]] | None) -> int:
    assert found is not None
    return found[0]


def _doc(doc_id: str, text: str, published: str | None, title: str = "") -> Document:
    return Document.from_dict({"id": doc_id, "published": published, "title": title, "text": text,
                               "propositions": [], "loss_claims": []})


def _random_docs(rng: random.Random, n: int) -> list[Document]:
    docs = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 5))) + rng.choice([".", ", 5%_done", ""])
        day = None if rng.random() < 0.15 else f"2024-0{rng.randint(1, 3)}-0{rng.randint(1, 4)}"
        docs.append(_doc(f"{rng.choice('abc')}{i}", text, day, rng.choice(["", "Grain", "Talks today"])))
    return docs


def _query(rng: random.Random) -> str:
    pick = [rng.choice([*WORDS, "rain", "ODES", "orts", "nothing", "%%", "5%_done"]) for _ in range(rng.randint(0, 3))]
    return rng.choice([" ", ", ", " + "]).join(w[1:] if rng.random() < 0.3 and len(w) > 2 else w for w in pick)


@pytest.mark.parametrize("seed", range(4))
def test_hits_equal_the_sql_search_for_random_documents_and_searches(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with open_store(tmp_path / "r.duckdb") as store:
        write_documents(store, _random_docs(rng, 60))
        index = WordPostings()
        for _ in range(40):
            text, cap = _query(rng), rng.choice([0, 1, 3, 1000])
            assert index.hits(store, text, cap) == search_hits(store, text, cap), text
        assert index.cached_words()  # words were kept, and answered the later searches


def test_hits_are_newest_first_with_their_dates_and_one_per_document(tmp_path: Path) -> None:
    with open_store(tmp_path / "n.duckdb") as store:
        write_documents(store, [_doc("x", "Grain, grains and a grainy photo.", "2024-01-02"),
                                _doc("y", "Regrained fields.", "2024-01-01"), _doc("z", "Nothing here.", "2024-01-03"),
                                _doc("u", "Undated grain.", None)])
        index = WordPostings()
        assert index.hits(store, "rain", 10) == (3, ["x", "y", "u"], [dt.date(2024, 1, 2), dt.date(2024, 1, 1), None])
        assert index.hits(store, "GRAIN photo", 10) == (1, ["x"], [dt.date(2024, 1, 2)])
        assert index.hits(store, "grain missing", 10) == (0, [], [])
        assert index.hits(store, "%% ,", 10) == (0, [], [])
        assert index.hits(store, "rain", 1) == (3, ["x"], [dt.date(2024, 1, 2)])


def test_search_words_split_as_the_index_does(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.duckdb") as store:
        assert search_words(store, "Odesa's PORT, port; 100%_done") == ["100", "done", "odesa", "port", "s"]
        assert search_words(store, " ".join(f"w{i:02d}" for i in range(20))) == [f"w{i:02d}" for i in range(12)]
        assert search_words(store, "") == []


def test_ids_sharing_a_hash_leave_the_answer_to_sql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wp, "HASH_SQL", "hash({column}) % 2")  # three ids, two values: a collision
    with open_store(tmp_path / "c.duckdb") as store:
        write_documents(store, [_doc("a", "grain", "2024-01-01"), _doc("b", "grain", "2024-01-02"),
                                _doc("c", "talks", "2024-01-03")])
        assert WordPostings().hits(store, "grain", 10) is None
    monkeypatch.setattr(wp, "HASH_SQL", "hash({column})")
    with open_store(tmp_path / "c.duckdb") as store:
        assert WordPostings().hits(store, "grain", 10) == (2, ["b", "a"], [dt.date(2024, 1, 2), dt.date(2024, 1, 1)])


def test_the_least_recently_used_words_are_dropped_beyond_the_budget(tmp_path: Path) -> None:
    with open_store(tmp_path / "b.duckdb") as store:
        write_documents(store, [_doc(f"d{i}", "grain talks port" if i % 2 else "grain", "2024-01-01") for i in range(10)])
        index = WordPostings(budget=12)
        assert _total(index.hits(store, "grain", 100)) == 10  # 10 ordinals kept
        assert _total(index.hits(store, "talks", 100)) == 5  # 15 > 12: grain is dropped
        assert index.cached_words() == ["talks"]
        assert _total(index.hits(store, "port talks", 100)) == 5
        assert index.cached_words() == ["port", "talks"]  # talks used last
        assert index.hits(store, "grain", 100) == search_hits(store, "grain", 100)


def test_a_document_stored_after_the_order_was_read_needs_a_new_object(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        write_documents(store, [_doc("a", "grain", "2024-01-01")])
        stale = WordPostings()
        assert stale.hits(store, "grain", 10) == (1, ["a"], [dt.date(2024, 1, 1)])
        write_documents(store, [_doc("b", "grain ships", "2024-01-02")])
        assert stale.hits(store, "ships", 10) == (0, [], [])  # b has no ordinal in the order it read
        assert WordPostings().hits(store, "ships", 10) == search_hits(store, "ships", 10) == \
            (1, ["b"], [dt.date(2024, 1, 2)])


def test_a_word_asked_for_by_several_requests_at_once_is_read_once(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    read = wp._read_ordinals
    calls: list[str] = []

    def slow(store: object, order: object, word: str) -> object:
        calls.append(word)
        time.sleep(0.2)  # long enough for the other threads to ask for the same word meanwhile
        return read(store, order, word)  # type: ignore[arg-type]

    monkeypatch.setattr(wp, "_read_ordinals", slow)
    with open_store(tmp_path / "t.duckdb") as store:
        write_documents(store, [_doc("a", "grain talks", "2024-01-01"), _doc("b", "grain", "2024-01-02")])
    with open_store(tmp_path / "t.duckdb", read_only=True) as store:
        index, answers = WordPostings(), []
        index.prepare(store)

        def ask() -> None:
            with _Cursor(store) as cursor:
                answers.append(index.hits(cursor, "grain", 5))

        threads = [threading.Thread(target=ask) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert calls == ["grain"] and answers == [(2, ["b", "a"], [dt.date(2024, 1, 2), dt.date(2024, 1, 1)])] * 4
