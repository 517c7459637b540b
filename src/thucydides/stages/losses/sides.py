"""Whose losses: actors from the mentions, subjects, owners and the main adversary of an agent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import ActorMention
from .lexicon import EXPERIENCER, LOSS_NOUNS, PEOPLE_VERBS, WAR_WORDS, words
from .quantities import Quantity, is_loss_verb, of_object

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token

__all__ = ["PRONOUNS", "Actors", "actor_of", "sentence_side", "side_of", "subject_of"]


class Actors:
    """The actor mentions of one document, looked up by character offsets."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention]) -> None:
        self.doc = doc
        media = [m for m in mentions if m.actor.sector == "MED"]
        self.outlets = sorted((m.start, m.end, m.actor.name or m.text) for m in media)
        self.spans = sorted((m.start, m.end, m.actor.code, m.actor.kind) for m in mentions
                            if m.actor.code and m.actor.sector != "MED")

    def outlet_in(self, start: int, end: int) -> str | None:
        """Name of the first news outlet mentioned in ``[start, end)``, or None."""
        return next((name for s, e, name in self.outlets if start <= s and e <= end), None)

    def code_in(self, start: int, end: int) -> str:
        """Code of the first mention overlapping ``[start, end)``, or ``""``."""
        for s, e, code, _ in self.spans:
            if s < end and start < e:
                return code
        return ""

    def codes_in(self, start: int, end: int) -> tuple[str, ...]:
        codes = [code for s, e, code, _ in self.spans if s < end and start < e]
        return tuple(dict.fromkeys(codes))

    def of_token(self, tok: Token) -> str:
        return self.code_in(tok.idx, tok.idx + len(tok))

    def of_phrase(self, tok: Token) -> str:
        """The code for a noun phrase: its head's mention, else the first mention inside it."""
        code = self.of_token(tok)
        if code:
            return code
        return self.code_in(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))

    def recent_subject(self, before: int) -> str:
        """The most recent actor before ``before`` that was a subject in the same sentence or in a loss or war
        context."""
        for s, e, code, _ in reversed(self.spans):
            if e > before:
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            subject = root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ in ("poss", "compound", "amod") and root.head.dep_ in ("nsubj", "nsubjpass"))
            same_sentence = root.sent.start_char <= before < root.sent.end_char
            if subject and (same_sentence or WAR_WORDS.search(root.sent.text)):
                return code
        return ""

    def is_party(self, code: str) -> bool:
        """Whether ``code`` is mentioned as a state or an armed group (not an IGO, a company or a person only)."""
        return any(c == code and kind in _PARTIES for _, _, c, kind in self.spans)

    def opponent(self, code: str) -> str:
        """The actor other than ``code`` mentioned most often among states and armed groups."""
        counts = Counter(c for _, _, c, kind in self.spans
                         if c != code and kind in _PARTIES)
        return counts.most_common(1)[0][0] if counts else ""

_PARTIES = frozenset({"state", "separatist", "group"})
PRONOUNS = words("they them their it its we our us he his she her")


def actor_of(tok: Token, actors: Actors) -> str:
    """The code of a noun phrase, resolving a pronoun without a mention to the recent loss subject."""
    code = actors.of_phrase(tok)
    pronoun = tok if tok.lower_ in PRONOUNS else next(
        (c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)  # "its forces"
    if not code and pronoun is not None:
        code = actors.of_token(pronoun) or actors.recent_subject(pronoun.idx)
    return code


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the governing verb for "managed to lose" and conjuncts."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _agent(verb: Token) -> Token | None:
    """Who did it: the active subject or the passive "by" phrase, borrowed from a coordinated verb."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _modifier_side(tokens: Sequence[Token], actors: Actors) -> str:
    """"Russian tanks", "Ukraine's losses", "its losses", "Hamas fighters", "30 Palestinians"."""
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN") and (code := actors.of_token(tok)):
            return code
        for child in tok.children:
            code = actor_of(child, actors) if child.dep_ in ("amod", "compound", "poss", "nmod") else ""
            if code and child.i < tok.i:
                return code
    return ""


def side_of(q: Quantity, trigger: Token, claimants: tuple[str, ...], actors: Actors, attacked: str = "") -> str:
    """Whose losses a claim counts, or ``""`` when the text does not say.

    ``attacked`` is the recipient of an attack the sentence states, for a count of people: it comes after
    what the words say ("Russian soldiers", "the enemy lost", "Ukraine suffered") and before the agent's
    adversary, a guess from the other states the article names."""
    loss_noun = trigger if trigger.pos_ == "NOUN" else None
    owner = of_object(loss_noun) if loss_noun is not None else None
    tokens = [t for t in (q.noun, loss_noun, owner) if t is not None]
    if code := _modifier_side(tokens, actors):
        return code
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX"):
        trigger = trigger.head
    if claimants and _enemy(tokens, trigger):
        return actors.opponent(claimants[0])
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in ("VERB", "AUX") and (lemma in EXPERIENCER or lemma == "die"):
        subject = subject_of(trigger)
        return actor_of(subject, actors) if subject is not None else attacked
    if attacked:
        return attacked
    if trigger.pos_ == "VERB" and is_loss_verb(trigger):
        return _agentive_side(trigger, claimants, actors)
    return ""


_ENEMY = words("enemy enemy's enemies adversary invader invaders occupier occupiers occupant occupants orc orcs")


def _enemy(tokens: Sequence[Token], trigger: Token) -> bool:
    """Whether the losses are "the enemy's": said of the other side by the claimant."""
    subject = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    near = [*tokens, *(c for t in tokens for c in t.children), *([subject] if subject is not None else [])]
    return any(t.lower_ in _ENEMY for t in near)


def _agentive_side(verb: Token, claimants: tuple[str, ...], actors: Actors) -> str:
    """Destroyed, killed, shot down: the adversary of the agent, or of a claimant reporting equipment downed."""
    agent = _agent(verb)
    if agent is not None:
        code = actor_of(agent, actors)
        return actors.opponent(code) if code else ""
    if not claimants:
        return ""
    if verb.lemma_.lower() not in PEOPLE_VERBS:
        return actors.opponent(claimants[0])
    return claimants[0] if actors.is_party(claimants[0]) else ""


def sentence_side(sent: Span, actors: Actors) -> str:
    """Whose losses a sentence speaks of: the owner of its loss noun or the subject of its "lose"."""
    for tok in sent:
        lemma, code = tok.lemma_.lower(), ""
        if tok.pos_ == "NOUN" and lemma in LOSS_NOUNS:
            code = _modifier_side([t for t in (tok, of_object(tok)) if t is not None], actors)
        elif tok.pos_ == "VERB" and lemma in EXPERIENCER and (subject := subject_of(tok)) is not None:
            code = actor_of(subject, actors)
        if code:
            return code
    return ""
