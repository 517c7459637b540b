"""The scorer of ``eval/FORMAT.md`` for whole documents (``*.gold.jsonl``), over plain dictionaries.

Gold and predicted documents are dictionaries in the gold shape (:meth:`thucydides.Document.to_dict`
produces it). Matching rules, as FORMAT.md states them:

1. A predicted proposition matches a gold one when the type is equal and the actor code sets intersect
   (or are both empty) and so do the recipient code sets. Matching is one-to-one and greedy in document
   order: gold propositions in file order each take the first unmatched prediction (predictions in
   order of their evidence offset) that matches. Non-optional gold propositions are matched first; the
   optional ones then take what they match from the remaining predictions, and both are removed.
2. Claims: on matched propositions, sets of ``(status, frozenset(by))``.
3. Verdict accuracy on matched propositions (a missing ``verdict`` is computed from the claims).
4. Date exact-match accuracy on matched propositions whose gold date is set.
5. Loss claims: same ``side`` and ``value``, one-to-one; precision, recall, F1.
6. Laundering: of the matched propositions whose gold verdict is ``alleged``, the share predicted as plainly
   ``asserted`` (CODING.md §5: "an allegation must never come out as a plain assertion"); lower is better.

Figures are micro-averaged over documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..model import verdict_of
from .result import Counts, Score

__all__ = ["GoldTally", "match_propositions", "proposition_matches", "score_documents"]

Dict = dict[str, Any]


def _codes(p: Dict, key: str) -> set[str]:
    return {str(c) for c in (p.get(key) or ())}


def _sets_agree(a: set[str], b: set[str]) -> bool:
    return bool(a & b) if a or b else True


def proposition_matches(gold: Dict, pred: Dict) -> bool:
    """FORMAT.md's match: same type, intersecting (or both empty) actor and recipient code sets."""
    return (gold.get("type") == pred.get("type")
            and _sets_agree(_codes(gold, "actor"), _codes(pred, "actor"))
            and _sets_agree(_codes(gold, "recipient"), _codes(pred, "recipient")))


def _document_order(preds: Sequence[Dict]) -> list[Dict]:
    def key(item: tuple[int, Dict]) -> tuple[int, int]:
        prov = item[1].get("provenance") or {}
        start = prov.get("start")
        return (int(start) if isinstance(start, int) and start >= 0 else 1 << 60, item[0])

    return [p for _, p in sorted(enumerate(preds), key=key)]


def _greedy(golds: Sequence[Dict], preds: Sequence[Dict], taken: set[int]) -> list[tuple[Dict, Dict]]:
    pairs: list[tuple[Dict, Dict]] = []
    for g in golds:
        for j, p in enumerate(preds):
            if j not in taken and proposition_matches(g, p):
                taken.add(j)
                pairs.append((g, p))
                break
    return pairs


def match_propositions(gold: Sequence[Dict], predicted: Sequence[Dict]) -> tuple[
        list[tuple[Dict, Dict]], list[Dict], list[Dict]]:
    """Match one document's propositions.

    Returns:
        ``(pairs, missed gold, spurious predictions)``, with optional gold propositions and the
        predictions they matched removed from all three.
    """
    preds = _document_order(predicted)
    required = [g for g in gold if not g.get("optional")]
    taken: set[int] = set()
    pairs = _greedy(required, preds, taken)
    matched_ids = {id(g) for g, _ in pairs}
    _greedy([g for g in gold if g.get("optional")], preds, taken)
    missed = [g for g in required if id(g) not in matched_ids]
    spurious = [p for j, p in enumerate(preds) if j not in taken]
    return pairs, missed, spurious


def _claim_set(p: Dict) -> set[tuple[str, frozenset[str]]]:
    return {(str(c.get("status")), frozenset(str(b) for b in (c.get("by") or ()))) for c in p.get("claims") or ()}


def _verdict(p: Dict) -> str:
    v = p.get("verdict")
    return str(v) if v else verdict_of([str(c.get("status")) for c in p.get("claims") or ()])


def _loss_keys(doc: Dict) -> list[tuple[str, int]]:
    return [(str(lc.get("side") or ""), int(lc.get("value", -1))) for lc in doc.get("loss_claims") or ()]


@dataclass
class GoldTally:
    """Running counts of the five FORMAT.md scores (and per-type proposition counts)."""

    propositions: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    loss_claims: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    verdicts: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    laundered: list[bool] = field(default_factory=list)

    def _type(self, name: object) -> Counts:
        return self.by_type.setdefault(str(name), Counts())

    def add_document(self, gold: Dict, pred: Dict) -> None:
        """Score one document pair into the running counts."""
        pairs, missed, spurious = match_propositions(gold.get("propositions") or [], pred.get("propositions") or [])
        self.propositions.add(len(pairs), len(spurious), len(missed))
        for g, p in pairs:
            self._type(g.get("type")).add(1, 0, 0)
            gc, pc = _claim_set(g), _claim_set(p)
            self.claims.add(len(gc & pc), len(pc - gc), len(gc - pc))
            self.verdicts.append(_verdict(g) == _verdict(p))
            if _verdict(g) == "alleged":
                self.laundered.append(_verdict(p) == "asserted")
            if g.get("date"):
                self.dates.append(g.get("date") == p.get("date"))
        for g in missed:
            self._type(g.get("type")).add(0, 0, 1)
        for p in spurious:
            self._type(p.get("type")).add(0, 1, 0)
        self.loss_claims.add_multisets(_loss_keys(gold), _loss_keys(pred))

    def scores(self, per_type: bool = True) -> list[Score]:
        """The table lines: the five scores, then one line per proposition type."""
        out = [self.propositions.score("propositions"), self.claims.score("claims"),
               _accuracy("verdict", self.verdicts), _accuracy("date", self.dates),
               self.loss_claims.score("loss_claims"),
               Score("laundering", len(self.laundered),
                     {"rate": sum(self.laundered) / len(self.laundered) if self.laundered else 0.0})]
        if per_type:
            out += [self.by_type[t].score(f"type:{t}") for t in sorted(self.by_type)]
        return out


def _accuracy(name: str, hits: list[bool]) -> Score:
    return Score(name, len(hits), {"accuracy": sum(hits) / len(hits) if hits else 0.0})


def score_documents(gold: Sequence[Dict], predicted: Sequence[Dict], per_type: bool = True) -> list[Score]:
    """Score predicted documents against gold ones (``predicted[i]`` is the prediction for ``gold[i]``).

    Raises:
        InputError: (E010) when the two lists differ in length.
    """
    if len(gold) != len(predicted):
        raise InputError("E010", f"{len(predicted)} predicted documents for {len(gold)} gold documents")
    tally = GoldTally()
    for g, p in zip(gold, predicted, strict=True):
        tally.add_document(g, p)
    return tally.scores(per_type)
