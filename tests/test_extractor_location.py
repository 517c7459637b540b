"""Where a learned event took place (CODING.md §7): the place a preposition governs, also when it names an actor."""

from __future__ import annotations

import pytest

from docbuild import build
from thucydides.nlp.parse import parse
from thucydides.places.resolve import resolve_places
from thucydides.places.types import PlaceMention
from thucydides.stages.extractor import _location


def _whole(doc: object) -> tuple[int, int]:
    return 0, len(doc.text)  # type: ignore[attr-defined]


def test_a_place_that_is_an_actor_is_still_the_location() -> None:
    # "Shelling in Kharkiv wounded three." -- Kharkiv stands for Ukraine (the recipient) and is the place.
    doc = build([("Shelling", 3, "nsubj", "NOUN", "shelling"), ("in", 0, "prep", "ADP", "in"),
                 ("Kharkiv", 1, "pobj", "PROPN", "Kharkiv"), ("wounded", 3, "ROOT", "VERB", "wound"),
                 ("three", 3, "dobj", "NUM", "three"), (".", 3, "punct", "PUNCT", ".")], ents=[(2, 3, "GPE")])
    assert _location(doc, _whole(doc)) == "Kharkiv"


def test_the_name_of_a_city_of_phrase_is_the_location() -> None:
    # "Troops entered the port of Berdyansk."  -- no place preposition governs it: no location.
    rows = [("Troops", 1, "nsubj", "NOUN", "troop"), ("entered", 1, "ROOT", "VERB", "enter"),
            ("the", 3, "det", "DET", "the"), ("port", 1, "dobj", "NOUN", "port"), ("of", 3, "prep", "ADP", "of"),
            ("Berdyansk", 4, "pobj", "PROPN", "Berdyansk"), (".", 1, "punct", "PUNCT", ".")]
    doc = build(rows, ents=[(5, 6, "GPE")])
    assert _location(doc, _whole(doc)) is None
    # "Troops fought near the port of Berdyansk." -- "near" governs "port", and Berdyansk names it.
    rows = [("Troops", 1, "nsubj", "NOUN", "troop"), ("fought", 1, "ROOT", "VERB", "fight"),
            ("near", 1, "prep", "ADP", "near"), ("the", 4, "det", "DET", "the"), ("port", 2, "pobj", "NOUN", "port"),
            ("of", 4, "prep", "ADP", "of"), ("Berdyansk", 5, "pobj", "PROPN", "Berdyansk"),
            (".", 1, "punct", "PUNCT", ".")]
    doc = build(rows, ents=[(6, 7, "GPE")])
    assert _location(doc, _whole(doc)) == "Berdyansk"


def test_an_attacked_state_is_no_location_but_a_visited_capital_is() -> None:
    rows = [("Chad", 1, "nsubj", "PROPN", "Chad"), ("attacked", 1, "ROOT", "VERB", "attack"),
            ("Libya", 1, "dobj", "PROPN", "Libya"), (".", 1, "punct", "PUNCT", ".")]
    doc = build(rows, ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert _location(doc, _whole(doc)) is None
    rows[1] = ("visited", 1, "ROOT", "VERB", "visit")
    doc = build(rows, ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert _location(doc, _whole(doc)) == "Libya"


@pytest.mark.parametrize(("text", "place"), [
    ("A missile struck a bus stop in Toretsk on Tuesday, killing four people.", "Toretsk"),
    ("Police clashed with protesters outside Tbilisi on Friday.", "Tbilisi"),
    ("Gunmen attacked a checkpoint in the town of Kramatorsk, the army said.", "Kramatorsk"),
    ("Rebels shelled a market in the city of Aleppo.", "Aleppo"),
    ("The Polish president travelled to Vilnius for talks with his Lithuanian counterpart.", "Vilnius"),
    ("Turkish warplanes struck targets across northern Iraq.", "Iraq"),
    ("Colombia and Venezuela agreed to reopen their border.", None),
    ("Canada imposed new sanctions on Russia over the war.", None),
    ("Diplomats held talks over Ukraine in Geneva.", "Geneva"),
    ("Two drones exploded over Kyiv at dawn.", "Kyiv"),
    ("Shells hit a school in Ukraine near Kharkiv overnight.", "Kharkiv"),
])
def test_parsed_sentences_in_varied_wording(text: str, place: str | None) -> None:
    doc = parse(text)
    assert _location(doc, _whole(doc), resolve_places(text, doc)) == place


def test_a_place_mention_the_parse_did_not_label_is_a_candidate() -> None:
    # "Gunmen raided a village near Ouallam." with no entity at all: the place mention alone gives it.
    rows = [("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("raided", 1, "ROOT", "VERB", "raid"),
            ("a", 3, "det", "DET", "a"), ("village", 1, "dobj", "NOUN", "village"),
            ("near", 3, "prep", "ADP", "near"), ("Ouallam", 4, "pobj", "PROPN", "Ouallam"),
            (".", 1, "punct", "PUNCT", ".")]
    doc = build(rows)
    assert _location(doc, _whole(doc)) is None
    start = doc.text.index("Ouallam")
    assert _location(doc, _whole(doc), [PlaceMention("Ouallam", start, start + 7)]) == "Ouallam"
    assert _location(doc, (0, start - 6), [PlaceMention("Ouallam", start, start + 7)]) is None  # another sentence
