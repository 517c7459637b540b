"""The stage ``events.nonpolitical.v1``: no event for disasters, accidents, games and election results.

CODING.md §1 codes natural disasters, accidents, sport and election results as no event, and says a system must
stay silent on them. A sentence that reports a game's or a vote's result (:func:`result_sentence`: "Morocco beat
Portugal 1-0", "the party wins 30 seats") keeps no event at all.

The verbs of disasters are those of attacks ("Tropical Storm Ana kills 23 people", "106 people are killed by
mudslides", "a plane crashes into a street, killing six"), so the rule triggers and the model both fire on them.
A sentence is a disaster report when one of its main verbs (the root, the verbs joined to it or attached to it
as a clause, and the content of a verb of saying) has as its doer:

- a natural hazard (:data:`~thucydides.nlp.words.HAZARD_NOUNS`): its subject, its "by" agent, the subject of a
  clause attached to it ("after ... an earthquake strikes"), or the object of "in", "during", "after", "amid" or
  "from" ("killed during wildfires"). A hazard phrase that names its maker or a cause of war
  (:data:`~thucydides.nlp.words.HAZARD_CAUSES`: "a fire caused by shelling", "a fire set by Russian soldiers")
  is not a disaster;
- an accident: the subject of an accident's verb used without an object ("a bus crashes", "a ferry capsizes";
  :data:`~thucydides.nlp.words.ACCIDENT_VERBS`) or an accident's noun ("a mine collapse kills three"), in a
  sentence that names no cause of war ("is shot down and crashes" is an attack).

In such a sentence an event is dropped unless a verb between its word and the root, below any verb of saying,
has a subject that names an actor and is not the disaster itself ("Poland sent rescuers after the earthquake"
keeps its event; "an Indian jet crashes" and "the ministry said floods killed nine" do not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ...model import ActorMention
from ...nlp.words import (
    ACCIDENT_NOUNS,
    ACCIDENT_VERBS,
    ELECTION_WORDS,
    HAZARD_CAUSES,
    HAZARD_NOUNS,
    SPEECH_VERBS,
    SPORT_WORDS,
    VICTORY_VERBS,
)
from ...pipeline.state import EventMention, State
from .roles import SUBJ, MentionIndex

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token

__all__ = ["NAME", "annotate", "causes", "hazard_sentence", "is_hazard", "keep_events", "result_sentence"]

NAME = "events.nonpolitical.v1"
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
        elif child.dep_ == "advcl" or (child.dep_ == "ccomp" and root.lemma_.lower() in SPEECH_VERBS):
            yield child  # "... are killed as a helicopter crashes"; "the ministry said floods killed nine"


def _accident(verb: Token) -> bool:
    """``verb`` is an accident's ("a bus crashes", "a tunnel collapses"): no object, nothing said to cause it."""
    if verb.lemma_.lower() not in ACCIDENT_VERBS or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(t.lemma_.lower() in HAZARD_CAUSES for t in verb.sent)


def _accident_noun(tok: Token) -> bool:
    return tok.lemma_.lower() in ACCIDENT_NOUNS and not any(t.lemma_.lower() in HAZARD_CAUSES for t in tok.sent)


def causes(sent: Span, mentions: Sequence[ActorMention] = ()) -> set[int]:
    """The tokens of ``sent`` that name a disaster as the doer of a main verb: a natural hazard
    (:func:`is_hazard`), an accident's noun, or the subject of an accident's verb (see the module's docstring)."""
    found: set[int] = set()
    for verb in _main_verbs(sent):
        for doer in _doers(verb):
            if is_hazard(doer, mentions) or _accident_noun(doer) or (doer.dep_ in SUBJ and _accident(verb)):
                found.add(doer.i)
    return found


#: A game's score ("27-26", "2–1"): with a verb of winning, the sentence reports a result.
_SCORE = re.compile(r"\b\d{1,3}\s?[–-]\s?\d{1,3}\b")


def result_sentence(sent: Span) -> bool:
    """Whether ``sent`` reports the result of a game or an election (CODING.md §1): a verb of winning among its
    main verbs or the clauses they govern ("to win the title", "after beating Egypt on penalties"), with a
    score or a word of sport or of an election in the sentence."""
    verbs = [v for main in _main_verbs(sent) for v in (main, *main.children) if v.pos_ in ("VERB", "AUX")]
    if not any(v.lemma_.lower() in VICTORY_VERBS for v in verbs):
        return False
    cues = SPORT_WORDS | ELECTION_WORDS
    return bool(_SCORE.search(sent.text)) or any(t.lower_ in cues or t.lemma_.lower() in cues for t in sent)


def hazard_sentence(sent: Span, mentions: Sequence[ActorMention] = ()) -> bool:
    """Whether ``sent`` reports what a natural hazard or an accident did (see the module's docstring)."""
    return bool(causes(sent, mentions))


def _acted(tok: Token, index: MentionIndex, skip: set[int]) -> bool:
    """A verb from ``tok`` up to its root has a subject naming an actor, other than a disaster of ``skip``
    ("an Iranian jet crashes"): the event is someone's act."""
    for t in (tok, *tok.ancestors):
        if t is not tok and t.lemma_.lower() in SPEECH_VERBS:
            return False  # who says so does not do it ("the ministry confirms that the cruiser sank")
        if any(c.dep_ in SUBJ and c.i not in skip and _subject_names_actor(c, index) for c in t.children):
            return True
    return False


def _subject_names_actor(tok: Token, index: MentionIndex) -> bool:
    """The subject itself names an actor ("Polish rescuers", "Poland"), not a place it is in ("people in
    Mozambique")."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod"))]
    return any(index.codes_at(t.i) for t in words)


def keep_events(doc: Doc, events: Sequence[EventMention], mentions: Sequence[ActorMention]) -> list[EventMention]:
    """``events`` without those of disaster sentences that no actor does (CODING.md §1)."""
    results = {sent.start for sent in doc.sents if result_sentence(sent)}
    disasters = {sent.start: found for sent in doc.sents if (found := causes(sent, mentions))}
    if not disasters and not results:
        return list(events)
    index = MentionIndex(doc, mentions)
    kept = [e for e in events if doc[e.trigger].sent.start not in results]
    return [e for e in kept if doc[e.trigger].sent.start not in disasters
            or _acted(doc[e.trigger], index, disasters[doc[e.trigger].sent.start])]


def annotate(state: State) -> None:
    """Pipeline stage ``events.nonpolitical.v1``: drops the events of disaster sentences from ``state.events``."""
    state.events = keep_events(state.doc, state.events, state.mentions)
