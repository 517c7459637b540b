"""Long articles in paragraph chunks: the text is cut at paragraph breaks (or, inside one very long
paragraph, at a sentence end or a space) into pieces of at most :data:`CHUNK_CHARS` characters, each piece
runs through the stages that read the parse on its own, and the offsets of everything found are moved back
into the whole text. The stages that work on the whole article (merging into propositions and what follows
it, :func:`split_stages`) then run once over everything the chunks found, so claims in two chunks about one
event still make one proposition.

Cost and memory then grow linearly with the length of an article instead of with the square of it (the
parser and several stages scan the whole document per event), and no article is too long for spaCy's
``max_length``. What is lost: coreference (a pronoun or "the ministry" resolved to an actor named earlier)
and attribution across a chunk boundary, which falls at a paragraph break wherever the text has one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from ..model import ActorMention, Claim, Document, LossClaim, Proposition, Provenance
from .state import DateMention, EventMention, Source, Stage, State

__all__ = ["CHUNK_CHARS", "absorb", "shift_document", "split_paragraphs", "split_stages"]

#: Articles longer than this many characters are extracted chunk by chunk.
CHUNK_CHARS = 10_000
#: Where to cut, best first: a paragraph break, a line break, a sentence end, any space.
_SEPARATORS: tuple[str, ...] = ("\n\n", "\n", ". ", " ")

T = TypeVar("T", Claim, ActorMention, LossClaim)


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the chunk that begins at ``start``: after the last good separator within ``limit``."""
    window = text[start:start + limit]
    for sep in _SEPARATORS:
        at = window.rfind(sep)
        if at >= limit // 4:
            return start + at + len(sep)
    return start + limit


def split_paragraphs(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pairs that cover ``text`` exactly, in order, each at most ``limit`` characters."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        out.append((start, text[start:end]))
        start = end
    if start < len(text):
        out.append((start, text[start:]))
    return out


def _shift(prov: Provenance, offset: int) -> Provenance:
    if prov.start < 0:
        return prov
    return dataclasses.replace(prov, start=prov.start + offset, end=prov.end + offset)


def _moved(item: T, offset: int) -> T:
    return dataclasses.replace(item, provenance=_shift(item.provenance, offset))


def _moved_proposition(prop: Proposition, offset: int) -> Proposition:
    """The proposition at its place in the whole text; its id (made from the offsets) is made anew."""
    prov = _shift(prop.provenance, offset) if prop.provenance else None
    return dataclasses.replace(prop, provenance=prov, id="",
                               claims=tuple(_moved(c, offset) for c in prop.claims))


def shift_document(doc: Document, offset: int) -> Document:
    """``doc`` (of one chunk) with every offset moved by ``offset``, the chunk's start in the whole text."""
    return Document(doc.article, tuple(_moved_proposition(p, offset) for p in doc.propositions),
                    tuple(_moved(x, offset) for x in doc.loss_claims),
                    tuple(_moved(m, offset) for m in doc.mentions),
                    tuple(dataclasses.replace(p, start=p.start + offset, end=p.end + offset) for p in doc.places))


def split_stages(stages: Sequence[Stage]) -> tuple[list[Stage], list[Stage]] | None:
    """``(per chunk, whole article)``: the stages from the first that reads or assigns ``propositions``
    (merging), and any that reads what one of those assigns, run once on the whole article; the others, which
    read the parse, run chunk by chunk. None when a whole-article stage reads the parse (``doc``)."""
    local: list[Stage] = []
    whole: list[Stage] = []
    assigned: set[str] = set()
    for stage in stages:
        fields = set(stage.reads) | set(stage.assigns)
        if "propositions" in fields or assigned & set(stage.reads):
            if "doc" in stage.reads:
                return None
            whole.append(stage)
            assigned.update(stage.assigns)
        else:
            local.append(stage)
    return local, whole


def _shift_source(src: Source | None, offset: int, tokens: int) -> Source | None:
    if src is None:
        return None
    span = (src.speaker_span[0] + offset, src.speaker_span[1] + offset) if src.speaker_span else None
    return dataclasses.replace(src, speaker_span=span, cue_i=None if src.cue_i is None else src.cue_i + tokens)


def _shift_event(ev: EventMention, offset: int, tokens: int) -> EventMention:
    """``ev`` of a chunk at its place in the whole text: characters move by ``offset``, tokens by ``tokens``
    (the tokens of the chunks before; close to, not always equal to, the token index in one parse)."""
    return dataclasses.replace(
        ev, start=ev.start + offset, end=ev.end + offset, trigger=ev.trigger + tokens,
        sentence=(ev.sentence[0] + offset, ev.sentence[1] + offset),
        scope=tuple((lo + tokens, hi + tokens) for lo, hi in ev.scope),
        source=_shift_source(ev.source, offset, tokens), extras=dict(ev.extras))


def _shift_date(d: DateMention, offset: int, tokens: int) -> DateMention:
    return dataclasses.replace(d, start=d.start + offset, end=d.end + offset, root=d.root + tokens)


def absorb(whole: State, part: State, offset: int, tokens: int) -> None:
    """Add what the stages found in the chunk ``part`` (at character ``offset``, after ``tokens`` tokens) to
    the state of the whole article, its offsets moved into the whole text."""
    whole.mentions += [_moved(m, offset) for m in part.mentions]
    whole.dates += [_shift_date(d, offset, tokens) for d in part.dates]
    whole.events += [_shift_event(ev, offset, tokens) for ev in part.events]
    whole.propositions += [_moved_proposition(p, offset) for p in part.propositions]
    whole.loss_claims += [_moved(x, offset) for x in part.loss_claims]
    whole.places += [dataclasses.replace(p, start=p.start + offset, end=p.end + offset) for p in part.places]
