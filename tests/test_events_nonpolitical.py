"""The disaster filter ``events.nonpolitical.v1`` (CODING.md §1: natural disasters give no propositions).

Rule tests on hand-built parses (so a model update cannot break them), then whole-pipeline sentences in the
team's own wording, with other hazards, places and actors than any corpus line.
"""

from __future__ import annotations

import pytest

import thucydides
from docbuild import build, mention
from thucydides.pipeline.state import EventMention
from thucydides.stages.events.nonpolitical import hazard_sentence, keep_events, result_sentence


def _event(doc, trigger: int, actor: tuple[str, ...] = (), recipient: tuple[str, ...] = ()) -> EventMention:
    return EventMention("ASSAULT", None, trigger, actor, recipient, 0, len(doc.text), (0, len(doc.text)), "test")


def _typhoon():
    # Typhoon Noru kills 12 villagers in Luzon .
    return build([("Typhoon", 1, "compound", "PROPN", "Typhoon"), ("Noru", 2, "nsubj", "PROPN", "Noru"),
                  ("kills", 2, "ROOT", "VERB", "kill"), ("12", 4, "nummod", "NUM", "12"),
                  ("villagers", 2, "dobj", "NOUN", "villager"), ("in", 2, "prep", "ADP", "in"),
                  ("Luzon", 5, "pobj", "PROPN", "Luzon"), (".", 2, "punct", "PUNCT", ".")])


def _landslide():
    # Nine people were killed by landslides in Kerala .
    return build([("Nine", 1, "nummod", "NUM", "nine"), ("people", 3, "nsubjpass", "NOUN", "people"),
                  ("were", 3, "auxpass", "AUX", "be"), ("killed", 3, "ROOT", "VERB", "kill"),
                  ("by", 3, "agent", "ADP", "by"), ("landslides", 4, "pobj", "NOUN", "landslide"),
                  ("in", 5, "prep", "ADP", "in"), ("Kerala", 6, "pobj", "PROPN", "Kerala"),
                  (".", 3, "punct", "PUNCT", ".")])


def _quake_rescue():
    # Turkish rescuers pulled survivors from the rubble after the earthquake .
    return build([("Turkish", 1, "amod", "ADJ", "turkish"), ("rescuers", 2, "nsubj", "NOUN", "rescuer"),
                  ("pulled", 2, "ROOT", "VERB", "pull"), ("survivors", 2, "dobj", "NOUN", "survivor"),
                  ("from", 2, "prep", "ADP", "from"), ("the", 6, "det", "DET", "the"),
                  ("rubble", 4, "pobj", "NOUN", "rubble"), ("after", 2, "prep", "ADP", "after"),
                  ("the", 9, "det", "DET", "the"), ("earthquake", 7, "pobj", "NOUN", "earthquake"),
                  (".", 2, "punct", "PUNCT", ".")])


def _set_fire():
    # A fire set by Russian soldiers destroyed the school .
    return build([("A", 1, "det", "DET", "a"), ("fire", 6, "nsubj", "NOUN", "fire"), ("set", 1, "acl", "VERB", "set"),
                  ("by", 2, "agent", "ADP", "by"), ("Russian", 5, "amod", "ADJ", "russian"),
                  ("soldiers", 3, "pobj", "NOUN", "soldier"), ("destroyed", 6, "ROOT", "VERB", "destroy"),
                  ("the", 8, "det", "DET", "the"), ("school", 6, "dobj", "NOUN", "school"),
                  (".", 6, "punct", "PUNCT", ".")])


def _strike_fire():
    # A fire after a drone strike killed three workers .
    return build([("A", 1, "det", "DET", "a"), ("fire", 6, "nsubj", "NOUN", "fire"), ("after", 1, "prep", "ADP", "after"),
                  ("a", 5, "det", "DET", "a"), ("drone", 5, "compound", "NOUN", "drone"),
                  ("strike", 2, "pobj", "NOUN", "strike"), ("killed", 6, "ROOT", "VERB", "kill"),
                  ("three", 8, "nummod", "NUM", "three"), ("workers", 6, "dobj", "NOUN", "worker"),
                  (".", 6, "punct", "PUNCT", ".")])


def test_a_hazard_that_kills_or_strikes_makes_a_disaster_sentence() -> None:
    doc = _typhoon()
    luzon = mention(doc, 6, 7, "PHL")
    assert hazard_sentence(doc[:], [luzon])
    assert keep_events(doc, [_event(doc, 2, recipient=("PHL",))], [luzon]) == []


def test_a_hazard_as_the_agent_of_a_passive_verb() -> None:
    doc = _landslide()
    kerala = mention(doc, 7, 8, "IND")
    assert hazard_sentence(doc[:], [kerala])
    assert keep_events(doc, [_event(doc, 3, recipient=("IND",))], [kerala]) == []


