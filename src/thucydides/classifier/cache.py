"""Embedding with an optional on-disk cache keyed by the text's hash (for repeated training runs)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..errors import InputError
from .embed import DIM, get_embedder

__all__ = ["embed_cached"]

_CACHE_NAME = "minilm_int8_embeddings.npz"


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _read_cache(path: Path) -> dict[str, npt.NDArray[np.float32]]:
    if not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            keys, vectors = data["keys"], np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, ValueError, KeyError):
        return {}  # a broken cache is only a cache: recompute
    if vectors.ndim != 2 or vectors.shape[1] != DIM or len(keys) != len(vectors):
        return {}
    return {str(k): vectors[i] for i, k in enumerate(keys)}


def embed_cached(texts: Sequence[str], cache_dir: Path | None = None) -> npt.NDArray[np.float32]:
    """Embed ``texts``; with ``cache_dir``, reuse and extend the vectors stored there."""
    if cache_dir is None:
        return get_embedder().embed(texts)
    if cache_dir.exists() and not cache_dir.is_dir():
        raise InputError("E003", f"cache path {cache_dir} is not a directory")
    path = cache_dir / _CACHE_NAME
    cache = _read_cache(path)
    keys = [_key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cache}.items())
    if missing:
        vectors = get_embedder().embed([t for _, t in missing])
        cache.update({k: vectors[i] for i, (k, _) in enumerate(missing)})
        cache_dir.mkdir(parents=True, exist_ok=True)
        all_keys = sorted(cache)
        np.savez(path, keys=np.array(all_keys), vectors=np.stack([cache[k] for k in all_keys]))
    return np.stack([cache[k] for k in keys]).astype(np.float32)
