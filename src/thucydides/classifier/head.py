"""A softmax classifier head in numpy: multinomial logistic regression or a one-hidden-layer MLP.

Training is full-batch Adam with L2 regularisation and per-example weights, deterministic for a given seed.
Inference needs only numpy; weights are saved as ``.npz``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..errors import DataError, InputError
from .features import HASH_DIM, SparseRows, idf_weights

__all__ = ["Head", "TrainConfig", "fit_head"]

Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters. ``hidden=0`` gives logistic regression; otherwise a ReLU layer of that width."""

    hidden: int = 0
    ngrams: bool = True
    idf: bool = True
    dense_scale: float = 0.5
    l2: float = 1e-4
    steps: int = 400
    lr: float = 0.05
    seed: int = 13


def _softmax(z: Array) -> Array:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)


@dataclass
class Head:
    """Weights of a trained head and the class labels its outputs stand for."""

    labels: tuple[str, ...]
    params: dict[str, Array]

    @property
    def uses_ngrams(self) -> bool:
        """Whether the head also reads hashed n-gram features."""
        return "ws" in self.params

    def logits(self, x: Array, sparse: SparseRows | None = None) -> Array:
        """Raw scores, shape ``(n, len(labels))``; ``sparse`` is required when :attr:`uses_ngrams`."""
        x, sparse = _prepare(self.params, x, sparse)
        return _forward(self.params, x, sparse)[0]

    def predict_proba(self, x: Array, sparse: SparseRows | None = None) -> Array:
        """Class probabilities, shape ``(n, len(labels))``."""
        return _softmax(self.logits(x, sparse))

    def save(self, path: Path) -> None:
        """Write the head as a compressed ``.npz`` (labels included)."""
        arrays = {k: v.astype(np.float32) for k, v in self.params.items()}
        np.savez_compressed(path, labels=np.array(self.labels), **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> Head:
        """Read a head written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                labels = tuple(str(s) for s in data["labels"])
                params = {k: np.asarray(data[k], dtype=np.float32) for k in data.files if k != "labels"}
        except (OSError, ValueError, KeyError) as exc:
            raise DataError("E011", f"classifier weights {path} are unreadable: {exc}") from None
        if "w" not in params or params["w"].shape[1] != len(labels):
            raise DataError("E011", f"classifier weights {path} do not match their labels")
        return cls(labels, params)


def _prepare(params: dict[str, Array], x: Array, sparse: SparseRows | None) -> tuple[Array, SparseRows | None]:
    """Inputs as the weights expect them: the embedding scaled, the n-grams IDF-weighted (fixed at training)."""
    if "dense_scale" in params:
        x = (x * params["dense_scale"][0]).astype(np.float32)
    if sparse is not None and "idf" in params:
        sparse = sparse.reweighted(params["idf"])
    return x, sparse


def _forward(params: dict[str, Array], x: Array, sparse: SparseRows | None) -> tuple[Array, Array]:
    """Logits and the hidden representation the output layer reads."""
    h = x
    if "w1" in params:
        h = np.maximum(x @ params["w1"] + params["b1"], 0.0)
    out = h @ params["w"] + params["b"]
    if "ws" in params:
        if sparse is None:
            raise DataError("E011", "this classifier head needs n-gram features")
        out = out + sparse.dot(params["ws"])
    return np.asarray(out, dtype=np.float32), np.asarray(h, dtype=np.float32)


def _init(dim: int, classes: int, cfg: TrainConfig) -> dict[str, Array]:
    rng = np.random.default_rng(cfg.seed)
    params: dict[str, Array] = {}
    if cfg.ngrams:
        params["ws"] = np.zeros((HASH_DIM, classes), dtype=np.float32)
    width = dim
    if cfg.hidden:
        params["w1"] = (rng.standard_normal((dim, cfg.hidden)) * np.sqrt(2.0 / dim)).astype(np.float32)
        params["b1"] = np.zeros(cfg.hidden, dtype=np.float32)
        width = cfg.hidden
    params["w"] = (rng.standard_normal((width, classes)) * 0.01).astype(np.float32)
    params["b"] = np.zeros(classes, dtype=np.float32)
    return params


def _gradients(params: dict[str, Array], x: Array, sparse: SparseRows | None, target: Array,
               weight: Array, l2: float) -> dict[str, Array]:
    logits, h = _forward(params, x, sparse)
    delta = (_softmax(logits) - target) * weight[:, None]
    grads = {"w": h.T @ delta + l2 * params["w"], "b": delta.sum(axis=0)}
    if sparse is not None and "ws" in params:
        grads["ws"] = sparse.t_dot(delta, HASH_DIM) + l2 * params["ws"]
    if "w1" in params:
        back = (delta @ params["w"].T) * (h > 0)
        grads["w1"] = x.T @ back + l2 * params["w1"]
        grads["b1"] = back.sum(axis=0)
    return {k: np.asarray(v, dtype=np.float32) for k, v in grads.items()}


def fit_head(x: Array, y: npt.NDArray[np.int64], labels: tuple[str, ...], weight: Array | None = None,
             cfg: TrainConfig = TrainConfig(), sparse: SparseRows | None = None) -> Head:
    """Fit a head on embeddings ``x`` (and n-gram rows ``sparse``) with class indices ``y``.

    ``weight`` defaults to 1 per example.

    Weights are normalised to sum to 1, so ``l2`` does not depend on the data size.
    """
    n = len(y)
    if n == 0:
        raise InputError("E005", "no training examples")
    w = np.ones(n, dtype=np.float32) if weight is None else weight.astype(np.float32)
    w = w / w.sum()
    target = np.zeros((n, len(labels)), dtype=np.float32)
    target[np.arange(n), y] = 1.0
    if cfg.ngrams and sparse is None:
        raise InputError("E005", "n-gram features are switched on but none were given")
    params = _init(x.shape[1], len(labels), cfg)
    params["dense_scale"] = np.array([cfg.dense_scale], dtype=np.float32)
    if sparse is not None and cfg.ngrams and cfg.idf:
        params["idf"] = idf_weights(sparse)
    x, sparse = _prepare(params, x, sparse)
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v2 = {k: np.zeros_like(v) for k, v in params.items()}
    for step in range(1, cfg.steps + 1):
        grads = _gradients(params, x, sparse, target, w, cfg.l2)
        for k, g in grads.items():
            m[k] = 0.9 * m[k] + 0.1 * g
            v2[k] = 0.999 * v2[k] + 0.001 * g * g
            mhat, vhat = m[k] / (1 - 0.9**step), v2[k] / (1 - 0.999**step)
            params[k] = (params[k] - cfg.lr * mhat / (np.sqrt(vhat) + 1e-8)).astype(np.float32)
    return Head(labels, params)