def test_an_actor_acting_after_a_disaster_keeps_its_event() -> None:
    doc = _quake_rescue()
    turkish = mention(doc, 0, 1, "TUR")
    assert hazard_sentence(doc[:], [turkish])  # the earthquake is a cause in the sentence ...
    event = _event(doc, 2, actor=("TUR",))
    assert keep_events(doc, [event], [turkish]) == [event]  # ... but pulling survivors is Turkey's act


def test_a_fire_someone_set_or_a_strike_caused_is_not_a_disaster() -> None:
    doc = _set_fire()
    assert not hazard_sentence(doc[:], [mention(doc, 4, 5, "RUS")])
    assert hazard_sentence(doc[:], [])  # with no actor named, a fire set by "soldiers" is no one's act here
    assert not hazard_sentence(_strike_fire()[:], [])


@pytest.mark.parametrize("text", [
    # each of these gave an ASSAULT on the country before the filter, with both extractors
    "Cyclone Mocha kills 40 people in Myanmar.",
    "A powerful earthquake strikes Morocco, killing more than 2,000 people.",
    "Flash floods kill 25 people in Pakistan's Khyber Pakhtunkhwa province.",
    "Wildfires in Greece kill 20 people and destroy hundreds of homes.",
    "At least 60 people are dead after Typhoon Haikui struck southern Taiwan.",
])
def test_the_pipeline_codes_no_event_for_a_natural_disaster(text: str) -> None:
    for extractor in ("rules", "learned"):
        doc = thucydides.extract(text, published="2024-06-04", extractor=extractor)
        assert doc.propositions == (), (extractor, [(p.type, p.actor) for p in doc.propositions])


@pytest.mark.parametrize(("text", "type_", "actor"), [
    ("Russian missiles struck a power plant in Kharkiv after heavy rain.", "ASSAULT", "RUS"),
    ("Israeli jets bombed a depot in Gaza as a storm hit the coast.", "ASSAULT", "ISR"),
])
def test_an_attack_in_bad_weather_is_still_an_attack(text: str, type_: str, actor: str) -> None:
    doc = thucydides.extract(text, published="2024-06-04", extractor="rules")
    assert any(p.type == type_ and actor in p.actor for p in doc.propositions)


def test_fire_read_as_a_noun_inside_a_noun_phrase_is_not_a_hazard() -> None:
    # Rebels fire rockets at the airport . (the parser read "Rebels fire rockets" as one noun phrase)
    doc = build([("Rebels", 2, "compound", "PROPN", "Rebels"), ("fire", 2, "compound", "NOUN", "fire"),
                 ("rockets", 2, "ROOT", "NOUN", "rocket"), ("at", 2, "prep", "ADP", "at"),
                 ("the", 5, "det", "DET", "the"), ("airport", 3, "pobj", "NOUN", "airport"),
                 (".", 2, "punct", "PUNCT", ".")], tags={2: "NNS"})
    assert not hazard_sentence(doc[:], [])
    # the same misreading with a verb at the root: "A strong earthquake strikes Peru ." (compound of a verb)
    doc = build([("A", 2, "det", "DET", "a"), ("strong", 2, "amod", "ADJ", "strong"),
                 ("earthquake", 3, "compound", "NOUN", "earthquake"), ("strikes", 3, "ROOT", "VERB", "strike"),
                 ("Peru", 3, "dobj", "PROPN", "Peru"), (".", 3, "punct", "PUNCT", ".")], tags={3: "VBZ"})
    assert hazard_sentence(doc[:], [mention(doc, 4, 5, "PER")])


def _crash(words: list[tuple[str, int, str, str, str]]):
    return build(words, tags={i: "VBZ" for i, w in enumerate(words) if w[3] == "VERB"})


def test_an_accident_is_no_ones_act_even_when_a_states_aircraft_has_it() -> None:
    # An Indian jet crashes near Jodhpur . (the jet's state is named, but a crash is an accident)
    doc = _crash([("An", 2, "det", "DET", "an"), ("Indian", 2, "amod", "ADJ", "indian"),
                  ("jet", 3, "nsubj", "NOUN", "jet"), ("crashes", 3, "ROOT", "VERB", "crash"),
                  ("near", 3, "prep", "ADP", "near"), ("Jodhpur", 4, "pobj", "PROPN", "Jodhpur"),
                  (".", 3, "punct", "PUNCT", ".")])
    indian = mention(doc, 1, 2, "IND")
    assert hazard_sentence(doc[:], [indian])
    assert keep_events(doc, [_event(doc, 3, actor=("IND",))], [indian]) == []


