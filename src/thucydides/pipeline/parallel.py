"""A long article on several processes: its chunks (:mod:`.chunks`) are parsed and run through the per-chunk
stages in batches, the batches dealt in turn to this process and to worker processes forked from it; this
process puts what they found back together in order and runs the whole-article stages once, as the
single-process path does, so the results are the same.

This process extracts the first batch before forking, so the workers share every model it loaded (the spaCy
pipeline, the gazetteers, the ONNX sessions) instead of loading their own. A forked worker runs the inherited
ONNX sessions on its own thread and never frees them (their thread pools' threads are not in the worker).
Forking is used only where it is safe and worth it (:func:`workers_for`): outside a worker of a pool
(ingest's, Dask's), on a platform with ``fork``, for an article of at least :data:`PARALLEL_CHARS`
characters. The workers end with the process that started them, even when it is killed.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import ActorMention, Article, LossClaim, Proposition
from ..nlp.parse import parse_many
from ..places.types import PlaceMention
from ..workers import die_with_parent, in_worker
from .state import DateMention, EventMention, Stage, State

if TYPE_CHECKING:
    from ..nlp.types import Doc

__all__ = ["PARALLEL_CHARS", "WORKERS", "Found", "chunk_article", "found_in", "map_batches", "run_local",
           "workers_for"]

#: Worker processes for one long article (at most the machine's CPUs).
WORKERS = 2
#: Articles of at least this many characters are extracted on :data:`WORKERS` processes.
PARALLEL_CHARS = 200_000


@dataclass(frozen=True)
class Found:
    """What the per-chunk stages found in one chunk (offsets within the chunk), and its token count."""

    tokens: int
    mentions: tuple[ActorMention, ...]
    dates: tuple[DateMention, ...]
    events: tuple[EventMention, ...]
    propositions: tuple[Proposition, ...]
    loss_claims: tuple[LossClaim, ...]
    places: tuple[PlaceMention, ...]

    def as_state(self, article: Article, empty: Doc) -> State:
        """A state holding what was found (its ``doc`` the empty ``empty``: only the findings are read)."""
        return State(article, empty, list(self.mentions), list(self.dates), list(self.events),
                     list(self.propositions), list(self.loss_claims), list(self.places))


def found_in(part: State) -> Found:
    """The findings of a chunk's state after the per-chunk stages."""
    return Found(len(part.doc), tuple(part.mentions), tuple(part.dates), tuple(part.events),
                 tuple(part.propositions), tuple(part.loss_claims), tuple(part.places))


def chunk_article(article: Article, text: str) -> Article:
    """The article of one chunk: its text, with the metadata of the whole article."""
    return Article(text=text, published=article.published, outlet=article.outlet, url=article.url,
                   title=article.title, id=article.id)


def run_local(article: Article, texts: Sequence[str], stages: Sequence[Stage]) -> list[tuple[State, Found]]:
    """Parse the chunk ``texts`` of ``article`` as one batch and run ``stages`` on each."""
    out: list[tuple[State, Found]] = []
    for text, doc in zip(texts, parse_many(texts, batch_size=max(1, len(texts))), strict=True):
        part = State(chunk_article(article, text), doc)
        for stage in stages:
            stage.func(part)
        out.append((part, found_in(part)))
    return out


def workers_for(length: int) -> int:
    """How many processes extract an article of ``length`` characters: :data:`WORKERS` (at most the CPUs)
    for a long article where ``fork`` is available, outside a pool's worker; else 1 (this process alone)."""
    if length < PARALLEL_CHARS or in_worker():
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(WORKERS, os.cpu_count() or 1))


#: The article and per-chunk stages of the pool being run, set in each worker when it starts (a forked
#: worker inherits them: the stages are never pickled, so a plugin's closure works too).
_JOB: list[tuple[Article, tuple[Stage, ...]]] = []


def _start_worker(parent: int, article: Article, stages: tuple[Stage, ...]) -> None:
    """Worker initializer: die with the parent and keep the job. The worker uses the models the parent
    loaded; it never frees the parent's ONNX sessions (whose threads are not in this process: freeing one
    would wait for them for ever), and runs them on its own thread."""
    die_with_parent(parent)
    _JOB[:] = [(article, stages)]


def _work(texts: list[str]) -> list[Found]:
    article, stages = _JOB[0]
    return [found for _, found in run_local(article, texts, stages)]


def map_batches(article: Article, stages: Sequence[Stage], batches: Sequence[Sequence[str]],
                workers: int) -> Iterator[list[Found]]:
    """The findings of each batch of chunk texts, in order: batch ``i`` is extracted by process
    ``i % workers``, where 0 is this one and the others are forked from it. This process runs the first
    batch before forking, so every model is loaded once and shared. The objects alive at the fork are frozen
    out of the garbage collector until the workers are done (:func:`gc.freeze`), so that no collection in a
    worker writes to the pages it shares with this process: on a 1,000,000-character article the two
    processes' proportional set size fell from 1,044 to 964 MB (``benchmarks/bench_long_document.py``)."""
    yield _local(article, stages, batches[0])
    context = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        with context.Pool(workers - 1, initializer=_start_worker,
                          initargs=(os.getpid(), article, tuple(stages))) as pool:
            theirs = pool.imap(_work, (list(b) for i, b in enumerate(batches) if i % workers))
            for i, batch in enumerate(batches[1:], start=1):
                yield next(theirs) if i % workers else _local(article, stages, batch)
    finally:
        gc.unfreeze()


def _local(article: Article, stages: Sequence[Stage], texts: Sequence[str]) -> list[Found]:
    return [found for _, found in run_local(article, texts, stages)]
