"""Measure attribution source spans against PolNeAR dev (needs ../shared; not part of the library).

Usage: python benchmarks/attribution_eval.py [--limit N] [--split dev|train] [--errors K]

Reports, on the primary annotation of each article, precision / recall / F1 of SOURCE spans
(exact match and overlap match, one-to-one), of CUE spans (overlap), and token-level F1 of sources,
plus the parsing + attribution throughput (sentences per second, median of the articles).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

from thucydides.nlp.parse import load_nlp
from thucydides.stages.attribution import find_attributions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def gold_spans(record: dict, role: str) -> list[tuple[int, int]]:
    ann = next(a for a in record["annotations"] if a["primary"])
    out = []
    for att in ann["attributions"]:
        for part in att[role]:
            spans = part["spans"]
            out.append((spans[0][0], spans[-1][1]))
    return out


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    used: set[int] = set()
    hits = 0
    for p in pred:
        for k, g in enumerate(gold):
            if k in used:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(k)
                hits += 1
                break
    return hits


def prf(hits: int, npred: int, ngold: int) -> str:
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f}"


def tokens(spans: list[tuple[int, int]], text: str) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", type=int, default=0, help="print K missed / spurious sources")
    args = ap.parse_args()
    path = SHARED / "eval" / "polnear" / f"polnear_{args.split}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    if args.limit:
        records = records[: args.limit]
    nlp = load_nlp()
    totals = dict.fromkeys(["src_exact", "src_overlap", "cue", "npred", "ngold", "ncue_p", "ncue_g",
                            "tok_hit", "tok_p", "tok_g"], 0)
    rates, errors = [], []
    for rec in records:
        text = rec["text"]
        t0 = time.perf_counter()
        doc = nlp(text)
        atts = find_attributions(doc)
        dt = time.perf_counter() - t0
        rates.append(len(list(doc.sents)) / dt)
        pred = [a.source for a in atts if a.source is not None]
        gold = gold_spans(rec, "source")
        totals["src_exact"] += match(pred, gold, True)
        totals["src_overlap"] += match(pred, gold, False)
        totals["npred"] += len(pred)
        totals["ngold"] += len(gold)
        pc, gc = [a.cue for a in atts], gold_spans(rec, "cue")
        totals["cue"] += match(pc, gc, False)
        totals["ncue_p"] += len(pc)
        totals["ncue_g"] += len(gc)
        tp, tg = tokens(pred, text), tokens(gold, text)
        totals["tok_hit"] += len(tp & tg)
        totals["tok_p"] += len(tp)
        totals["tok_g"] += len(tg)
        if args.errors:
            errors += [("MISS", text[g[0]:g[1]]) for g in gold if g not in pred]
            errors += [("SPUR", text[p[0]:p[1]]) for p in pred if p not in gold]
    print(f"PolNeAR {args.split}: {len(records)} articles")
    print("source exact   ", prf(totals["src_exact"], totals["npred"], totals["ngold"]))
    print("source overlap ", prf(totals["src_overlap"], totals["npred"], totals["ngold"]))
    print("source tokens  ", prf(totals["tok_hit"], totals["tok_p"], totals["tok_g"]))
    print("cue overlap    ", prf(totals["cue"], totals["ncue_p"], totals["ncue_g"]))
    print(f"parse+attribution: median {statistics.median(rates):.0f} sentences/s per article")
    for kind, text in errors[: args.errors]:
        print(kind, repr(text), file=sys.stderr)


if __name__ == "__main__":
    main()
