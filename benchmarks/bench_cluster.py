"""Benchmark: the cluster ingest against the single-process ingest, and the cost of merging shards.

Run from the repository root (needs ../shared and the [cluster] extra)::

    python benchmarks/bench_cluster.py                      # 300 Wikipedia records, real pipeline
    python benchmarks/bench_cluster.py --limit 600 --repeats 3 --merge-props 200000

Reports, for the same input and in the same run (medians of ``--repeats`` runs, each into a fresh store):

- documents/s of the single-process ingest (``--workers 1``, the baseline), of ``--cluster local:1`` and of
  ``--cluster local:2``, each with its ratio to the baseline; the cluster times include starting the local
  cluster and loading the models on each worker, as a user sees them;
- the start-up of each cluster (starting it and loading the models on every worker, measured by
  ingesting one record) and the steady-state documents/s without it;
- the scaling efficiency: docs/s with 2 workers / (2 x docs/s with 1 worker), raw and steady-state;
- merging synthetic shards (5 propositions with one claim each per document, 500 documents per shard)
  into a DuckDB store and into a Parquet archive: seconds per 100,000 propositions, and the bytes per
  document of the store, the archive and the shards;
- peak resident memory of this process and of its children (the largest worker).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from thucydides.cluster import ArchiveSink, StoreSink, ingest_on_cluster, open_archive
from thucydides.cluster.shards import Batch, read_shard, write_shard
from thucydides.ingest import ingest
from thucydides.model import Article, Claim, Document, Proposition, Provenance
from thucydides.store import Filter, Store, dyad_series, open_store, query_propositions
from thucydides.stories import link_stories

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "wikipedia_current_events_2022h1.jsonl"
ACTORS = ("RUS", "UKR", "USA", "CHN", "TUR", "IRN", "GBR", "FRA", "DEU", "ISR")
TYPES = ("ASSAULT", "ACCUSE", "REQUEST", "CONSULT", "AID", "THREATEN", "SANCTION", "AGREE")


def subset(limit: int, folder: Path) -> Path:
    target = folder / "sample.jsonl"
    with CORPUS.open(encoding="utf-8") as src:
        target.write_text("".join(line for _, line in zip(range(limit), src, strict=False)), encoding="utf-8")
    return target


def time_single(source: Path, folder: Path, batch_size: int) -> float:
    with open_store(folder / f"single-{time.monotonic_ns()}.duckdb") as store:
        t0 = time.perf_counter()
        ingest([str(source)], store, batch_size=batch_size)
        return time.perf_counter() - t0


def time_cluster(source: Path, folder: Path, workers: int, batch_size: int) -> float:
    t0 = time.perf_counter()
    ingest_on_cluster([str(source)], f"local:{workers}", db=folder / f"c{workers}-{time.monotonic_ns()}.duckdb",
                      batch_size=batch_size, progress=False)
    return time.perf_counter() - t0


def synthetic(i: int) -> Document:
    """Document ``i``: five propositions with one claim each, spread over 2022-2023."""
    day = f"{2022 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    article = Article(f"Synthetic report {i} on the fighting.", outlet=f"Outlet {i % 50}",
                      published=dt.date.fromisoformat(day))
    props = []
    for j in range(5):
        prov = Provenance(article.id, j * 10, j * 10 + 9, "bench.v1", "0")
        claim = Claim("asserted" if (i + j) % 3 else "denied", (ACTORS[(i + j) % 10],), None,
                      f"evidence {i} {j}", prov)
        props.append(Proposition(TYPES[(i + j) % 8], (ACTORS[i % 10],), (ACTORS[(i + j + 1) % 10],), (claim,),
                                 date=day, provenance=prov))
    return Document(article, tuple(props))


def write_synthetic_shards(folder: Path, n_docs: int, per_shard: int = 500) -> list[tuple[str, Path]]:
    shards = []
    for start in range(0, n_docs, per_shard):
        docs = [synthetic(i) for i in range(start, min(n_docs, start + per_shard))]
        batch = Batch(f"s{start:09d}", tuple((f"syn:{start + k}", d.article, ()) for k, d in enumerate(docs)))
        write_shard(folder, batch, [(d.id, d, "", "") for d in docs])
        shards.append((batch.key, folder / f"{batch.key}.parquet"))
    return shards


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def bench_merge(folder: Path, n_props: int) -> None:
    n_docs = n_props // 5
    shards = write_synthetic_shards(folder / "shards", n_docs)
    shard_bytes = folder_bytes(folder / "shards")
    db = folder / "merge.duckdb"
    with open_store(db) as store:
        sink = StoreSink(store)
        t0 = time.perf_counter()
        for key, path in shards:
            sink.merge(key, read_shard(path))
        t_store = time.perf_counter() - t0
    archive = ArchiveSink(folder / "archive")
    t0 = time.perf_counter()
    for key, path in shards:
        archive.merge(key, read_shard(path))
    t_archive = time.perf_counter() - t0
    per = 100_000 / n_props
    print(f"merge {n_props} propositions ({n_docs} documents, {len(shards)} shards of 500 documents):")
    print(f"  into DuckDB:  {t_store:.1f} s = {t_store * per:.1f} s per 100k propositions")
    print(f"  into Parquet: {t_archive:.1f} s = {t_archive * per:.1f} s per 100k propositions")
    print(f"  bytes per document: store {folder_bytes(db) / n_docs:.0f}, archive "
          f"{folder_bytes(folder / 'archive') / n_docs:.0f}, shards {shard_bytes / n_docs:.0f} "
          "(synthetic documents: short text, 5 propositions, 5 claims)")
    archive.finish(n_docs)
    with open_store(db) as store:
        t0 = time.perf_counter()
        link_stories(store)
        print(f"  link stories in the store: {time.perf_counter() - t0:.1f} s")
        on_store = time_queries(store)
    with open_archive(folder / "archive") as store:
        on_archive = time_queries(store)
    for name, t in on_store.items():
        print(f"  {name}: store {t * 1000:.0f} ms, archive {on_archive[name] * 1000:.0f} ms (median of 5)")


def time_queries(store: Store) -> dict[str, float]:
    """Median seconds of a dyad series and of a filtered query."""
    where = Filter(actor="RUS", type="ASSAULT", since=dt.date(2022, 3, 1), until=dt.date(2022, 6, 30), limit=0)
    calls = {"dyad RUS->UKR by week": lambda: dyad_series(store, "RUS", "UKR", "week", False),
             "query RUS ASSAULT Mar-Jun 2022": lambda: query_propositions(store, where)}
    out = {}
    for name, call in calls.items():
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            call()
            times.append(time.perf_counter() - t0)
        out[name] = statistics.median(times)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="Wikipedia records (default 300).")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--merge-props", type=int, default=100_000)
    parser.add_argument("--skip-ingest", action="store_true", help="Only the merge benchmark.")
    parser.add_argument("--skip-merge", action="store_true", help="Only the ingest benchmark.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.skip_ingest:
            if not CORPUS.exists():
                sys.exit(f"{CORPUS} not found: the ingest part needs ../shared (or use --skip-ingest)")
            bench_ingest(subset(args.limit, folder), folder, args.limit, args.repeats, args.batch_size)
        if not args.skip_merge:
            bench_merge(folder, args.merge_props)
    print(f"peak memory: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest child {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")


def bench_ingest(source: Path, folder: Path, n: int, repeats: int, batch_size: int) -> None:
    one = folder / "one.jsonl"
    one.write_text(source.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    runs: dict[str, list[float]] = {"single process": [], "cluster local:1": [], "cluster local:2": []}
    startup: dict[str, list[float]] = {"single process": [], "cluster local:1": [], "cluster local:2": []}
    for _ in range(repeats):
        for name, timer in (("single process", lambda s: time_single(s, folder, batch_size)),
                            ("cluster local:1", lambda s: time_cluster(s, folder, 1, batch_size)),
                            ("cluster local:2", lambda s: time_cluster(s, folder, 2, batch_size))):
            startup[name].append(timer(one))
            runs[name].append(timer(source))
    base = statistics.median(runs["single process"])
    rates, steady = {}, {}
    print(f"ingest {n} Wikipedia records, real pipeline, batch size {batch_size}, median of {repeats}:")
    for name, times in runs.items():
        t, t0 = statistics.median(times), statistics.median(startup[name])
        rates[name], steady[name] = n / t, (n - 1) / max(t - t0, 1e-9)
        print(f"  {name:16s} {t:6.1f} s  {n / t:5.1f} docs/s  {base / t:4.2f}x the single process;  start-up "
              f"{t0:5.1f} s, steady state {steady[name]:5.1f} docs/s")
    raw = rates["cluster local:2"] / (2 * rates["cluster local:1"])
    warm = steady["cluster local:2"] / (2 * steady["cluster local:1"])
    print(f"  scaling efficiency 1 -> 2 workers: {raw:.2f} raw, {warm:.2f} steady state")
    db = max(folder.glob("c2-*.duckdb"), key=lambda p: p.stat().st_size)
    with open_store(db, read_only=True) as store:
        docs, props = store.count("documents"), store.count("propositions")
    print(f"  store: {docs} documents, {props} propositions, {db.stat().st_size / max(docs, 1):.0f} bytes per "
          "document (DuckDB file, text included)")


if __name__ == "__main__":
    main()
