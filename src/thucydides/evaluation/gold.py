"""Whole-document gold files (``*.gold.jsonl``) scored as ``eval/FORMAT.md`` says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .common import Guard, extract_parsed
from .io import read_jsonl
from .registry import SkipDataset
from .result import EvalResult
from .scoring import GoldTally

__all__ = ["GoldDocuments"]


def _published(d: dict[str, object]) -> dt.date | None:
    published = d.get("published")
    if not isinstance(published, str) or not published:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError:
        raise InputError("E006", f"gold document {d.get('id')!r}: malformed date {published!r}") from None


def _article(d: dict[str, object]) -> Article:
    date = _published(d)
    outlet = d.get("outlet")
    return Article(text=str(d.get("text") or ""), published=date,
                   outlet=outlet if isinstance(outlet, str) else None, id=str(d.get("id") or ""))


class GoldDocuments:
    """Every ``*.gold.jsonl`` file of the eval folder, pooled (micro-averaged over documents)."""

    name = "gold"
    description = "*.gold.jsonl documents: propositions, claims, verdict, date and loss-claim scores (FORMAT.md)"

    def available(self, root: Path) -> bool:
        return any(root.glob("*.gold.jsonl"))

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        files = sorted(root.glob("*.gold.jsonl"))
        gold = [d for f in files for d in read_jsonl(f)][:limit]
        gold = [d for d in gold if str(d.get("text") or "").strip()]
        if not gold:
            raise SkipDataset("the gold files hold no documents with text")
        tally, guard = GoldTally(), Guard()
        for g, (doc, _) in zip(gold, extract_parsed([_article(d) for d in gold], guard=guard), strict=True):
            tally.add_document(g, doc.to_dict())
        notes = [f"{len(gold)} documents from {', '.join(f.name for f in files)}",
                 "type:X lines are proposition P/R/F1 by PLOVER type (gold type for misses, predicted for extras)",
                 *guard.notes()]
        return EvalResult(self.name, tally.scores(), notes)
