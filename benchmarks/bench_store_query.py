"""Benchmark: one million synthetic propositions in the store, then the dyad time series and a
filtered query.

Run from the repository root::

    python benchmarks/bench_store_query.py            # 1,000,000 propositions, 5 repeats
    python benchmarks/bench_store_query.py --n 100000 --repeats 3

Reports the load time, then the median of the repeats for: the dyad series (RUS->UKR by week), a
filtered query (actor, type, date range, status, evidence words; first 100 rows), and as a baseline
measured in the same run a plain full scan (``count(*)`` grouped by type), with each ratio to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from thucydides.store import Filter, Store, dyad_series, open_store, query_propositions
from thucydides.store.writes import COLUMNS, QUAD_OF_TYPE
from thucydides.stories import link_stories

CODES = np.array(["RUS", "UKR", "USA", "CHN", "BLR", "POL", "DEU", "FRA", "GBR", "TUR", "IRN", "ISR", "SYR",
                  "IND", "PAK", "JPN", "KOR", "PRK", "TWN", "NATO", "EU", "UN", "GEO", "MDA", "KAZ", "ARM",
                  "AZE", "SRB", "HUN", "ITA"])
TYPES = np.array(sorted(QUAD_OF_TYPE))
STATUSES = np.array(["asserted", "alleged", "denied", "hypothetical"])
WORDS = np.array(["shelling", "convoy", "talks", "sanctions", "drone", "ceasefire", "grain", "embassy",
                  "border", "missile", "refugees", "pipeline"])
PROPS_PER_DOC = 5


def _table(name: str, data: dict[str, Any]) -> pa.Table:
    spec = COLUMNS[name]
    n = len(next(iter(data.values())))
    arrays = {col: pa.array(data[col], type=t) if col in data else pa.nulls(n, type=t) for col, t in spec}
    return pa.table(arrays, schema=pa.schema(spec))


def synthetic(n: int, seed: int = 7) -> dict[str, pa.Table]:
    """Documents, propositions and claims tables with ``n`` propositions (one claim each)."""
    rng = np.random.default_rng(seed)
    n_docs = (n + PROPS_PER_DOC - 1) // PROPS_PER_DOC
    doc_ids = np.char.add("d", np.arange(n_docs).astype(str))
    start = dt.date(2022, 1, 1)
    published = [start + dt.timedelta(days=int(d)) for d in rng.integers(0, 730, n_docs)]
    prop_doc = np.arange(n) // PROPS_PER_DOC
    types = TYPES[rng.integers(0, len(TYPES), n)]
    actor = CODES[rng.integers(0, len(CODES), n)]
    recipient = CODES[rng.integers(0, len(CODES), n)]
    event = [published[int(i)] - dt.timedelta(days=int(k)) for i, k in zip(prop_doc, rng.integers(0, 3, n), strict=True)]
    status = STATUSES[rng.integers(0, 4, n)]
    words = WORDS[rng.integers(0, len(WORDS), (n, 2))]
    evidence = np.char.add(np.char.add(words[:, 0], " and "), words[:, 1])
    docs = _table("documents", {"id": doc_ids, "published": published, "outlet": ["Wire"] * n_docs,
                                "outlets": [["Wire"]] * n_docs, "text": [""] * n_docs})
    props = _table("propositions", {
        "doc_id": doc_ids[prop_doc], "idx": np.arange(n) % PROPS_PER_DOC, "type": types,
        "published": [published[int(i)] for i in prop_doc], "outlet": ["Wire"] * n,
        "actor": [[a] for a in actor], "recipient": [[r] for r in recipient], "event_date": event,
        "plover_score": rng.uniform(-10, 10, n), "quad_class": [QUAD_OF_TYPE[t] for t in types],
        "verdict": status, "n_claims": np.ones(n, dtype=np.int32), "optional": np.zeros(n, dtype=bool),
        "statuses": [[s] for s in status], "evidence": evidence})
    claims = _table("claims", {
        "doc_id": doc_ids[prop_doc], "prop_idx": np.arange(n) % PROPS_PER_DOC, "idx": np.zeros(n, dtype=np.int32),
        "status": status, "by": [[a] for a in actor], "evidence": evidence})
    return {"documents": docs, "propositions": props, "claims": claims}


def median_seconds(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of propositions")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--db", type=Path, help="keep the store here; reuse it when it exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open_store(args.db or Path(tmp) / "bench.duckdb") as store:
        if not store.count("propositions"):
            fill(store, args.n)
        measure(store, args.repeats)


def fill(store: Store, n: int, link: bool = True) -> None:
    """Generate, load and (unless ``link`` is false) link ``n`` synthetic propositions, printing the time of
    each step."""
    t0 = time.perf_counter()
    tables = synthetic(n)
    t1 = time.perf_counter()
    with store.transaction() as con:
        for name, table in tables.items():
            con.register("_t", table)
            con.execute(f"INSERT INTO {name} SELECT * FROM _t")
            con.unregister("_t")
    t2 = time.perf_counter()
    n_stories = link_stories(store) if link else 0
    t3 = time.perf_counter()
    print(f"propositions: {store.count('propositions'):,}  documents: {store.count('documents'):,}  "
          f"stories: {n_stories:,}")
    print(f"generate {t1 - t0:.2f}s  load {t2 - t1:.2f}s  link stories {t3 - t2:.2f}s")


def measure(store: Store, repeats: int) -> None:
    """Median times of the baseline scan, the dyad series and the filtered query."""
    where = Filter(actor="RUS", type="ASSAULT", since=dt.date(2022, 3, 1), until=dt.date(2022, 9, 30),
                   status="denied", text="drone", limit=100)
    base, _ = median_seconds(lambda: store.execute(
        "SELECT type, count(*) FROM propositions GROUP BY type").fetchall(), repeats)
    dyad, rows = median_seconds(lambda: dyad_series(store, "RUS", "UKR", "week"), repeats)
    query, found = median_seconds(lambda: query_propositions(store, where), repeats)
    print(f"baseline full scan (count by type): median {base * 1000:.1f} ms")
    print(f"dyad RUS->UKR by week: median {dyad * 1000:.1f} ms ({len(rows):,} weeks), "  # type: ignore[arg-type]
          f"{dyad / base:.1f}x baseline")
    print(f"filtered query: median {query * 1000:.1f} ms ({len(found):,} rows), "  # type: ignore[arg-type]
          f"{query / base:.1f}x baseline")
    print("under one second each:", "yes" if max(dyad, query) < 1.0 else "NO")


if __name__ == "__main__":
    main()
