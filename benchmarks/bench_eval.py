"""Wall time of each ``thucydides eval`` dataset, against a parse-only baseline measured in the same run.

Usage: ``python benchmarks/bench_eval.py [--data PATH] [--limit N] [--repeat R] [--dataset NAME ...]``

For each dataset: the median over R runs of ``evaluate(root, limit=N)`` (the spaCy model is loaded
beforehand), and its ratio to the baseline, the median time spaCy takes to parse the first N PLOVER GSR
sentences. Prints one JSON object. Without ``--limit`` every item is used (the CI configuration).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from thucydides.evaluation import default_data_dir, get_datasets
from thucydides.evaluation.io import read_jsonl
from thucydides.nlp.parse import load_nlp, parse_many


def _median_seconds(func: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _baseline(root: Path, limit: int | None, repeat: int) -> float:
    texts = [str(r["text"]) for r in read_jsonl(root / "plover_gsr_dev.jsonl", limit)]
    return _median_seconds(lambda: list(parse_many(texts)), repeat)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dataset", action="append", default=[])
    args = ap.parse_args()
    root = args.data or default_data_dir()
    load_nlp()
    base = _baseline(root, args.limit, args.repeat)
    out: dict[str, Any] = {"data": str(root), "limit": args.limit, "repeat": args.repeat,
                           "baseline_parse_plover_s": round(base, 3), "datasets": {}}
    for name, ds in get_datasets().items():
        if (args.dataset and name not in args.dataset) or not ds.available(root):
            continue
        secs = _median_seconds(lambda ds=ds: ds.evaluate(root, limit=args.limit), args.repeat)
        out["datasets"][name] = {"median_s": round(secs, 3), "ratio_to_baseline": round(secs / base, 2)}
    out["total_median_s"] = round(sum(d["median_s"] for d in out["datasets"].values()), 2)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
