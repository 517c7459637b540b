"""PolNeAR attribution, development split (``polnear/polnear_dev.jsonl.gz``): source and cue span F1.

Each article (its primary annotation) is parsed, actor mentions are found by the pipeline's actor stages,
and :func:`thucydides.stages.attribution.find_attributions` proposes attributions. A gold span is the extent of
an annotation (first to last character of its possibly discontinuous pieces). Two match criteria:

- **exact**: same start and end once surrounding whitespace and punctuation are trimmed;
- **overlap**: the spans share at least one character.

Matching is one-to-one, greedy in text order; precision, recall and F1 are micro-averaged over articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..model import ActorMention, Article
from .common import Guard, library_function, parse_texts
from .io import read_jsonl
from .result import Counts, EvalResult

__all__ = ["PolNeAR", "as_span", "gold_spans", "match_spans"]

FILE = Path("polnear") / "polnear_dev.jsonl.gz"
TRIM = " \t\n\r\"'“”‘’,.:;()—-"
CharSpan = tuple[int, int]


def as_span(value: Any) -> CharSpan | None:
    """A ``(start, end)`` pair from a tuple, a spaCy span or an object with ``start``/``end`` offsets."""
    if value is None:
        return None
    if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return int(value[0]), int(value[1])
    for a, b in (("start_char", "end_char"), ("start", "end")):
        if isinstance(getattr(value, a, None), int) and isinstance(getattr(value, b, None), int):
            return int(getattr(value, a)), int(getattr(value, b))
    return None


def _trim(text: str, span: CharSpan) -> CharSpan:
    s, e = span
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def gold_spans(record: dict[str, Any], role: str) -> list[CharSpan]:
    """Extents of the ``role`` (``source``/``cue``) spans of the primary annotation, in text order."""
    annotations = record.get("annotations") or []
    primary = next((a for a in annotations if a.get("primary")), annotations[0] if annotations else {})
    out: list[CharSpan] = []
    for attribution in primary.get("attributions") or ():
        pieces = [p for item in attribution.get(role) or () for p in item.get("spans") or ()]
        if pieces:
            out.append((min(int(p[0]) for p in pieces), max(int(p[1]) for p in pieces)))
    return sorted(out)


def match_spans(text: str, gold: Sequence[CharSpan], pred: Sequence[CharSpan], exact: bool) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of a one-to-one greedy match of predicted to gold spans."""
    g = [_trim(text, s) for s in gold]
    taken: set[int] = set()
    tp = 0
    for p in sorted(_trim(text, s) for s in pred):
        hit = next((i for i, s in enumerate(g) if i not in taken and
                    (s == p if exact else s[0] < p[1] and p[0] < s[1])), None)
        if hit is not None:
            taken.add(hit)
            tp += 1
    return tp, len(pred) - tp, len(gold) - tp


def _mentions(article: Article, doc: Any) -> list[ActorMention]:
    """The actor stage's mentions (``find_attributions`` takes them as a hint)."""
    from ..pipeline.registry import default_pipeline
    from ..pipeline.state import State

    state = State(article, doc)
    default_pipeline().get("actors.gazetteer.v1").func(state)
    return list(state.mentions)


class _Tally:
    def __init__(self) -> None:
        self.counts = {k: Counts() for k in ("source_exact", "source_overlap", "cue_exact", "cue_overlap")}

    def add(self, text: str, record: dict[str, Any], found: Sequence[Any]) -> None:
        for role in ("source", "cue"):
            gold = gold_spans(record, role)
            pred = [s for s in (as_span(getattr(f, role, None)) for f in found) if s is not None]
            for mode in ("exact", "overlap"):
                self.counts[f"{role}_{mode}"].add(*match_spans(text, gold, pred, mode == "exact"))


class PolNeAR:
    """Attribution source (and cue) spans against PolNeAR's development articles."""

    name = "polnear_dev"
    description = "PolNeAR dev attributions: source-span (and cue-span) P/R/F1, exact and overlap match"

    def available(self, root: Path) -> bool:
        return (root / FILE).is_file()

    def _find(self) -> Callable[..., Any]:
        return library_function("stages.attribution", "find_attributions")

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        find = self._find()
        rows = [r for r in read_jsonl(root / FILE, limit) if str(r.get("text") or "").strip()]
        tally, guard = _Tally(), Guard()
        docs = parse_texts([str(r["text"]) for r in rows])
        for r, doc in zip(rows, docs, strict=True):
            article = Article(text=str(r["text"]), id=str(r.get("id") or ""))
            tally.add(article.text, r, list(guard([], find, doc, _mentions(article, doc))))
        notes = [f"{len(rows)} articles, primary annotation; exact = same trimmed offsets, overlap = shared chars",
                 *guard.notes()]
        return EvalResult(self.name, [c.score(k) for k, c in tally.counts.items()], notes)
