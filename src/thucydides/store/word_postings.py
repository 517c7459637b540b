"""The search index held in memory by a process that searches one store many times (the web server).

:func:`~.api_queries.search_hits` answers one search with SQL: the postings of each search word in
``search_words`` (document id strings) semi-joined. :class:`WordPostings` keeps instead, for each search
word asked for, the documents having a word that contains it as a sorted array of *ordinals*: a document's
rank in the order of the hits (publication date, newest first, then id). A search is then the intersection
of a few integer arrays (a bit mask per further word), its number of hits that of the intersection, and its
newest hits the first ordinals, so a search whose words were asked for before costs no SQL, and a search of
a new word costs one read of that word's postings.

Document ids reach the ordinals by DuckDB's 64-bit ``hash`` of the id (an integer array from DuckDB, no id
string copied to Python), exact as long as no two stored ids share a hash: when two do, the index says so
(:meth:`WordPostings.hits` returns None) and the caller answers with SQL. The arrays are of the store as it
was read; whoever changes the store must drop the object (the server makes a new one for every generation
of its store, see ``web/state.py``). A document stored after the order was read is not found by this
object (its ordinal is unknown), which is why it must be dropped.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np

from .connection import Store
from .derived import WORD_PATTERN

__all__ = ["HASH_SQL", "POSTINGS_BUDGET", "SPLIT_MEMO", "WordPostings", "search_words"]

#: Most document ordinals (over every word) kept in memory; the least recently used words go first.
POSTINGS_BUDGET = 16_000_000

#: How many search texts keep their split into words.
SPLIT_MEMO = 4096

#: Most words of a search that are looked up (as :data:`~.api_queries.MAX_SEARCH_WORDS`).
MAX_WORDS = 12

#: The integer standing for a document id (a column name is substituted for ``{column}``).
HASH_SQL = "hash({column})"

_WORDS = f"SELECT regexp_extract_all(lower(?), '{WORD_PATTERN}')"
_ORDER = ("SELECT {hash} AS h, id, published FROM documents "
          "ORDER BY published DESC NULLS LAST, id")
_POSTINGS = ("SELECT {hash} AS h FROM search_words "
             "WHERE word IN (SELECT word FROM search_vocab WHERE contains(word, ?))")


def search_words(store: Store, text: str) -> list[str]:
    """The distinct words of ``text`` a search looks up (lower-cased runs of letters and digits, sorted; at
    most :data:`MAX_WORDS`), split by DuckDB with the index's own pattern."""
    row = store.execute(_WORDS, [text]).fetchone()
    return sorted({str(w) for w in (row[0] if row and row[0] else [])})[:MAX_WORDS]


@dataclass(frozen=True)
class _Order:
    """Every stored document in the order of the hits: ``ids[i]`` and ``published[i]`` of ordinal ``i``;
    the id hashes sorted (``hashes``) with the ordinal of each (``ordinals``); ``unique`` is false when two
    ids share a hash."""

    ids: np.ndarray
    published: np.ndarray
    hashes: np.ndarray
    ordinals: np.ndarray
    unique: bool


def _read_order(store: Store) -> _Order:
    columns = store.execute(_ORDER.format(hash=HASH_SQL.format(column="id"))).fetchnumpy()
    hashes = np.asarray(columns["h"]).astype(np.uint64)
    ordinals = np.argsort(hashes, kind="stable").astype(np.int64)
    sorted_hashes = hashes[ordinals]
    unique = bool(len(sorted_hashes) < 2 or np.all(sorted_hashes[1:] != sorted_hashes[:-1]))
    ids = np.asarray(columns["id"], dtype=object)
    days = np.ma.filled(columns["published"], np.datetime64("NaT")).astype("datetime64[D]")
    return _Order(ids, days.astype(object), sorted_hashes, ordinals, unique)


