"""Draw the (uncoded) pairs of ``src/thucydides/data/story_pairs_d.jsonl`` from the shared Wikipedia corpus.

    OMP_NUM_THREADS=1 PYTHONPATH=src python scripts/draw_story_pairs_d.py \
        ../shared/corpus/wikipedia_current_events_2022h1.jsonl OUT

A copy of ``draw_story_pairs_c.py`` with more pairs of the strata that find one event twice. Extracts every
corpus item that no earlier story-pair set uses (``story_pairs``, ``_b``, ``_c``) with the rules pipeline as the
dataset links it (without :data:`~thucydides.evaluation.story_pairs.DRAWN_WITHOUT`, stages that did not exist
when ``story_pairs_c`` was drawn), keeps the propositions whose first claim's evidence is a substring of the
item (stand-off offsets), and draws same-type pairs of two items at most 7 days apart in five strata (see
``data/story_pairs_d.README.md``). Each drawn pair has ``same_event: null``: the coding is done by reading the
two items, not by this script. A stratum whose pool runs out keeps the pairs it got and says so on stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from thucydides.evaluation.common import extract_parsed
from thucydides.evaluation.story_pairs import DRAWN_WITHOUT
from thucydides.model import Article
from thucydides.pipeline.registry import pipeline_for

Prop = dict[str, Any]
Item = dict[str, Any]
Keep = Callable[[Prop, Prop], bool]
CAP = re.compile(r"\b[A-Z][a-z]{3,}(?:\s[A-Z][a-z]+)*")
WORD = re.compile(r"[a-z]{4,}")
EARLIER = ("story_pairs.jsonl", "story_pairs_b.jsonl", "story_pairs_c.jsonl")


def used_items() -> set[str]:
    """Items of the earlier sets (the first two are tuning sets, the third was the untouched one)."""
    out: set[str] = set()
    for name in EARLIER:
        text = resources.files("thucydides").joinpath("data", name).read_text("utf-8")
        for line in filter(str.strip, text.splitlines()):
            pair = json.loads(line)
            out |= {pair["a"]["doc"], pair["b"]["doc"]}
    return out


def article(key: str, item: Item) -> Article:
    """The corpus item as the dataset reads it."""
    return Article(str(item["text"]).strip(), dt.date.fromisoformat(item["date"]),
                   (item.get("cited_outlets") or [None])[0], item.get("source_page"), id=key)


def chunks(arts: list[Article], size: int = 64) -> Iterator[list[Article]]:
    """``arts`` ``size`` at a time."""
    for i in range(0, len(arts), size):
        yield arts[i:i + size]


def propositions(items: dict[str, Item], skip: set[str]) -> list[Prop]:
    """Rules-pipeline propositions of the items not in ``skip``, with stand-off offsets of their evidence."""
    stages = [s for s in pipeline_for("rules") if s.name not in DRAWN_WITHOUT]
    arts = [article(k, i) for k, i in items.items() if k not in skip]
    out: list[Prop] = []
    for batch in chunks(arts):
        for doc, _ in extract_parsed(batch, stages):
            out.extend(stand_off(doc, items[doc.id]))
    return out


def stand_off(doc: Any, item: Item) -> list[Prop]:
    """The document's propositions whose first claim's evidence is a substring of the item's raw text."""
    raw, out = str(item["text"]), []
    for p in doc.propositions:
        evidence = p.claims[0].evidence if p.claims else ""
        if evidence and evidence in raw:
            start = raw.find(evidence)
            out.append({"doc": doc.id, "type": p.type, "actor": set(p.actor), "recipient": set(p.recipient),
                        "start": start, "end": start + len(evidence), "day": dt.date.fromisoformat(item["date"])})
    return out


def document_frequency(texts: dict[str, set[str]]) -> dict[str, int]:
    """In how many items each word occurs."""
    df: dict[str, int] = {}
    for words in texts.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    return df


def agree(x: set[str], y: set[str]) -> bool:
    """Codes that do not disagree: one side names none, or they share one."""
    return not x or not y or bool(x & y)


def gap(p: Prop, q: Prop) -> int:
    """Days between the two propositions' portal dates."""
    return abs(int((p["day"] - q["day"]).days))


def strata(items: dict[str, Item]) -> list[tuple[str, int, int, Keep]]:
    """``(stratum, pairs wanted, seed, test)`` in drawing order."""
    names = {k: set(CAP.findall(str(v["text"]))) for k, v in items.items()}
    words = {k: set(WORD.findall(str(v["text"]).lower())) for k, v in items.items()}
    ndf, wdf = document_frequency(names), document_frequency(words)

    def rare_names(p: Prop, q: Prop) -> int:
        return sum(ndf[w] <= 40 for w in names[p["doc"]] & names[q["doc"]])

    def rare_words(p: Prop, q: Prop) -> int:
        return sum(wdf[w] <= 30 for w in words[p["doc"]] & words[q["doc"]])

    def dyad(p: Prop, q: Prop) -> bool:
        return (bool(p["actor"] & q["actor"] or p["recipient"] & q["recipient"])
                and agree(p["actor"], q["actor"]) and agree(p["recipient"], q["recipient"]))

    return [
        ("shared_name", 130, 1241, lambda p, q: gap(p, q) <= 3 and rare_names(p, q) >= 1),
        ("two_names", 30, 1242, lambda p, q: rare_names(p, q) >= 2),
        ("shared_words", 50, 1243, lambda p, q: rare_words(p, q) >= 2),
        ("dyad_near", 40, 1244, dyad),
        ("window", 20, 1245, lambda p, q: True),
    ]


def side(p: Prop) -> dict[str, Any]:
    """The stand-off side of a pair."""
    return {k: p[k] for k in ("doc", "start", "end")}


def draw(items: dict[str, Item], props: list[Prop]) -> list[dict[str, Any]]:
    """The five strata, one pair per pair of items, in order."""
    cand = [(p, q) for i, p in enumerate(props) for q in props[i + 1:]
            if p["type"] == q["type"] and p["doc"] != q["doc"] and gap(p, q) <= 7]
    pairs: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for stratum, size, seed, keep in strata(items):
        pool = [pq for pq in cand if keep(*pq)]
        random.Random(seed).shuffle(pool)
        got = 0
        for p, q in pool:
            key = (min(p["doc"], q["doc"]), max(p["doc"], q["doc"]))
            if got == size or key in seen:
                continue
            seen.add(key)
            pairs.append({"a": side(p), "b": side(q), "type": p["type"], "same_event": None, "stratum": stratum})
            got += 1
        note = "" if got == size else f" (ran out: {size} wanted)"
        print(f"{stratum}: {got} pairs from {len(pool)} candidate proposition pairs{note}", file=sys.stderr)
    return pairs


def main(corpus: str, out: str) -> None:
    """Draw the pairs of ``corpus`` into ``out``."""
    with open(corpus, encoding="utf-8") as f:
        items = {i["id"]: i for i in map(json.loads, f)}
    skip = used_items()
    props = propositions(items, skip)
    print(f"{len(skip)} items left out; {len(props)} propositions in {len({p['doc'] for p in props})} items",
          file=sys.stderr)
    pairs = draw(items, props)
    Path(out).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), "utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
