"""Measure epistemic status against UW factuality and CoNLL-2010 hedges (needs ../shared).

Usage:
    python benchmarks/status_eval.py factuality [--split dev|train] [--limit N] [--fit]
    python benchmarks/status_eval.py hedge [--half first|second|all]

``factuality`` parses the UW sentences from their own tokens and reports Pearson r and MAE of
:func:`thucydides.stages.status.event_factuality` on the gold event heads; ``--fit`` prints the mean gold value
per deciding rule (how the table ``FACTUALITY`` in status.py was set, from the train split).
``hedge`` reports precision / recall / F1 of the uncertain class of :func:`thucydides.stages.status.is_uncertain`.
"""

from __future__ import annotations

import argparse
import collections
import csv
import statistics
import time
from pathlib import Path

from thucydides.nlp.parse import load_nlp
from thucydides.stages.status import event_factuality, is_uncertain, judge

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def read_conll(path: Path) -> list[tuple[list[str], dict[int, float]]]:
    sents: list[tuple[list[str], dict[int, float]]] = []
    words: list[str] = []
    gold: dict[int, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                sents.append((words, gold))
            words, gold = [], {}
            continue
        cols = line.split("\t")
        if cols[2] != "_":
            gold[len(words)] = float(cols[2])
        words.append(cols[1])
    return sents


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs) ** 0.5
    vy = sum((y - my) ** 2 for y in ys) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def factuality(split: str, limit: int, fit: bool) -> None:
    from spacy.tokens import Doc

    nlp = load_nlp()
    sents = read_conll(SHARED / "eval" / "factuality" / "uw" / f"{split}.conll")
    if limit:
        sents = sents[:limit]
    preds, golds = [], []
    by_reason: dict[str, list[float]] = collections.defaultdict(list)
    t0 = time.perf_counter()
    for words, gold in sents:
        doc = Doc(nlp.vocab, words=words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for i, value in gold.items():
            preds.append(event_factuality(doc, i))
            golds.append(value)
            if fit:
                by_reason[judge(doc, i, None).reason].append(value)
    elapsed = time.perf_counter() - t0
    mae = statistics.fmean(abs(p - g) for p, g in zip(preds, golds, strict=True))
    print(f"UW {split}: {len(sents)} sentences, {len(golds)} events: Pearson r={pearson(preds, golds):.3f} "
          f"MAE={mae:.3f} ({len(sents) / elapsed:.0f} sentences/s incl. parsing)")
    for reason, values in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        print(f"  {reason:14s} n={len(values):5d} mean={statistics.fmean(values):+.2f}")


def hedge(half: str) -> None:
    path = SHARED / "eval" / "hedge_conll2010_wiki" / "uncertainty-conll2010-wiki-3000.csv"
    with path.open(encoding="utf-8") as fh:
        rows = [(int(label), text) for label, text in csv.reader(fh)]
    if half == "first":
        rows = rows[: len(rows) // 2]
    elif half == "second":
        rows = rows[len(rows) // 2:]
    tp = sum(1 for label, text in rows if label == -1 and is_uncertain(text))
    fp = sum(1 for label, text in rows if label == 1 and is_uncertain(text))
    fn = sum(1 for label, text in rows if label == -1 and not is_uncertain(text))
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"CoNLL-2010 wiki ({half}, {len(rows)} sentences): uncertain P={p:.3f} R={r:.3f} F1={f:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("task", choices=["factuality", "hedge"])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--half", default="all", choices=["first", "second", "all"])
    args = ap.parse_args()
    if args.task == "factuality":
        factuality(args.split, args.limit, args.fit)
    else:
        hedge(args.half)


if __name__ == "__main__":
    main()
