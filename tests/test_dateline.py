"""Datelines: the outlet a wire report names in its opening parentheses is no place (nor anything of the story)."""

from __future__ import annotations

import pytest

from thucydides.nlp.dateline import outlet_spans
from thucydides.nlp.parse import parse
from thucydides.places import resolve_places


@pytest.mark.parametrize(("text", "outlet"), [
    ("DUBAI, May 3 (Gulf Maritime Wire) - Iranian boats seized a tanker.", "Gulf Maritime Wire"),
    ("KYIV (Reuters) - Russia fired missiles overnight.", "Reuters"),
    ("Geneva, 4 May 2024 (Alpine Post) — Talks resumed.", "Alpine Post"),
    ("SAN JOSE, Costa Rica, Jan. 5 (Central Desk) – Officials met.", "Central Desk"),
    ("A first line.\nBAMAKO, June 2 (Sahel Dispatch) - Gunmen attacked.", "Sahel Dispatch"),
])
def test_the_outlet_of_a_dateline_is_found(text: str, outlet: str) -> None:
    assert [text[a:b] for a, b in outlet_spans(text)] == [outlet]


@pytest.mark.parametrize("text", [
    "Russia (which denies it) - is accused of the strike.",  # no date, not a place in capitals
    "Russia (Moscow) - is accused.",
    "The ministry (MoD) - said nothing.",
    "Troops entered Gao on Monday (local time) and left.",  # not at the start of a paragraph
])
def test_other_parentheses_are_no_dateline(text: str) -> None:
    assert outlet_spans(text) == []


def test_the_outlet_words_are_no_places_and_the_dateline_city_is_one() -> None:
    text = "DUBAI, May 3 (Gulf Maritime Wire) - Iranian boats seized a tanker near the Strait of Hormuz."
    found = {m.text: m for m in resolve_places(text, parse(text))}
    assert "Gulf" not in found and "Maritime" not in found  # Gulf Province, PNG; Maritime Region, Togo
    assert found["DUBAI"].place is not None and found["DUBAI"].place.country == "ARE"
    text = "TOKYO, Jan 5 (Pacific Ledger) - Japan protested to Beijing."
    assert "Pacific" not in {m.text for m in resolve_places(text, parse(text))}
