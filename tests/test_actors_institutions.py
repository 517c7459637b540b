"""A state's institutions named without the state take its code when the context names one state
(``actors.institution.v2``, CODING.md §2)."""

from __future__ import annotations

import pytest

from thucydides.model import Actor, ActorMention, Article, Provenance
from thucydides.nlp.parse import parse
from thucydides.pipeline.state import State
from thucydides.stages.actors.annotate import mentions_of
from thucydides.stages.actors.institutions import EXTRACTOR, institution_mentions


def _codes(text: str) -> dict[str, str]:
    return {m.text: m.actor.code for m in mentions_of(State(Article(text, id="t"), parse(text)))
            if m.provenance.extractor == EXTRACTOR}


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen attacked a checkpoint near Mopti, Malian officials said. The army said it had sent reinforcements.",
     {"The army": "MLI"}),
    ("Protests spread across Colombia on Friday. The government imposed a curfew and the police arrested 40 people.",
     {"The government": "COL", "the police": "COL"}),
    # a placed mention carries its state on: the junta is two sentences after the last "Niger"
    (("Niger closed its airspace. The junta said the move was temporary. Flights were diverted. "
     "The authorities gave no date."), {"The junta": "NER", "The authorities": "NER"}),
])
def test_an_institution_takes_the_one_state_its_context_names(text: str, expected: dict[str, str]) -> None:
    found = _codes(text)
    for words, code in expected.items():
        assert found.get(words) == code


@pytest.mark.parametrize("text", [
    "Russian and Ukrainian officials met in Istanbul. The army said the talks had failed.",   # two states
    "The army said the talks had failed.",                                                     # none
    "Kenya and Somalia signed a deal. Officials said a police station would reopen.",        # not definite
])
def test_an_institution_stays_without_a_code_when_the_state_is_not_clear(text: str) -> None:
    placed = [m for m in mentions_of(State(Article(text, id="t"), parse(text)))
              if m.provenance.extractor == EXTRACTOR]
    assert placed == []


def test_the_state_must_be_named_within_two_sentences_before() -> None:
    doc = parse("Chad held elections. Turnout was low. Results came late. Observers left. The army stayed.")
    chad = ActorMention(Actor("TCD", "GOV", "Chad", "state"), "Chad", Provenance("t", 0, 4, "x", "0"))
    army_at = str(doc.text).index("The army")
    army = ActorMention(Actor("", "MIL", "The army", "group"), "The army",
                        Provenance("t", army_at, army_at + 8, "x", "0"))
    assert institution_mentions(doc, [chad, army], "t") == []
    near = parse("Chad held elections. The army stayed.")
    army_near = ActorMention(Actor("", "MIL", "The army", "group"), "The army", Provenance("t", 21, 29, "x", "0"))
    [placed] = institution_mentions(near, [chad, army_near], "t")
    assert (placed.actor.code, placed.actor.sector, placed.provenance.extractor) == ("TCD", "MIL", EXTRACTOR)


@pytest.mark.parametrize(("text", "expected"), [
    # a person of a state names it: no state word in the sentences before "The government"
    ("Emmanuel Macron spoke to farmers on Tuesday. The government promised new subsidies.",
     {"The government": "FRA"}),
    # nearby sentences name three states; the document has named Sudan most often
    (("Sudan's army shelled Omdurman overnight. Sudanese officials blamed a paramilitary group. "
      "Egypt and Saudi Arabia called for a truce. The government rejected the call."), {"The government": "SDN"}),
    # the nearby sentences name no state: the document's leading state
    (("Bolivian police cleared a road block near La Paz. Bolivia's miners had blocked it for a week. "
      "Several people were hurt. Prices of fuel rose sharply. The army was deployed on Sunday."),
     {"The army": "BOL"}),
])
def test_the_documents_leading_state_stands_for_an_institution_the_nearby_text_leaves_open(
        text: str, expected: dict[str, str]) -> None:
    found = _codes(text)
    for words, code in expected.items():
        assert found.get(words) == code


@pytest.mark.parametrize("text", [
    # two states named equally often
    "Armenia accused Azerbaijan of shelling. Azerbaijan and Armenia traded blame. The army said it returned fire.",
    # the leading state is not among the states named nearby
    ("Peru's president flew to Lima. Peruvian ministers waited. Schools closed early. Markets were quiet. "
     "Chile and Argentina met in Santiago on Friday. The government said talks went well."),
])
def test_no_leading_state_or_one_the_nearby_text_contradicts_leaves_an_institution_without_a_code(
        text: str) -> None:
    placed = [m for m in mentions_of(State(Article(text, id="t"), parse(text)))
              if m.provenance.extractor == EXTRACTOR]
    assert [m.text for m in placed if m.text.lower().startswith("the government") or m.text == "The army"] == []
