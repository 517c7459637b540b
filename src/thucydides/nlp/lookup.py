"""Lookups into a parsed ``Doc`` by character offset, built once per Doc and kept in its ``user_data``.

spaCy rebuilds ``doc.text`` from the tokens on every access, and ``doc.ents`` makes a new tuple of spans each
time; a stage that asks either once per event pays the length of the document per event. :func:`lookup`
builds the text, the token starts and the entities once; the questions are then answered by binary search
(the document is not changed after parsing, so the lookup stays true).
"""

from __future__ import annotations

import bisect
from typing import Any

__all__ = ["DocLookup", "lookup"]

_KEY = "thucydides.lookup"


class DocLookup:
    """The text, token starts and named entities of one parsed Doc, searchable by character offset."""

    def __init__(self, doc: Any) -> None:
        self.text: str = doc.text
        self.size = len(doc)
        self.starts: list[int] = [t.idx for t in doc]
        self.ents: tuple[Any, ...] = tuple(doc.ents)
        self._ent_starts: list[int] = [e.start_char for e in self.ents]

    def first_token_from(self, char: int) -> int:
        """The index of the first token that starts at or after ``char`` (the last token when none does)."""
        at = bisect.bisect_left(self.starts, char)
        return at if at < self.size else self.size - 1

    def ents_starting_in(self, start: int, end: int) -> tuple[Any, ...]:
        """The entities whose first character is in ``[start, end)``, in document order."""
        lo = bisect.bisect_left(self._ent_starts, start)
        hi = bisect.bisect_left(self._ent_starts, end)
        return self.ents[lo:hi]


def lookup(doc: Any) -> DocLookup:
    """The :class:`DocLookup` of ``doc`` (built on the first call, then kept on the Doc)."""
    found = doc.user_data.get(_KEY)
    if not isinstance(found, DocLookup):
        found = DocLookup(doc)
        doc.user_data[_KEY] = found
    return found
