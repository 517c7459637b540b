"""The learned-classifier stage on hand-built parses with a stand-in classifier (no model involved)."""

from __future__ import annotations

from docbuild import build, mention
from thucydides.stages.learned import THRESHOLD, model_events


class FixedClassifier:
    """Returns the same probabilities for every sentence and records what it was asked."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs
        self.seen: list[str] = []

    def predict(self, sentences: list[str]) -> list[dict[str, float]]:
        self.seen.extend(sentences)
        return [dict(self.probs) for _ in sentences]


def _doc():
    doc = build([("Serbia", 1, "nsubj", "PROPN", "Serbia"), ("lodged", 1, "ROOT", "VERB", "lodge"),
                 ("a", 3, "det", "DET", "a"), ("complaint", 1, "dobj", "NOUN", "complaint"),
                 ("with", 1, "prep", "ADP", "with"), ("Albania", 4, "pobj", "PROPN", "Albania"),
                 (".", 1, "punct", "PUNCT", ".")])
    return doc, [mention(doc, 0, 1, "SRB"), mention(doc, 5, 6, "ALB")]


def test_confident_prediction_becomes_an_event_with_roles() -> None:
    doc, mentions = _doc()
    clf = FixedClassifier({"ACCUSE": 0.8, "NONE": 0.2})
    events = model_events(doc, mentions, covered=set(), classifier=clf)
    assert [(e.type, e.actor, e.recipient, e.extractor) for e in events] == [
        ("ACCUSE", ("SRB",), ("ALB",), "model.event_type.v1")]
    assert 0 < events[0].confidence <= 0.8  # never more confident than the model


def test_no_event_or_low_confidence_adds_nothing() -> None:
    doc, mentions = _doc()
    assert model_events(doc, mentions, set(), classifier=FixedClassifier({"NONE": 0.9, "ACCUSE": 0.1})) == []
    low = {"ACCUSE": THRESHOLD - 0.05, "NONE": 1 - THRESHOLD + 0.05}
    assert model_events(doc, mentions, set(), classifier=FixedClassifier(low)) == []


def test_sentences_the_rules_covered_are_not_classified() -> None:
    doc, mentions = _doc()
    clf = FixedClassifier({"ACCUSE": 0.9, "NONE": 0.1})
    assert model_events(doc, mentions, covered={0}, classifier=clf) == [] and clf.seen == []


def test_sentence_without_an_acting_subject_is_not_classified() -> None:
    doc = build([("Fighting", 1, "nsubj", "NOUN", "fighting"), ("continued", 1, "ROOT", "VERB", "continue"),
                 (".", 1, "punct", "PUNCT", ".")])
    clf = FixedClassifier({"ASSAULT": 0.9, "NONE": 0.1})
    assert model_events(doc, [], set(), classifier=clf) == [] and clf.seen == []
