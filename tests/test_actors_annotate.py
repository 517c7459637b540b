"""The actors.gazetteer.v1 stage on short articles written for these tests (invented or paraphrased events)."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides._version import __version__
from thucydides.model import ActorMention, Article
from thucydides.nlp.parse import parse
from thucydides.pipeline.state import Annotated
from thucydides.stages.actors import annotate

Row = tuple[str, str | None, str, str]


def _mentions(text: str, published: str | None = "2025-03-01") -> list[ActorMention]:
    day = dt.date.fromisoformat(published) if published else None
    state = Annotated(Article(text, published=day), parse(text))
    annotate(state)
    return state.mentions


def _at(mentions: list[ActorMention], text: str, phrase: str, nth: int = 0) -> list[ActorMention]:
    """Mentions exactly over the ``nth`` occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [m for m in mentions if (m.start, m.end) == (start, start + len(phrase))]


def _one(mentions: list[ActorMention], text: str, phrase: str, nth: int = 0) -> Row:
    found = _at(mentions, text, phrase, nth)
    assert len(found) == 1, (phrase, found)
    a = found[0].actor
    return a.code, a.sector, a.name, found[0].provenance.extractor


def _longest(mentions: list[ActorMention], text: str, word: str) -> str:
    """The code of the longest mention containing the first occurrence of ``word`` (as the role stage looks up)."""
    start = text.index(word)
    around = [m for m in mentions if m.start <= start and start + len(word) <= m.end]
    return max(around, key=lambda m: m.end - m.start).actor.code


MIDEAST = ("Iran's Foreign Minister Abbas Araghchi accused Israel of striking a consulate in Damascus. "
           "Araghchi said Tehran would respond at a time of its choosing. Israeli military spokesman Daniel "
           "Hagari declined to comment, but he said the IDF remained on high alert. The two countries have traded "
           "threats for years.")


def test_titles_possessives_surnames_and_pronouns() -> None:
    ms = _mentions(MIDEAST)
    assert _one(ms, MIDEAST, "Iran's Foreign Minister Abbas Araghchi") == (
        "IRN", "GOV", "Abbas Araghchi", "actors.gazetteer.v1")
    assert _one(ms, MIDEAST, "Araghchi", 1)[:3] == ("IRN", "GOV", "Abbas Araghchi")
    assert _one(ms, MIDEAST, "Tehran")[:2] == ("IRN", "GOV")
    assert _one(ms, MIDEAST, "its") == ("IRN", "GOV", "Iran", "actors.coref.v2")
    assert _one(ms, MIDEAST, "he")[2:] == ("Daniel Hagari", "actors.coref.v2")
    assert _one(ms, MIDEAST, "Israeli military spokesman Daniel Hagari")[:2] == ("ISR", "MIL")
    pair = _at(ms, MIDEAST, "The two countries")
    assert sorted(m.actor.code for m in pair) == ["IRN", "ISR"]
    assert {m.provenance.extractor for m in pair} == {"actors.coref.v2"}
    assert _longest(ms, MIDEAST, "Damascus") == "SYR"


SOUTH_ASIA = ("Pakistani troops exchanged fire with Indian soldiers along the Line of Control on Tuesday, the "
              "Pakistan Army said. New Delhi denied that its forces had opened fire first. India's External "
              "Affairs Minister Subrahmanyam Jaishankar told reporters that both sides should show restraint. "
              "Pakistan's prime minister said his government would raise the matter at the UN Security Council.")


def test_demonyms_capitals_possessive_phrases_and_both_sides() -> None:
    ms = _mentions(SOUTH_ASIA)
    assert _one(ms, SOUTH_ASIA, "Pakistani troops")[:2] == ("PAK", "MIL")
    assert _one(ms, SOUTH_ASIA, "Indian soldiers")[:2] == ("IND", "MIL")
    assert _one(ms, SOUTH_ASIA, "New Delhi")[:2] == ("IND", "GOV")
    assert _one(ms, SOUTH_ASIA, "its forces")[:2] == ("IND", "MIL")
    assert sorted(m.actor.code for m in _at(ms, SOUTH_ASIA, "both sides")) == ["IND", "PAK"]
    assert _one(ms, SOUTH_ASIA, "Pakistan's prime minister")[:3] == ("PAK", "GOV", "Shehbaz Sharif")
    assert _one(ms, SOUTH_ASIA, "his government")[:2] == ("PAK", "GOV")
    assert _longest(ms, SOUTH_ASIA, "Security Council") == "UN"
    assert _longest(ms, SOUTH_ASIA, "Jaishankar") == "IND"


