"""PLOVER gold-standard sentences (``plover_gsr_dev.jsonl``): event type and (type, actor, recipient).

Each sentence goes through the whole pipeline. Its **main event** is the proposition whose trigger is
closest to the root of the dependency tree (fewest head hops from the trigger's syntactic head to the
sentence root); ties go to the earliest trigger. A sentence with no proposition has main event ``NONE``.

Actor codes are compared on their first three characters after normalisation: the gold ``IGO`` stands
for any international organisation, so predicted IGO acronyms (``UN``, ``NATO``, ...) become ``IGO``, and
the legacy gold codes ``JAP`` and ``ITL`` become ``JPN`` and ``ITA``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Article, Document
from .common import Guard, extract_parsed
from .io import read_jsonl
from .result import Counts, EvalResult, Score

__all__ = ["IGO_CODES", "PloverGSR", "main_proposition", "normalise_code"]

FILE = "plover_gsr_dev.jsonl"
NONE = "NONE"
IGO_CODES = frozenset({"IGO", "UN", "NATO", "EU", "AU", "IAEA", "G7", "G20", "OSCE", "WHO", "IMF", "WTO", "ASEAN",
                       "OAS", "OPEC", "ICC", "ECOWAS", "SADC", "OIC", "CSTO", "SCO", "ARL", "GCC", "EEC",
                       "UNSC", "WB", "CIS", "OAU", "ICJ", "UNHCR", "UNICEF", "WFP"})
LEGACY = {"JAP": "JPN", "ITL": "ITA"}

Triple = tuple[str, frozenset[str], frozenset[str]]


def normalise_code(code: str) -> str:
    """A code reduced to what the PLOVER GSR distinguishes: ``IGO`` or a three-letter country code."""
    code = code.upper().strip()
    if code in IGO_CODES or code.startswith("IGO"):
        return "IGO"
    return LEGACY.get(code[:3], code[:3])


def _codes(codes: Iterable[str]) -> frozenset[str]:
    return frozenset(normalise_code(c) for c in codes if c)


def _depth(token: Any) -> int:
    depth = 0
    while token.head is not token and depth < 500:
        token, depth = token.head, depth + 1
    return depth


def main_proposition(document: Document, doc: Any) -> Any:
    """The root-most proposition of a one-sentence document (see the module docstring), or None."""
    best: tuple[int, int] | None = None
    chosen = None
    for p in document.propositions:
        if p.provenance is None:
            continue
        span = doc.char_span(p.provenance.start, max(p.provenance.end, p.provenance.start + 1),
                             alignment_mode="expand")
        key = (_depth(span.root) if span is not None and len(span) else 1 << 20, p.provenance.start)
        if best is None or key < best:
            best, chosen = key, p
    if chosen is None and document.propositions:
        chosen = document.propositions[0]
    return chosen


def _gold_triple(r: dict[str, Any]) -> Triple:
    return (str(r.get("event_2021") or r.get("event_v05")),
            _codes(str(a.get("code") or "") for a in r.get("actor") or ()),
            _codes(str(a.get("code") or "") for a in r.get("recipient") or ()))


def _triples(document: Document) -> list[Triple]:
    return [(p.type, _codes(p.actor), _codes(p.recipient)) for p in document.propositions]


class _Tally:
    def __init__(self) -> None:
        self.types, self.actors, self.full = Counts(), Counts(), Counts()
        self.main_hits: list[bool] = []
        self.triple_hits: list[bool] = []
        self.quad_hits: list[bool] = []
        self.confusion: dict[str, Counter[str]] = {}

    def add(self, gold: Triple, predicted: list[Triple], main: Triple | None) -> None:
        self.types.add_multisets([gold[0]], [t[0] for t in predicted])
        self.actors.add_multisets([gold[:2]], [t[:2] for t in predicted])
        self.full.add_multisets([gold], predicted)
        guess = main[0] if main else NONE
        self.main_hits.append(guess == gold[0])
        self.triple_hits.append(main == gold)
        self.quad_hits.append(_quad(guess) == _quad(gold[0]))
        self.confusion.setdefault(gold[0], Counter())[guess] += 1

    def scores(self) -> list[Score]:
        n = len(self.main_hits)
        acc = sum(self.main_hits) / n if n else 0.0
        out = [Score("event_type", n, {**self.types.score("").figures, "accuracy": acc}),
               self.actors.score("type+actor"),
               Score("type+actor+recipient", n, {**self.full.score("").figures,
                                                 "accuracy": sum(self.triple_hits) / n if n else 0.0}),
               Score("quad", n, {"accuracy": sum(self.quad_hits) / n if n else 0.0})]
        return out + _per_type(self.confusion)


def _quad(event_type: str) -> int:
    from ..plover import quad_of

    return quad_of(event_type) if event_type != NONE else 0


def _per_type(confusion: dict[str, Counter[str]]) -> list[Score]:
    out = []
    for t in sorted(confusion):
        tp = confusion[t][t]
        fp = sum(row[t] for g, row in confusion.items() if g != t)
        c = Counts(tp, fp, sum(confusion[t].values()) - tp)
        out.append(c.score(f"type:{t}"))
    return out


class PloverGSR:
    """Sentence-level PLOVER typing and actor coding on the PLOVER GSR development half."""

    name = "plover_gsr_dev"
    description = "PLOVER GSR sentences: main-event type accuracy, (type, actor, recipient) P/R/F1, confusion"

    def available(self, root: Path) -> bool:
        return (root / FILE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        rows = [r for r in read_jsonl(root / FILE, limit) if str(r.get("text") or "").strip()]
        tally, guard = _Tally(), Guard()
        articles = [Article(text=str(r["text"]), id=str(r.get("id") or "")) for r in rows]
        for r, (document, doc) in zip(rows, extract_parsed(articles, guard=guard), strict=True):
            main = main_proposition(document, doc)
            tally.add(_gold_triple(r), _triples(document),
                      (main.type, _codes(main.actor), _codes(main.recipient)) if main else None)
        notes = ["event_type accuracy: the root-most proposition per sentence; P/R/F1 count every proposition",
                 "type:X lines are P/R/F1 of the main-event type (the confusion matrix with --confusion)", *guard.notes()]
        confusion = {g: dict(row) for g, row in tally.confusion.items()}
        return EvalResult(self.name, tally.scores(), notes, confusion)
