"""Benchmark: the REST API over a store of synthetic propositions, with concurrent clients.

Run from the repository root (needs the ``[web]`` extra)::

    python benchmarks/bench_api.py                       # 1,000,000 propositions, 8 clients
    python benchmarks/bench_api.py --n 100000 --requests 200 --db /tmp/api.duckdb
    python benchmarks/bench_api.py --no-stories --db /tmp/api1m.duckdb  # 1M without linking stories

Builds the store with ``bench_store_query``'s generator (five propositions per document, one claim each,
stories linked) and gives each document a text made of its evidence, then starts ``thucydides serve`` in
a subprocess on a free 127.0.0.1 port and reports: the start-up time (until the first answer), p50 and
p95 latency of the proposition list (filtered, random pages), the dyad series, search and the document
endpoint, each with ``--clients`` concurrent clients and ``--requests`` requests, and as a baseline in
the same run a static file (``/static/favicon.svg``), with each p50 as a ratio to it, and the server
process's CPU time per request of each endpoint (user and system, from ``/proc``: less sensitive to other
jobs on the machine than the latencies); and the server's resident memory (current and peak) after the load. Every request goes to 127.0.0.1 only, and the run
is bounded by the request counts.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store_query import CODES, TYPES, WORDS, fill

from thucydides.store import open_store
from thucydides.store.derived import refresh_derived

TARGETS_MS = {"propositions": 200, "dyad": 200, "search": 500, "document": 200}


def build(db: Path, n: int, link: bool = True) -> None:
    """The synthetic store, with document texts to search (kept when ``db`` already holds it); its stories
    are linked unless ``link`` is false."""
    with open_store(db) as store:
        if store.count("propositions"):
            return
        fill(store, n, link)
        t0 = time.perf_counter()
        with store.transaction() as con:
            con.execute("""UPDATE documents SET text = e.t, title = e.title FROM (
                SELECT doc_id, string_agg(evidence, '. ' ORDER BY idx) AS t, any_value(type) AS title
                FROM propositions GROUP BY doc_id) e WHERE documents.id = e.doc_id""")
            refresh_derived(con)
        print(f"document texts, derived columns and search index {time.perf_counter() - t0:.2f}s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> float:
    """Seconds for one GET (the body read in full); raises on a status other than 200."""
    t0 = time.perf_counter()
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        con.request("GET", path)
        response = con.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
    finally:
        con.close()
    return time.perf_counter() - t0


def start(db: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    """``thucydides serve`` in a subprocess, and the seconds until it first answered."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "thucydides", "serve", "--db", str(db), "--port", str(port)])
    while time.perf_counter() - t0 < 60:
        try:
            get(port, "/static/favicon.svg")
            return proc, time.perf_counter() - t0
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


def paths(kind: str, count: int, doc_ids: list[str], rng: random.Random) -> list[str]:
    """Request paths for one endpoint, with random parameters."""
    def one() -> str:
        a, b = rng.choice(CODES), rng.choice(CODES)
        if kind == "propositions":
            return (f"/api/v1/propositions?actor={a}&type={rng.choice(TYPES)}&status=asserted"
                    f"&page={rng.randint(1, 5)}&per_page=50")
        if kind == "dyad":
            return f"/api/v1/dyads/{a}/{b}?by=week"
        if kind == "search":
            return f"/api/v1/search?q={rng.choice(WORDS)}+{rng.choice(WORDS)}&per_page=20"
        if kind == "document":
            return f"/api/v1/documents/{rng.choice(doc_ids)}"
        return "/static/favicon.svg"
    return [one() for _ in range(count)]


def load(port: int, todo: list[str], clients: int) -> list[float]:
    with ThreadPoolExecutor(clients) as pool:
        return list(pool.map(lambda p: get(port, p), todo))


def memory_kb(pid: int) -> dict[str, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(name: str, times: list[float], base: float, target: float | None, cpu: float) -> None:
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    met = "yes" if target is not None and p95 * 1000 < target else "NO"
    verdict = "" if target is None else f"  (target p95 < {target:.0f} ms: {met})"
    ratio = f"  p50 {p50 / base:.1f}x baseline" if base else ""
    print(f"{name:13s} p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  server CPU {cpu * 1000 / len(times):5.1f} "
          f"ms/request{ratio}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of propositions")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--db", type=Path, help="keep the store here; reuse it when it exists")
    parser.add_argument("--no-stories", action="store_true",
                        help="do not link stories when building (linking 1M propositions takes over 12 CPU minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "api.duckdb"
        build(db, args.n, not args.no_stories)
        with open_store(db, read_only=True) as store:
            doc_ids = [r[0] for r in store.execute("SELECT id FROM documents USING SAMPLE 1000 ROWS").fetchall()]
            total = store.count("propositions")
        run(db, total, doc_ids, args.requests, args.clients)


def run(db: Path, total: int, doc_ids: list[str], requests: int, clients: int) -> None:
    port, rng = free_port(), random.Random(13)
    proc, started = start(db, port)
    try:
        print(f"{total:,} propositions; server answered {started:.2f}s after start; {clients} clients, "
              f"{requests} requests per endpoint")
        load(port, paths("propositions", clients, doc_ids, rng), clients)  # warm-up
        measured: dict[str, list[float]] = {}
        cpu: dict[str, float] = {}
        for kind in ("baseline", "propositions", "dyad", "search", "document"):
            before = cpu_seconds(proc.pid)
            measured[kind] = load(port, paths(kind, requests, doc_ids, rng), clients)
            cpu[kind] = cpu_seconds(proc.pid) - before
        base = statistics.median(measured["baseline"])
        report("baseline", measured["baseline"], 0.0, None, cpu["baseline"])
        for kind in ("propositions", "dyad", "search", "document"):
            report(kind, measured[kind], base, TARGETS_MS[kind], cpu[kind])
        mem = memory_kb(proc.pid)
        print(f"server memory: resident {mem['VmRSS'] / 1024:.0f} MiB, peak {mem['VmHWM'] / 1024:.0f} MiB")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
