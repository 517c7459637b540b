"""Archive-scale ingest on a Dask cluster: batches extracted on workers, one Parquet shard per batch,
one writer merging shards into the DuckDB store or a Parquet archive; resumable and exactly-once.

Dask is an optional extra (``pip install 'thucydides[cluster]'``); it is imported only when a cluster
ingest runs. :func:`open_archive` reads a Parquet archive and needs only DuckDB.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..ingest import Extractor, IngestReport, ReadOptions
from .archive import ArchiveSink, open_archive
from .connect import ClusterError, parse_address
from .progress import ClusterProgress
from .runner import ClusterPlan, cluster_ingest
from .sinks import StoreSink

__all__ = ["ArchiveSink", "ClusterError", "ClusterPlan", "ClusterProgress", "StoreSink", "cluster_ingest",
           "ingest_on_cluster", "open_archive", "parse_address"]


def ingest_on_cluster(sources: Sequence[str], cluster: str, *, db: str | Path | None = None,
                      parquet_dir: str | Path | None = None, shard_dir: str | Path | None = None,
                      options: ReadOptions | None = None, extractor: Extractor | None = None,
                      batch_size: int = 32, progress: bool = True) -> IngestReport:
    """Ingest into the DuckDB store ``db`` or, given ``parquet_dir``, into a Parquet archive there.

    Shards go to ``shard_dir`` (default: ``<db>.shards`` beside the store, or ``_shards`` inside the
    archive); on a cluster of several machines it must be a folder every worker and the client share.
    """
    from ..store import open_store

    parse_address(cluster)
    if parquet_dir is not None:
        archive = Path(parquet_dir)
        plan = ClusterPlan(cluster, Path(shard_dir or archive / "_shards"), batch_size, extractor)
        return cluster_ingest(sources, ArchiveSink(archive), plan, options=options,
                              progress=ClusterProgress(progress))
    target = Path(db or "thucydides.duckdb")
    plan = ClusterPlan(cluster, Path(shard_dir or f"{target}.shards"), batch_size, extractor)
    with open_store(target) as store:
        return cluster_ingest(sources, StoreSink(store), plan, options=options, progress=ClusterProgress(progress))
