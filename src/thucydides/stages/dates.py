"""Stage 8: date expressions resolved against the publication date, news style (the past is preferred).

Common forms ("last Sunday", "March 7", "two days ago", "earlier this month", "in 2021",
"24 February 2022") go through fast regular-expression paths; only the spaCy ``DATE`` entities
those paths do not handle reach ``dateparser``, whose answers are cached. Durations and vague
spans ("three weeks", "for years", "in recent months", "the 1990s") are not point dates and
resolve to ``None``; so do relative expressions when the publication date is unknown.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from ..pipeline.state import DateMention, State

if TYPE_CHECKING:
    from ..nlp.types import Doc

__all__ = ["DATE_CUES", "DateMention", "annotate", "find_dates", "resolve_date"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_LEAD = r"^(?:(?:on|in|since|from|by|until|as of|during|of)\s+)?(?:the\s+)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"

_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)$")
_DMY = re.compile(_LEAD + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + "$")
_MDY = re.compile(_LEAD + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + "$")
_MD = re.compile(_LEAD + r"(?P<rel>last\s+|this\s+past\s+)?" + _MONTH + r"\s+" + _DAY
                 + r"(?:\s*[-\u2013]\s*[0-3]?\d)?$")
_DM = re.compile(_LEAD + r"(?P<rel>last\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + "$")
_MY = re.compile(_LEAD + r"(?:(?:early|mid|late)[- ]|(?:the\s+)?(?:end|beginning|start|middle) of\s+)?"
                 + _MONTH + r",?\s+" + _YEAR + "$")
_M = re.compile(_LEAD + r"(?P<rel>last\s+|this\s+past\s+|this\s+|(?:early|mid|late)[- ]|(?:early|late) in\s+|"
                r"(?:the\s+)?(?:end|beginning|start|middle) of\s+)?"
                + _MONTH + "$")
_Y = re.compile(_LEAD + r"(?:(?:early|mid|late)[- ]|(?:early|late) in\s+)?" + _YEAR + "$")
_INSIDE = (
    re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b"),
    re.compile(r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"\b"),
)
_WD = re.compile(_LEAD + r"(?:(?:early|late)\s+(?:on\s+)?)?"
                 r"(?P<rel>last\s+|this\s+past\s+|past\s+|this\s+|next\s+)?" + _WEEKDAY + _PART + "$")
_AGO = re.compile(r"^(?P<n>\d+|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                  r"twelve)\s+(?P<unit>day|week|month|year)s?\s+ago$")
_NAMED: dict[str, tuple[int, str]] = {
    "today": (0, "day"), "tonight": (0, "day"), "this morning": (0, "day"), "this afternoon": (0, "day"),
    "this evening": (0, "day"), "earlier today": (0, "day"), "earlier on today": (0, "day"),
    "yesterday": (-1, "day"), "last night": (-1, "day"), "overnight": (0, "day"),
    "the day before yesterday": (-2, "day"), "tomorrow": (1, "day"), "the day after tomorrow": (2, "day"),
}
_DAYPART = re.compile(r"^(?P<base>yesterday|today|tomorrow)\s+(?:morning|afternoon|evening|night)$")
_MONTH_REL = re.compile(r"^(?P<rel>earlier this|this|last|later this|next|since last)\s+(?P<unit>month|year)$")
#: Durations and vague spans: never point dates.
_VAGUE = re.compile(
    r"\b(?:recent|coming|past|next few|last few|several|many|years|decades?|centuries|century|hours?|"
    r"minutes?|seconds?|weeks|months|days|fortnight|period|season|era|times|so far|lately|to come|"
    r"age|ages)\b|\d0'?s\b|^(?:for|within|over|about|around|nearly|almost|some|up to|more than)\b")


#: dateparser is asked only about expressions that name a month, a weekday or a year.
_NAMES_A_DATE = re.compile(r"\b(?:" + "|".join(list(MONTHS) + list(WEEKDAYS)) + r"|(?:1[89]|20)\d\d)\b")


def _normalise(expression: str) -> str:
    text = expression.strip().lower().replace("\u2019", "'")
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"'s$", "", text.strip(" ,.;:()\"'"))
    return text.strip(" ,.;:()\"'")


def _day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(year: int, month: int) -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", "month"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: A month-day without a year up to this many days after publication is the coming one ("talks on March 28"
#: in a March 25 article), not last year's: news gives the year of a date that long ago.
FUTURE_WINDOW = dt.timedelta(days=31)


def _past_day(published: dt.date, month: int, day: int, strict: bool = False) -> dt.date | None:
    """The most recent ``month``/``day`` on or before ``published`` (``strict``: "last March 7"), or the coming
    one within :data:`FUTURE_WINDOW`."""
    candidate = _safe_date(published.year, month, day)
    window = dt.timedelta(0) if strict else FUTURE_WINDOW
    if candidate is None or candidate > published + window:
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _past_month(published: dt.date, month: int, strict: bool) -> tuple[str, str]:
    """The most recent ``month`` on or before (``strict``: before) the publication month."""
    year = published.year
    if month > published.month or (strict and month == published.month):
        year -= 1
    return _month(year, month)


def _shift_months(published: dt.date, months: int) -> tuple[str, str]:
    index = published.year * 12 + published.month - 1 + months
    return _month(index // 12, index % 12 + 1)


def _explicit(text: str) -> tuple[str, str] | None:
    """Expressions that carry their own year: resolvable without a publication date."""
    if m := _ISO.match(text):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return _day(d) if d else None
    for pattern in (_DMY, _MDY):
        if m := pattern.match(text):
            d = _safe_date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
            return _day(d) if d else None
    if m := _MY.match(text):
        return _month(int(m["year"]), MONTHS[m["month"]])
    if m := _Y.match(text):
        return m["year"], "year"
    return None


def _weekday(published: dt.date, rel: str, weekday: int) -> tuple[str, str]:
    rel = rel.strip()
    if rel in ("next", "this"):
        ahead = (weekday - published.weekday()) % 7
        return _day(published + dt.timedelta(days=ahead or (7 if rel == "next" else 0)))
    back = (published.weekday() - weekday) % 7
    if back == 0 and rel:
        back = 7
    return _day(published - dt.timedelta(days=back))


def _ago(published: dt.date, n: int, unit: str) -> tuple[str, str]:
    if unit == "day":
        return _day(published - dt.timedelta(days=n))
    if unit == "week":
        return _day(published - dt.timedelta(weeks=n))
    if unit == "month":
        return _shift_months(published, -n)
    return str(published.year - n), "year"


def _this_or_last(published: dt.date, rel: str, unit: str) -> tuple[str, str]:
    step = {"last": -1, "since last": -1, "next": 1}.get(rel, 0)
    if unit == "month":
        return _shift_months(published, step)
    return str(published.year + step), "year"


def _calendar(text: str, published: dt.date) -> tuple[str, str] | None:
    """Month-day, month and weekday expressions without a year."""
    for pattern in (_MD, _DM):
        if m := pattern.match(text):
            d = _past_day(published, MONTHS[m["month"]], int(m["day"]), strict=bool(m["rel"]))
            return _day(d) if d else None
    if m := _M.match(text):
        rel = (m["rel"] or "").strip()
        if rel == "this":
            return _month(published.year, MONTHS[m["month"]])
        return _past_month(published, MONTHS[m["month"]], strict=rel in ("last", "this past"))
    if m := _WD.match(text):
        return _weekday(published, m["rel"] or "", WEEKDAYS[m["weekday"]])
    return None


def _inside(text: str, published: dt.date | None) -> tuple[str, str] | None:
    """A full date inside a longer expression: "Thursday, March 24", "the night of February 24"."""
    for pattern in _INSIDE:
        if not (m := pattern.search(text)):
            continue
        year = m.groupdict().get("year")
        if year is None and published is None:
            return None
        d = (_safe_date(int(year), MONTHS[m["month"]], int(m["day"])) if year
             else _past_day(published, MONTHS[m["month"]], int(m["day"])) if published else None)
        return _day(d) if d else None
    return None


def _relative(text: str, published: dt.date) -> tuple[str, str] | None:
    """Expressions that need the publication date."""
    if hit := _calendar(text, published):
        return hit
    if m := _AGO.match(text):
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        return _ago(published, n, m["unit"])
    if m := _DAYPART.match(text):
        text = m["base"]
    bare = re.sub(r"^(?:on|since|from|by|until|as of)\s+", "", text)
    if bare in _NAMED:
        offset, _ = _NAMED[bare]
        return _day(published + dt.timedelta(days=offset))
    if m := _MONTH_REL.match(bare):
        return _this_or_last(published, m["rel"], m["unit"])
    return None


@functools.lru_cache(maxsize=64)
def _parser(published: dt.date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def _fallback(text: str, published: dt.date | None) -> tuple[str, str] | None:
    """dateparser, for what the fast paths do not handle; only day/month/year answers count."""
    if published is None and not re.search(r"\b(?:1[89]|20)\d\d\b", text):
        return None
    data = _parser(published).get_date_data(text)
    when, period = data.date_obj, data.period
    if when is None or period not in ("day", "month", "year"):
        return None
    if period == "day":
        return _day(when.date())
    if period == "month":
        return _month(when.year, when.month)
    return str(when.year), "year"


def resolve_date(expression: str, published: dt.date | None,
                 use_dateparser: bool = True) -> tuple[str, str] | None:
    """Resolve a date expression against the publication date.

    Args:
        expression: the expression as written ("last Sunday", "Feb. 24, 2022", "in February").
        published: the publication date; without it only expressions carrying a year resolve.
        use_dateparser: try ``dateparser`` when the fast paths do not recognise the expression.

    Returns:
        ``(value, precision)`` with value ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` and precision
        ``day`` / ``month`` / ``year``; ``None`` for durations, vague spans and unresolvable text.
    """
    text = _normalise(expression)
    if not text or len(text) > 60:
        return None
    if hit := _explicit(text):
        return hit
    if published is not None and (hit := _relative(text, published)):
        return hit
    if hit := _inside(text, published):
        return hit
    if _VAGUE.search(text) or not use_dateparser or not _NAMES_A_DATE.search(text):
        return None
    return _fallback(text, published)


_MONTH_ALT = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_WEEKDAY_ALT = "|".join(w.capitalize() for w in WEEKDAYS)
#: Date-like spans spaCy sometimes misses (it does not always tag "last March 7" or "on Sunday").
_MISSED = re.compile(
    rf"\b(?:(?:last|this past)\s+)?(?:{_MONTH_ALT})\.?\s+[0-3]?\d(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d\b)?"
    rf"|\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_ALT})\b\.?(?:,?\s+(?:19|20)\d\d\b)?"
    rf"|\b(?:(?:on|last|this past)\s+)(?:{_WEEKDAY_ALT})\b"
    r"|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")
#: Words without which an expression is no date (spaCy sometimes tags a place name DATE).
DATE_CUES = re.compile(r"\d|day|month|year|week|ago|tonight|overnight|night|morning|evening|afternoon|"
                       + "|".join(MONTHS), re.IGNORECASE)


def _span_root(doc: Doc, start: int, end: int) -> int | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else int(span.root.i)


def _candidate_spans(doc: Doc, text: str) -> list[tuple[int, int, bool]]:
    """(start, end, may use dateparser) of DATE/TIME entities and of date-like spans spaCy missed."""
    spans = [(e.start_char, e.end_char, e.label_ == "DATE") for e in doc.ents if e.label_ in ("DATE", "TIME")]
    taken = [(s, e) for s, e, _ in spans]
    for m in _MISSED.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            spans.append((m.start(), m.end(), False))
    return sorted(spans)


def find_dates(doc: Doc, published: dt.date | None, text: str | None = None) -> list[DateMention]:
    """Every date expression in a parsed document that resolves to a point date, in text order.

    Args:
        doc: the spaCy ``Doc``.
        published: the publication date relative expressions resolve against.
        text: the text ``doc`` was parsed from, if at hand (``Doc.text`` is rebuilt from the tokens).
    """
    found: list[DateMention] = []
    full = text if text is not None and len(text) == _doc_length(doc) else str(doc.text)
    for start, end, may_parse in _candidate_spans(doc, full):
        expression = full[start:end]
        if not DATE_CUES.search(expression):
            continue
        hit = resolve_date(expression, published, use_dateparser=may_parse)
        root = _span_root(doc, start, end) if hit else None
        if hit is not None and root is not None:
            found.append(DateMention(start, end, expression, hit[0], hit[1], root))
    return found


def _doc_length(doc: Doc) -> int:
    return int(doc[-1].idx + len(doc[-1].text_with_ws)) if len(doc) else 0


def annotate(state: State) -> None:
    """Pipeline stage ``dates.dateparser.v1``: fill ``state.dates`` with :class:`DateMention` objects."""
    state.dates = find_dates(state.doc, state.article.published, state.article.text)
