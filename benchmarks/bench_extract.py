"""End-to-end extraction speed: sentences per second and peak memory.

Runs, over the same texts and in the same run (so the figures compare on a shared, noisy machine):
a spaCy-only pass (parse floor), the **rules-only** pipeline (the baseline: no learned stage), the default
pipeline (with the learned extractor ``events.learned.v1``), the learned extractor's encoder and heads alone
on the same sentences, and the default pipeline parsing on N processes. Reports medians of ``--repeat`` runs
and the peak memory of this process.

    python benchmarks/bench_extract.py [--data PATH] [--limit N] [--repeat 3] [--processes 2]
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
from thucydides.pipeline.state import Stage

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
    stages = default_stages() if model else rules_only_stages()
    start = time.perf_counter()
    sentences = propositions = 0
    for article, doc in zip(articles, parse_many(a.text for a in articles), strict=True):
        sentences += len(list(doc.sents))
        propositions += len(extract_article(article, doc, stages).propositions)
    return time.perf_counter() - start, sentences, propositions


def rules_only_stages() -> list[Stage]:
    """The default pipeline without the learned extractor, with the rule event stages it replaces."""
    from thucydides.stages.builtin import rule_stages

    return rule_stages()


def learned_alone(articles: list[Article]) -> tuple[float, int]:
    """Encoder + heads over the sentences of the articles (parse and mentions done before the clock)."""
    from thucydides.extractor.corpus import analyse
    from thucydides.extractor.runtime import get_extractor
    from thucydides.extractor.units import sentence_offsets, units_of

    units = [u for a, doc, ms in analyse(articles) for u in units_of(a.id, a.text, sentence_offsets(doc), ms)]
    model = get_extractor()
    start = time.perf_counter()
    model.predict(units)
    return time.perf_counter() - start, len(units)


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
    base, full, rules_only, multi, alone, props = [], [], [], [], [], 0
    sentences = 0
    for _ in range(args.repeat):
        t, sentences = spacy_only(articles)
        base.append(sentences / t)
        t2, _, props = pipeline(articles)
        full.append(sentences / t2)
        rules_only.append(sentences / pipeline(articles, model=False)[0])
        t3, units = learned_alone(articles)
        alone.append(units / t3)
        if args.processes > 1:
            multi.append(sentences / parallel(articles, args.processes))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents={len(articles)} sentences={sentences} propositions={props}")
    print(f"spaCy parse only : median {statistics.median(base):8.1f} sentences/s")
    print(f"full pipeline    : median {statistics.median(full):8.1f} sentences/s "
          f"({statistics.median(full) / statistics.median(base):.2f} x parse-only)")
    print(f"rules-only pipeline (baseline): median {statistics.median(rules_only):8.1f} sentences/s "
          f"(default / rules-only = {statistics.median(full) / statistics.median(rules_only):.2f})")
    print(f"learned extractor alone (encoder + heads): median {statistics.median(alone):8.1f} sentences/s")
    if multi:
        print(f"full pipeline, {args.processes} processes: median {statistics.median(multi):8.1f} sentences/s "
              f"({statistics.median(multi) / statistics.median(base):.2f} x parse-only)")
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
