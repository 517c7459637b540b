"""End-to-end extraction speed: sentences per second and peak memory.

Runs the whole pipeline (parse + every stage) over the Wikipedia Current Events 2022 H1 lines (or any JSON
Lines file with ``text`` and ``date``) and, in the same run, a spaCy-only pass over the same texts as the
baseline and the pipeline without the learned classifier stage (the speed before the classifier), so the
figures are comparable on a shared, noisy machine. Reports the median of ``--repeat`` runs.

    python benchmarks/bench_extract.py [--data PATH] [--limit N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from thucydides.model import Article
from thucydides.nlp.parse import load_nlp, parse_many
from thucydides.pipeline.registry import default_stages
from thucydides.pipeline.run import extract_article, extract_many

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikipedia_current_events_2022h1.jsonl"


def load(path: Path, limit: int) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            published = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
            outlets = rec.get("cited_outlets") or [None]
            articles.append(Article(rec["text"], published, outlets[0], rec.get("source_page"), id=rec["id"]))
            if len(articles) >= limit:
                break
    return articles


def spacy_only(articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in parse_many(a.text for a in articles))
    return time.perf_counter() - start, sentences


def pipeline(articles: list[Article], model: bool = True) -> tuple[float, int, int]:
    stages = [s for s in default_stages() if model or s.name != "events.model.v1"]
    start = time.perf_counter()
    sentences = propositions = 0
    for article, doc in zip(articles, parse_many(a.text for a in articles), strict=True):
        sentences += len(list(doc.sents))
        propositions += len(extract_article(article, doc, stages).propositions)
    return time.perf_counter() - start, sentences, propositions


def parallel(articles: list[Article], n_process: int) -> float:
    start = time.perf_counter()
    for _ in extract_many(articles, batch_size=64, n_process=n_process):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--processes", type=int, default=2, help="also time the pipeline parsing on N processes")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"no data at {args.data}; pass --data")
    articles = load(args.data, args.limit)
    load_nlp()
    pipeline(articles[:20])  # warm up caches and lazy imports
    base, full, rules_only, multi, props = [], [], [], [], 0
    sentences = 0
    for _ in range(args.repeat):
        t, sentences = spacy_only(articles)
        base.append(sentences / t)
        t2, _, props = pipeline(articles)
        full.append(sentences / t2)
        rules_only.append(sentences / pipeline(articles, model=False)[0])
        if args.processes > 1:
            multi.append(sentences / parallel(articles, args.processes))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents={len(articles)} sentences={sentences} propositions={props}")
    print(f"spaCy parse only : median {statistics.median(base):8.1f} sentences/s")
    print(f"full pipeline    : median {statistics.median(full):8.1f} sentences/s "
          f"({statistics.median(full) / statistics.median(base):.2f} x parse-only)")
    print(f"without the classifier stage: median {statistics.median(rules_only):8.1f} sentences/s "
          f"(classifier costs {1 - statistics.median(full) / statistics.median(rules_only):.0%})")
    if multi:
        print(f"full pipeline, {args.processes} processes: median {statistics.median(multi):8.1f} sentences/s "
              f"({statistics.median(multi) / statistics.median(base):.2f} x parse-only)")
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
