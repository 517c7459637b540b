"""The stage ``events.model.v1``: the learned event classifier where the rules kept no event.

The rules (:mod:`thucydides.stages.events.detect`) are precise but their lexicon is finite. For every sentence in which they
found no event, that names at least two distinct actors (the cheap gate that keeps the model off most
sentences) and whose main verb has a subject that names an actor, the sentence classifier
(:mod:`thucydides.classifier`) proposes a PLOVER type; when it is confident, the main clause becomes an event
with the same role, attribution and status logic as a rule event, under the extractor name
``"model.event_type.v1"``. Each keeps what it does best: the rules decide where they fire, the model covers
the wording they do not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import ActorMention
from ..nlp.words import DENIAL_VERBS, SPEECH_VERBS
from ..pipeline.state import DateMention, EventMention, State
from .attribution.events import attribute_events
from .events import roles
from .events.detect import make_event
from .events.lexicon import Trigger
from .events.roles import MentionIndex
from .status.settle import settle_events

if TYPE_CHECKING:
    from ..nlp.types import Doc, Span, Token

if TYPE_CHECKING:
    from ..classifier import EventClassifier

__all__ = ["THRESHOLD", "annotate", "model_events"]

#: Minimum probability of the top type for the model to add an event.
THRESHOLD = 0.7
RECIPIENT_PREPS = ("to", "with", "against", "on", "at", "from", "into", "toward", "towards", "for")
EXTRACTOR = "model.event_type.v1"


def _main_verb(sent: Span, index: MentionIndex) -> Token | None:
    """The verb nearest the root of the sentence whose subject names an actor, looking past verbs of saying
    (the event is what was said). A sentence whose main verb denies something has no event of its own: the
    denial is the status of the event denied."""
    if sent.root.lemma_.lower() in DENIAL_VERBS:
        return None
    verbs = sorted((t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in SPEECH_VERBS),
                   key=lambda t: len(list(t.ancestors)))
    for verb in verbs:
        if roles.subject_codes(verb, index) or roles.has_named_subject(verb):
            return verb
    return None


def _dyadic(sent: Span, index: MentionIndex) -> bool:
    """At least two distinct actors are named in the sentence: the cheap gate before the model runs."""
    codes = {c for t in sent for c in index.codes_at(t.i)}
    return len(codes) >= 2


def _candidate(sent: Span, index: MentionIndex) -> tuple[Any, Trigger] | None:
    verb = _main_verb(sent, index)
    if verb is None:
        return None
    if not _dyadic(sent, index):
        return None
    return verb, Trigger("NONE", None, preps=RECIPIENT_PREPS, name=EXTRACTOR)


def model_events(doc: Doc, mentions: Sequence[ActorMention], covered: set[int],
                 dates: Sequence[DateMention] = (), classifier: EventClassifier | None = None) -> list[EventMention]:
    """Events the classifier finds in sentences (by start token) not in ``covered``, each attributed by
    :func:`~.attribution.events.attribute_events` and settled by :func:`~.status.settle.settle_events`
    exactly as a rule event is (it forms a group of its own)."""
    index = MentionIndex(doc, mentions)
    todo = [(sent, cand) for sent in doc.sents if sent.start not in covered
            for cand in [_candidate(sent, index)] if cand is not None]
    if not todo:
        return []
    if classifier is None:
        from ..classifier import EventClassifier

        classifier = EventClassifier.load()
    probabilities = classifier.predict([sent.text for sent, _ in todo])
    found: list[EventMention] = []
    for (sent, (verb, trig)), probs in zip(todo, probabilities, strict=True):
        label, p = max(probs.items(), key=lambda kv: kv[1])
        if label == "NONE" or p < THRESHOLD:
            continue
        ev = make_event(verb, Trigger(label, None, preps=trig.preps, name=EXTRACTOR), False, index, sent.start)
        ev.confidence = round(p, 4)
        attribute_events(doc, [ev], mentions)
        found.extend(settle_events(doc, [ev], mentions, dates))
    return found


def annotate(state: State) -> None:
    """Pipeline stage ``events.model.v1``: adds model events for sentences the rules left empty."""
    covered = {state.doc[e.trigger].sent.start for e in state.events}
    state.events = sorted(state.events + model_events(state.doc, state.mentions, covered, state.dates),
                          key=lambda e: e.trigger)
