"""Benchmark: import the full Oryx item-level file(s) and the daily totals into a fresh ledger.

Usage (from the repository root, with ../shared present)::

    python benchmarks/bench_ledger_import.py [--repeat 3] [--shared ../shared]

Prints the median wall time of each step over ``--repeat`` runs and its ratio to a baseline measured in the
same run: a plain ``csv.DictReader`` pass over the same files (the cost of just reading them). The
acceptance bound is 30 s for the item-level file plus the daily totals.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from thucydides.ledger.db import connect
from thucydides.ledger.importers import import_oryx_daily, import_oryx_items
from thucydides.ledger.ingest import store_parsed


def _baseline(paths: list[Path]) -> None:
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for _ in csv.DictReader(handle):
                pass


def _import(items: list[Path], daily: Path, reimport: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        store_parsed(con, import_oryx_items(items, {}), "oryx-items", [])
        store_parsed(con, import_oryx_daily([daily], {}), "oryx-daily", [])
        if reimport:
            store_parsed(con, import_oryx_items(items, {}), "oryx-items", [])
        con.close()


def _median(func: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    oryx = args.shared / "losses" / "scarnecchia_oryx_data"
    cases = {"event_*.csv (37,505 rows)": sorted(oryx.glob("event_*.csv")),
             "totals_by_system_2024-11-17.csv (31,046 rows)": [oryx / "totals_by_system_2024-11-17.csv"]}
    daily = oryx / "daily_count.csv"
    for label, items in cases.items():
        base = _median(lambda items=items: _baseline([*items, daily]), args.repeat)
        first = _median(lambda items=items: _import(items, daily, False), args.repeat)
        both = _median(lambda items=items: _import(items, daily, True), args.repeat)
        print(f"{label} + daily_count.csv: baseline csv read {base:.2f} s; import {first:.2f} s "
              f"(x{first / base:.1f}); import + full re-import {both:.2f} s (x{both / base:.1f}); "
              f"median of {args.repeat}; bound 30 s")


if __name__ == "__main__":
    main()
