"""Choosing the decision thresholds on the validation documents (never on a dev or test split).

The encoder runs once per validation document; each threshold setting is then decoded, merged into
propositions and scored as ``eval/FORMAT.md`` says. The best proposition F1 wins (ties: the higher claim F1,
then the setting nearer 0.5), and is written into the model's metadata with its validation figures.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..model import Document
from ..stages.extractor import to_mention
from .corpus import analyse, article_of, places_of
from .decode import Thresholds, decode
from .export import META_FILE
from .runtime import LearnedExtractor, UnitOutput
from .units import sentence_offsets, units_of

__all__ = ["GRID", "score_setting", "tune_thresholds"]

#: type thresholds x role thresholds tried.
GRID = {"type": (0.3, 0.4, 0.5, 0.6, 0.7), "role": (0.3, 0.4, 0.5, 0.6)}


@dataclass
class _Prepared:
    gold: Mapping[str, Any]
    article: Any
    doc: Any
    mentions: list[Any]
    dates: list[Any]
    outputs: list[UnitOutput]


def prepare(model: LearnedExtractor, docs: Sequence[Mapping[str, Any]]) -> list[_Prepared]:
    """Analyse the documents and run the model once on each."""
    from ..stages.dates import find_dates

    out = []
    for gold, (article, doc, mentions) in zip(docs, analyse([article_of(d) for d in docs]), strict=True):
        units = units_of(article.id, article.text, sentence_offsets(doc), mentions, doc, model.context,
                         places_of(article, doc, mentions))
        dates = find_dates(doc, article.published, article.text)
        out.append(_Prepared(gold, article, doc, mentions, dates, model.predict(units)))
    return out


def _document(p: _Prepared, th: Thresholds) -> dict[str, Any]:
    from ..stages.merge import merge_events, to_proposition

    published = p.article.published.isoformat() if p.article.published else None
    events = [to_mention(p.doc, d, (o.unit.start, o.unit.end), p.mentions, p.dates, published)
              for o in p.outputs for d in decode(o, th)]
    props = [to_proposition(g, p.article.text, p.article.id) for g in merge_events(events)]
    return Document(p.article, tuple(props), (), tuple(p.mentions)).to_dict()


def score_setting(prepared: Sequence[_Prepared], th: Thresholds) -> dict[str, float]:
    """Proposition and claim P/R/F1 of one threshold setting on prepared documents."""
    from ..evaluation.scoring import GoldTally

    tally = GoldTally()
    for p in prepared:
        tally.add_document(dict(p.gold), _document(p, th))
    figures: dict[str, float] = {}
    for score in tally.scores():
        if score.name in ("propositions", "claims", "verdict"):
            figures.update({f"{score.name}/{k}": round(v, 4) for k, v in score.figures.items()})
    return figures


def tune_thresholds(model_dir: Path, docs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Pick thresholds on ``docs``, store them (and the validation figures) in the model's metadata."""
    model = LearnedExtractor(model_dir)
    prepared = prepare(model, docs)
    best: tuple[tuple[float, float, float], Thresholds, dict[str, float]] | None = None
    for t, r in itertools.product(GRID["type"], GRID["role"]):
        th = Thresholds(type=t, actor=r, recipient=r, claimant=r)
        fig = score_setting(prepared, th)
        key = (fig.get("propositions/f1", 0.0), fig.get("claims/f1", 0.0), -abs(t - 0.5) - abs(r - 0.5))
        if best is None or key > best[0]:
            best = (key, th, fig)
    assert best is not None
    meta_path = model_dir / META_FILE
    meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["thresholds"] = replace(best[1]).to_dict()
    meta["validation"] = {"documents": len(docs), **best[2]}
    meta_path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return meta
