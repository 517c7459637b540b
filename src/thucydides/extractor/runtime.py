"""The learned extractor at run time: ONNX encoder (onnxruntime) + NumPy heads; no torch.

:meth:`LearnedExtractor.predict` runs one encoder pass per sentence and returns, for every unit, a
:class:`UnitOutput`: every type's probability and, for each type above :data:`FLOOR`, the event's status
probabilities, mode, focus and role probabilities of the candidates. :mod:`.decode` turns outputs into events
with the thresholds stored beside the weights.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import ModelNotFound, message
from ..plover import EVENT_TYPES
from .artifacts import ENCODER_FILE, HEADS_FILE, META_FILE
from .encode import Batch, encode_units
from .heads import Heads
from .units import Unit

__all__ = ["FLOOR", "THREADS", "EventOutput", "LearnedExtractor", "UnitOutput", "default_model_dir", "get_extractor"]

#: Types below this probability are not expanded (no event can be decoded from them at any threshold).
FLOOR = 0.05
#: Threads of the encoder session. One: the encoder reads one sentence per call (see
#: :meth:`LearnedExtractor.predict`), too little work to share; a second thread made no sentence faster here
#: (1,267 Wikipedia lines, whole pipeline: 93 sentences/s on one thread or two) and spent 60 % more CPU
#: time waiting for work, which a second process extracting beside this one (a long article's worker,
#: ``ingest --workers 2``, a Dask worker) then lacks: a 400,000-character article on two processes took
#: 22.9 s with two threads a session and 18.6 s with one (``benchmarks/bench_long_document.py``).
THREADS = 1
Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class EventOutput:
    """The heads' view of one candidate event type in a unit.

    Attributes:
        type: the PLOVER type; ``p``: its probability.
        status: probabilities of asserted, alleged, denied, hypothetical.
        mode: the most likely mode, or None.
        roles: ``k x 3`` (actor, recipient, claimant) probabilities for the unit's ``k`` candidates.
        focus: character offsets (in the sentence) of the word piece the event attends to most.
    """

    type: str
    p: float
    status: tuple[float, float, float, float]
    mode: str | None
    roles: Array
    focus: tuple[int, int]


@dataclass(frozen=True)
class UnitOutput:
    """Every type probability of a unit and the expanded events (types above :data:`FLOOR`)."""

    unit: Unit
    types: tuple[float, ...]
    events: tuple[EventOutput, ...]


def default_model_dir() -> Path:
    """The shipped weights: the package's ``data/models`` folder."""
    return Path(__file__).resolve().parents[1] / "data" / "models"


class LearnedExtractor:
    """Encoder session, heads and metadata (thresholds) loaded from a model folder."""

    def __init__(self, model_dir: Path | None = None, threads: int = THREADS) -> None:
        import onnxruntime as ort

        folder = model_dir or default_model_dir()
        missing = [n for n in (ENCODER_FILE, HEADS_FILE, META_FILE) if not (folder / n).is_file()]
        if missing:
            raise ModelNotFound("E023", message("E023", files=", ".join(missing), folder=folder))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session: Any = ort.InferenceSession(str(folder / ENCODER_FILE), sess_options=options,
                                                 providers=["CPUExecutionProvider"])
        with np.load(folder / HEADS_FILE) as weights:
            self.heads = Heads({k: weights[k] for k in weights.files})
        self.meta: dict[str, Any] = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        #: whether the model was trained with context candidates (:func:`~.units.context_candidates`)
        self.context = bool(self.meta.get("context", False))

    def _hidden(self, batch: Batch) -> Array:
        out = self.session.run(None, {"input_ids": batch.ids, "attention_mask": batch.mask})[0]
        return np.asarray(out, dtype=np.float32)

    def _events(self, unit: Unit, hidden: Array, mask: Array, cands: Array, feats: Array,
                offsets: Sequence[tuple[int, int]], probs: Array) -> tuple[EventOutput, ...]:
        pooled = Heads.pool(hidden, mask)
        pooled_cands = Heads.pool(hidden, cands) if len(cands) else np.zeros((0, hidden.shape[1]), np.float32)
        found = []
        for t in np.flatnonzero(probs >= FLOOR):
            name = EVENT_TYPES[int(t)]
            focus, weights = self.heads.focus(hidden, mask, int(t))
            status = self.heads.status(focus, pooled, int(t))
            peak = offsets[int(np.argmax(weights))] if offsets else (0, 0)
            found.append(EventOutput(name, float(probs[t]), tuple(float(x) for x in status),  # type: ignore[arg-type]
                                     self.heads.mode(focus, int(t), name),
                                     self.heads.roles(pooled_cands, focus, int(t), feats), peak))
        return tuple(found)

    def predict(self, units: Sequence[Unit], batch_size: int = 1) -> list[UnitOutput]:
        """Outputs for ``units``, in order (sorted by length internally to keep padding short).

        One sentence per encoder call by default: the int8 encoder quantises its activations with one scale
        per call, so in a batch a sentence's probabilities would depend on its neighbours (by up to 0.3 on
        the dev lines); alone, a sentence always gets the same output, at about the same speed here.
        """
        with one_blas_thread():
            return self._predict(units, batch_size)

    def _predict(self, units: Sequence[Unit], batch_size: int) -> list[UnitOutput]:
        results: dict[int, UnitOutput] = {}
        order = sorted(range(len(units)), key=lambda i: len(units[i].text))
        for lo in range(0, len(order), batch_size):
            idx = order[lo:lo + batch_size]
            batch = encode_units([units[i] for i in idx])
            hidden = self._hidden(batch)
            for row, i in enumerate(idx):
                n = int(batch.mask[row].sum())
                h, m = hidden[row, :n], batch.smask[row, :n].astype(np.float32)
                probs = self.heads.types(h, m)
                events = self._events(units[i], h, m, batch.cand_masks[row][:, :n], batch.cand_feats[row],
                                      batch.offsets[row][:n], probs)
                results[i] = UnitOutput(units[i], tuple(float(p) for p in probs), events)
        return [results[i] for i in range(len(units))]


@functools.lru_cache(maxsize=1)
def _blas_libraries() -> tuple[Any, ...]:
    """threadpoolctl's controllers of the BLAS libraries loaded in this process (found once)."""
    from threadpoolctl import ThreadpoolController

    return tuple(ThreadpoolController().select(user_api="blas").lib_controllers)


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """A context in which NumPy's BLAS runs on one thread. The heads multiply a few rows by a few hundred
    columns at a time; on more threads OpenBLAS spends most of such a product waking and synchronising them
    (about ten times the single-thread time here while the encoder's own threads are busy). The libraries'
    own calls are used, not ``threadpool_limits``, which reads every library's settings on entry and exit."""
    libraries = _blas_libraries()
    before = [lib.get_num_threads() for lib in libraries]
    for lib in libraries:
        lib.set_num_threads(1)
    try:
        yield
    finally:
        for lib, n in zip(libraries, before, strict=True):
            lib.set_num_threads(n)


@functools.lru_cache(maxsize=2)
def get_extractor(model_dir: Path | None = None) -> LearnedExtractor:
    """The process-wide extractor for ``model_dir`` (the shipped one by default), loaded once."""
    return LearnedExtractor(model_dir)
