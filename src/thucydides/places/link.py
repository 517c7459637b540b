"""The link stage: each proposition's ``location`` (the place name its event gives) gets its resolved place.

Runs after merging; it reads ``places`` and ``propositions`` and rewrites ``propositions``. A location is
matched to the article's place mention of the same name (or one the location contains: "a market in
Toretsk"), the one nearest the proposition's trigger when the name occurs twice. A location no mention
matches keeps no place: nothing is guessed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..model import Proposition
from ..pipeline.state import State
from .names import normalize
from .types import Place, PlaceMention

__all__ = ["NAME", "annotate", "place_of"]

#: The stage's versioned name.
NAME = "places.link.v1"


def place_of(location: str, near: int, mentions: Sequence[PlaceMention]) -> Place | None:
    """The resolved place of a location name: the matching mention nearest character ``near``."""
    key = f" {normalize(location)} "
    found = [m for m in mentions if m.place is not None and f" {normalize(m.text)} " in key]
    if not found:
        return None
    exact = [m for m in found if normalize(m.text) == key.strip()] or found
    return min(exact, key=lambda m: abs(m.start - near)).place


def _linked(p: Proposition, mentions: Sequence[PlaceMention]) -> Proposition:
    if p.place is not None or not p.location:
        return p
    place = place_of(p.location, p.provenance.start if p.provenance else 0, mentions)
    return dataclasses.replace(p, place=place) if place is not None else p


def annotate(state: State) -> None:
    """Give each proposition of ``state`` the place its location names."""
    state.propositions = [_linked(p, state.places) for p in state.propositions]
