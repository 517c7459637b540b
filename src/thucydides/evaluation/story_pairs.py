"""Story grouping against team-coded pairs of propositions (``thucydides/data/story_pairs.jsonl``).

Each pair names two propositions of the shared Wikipedia 2022 H1 corpus by the corpus item id and a
substring of the evidence that reports them, and says whether they report one event (coded by reading
the two items). The dataset extracts the items the pairs name with the rules pipeline, without the filters
it gained since (:data:`DRAWN_WITHOUT`; the pairs were drawn from its propositions, many of them background
events such as "Russia's invasion of Ukraine" that the learned extractor, following CODING.md, leaves out; so
this measures the linking, not the extractor), links their
stories (:func:`thucydides.stories.link_stories`) in a temporary store, and finds each coded proposition
among the predicted ones by evidence overlap. A pair is predicted "same event" when both are found and
are in one story. Scored: pairwise precision and recall of "same event". A coded proposition the
pipeline did not extract counts as "not the same" (so a missed positive lowers recall) and is noted.

``story_pairs_b`` (``data/story_pairs_b.jsonl``, described in ``data/story_pairs_b.README.md``) is a second
set coded after the linking rules were settled, stand-off: each side is an item id and the character offsets
of the evidence in the item's text, read from the corpus at evaluation time. ``story_pairs_c``
(``data/story_pairs_c.jsonl``, ``data/story_pairs_c.README.md``) is a third stand-off set, coded before the
grouping was changed again and kept out of its design. ``story_pairs_d`` (``data/story_pairs_d.jsonl``,
``data/story_pairs_d.README.md``) is a fourth, drawn from items none of the three uses and coded before any
grouping was run on it.
"""

from __future__ import annotations

import json
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Article
from .common import extract_parsed, library_function
from .io import read_jsonl
from .result import Counts, EvalResult

__all__ = ["CORPUS", "DRAWN_WITHOUT", "StoryPairs", "find_proposition", "load_pairs", "resolve_offsets"]

CORPUS = Path("corpus") / "wikipedia_current_events_2022h1.jsonl"
#: Stages the rules pipeline gained after the pairs were drawn from its propositions, which drop some of them
#: (a disaster's event, an attack with no recipient): the linking is measured on the propositions the pairs were
#: drawn from, so they do not run here.
DRAWN_WITHOUT = ("events.nonpolitical.v1", "propositions.parties.v1")
_WORD = re.compile(r"\w+")


def load_pairs(filename: str = "story_pairs.jsonl") -> list[dict[str, Any]]:
    """The coded pairs shipped with the package."""
    text = resources.files("thucydides").joinpath("data", filename).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def resolve_offsets(pairs: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """The pairs with each stand-off side (``start``/``end`` into its item's text) given its evidence."""
    def side(s: dict[str, Any]) -> dict[str, Any]:
        if "evidence" in s:
            return s
        return {**s, "evidence": texts[s["doc"]][s["start"]:s["end"]]}

    return [{**p, "a": side(p["a"]), "b": side(p["b"])} for p in pairs]


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def find_proposition(evidence: str, candidates: list[tuple[int, str, str]], ptype: str = "") -> int | None:
    """Index of the candidate ``(index, evidence, type)`` that reports the coded ``evidence``: the best of
    those whose evidence contains it, is contained in it or shares at least half of its words, preferring
    the coded type, then containment, then the larger word overlap."""
    want = _words(evidence)
    best: tuple[tuple[bool, bool, float], int] | None = None
    for idx, text, kind in candidates:
        contained = bool(text) and (evidence in text or text in evidence)
        overlap = len(want & _words(text)) / max(len(want | _words(text)), 1)
        if not contained and overlap < 0.5:
            continue
        key = (kind == ptype, contained, overlap)
        if best is None or key > best[0]:
            best = (key, idx)
    return best[1] if best else None


def _items(root: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The corpus items of ``ids``."""
    return {item["id"]: item for item in read_jsonl(root.parent / CORPUS) if item.get("id") in ids}


def _articles(items: dict[str, dict[str, Any]]) -> dict[str, Article]:
    import datetime as dt

    out: dict[str, Article] = {}
    for key, item in items.items():
        outlets = item.get("cited_outlets") or [None]
        out[key] = Article(str(item["text"]).strip(), dt.date.fromisoformat(item["date"]), outlets[0],
                           item.get("source_page"))
    return out


def _predicted_stories(articles: dict[str, Article]) -> dict[str, list[tuple[int, str, str, str]]]:
    """``{item id: [(proposition index, evidence, type, story id)]}`` after extracting and linking."""
    pipeline_for = library_function("pipeline.registry", "pipeline_for")
    write = library_function("store.writes", "write_documents")
    link = library_function("stories", "link_stories")
    open_store = library_function("store", "open_store")
    by_doc = {a.id: key for key, a in articles.items()}
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "pairs.duckdb") as store:
        stages = [s for s in pipeline_for("rules") if s.name not in DRAWN_WITHOUT]
        write(store, [doc for doc, _ in extract_parsed(list(articles.values()), stages)])
        link(store)
        rows = store.execute("""
            SELECT m.doc_id, m.prop_idx, coalesce(c.evidence, ''), p.type, m.story_id FROM story_members m
            JOIN propositions p ON p.doc_id = m.doc_id AND p.idx = m.prop_idx
            LEFT JOIN claims c ON c.doc_id = m.doc_id AND c.prop_idx = m.prop_idx""").fetchall()
    found: dict[str, list[tuple[int, str, str, str]]] = {}
    for doc_id, idx, evidence, ptype, story in rows:
        found.setdefault(by_doc[doc_id], []).append((int(idx), str(evidence), str(ptype), str(story)))
    return found


class StoryPairs:
    """Pairwise precision and recall of the story grouping on the coded pairs."""

    description = "Story grouping: pairwise precision/recall of 'same event' on coded Wikipedia 2022 H1 pairs"

    def __init__(self, name: str = "story_pairs", filename: str = "story_pairs.jsonl") -> None:
        self.name, self.filename = name, filename

    def available(self, root: Path) -> bool:
        return (root.parent / CORPUS).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        pairs = load_pairs(self.filename)[:limit]
        ids = {p[side]["doc"] for p in pairs for side in ("a", "b")}
        items = _items(root, ids)
        pairs = resolve_offsets(pairs, {k: str(v["text"]) for k, v in items.items()})
        predicted = _predicted_stories(_articles(items))
        counts, missing = Counts(), 0
        for pair in pairs:
            stories = []
            for side in ("a", "b"):
                props = predicted.get(pair[side]["doc"], [])
                idx = find_proposition(pair[side]["evidence"], [(i, e, t) for i, e, t, _ in props],
                                       pair.get("type", ""))
                stories.append(next((s for i, _, _, s in props if i == idx), None))
            missing += sum(s is None for s in stories)
            same = stories[0] is not None and stories[0] == stories[1]
            counts.add(int(same and pair["same_event"]), int(same and not pair["same_event"]),
                       int(pair["same_event"] and not same))
        notes = [f"{len(pairs)} pairs ({sum(p['same_event'] for p in pairs)} same event) over {len(ids)} items",
                 f"{missing} coded proposition(s) not found among the extracted ones (count as not the same)"]
        return EvalResult(self.name, [counts.score("same_event")], notes)
