"""The stage ``events.hazards.v1``: no event in a sentence where a natural hazard is what acts.

CODING.md §1 codes natural disasters as no event, and says a system must stay silent on them. Their verbs are
those of attacks ("Tropical Storm Ana kills 23 people", "106 people are killed by mudslides", "one person is
killed after a magnitude 5.7 earthquake strikes"), so the rule triggers and the model both fire on them. A
sentence is a disaster report when one of its main verbs (the root, the verbs joined to it, and the content of
a verb of saying) has a hazard (:data:`~thucydides.nlp.words.HAZARD_NOUNS`) as its doer: its subject, its
"by" agent, the subject of a clause attached to it ("after ... an earthquake strikes"), or the object of
"in", "during", "after", "amid" or "from" ("killed during wildfires"). A hazard phrase that names an actor or
a cause of war (:data:`~thucydides.nlp.words.HAZARD_CAUSES`: "a fire caused by shelling", "a fire set by Russian
soldiers") is not a disaster. In such a sentence an event is dropped unless a verb between its
word and the root has a subject that names an actor ("Poland sent rescuers after the earthquake" keeps it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...model import ActorMention
from ...nlp.types import Doc, Span, Token
from ...nlp.words import HAZARD_CAUSES, HAZARD_NOUNS, SPEECH_VERBS
from ...pipeline.state import EventMention, State
from .roles import SUBJ, MentionIndex

__all__ = ["NAME", "annotate", "hazard_sentence", "is_hazard", "keep_events"]

NAME = "events.hazards.v1"
#: Prepositions whose object is the cause of what the verb reports ("killed in floods", "dead after the storm").
CAUSE_PREPS = frozenset({"in", "during", "after", "amid", "from", "by"})


def is_hazard(tok: Token, mentions: Sequence[ActorMention] = ()) -> bool:
    """Whether ``tok`` heads a noun phrase naming a natural hazard that no actor or act of war caused."""
    names = [tok, *(c for c in tok.children if c.dep_ == "compound")]
    if not any(_hazard_word(t) for t in names) and not _heat_wave(tok):
        return False
    if any(t.lemma_.lower() in HAZARD_CAUSES for t in tok.subtree):
        return False
    return not any(_names_actor(t, mentions) for t in _makers(tok))


def _makers(tok: Token) -> Iterator[Token]:
    """The words of a hazard phrase that could name who made it: its modifiers ("a Russian-set fire") and
    a "by" phrase ("a fire set by soldiers"); not the places it is in ("wildfires in Krasnoyarsk Krai")."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            yield child
        elif child.dep_ in ("acl", "relcl"):
            for grand in child.children:
                if grand.dep_ == "agent":
                    yield from grand.subtree


def _names_actor(tok: Token, mentions: Sequence[ActorMention]) -> bool:
    start, end = tok.idx, tok.idx + len(tok)
    return any(m.actor.code and m.start < end and start < m.end for m in mentions)


def _hazard_word(tok: Token) -> bool:
    """The word names a hazard, also as a plural the lemmatizer left alone ("Wildfires" as a name)."""
    forms = {tok.lemma_.lower(), tok.lower_}
    return any(f in HAZARD_NOUNS or f[:-1] in HAZARD_NOUNS or f[:-2] in HAZARD_NOUNS for f in forms if f.endswith("s")) \
        or bool(forms & HAZARD_NOUNS)


def _heat_wave(tok: Token) -> bool:
    return tok.lemma_.lower() == "wave" and any(c.lower_ in ("heat", "cold") for c in tok.children)


def _doers(verb: Token) -> Iterator[Token]:
    """The tokens that may say what did what ``verb`` reports: subject, agent, clause subjects, causes. A
    compound of a verb is a subject the parser misattached ("an earthquake strikes", the noun "earthquake" as
    a compound of the verb "strikes"); a compound of a noun is not ("Houthis fire missiles" read as one noun
    phrase)."""
    for child in verb.children:
        if child.dep_ == "compound" and verb.tag_.startswith("VB"):
            yield child
        if child.dep_ in SUBJ:
            yield child
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in CAUSE_PREPS):
            yield from (c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "advcl":
            yield from (c for c in child.children if c.dep_ in SUBJ)


def _main_verbs(sent: Span) -> Iterator[Token]:
    root = sent.root
    yield root
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            yield child
        elif child.dep_ == "conj":  # "five people are killed and 17 others injured during ...": a noun's verb
            yield from (c for c in child.children if c.dep_ == "acl")
        elif child.dep_ == "ccomp" and root.lemma_.lower() in SPEECH_VERBS:
            yield child


def hazard_sentence(sent: Span, mentions: Sequence[ActorMention] = ()) -> bool:
    """Whether ``sent`` reports what a natural hazard did (see the module's docstring)."""
    return any(is_hazard(doer, mentions) for verb in _main_verbs(sent) for doer in _doers(verb))


def _acted(tok: Token, index: MentionIndex) -> bool:
    """A verb from ``tok`` up to its root has a subject naming an actor: the event is someone's act."""
    for t in (tok, *tok.ancestors):
        if any(c.dep_ in SUBJ and _subject_names_actor(c, index) for c in t.children):
            return True
    return False


def _subject_names_actor(tok: Token, index: MentionIndex) -> bool:
    """The subject itself names an actor ("Polish rescuers", "Poland"), not a place it is in ("people in
    Mozambique")."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod"))]
    return any(index.codes_at(t.i) for t in words)


def keep_events(doc: Doc, events: Sequence[EventMention], mentions: Sequence[ActorMention]) -> list[EventMention]:
    """``events`` without those of disaster sentences that no actor does (CODING.md §1)."""
    index = MentionIndex(doc, mentions)
    disasters = {sent.start for sent in doc.sents if hazard_sentence(sent, mentions)}
    if not disasters:
        return list(events)
    return [e for e in events if doc[e.trigger].sent.start not in disasters or _acted(doc[e.trigger], index)]


def annotate(state: State) -> None:
    """Pipeline stage ``events.hazards.v1``: drops the events of disaster sentences from ``state.events``."""
    state.events = keep_events(state.doc, state.events, state.mentions)
