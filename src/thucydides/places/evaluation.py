"""The ``places`` evaluation: the team-coded place mentions of ``data/places_gold.jsonl``.

Scored as Mordecai reports it: the share of gold mentions resolved to the exact entry, and within 161 km
(100 miles, haversine) of the gold position. ``resolution`` gives the resolver the gold spans;
``end_to_end`` lets it find the mentions itself (a gold mention with no overlapping system mention is
wrong); ``resolution_non_state`` leaves out the mentions of states, which are the easy majority;
``stage`` is what the pipeline's places stage does: end to end, with the states of the article's actor
mentions (from the actors stage) as context.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..evaluation.common import parse_texts
from ..evaluation.io import read_jsonl
from ..evaluation.registry import SkipDataset
from ..evaluation.result import EvalResult, Score
from .geo import haversine_km
from .resolve import Span, resolve_places, resolve_spans
from .types import PlaceMention

__all__ = ["DEV", "GOLD", "PlacesEval", "correct", "read_gold"]

GOLD = "places_gold.jsonl"
#: The tuning set: June lines, coded the same way; tune on it, report the gold.
DEV = "places_dev.jsonl"
CORPUS = "wikipedia_current_events_2022h1.jsonl"
WITHIN_KM = 161.0


def read_gold(name: str = GOLD) -> list[dict[str, Any]]:
    """The stand-off mentions of a packaged gold file (``places_gold.jsonl``, or the tuning set)."""
    text = resources.files("thucydides").joinpath("data", name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def correct(gold: dict[str, Any], mention: PlaceMention | None) -> tuple[bool, bool]:
    """(exact entry, within 161 km) of one system mention against one gold mention."""
    place = mention.place if mention is not None else None
    if place is None:
        return False, False
    exact = gold["place_id"] is not None and place.id == gold["place_id"]
    near = place.lat is not None and place.lon is not None and \
        haversine_km(gold["lat"], gold["lon"], place.lat, place.lon) <= WITHIN_KM
    return exact, exact or near


def _overlapping(gold: dict[str, Any], mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(m.end, gold["end"]) - max(m.start, gold["start"])
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def _score(name: str, marks: list[tuple[bool, bool]]) -> Score:
    n = len(marks)
    return Score(name, n, {"accuracy": sum(e for e, _ in marks) / n if n else 0.0,
                           "within_161km": sum(w for _, w in marks) / n if n else 0.0})


class PlacesEval:
    """Exact-entry and within-161-km accuracy of place resolution on the team-coded gold (or the tuning set)."""

    def __init__(self, name: str = "places", gold: str = GOLD,
                 description: str = "team-coded place mentions (WCE 2022 Jan-May): exact GeoNames/ISO entry "
                                    "and within 161 km") -> None:
        self.name, self.gold, self.description = name, gold, description

    def available(self, root: Path) -> bool:
        return (root.parent / "corpus" / CORPUS).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        gold = read_gold(self.gold)
        texts = {r["id"]: r["text"] for r in read_jsonl(root.parent / "corpus" / CORPUS)}
        ids = list(dict.fromkeys(g["id"] for g in gold if g["id"] in texts))[:limit]
        if not ids:
            raise SkipDataset(f"none of the gold documents is in {CORPUS}")
        docs = dict(zip(ids, parse_texts([texts[i] for i in ids]), strict=True))
        given: list[tuple[bool, bool]] = []
        found: list[tuple[bool, bool]] = []
        non_state: list[tuple[bool, bool]] = []
        staged: list[tuple[bool, bool]] = []
        for doc_id in ids:
            items = [g for g in gold if g["id"] == doc_id]
            spans = [Span(g["start"], g["end"]) for g in items]
            by_span = resolve_spans(texts[doc_id], spans)
            system = resolve_places(texts[doc_id], docs[doc_id])
            with_actors = _stage(texts[doc_id], docs[doc_id])
            for g, m in zip(items, by_span, strict=True):
                given.append(correct(g, m))
                found.append(correct(g, _overlapping(g, system)))
                staged.append(correct(g, _overlapping(g, with_actors)))
                if not _is_state(g["place_id"]):
                    non_state.append(given[-1])
        return EvalResult(self.name, [_score("resolution", given), _score("resolution_non_state", non_state),
                                      _score("end_to_end", found), _score("stage", staged)],
                          notes=[f"{len(ids)} documents of {self.gold}; coded by reading each line (docs/places.md)"])


def _stage(text: str, doc: Any) -> list[PlaceMention]:
    """The places stage's output: the actors stage first, then place resolution with its states."""
    from ..model import Article
    from ..pipeline.state import State
    from ..stages.actors import annotate as actors
    from .stage import annotate

    state = State(Article(text), doc)
    actors(state)
    annotate(state)
    return state.places


def _is_state(place_id: str | None) -> bool:
    from .index import load_index

    place = load_index().get(place_id) if place_id else None
    return place is not None and place.kind == "country"
