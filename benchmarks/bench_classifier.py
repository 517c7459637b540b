"""Event-classifier speed: sentences per second of ``EventClassifier.predict_both`` (type + quad).

Reads sentences from the Wikipedia Current Events 2022 H1 lines (or any JSON Lines file with ``text``),
and in the same run measures two baselines over the same sentences: the sentence embedding alone (the
MiniLM ONNX model, the expensive part) and the spaCy parse the pipeline does anyway, so the classifier's
cost can be read as a ratio on a shared, noisy machine. Reports the median of ``--repeat`` runs.

    python benchmarks/bench_classifier.py [--data PATH] [--limit 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from thucydides.classifier import EventClassifier
from thucydides.classifier.embed import get_embedder
from thucydides.nlp.parse import parse_many

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikipedia_current_events_2022h1.jsonl"


def load(path: Path, limit: int) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = str(json.loads(line).get("text") or "").strip()
            if text:
                out.append(text)
            if len(out) >= limit:
                break
    return out


def rate(func: Callable[[Sequence[str]], object], sentences: list[str], repeat: int) -> float:
    """Median sentences per second over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(sentences)
        times.append(time.perf_counter() - start)
    return len(sentences) / statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sentences = load(args.data, args.limit)
    clf = EventClassifier.load()
    clf.predict_both(sentences[:8])                      # warm up: load the model and the tokenizer
    embed = get_embedder().embed
    figures = {
        "classifier (type+quad)": rate(clf.predict_both, sentences, args.repeat),
        "embedding only": rate(embed, sentences, args.repeat),
        "spaCy parse (baseline)": rate(lambda s: list(parse_many(s)), sentences, args.repeat),
    }
    print(f"{len(sentences)} sentences, median of {args.repeat} runs")
    base = figures["spaCy parse (baseline)"]
    for name, value in figures.items():
        print(f"{name:26s} {value:8.1f} sentences/s   time ratio to spaCy parse {base / value:5.2f}")


if __name__ == "__main__":
    main()
