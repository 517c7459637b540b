"""Speed of stage 8 (dates) and stage 9 (loss claims), against spaCy's parse of the same texts.

Parses the official-statement corpora in ../shared/corpus/official_statements_2022/ (or any CSV with ``body`` and
``date`` columns) once, timing the parse as the baseline, runs the actor stage (untimed), then times each of the two
stages alone over the parsed documents. Reports medians of ``--repeat`` runs: sentences per second for each stage
and the ratio of each stage's time to the parse time measured in the same run. The dateparser cache is cleared
before every repeat so cached answers do not flatter the figure.

    python benchmarks/bench_dates_losses.py [--data CSV ...] [--limit 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from thucydides.model import Article
from thucydides.nlp.parse import parse_many
from thucydides.pipeline.state import Annotated
from thucydides.stages import actors, dates
from thucydides.stages import losses as lossclaims

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "official_statements_2022"
DEFAULT = sorted(SHARED.glob("*.csv"))


def load(paths: list[Path], limit: int) -> list[Article]:
    csv.field_size_limit(sys.maxsize)
    articles: list[Article] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                published = dt.date.fromisoformat(row["date"][:10]) if row.get("date") else None
                articles.append(Article(row["body"], published))
    return [a for a in articles if a.text.strip()][:limit]


def timed(func: object, states: list[Annotated]) -> float:
    start = time.perf_counter()
    for state in states:
        func(state)  # type: ignore[operator]
    return time.perf_counter() - start


def one_run(articles: list[Article]) -> dict[str, float]:
    start = time.perf_counter()
    docs = list(parse_many(a.text for a in articles))
    parse_s = time.perf_counter() - start
    states = [Annotated(a, d) for a, d in zip(articles, docs, strict=True)]
    for state in states:
        actors.annotate(state)
    dates._fallback.cache_clear()
    dates_s = timed(dates.annotate, states)
    losses_s = timed(lossclaims.annotate, states)
    sentences = sum(len(list(d.sents)) for d in docs)
    return {"sentences": sentences, "parse_s": parse_s, "dates_s": dates_s, "losses_s": losses_s,
            "dates": sum(len(s.dates) for s in states), "loss_claims": sum(len(s.loss_claims) for s in states)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, nargs="*", default=DEFAULT)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles = load(args.data, args.limit)
    dates.resolve_date("March of 2021", dt.date(2022, 3, 15))  # import and build dateparser outside the timing
    runs = [one_run(articles) for _ in range(args.repeat)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    n = med["sentences"]
    print(f"articles={len(articles)} sentences={n:.0f} dates={med['dates']:.0f} loss_claims={med['loss_claims']:.0f}")
    print(f"parse (baseline): {n / med['parse_s']:9.0f} sentences/s  {med['parse_s']:.3f} s")
    for stage in ("dates", "losses"):
        secs = med[f"{stage}_s"]
        print(f"{stage:16s}: {n / secs:9.0f} sentences/s  {secs:.3f} s  "
              f"{100 * secs / med['parse_s']:.1f}% of parse time")


if __name__ == "__main__":
    main()
