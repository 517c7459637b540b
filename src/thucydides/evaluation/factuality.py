"""Event factuality, development splits (``factuality/uw/dev.conll``, ``factuality/meantime/dev.conll``).

Sentences are parsed by spaCy over the dataset's own tokens (so token ``i`` of the file is token ``i`` of
the ``Doc``), and :func:`thucydides.stages.status.event_factuality` rates every annotated event head on the
−3..+3 scale. Figures: Pearson r and mean absolute error against the gold value, and the accuracy of the
three bins the dataset README names (≥ +2 asserted, ≤ −2 denied, otherwise uncertain).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import BATCH, Guard, library_function
from .io import read_conll
from .registry import SkipDataset
from .result import EvalResult, Score, pearson

__all__ = ["FactualityDev", "bin_of", "gold_events"]


def bin_of(value: float) -> str:
    """The README's three bins of a −3..+3 factuality value."""
    return "asserted" if value >= 2 else "denied" if value <= -2 else "uncertain"


def gold_events(sentence: list[list[str]]) -> tuple[list[str], list[tuple[int, float]]]:
    """The tokens of a CoNLL sentence and its ``(token index, gold value)`` annotations."""
    tokens = [row[1] if len(row) > 1 else "" for row in sentence]
    events: list[tuple[int, float]] = []
    for i, row in enumerate(sentence):
        if len(row) > 2 and row[2] not in ("_", ""):
            try:
                events.append((i, float(row[2])))
            except ValueError:
                continue
    return tokens, events


def _parse_tokens(sentences: list[list[str]]) -> list[Any]:
    from spacy.tokens import Doc

    from ..nlp.parse import load_nlp

    nlp = load_nlp()
    docs = [Doc(nlp.vocab, words=[t or "_" for t in tokens]) for tokens in sentences]
    return list(nlp.pipe(docs, batch_size=BATCH))


def _score(rate: Callable[..., Any], sentences: list[list[list[str]]], guard: Guard) -> tuple[list[float], list[float]]:
    parsed = [gold_events(s) for s in sentences]
    parsed = [(t, e) for t, e in parsed if e and t]
    gold: list[float] = []
    pred: list[float] = []
    for doc, (_, events) in zip(_parse_tokens([t for t, _ in parsed]), parsed, strict=True):
        for i, value in events:
            gold.append(value)
            pred.append(float(guard(0.0, rate, doc, i)))
    return gold, pred


class FactualityDev:
    """Pearson r and MAE of event factuality on one CoNLL development file."""

    def __init__(self, name: str, relative: str, description: str) -> None:
        self.name = name
        self.relative = Path(relative)
        self.description = description

    def available(self, root: Path) -> bool:
        return (root / self.relative).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        rate = library_function("stages.status", "event_factuality")
        guard = Guard()
        gold, pred = _score(rate, read_conll(root / self.relative, limit), guard)
        if not gold:
            raise SkipDataset(f"{self.relative} holds no annotated events")
        mae = sum(abs(g - p) for g, p in zip(gold, pred, strict=True)) / len(gold)
        bins = sum(bin_of(g) == bin_of(p) for g, p in zip(gold, pred, strict=True)) / len(gold)
        figures = {"pearson_r": pearson(pred, gold), "mae": mae, "bin_accuracy": bins}
        notes = [f"{len(gold)} event heads; spaCy parses over the file's tokens", *guard.notes()]
        return EvalResult(self.name, [Score("strength", len(gold), figures)], notes)
