"""Hashed word n-gram features (unigrams and bigrams), a sparse complement to the sentence embedding.

Each text becomes a sparse row: the hashed indices of its lower-cased words and word pairs, with sublinear
term frequency and L2 normalisation. Hashing uses CRC-32, so indices are stable across runs and platforms.
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["HASH_DIM", "SparseRows", "idf_weights", "ngram_features"]

#: Number of hash buckets.
HASH_DIM = 2**15
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class SparseRows:
    """Rows in CSR order: every row has at least one entry (a constant start-of-text feature)."""

    cols: npt.NDArray[np.int64]
    vals: npt.NDArray[np.float32]
    starts: npt.NDArray[np.int64]

    @property
    def n_rows(self) -> int:
        """Number of rows."""
        return len(self.starts)

    @functools.cached_property
    def row_ids(self) -> npt.NDArray[np.int64]:
        """The row index of every stored entry."""
        lengths = np.diff(np.append(self.starts, len(self.cols)))
        return np.repeat(np.arange(self.n_rows), lengths)

    @functools.cached_property
    def _by_column(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Entry order sorted by column, the distinct columns, and where each starts in that order."""
        order = np.argsort(self.cols, kind="stable")
        cols = self.cols[order]
        first = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
        return order, cols[first], first

    def take(self, rows: npt.NDArray[np.int64]) -> SparseRows:
        """A new matrix made of the given rows, in that order."""
        ends = np.append(self.starts, len(self.cols))
        parts = [np.arange(ends[r], ends[r + 1]) for r in rows]
        idx = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        lengths = np.array([len(p) for p in parts], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        return SparseRows(self.cols[idx], self.vals[idx], starts)

    def document_frequency(self, dim: int = HASH_DIM) -> npt.NDArray[np.float32]:
        """In how many rows each column occurs."""
        return np.bincount(self.cols, minlength=dim).astype(np.float32)

    def reweighted(self, column_weights: npt.NDArray[np.float32]) -> SparseRows:
        """Values times a per-column weight (e.g. IDF), each row L2-normalised again."""
        vals = self.vals * column_weights[self.cols]
        norms = np.sqrt(np.add.reduceat(vals * vals, self.starts))
        vals = vals / np.maximum(norms[self.row_ids], 1e-12)
        return SparseRows(self.cols, vals.astype(np.float32), self.starts)

    def dot(self, weights: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """``rows @ weights`` for a ``(HASH_DIM, k)`` matrix."""
        contrib = self.vals[:, None] * weights[self.cols]
        return np.asarray(np.add.reduceat(contrib, self.starts, axis=0), dtype=np.float32)

    def t_dot(self, delta: npt.NDArray[np.float32], dim: int) -> npt.NDArray[np.float32]:
        """``rows.T @ delta``: a ``(dim, k)`` gradient."""
        out = np.zeros((dim, delta.shape[1]), dtype=np.float32)
        order, columns, first = self._by_column
        contrib = self.vals[order, None] * delta[self.row_ids[order]]
        out[columns] = np.add.reduceat(contrib, first, axis=0)
        return out


def _grams(text: str) -> Counter[str]:
    words = _WORD.findall(text.lower())
    grams = Counter(words)
    grams.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    grams["<s>"] = 1
    return grams


def ngram_features(texts: Sequence[str]) -> SparseRows:
    """Hash the unigrams and bigrams of every text into one sparse matrix."""
    cols: list[int] = []
    vals: list[float] = []
    starts: list[int] = []
    for text in texts:
        buckets: dict[int, float] = {}
        for gram, count in _grams(text).items():
            col = zlib.crc32(gram.encode("utf-8")) % HASH_DIM
            buckets[col] = buckets.get(col, 0.0) + 1.0 + float(np.log(count))
        norm = float(np.sqrt(sum(v * v for v in buckets.values())))
        starts.append(len(cols))
        for col in sorted(buckets):
            cols.append(col)
            vals.append(buckets[col] / norm)
    return SparseRows(np.array(cols, dtype=np.int64), np.array(vals, dtype=np.float32),
                      np.array(starts, dtype=np.int64))


def idf_weights(rows: SparseRows, dim: int = HASH_DIM) -> npt.NDArray[np.float32]:
    """Smoothed inverse document frequency of every column: ``log((1 + n) / (1 + df)) + 1``."""
    df = rows.document_frequency(dim)
    return np.asarray(np.log((1.0 + rows.n_rows) / (1.0 + df)) + 1.0, dtype=np.float32)
