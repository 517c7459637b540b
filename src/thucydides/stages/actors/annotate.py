"""The pipeline stage ``actors.gazetteer.v1``: actor mentions over a parsed document.

Three layers of mentions, which may nest: every gazetteer alias (``Russian``, ``the Kremlin``,
``Wang Yi``); every noun phrase that contains one (``China's Foreign Minister Wang Yi``, ``the defence
ministry of the Russian Federation``); and references back: a person's surname after the full name
(``actors.alias.v1``), pronouns and "the two countries" (``actors.coref.v2``, see :mod:`.coref`); in a
government's own release, "we" and "I" are its state (``actors.voice.v1``, see :mod:`.voice`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

from ..._version import __version__
from ...model import Actor, ActorMention, Provenance
from ...pipeline.state import State
from .coref import EXTRACTOR as COREF
from .coref import as_state, resolve_references
from .gazetteer import STATE, TERM, gazetteer, norm
from .institutions import institution_mentions
from .resolve import Hit, as_day, compose, find_hits
from .voice import principal_of, voice_mentions

__all__ = ["ALIAS", "EXTRACTOR", "annotate", "mentions_of"]

EXTRACTOR = "actors.gazetteer.v1"
ALIAS = "actors.alias.v1"
#: codes of states whose people are usually named family name first (so "Wang" follows "Wang Yi").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM"})

_POSSESSIVES = frozenset({"its", "his", "her", "their"})
_JOINERS = frozenset({"and", ",", "or", "&"})

Span = tuple[int, int]


def _phrases(doc: Any) -> Iterator[Span]:
    """Noun chunks, each also extended by an apposition or by up to three ``of`` + noun chunk links."""
    chunks = [(c.start, c.end, c.root) for c in doc.noun_chunks]
    starts = {lo: (hi, root) for lo, hi, root in chunks}
    for lo, hi, root in chunks:
        yield lo, hi
        if hi in starts and starts[hi][1].dep_ == "appos":
            yield lo, starts[hi][0]
        elif hi + 1 < len(doc) and hi + 1 in starts:
            nxt_hi, nxt_root = starts[hi + 1]
            if doc[hi].text == "," and nxt_root.dep_ == "appos" and nxt_root.head.i == root.i:
                yield lo, nxt_hi
        end = hi
        for _ in range(3):
            if end + 1 >= len(doc) or doc[end].lower_ != "of" or end + 1 not in starts:
                break
            end = starts[end + 1][0]
            yield lo, end


def _person_name(people: list[tuple[int, int, str]], lo: int, hi: int, inner: list[Hit], root: int) -> str | None:
    """The name of a person the gazetteer does not know, in a phrase with a title (``Governor X Y``) or
    heading a phrase with a state or organisation (``American golfer Scottie Scheffler``).

    ``people`` are the PERSON entities of the document as (start, end, text), in order.
    """
    titled = any(h.entry.type == TERM and "title" in h.entry.flags for h in inner)
    covered = {i for h in inner for i in range(h.start, h.end)}
    for start, end, text in people[bisect.bisect_left(people, (lo, -1, "")):]:
        if start >= hi:
            break
        free = end <= hi and not any(i in covered for i in range(start, end))
        if free and (titled or start <= root < end):
            return text
    return None


class _Collector:
    """Mentions found so far, keyed by token span, and the people named so far (for surnames)."""

    def __init__(self, state: State) -> None:
        self.doc = state.doc
        self.document = state.article.id
        self.spans: dict[Span, list[tuple[Actor, str]]] = {}
        self.surnames: dict[str, list[tuple[int, Actor]]] = {}  # surname -> (end of the full mention, actor)

    def add(self, lo: int, hi: int, actor: Actor, extractor: str = EXTRACTOR) -> None:
        bucket = self.spans.setdefault((lo, hi), [])
        if all(a != actor for a, _ in bucket):
            bucket.append((actor, extractor))
        if actor.kind == "person" and extractor == EXTRACTOR:
            self._remember(lo, hi, actor)

    def _remember(self, lo: int, hi: int, actor: Actor) -> None:
        words = (actor.name or "").split()
        if not words:
            return
        keys = {norm(words[-1])}
        if actor.code in _FAMILY_FIRST:
            keys.add(norm(words[0]))
        for key in keys:
            if len(key) > 1:
                self.surnames.setdefault(key, []).append((hi, actor))

    def mentions(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        for (lo, hi), actors in self.spans.items():
            span = self.doc[lo:hi]
            start, end = span.start_char, span.end_char
            for actor, extractor in actors:
                prov = Provenance(self.document, start, end, extractor, __version__)
                out.append(ActorMention(actor, str(span.text), prov))
        out.sort(key=lambda m: (m.start, -m.end))
        return out


def _base(col: _Collector, raw: list[str], hits: list[Hit], day: dt.date | None) -> None:
    for h in hits:
        if h.entry.type == TERM:
            continue
        actor = compose(raw, [h], h.start, h.end, day)
        if actor is not None:
            col.add(h.start, h.end, actor)


def _described(col: _Collector, raw: list[str], hits: list[Hit], day: dt.date | None) -> None:
    doc = col.doc
    starts = [h.start for h in hits]
    people = [(e.start, e.end, str(e.text)) for e in doc.ents if e.label_ == "PERSON"]
    for lo, hi in _phrases(doc):
        while lo < hi and doc[lo].pos_ == "PRON" and doc[lo].tag_ != "PRP$":
            lo += 1
        first = bisect.bisect_left(starts, lo)
        inner = [h for h in hits[first:bisect.bisect_left(starts, hi)] if h.end <= hi]
        if not inner or (len(inner) == 1 and (inner[0].start, inner[0].end) == (lo, hi)
                         and inner[0].entry.type != TERM):
            continue
        span = doc[lo:hi]
        root = span.root.i
        name = _person_name(people, lo, hi, inner, root)
        if name is None and all(h.entry.type == TERM for h in inner) and not _headed(root, inner):
            continue
        actor = compose(raw, inner, lo, hi, day, name, text=str(span.text))
        if actor is not None and actor.kind != "person" and not _covers(root, inner):
            actor = Actor(actor.code, None, actor.name, actor.kind)
        for each in _coordinated(raw, inner, actor) if actor is not None else ():
            col.add(lo, hi, each)


def _coordinated(raw: list[str], inner: list[Hit], actor: Actor) -> list[Actor]:
    """One actor per state in "Russian and Ukrainian representatives"; else just ``actor``."""
    states = [h for h in inner if h.entry.type == STATE and "place" not in h.entry.flags]
    if actor.kind == "person" or len(states) < 2 or len({h.entry.code for h in states}) < 2:
        return [actor]
    for left, right in itertools.pairwise(states):
        if not raw[left.end:right.start] or any(w.lower() not in _JOINERS for w in raw[left.end:right.start]):
            return [actor]
    gaz = gazetteer()
    return [Actor(code, actor.sector, gaz.states[code].name, gaz.states[code].kind)
            for code in dict.fromkeys(h.entry.code for h in states)]


def _covers(root: int, inner: list[Hit]) -> bool:
    """Whether an alias covers the head of the phrase; "Russian aggression" is about Russia, not its army."""
    return any(h.start <= root < h.end for h in inner)


def _headed(root: int, inner: list[Hit]) -> bool:
    """Whether a specific role word is the head of the phrase (``the army``; not ``rebel positions``, and
    not a bare generic title such as ``the Head``)."""
    return any(h.start <= root < h.end and h.entry.priority >= 2 for h in inner)


def _possessed(doc: Any, found: list[ActorMention], refs: list[ActorMention]) -> list[ActorMention]:
    """``its forces``, ``his government``: a phrase with no code takes the code its possessive refers to."""
    owner = {m.start: (m.end, m.actor) for m in refs if m.text.lower() in _POSSESSIVES}
    out = []
    for m in found:
        end, actor = owner.get(m.start, (m.end, None))
        if m.actor.code or actor is None or not actor.code or m.end <= end:
            continue
        base = as_state(actor)
        out.append(ActorMention(Actor(base.code, m.actor.sector, base.name, base.kind), m.text,
                                Provenance(m.provenance.document, m.start, m.end, COREF, __version__)))
    return out


def _aliases(col: _Collector, raw: list[str], hits: list[Hit]) -> None:
    """Surnames (and family names) of people named in full earlier (``actors.alias.v1``)."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    for i, word in enumerate(raw):
        if i in covered or not word[:1].isupper() or norm(word) not in col.surnames:
            continue
        earlier = [(end, a) for end, a in col.surnames[norm(word)] if end <= i]
        if earlier and col.doc[i].pos_ in ("PROPN", "NOUN"):
            col.add(i, i + 1, earlier[-1][1], ALIAS)


