"""Actor-swap augmentation of the training documents: the same sentences with other states in them.

The training lines are mostly about Russia and Ukraine, and a model fitted on them learns who usually does
what to whom ("Russia fired missiles at Ukraine": ASSAULT at 0.99; "Iran launched drones at Israel": 0.49).
A swapped copy of a document replaces every state it codes by another state, in the text (its name,
adjective, demonym and capital, each by the same form of the other state) and in the gold codes, so the type
and role heads must read the sentence rather than the names.

A document is swapped only when every actor mention of a swapped state contains one of that state's forms
(a document that names Russia by "Putin" or "Donetsk" would keep a Russian candidate the gold no longer
codes), and only when every evidence string is still found in the new text.
"""

from __future__ import annotations

import copy
import functools
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["AUGMENT_FRACTION", "Forms", "state_forms", "swap_document", "swapped_copies"]

#: The share of the eligible training documents that get one swapped copy (more costs training time).
AUGMENT_FRACTION = 0.5
_ROLE_KEYS = ("actor", "recipient")


@dataclass(frozen=True)
class Forms:
    """How a state is written: its name, adjective, plural demonym and capital (each may be empty)."""

    code: str
    name: str
    adjective: str
    people: str
    capital: str

    def pairs(self, other: Forms) -> list[tuple[str, str]]:
        """``(this form, the other state's same form)`` for every form both have, longest first."""
        mine = (self.name, self.adjective, self.people, self.capital)
        theirs = (other.name, other.adjective, other.people, other.capital)
        return sorted(((a, b) for a, b in zip(mine, theirs, strict=True) if a and b), key=lambda p: -len(p[0]))


@functools.lru_cache(maxsize=1)
def state_forms() -> dict[str, Forms]:
    """The forms of every sovereign state of the gazetteer (``gazetteer_states.tsv``)."""
    from ..stages.actors.gazetteer import _cell, _rows, _split

    out: dict[str, Forms] = {}
    for row in _rows("gazetteer_states.tsv"):
        if _cell(row, 1) != "state":
            continue
        adjectives = [a for a in _split(_cell(row, 5)) if "-" not in a]
        people = next((a for a in adjectives[1:] if a.endswith("s")), "")
        capitals = [c for c in _split(_cell(row, 6)) if not c.lower().startswith("the ")]
        code = _cell(row, 0)
        out[code] = Forms(code, _cell(row, 3), adjectives[0] if adjectives else "", people,
                          capitals[0] if capitals else "")
    return out


def _coded_states(doc: Mapping[str, Any], forms: Mapping[str, Forms]) -> set[str]:
    codes: set[str] = set()
    for prop in doc.get("propositions") or ():
        codes.update(c for k in _ROLE_KEYS for c in prop.get(k) or ())
        for claim in prop.get("claims") or ():
            codes.update(claim.get("by") or ())
    return {c for c in codes if c in forms}


def _replace(text: str, table: Sequence[tuple[str, str]]) -> str:
    """Every whole-word form in ``table`` replaced at once (so a replacement is never replaced again)."""
    if not table:
        return text
    lookup = dict(table)
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in table) + r")\b")
    return pattern.sub(lambda m: lookup[m.group(0)], text)


def _recode(doc: dict[str, Any], mapping: Mapping[str, str], table: Sequence[tuple[str, str]]) -> None:
    for prop in doc.get("propositions") or ():
        for key in _ROLE_KEYS:
            prop[key] = [mapping.get(c, c) for c in prop.get(key) or ()]
        if isinstance(prop.get("location"), str):
            prop["location"] = _replace(prop["location"], table)
        for claim in prop.get("claims") or ():
            claim["by"] = [mapping.get(c, c) for c in claim.get("by") or ()]
            claim["evidence"] = _replace(str(claim.get("evidence") or ""), table)
    for loss in doc.get("loss_claims") or ():
        loss["side"] = mapping.get(loss.get("side"), loss.get("side"))
        loss["by"] = [mapping.get(c, c) for c in loss.get("by") or ()]
        loss["evidence"] = _replace(str(loss.get("evidence") or ""), table)


def _evidence_kept(doc: Mapping[str, Any]) -> bool:
    text = str(doc["text"])
    return all(str(c.get("evidence") or "") in text for p in doc.get("propositions") or ()
               for c in p.get("claims") or ())


def swap_document(doc: Mapping[str, Any], mentions: Sequence[tuple[str, str]], rng: random.Random
                  ) -> dict[str, Any] | None:
    """A copy of the gold ``doc`` with each state it codes replaced by another, or None when it cannot be
    swapped cleanly. ``mentions`` are the ``(code, words)`` of the document's actor mentions."""
    forms = state_forms()
    coded = _coded_states(doc, forms)
    if not coded:
        return None
    for code, words in mentions:
        if code in coded and not any(own in words for own, _ in forms[code].pairs(forms[code])):
            return None
    pool = sorted(set(forms) - coded)
    mapping = dict(zip(sorted(coded), rng.sample(pool, len(coded)), strict=True))
    table = [pair for code, new in mapping.items() for pair in forms[code].pairs(forms[new])]
    out = copy.deepcopy(dict(doc))
    out["id"] = f"{doc.get('id', '')}~swap"
    out["text"] = _replace(str(doc["text"]), table)
    _recode(out, mapping, table)
    return out if _evidence_kept(out) else None


def swapped_copies(docs: Sequence[Mapping[str, Any]], seed: int = 13,
                   fraction: float = AUGMENT_FRACTION) -> list[dict[str, Any]]:
    """Swapped copies of a ``fraction`` of the documents that can be swapped (fixed seed); the documents'
    actor mentions come from the same analysis the pipeline runs."""
    from .corpus import analyse, article_of

    rng = random.Random(seed)
    out = []
    for doc, (article, _, found) in zip(docs, analyse([article_of(d) for d in docs]), strict=True):
        mentions = [(m.actor.code, article.text[m.start:m.end]) for m in found]
        if rng.random() < fraction:
            swapped = swap_document(doc, mentions, rng)
            if swapped is not None:
                out.append(swapped)
    return out
