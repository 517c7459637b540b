"""The first person of a government's own release is its state (CODING.md §6, ``actors.voice.v1``)."""

from __future__ import annotations

import pytest

from docbuild import build
from thucydides import extract
from thucydides.model import Actor
from thucydides.nlp.parse import parse
from thucydides.stages.actors.voice import EXTRACTOR, FIRST_PERSON, principal_of, voice_mentions


@pytest.mark.parametrize(("outlet", "code"), [
    ("President of Russia (en.kremlin.ru)", "RUS"),
    ("President of Ukraine (president.gov.ua/en)", "UKR"),
    ("The White House", "USA"),
    ("Ministry of Foreign Affairs of the People's Republic of China", "CHN"),
    ("Ministry of Defence of Ukraine", "UKR"),
    ("Prime Minister of India", "IND"),
    ("Government of Canada", "CAN"),
    ("General Command of the Military Forces of Colombia", "COL"),
    ("General Staff of the Armed Forces of Ukraine", "UKR"),
    ("Joint Chiefs of Staff of South Korea", "KOR"),
    ("Indian Army", "IND"),                 # an organisation of a state's military, named as such
    ("Israel Defense Forces", "ISR"),
])
def test_a_government_outlet_speaks_for_its_state(outlet: str, code: str) -> None:
    principal = principal_of(outlet)
    assert principal is not None and principal.code == code and principal.sector is None


@pytest.mark.parametrize("outlet", [None, "", "BBC News", "Reuters", "Washington Examiner", "Kyiv Independent",
                                    "Times of Israel", "President of Nowhere Land", "Moscow Times",
                                    "Tehran Times", "Korean Central News Agency"])
def test_a_newspaper_a_wire_or_an_unknown_office_has_no_principal(outlet: str | None) -> None:
    assert principal_of(outlet) is None


JPN = Actor("JPN", None, "Japan", "state")


def test_first_person_pronouns_become_the_principal() -> None:
    # "We urge our partners to help me." -- every first-person pronoun, the possessive too.
    doc = build([("We", 1, "nsubj", "PRON", "we"), ("urge", 1, "ROOT", "VERB", "urge"),
                 ("our", 3, "poss", "PRON", "our"), ("partners", 1, "dobj", "NOUN", "partner"),
                 ("to", 5, "aux", "PART", "to"), ("help", 1, "xcomp", "VERB", "help"),
                 ("me", 5, "dobj", "PRON", "I"), ("They", 1, "dep", "PRON", "they"), (".", 1, "punct", "PUNCT", ".")])
    found = voice_mentions(doc, JPN, "doc")
    assert [(m.text, m.actor.code, m.provenance.extractor) for m in found] == [
        ("We", "JPN", EXTRACTOR), ("our", "JPN", EXTRACTOR), ("me", "JPN", EXTRACTOR)]
    assert all(doc.text[m.start:m.end] == m.text for m in found)


def test_a_paragraph_under_another_speakers_label_is_not_the_principals_voice() -> None:
    text = ("Fumio Kishida: We will stand with our partners.\n"
            "Olaf Scholz: We discussed energy.\n"
            "Question: Will you meet them?\n"
            "We condemn the launch.")
    found = voice_mentions(parse(text), JPN, "doc", None)
    lines = [text.count("\n", 0, m.start) for m in found]
    assert lines == [0, 0, 3]


@pytest.mark.parametrize(("outlet", "text", "expected"), [
    ("Ministry of Foreign Affairs of Japan", "We strongly condemn the ballistic missile launch by North Korea.",
     ("ACCUSE", "JPN", "PRK")),
    ("The White House", "Today I spoke with the President of Mexico about border security.", ("CONSULT", "USA", None)),
    ("General Staff of the Armed Forces of Peru", "The Head of State condemned the attack on the border post.",
     ("ACCUSE", "PER", None)),
])
def test_in_the_pipeline_the_release_speaks_for_its_state(outlet: str, text: str,
                                                           expected: tuple[str, str, str | None]) -> None:
    kind, actor, recipient = expected
    found = extract(text, published="2023-05-02", outlet=outlet).propositions
    assert any(p.type == kind and actor in p.actor and (recipient is None or recipient in p.recipient)
               for p in found)
    plain = extract(text, published="2023-05-02", outlet="Daily Gazette").propositions
    assert not any(p.type == kind and actor in p.actor for p in plain)


@pytest.mark.parametrize(("text", "offices"), [
    ("The Ministry summoned the ambassador. The Foreign Minister met him later.", ["The Ministry", "The Foreign Minister"]),
    ("Yesterday the President signed the decree and the Government approved it.", ["the President", "the Government"]),
    ("The Defence Ministry said the Spokesperson would brief reporters.", ["The Defence Ministry", "the Spokesperson"]),
    ("The Head of State received the envoy, and the President of the Republic thanked him.",
     ["The Head of State", "the President of the Republic"]),
    ("The General Staff said the Armed Forces repelled the assault; the Navy stayed in port.",
     ["The General Staff", "the Armed Forces", "the Navy"]),
    ("The Minister of Foreign Affairs called the Secretary of State.",
     ["The Minister of Foreign Affairs", "the Secretary of State"]),
])
def test_the_principals_own_office_named_without_its_state_is_the_principal(text: str,
                                                                          offices: list[str]) -> None:
    found = [m for m in voice_mentions(parse(text), JPN, "doc") if m.text.casefold() not in FIRST_PERSON]
    assert [m.text for m in found] == offices
    assert all(m.actor.code == "JPN" and text[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize("text", [
    "The President of France arrived on Monday.",          # an office of another state, named by "of"
    "The Ministry of Defence of Brazil issued a note.",
    "The President of the Republic of Korea called.",       # a generic "of" and then a state
    "The Armed Forces of Mexico and the Minister of Foreign Affairs of Chile met.",
    "The French President and the Kenyan Government met.",  # a nationality before the office
    "Ministry officials spoke; a minister resigned.",       # no definite office
])
def test_an_office_with_its_own_state_or_no_article_is_left_to_the_gazetteer(text: str) -> None:
    found = [m for m in voice_mentions(parse(text), JPN, "doc") if m.text.casefold() not in FIRST_PERSON]
    assert found == []


def test_an_office_in_another_speakers_paragraph_is_not_the_principal() -> None:
    text = "Olaf Scholz: The Government will decide.\nThe Ministry welcomed the decision."
    found = [m.text for m in voice_mentions(parse(text), JPN, "doc") if m.text.casefold() not in FIRST_PERSON]
    assert found == ["The Ministry"]


def test_in_the_pipeline_the_releases_ministry_is_its_state() -> None:
    text = "The Ministry summoned the ambassador of Sweden and handed him a note of protest."
    found = extract(text, published="2023-05-02", outlet="Ministry of Foreign Affairs of Iraq").propositions
    assert any("IRQ" in p.actor for p in found)
    plain = extract(text, published="2023-05-02", outlet="Tigris Daily").propositions
    assert not any("IRQ" in p.actor for p in plain)
