"""Tallies written as lists of "category – number" items, as defence ministries publish them.

"The total combat losses of the enemy from 24.02 to 15.03 were approximately: personnel – about 13,500,
tanks – 404, armoured combat vehicles – 1,279, aircraft – 81 (+4), helicopters – 95" gives one claim per item.
The dependency parse of such lists is unreliable, so the items are read with a regular expression from a
sentence that the pre-filter already found to speak of losses; only items whose category ends in an equipment
or people noun count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import EQUIPMENT, PEOPLE, parse_number

__all__ = ["TallyItem", "tally_items", "tally_period"]

_ITEM = re.compile(
    r"(?P<unit>[A-Za-z][A-Za-z/ -]{0,60}?)\s*[\u2012\u2013\u2014\u2212:-]+\s*"
    r"(?:(?P<qual>about|approximately|around|some|over|more than|up to|at least)\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\s*(?:[./]\d|%|million|billion|thousand|percent|dollars|euros|"
    r"each|apiece|per\b|a year|a month|km|kilo))(?:\s*\(\s*\+\s*\d+\s*\))?", re.IGNORECASE)
_QUALIFIERS = {"about": "about", "approximately": "about", "around": "about", "some": "about", "over": "over",
               "more than": "over", "up to": "up to", "at least": "at least"}
_ABBREVIATIONS = frozenset({"mlrs", "mrl", "uav", "uavs", "apc", "apcs", "ifv", "ifvs", "afv", "afvs", "bbm", "spg",
                            "sam", "sams", "atgm", "atgms"})
_LEAD = re.compile(r"^(?:.*\b(?:including|were|was|are|is|stand at|amount to|namely|as follows))\s*", re.IGNORECASE)
_DOTTED = r"(?P<{0}d>[0-3]?\d)\.(?P<{0}m>[01]?\d)(?:\.(?P<{0}y>(?:20)?\d\d))?"
_AS_OF = re.compile(r"\b(?:as of|as at|by|on)\s+" + _DOTTED.format("b") + r"\b")
_FROM_TO = re.compile(r"\bfrom\s+" + _DOTTED.format("a") + r"\s+(?:to|till|until)\s+" + _DOTTED.format("b") + r"\b")


@dataclass(frozen=True)
class TallyItem:
    """One "category – number" item: the category as written, value, qualifier and character offsets."""

    unit: str
    value: int
    qualifier: str
    start: int
    end: int


def _category(raw: str) -> str | None:
    """The category of an item when its last word is equipment or people, else None."""
    unit = _LEAD.sub("", raw.split(",")[-1]).strip(" -:;")
    unit = re.sub(r"^(?:and|the|of)\s+", "", unit, flags=re.IGNORECASE).strip()
    words = unit.lower().replace("/", " ").split()
    if not words or len(words) > 6:
        return None
    last = words[-1]
    known = EQUIPMENT | PEOPLE
    if last in known or last.rstrip("s") in known or last in _ABBREVIATIONS or last.removesuffix("es") in known:
        return unit
    return None


def tally_items(text: str, offset: int, overall: str) -> list[TallyItem]:
    """The items of a tally in one sentence's ``text`` (starting at character ``offset`` of the article).

    Args:
        text: the sentence text.
        offset: where the sentence starts in the article.
        overall: the qualifier of the whole list ("were approximately:" gives ``about``), for items without one.
    """
    items: list[TallyItem] = []
    for m in _ITEM.finditer(text):
        unit = _category(m["unit"])
        value = parse_number(m["num"])
        if unit is None or value is None:
            continue
        start = offset + m.start("unit") + m["unit"].rfind(unit)
        qualifier = _QUALIFIERS.get((m["qual"] or "").lower(), overall)
        items.append(TallyItem(unit, value, qualifier, start, offset + m.end("num")))
    return items if len(items) >= 2 else []


def _dotted(day: str, month: str, year: str | None, published: dt.date | None) -> dt.date | None:
    if year is None and published is None:
        return None
    y = (2000 + int(year) if len(year) == 2 else int(year)) if year else published.year if published else 0
    try:
        found = dt.date(y, int(month), int(day))
    except ValueError:
        return None
    if year is None and published is not None and found > published:
        found = found.replace(year=found.year - 1) if not (found.month == 2 and found.day == 29) else found
    return found


def tally_period(text: str, published: dt.date | None) -> tuple[str | None, str | None] | None:
    """A dotted day.month period and the ISO date it ends: ("from 24.02 to 15.03", "2022-03-15"), or
    (None, "2022-03-20") for "as of 20.03.2022"; None when the text has neither."""
    if m := _FROM_TO.search(text):
        end = _dotted(m["bd"], m["bm"], m["by"], published)
        return m.group(0), end.isoformat() if end else None
    if m := _AS_OF.search(text):
        end = _dotted(m["bd"], m["bm"], m["by"], published)
        return (None, end.isoformat()) if end else None
    return None
