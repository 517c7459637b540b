"""The extractor's heads over one encoder pass, in NumPy (run time needs no torch).

Given a sentence's hidden states ``h`` (``T x H``) and its mask:

- **type head**: ``sigmoid(W_type . mean(h) + v_t . a_t)``, one probability per PLOVER type (several events per
  sentence), from the sentence vector and the type's own focus ``a_t`` (below);
  The type head's attention queries are its own (``type_query``, refit after fine-tuning) or, in older
  weights, the focus queries below;
- **event focus**: for a type ``t``, attention over the word pieces with a query made from the type's
  embedding ``e_t``: ``a_t = softmax(h . q(e_t)) . h`` (which part of the sentence the event is);
- **status head**: ``softmax(MLP([a_t, s, e_t]))`` over asserted / alleged / denied / hypothetical;
- **mode head**: ``softmax(MLP([a_t, e_t]))`` over the type's modes and "no mode";
- **role head**: for each candidate ``c`` with pooled state ``m_c`` and syntactic cues ``f_c`` (dependency
  label, governing preposition), ``sigmoid(MLP([m_c, a_t, m_c * a_t, e_t, f_c]))`` = (is actor, is recipient,
  is claimant).

The weights are trained by :mod:`.training` (the torch twin of this module) and stored in an ``.npz``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from ..plover import MODES

__all__ = ["Heads"]

Array = npt.NDArray[np.float32]


def _sigmoid(x: Array) -> Array:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -30, 30))), dtype=np.float32)


def _softmax(x: Array) -> Array:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return np.asarray(z / z.sum(axis=-1, keepdims=True), dtype=np.float32)


class Heads:
    """The head weights (names as :mod:`.training` exports them) and their forward passes."""

    def __init__(self, weights: Mapping[str, Array]) -> None:
        self.w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
        self.scale = float(np.sqrt(self.w["query_w"].shape[1]))

    def _mlp(self, name: str, x: Array) -> Array:
        w = self.w
        hidden = np.maximum(x @ w[f"{name}_w1"] + w[f"{name}_b1"], 0.0)
        return np.asarray(hidden @ w[f"{name}_w2"] + w[f"{name}_b2"], dtype=np.float32)

    @staticmethod
    def pool(hidden: Array, mask: Array) -> Array:
        """Mean of the hidden states under ``mask`` (``T`` or ``k x T``)."""
        m = mask.astype(np.float32)
        if m.ndim == 1:
            return np.asarray(m @ hidden / max(float(m.sum()), 1e-9), dtype=np.float32)
        return np.asarray(m @ hidden / np.maximum(m.sum(axis=1, keepdims=True), 1e-9), dtype=np.float32)

    def types(self, hidden: Array, mask: Array) -> Array:
        """Probability of each PLOVER type (in ``EVENT_TYPES`` order): the sentence vector and each type's own
        focus over the word pieces."""
        w = self.w
        q = w["type_query"] if "type_query" in w else w["type_emb"] @ w["query_w"] + w["query_b"]  # types x H
        scores = np.where(mask[None, :] > 0, q @ hidden.T / self.scale, -1e9).astype(np.float32)
        focus = _softmax(scores) @ hidden  # types x H
        logits = self.pool(hidden, mask) @ w["type_w"] + w["type_b"] + (focus * w["type_focus"]).sum(axis=1)
        return _sigmoid(np.asarray(logits, dtype=np.float32))

    def focus(self, hidden: Array, mask: Array, t: int) -> tuple[Array, Array]:
        """``(a_t, attention weights over the word pieces)`` for type index ``t``."""
        q = self.w["type_emb"][t] @ self.w["query_w"] + self.w["query_b"]
        scores = hidden @ q / self.scale
        scores = np.where(mask > 0, scores, -1e9).astype(np.float32)
        weights = _softmax(scores)
        return np.asarray(weights @ hidden, dtype=np.float32), weights

    def status(self, focus: Array, pooled: Array, t: int) -> Array:
        """Probabilities of asserted, alleged, denied, hypothetical."""
        x = np.concatenate([focus, pooled, self.w["type_emb"][t]])
        return _softmax(self._mlp("status", x))

    def mode(self, focus: Array, t: int, event_type: str) -> str | None:
        """The most likely mode of the type, or None when the type has none in the ontology."""
        allowed = [i for i, (typ, _) in enumerate(MODES) if typ == event_type]
        if not allowed:
            return None
        logits = self._mlp("mode", np.concatenate([focus, self.w["type_emb"][t]]))
        best = max([*allowed, len(MODES)], key=lambda i: float(logits[i]))  # the last logit: no mode
        return MODES[best][1] if best < len(MODES) else None

    def roles(self, cands: Array, focus: Array, t: int, feats: Array) -> Array:
        """``k x 3`` probabilities (actor, recipient, claimant) for the ``k`` pooled candidates with their
        syntactic cues ``feats`` (``k x F``)."""
        if cands.shape[0] == 0:
            return np.zeros((0, 3), dtype=np.float32)
        k = cands.shape[0]
        emb = np.repeat(self.w["type_emb"][t][None, :], k, axis=0)
        foc = np.repeat(focus[None, :], k, axis=0)
        return _sigmoid(self._mlp("role", np.concatenate([cands, foc, cands * foc, emb, feats], axis=1)))
