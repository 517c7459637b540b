"""The cluster ingest: read inputs here, extract batches on Dask workers, merge their shards here.

The client process reads the inputs and forms batches deterministically (input order, documents
already seen in this run dropped), so a rerun forms the same batches with the same keys. For each
batch it skips what the manifest says is merged, drops documents the sink already keeps, merges a
shard a previous run left unmerged, and otherwise submits the batch. Workers write shards; the client
is the only writer of the sink. A worker that dies mid-batch has its batch retried on another worker
by the scheduler; a batch that kills workers repeatedly goes again document by document, and a document
that still kills its worker is recorded as failed (E014); the run goes on. A run that is killed (client, worker or scheduler) is resumed by running it again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest import Extractor, IngestReport, Item, ReadOptions, read_sources
from ..ingest.web import is_url
from ..store.writes import Failure
from .connect import ClusterError, connect
from .progress import ClusterProgress, Counts
from .shards import Batch, Entry, Shard, batch_key, read_shard, shard_path
from .sinks import Sink, shard_failures

__all__ = ["WORKERLESS_SECONDS", "ClusterPlan", "cluster_ingest", "form_batches"]

#: How long a run waits with no worker alive before it stops (E018).
WORKERLESS_SECONDS = 120


@dataclass(frozen=True)
class ClusterPlan:
    """How to run: the cluster (``local[:N]`` or a scheduler address), the shard folder (on storage
    every worker and the client share), documents per batch, and the extractor."""

    cluster: str
    shard_dir: Path
    batch_size: int = 32
    extractor: Extractor | None = None


def extractor_name(extractor: Extractor) -> str:
    """``module:function``, part of every batch key (another extractor means other batches)."""
    return f"{extractor.__module__}:{getattr(extractor, '__qualname__', repr(extractor))}"


def form_batches(items: Iterable[Item], size: int, extractor: str, report: IngestReport,
                 failed: list[Failure]) -> Iterator[Batch]:
    """Batches of ``size`` documents in input order; unreadable inputs go to ``failed``, texts seen
    earlier in the run count as skipped."""
    seen: set[str] = set()
    entries: list[Entry] = []
    for item in items:
        report.read += 1
        if item.article is None:
            failed.append(Failure(item.source, "", item.error.code if item.error else "E000", str(item.error)))
        elif item.article.id in seen:
            report.skipped += 1
        else:
            seen.add(item.article.id)
            entries.append((item.source, item.article, item.outlets))
            if len(entries) >= size:
                yield Batch(batch_key(entries, extractor), tuple(entries))
                entries = []
    if entries:
        yield Batch(batch_key(entries, extractor), tuple(entries))


def count_documents(sources: Sequence[str], options: ReadOptions | None) -> int | None:
    """The number of input documents, by reading local inputs once (reading is some twenty times
    faster than extracting); None when an input is a URL or standard input, which cannot be re-read."""
    if any(s == "-" or is_url(s) for s in sources):
        return None
    return sum(1 for _ in read_sources(sources, options))


class _Run:
    """One run against a connected client: submits batches with a bounded number in flight and
    merges each finished shard."""

    def __init__(self, client: Any, sink: Sink, plan: ClusterPlan, extractor: Extractor,
                 report: IngestReport, counts: Counts, shown: ClusterProgress) -> None:
        self.client, self.sink, self.plan, self.extractor = client, sink, plan, extractor
        self.name = extractor_name(extractor)
        self.report, self.counts, self.shown = report, counts, shown
        self.merged, self.stored = sink.done_batches(), sink.document_ids()
        self.pending: dict[Any, Batch] = {}
        self.read_failures: list[Failure] = []
        self.polled = 0.0
        self.limit = max(2, 2 * self._threads())

    def _threads(self) -> int:
        workers = self.client.scheduler_info().get("workers", {})
        return sum(int(w.get("nthreads", 1)) for w in workers.values())

    def feed(self, batch: Batch) -> None:
        """Skip, merge or submit one batch; wait while too many are in flight.

        A batch merged without failures is skipped whole. Otherwise the documents already kept are
        dropped; what is left (new documents, or those that failed last time) is a batch of its own key.
        """
        if batch.key in self.merged:
            self._count(len(batch.entries), skipped=len(batch.entries))
            return
        fresh = tuple(e for e in batch.entries if e[1].id not in self.stored)
        self._count(len(batch.entries) - len(fresh), skipped=len(batch.entries) - len(fresh))
        if not fresh:
            self.sink.merge(batch.key, Shard([], {}, []))
            return
        work = batch if len(fresh) == len(batch.entries) else Batch(batch_key(fresh, self.name), fresh)
        path = shard_path(self.plan.shard_dir, work.key)
        if path.exists():
            self._merge(work.key, read_shard(path), path, len(fresh))
            return
        self._submit(work)
        while len(self.pending) >= self.limit:
            self._collect()

    def _submit(self, work: Batch) -> None:
        from .worker import run_batch

        future = self.client.submit(run_batch, str(self.plan.shard_dir), work, self.extractor,
                                    self.sink.worker_archive(), key=f"thucydides-batch-{work.key}", pure=False)
        self.pending[future] = work

    def drain(self) -> None:
        """Wait for every batch in flight, then store the remaining read failures."""
        while self.pending:
            self._collect()
        self._flush()

    def _next_done(self) -> Any:
        """The next finished future; E018 when no worker has been alive for :data:`WORKERLESS_SECONDS`
        (every worker died and none came back: nothing would ever finish)."""
        from distributed import wait

        since: float | None = None
        while True:
            try:
                done, _ = wait(list(self.pending), timeout=5,  # type: ignore[no-untyped-call]
                               return_when="FIRST_COMPLETED")
                return next(iter(done))
            except TimeoutError:
                alive = len(self.client.scheduler_info().get("workers", {}))
                since = None if alive else (since or time.monotonic())
                if since is not None and time.monotonic() - since > WORKERLESS_SECONDS:
                    raise ClusterError("E018", f"no Dask worker has been alive for {WORKERLESS_SECONDS} s; what "
                                       "was merged is kept: start workers and rerun to resume") from None

    def _collect(self) -> None:
        from distributed import KilledWorker

        future = self._next_done()
        batch = self.pending.pop(future)
        try:
            done = future.result()
        except KilledWorker:
            self._split(batch)
            return
        except Exception as exc:  # noqa: BLE001 - the scheduler or the shard storage went away
            why = " ".join(str(exc).split())
            raise ClusterError("E018", f"batch {batch.key} failed on the cluster ({type(exc).__name__}: {why}); "
                               "what was merged is kept, rerun to resume") from None
        if not done.path:
            self.sink.mark(batch.key, done.documents, len(done.failures))
            self._account(done.documents, [Failure(*f) for f in done.failures], len(batch.entries))
            return
        path = Path(done.path)
        if not path.exists():
            raise ClusterError("E018", f"shard {path} written by a worker is not visible here; --shard-dir "
                               "must be on storage shared by the client and every worker")
        self._merge(batch.key, read_shard(path), path, len(batch.entries))

    def _split(self, batch: Batch) -> None:
        """A batch that killed every worker it ran on: its documents go again one by one, to find the
        one that kills; a single document that does is a failure (not in the manifest: a rerun tries it)."""
        if len(batch.entries) > 1:
            for entry in batch.entries:
                self._submit(Batch(batch_key([entry], self.name), (entry,)))
            return
        reason = "[E014] a worker process died on every attempt at this document (crash or out of memory)"
        failures = [Failure(source, article.id, "E014", reason) for source, article, _ in batch.entries]
        self.read_failures.extend(failures)
        self._count(len(failures), failed=len(failures))

    def _merge(self, key: str, shard: Shard, path: Path, n: int) -> None:
        written = self.sink.merge(key, shard)
        path.unlink(missing_ok=True)
        self._account(written, shard_failures(shard), n)

    def _account(self, written: int, failures: list[Failure], n: int) -> None:
        self.report.added += written
        self.report.failures.extend(failures)
        self._count(n, failed=len(failures))
        self._flush()

    def _flush(self) -> None:
        if self.read_failures:
            self.sink.record_failures(self.read_failures)
            self.report.failures.extend(self.read_failures)
            self.read_failures.clear()

    def _count(self, n: int, skipped: int = 0, failed: int = 0) -> None:
        self.report.skipped += skipped
        self.counts.done += n
        self.counts.failed += failed
        now = time.monotonic()
        if now - self.polled >= 1.0:
            self.polled = now
            self.counts.workers = len(self.client.scheduler_info().get("workers", {}))
        self.shown.update(self.counts)


def _dashboard(client: Any) -> str | None:
    if "dashboard" not in client.scheduler_info().get("services", {}):
        return None
    return str(client.dashboard_link)


def cluster_ingest(sources: Sequence[str], sink: Sink, plan: ClusterPlan, *, options: ReadOptions | None = None,
                   progress: ClusterProgress | None = None) -> IngestReport:
    """Ingest ``sources`` on a Dask cluster into ``sink``; resumable, each document kept exactly once.

    Raises:
        ClusterError: (E018) Dask missing, the scheduler unreachable or lost mid-run.
        InvalidValue: (E001) a malformed cluster address.
    """
    from ..pipeline.run import extract_batch
    from .worker import Preload

    extractor = plan.extractor or extract_batch
    report, started = IngestReport(), time.perf_counter()
    counts = Counts(total=count_documents(sources, options))
    shown = progress or ClusterProgress(enabled=False)
    with connect(plan.cluster) as client, shown:
        client.register_plugin(Preload(extractor))
        counts.dashboard, counts.workers = _dashboard(client), len(client.scheduler_info()["workers"])
        counts.started = time.monotonic()  # the rate counts from here, after start-up
        shown.announce(counts)
        run = _Run(client, sink, plan, extractor, report, counts, shown)
        for batch in form_batches(read_sources(sources, options), plan.batch_size, run.name, report,
                                  run.read_failures):
            run.feed(batch)
        run.drain()
        counts.done, counts.failed = report.read, len(report.failures)
        shown.finish(counts)
    report.stories = sink.finish(report.added)
    report.seconds = time.perf_counter() - started
    return report