CAUCASUS = ("Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels. "
            "Baku accused Yerevan of delaying the demarcation of the border, while the Armenian foreign ministry "
            "said it remained committed to dialogue. Russian peacekeepers left the region in 2024.")


def test_seats_of_government_and_adjectival_mentions() -> None:
    ms = _mentions(CAUCASUS)
    assert _one(ms, CAUCASUS, "Armenian Prime Minister Nikol Pashinyan")[:3] == ("ARM", "GOV", "Nikol Pashinyan")
    assert _one(ms, CAUCASUS, "Azerbaijani President Ilham Aliyev")[:2] == ("AZE", "GOV")
    assert _one(ms, CAUCASUS, "Baku")[:2] == ("AZE", "GOV")
    assert _one(ms, CAUCASUS, "Yerevan")[:2] == ("ARM", "GOV")
    assert _one(ms, CAUCASUS, "the Armenian foreign ministry")[:2] == ("ARM", "DIP")
    assert _one(ms, CAUCASUS, "it")[:2] == ("ARM", "DIP")
    assert _one(ms, CAUCASUS, "Russian peacekeepers")[:2] == ("RUS", "MIL")


INVENTED = ("Ruritanian Defence Minister Otto Blumenfeld said on Monday that Moldovan border guards had "
            "detained two smugglers. Blumenfeld said he would ask the OSCE to investigate. The group said it "
            "had no comment. Transnistria's leaders rejected the claim.")


def test_unknown_people_are_tracked_by_title_and_surname() -> None:
    ms = _mentions(INVENTED)
    full = _one(ms, INVENTED, "Ruritanian Defence Minister Otto Blumenfeld")
    assert full[1:] == ("GOV", "Otto Blumenfeld", "actors.gazetteer.v1")
    assert _one(ms, INVENTED, "Blumenfeld", 1) == ("", "GOV", "Otto Blumenfeld", "actors.alias.v1")
    assert _one(ms, INVENTED, "he")[2] == "Otto Blumenfeld"
    assert _one(ms, INVENTED, "Moldovan border guards")[:2] == ("MDA", "COP")
    assert _longest(ms, INVENTED, "OSCE") == "OSCE"
    assert not _at(ms, INVENTED, "it"), "'the group said it' has an unknown speaker: leave 'it' alone"
    assert _longest(ms, INVENTED, "Transnistria") == "PMR"


TAIWAN = ("Taiwan's Defence Minister Wellington Koo said Chinese warplanes had crossed the median line. Beijing "
          "called the remarks provocative. Chinese Foreign Ministry spokesperson Lin Jian said the People's "
          "Liberation Army would defend the country's sovereignty. Koo said Taipei would not be intimidated. "
          "A spokesperson for Washington said the White House was monitoring the situation.")


def test_taiwan_strait_story() -> None:
    ms = _mentions(TAIWAN, "2025-02-01")
    assert _one(ms, TAIWAN, "Taiwan's Defence Minister Wellington Koo")[:3] == ("TWN", "GOV", "Wellington Koo")
    assert _one(ms, TAIWAN, "Chinese warplanes")[:2] == ("CHN", "MIL")
    assert _one(ms, TAIWAN, "Chinese Foreign Ministry spokesperson Lin Jian")[:3] == ("CHN", "DIP", "Lin Jian")
    assert _longest(ms, TAIWAN, "People's Liberation Army") == "CHN"
    assert _one(ms, TAIWAN, "Koo", 1)[:3] == ("TWN", "GOV", "Wellington Koo")
    assert _one(ms, TAIWAN, "the White House")[:2] == ("USA", "GOV")


