"""Placing propositions on the map.

An event whose place the places stage resolved sits at its coordinates. Any other goes to the centroid of
a country (of its largest polygon in the Natural Earth 110m countries vendored under
``static/vendor/world-atlas``): the country its location names (through the actor gazetteer's states and
places), else its recipient's, else its actor's. Each point says which of these placed it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

__all__ = ["centroids", "group_points", "place_of"]


@functools.lru_cache(maxsize=1)
def centroids() -> dict[str, tuple[float, float, str]]:
    """``{ISO3: (lat, lon, country name)}``."""
    path = resources.files("thucydides.web").joinpath("static/vendor/world-atlas/centroids.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: (float(v[0]), float(v[1]), str(v[2])) for code, v in data.items()}


@functools.lru_cache(maxsize=4096)
def _location_country(location: str) -> str | None:
    """The state code the location text names (a state, capital, city or region in the gazetteer)."""
    from ..stages.actors.gazetteer import gazetteer, norm, tokenizer

    gaz = gazetteer()
    raw = [t.text for t in tokenizer()(location)]
    words = [norm(w) for w in raw]
    for i in range(len(words)):
        _, entries = gaz.lookup(words, raw, i)
        for entry in entries:
            code = entry.parent if entry.type != "state" and entry.parent else entry.code
            if code in centroids():
                return str(code)
    return None


def place_of(location: str | None, actor: Iterable[str], recipient: Iterable[str]) -> tuple[str, str] | None:
    """``(ISO3, how)`` for one proposition (``how`` is ``location``, ``recipient`` or ``actor``), or None."""
    if location:
        code = _location_country(location)
        if code:
            return code, "location"
    for how, codes in (("recipient", recipient), ("actor", actor)):
        for code in codes:
            if code in centroids():
                return code, how
    return None


def group_points(rows: Iterable[dict[str, Any]], per_point: int = 20) -> tuple[list[dict[str, Any]], int]:
    """Propositions grouped by the country centroid they are placed at; returns ``(points, unplaced)``."""
    points: dict[tuple[str, str], dict[str, Any]] = {}
    unplaced = 0
    for row in rows:
        if row.get("lat") is not None and row.get("lon") is not None:  # a resolved place: its coordinates
            name = str(row.get("place_name") or row.get("location") or "")
            found = (f"{row['lat']},{row['lon']}", "place")
            lat, lon = float(row["lat"]), float(row["lon"])
        else:
            placed = place_of(row.get("location"), row.get("actor") or (), row.get("recipient") or ())
            if placed is None:
                unplaced += 1
                continue
            found = placed
            lat, lon, name = centroids()[found[0]]
        point = points.setdefault(found, {"lat": lat, "lon": lon, "place": name, "placed_by": found[1],
                                          "count": 0, "propositions": []})
        point["count"] += 1
        if len(point["propositions"]) < per_point:
            point["propositions"].append({k: row.get(k) for k in (
                "doc_id", "idx", "event_date", "type", "actor", "recipient", "verdict", "location")})
    return sorted(points.values(), key=lambda p: (-p["count"], p["place"])), unplaced
