"""Result types of the evaluation harness: counts, scores and one dataset's result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

__all__ = ["Counts", "EvalResult", "Score", "pearson", "prf"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where a denominator is zero."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over items (micro-averaging)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_multisets(self, gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> None:
        """Count a multiset comparison: each gold item can be matched by one equal prediction."""
        g, p = Counter(gold), Counter(predicted)
        tp = sum((g & p).values())
        self.add(tp, sum(p.values()) - tp, sum(g.values()) - tp)

    def score(self, name: str) -> Score:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return Score(name, self.tp + self.fn, {"precision": p, "recall": r, "f1": f})


@dataclass(frozen=True)
class Score:
    """One line of the results table.

    Attributes:
        name: what is scored, e.g. ``"propositions"`` or ``"event_type"``.
        n: how many gold items the figures are computed over.
        figures: ``{"precision": .., "recall": .., "f1": .., "accuracy": .., "pearson_r": .., "mae": ..}``;
            only the figures that apply.
    """

    name: str
    n: int
    figures: dict[str, float]


@dataclass
class EvalResult:
    """What one dataset's evaluation produced.

    Attributes:
        dataset: the dataset name (``--dataset``).
        scores: the table lines.
        notes: remarks printed under the table (skipped parts, known failures, definitions).
        confusion: ``{gold label: {predicted label: count}}`` where a confusion matrix applies.
    """

    dataset: str
    scores: list[Score] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confusion: dict[str, dict[str, int]] | None = None

    def figures(self) -> dict[str, float]:
        """Every figure under a flat key ``dataset/score/figure`` (the keys of the floors file)."""
        out: dict[str, float] = {}
        for s in self.scores:
            for k, v in s.figures.items():
                out[f"{self.dataset}/{s.name}/{k}"] = v
            out[f"{self.dataset}/{s.name}/n"] = float(s.n)
        return out


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson correlation of two equal-length series; 0.0 when either is constant or too short."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return float(sxy / (sxx * syy) ** 0.5)
