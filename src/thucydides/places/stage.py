"""The pipeline stage: the article's place mentions, resolved, in a new ``places`` field.

It reads ``doc`` (the spaCy parse) and ``mentions`` (the actor mentions, whose states are context for
ambiguous names) and assigns ``places``. Like every stage it imports the state, never the assembler; the
resolver it calls (:func:`~.resolve.resolve_places`) needs no pipeline at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..pipeline.state import State
from .resolve import resolve_places

__all__ = ["NAME", "annotate", "context_countries"]

#: The stage's versioned name.
NAME = "places.geonames.v1"


def context_countries(mentions: Sequence[Any]) -> list[str]:
    """The states the article's actor mentions belong to (ISO alpha-3 codes), most mentioned first."""
    counts: dict[str, int] = {}
    for m in mentions:
        actor = getattr(m, "actor", None)
        code = getattr(actor, "code", "")
        if getattr(actor, "kind", "") not in ("igo", "separatist") and len(code) == 3 and code.isupper():
            counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def annotate(state: State) -> None:
    """Assign ``state.places``: every place mention of the article, resolved."""
    state.places = resolve_places(state.article.text, state.doc, context_countries(state.mentions))
