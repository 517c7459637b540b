"""Benchmark: ``bench_api.py`` for two source trees in one run, interleaved, with the median of repeats.

Run from the repository root, each tree over its own copy of the same store (a store is migrated to the
schema of the code that opens it for writing, so each tree needs its own)::

    python benchmarks/compare_api.py --baseline-src /path/to/main/src --baseline-db /tmp/api_main.duckdb \\
        --db /tmp/api.duckdb --repeats 3

Runs ``bench_api.py --requests N`` (this checkout's copy) with the baseline's ``src`` first on
``PYTHONPATH``, then with this checkout's, ``--repeats`` times in turn (so both see the same load), and
prints for each endpoint the median over the repeats of p50, p95 and server CPU per request for both, and
the ratio of this tree's median p95 to the baseline's, with the load average before each run.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINE = re.compile(r"^(\w+)\s+p50\s+([\d.]+) ms\s+p95\s+([\d.]+) ms\s+server CPU\s+([\d.]+)")
ENDPOINTS = ("baseline", "propositions", "dyad", "search", "document")


def run_once(src: Path, db: Path, requests: int, clients: int) -> dict[str, tuple[float, float, float]]:
    """One ``bench_api.py`` run with ``src`` first on the path: ``{endpoint: (p50, p95, cpu)}`` in ms."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, str(HERE / "bench_api.py"), "--db", str(db), "--requests", str(requests),
                          "--clients", str(clients)], env=env, check=True, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        if m := LINE.match(line):
            found[m[1]] = (float(m[2]), float(m[3]), float(m[4]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, required=True, help="the baseline's src folder")
    parser.add_argument("--baseline-db", type=Path, required=True, help="the store the baseline reads")
    parser.add_argument("--db", type=Path, required=True, help="the store this checkout reads")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, tuple[float, float, float]]]] = {"baseline": [], "this": []}
    trees = {"baseline": (args.baseline_src, args.baseline_db), "this": (HERE.parent / "src", args.db)}
    for i in range(args.repeats):
        for name, (src, db) in trees.items():
            load = os.getloadavg()
            runs[name].append(run_once(src, db, args.requests, args.clients))
            print(f"run {i + 1} {name}: load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    print(f"{'endpoint':13s} {'baseline p50/p95/CPU':>24s} {'this p50/p95/CPU':>24s}  p95 ratio")
    for kind in ENDPOINTS:
        med = {n: [statistics.median(r[kind][j] for r in runs[n]) for j in range(3)] for n in runs}
        b, t = med["baseline"], med["this"]
        print(f"{kind:13s} {b[0]:7.1f} {b[1]:7.1f} {b[2]:6.1f} ms {t[0]:7.1f} {t[1]:7.1f} {t[2]:6.1f} ms  "
              f"{t[1] / b[1]:.2f}")


if __name__ == "__main__":
    main()
