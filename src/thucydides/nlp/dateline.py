"""Datelines: the place, date and outlet a wire report opens a paragraph with.

A wire-style report starts "BEIRUT, March 12 (Meridian Wire) - ...", "KYIV (Reuters) -" or "Geneva, 4 May
(Alpine Post) —". The city is where the report was filed; the parenthesised part names the outlet, whose words
("Gulf Maritime Wire", "Sahel Dispatch", "Pacific Ledger") are no place and no actor of the story.
"""

from __future__ import annotations

import re

__all__ = ["outlet_spans"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
_WORD = r"[A-Z][\w.'’-]*"
_CAPS = r"[A-Z][A-Z.'’-]+"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}(?:,[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}})?"
_CAPS_PLACE = rf"{_CAPS}(?:[ \t]+{_CAPS}){{0,3}}(?:,[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}})?"
#: At the start of a paragraph: a place, then a date (or a place in capitals and an optional date), then the
#: outlet in parentheses, capitalised, and a dash.
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:{_PLACE},?[ \t]+{_DATE}|{_CAPS_PLACE}(?:,?[ \t]+{_DATE})?)"
    r"[ \t]*\((?P<outlet>[A-Z][^()\n]{1,59})\)[ \t]*[-–—]")


def outlet_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the outlets named in the datelines of ``text`` (at most one per paragraph)."""
    return [match.span("outlet") for match in _DATELINE.finditer(text)]