def test_a_crash_someone_caused_is_not_an_accident() -> None:
    # Rebels shoot down a helicopter , which crashes . / The ferry sinks the barge . (an object: not an accident)
    doc = _crash([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("shoot", 1, "ROOT", "VERB", "shoot"),
                  ("down", 1, "prt", "ADP", "down"), ("a", 4, "det", "DET", "a"),
                  ("helicopter", 1, "dobj", "NOUN", "helicopter"), ("which", 6, "nsubj", "PRON", "which"),
                  ("crashes", 1, "conj", "VERB", "crash"), (".", 1, "punct", "PUNCT", ".")])
    assert not hazard_sentence(doc[:], [])
    doc = _crash([("The", 1, "det", "DET", "the"), ("ferry", 2, "nsubj", "NOUN", "ferry"),
                  ("sinks", 2, "ROOT", "VERB", "sink"), ("the", 4, "det", "DET", "the"),
                  ("barge", 2, "dobj", "NOUN", "barge"), (".", 2, "punct", "PUNCT", ".")])
    assert not hazard_sentence(doc[:], [])


def test_a_disaster_reported_by_an_actor_is_still_no_ones_act() -> None:
    # The ministry said floods killed nine people . (saying so is not doing it)
    doc = build([("The", 1, "det", "DET", "the"), ("ministry", 2, "nsubj", "NOUN", "ministry"),
                 ("said", 2, "ROOT", "VERB", "say"), ("floods", 4, "nsubj", "NOUN", "flood"),
                 ("killed", 2, "ccomp", "VERB", "kill"), ("nine", 6, "nummod", "NUM", "nine"),
                 ("people", 4, "dobj", "NOUN", "people"), (".", 2, "punct", "PUNCT", ".")])
    ministry = mention(doc, 0, 2, "KEN")
    assert keep_events(doc, [_event(doc, 4)], [ministry]) == []


def test_the_pipeline_codes_no_event_for_an_aircraft_crash() -> None:
    text = "A Russian Su-30 fighter crashes into an apartment block in Irkutsk, killing two pilots."
    for extractor in ("rules", "learned"):
        assert thucydides.extract(text, published="2024-06-04", extractor=extractor).propositions == ()


@pytest.mark.parametrize("text", [
    "A Syrian army helicopter is shot down by rebels and crashes near Idlib.",
    "A Ukrainian drone hits an oil depot in Bryansk, causing the roof to collapse.",
])
def test_a_crash_or_collapse_an_attack_caused_keeps_the_attack(text: str) -> None:
    assert any(p.type == "ASSAULT" for p in thucydides.extract(text, published="2024-06-04",
                                                               extractor="rules").propositions)


@pytest.mark.parametrize("text", [
    # each gave an event between the two countries before the filter (ASSAULT or SANCTION)
    "Morocco beat Portugal 1-0 in the World Cup quarter-final in Doha.",
    "Argentina defeat France on penalties to win the World Cup final.",
    "Japan beat Germany in their opening match of the tournament.",
])
def test_a_game_result_is_no_event(text: str) -> None:
    for extractor in ("rules", "learned"):
        doc = thucydides.extract(text, published="2022-12-10", extractor=extractor)
        assert doc.propositions == (), (extractor, [(p.type, p.actor) for p in doc.propositions])


def test_result_sentences_need_a_score_or_a_word_of_sport_or_election() -> None:
    # Ukrainian troops beat back an assault near Bakhmut . (a victory verb, but no game and no vote)
    doc = build([("Ukrainian", 1, "amod", "ADJ", "ukrainian"), ("troops", 2, "nsubj", "NOUN", "troop"),
                 ("beat", 2, "ROOT", "VERB", "beat"), ("back", 2, "prt", "ADP", "back"), ("an", 5, "det", "DET", "an"),
                 ("assault", 2, "dobj", "NOUN", "assault"), ("near", 2, "prep", "ADP", "near"),
                 ("Bakhmut", 6, "pobj", "PROPN", "Bakhmut"), (".", 2, "punct", "PUNCT", ".")])
    assert not result_sentence(doc[:])
    # The party wins 30 seats . / Ghana beat Chad 2-1 .
    doc = build([("The", 1, "det", "DET", "the"), ("party", 2, "nsubj", "NOUN", "party"),
                 ("wins", 2, "ROOT", "VERB", "win"), ("30", 4, "nummod", "NUM", "30"),
                 ("seats", 2, "dobj", "NOUN", "seat"), (".", 2, "punct", "PUNCT", ".")])
    assert result_sentence(doc[:])
    doc = build([("Ghana", 1, "nsubj", "PROPN", "Ghana"), ("beat", 1, "ROOT", "VERB", "beat"),
                 ("Chad", 1, "dobj", "PROPN", "Chad"), ("2-1", 1, "npadvmod", "NUM", "2-1"),
                 (".", 1, "punct", "PUNCT", ".")])
    assert result_sentence(doc[:])
    event = _event(doc, 1, actor=("GHA",), recipient=("TCD",))
    assert keep_events(doc, [event], [mention(doc, 0, 1, "GHA"), mention(doc, 2, 3, "TCD")]) == []
