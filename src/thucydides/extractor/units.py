"""What the learned extractor reads: one *unit* per sentence, with the actor codes it may choose from.

A unit is a sentence of an article with its **candidates**: every actor code that a mention in the sentence
names (the actors stage's mentions, which include the places it knows, and the places stage's other resolved
places: both stand for their state), each with the character
spans of those mentions relative to the sentence. The model picks actors, recipients and claimants among the
candidates; it never invents a code. The same units are built for training (from the gold files, see
:mod:`.labels`) and at run time (from the pipeline state), so the model sees one shape of input.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Actor, ActorMention, Provenance
from ..places.types import PlaceMention

__all__ = ["CONTEXT_SEP", "Candidate", "Unit", "candidates_in", "context_candidates", "place_candidates",
           "sentence_offsets", "units_of"]

#: Candidates kept per sentence at most (the nearest-to-start first); longer lists are rare and noisy.
MAX_CANDIDATES = 12
#: Syntactic cues of a candidate's mentions given to the role head: the dependency label of the mention's
#: head word, and the preposition it is the object of ("killed *by* X", "an attack *on* X").
DEPS: tuple[str, ...] = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "amod", "appos", "conj",
                         "attr", "npadvmod")
PREPS: tuple[str, ...] = ("by", "in", "on", "against", "to", "with", "from", "of", "at", "into", "for", "between")
N_FEATURES = len(DEPS) + 1 + len(PREPS)
#: Between a sentence and its context in the encoder input (the tokenizer reads it as its separator token).
CONTEXT_SEP = " [SEP] "
#: Context candidates per sentence at most: codes named just before it, or in the document's lead, that the
#: sentence does not name itself ("The junta closed the airspace" after a sentence naming Niger).
MAX_CONTEXT = 4
#: Sentences before the current one whose codes are context candidates (besides the lead sentence).
CONTEXT_BACK = 2


@dataclass(frozen=True)
class Candidate:
    """An actor code named in a sentence, with its mentions' spans (characters, relative to the sentence)."""

    code: str
    spans: tuple[tuple[int, int], ...]
    features: tuple[float, ...] = (0.0,) * N_FEATURES


@dataclass(frozen=True)
class Unit:
    """One sentence of an article and its candidates.

    Attributes:
        doc_id: the article's id.
        start: the sentence's first character in the article text.
        text: the sentence text (``article.text[start:start + len(text)]``).
        candidates: distinct codes named in the sentence, in order of first mention.
    """

    doc_id: str
    start: int
    text: str
    candidates: tuple[Candidate, ...]
    #: names of the context candidates, read by the encoder after the sentence (see :data:`CONTEXT_SEP`);
    #: their spans are offsets into :attr:`input_text`, past the sentence, and their cues are all zero.
    context: str = ""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def input_text(self) -> str:
        """What the encoder reads: the sentence, then its context when it has one."""
        return self.text + CONTEXT_SEP + self.context if self.context else self.text

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.candidates)


def mention_features(doc: Any, start: int, end: int) -> list[float]:
    """One-hot syntactic cues of the mention ``[start, end)`` (characters) in the spaCy ``doc``."""
    out = [0.0] * N_FEATURES
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return out
    head = span.root
    dep = head.dep_ if head.dep_ in DEPS else ""
    out[DEPS.index(dep) if dep else len(DEPS)] = 1.0
    if head.dep_ == "pobj" and head.head.lower_ in PREPS:
        out[len(DEPS) + 1 + PREPS.index(head.head.lower_)] = 1.0
    return out


def _features(doc: Any, start: int, spans: Sequence[tuple[int, int]]) -> tuple[float, ...]:
    rows = [mention_features(doc, start + lo, start + hi) for lo, hi in spans]
    return tuple(max(col) for col in zip(*rows, strict=True))


