"""Near-duplicate grouping and a group-respecting, class-stratified held-out split.

Two sentences are near duplicates when the Jaccard similarity of their word 3-shingle sets (normalised
text) is at least :data:`JACCARD_THRESHOLD`, or, when embeddings are given, when their cosine is at least
:data:`COSINE_THRESHOLD`. Near-duplicate pairs are joined by union-find,
so a group is a connected component (A~B and B~C puts A, B and C together). The split then assigns whole
groups to the held-out part, class by class, with a fixed seed, so no group straddles the split.

Everything is deterministic: the grouping depends only on the texts, the split only on the groups, the labels
and the seed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

from ..errors import InvalidValue

__all__ = ["COSINE_THRESHOLD", "JACCARD_THRESHOLD", "HeldOutSplit", "near_duplicate_groups", "normalise",
           "shingles", "similar_vector_pairs", "split_by_group"]

#: Word 3-shingle Jaccard at or above which two sentences are near duplicates.
JACCARD_THRESHOLD = 0.5
#: Sentence-embedding cosine at or above which two sentences are near duplicates (used by the held-out eval).
COSINE_THRESHOLD = 0.85
SHINGLE = 3
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """NFKC, lower case, every run of non-word characters a single space."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_NON_WORD.sub(" ", folded).split())


def shingles(text: str, size: int = SHINGLE) -> frozenset[tuple[str, ...]]:
    """The set of ``size``-word windows of the normalised text (the whole text when it is shorter)."""
    words = normalise(text).split()
    if len(words) <= size:
        return frozenset({tuple(words)})
    return frozenset(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _candidate_pairs(sets: Sequence[frozenset[tuple[str, ...]]]) -> set[tuple[int, int]]:
    """Pairs sharing at least one shingle (an inverted index, so unrelated pairs are never compared)."""
    index: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            index[sh].append(i)
    return {pair for rows in index.values() for pair in combinations(rows, 2)}


def _check_unit(what: str, value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise InvalidValue("E001", what, value, ["a number in (0, 1]"])


def similar_vector_pairs(vectors: npt.NDArray[np.float32], cosine: float = COSINE_THRESHOLD
                         ) -> set[tuple[int, int]]:
    """Pairs of rows whose (L2-normalised) vectors have a cosine of at least ``cosine``."""
    _check_unit("near-duplicate cosine threshold", cosine)
    sims = vectors @ vectors.T
    rows, cols = np.nonzero(np.triu(sims >= cosine, k=1))
    return {(int(a), int(b)) for a, b in zip(rows, cols, strict=True)}


def near_duplicate_groups(texts: Sequence[str], threshold: float = JACCARD_THRESHOLD,
                          extra_pairs: Iterable[tuple[int, int]] = ()) -> list[int]:
    """A group number per text: the smallest index of its near-duplicate component.

    ``extra_pairs`` (e.g. from :func:`similar_vector_pairs`) are joined as well.
    """
    _check_unit("near-duplicate Jaccard threshold", threshold)
    sets = [shingles(t) for t in texts]
    parent = list(range(len(texts)))
    for a, b in sorted(_candidate_pairs(sets)):
        if len(sets[a] & sets[b]) >= threshold * len(sets[a] | sets[b]):
            _union(parent, a, b)
    for a, b in extra_pairs:
        _union(parent, a, b)
    return [_find(parent, i) for i in range(len(texts))]


@dataclass(frozen=True)
class HeldOutSplit:
    """Row indices of the two parts; ``held_out`` keeps one sentence per group, ``dropped`` the others."""

    train: tuple[int, ...]
    held_out: tuple[int, ...]
    dropped: tuple[int, ...]


def _group_class(groups: Sequence[int], labels: Sequence[int]) -> dict[int, int]:
    """Each group's majority label (ties: the smallest label)."""
    votes: defaultdict[int, Counter[int]] = defaultdict(Counter)
    for g, y in zip(groups, labels, strict=True):
        votes[g][y] += 1
    return {g: min(c, key=lambda y: (-c[y], y)) for g, c in votes.items()}


def _held_out_groups(groups: Sequence[int], labels: Sequence[int], fraction: float, seed: int) -> set[int]:
    """Whole groups, drawn per majority class in a seeded order until ``fraction`` of its sentences."""
    size = Counter(groups)
    by_class: defaultdict[int, list[int]] = defaultdict(list)
    for g, y in sorted(_group_class(groups, labels).items()):
        by_class[y].append(g)
    rng = np.random.default_rng(seed)
    chosen: set[int] = set()
    for y in sorted(by_class):
        members = by_class[y]
        target, taken = fraction * sum(size[g] for g in members), 0
        for k in rng.permutation(len(members)):
            if taken >= target:
                break
            chosen.add(members[k])
            taken += size[members[k]]
    return chosen


def split_by_group(groups: Sequence[int], labels: Sequence[int], fraction: float = 0.2,
                   seed: int = 0) -> HeldOutSplit:
    """Split rows so that about ``fraction`` of each class is held out and no group straddles the split.

    The held-out part is de-duplicated: it keeps the first sentence of each of its groups.
    """
    if not 0.0 < fraction < 1.0:
        raise InvalidValue("E001", "held-out fraction", fraction, ["a number in (0, 1)"])
    held = _held_out_groups(groups, labels, fraction, seed)
    train, kept, dropped = [], [], []
    seen: set[int] = set()
    for i, g in enumerate(groups):
        if g not in held:
            train.append(i)
        elif g in seen:
            dropped.append(i)
        else:
            kept.append(i)
            seen.add(g)
    return HeldOutSplit(tuple(train), tuple(kept), tuple(dropped))
