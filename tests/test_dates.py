"""Stage 8: date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thucydides.model import Article
from thucydides.nlp.parse import parse
from thucydides.pipeline.state import Annotated
from thucydides.stages import dates
from thucydides.stages.dates import DateMention, annotate, find_dates, resolve_date

TUE = dt.date(2022, 3, 15)  # a Tuesday
MON = dt.date(2023, 10, 9)  # a Monday
NEW_YEAR = dt.date(2024, 1, 4)  # a Thursday


@pytest.mark.parametrize(("expression", "published", "expected"), [
    ("last Sunday", TUE, ("2022-03-13", "day")),
    ("this past Sunday", TUE, ("2022-03-13", "day")),
    ("last Tuesday", TUE, ("2022-03-08", "day")),
    ("on Monday", TUE, ("2022-03-14", "day")),
    ("Saturday", MON, ("2023-10-07", "day")),
    ("Sunday night", MON, ("2023-10-08", "day")),
    ("next Friday", MON, ("2023-10-13", "day")),
    ("last March 7", TUE, ("2022-03-07", "day")),
    ("March 7", TUE, ("2022-03-07", "day")),
    ("March 20", TUE, ("2022-03-20", "day")),  # the coming one: within a month after publication
    ("May 20", TUE, ("2021-05-20", "day")),
    ("last March 20", TUE, ("2021-03-20", "day")),
    ("7 October", MON, ("2023-10-07", "day")),
    ("the 24th of February", TUE, ("2022-02-24", "day")),
    ("December 28", NEW_YEAR, ("2023-12-28", "day")),
    ("yesterday", TUE, ("2022-03-14", "day")),
    ("yesterday morning", NEW_YEAR, ("2024-01-03", "day")),
    ("today", MON, ("2023-10-09", "day")),
    ("last night", NEW_YEAR, ("2024-01-03", "day")),
    ("two days ago", TUE, ("2022-03-13", "day")),
    ("3 weeks ago", TUE, ("2022-02-22", "day")),
    ("a year ago", MON, ("2022", "year")),
    ("earlier this month", TUE, ("2022-03", "month")),
    ("last month", NEW_YEAR, ("2023-12", "month")),
    ("this year", MON, ("2023", "year")),
    ("last year", TUE, ("2021", "year")),
    ("in February", TUE, ("2022-02", "month")),
    ("in March", TUE, ("2022-03", "month")),
    ("last March", TUE, ("2021-03", "month")),
    ("in November", NEW_YEAR, ("2023-11", "month")),
    ("mid-March", TUE, ("2022-03", "month")),
    ("in 2021", TUE, ("2021", "year")),
    ("24 February 2022", None, ("2022-02-24", "day")),
    ("Feb. 24, 2022", None, ("2022-02-24", "day")),
    ("February 24th, 2022", None, ("2022-02-24", "day")),
    ("2022-02-24", None, ("2022-02-24", "day")),
    ("October 2023", None, ("2023-10", "month")),
    ("Thursday, March 24", dt.date(2022, 3, 31), ("2022-03-24", "day")),
    ("the night of February 24", TUE, ("2022-02-24", "day")),
    ("Thursday's", TUE, ("2022-03-10", "day")),
    ("late on Sunday", MON, ("2023-10-08", "day")),
    ("the end of February", TUE, ("2022-02", "month")),
    ("the beginning of March 2021", None, ("2021-03", "month")),
    ("this month's", NEW_YEAR, ("2024-01", "month")),
])
def test_resolve_date(expression: str, published: dt.date | None, expected: tuple[str, str]) -> None:
    assert resolve_date(expression, published) == expected


@pytest.mark.parametrize("expression", [
    "three weeks", "about three weeks", "for years", "in recent months", "decades to come", "the 1990s",
    "the past day", "the past 24 hours", "last week", "a month", "several days", "the weekend", "so far",
    "February 30, 2022", "11", "", "   ",
])
def test_durations_and_vague_spans_are_not_dates(expression: str) -> None:
    assert resolve_date(expression, TUE) is None


@pytest.mark.parametrize("expression", ["last Sunday", "March 7", "yesterday", "two days ago", "in February",
                                        "earlier this month"])
def test_relative_expressions_need_a_publication_date(expression: str) -> None:
    assert resolve_date(expression, None) is None
    assert resolve_date(expression, TUE) is not None


def test_unusual_forms_fall_back_to_dateparser_once() -> None:
    dates._fallback.cache_clear()
    assert resolve_date("March of 2021", TUE) == ("2021-03", "month")
    assert resolve_date("2021/03/04", None) == ("2021-03-04", "day")
    assert resolve_date("March of 2021", TUE) == ("2021-03", "month")
    info = dates._fallback.cache_info()
    assert (info.misses, info.hits) == (2, 1)


def test_common_forms_never_reach_dateparser() -> None:
    dates._fallback.cache_clear()
    for expression in ("last Sunday", "March 7", "two days ago", "in 2021", "Feb. 24, 2022", "three weeks"):
        resolve_date(expression, TUE)
    assert dates._fallback.cache_info().misses == 0


TEXT = ("Israeli jets struck targets in southern Lebanon last Sunday, the army said. "
        "The cabinet had approved the operation on 2 October 2023, and the ministry said on Friday "
        "that strikes would continue for weeks. Talks held last March 7 in Cairo went nowhere.")


def test_find_dates_offsets_values_and_roots() -> None:
    doc = parse(TEXT)
    found = find_dates(doc, MON)
    by_text = {m.text: m for m in found}
    assert by_text["last Sunday"].value == "2023-10-08"
    assert by_text["2 October 2023"] == DateMention(
        TEXT.index("2 October 2023"), TEXT.index("2 October 2023") + 14, "2 October 2023", "2023-10-02", "day",
        by_text["2 October 2023"].root)
    assert any(m.value == "2023-10-06" and "Friday" in m.text for m in found)
    assert any(m.value == "2023-03-07" and "March 7" in m.text for m in found)
    assert all(m.value != "weeks" and "weeks" not in m.text for m in found)
    for m in found:
        assert TEXT[m.start:m.end] == m.text
        assert m.start <= doc[m.root].idx < m.end


def test_annotate_fills_state_dates_and_handles_missing_publication_date() -> None:
    article = Article(text=TEXT, published=MON)
    state = Annotated(article, parse(TEXT))
    annotate(state)
    assert [m.value for m in state.dates] == [m.value for m in find_dates(state.doc, MON)]
    undated = Annotated(Article(text=TEXT), state.doc)
    annotate(undated)
    assert [m.value for m in undated.dates] == ["2023-10-02"]


def test_seed_article_dates(shared_dir: Path) -> None:
    text = (shared_dir / "corpus" / "seed" / "000_c6385ec3c383c15e.txt").read_text(encoding="utf-8")
    found = {m.text: m.value for m in find_dates(parse(text), dt.date(2022, 3, 15))}
    assert found == {"last March 7": "2022-03-07", "last Sunday": "2022-03-13"}
