"""Speed of attribution + status against parsing, measured in the same run (needs ../shared for text).

Usage: python benchmarks/attribution_speed.py [--articles N] [--repeat R]

Parses N PolNeAR dev articles once (the baseline: spaCy parse time), then R times runs, on fresh copies
of the parsed Docs, attribution and status for every verb and noun token as if each were an event
trigger (far more triggers than the event stage produces). Reports medians of sentences per second and
the ratio of attribution+status time to parse time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

from spacy.tokens import DocBin

from thucydides.nlp.parse import load_nlp
from thucydides.stages.attribution import attribute, find_attributions
from thucydides.stages.status import status_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with gzip.open(SHARED / "eval" / "polnear" / "polnear_dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][: args.articles]
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - t0
    n_sents = sum(len(list(d.sents)) for d in docs)
    stored = DocBin(store_user_data=False, docs=docs).to_bytes()
    runs, triggers = [], 0
    for _ in range(args.repeat):
        fresh = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
        t0 = time.perf_counter()
        triggers = 0
        for doc in fresh:
            find_attributions(doc)
            for tok in doc:
                if tok.pos_ in ("VERB", "NOUN"):
                    status_of(doc, tok.i, attribute(doc, tok.i, ()))
                    triggers += 1
        runs.append(time.perf_counter() - t0)
    med = statistics.median(runs)
    print(f"{len(docs)} articles, {n_sents} sentences, {triggers} triggers per run")
    print(f"parse (baseline):       {n_sents / parse_s:8.0f} sentences/s")
    print(f"attribution + status:   {n_sents / med:8.0f} sentences/s (median of {args.repeat} runs)")
    print(f"ratio to parse time:    {med / parse_s:8.3f}")


if __name__ == "__main__":
    main()
