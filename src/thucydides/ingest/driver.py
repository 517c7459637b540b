"""The ingest driver: read inputs, extract in worker processes, write each batch from one writer.

Workers only extract; the parent is the only writer and writes each finished batch in one
transaction, idempotent by document id (the content hash). A run that is killed loses at most the
batches in flight; running it again skips what is stored and resumes.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from ..errors import ThucydidesError
from ..model import Article, Document
from ..store.connection import Store
from ..store.writes import Failure, clear_failures, record_failures, write_documents
from ..workers import die_with_parent
from .items import Item, ReadOptions
from .names import Overrides, with_metadata
from .sources import read_sources

__all__ = ["Extractor", "IngestReport", "extract_safely", "ingest"]

#: An extractor: a picklable module-level function from a batch of articles to their documents.
Extractor = Callable[[Sequence[Article]], list[Document]]
Outcome = tuple[str, Document | None, str, str]
Progress = Callable[["IngestReport"], None]


@dataclass
class IngestReport:
    """What an ingest run did."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    stories: int = 0

    @property
    def docs_per_second(self) -> float:
        """Documents read per second of wall time."""
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def failure_summary(self) -> dict[str, int]:
        """Number of failures by error code."""
        counts: dict[str, int] = {}
        for f in self.failures:
            counts[f.code] = counts.get(f.code, 0) + 1
        return dict(sorted(counts.items()))


def extract_safely(extractor: Extractor, articles: Sequence[Article]) -> list[Outcome]:
    """Extract a batch; when the batch fails, extract its articles one by one so one bad document
    does not sink the rest. Returns ``(article id, document or None, error code, reason)`` each."""
    try:
        docs = extractor(articles)
        if len(docs) == len(articles):
            return [(a.id, d, "", "") for a, d in zip(articles, docs, strict=True)]
    except Exception:  # noqa: BLE001, S110 - retried one by one below, each error is then recorded
        pass
    if len(articles) == 1:
        return [_extract_one(extractor, articles[0])]
    return [_extract_one(extractor, a) for a in articles]


def _extract_one(extractor: Extractor, article: Article) -> Outcome:
    try:
        docs = extractor([article])
        if len(docs) != 1:
            return (article.id, None, "E014", f"extractor returned {len(docs)} documents for one article")
        return (article.id, docs[0], "", "")
    except ThucydidesError as exc:
        return (article.id, None, exc.code, str(exc))
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop the corpus
        return (article.id, None, "E014", f"[E014] extraction failed: {type(exc).__name__}: {exc}")


@dataclass
class _Batch:
    items: list[Item]

    @property
    def articles(self) -> list[Article]:
        return [i.article for i in self.items if i.article is not None]


def _batches(items: Iterable[Item], known: set[str], report: IngestReport, failed: list[Failure],
             size: int) -> Iterator[_Batch]:
    batch: list[Item] = []
    for item in items:
        report.read += 1
        if item.article is None:
            error = item.error
            failed.append(Failure(item.source, "", error.code if error else "E000", str(error)))
        elif item.article.id in known:
            report.skipped += 1
        else:
            known.add(item.article.id)
            batch.append(item)
            if len(batch) >= size:
                yield _Batch(batch)
                batch = []
    if batch:
        yield _Batch(batch)


class _Writer:
    """The single writer: stores finished batches and failures, keeps the report."""

    def __init__(self, store: Store, report: IngestReport, progress: Progress | None) -> None:
        self.store, self.report, self.progress = store, report, progress
        self.started = time.perf_counter()

    def write(self, batch: _Batch, outcomes: list[Outcome], read_failures: list[Failure]) -> None:
        by_id = {i.article.id: i for i in batch.items if i.article is not None}
        docs = [d for _, d, _, _ in outcomes if d is not None]
        extras = {d.id: {"source": by_id[d.id].source, "outlets": list(by_id[d.id].outlets)}
                  for d in docs if d.id in by_id}
        failures = [Failure(by_id[i].source if i in by_id else i, i, c, r) for i, d, c, r in outcomes if d is None]
        self.report.added += write_documents(self.store, docs, extras)
        clear_failures(self.store, [by_id[d.id].source for d in docs if d.id in by_id])
        failures[:0] = read_failures
        read_failures.clear()
        self.flush(failures)

    def flush(self, failures: list[Failure]) -> None:
        record_failures(self.store, failures)
        self.report.failures.extend(failures)
        failures.clear()
        self.report.seconds = time.perf_counter() - self.started
        if self.progress is not None:
            self.progress(self.report)


def ingest(sources: Iterable[str], store: Store, *, options: ReadOptions | None = None,
           extractor: Extractor | None = None, workers: int = 1, batch_size: int = 32,
           progress: Progress | None = None, link_stories: bool = True,
           overrides: Overrides | None = None) -> IngestReport:
    """Read, extract and store documents; go on past bad ones, recording each failure.

    Args:
        sources: files, folders, ``-`` (standard input) and URLs.
        store: the open store written to (only by this process).
        options: how to read inputs (field names, size limit, format).
        extractor: batch extractor, by default :func:`thucydides.pipeline.run.extract_batch`.
        workers: extraction processes; 1 extracts in this process.
        batch_size: documents per batch (and per write transaction).
        progress: called with the report after each batch.
        link_stories: relink the stories across articles when something was added.
        overrides: publication date and outlet for every document (``--published``, ``--outlet``); else
            they come from the document, else from its file name (see :mod:`thucydides.ingest.names`).
    """
    from ..pipeline.run import extract_batch

    report, read_failures = IngestReport(), list[Failure]()
    writer = _Writer(store, report, progress)
    items = with_metadata(read_sources(sources, options), overrides)
    batches = _batches(items, store.document_ids(), report, read_failures, max(1, batch_size))
    run = _run_serial if workers <= 1 else _run_parallel
    run(batches, extractor or extract_batch, writer, read_failures, workers)
    writer.flush(read_failures)
    from ..stories import unlinked

    if link_stories and (report.added or unlinked(store)):
        from ..stories import link_stories as relink

        report.stories = relink(store)
    report.seconds = time.perf_counter() - writer.started
    return report


def _run_serial(batches: Iterator[_Batch], extractor: Extractor, writer: _Writer,
                read_failures: list[Failure], workers: int) -> None:
    for batch in batches:
        writer.write(batch, extract_safely(extractor, batch.articles), read_failures)


def _run_parallel(batches: Iterator[_Batch], extractor: Extractor, writer: _Writer,
                  read_failures: list[Failure], workers: int) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        pending: dict[Future[list[Outcome]], _Batch] = {}
        try:
            for batch in batches:
                pending[pool.submit(extract_safely, extractor, batch.articles)] = batch
                if len(pending) >= 2 * workers:
                    _drain(pending, writer, read_failures, FIRST_COMPLETED)
            _drain(pending, writer, read_failures, None)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _drain(pending: dict[Future[list[Outcome]], _Batch], writer: _Writer, read_failures: list[Failure],
           until: str | None) -> None:
    while pending:
        done, _ = wait(pending, return_when=until or "ALL_COMPLETED")
        for future in done:
            batch = pending.pop(future)
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                raise ThucydidesError("E014", "an extraction worker process died or could not start (out of "
                                      "memory, killed, or a script without an `if __name__ == "
                                      "'__main__':` guard); what was written so far is kept, rerun to "
                                      "resume") from None
            writer.write(batch, outcomes, read_failures)
        if until is not None:
            return