def mentions_of(state: State) -> list[ActorMention]:
    """Every actor mention in ``state.doc`` (what :func:`annotate` adds to ``state.mentions``)."""
    col = _Collector(state)
    raw = [t.text for t in col.doc]
    hits = find_hits(raw)
    day = as_day(state.article.published)
    _base(col, raw, hits, day)
    _described(col, raw, hits, day)
    _aliases(col, raw, hits)
    found = col.mentions()
    heads = {i for h in hits for i in range(h.start, h.end) if h.entry.type != TERM or h.entry.sector}
    heads |= {i for (lo, hi), actors in col.spans.items() for i in range(lo, hi)
              if any(a.kind == "person" for a, _ in actors)}
    refs = resolve_references(col.doc, found, state.article.id, heads)
    owned = _possessed(col.doc, found, refs)
    placed = institution_mentions(col.doc, [*found, *refs, *owned], state.article.id)
    replaced = {(m.start, m.end) for m in [*refs, *owned, *placed]}
    kept = [m for m in found if m.actor.code or (m.start, m.end) not in replaced]
    principal = principal_of(state.article.outlet, day)
    voiced = voice_mentions(col.doc, principal, state.article.id, day) if principal is not None else []
    return sorted(kept + refs + owned + placed + voiced, key=lambda m: (m.start, -m.end))


def annotate(state: State) -> None:
    """Pipeline stage ``actors.gazetteer.v1``: fill ``state.mentions`` over ``state.doc``."""
    state.mentions.extend(mentions_of(state))
