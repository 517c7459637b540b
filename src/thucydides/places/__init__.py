"""Places: mentions of places in an article resolved to GeoNames (and ISO 3166-2) entries with coordinates.

A pure API: :func:`resolve_places` needs a text and its spaCy ``Doc`` (or character spans), nothing of the
pipeline. :func:`state_of` gives the state a place stands for under CODING.md §3. See ``docs/places.md``.
"""

from __future__ import annotations

from .index import PlaceIndex, load_index
from .resolve import Span, detect, resolve_places, resolve_spans, state_of
from .types import Place, PlaceMention

__all__ = ["Place", "PlaceIndex", "PlaceMention", "Span", "detect", "load_index", "resolve_places",
           "resolve_spans", "state_of"]
