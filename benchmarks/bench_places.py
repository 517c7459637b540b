"""Place resolution speed against the whole pipeline, in the same run.

Times, over the same Wikipedia Current Events lines: the end-to-end pipeline (parse + every stage) with
and without the places stage, and place resolution alone (detection + disambiguation) on the same parses.
Reports medians of ``--repeat`` runs, milliseconds per article, the share of end-to-end time the places
stages (resolution and linking) take, and how long the cached index takes to load in a fresh process.

    python benchmarks/bench_places.py [--data PATH] [--limit N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_extract import DEFAULT, load

from thucydides.model import Article
from thucydides.nlp.parse import load_nlp, parse_many
from thucydides.pipeline.registry import default_stages
from thucydides.pipeline.run import extract_article
from thucydides.pipeline.state import Stage
from thucydides.places import load_index, resolve_places


def end_to_end(articles: list[Article], with_places: bool = True) -> tuple[float, list[Any]]:
    stages: list[Stage] = [s for s in default_stages() if with_places or not s.name.startswith("places.")]
    start = time.perf_counter()
    docs = []
    for article, doc in zip(articles, parse_many(a.text for a in articles), strict=True):
        extract_article(article, doc, stages)
        docs.append(doc)
    return time.perf_counter() - start, docs


def places(articles: list[Article], docs: list[Any]) -> tuple[float, int]:
    start = time.perf_counter()
    found = sum(len(resolve_places(a.text, d)) for a, d in zip(articles, docs, strict=True))
    return time.perf_counter() - start, found


def index_load_seconds() -> float:
    code = "import time; from thucydides.places import load_index; t=time.perf_counter(); load_index(); " \
           "print(time.perf_counter()-t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no data at {args.data}; pass --data")
    articles = load(args.data, args.limit)
    load_nlp()
    load_index()
    end_to_end(articles[:20])  # warm up caches and lazy imports
    full, without, geo, found = [], [], [], 0
    for _ in range(args.repeat):
        t, docs = end_to_end(articles)
        full.append(t)
        without.append(end_to_end(articles, with_places=False)[0])
        t, found = places(articles, docs)
        geo.append(t)
    n, f, w, g = len(articles), statistics.median(full), statistics.median(without), statistics.median(geo)
    print(f"articles={n} place_mentions={found} repeat={args.repeat}")
    print(f"end_to_end_ms_per_article with_places={1000 * f / n:.2f} without={1000 * w / n:.2f}")
    print(f"places_alone_ms_per_article={1000 * g / n:.3f} share_of_end_to_end={g / f:.3f} "
          f"(with-without)/with={(f - w) / f:.3f}")
    print(f"index_load_s_fresh_process={statistics.median(index_load_seconds() for _ in range(3)):.2f}")


if __name__ == "__main__":
    main()
