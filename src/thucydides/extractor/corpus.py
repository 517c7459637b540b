"""Gold documents (``FORMAT.md`` shape) turned into training units and targets.

The units come from the same analysis the pipeline runs before the learned stage (spaCy sentences and the
actors stage's mentions), so training and run time see identical candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..inputs import json_objects
from ..model import Article
from .labels import Target, target_of
from .units import Unit, sentence_offsets, units_of

__all__ = ["Example", "analyse", "article_of", "examples_of", "places_of", "read_gold"]


@dataclass(frozen=True)
class Example:
    """One training unit with its labels."""

    unit: Unit
    target: Target


def read_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every document of the gold JSON Lines files, in order, skipping documents without text."""
    docs: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            docs.extend(d for _, d in json_objects(lines, str(path)) if str(d.get("text") or "").strip())
    return docs


def article_of(d: Mapping[str, Any]) -> Article:
    """The :class:`Article` of a gold document."""
    published = d.get("published")
    day = dt.date.fromisoformat(published) if isinstance(published, str) and published else None
    outlet = d.get("outlet")
    return Article(text=str(d["text"]), published=day, outlet=outlet if isinstance(outlet, str) else None,
                   id=str(d.get("id") or ""))


def analyse(articles: Sequence[Article]) -> Iterator[tuple[Article, Any, list[Any]]]:
    """Parse the articles and find their actor mentions: ``(article, spaCy Doc, mentions)`` each."""
    from ..nlp.parse import parse_many
    from ..pipeline.state import State
    from ..stages.actors.annotate import mentions_of

    for article, doc in zip(articles, parse_many(a.text for a in articles), strict=True):
        yield article, doc, mentions_of(State(article, doc))


def places_of(article: Article, doc: Any, mentions: Sequence[Any]) -> list[Any]:
    """The article's resolved place mentions, as the pipeline's places stage finds them (the states of the
    actor mentions as context): their states are candidates too (:func:`~.units.place_candidates`)."""
    from ..places.resolve import resolve_places
    from ..places.stage import context_countries

    return resolve_places(article.text, doc, context_countries(mentions))


def examples_of(docs: Sequence[Mapping[str, Any]], context: bool = False) -> list[Example]:
    """Units and targets of every sentence of the gold documents (with ``context``, units carry the context
    candidates of :func:`~.units.context_candidates`)."""
    out: list[Example] = []
    for gold, (article, doc, mentions) in zip(docs, analyse([article_of(d) for d in docs]), strict=True):
        props = list(gold.get("propositions") or ())
        places = places_of(article, doc, mentions)
        for unit in units_of(article.id, article.text, sentence_offsets(doc), mentions, doc, context, places):
            out.append(Example(unit, target_of(unit, article.text, props)))
    return out
