"""Sentence-level golden cases, written by the team, one per rule family and wording (full pipeline)."""

from __future__ import annotations

import pytest

import thucydides

CASES = [
    # (sentence, type, actor, recipient, verdict, (status, by) of one claim)
    ("Russia did not attack the convoy, the Kremlin said.", "ASSAULT", {"RUS"}, set(), "denied", ("denied", ("RUS",))),
    ("Iran denied supplying drones to Russia.", "AID", {"IRN"}, {"RUS"}, "denied", ("denied", ("IRN",))),
    ("Ethiopia accused Eritrea of shelling border towns.", "ACCUSE", {"ETH"}, {"ERI"}, "asserted", ("asserted", ())),
    # an attack needs a recipient (propositions.parties.v1): "border towns" alone name no state
    ("Ethiopia accused Eritrea of shelling Ethiopian border towns.", "ASSAULT", {"ERI"}, {"ETH"}, "alleged",
     ("alleged", ("ETH",))),
    ("Ukraine blamed Russia for killing 20 civilians in Kharkiv.", "ASSAULT", {"RUS"}, {"UKR"}, "alleged",
     ("alleged", ("UKR",))),
    ("The Kremlin rejected claims that Russian forces had bombed the theatre in Mariupol.", "ASSAULT", {"RUS"},
     {"UKR"}, "denied", ("denied", ("RUS",))),
    # "allegedly" and "X reported": alleged, through the outlet
    ("Some Israeli officials allegedly pressed Washington for an immediate retaliation, The New York Times reported.",
     "REQUEST", {"ISR"}, {"USA"}, "alleged", ("alleged", ())),
    ("Venezuela allegedly seized a Guyanese fishing boat.", "ASSAULT", {"VEN"}, {"GUY"}, "alleged", ("alleged", ())),
    ("Serbia may send troops to Kosovo, analysts warned.", "MOBILIZE", {"SRB"}, {"XKX"}, "hypothetical",
     ("hypothetical", ())),
    ("Taiwan will buy 40 howitzers from the United States.", "AGREE", {"USA"}, {"TWN"}, "asserted", ("asserted", ())),
    ("Israel's defence minister Yoav Gallant met his American counterpart Lloyd Austin in Washington.", "CONSULT",
     {"ISR", "USA"}, set(), "asserted", ("asserted", ())),
    ("NATO leaders condemned Russia's annexation of four Ukrainian regions.", "ACCUSE", {"NATO"}, {"RUS"},
     "asserted", ("asserted", ())),
    ("If Turkey blocks the deal, Sweden will ask NATO for help.", "REQUEST", {"SWE"}, {"NATO"}, "hypothetical",
     ("hypothetical", ())),
    ("Pakistan summoned the Afghan ambassador over the border clashes.", "ACCUSE", {"PAK"}, {"AFG"}, "asserted",
     ("asserted", ())),
    ("Hungary vetoed the EU's aid package for Ukraine.", "REJECT", {"HUN"}, {"EU"}, "asserted", ("asserted", ())),
    ("Egypt and Qatar hosted talks between Israel and Hamas in Cairo.", "CONSULT", {"EGY", "QAT"}, set(),
     "asserted", ("asserted", ())),
]


@pytest.mark.parametrize(("text", "type_", "actor", "recipient", "verdict", "claim"), CASES)
def test_sentence(text: str, type_: str, actor: set[str], recipient: set[str], verdict: str,
                  claim: tuple[str, tuple[str, ...]]) -> None:
    doc = thucydides.extract(text, published="2024-03-06", extractor="rules")
    found = [p for p in doc.propositions if p.type == type_ and set(p.actor) == actor]
    assert found, [(p.type, p.actor, p.recipient) for p in doc.propositions]
    p = found[0]
    assert set(p.recipient) == recipient and p.verdict == verdict
    assert claim in {(c.status, c.by) for c in p.claims}


def test_a_reported_allegation_goes_through_the_outlet() -> None:
    text = "Some Israeli officials allegedly pressed Washington for an immediate retaliation, The New York Times reported."
    for extractor in ("rules", "learned"):
        claims = [c for p in thucydides.extract(text, published="2024-04-16", extractor=extractor).propositions
                  for c in p.claims]
        assert ("alleged", "The New York Times") in {(c.status, c.via) for c in claims}, extractor