def test_provenance_offsets_and_version() -> None:
    text = "Hamas said it had accepted a truce proposed by Egypt and Qatar."
    ms = _mentions(text, None)
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.provenance.document == Article(text).id
        assert m.provenance.version == __version__
    assert _one(ms, text, "it")[:2] == ("PSE", "REB")
    assert _one(ms, text, "Egypt")[0] == "EGY"


@pytest.mark.parametrize("text", ["It is raining in the valley.", "No actors here at all, just prose.", "..."])
def test_texts_without_actors_give_no_mentions(text: str) -> None:
    assert _mentions(text) == []


def test_expletive_it_is_left_alone() -> None:
    text = "Russia attacked the city. It is unclear how many people died."
    ms = _mentions(text)
    assert not _at(ms, text, "It")


GUYANA = ("White House National Security Adviser Jake Sullivan met his Brazilian counterpart Celso Amorim on "
          "Friday. Sullivan said Venezuelan aggression on Guyanese soil would not be tolerated, and the Guyanese "
          "government thanked him. The defence ministry of the Bolivarian Republic of Venezuela called the "
          "remarks meddling. The United Nations General Assembly will debate the border dispute.")


def test_counterparts_governments_of_phrases_and_adjectival_mentions() -> None:
    ms = _mentions(GUYANA, "2023-12-08")
    assert _one(ms, GUYANA, "White House National Security Adviser Jake Sullivan")[:3] == (
        "USA", "GOV", "Jake Sullivan")
    assert _longest(ms, GUYANA, "Celso Amorim") == "BRA"
    assert _one(ms, GUYANA, "Sullivan", 1)[2] == "Jake Sullivan"
    assert _one(ms, GUYANA, "Venezuelan aggression")[:2] == ("VEN", None)
    assert _one(ms, GUYANA, "Guyanese soil")[:2] == ("GUY", None)
    assert _one(ms, GUYANA, "the Guyanese government")[:2] == ("GUY", "GOV")
    assert _one(ms, GUYANA, "him")[2] == "Jake Sullivan"
    assert _one(ms, GUYANA, "The defence ministry of the Bolivarian Republic of Venezuela")[:2] == ("VEN", "MIL")
    assert _longest(ms, GUYANA, "General Assembly") == "UN"


def test_the_publication_date_picks_the_office_holder() -> None:
    text = "The US Secretary of State said the talks would resume. He did not give a date."
    early = _mentions(text, "2022-06-01")
    late = _mentions(text, "2025-06-01")
    assert _one(early, text, "The US Secretary of State")[2] == "Antony Blinken"
    assert _one(late, text, "The US Secretary of State")[2] == "Marco Rubio"
    assert _one(late, text, "He")[2] == "Marco Rubio"


def test_two_countries_needs_two_states() -> None:
    text = "Japan held drills on Monday. The two countries said nothing else."
    ms = _mentions(text)
    assert not _at(ms, text, "The two countries")


def test_gendered_pronouns_and_plural_they() -> None:
    text = ("Maria Zakharova accused Kyiv of lying. She said Moscow would respond. He did not say how. "
            "Ukrainian officials rejected the claim, and they called it propaganda.")
    ms = _mentions(text, "2023-04-01")
    assert _one(ms, text, "Maria Zakharova")[:3] == ("RUS", "DIP", "Maria Zakharova")
    assert _one(ms, text, "She")[2:] == ("Maria Zakharova", "actors.coref.v2")
    assert not _at(ms, text, "He"), "no male person to refer to"
    assert _one(ms, text, "they")[:2] == ("UKR", "GOV")


def test_empty_and_symbol_only_documents() -> None:
    assert _mentions(" ") == []
    assert _mentions("\u2014 \u2014 ###") == []


SUDAN = ("Fighting between the Sudanese army and the paramilitary Rapid Support Forces spread to El Fasher, "
         "residents said. RSF commander Mohamed Hamdan Dagalo blamed the army for the shelling, but General "
         "Abdel Fattah al-Burhan said his forces had only targeted rebel positions. Aid workers said they could "
         "not reach the city.")


