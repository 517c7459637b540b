"""Epistemic status (stage 6), factuality scale and hedge detection, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from docbuild import build
from thucydides.nlp.parse import parse
from thucydides.stages.attribution import Source, attribute
from thucydides.stages.status import (
    event_factuality,
    is_uncertain,
    judge,
    status_of,
    uncertainty_score,
)


def _status(text: str, trigger: str, *, by: tuple[str, ...] = (), actor: tuple[str, ...] = (),
            event_type: str | None = None) -> str:
    doc = parse(text)
    i = _tok(doc, trigger)
    src = attribute(doc, i, ())
    if src is not None and by:
        src = Source(by, src.via, src.speaker, src.speaker_span, src.cue, src.cue_i, src.quote, src.stance,
                     src.anonymous)
    status, confidence = status_of(doc, i, src, actor=actor, event_type=event_type)
    assert 0.0 < confidence <= 1.0
    return status


def _tok(doc: Any, word: str) -> int:
    hits = [t.i for t in doc if t.text == word]
    assert hits, f"{word!r} not in {doc.text!r}"
    return hits[0]


# --------------------------------------------------------------------------- asserted / alleged

@pytest.mark.parametrize(("text", "trigger"), [
    ("Russian troops shelled Kharkiv on Monday.", "shelled"),
    ("Finland joined NATO in April.", "joined"),
    ("Following weeks of fighting, Azerbaijani forces captured the town.", "fighting"),
])
def test_plain_statements_are_asserted(text: str, trigger: str) -> None:
    assert _status(text, trigger) == "asserted"


def test_reported_speech_is_alleged_unless_the_actor_speaks_of_its_own_act() -> None:
    text = "Ukrainian officials said Russian troops had shelled the dam."
    assert _status(text, "shelled", by=("UKR",), actor=("RUS",)) == "alleged"
    text = "The Russian defence ministry said its forces had struck a fuel depot near Lviv."
    assert _status(text, "struck", by=("RUS",), actor=("RUS",)) == "asserted"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Minsk allegedly sent fuel trucks across the border.", "sent"),
    ("Hungarian banks reportedly processed the payments.", "processed"),
    ("The cargo ship is said to have carried grenades.", "carried"),
    ("Tehran is believed to have supplied the engines.", "supplied"),
    ("The militia may have used chlorine in the attack.", "used"),
    ("Kyiv accused Moscow of mining the port.", "mining"),
    ("Satellite images point to Serbia stockpiling shells.", "stockpiling"),
    ("Chad is rumored to have hosted the mercenaries.", "hosted"),
    ("Reports that Belarus sent troops to the border surfaced on Monday.", "sent"),
])
def test_hedged_and_accused_events_are_alleged(text: str, trigger: str) -> None:
    assert _status(text, trigger) == "alleged"


# --------------------------------------------------------------------------- denied

@pytest.mark.parametrize(("text", "trigger"), [
    ("Hungary has not sent weapons to Ukraine.", "sent"),
    ("The embassy said it had received no request from Moscow.", "request"),
    ("Ankara never agreed to the transfer.", "agreed"),
    ("Beijing denied that it had shipped drones to Russia.", "shipped"),
    ("Beijing dismissed the reports of arms deliveries as Western disinformation.", "deliveries"),
    ("The spokesman declined to confirm the strike.", "confirm"),
    ("No one has claimed the bombing.", "claimed"),
    ("Moscow said there is no truth in reports that its jets bombed the hospital.", "bombed"),
    ("Reports that Belarus sent troops to the border are fake, the ministry said.", "sent"),
    ("Kyiv said it had never heard such a request from Minsk.", "request"),
    ("Georgia sent no troops to the front.", "sent"),
])
def test_denials_and_negated_events_are_denied(text: str, trigger: str) -> None:
    assert _status(text, trigger) == "denied"


@pytest.mark.parametrize(("text", "trigger"), [
    ("\u201cWe have no plans to attack anyone,\u201d Lukashenko told state television.", "attack"),
    ("Serbia has no intention of joining the sanctions.", "joining"),
    ("Russian authorities do not plan to cut off from the global Internet.", "cut"),
    ("Washington said it will not withdraw from the deal again.", "withdraw"),
    ("Belarus said that it would not send its armed forces to Ukraine.", "send"),
    ("Officials from Russia will not be welcomed at the ceremony.", "welcomed"),
    ("Kuleba says Belarusian troops are not willing to fight alongside Russia.", "fight"),
])
def test_negative_statements_of_policy_are_not_denials(text: str, trigger: str) -> None:
    assert _status(text, trigger) == "hypothetical"


# --------------------------------------------------------------------------- hypothetical

@pytest.mark.parametrize(("text", "trigger"), [
    ("Germany will send more tanks next year.", "send"),
    ("Poland plans to buy two hundred howitzers.", "buy"),
    ("Moscow threatened to cut gas supplies to Moldova.", "cut"),
    ("If Russia attacks Moldova, Romania would respond.", "attacks"),
    ("Will China send weapons to Russia?", "send"),
    ("The army could seize the bridge within days.", "seize"),
    ("Iran is going to deliver missiles.", "deliver"),
    ("Officials discussed a possible evacuation of the plant.", "evacuation"),
    ("Moscow announced plans to annex four regions.", "annex"),
])
def test_future_conditional_and_possible_events_are_hypothetical(text: str, trigger: str) -> None:
    assert _status(text, trigger) == "hypothetical"


def test_future_tense_is_the_act_itself_for_agree_and_threaten() -> None:
    text = "Xi said China will deepen its partnership with Russia."
    assert _status(text, "deepen", by=("CHN",), actor=("CHN",)) == "hypothetical"
    assert _status(text, "deepen", by=("CHN",), actor=("CHN",), event_type="AGREE") == "asserted"
    text = "There will be consequences for any country that helps Moscow evade sanctions."
    assert _status(text, "consequences", event_type="THREATEN") == "asserted"


def test_hedge_on_another_act_does_not_reach_its_nominal_object() -> None:
    assert _status("Turkey has reportedly been watching the Russian offensive closely.", "offensive") == "asserted"
    assert _status("Russia allegedly made a request for Iranian drones.", "request") == "alleged"


def test_means_clause_inherits_the_modal() -> None:
    assert _status("Beijing could do so by granting loans to the new government.", "granting") == "hypothetical"


def test_false_documents_are_not_a_denial() -> None:
    assert _status("The claims that Belarus had sent false documents spread quickly.", "sent") == "alleged"


def test_a_source_that_denies_wins_over_tense_and_hedges() -> None:
    text = "Tehran rejected claims that it would supply missiles."
    assert _status(text, "supply") == "denied"


def test_judge_names_the_deciding_rule() -> None:
    doc = parse("Poland plans to buy two hundred howitzers.")
    j = judge(doc, _tok(doc, "buy"), None)
    assert (j.status, j.reason) == ("hypothetical", "intent")


def test_hand_built_negation_without_a_model() -> None:
    doc = build([("Serbia", 3, "nsubj", "PROPN", "Serbia"), ("did", 3, "aux", "AUX", "do"),
                 ("not", 3, "neg", "PART", "not"), ("attack", 3, "ROOT", "VERB", "attack"),
                 ("Kosovo", 3, "dobj", "PROPN", "Kosovo"), (".", 3, "punct", "PUNCT", ".")])
    assert status_of(doc, 3, None)[0] == "denied"
    assert event_factuality(doc, 3) < 0


# --------------------------------------------------------------------------- factuality scale

def test_factuality_orders_asserted_hedged_possible_and_negated() -> None:
    values = {}
    for key, text, trigger in [
        ("asserted", "Belarus closed the border on Friday.", "closed"),
        ("alleged", "Belarus allegedly closed the border on Friday.", "closed"),
        ("possible", "Belarus might close the border on Friday.", "close"),
        ("negated", "Belarus did not close the border on Friday.", "close"),
    ]:
        doc = parse(text)
        values[key] = event_factuality(doc, _tok(doc, trigger))
    assert values["asserted"] > values["alleged"] > values["possible"] > 0 > values["negated"]
    assert all(-3.0 <= v <= 3.0 for v in values.values())


# --------------------------------------------------------------------------- hedged sentences

@pytest.mark.parametrize("text", [
    "Some historians believe the fortress was built earlier.",
    "The bridge was possibly destroyed by a drone.",
    "It is said that the general was dismissed in secret.",
    "Critics argue the law is widely ignored.",
])
def test_hedged_sentences_are_uncertain(text: str) -> None:
    assert is_uncertain(text)
    assert is_uncertain(parse(text))


@pytest.mark.parametrize("text", [
    "The fortress was built in 1702.",
    "The bridge was destroyed by a drone on Tuesday.",
    "The general was dismissed on 3 May.",
])
def test_plain_sentences_are_certain(text: str) -> None:
    assert not is_uncertain(text)
    assert uncertainty_score(parse(text)[0:3]) == 0.0


def test_uncertainty_score_adds_cue_weights_and_threshold_is_adjustable() -> None:
    weak = "The town often floods."
    strong = "The town probably floods, some say."
    assert uncertainty_score(strong) > uncertainty_score(weak) > 0
    assert not is_uncertain(weak)
    assert is_uncertain(weak, threshold=0.2)


def test_documents_without_a_parse_get_the_plain_reading() -> None:
    import spacy

    doc = spacy.blank("en")("Troops will not cross the river?")
    assert status_of(doc, 3, None)[0] in ("asserted", "denied", "hypothetical")
    assert -3.0 <= event_factuality(doc, 3) <= 3.0


@pytest.mark.shared
def test_uw_factuality_correlates_on_a_dev_sample(shared_dir: Any) -> None:
    """The first 120 UW dev sentences, parsed from their own tokens (full figure: status_eval.py)."""
    import statistics

    from spacy.tokens import Doc

    from thucydides.nlp.parse import load_nlp

    nlp = load_nlp()
    preds: list[float] = []
    golds: list[float] = []
    words: list[str] = []
    gold: dict[int, float] = {}
    lines = (shared_dir / "eval" / "factuality" / "uw" / "dev.conll").read_text(encoding="utf-8").splitlines()
    sentences = 0
    for line in [*lines, ""]:
        if line.strip():
            cols = line.split("\t")
            if cols[2] != "_":
                gold[len(words)] = float(cols[2])
            words.append(cols[1])
            continue
        if words and gold:
            doc = Doc(nlp.vocab, words=words)
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            preds += [event_factuality(doc, i) for i in gold]
            golds += list(gold.values())
            sentences += 1
        words, gold = [], {}
        if sentences >= 120:
            break
    assert statistics.correlation(preds, golds) > 0.45


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The bombing has not changed the government's course.", "bombing", "asserted"),
    ("The ministry would not discuss the losses but said the offensive continued.", "continued", "alleged"),
    ("The withdrawal reflects no change in strategy.", "withdrawal", "asserted"),
    ("She denied accusations made by the opposition.", "made", "asserted"),
])
def test_negation_does_not_leak_to_subjects_contrasts_or_participles(text: str, trigger: str,
                                                                     expected: str) -> None:
    assert _status(text, trigger) == expected
