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

__all__ = ["NAME", "PlaceIndex", "annotate", "place_of"]

#: The stage's versioned name.
NAME = "places.link.v1"


class PlaceIndex:
    """The resolved place mentions of an article by their normalised name, so each proposition's location is
    matched against the distinct names, not against every mention."""

    def __init__(self, mentions: Sequence[PlaceMention]) -> None:
        self._by_name: dict[str, list[tuple[int, PlaceMention]]] = {}
        for i, m in enumerate(mentions):
            if m.place is not None:
                self._by_name.setdefault(normalize(m.text), []).append((i, m))

    def place_of(self, location: str, near: int) -> Place | None:
        """The resolved place of a location name: the matching mention nearest character ``near`` (of two as
        near, the earlier in the article)."""
        name = normalize(location)
        key = f" {name} "
        names = [n for n in self._by_name if f" {n} " in key]
        if not names:
            return None
        exact = self._by_name.get(name) or sorted(m for n in names for m in self._by_name[n])
        return min(exact, key=lambda im: (abs(im[1].start - near), im[0]))[1].place


def place_of(location: str, near: int, mentions: Sequence[PlaceMention]) -> Place | None:
    """The resolved place of a location name: the matching mention nearest character ``near``."""
    return PlaceIndex(mentions).place_of(location, near)


def _linked(p: Proposition, index: PlaceIndex) -> Proposition:
    if p.place is not None or not p.location:
        return p
    place = index.place_of(p.location, p.provenance.start if p.provenance else 0)
    return dataclasses.replace(p, place=place) if place is not None else p


def annotate(state: State) -> None:
    """Give each proposition of ``state`` the place its location names."""
    index = PlaceIndex(state.places)
    state.propositions = [_linked(p, index) for p in state.propositions]
