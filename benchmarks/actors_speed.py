"""Speed of the actors stage: sentences per second of ``actors.annotate`` on already-parsed documents.

Parses the texts once (Wikipedia Current Events lines by default, or the Kremlin statements CSV with
``--kremlin``), then times, in the same run, (1) the actors stage alone and (2) spaCy parsing of the same texts
as the baseline. Reports medians of ``--repeat`` runs and the ratio stage/parse time.

    python benchmarks/actors_speed.py [--limit 300] [--repeat 3] [--kremlin]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from thucydides.model import Article
from thucydides.nlp.parse import parse_many
from thucydides.pipeline.state import Annotated
from thucydides.stages.actors import annotate, gazetteer

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def texts(limit: int, kremlin: bool) -> list[str]:
    if kremlin:
        csv.field_size_limit(10_000_000)
        path = SHARED / "official_statements_2022" / "kremlin_en_2022-02-24_to_2022-03-31.csv"
        with path.open(encoding="utf-8") as fh:
            return [row["body"] for row in csv.DictReader(fh)][:limit]
    path = SHARED / "wikipedia_current_events_2022h1.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh][:limit]


def time_parse(items: list[str]) -> tuple[float, list[Any]]:
    start = time.perf_counter()
    docs = list(parse_many(items))
    return time.perf_counter() - start, docs


def time_actors(items: list[str], docs: list[Any]) -> tuple[float, int]:
    start = time.perf_counter()
    mentions = 0
    for text, doc in zip(items, docs, strict=True):
        state = Annotated(Article(text), doc)
        annotate(state)
        mentions += len(state.mentions)
    return time.perf_counter() - start, mentions


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kremlin", action="store_true")
    args = ap.parse_args(argv)
    items = texts(args.limit, args.kremlin)
    gazetteer()
    parse_times, actor_times = [], []
    docs: list[Any] = []
    mentions = 0
    for _ in range(args.repeat):
        seconds, docs = time_parse(items)
        parse_times.append(seconds)
        seconds, mentions = time_actors(items, docs)
        actor_times.append(seconds)
    sentences = sum(len(list(d.sents)) for d in docs)
    p, a = statistics.median(parse_times), statistics.median(actor_times)
    print(json.dumps({"documents": len(items), "sentences": sentences, "mentions": mentions,
                      "parse_seconds_median": round(p, 3), "actors_seconds_median": round(a, 3),
                      "actors_sentences_per_second": round(sentences / a, 1),
                      "parse_sentences_per_second": round(sentences / p, 1),
                      "actors_time_over_parse_time": round(a / p, 3)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
