"""Benchmark: ingest the Wikipedia Current Events 2022 H1 corpus end to end, then again.

Run from the repository root (needs ../shared)::

    python benchmarks/bench_ingest.py                       # whole corpus, real pipeline, 1 worker
    python benchmarks/bench_ingest.py --limit 300 --workers 2

Reports, for the same input and in the same run:

- baseline: read + store with an extractor that finds nothing (median of ``--repeats`` runs, each
  into a fresh store): the cost of ingestion itself;
- full: the real pipeline (one run), documents/s, and its ratio to the baseline;
- second run over the same input into the full store (median of ``--repeats``): must add nothing;
  its ratio to the full run;
- peak resident memory of this process and of the worker processes.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from thucydides.ingest import IngestReport, ingest
from thucydides.model import Article, Document
from thucydides.store import open_store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "wikipedia_current_events_2022h1.jsonl"


def noop_extract(articles: Sequence[Article]) -> list[Document]:
    """An extractor that finds nothing: measures reading, hashing and writing alone."""
    return [Document(a) for a in articles]


def run(source: Path, db: Path, extractor: Callable[[Sequence[Article]], list[Document]] | None,
        workers: int, batch_size: int) -> tuple[float, IngestReport]:
    with open_store(db) as store:
        t0 = time.perf_counter()
        report = ingest([str(source)], store, extractor=extractor, workers=workers, batch_size=batch_size)
        return time.perf_counter() - t0, report


def subset(corpus: Path, limit: int | None, folder: Path) -> Path:
    if limit is None:
        return corpus
    target = folder / corpus.name
    with corpus.open(encoding="utf-8") as src:
        target.write_text("".join(line for _, line in zip(range(limit), src, strict=False)), encoding="utf-8")
    return target


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = subset(args.corpus, args.limit, Path(tmp))
        base = [run(source, Path(tmp) / f"base{i}.duckdb", noop_extract, 1, args.batch_size)[0]
                for i in range(args.repeats)]
        full_s, full = run(source, Path(tmp) / "full.duckdb", None, args.workers, args.batch_size)
        again = [run(source, Path(tmp) / "full.duckdb", None, args.workers, args.batch_size)
                 for _ in range(args.repeats)]
    b, a = statistics.median(base), statistics.median(s for s, _ in again)
    print(f"corpus: {source.name}, {full.read} records, workers={args.workers}, batch size={args.batch_size}")
    print(f"baseline (no extraction): median {b:.2f}s, {full.read / b:.0f} docs/s")
    print(f"full pipeline: {full_s:.1f}s, {full.read / full_s:.1f} docs/s, {full.added} added, "
          f"{full.skipped} duplicates, {len(full.failures)} failed, {full.stories} stories; "
          f"{full_s / b:.1f}x baseline")
    print(f"second run: median {a:.2f}s, added {max(r.added for _, r in again)}; {a / full_s:.3f}x the full run")
    print(f"peak memory: main process {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
          f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")


if __name__ == "__main__":
    main()
