"""The shipped event classifier: PLOVER type and quad-class probabilities for sentences."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import DataError, InputError
from .embed import Embedder, get_embedder
from .features import ngram_features
from .head import Head

__all__ = ["EventClassifier", "default_model_dir"]

_TYPE_FILE = "event_type_head.npz"
_QUAD_FILE = "event_quad_head.npz"


def default_model_dir() -> Path:
    """The folder of the shipped classifier artifacts inside the installed package."""
    return Path(str(resources.files("thucydides").joinpath("data/models")))


class EventClassifier:
    """Sentence-level PLOVER event-type and quad-class classifier.

    >>> clf = EventClassifier.load()
    >>> probs = clf.predict(["Artillery shelled the town overnight."])[0]
    >>> max(probs, key=probs.get)
    'ASSAULT'
    """

    def __init__(self, type_head: Head, quad_head: Head, embedder: Embedder | None = None) -> None:
        self.type_head = type_head
        self.quad_head = quad_head
        self._embedder = embedder

    @classmethod
    def load(cls, model_dir: Path | str | None = None) -> EventClassifier:
        """Load the classifier from ``model_dir`` (default: the shipped one); cached per folder."""
        return _load_cached(str(Path(model_dir) if model_dir is not None else default_model_dir()))

    @property
    def types(self) -> tuple[str, ...]:
        """The type labels (16 PLOVER types and ``NONE``)."""
        return self.type_head.labels

    def _probabilities(self, head: Head, sentences: Sequence[str], batch_size: int) -> list[dict[str, float]]:
        if isinstance(sentences, str):
            raise InputError("E001", "predict() takes a sequence of sentences, not one string")
        if not sentences:
            return []
        embedder = self._embedder or get_embedder()
        texts = [s if s.strip() else " " for s in sentences]
        dense = embedder.embed(texts, batch_size=batch_size)
        sparse = ngram_features(texts) if head.uses_ngrams else None
        probs = head.predict_proba(dense, sparse)
        return [dict(zip(head.labels, map(float, row), strict=True)) for row in probs]

    def predict(self, sentences: Sequence[str], batch_size: int = 64) -> list[dict[str, float]]:
        """For each sentence, the probability of every type label (``NONE`` = no event); rows sum to 1."""
        return self._probabilities(self.type_head, sentences, batch_size)

    def predict_quad(self, sentences: Sequence[str], batch_size: int = 64) -> list[dict[str, float]]:
        """For each sentence, the probability of each quad class (``NEUTRAL``, ``VERBAL_COOPERATION``, ...)."""
        return self._probabilities(self.quad_head, sentences, batch_size)

    def predict_both(self, sentences: Sequence[str],
                     batch_size: int = 64) -> list[tuple[dict[str, float], dict[str, float]]]:
        """Type and quad probabilities together, embedding each sentence once."""
        if isinstance(sentences, str):
            raise InputError("E001", "predict_both() takes a sequence of sentences, not one string")
        if not sentences:
            return []
        texts = [s if s.strip() else " " for s in sentences]
        dense = (self._embedder or get_embedder()).embed(texts, batch_size=batch_size)
        sparse = ngram_features(texts)
        t = self.type_head.predict_proba(dense, sparse if self.type_head.uses_ngrams else None)
        q = self.quad_head.predict_proba(dense, sparse if self.quad_head.uses_ngrams else None)
        return [(dict(zip(self.type_head.labels, map(float, a), strict=True)),
                 dict(zip(self.quad_head.labels, map(float, b), strict=True))) for a, b in zip(t, q, strict=True)]


@functools.lru_cache(maxsize=4)
def _load_cached(model_dir: str) -> EventClassifier:
    folder = Path(model_dir)
    paths = [folder / _TYPE_FILE, folder / _QUAD_FILE]
    for path in paths:
        if not path.is_file():
            raise DataError("E011", f"classifier weights {path} are missing; rebuild them with 'thucydides train'")
    heads = [Head.load(p) for p in paths]
    if not np.isfinite(heads[0].params["w"]).all():
        raise DataError("E011", f"classifier weights in {folder} contain non-finite values")
    return EventClassifier(heads[0], heads[1])