def test_sudan_war_story() -> None:
    ms = _mentions(SUDAN, "2024-06-01")
    assert _one(ms, SUDAN, "the Sudanese army")[:2] == ("SDN", "MIL")
    assert _one(ms, SUDAN, "the paramilitary Rapid Support Forces")[:2] == ("SDN", "REB")
    assert _one(ms, SUDAN, "RSF commander Mohamed Hamdan Dagalo")[:3] == ("SDN", "REB", "Mohamed Hamdan Dagalo")
    assert _one(ms, SUDAN, "General Abdel Fattah al-Burhan")[:3] == ("SDN", "MIL", "Abdel Fattah al-Burhan")
    assert _one(ms, SUDAN, "his forces")[:2] == ("SDN", "MIL")
    assert _one(ms, SUDAN, "residents")[:2] == ("", "CVL")
    assert not _at(ms, SUDAN, "rebel positions"), "a role word that is not the head makes no mention"
    assert not _at(ms, SUDAN, "they"), "aid workers have no code: leave 'they' alone"


def test_coordinated_demonyms_give_one_mention_per_state() -> None:
    text = "Talks between Russian and Ukrainian representatives resumed in Istanbul on Tuesday."
    ms = _mentions(text, "2022-03-29")
    both = _at(ms, text, "Russian and Ukrainian representatives")
    assert sorted((m.actor.code, m.actor.sector) for m in both) == [("RUS", "GOV"), ("UKR", "GOV")]


def test_they_after_a_coordinated_subject_is_every_side() -> None:
    text = "Armenia and Azerbaijan met in Prague, and they agreed to talk again."
    ms = _mentions(text)
    assert sorted(m.actor.code for m in _at(ms, text, "they")) == ["ARM", "AZE"]


def test_unknown_person_heading_a_phrase_with_a_demonym() -> None:
    text = "Russian billionaire Oleg Tinkov criticised the war. Tinkov said he was ashamed."
    ms = _mentions(text, "2022-04-20")
    assert _one(ms, text, "Russian billionaire Oleg Tinkov")[:3] == ("RUS", "BUS", "Oleg Tinkov")
    assert not _at(ms, text, "Tinkov"), "no alias mention inside the full name"
    assert _one(ms, text, "Tinkov", 1)[2:] == ("Oleg Tinkov", "actors.alias.v1")
    assert _one(ms, text, "he", 1)[2] == "Oleg Tinkov"  # the first "he" is inside "the"


@pytest.mark.parametrize(("text", "phrase", "codes"), [
    # the mediators are named last; "both sides" are the two states the story is about
    (("Thai and Cambodian troops clashed near a border temple. Thailand said Cambodia fired first. "
      "Malaysia offered to mediate, and China urged both sides to hold fire."), "both sides", ["KHM", "THA"]),
    (("Kenya accused Somalia of arming militias. Somalia denied it and recalled its envoy from Kenya. "
      "The African Union invited the two foreign ministers to Addis Ababa."), "the two foreign ministers",
     ["KEN", "SOM"]),
    (("Serbian police closed two crossings, and Kosovo said Serbia was provoking unrest. Serbia rejected that. "
      "The European Union summoned both leaders to Brussels."), "both leaders", ["SRB", "XKX"]),
])
def test_a_pair_phrase_stands_for_the_two_states_the_document_names_most(
        text: str, phrase: str, codes: list[str]) -> None:
    pair = _at(_mentions(text), text, phrase)
    assert sorted(m.actor.code for m in pair) == codes
    assert {m.provenance.extractor for m in pair} == {"actors.coref.v2"}


def test_a_pair_phrase_needs_two_states_named_before_it() -> None:
    text = "Ghana opened talks on Monday. Both sides said the two foreign ministers would meet again."
    coref = [m for m in _mentions(text) if m.provenance.extractor == "actors.coref.v2"]
    assert [m for m in coref if m.text in ("Both sides", "the two foreign ministers")] == []
