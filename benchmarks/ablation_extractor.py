"""Ablation of the event extractors in one run: rules only, model only, model beside the rules.

The same parses go through four stage lists; each is scored as ``eval/FORMAT.md`` says (propositions,
claims, verdict, date, laundering). Gold files are JSON Lines in the FORMAT.md shape.

    python benchmarks/ablation_extractor.py GOLD.jsonl [GOLD.jsonl ...] [--model-dir DIR]
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from pathlib import Path
from typing import Any

from thucydides.evaluation.gold import _article
from thucydides.evaluation.scoring import GoldTally
from thucydides.nlp.parse import parse_many
from thucydides.pipeline.registry import Pipeline
from thucydides.pipeline.run import extract_article
from thucydides.pipeline.state import Stage
from thucydides.stages.builtin import rule_stages
from thucydides.stages.extractor import run_stage


def _learned(keep: str, reads: tuple[str, ...]) -> Stage:
    return Stage("events.learned.v1", functools.partial(run_stage, keep_rules=keep), reads,
                 ("events", "events.source", "events.status"))


def configurations() -> dict[str, Pipeline]:
    base = Pipeline(rule_stages())
    rs = {s.name: s for s in rule_stages()}
    model_only = Pipeline([rs["actors.gazetteer.v1"], rs["dates.dateparser.v1"], rs["places.geonames.v1"],
                           _learned("none", ("doc", "mentions", "dates")), rs["merge.claims.v1"],
                           rs["places.link.v1"], rs["losses.rules.v1"]])
    after = ("doc", "mentions", "dates", "events.status")
    # the hybrid runs the rule stages without the sentence classifier (stages.builtin.hybrid_stages)
    rules_events = base.without("events.model.v1")
    return {"rules": base, "model": model_only,
            "both-uncovered": rules_events.insert_after("status.rules.v1", _learned("uncovered", after)),
            "both-all": rules_events.insert_after("status.rules.v1", _learned("all", after))}


def _line(name: str, tally: GoldTally, seconds: float) -> str:
    sc = {s.name: s for s in tally.scores(per_type=False)}
    p, c = sc["propositions"].figures, sc["claims"].figures
    return (f"{name:15s} prop P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f} | claim F1 {c['f1']:.3f}"
            f" | verdict {sc['verdict'].figures['accuracy']:.3f} | date {sc['date'].figures['accuracy']:.3f}"
            f" | laundering {sc['laundering'].figures['rate']:.3f} (n={sc['laundering'].n}) | {seconds:.1f}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--model-dir", type=Path, help="a model folder other than the shipped one")
    args = ap.parse_args()
    if args.model_dir:
        from thucydides.extractor import runtime

        runtime.default_model_dir = lambda: args.model_dir
    gold: list[dict[str, Any]] = [json.loads(line) for f in args.gold for line in f.open(encoding="utf-8")
                                  if line.strip()]
    gold = [g for g in gold if str(g.get("text") or "").strip()]
    articles = [_article(d) for d in gold]
    docs = list(parse_many(a.text for a in articles))
    for name, stages in configurations().items():
        start, tally = time.perf_counter(), GoldTally()
        for g, a, d in zip(gold, articles, docs, strict=True):
            tally.add_document(g, extract_article(a, d, stages).to_dict())
        print(_line(name, tally, time.perf_counter() - start), flush=True)


if __name__ == "__main__":
    main()
