"""Agreement between two codings of the same items, scored as eval/FORMAT.md says (optional gold removed).

Usage: python corpus/team/agreement.py SECOND.jsonl FIRST.jsonl [FIRST.jsonl ...]

SECOND holds an independent coding of some of the items of the FIRST files (matched by ``id``). Prints the
project scorer's figures both ways (each coding as the reference once), first with every proposition of the
predicting coder, then with its ``optional`` propositions dropped (a coder's optional codings are background
or borderline calls that a system is neither rewarded nor penalised for when they are in the reference).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from thucydides.evaluation.scoring import GoldTally


def load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh)}


def required_only(doc: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    out["propositions"] = [p for p in out["propositions"] if not p.get("optional")]
    return out


def figures(gold: dict[str, Any], pred: dict[str, Any], ids: list[str], drop_optional: bool) -> str:
    tally = GoldTally()
    for i in ids:
        tally.add_document(gold[i], required_only(pred[i]) if drop_optional else pred[i])
    scores = {s.name: s.figures for s in tally.scores(per_type=False)}
    p = scores["propositions"]
    return (f"propositions P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}; "
            f"claims F1 {scores['claims']['f1']:.3f}; verdict {scores['verdict']['accuracy']:.3f}")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    second = load(Path(argv[0]))
    first: dict[str, dict[str, Any]] = {}
    for name in argv[1:]:
        first.update(load(Path(name)))
    ids = sorted(i for i in second if i in first)
    print(f"{len(ids)} items coded twice")
    for label, gold, pred in (("first as reference", first, second), ("second as reference", second, first)):
        for drop in (False, True):
            print(f"{label}, {'required only' if drop else 'all'} predicted: {figures(gold, pred, ids, drop)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
