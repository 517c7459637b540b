"""The default pipeline's stages with and without the sentence classifier, timed in one run.

Parses the lines once, then runs both stage lists over the parses, interleaved, ``--repeat`` times, and prints
the median sentences per second of each and their ratio (the parse is not timed: it is the same for both).

    python benchmarks/bench_hybrid.py [--data GOLD.jsonl] [--limit 250] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from thucydides.evaluation.gold import _article
from thucydides.nlp.parse import parse_many
from thucydides.pipeline.registry import Pipeline
from thucydides.pipeline.run import extract_article
from thucydides.stages.builtin import CLASSIFIER, hybrid_stages

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "train" / "wiki2022h1.dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()][: args.limit]
    articles = [_article(r) for r in rows]
    docs = list(parse_many(a.text for a in articles))
    sentences = sum(len(list(d.sents)) for d in docs)
    default = Pipeline(hybrid_stages())
    lists = {"default": default, "with classifier": default.insert_after("status.rules.v1", CLASSIFIER)}
    for pipe in lists.values():  # load the models before timing
        extract_article(articles[0], docs[0], pipe)
    rates: dict[str, list[float]] = {name: [] for name in lists}
    for _ in range(args.repeat):
        for name, pipe in lists.items():
            start = time.perf_counter()
            for article, doc in zip(articles, docs, strict=True):
                extract_article(article, doc, pipe)
            rates[name].append(sentences / (time.perf_counter() - start))
    medians = {name: statistics.median(r) for name, r in rates.items()}
    for name, rate in medians.items():
        print(f"{name:16s} {rate:7.1f} sentences/s ({sentences} sentences, median of {args.repeat})")
    print(f"ratio default / with classifier: {medians['default'] / medians['with classifier']:.2f}")


if __name__ == "__main__":
    main()
