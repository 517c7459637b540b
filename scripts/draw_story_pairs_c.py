"""Draw the (uncoded) pairs of ``src/thucydides/data/story_pairs_c.jsonl`` from the shared Wikipedia corpus.

    PYTHONPATH=src python scripts/draw_story_pairs_c.py ../shared/corpus/wikipedia_current_events_2022h1.jsonl OUT

Extracts every corpus item with the rules pipeline, keeps the propositions whose first claim's evidence is a
substring of the item (stand-off offsets) and whose item no earlier story-pair set uses, and draws same-type
pairs of two items at most 7 days apart in five strata (see ``data/story_pairs_c.README.md``). Each drawn pair
has ``same_event: null``: the coding is done by reading the two items, not by this script.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from thucydides.model import Article
from thucydides.pipeline.run import extract_many

Prop = dict[str, Any]
CAP = re.compile(r"\b[A-Z][a-z]{3,}(?:\s[A-Z][a-z]+)*")
WORD = re.compile(r"[a-z]{4,}")


def used_items() -> set[str]:
    """Items of the earlier sets (tuning sets now)."""
    out: set[str] = set()
    for name in ("story_pairs.jsonl", "story_pairs_b.jsonl"):
        text = resources.files("thucydides").joinpath("data", name).read_text("utf-8")
        for line in filter(str.strip, text.splitlines()):
            pair = json.loads(line)
            out |= {pair["a"]["doc"], pair["b"]["doc"]}
    return out


def propositions(items: dict[str, dict[str, Any]], skip: set[str]) -> list[Prop]:
    """Rules-pipeline propositions of the items not in ``skip``, with stand-off offsets of their evidence."""
    arts = [Article(str(i["text"]).strip(), dt.date.fromisoformat(i["date"]), (i.get("cited_outlets") or [None])[0],
                    i.get("source_page"), id=k) for k, i in items.items() if k not in skip]
    out: list[Prop] = []
    for doc in extract_many(arts, batch_size=64, extractor="rules"):
        raw = str(items[doc.id]["text"])
        for p in doc.propositions:
            evidence = p.claims[0].evidence if p.claims else ""
            if evidence and evidence in raw:
                start = raw.find(evidence)
                out.append({"doc": doc.id, "type": p.type, "actor": set(p.actor), "recipient": set(p.recipient),
                            "start": start, "end": start + len(evidence),
                            "day": dt.date.fromisoformat(items[doc.id]["date"])})
    return out


def document_frequency(texts: dict[str, set[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for words in texts.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    return df


def agree(x: set[str], y: set[str]) -> bool:
    """Codes that do not disagree: one side names none, or they share one."""
    return not x or not y or bool(x & y)


def draw(items: dict[str, dict[str, Any]], props: list[Prop]) -> list[dict[str, Any]]:
    """The five strata, one pair per pair of items, in order."""
    def gap(p: Prop, q: Prop) -> int:
        return abs((p["day"] - q["day"]).days)

    cand = [(p, q) for i, p in enumerate(props) for q in props[i + 1:]
            if p["type"] == q["type"] and p["doc"] != q["doc"] and gap(p, q) <= 7]
    names = {k: set(CAP.findall(str(v["text"]))) for k, v in items.items()}
    words = {k: set(WORD.findall(str(v["text"]).lower())) for k, v in items.items()}
    ndf, wdf = document_frequency(names), document_frequency(words)
    strata: list[tuple[str, int, int, Callable[[Prop, Prop], bool]]] = [
        ("dyad_near", 90, 1231, lambda p, q: bool(p["actor"] & q["actor"] or p["recipient"] & q["recipient"])
         and agree(p["actor"], q["actor"]) and agree(p["recipient"], q["recipient"])),
        ("shared_name", 26, 1232, lambda p, q: gap(p, q) <= 3
         and any(ndf[w] <= 40 for w in names[p["doc"]] & names[q["doc"]])),
        ("window", 40, 1233, lambda p, q: True),
        ("shared_words", 34, 1234, lambda p, q: sum(wdf[w] <= 30 for w in words[p["doc"]] & words[q["doc"]]) >= 2),
        ("two_names", 30, 1235, lambda p, q: sum(ndf[w] <= 40 for w in names[p["doc"]] & names[q["doc"]]) >= 2),
    ]
    pairs: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for stratum, size, seed, keep in strata:
        pool = [pq for pq in cand if keep(*pq)]
        random.Random(seed).shuffle(pool)
        for p, q in pool:
            key = (min(p["doc"], q["doc"]), max(p["doc"], q["doc"]))
            if key in seen:
                continue
            seen.add(key)
            pairs.append({"a": {k: p[k] for k in ("doc", "start", "end")}, "b": {k: q[k] for k in ("doc", "start", "end")},
                          "type": p["type"], "same_event": None, "stratum": stratum})
            size -= 1
            if size == 0:
                break
    return pairs


def main(corpus: str, out: str) -> None:
    with open(corpus, encoding="utf-8") as f:
        items = {i["id"]: i for i in map(json.loads, f)}
    pairs = draw(items, propositions(items, used_items()))
    Path(out).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), "utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