def _read_ordinals(store: Store, order: _Order, word: str) -> np.ndarray:
    """The sorted ordinals, in ``order``, of the documents of ``search_words`` with a word containing ``word``
    (documents ``order`` does not hold are left out)."""
    sql = _POSTINGS.format(hash=HASH_SQL.format(column="doc_id"))
    found = np.sort(np.asarray(store.execute(sql, [word]).fetchnumpy()["h"]).astype(np.uint64))  # sorted: faster
    if not len(order.hashes):
        return np.zeros(0, dtype=np.int32)
    place = np.minimum(np.searchsorted(order.hashes, found), len(order.hashes) - 1)
    held = np.zeros(len(order.hashes), dtype=bool)  # a document once, however many of its words match
    held[order.ordinals[place[order.hashes[place] == found]]] = True
    return np.flatnonzero(held).astype(np.int32)


class WordPostings:
    """The ordinals of the documents holding each search word asked for, over one state of one store."""

    def __init__(self, budget: int = POSTINGS_BUDGET) -> None:
        self.budget = budget
        self._order: _Order | None = None
        self._words: OrderedDict[str, np.ndarray] = OrderedDict()
        self._size = 0
        self._split: OrderedDict[str, list[str]] = OrderedDict()
        self._loading: dict[str, threading.Lock] = {}
        self._order_lock = threading.Lock()
        self._lock = threading.Lock()

    def _words_of(self, store: Store, text: str) -> list[str]:
        """:func:`search_words` of ``text``, remembered for the :data:`SPLIT_MEMO` latest texts."""
        with self._lock:
            if text in self._split:
                self._split.move_to_end(text)
                return self._split[text]
        words = search_words(store, text)
        with self._lock:
            self._split[text] = words
            while len(self._split) > SPLIT_MEMO:
                self._split.popitem(last=False)
        return words

    def _order_of(self, store: Store) -> _Order:
        with self._order_lock:
            if self._order is None:
                self._order = _read_order(store)
            return self._order

    def prepare(self, store: Store) -> None:
        """Read the order of the documents now (the server does it when it starts, so that its first
        search does not)."""
        self._order_of(store)

    @property
    def prepared(self) -> bool:
        """Whether the order of the documents has been read."""
        return self._order is not None

    def _cached(self, word: str) -> np.ndarray | None:
        with self._lock:
            if word in self._words:
                self._words.move_to_end(word)
                return self._words[word]
            return None

    def _ordinals(self, store: Store, order: _Order, word: str) -> np.ndarray:
        """The sorted ordinals of the documents with a word containing ``word``: read once (by one request
        while the others asking for it wait), then kept."""
        found = self._cached(word)
        if found is not None:
            return found
        with self._lock:
            loading = self._loading.setdefault(word, threading.Lock())
        with loading:
            found = self._cached(word)
            if found is None:
                found = _read_ordinals(store, order, word)
                self._keep(word, found)
            with self._lock:
                self._loading.pop(word, None)
        return found

    def _keep(self, word: str, ordinals: np.ndarray) -> None:
        with self._lock:
            if word not in self._words:
                self._words[word] = ordinals
                self._size += len(ordinals)
            while self._size > self.budget and len(self._words) > 1:
                _, dropped = self._words.popitem(last=False)
                self._size -= len(dropped)

    def hits(self, store: Store, text: str, cap: int) -> tuple[int, list[str], list[dt.date | None]] | None:
        """As :func:`~.api_queries.search_hits`: the number of documents in which every word of ``text``
        occurs within one of their words, and the ids and publication dates of the newest ``cap``; None
        when this index cannot answer exactly (two document ids share a hash)."""
        order = self._order_of(store)
        if not order.unique:
            return None
        words = self._words_of(store, text)
        if not words:
            return 0, [], []
        found = _intersect([self._ordinals(store, order, w) for w in words], len(order.ids))
        first = found[:max(int(cap), 0)]
        return len(found), [str(i) for i in order.ids[first]], list(order.published[first])

    def cached_words(self) -> list[str]:
        """The words whose postings are kept, least recently used first."""
        with self._lock:
            return list(self._words)


def _intersect(arrays: list[np.ndarray], n: int) -> Any:
    """The ordinals in every one of ``arrays`` (each sorted), sorted."""
    arrays = sorted(arrays, key=len)
    found = arrays[0]
    for other in arrays[1:]:
        if not len(found):
            break
        mask = np.zeros(n, dtype=bool)
        mask[other] = True
        found = found[mask[found]]
    return found
