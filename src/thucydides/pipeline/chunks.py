"""Long articles in paragraph chunks: the text is cut at paragraph breaks (or, inside one very long
paragraph, at a sentence end or a space) into pieces of at most :data:`CHUNK_CHARS` characters, each piece
runs through the stages on its own, and the offsets of everything found are moved back into the whole text.

Cost and memory then grow linearly with the length of an article instead of with the square of it (the
parser and several stages scan the whole document per event), and no article is too long for spaCy's
``max_length``. What is lost: coreference and merging across a chunk boundary.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from ..model import ActorMention, Claim, Document, LossClaim, Proposition, Provenance

__all__ = ["CHUNK_CHARS", "shift_document", "split_paragraphs"]

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