def candidates_in(start: int, end: int, mentions: Iterable[ActorMention], doc: Any = None) -> tuple[Candidate, ...]:
    """The distinct codes of the mentions inside ``[start, end)``, spans made relative to ``start``; with the
    spaCy ``doc``, each candidate also carries the syntactic cues of its mentions."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        code = m.actor.code
        if code and start <= m.start and m.end <= end:
            spans.setdefault(code, []).append((m.start - start, m.end - start))
    found = [Candidate(code, tuple(s), _features(doc, start, s) if doc is not None else (0.0,) * N_FEATURES)
             for code, s in spans.items()]
    return tuple(found[:MAX_CANDIDATES])


def sentence_offsets(doc: Any) -> list[tuple[int, int]]:
    """Character offsets of the spaCy sentences of ``doc``."""
    return [(s.start_char, s.end_char) for s in doc.sents]


#: A context candidate's name is its longest mention in the sentence, cut to this many characters.
MAX_NAME = 40


def _named(text: str, lo: int, hi: int, mentions: Sequence[ActorMention]) -> dict[str, str]:
    """Code -> the words of its longest mention inside ``[lo, hi)`` (a name rather than "it"), codes in
    order of first mention."""
    out: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.actor.code and lo <= m.start and m.end <= hi:
            words = " ".join(text[m.start:m.end].split())[:MAX_NAME]
            if len(words) > len(out.get(m.actor.code, "")):
                out[m.actor.code] = words
    return out


def context_candidates(text: str, sentences: Sequence[tuple[int, int]], i: int,
                       mentions: Sequence[ActorMention], own: Sequence[str]) -> tuple[str, tuple[Candidate, ...]]:
    """The context of sentence ``i``: codes named in the :data:`CONTEXT_BACK` sentences before it (nearest
    first), then in the lead sentence, that the sentence does not name (``own``); at most
    :data:`MAX_CONTEXT`. Returns the context text (their names, ``"; "``-joined) and the candidates, whose
    spans are offsets into the unit's input text."""
    picked: dict[str, str] = {}
    for j in [*range(i - 1, max(-1, i - 1 - CONTEXT_BACK), -1), 0]:
        if 0 <= j < i:
            for code, name in reversed(_named(text, sentences[j][0], sentences[j][1], mentions).items()):
                if code not in own and len(picked) < MAX_CONTEXT:
                    picked.setdefault(code, name)
    base = len(text[sentences[i][0]:sentences[i][1]].rstrip()) + len(CONTEXT_SEP)
    parts, cands, at = [], [], base
    for code, name in picked.items():
        parts.append(name)
        cands.append(Candidate(code, ((at, at + len(name)),)))
        at += len(name) + 2
    return "; ".join(parts), tuple(cands)


#: Place kinds that give no candidate of their own: a country is already an actor mention, and a continent or
#: a sea has no state.
NO_STATE_KINDS = frozenset({"country", "continent"})


def place_candidates(places: Sequence[PlaceMention], mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The resolved places that no actor mention covers, as mentions of their state (CODING.md: a place stands
    for its state: "a strike on a market near Jilib" -> SOM). The model decides whether the state is a party;
    the actors stage knows only a few hundred places by name, the places stage every GeoNames city."""
    out = []
    for p in places:
        place = p.place
        if place is None or not place.country or place.kind in NO_STATE_KINDS:
            continue
        if any(m.start < p.end and p.start < m.end for m in mentions):
            continue
        out.append(ActorMention(Actor(place.country, None, place.name, "state"), p.text,
                                Provenance("", p.start, p.end, "places", "")))
    return out


def units_of(doc_id: str, text: str, sentences: Sequence[tuple[int, int]],
             mentions: Sequence[ActorMention], doc: Any = None, context: bool = False,
             places: Sequence[PlaceMention] = ()) -> list[Unit]:
    """One unit per non-blank sentence, given as ``(start, end)`` character offsets into ``text``
    (with the spaCy ``doc`` of ``text``, candidates carry syntactic cues; with ``context``, each unit also
    gets the :func:`context_candidates` of the sentences before it; ``places``, the article's place mentions,
    add the :func:`place_candidates`)."""
    units: list[Unit] = []
    ordered = sorted([*mentions, *place_candidates(places, mentions)], key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ordered]
    for i, (lo, hi) in enumerate(sentences):
        stripped = text[lo:hi].rstrip()
        if not stripped.strip():
            continue
        # only the mentions starting inside the sentence: a look-up, not a pass over the whole article
        inside = ordered[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, lo + len(stripped))]
        own = candidates_in(lo, lo + len(stripped), inside, doc)
        names, extra = ("", ()) if not context else context_candidates(text, sentences, i, mentions,
                                                                       [c.code for c in own])
        units.append(Unit(doc_id, lo, stripped, own + extra, names))
    return units
