"""Stage 6: epistemic status — is an event asserted, alleged, denied or only hypothetical?

The status of an event is read off the dependency path from its trigger up to the reporting cue that
governs it (or the sentence root): negation, modal and future auxiliaries, conditional clauses,
hedging adverbs and raising verbs ("is said to", "is rumored to"), embedding verbs of intention
("plans to", "threatened to") and the stance of the attribution (:mod:`thucydides.stages.attribution`).

:func:`event_factuality` turns the same analysis into a number on the -3..+3 factuality scale
(UW / FactBank convention) and :func:`is_uncertain` flags hedged sentences (CoNLL-2010 style).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...nlp.words import (
    CLAIM_NOUNS,
    DENIAL_VERBS,
    FALSITY_NOUNS,
    FUTURE_AUXILIARIES,
    HEDGE_ADJS,
    HEDGE_ADVERBS,
    HEDGE_AMODS,
    HYPO_AMODS,
    MODALS,
    RAISING_HEDGES,
)
from ...pipeline.state import Source
from ..attribution import attribute

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

__all__ = ["Judgement", "event_factuality", "is_uncertain", "judge", "status_of", "uncertainty_score"]

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs whose complement is not (yet) real ("plans to", "threatened to", "is going to").
INTENT_HEADS: frozenset[str] = _words(
    "plan intend threaten want seek aim prepare hope expect try attempt propose consider vow promise "
    "pledge decide agree offer refuse wish mean schedule set aspire desire need demand urge ask call "
    "order push press plot scheme")
#: Adjectives of readiness whose negation is a statement of policy ("not willing to fight").
WILLING_ADJS: frozenset[str] = _words("willing ready prepared eager keen")
#: Verbs whose clausal or prepositional content is presented as evidence-based inference.
EVIDENTIAL_HEADS: frozenset[str] = _words(
    "suggest indicate point imply hint signal")
NEGATORS: frozenset[str] = _words(
    "not n't never no neither nor without")
CONDITIONAL_MARKS: frozenset[str] = _words(
    "if unless whether lest")
#: Event types whose content is future by nature: their future tense is the act itself.
FUTURE_SPEECH_ACTS: frozenset[str] = frozenset({"AGREE", "THREATEN"})
#: Nouns whose complement is only intended ("plans to attack", "no intention of invading").
INTENT_NOUNS: frozenset[str] = _words("plan plans intention intent aim goal bid attempt effort threat plot "
                                      "decision promise pledge offer proposal order call demand request")
#: Verbs whose object names the event itself ("made a request", "launched an attack").
LIGHT_VERBS: frozenset[str] = _words("make give issue launch carry conduct stage mount hold take submit file "
                                     "send deliver announce begin start continue resume")
#: Verbs whose complement did not happen ("declined to comment", "failed to report").
NEG_IMPLICATIVES: frozenset[str] = frozenset(["decline", "refuse", "fail", "neglect", "avoid", "forget"])
_MODAL_DEPS = frozenset(["conj", "xcomp", "dobj", "attr", "oprd", "compound", "amod", "acomp"])
_NEG_DEPS = frozenset(["conj", "dobj", "attr", "compound", "acomp", "oprd", "xcomp", "appos"])
#: Verbs whose negative object says nothing about an event ("reflects no change", "gave no reason").
_STATIVE_OBJECT_VERBS = frozenset(["reflect", "show", "indicate", "mean", "have", "see", "find", "mark",
                                   "represent", "signal", "leave", "pose", "face", "give", "offer", "make"])
_CHAIN_DEPS = _words("conj dobj pobj prep pcomp nsubj nsubjpass attr compound amod acomp "
                        "appos nmod poss oprd dative agent npadvmod xcomp")


@dataclass(frozen=True)
class Judgement:
    """The status of one event with the reason that decided it.

    Attributes:
        status: ``asserted``, ``alleged``, ``denied`` or ``hypothetical``.
        reason: short name of the deciding rule (``"negated"``, ``"modal"``, ``"source"``, ...).
        confidence: 0..1.
    """

    status: str
    reason: str
    confidence: float


# --------------------------------------------------------------------------- the path of a trigger

def _lemma(tok: Token) -> str:
    return str(tok.lemma_).lower()


def _predicates(doc: Doc, trigger_i: int, stop: int | None) -> list[Token]:
    """The trigger and the tokens above it, up to (not including) the cue ``stop`` or the root."""
    tok = doc[trigger_i]
    chain = [tok]
    while tok.head.i != tok.i and tok.head.i != stop and len(chain) < 16:
        tok = tok.head
        chain.append(tok)
    return chain


def _own_clause(chain: Sequence[Token]) -> list[Token]:
    """The part of the chain inside the trigger's clause (through coordination and noun phrases)."""
    out = [chain[0]]
    for prev, tok in itertools.pairwise(chain):
        if prev.dep_ not in _CHAIN_DEPS:
            break
        out.append(tok)
    return out


def _scope(chain: Sequence[Token]) -> list[Token]:
    """The chain up to the first adjunct boundary: hedges on a main clause do not reach into
    its adverbial, relative or prepositional adjuncts ("as it had signed…", "following days of…")."""
    out = [chain[0]]
    for prev, tok in itertools.pairwise(chain):
        adjunct = prev.dep_ in ("advcl", "relcl", "acl", "parataxis")
        if adjunct or (prev.dep_ == "prep" and tok.pos_ in ("VERB", "AUX")) or _object_of_other_act(prev, tok):
            break
        out.append(tok)
    return out


def _object_of_other_act(prev: Token, tok: Token) -> bool:
    """A nominal event that is the object of another act ("reportedly observing the invasion"): the
    hedge is about the act, not about the event; light verbs ("made a request") pass it on."""
    return prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("dobj", "pobj") and tok.pos_ in ("VERB", "AUX") \
        and _lemma(tok) not in LIGHT_VERBS


def _has_child(tok: Token, deps: Sequence[str], words: frozenset[str]) -> bool:
    return any(c.dep_ in deps and (c.lower_ in words or _lemma(c) in words) for c in tok.children)


def _negated(clause: Sequence[Token]) -> bool:
    """Negation on the trigger, or on the verb it is the subject, object or complement of."""
    for k, tok in enumerate(clause):
        if k and (clause[k - 1].dep_ not in _NEG_DEPS or _contrast(clause[k - 1], tok)):
            return False
        if _has_child(tok, ("neg", "det", "advmod", "preconj"), NEGATORS):
            return True
        if k == 0 and _negative_argument(tok):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "without":
            return True
    return False


def _contrast(conjunct: Token, head: Token) -> bool:
    """"would not divulge X but said Y": negation does not cross a contrastive coordination."""
    return conjunct.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)


def _negative_argument(tok: Token) -> bool:
    """"No one has claimed it", "attacked nobody", "sent no troops"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for c in tok.children:
        negative = c.lower_ in ("nobody", "nothing", "none") or _has_child(c, ("det",), NEGATORS)
        if negative and (c.dep_ in ("nsubj", "nsubjpass") or
                         (c.dep_ == "dobj" and _lemma(tok) not in _STATIVE_OBJECT_VERBS)):
            return True
    return False


def _implicative_negation(clause: Sequence[Token]) -> bool:
    """"declined to confirm", "refused to go", "failed to report": the complement did not happen."""
    for prev, tok in itertools.pairwise(clause):
        if prev.dep_ == "xcomp" and _lemma(tok) in NEG_IMPLICATIVES:
            return True
        if prev.dep_ not in _NEG_DEPS:
            return False
    return False


def _branded_false(chain: Sequence[Token]) -> bool:
    """The event is the content of reports branded false: "there is no truth in reports that …",
    "reports that … are fake", "called the claims that … lies"."""
    for prev, tok in itertools.pairwise(chain[:8]):
        if _lemma(tok) in CLAIM_NOUNS and _content_clause(prev):
            return _falsity_around(tok)
    return False


def _falsity_around(claim: Token) -> bool:
    head = claim.head
    if claim.dep_ == "pobj" and _lemma(head.head) in ("truth", "basis", "substance", "evidence", "foundation"):
        return _has_child(head.head, ("det", "neg"), NEGATORS)
    if claim.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return any(_lemma(t) in FALSITY_NOUNS and t.dep_ != "amod" for t in head.subtree if t.i > claim.i)
    return False


def _content_clause(tok: Token) -> bool:
    """``tok`` heads the content of a noun or verb ("reports that …"), not a participle ("made by …")."""
    return tok.dep_ == "ccomp" or (tok.dep_ in ("acl", "relcl") and any(c.dep_ == "mark" for c in tok.children))


def _denied_above(chain: Sequence[Token]) -> bool:
    """The event is the object or complement of a denial ("denied that it attacked", "rejected reports
    of an attack") even though no attribution was found for it."""
    for prev, tok in itertools.pairwise(chain):
        if _lemma(tok) in DENIAL_VERBS and prev.dep_ in ("ccomp", "dobj", "xcomp"):
            return True
        if prev.dep_ not in _CHAIN_DEPS and not _content_clause(prev):
            return False
    return False


def _modal(tok: Token) -> str | None:
    """``"future"`` for will/shall, ``"modal"`` for could/may/would…, ``"modal_perfect"`` for
    may have / could have, else None."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    modals = [c.lower_ for c in auxes if c.lower_ in MODALS or _lemma(c) in MODALS]
    if not modals:
        return None
    if any(_lemma(c) == "have" for c in auxes):
        return "modal_perfect"
    return "future" if all(m in FUTURE_AUXILIARIES for m in modals) else "modal"


def _going_to(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "xcomp" and head.lower_ == "going" and any(c.dep_ == "aux" for c in head.children)


# --------------------------------------------------------------------------- the rules

def _intent_noun(tok: Token) -> Token | None:
    """The noun of intention an event hangs on ("plans to attack", "the intention of annexing"), or None."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "of":
        head = head.head
    elif tok.dep_ not in ("acl", "xcomp"):
        return None
    return head if head.pos_ == "NOUN" and _lemma(head) in INTENT_NOUNS else None


def _modal_link(prev: Token, tok: Token) -> bool:
    """Whether modality on ``tok`` reaches ``prev`` below it (also "could do so by giving loans")."""
    if prev.dep_ in _MODAL_DEPS:
        return True
    means = ("by", "through")
    return (prev.dep_ == "pcomp" and tok.lower_ in means) or (prev.dep_ == "prep" and prev.lower_ in means)


def _hypothetical(doc: Doc, chain: Sequence[Token], clause: Sequence[Token]) -> str | None:
    """The reason the event is only possible, planned or conditional, or None."""
    for k, tok in enumerate(clause):
        if k and not _modal_link(clause[k - 1], tok):
            break
        modal = _modal(tok)
        if modal in ("modal", "future"):
            return modal
        if _going_to(tok):
            return "future"
        if _intent_noun(tok) is not None:
            return "intent"
        if tok.dep_ == "xcomp" and _lemma(tok.head) in INTENT_HEADS:
            return "intent"
        if tok.dep_ in ("pobj", "dobj") and _lemma(tok.head) in INTENT_HEADS:
            return "intent"
        if _has_child(tok, ("amod",), HYPO_AMODS):
            return "possible"
    for tok in chain:
        if tok.dep_ in ("advcl", "ccomp", "csubj") and _has_child(tok, ("mark", "advmod"), CONDITIONAL_MARKS):
            return "conditional"
    return "question" if chain[0].i in _question_tokens(doc) else None


def _question_tokens(doc: Doc) -> frozenset[int]:
    """Token indices of the sentences that end with a question mark (computed once per Doc)."""
    cached = doc.user_data.get("thucydides.questions")
    if cached is None and not doc.has_annotation("SENT_START"):
        return frozenset()
    if cached is None:
        cached = frozenset(i for sent in doc.sents
                           if sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")
                           for i in range(sent.start, sent.end))
        doc.user_data["thucydides.questions"] = cached
    return cached if isinstance(cached, frozenset) else frozenset(cached)


def _hedged(chain: Sequence[Token], clause: Sequence[Token]) -> str | None:
    """The reason the event is presented as unconfirmed, or None."""
    for k, tok in enumerate(clause):
        if k and _object_of_other_act(clause[k - 1], tok):
            break
        if _modal(tok) == "modal_perfect":
            return "modal_perfect"
        if _has_child(tok, ("advmod", "amod"), HEDGE_ADVERBS | HEDGE_AMODS):
            return "hedge"
    for tok in _scope(chain)[1:]:
        lemma = _lemma(tok)
        passive = any(c.dep_ == "auxpass" for c in tok.children) or (tok.tag_ == "VBN" and tok.dep_ == "acl")
        if lemma in RAISING_HEDGES and (passive or lemma in ("seem", "appear")):
            return "raising"
        if lemma in HEDGE_ADJS and tok.pos_ == "ADJ":
            return "hedge"
        if lemma in EVIDENTIAL_HEADS:
            return "evidential"
        if _has_child(tok, ("advmod",), HEDGE_ADVERBS):
            return "hedge"
    for prev, tok in itertools.pairwise(chain[:6]):
        if _content_clause(prev) and tok.pos_ == "NOUN" and _lemma(tok) in CLAIM_NOUNS:
            return "reported"  # "reports that Belarus sent troops"
    return None


def _from_source(source: Source, actor: Sequence[str]) -> Judgement:
    if source.stance == "allege":
        return Judgement("alleged", "allege_cue", 0.8)
    if actor and set(source.by) & set(actor):
        return Judgement("asserted", "self_report", 0.75)
    return Judgement("alleged", "source", 0.7 if source.anonymous or not source.by else 0.75)


def _negated_policy(clause: Sequence[Token]) -> bool:
    """A plain negative statement about policy, not a denial of an event: the negation is on a future or
    modal verb or on an intention ("will not withdraw", "would not send", "do not plan to cut off",
    "are not willing to fight"), up to the negated token of the clause."""
    for k, tok in enumerate(clause):
        if _modal(tok) in ("future", "modal") or (k and _lemma(tok) in INTENT_HEADS | WILLING_ADJS):
            return True
        if _has_child(tok, ("neg", "det", "advmod", "preconj"), NEGATORS):
            return False
    return False


def _denial(trigger: Token, chain: Sequence[Token], clause: Sequence[Token]) -> Judgement | None:
    """Negation of the event itself, or of what it hangs on (denials, false reports, refusals). A negative
    statement of policy or intention is no denial: the event is only hypothetical."""
    if _negated(clause) and _negated_policy(clause):
        return Judgement("hypothetical", "negated_policy", 0.7)
    if _negated(clause) or _denied_above(chain) or _branded_false(chain):
        return Judgement("denied", "negated", 0.8)
    intent = _intent_noun(trigger)
    if intent is not None and _negated([intent]):
        return Judgement("hypothetical", "negated_policy", 0.7)  # "has no plans to fight in Ukraine"
    if _implicative_negation(clause):
        return Judgement("denied", "declined", 0.75)
    return None


def judge(doc: Doc, trigger_i: int, source: Source | None, *, actor: Sequence[str] = (),
          event_type: str | None = None) -> Judgement:
    """The status of the event whose trigger is token ``trigger_i``, with the deciding rule.

    Args:
        doc: a parsed spaCy ``Doc``.
        trigger_i: token index of the event trigger.
        source: the attribution of the event (:func:`thucydides.stages.attribution.attribute`), or None.
        actor: codes of the event's actor; a source speaking of its own act asserts it.
        event_type: PLOVER type; for AGREE and THREATEN the future tense is the act itself.
    """
    if source is not None and source.stance == "deny":
        return Judgement("denied", "deny_cue", 0.85)
    chain = _predicates(doc, trigger_i, source.cue_i if source is not None else None)
    clause = _own_clause(chain)
    denial = _denial(doc[trigger_i], chain, clause)
    if denial is not None:
        return denial
    hypo = _hypothetical(doc, chain, clause)
    if hypo is not None and not (event_type in FUTURE_SPEECH_ACTS and hypo in ("modal", "future", "intent")):
        return Judgement("hypothetical", hypo, 0.75 if hypo != "question" else 0.6)
    hedge = _hedged(chain, clause)
    if hedge is not None:
        return Judgement("alleged", hedge, 0.8)
    if source is not None:
        return _from_source(source, actor)
    return Judgement("asserted", "stated", 0.7)


def status_of(doc: Doc, trigger_i: int, source: Source | None, *, actor: Sequence[str] = (),
              event_type: str | None = None) -> tuple[str, float]:
    """``(status, confidence)`` of the event whose trigger is token ``trigger_i``.

    ``status`` is ``asserted``, ``alleged``, ``denied`` or ``hypothetical``; see :func:`judge` for the
    optional arguments.
    """
    j = judge(doc, trigger_i, source, actor=actor, event_type=event_type)
    return j.status, j.confidence


# --------------------------------------------------------------------------- factuality scale

#: Factuality (-3..+3) per deciding rule; the values are the mean gold factuality of the events each
#: rule decides on the UW training split (see ``benchmarks/status_eval.py --fit``), rounded.
FACTUALITY: dict[str, float] = {
    "deny_cue": 1.4, "negated": -1.7, "declined": -1.4, "modal": 1.5, "future": 2.2, "intent": 1.6,
    "possible": 2.0, "conditional": 1.0, "question": 0.5, "modal_perfect": 2.0, "hedge": 2.3,
    "raising": 1.7, "evidential": 2.0, "reported": 2.0, "allege_cue": 2.0, "self_report": 2.7,
    "source": 2.4, "stated": 2.7,
}


def event_factuality(doc: Doc, trigger_i: int) -> float:
    """How strongly the text commits to the event at token ``trigger_i`` having happened.

    +3 certainly happened, 0 unknown or only possible, -3 certainly did not.
    """
    j = judge(doc, trigger_i, attribute(doc, trigger_i, ()))
    return FACTUALITY.get(j.reason, 0.0)


# --------------------------------------------------------------------------- hedged sentences

#: Hedge and weasel cues with their weights (CoNLL-2010 "uncertain" sentences).
HEDGE_CUES: dict[str, float] = {
    **dict.fromkeys(_words(
        "might possibly probably probable perhaps maybe allegedly reportedly purportedly supposedly "
        "presumably seemingly suggest suggests suggested suggesting speculated speculation rumored "
        "rumoured believed unclear uncertain doubtful widely critics scholars historians observers "
        "seems arguably"), 1.0),
    **dict.fromkeys(_words(
        "may some many several considered generally claimed likely unlikely commonly largely "
        "apparently sometimes notable estimated experts"), 0.6),
    **dict.fromkeys(_words(
        "could possible often usually various numerous others appears appear appeared regarded "
        "claim claims approximately seem seemed thought rumor rumors"), 0.3),
}
HEDGE_PHRASES: dict[str, float] = {
    "it is said": 1.0, "is said to": 1.0, "are said to": 1.0, "was said to": 1.0, "some people": 1.0,
    "it is believed": 1.0, "it is thought": 1.0, "is believed to": 1.0, "is thought to": 1.0,
    "according to some": 1.0, "one of the most": 0.6, "one of the best": 0.6, "is known as": 0.3,
    "has been described": 0.6, "have been described": 0.6, "is considered": 0.6, "are considered": 0.6,
    "is regarded": 0.6, "it has been": 0.4, "there are claims": 1.0, "point to": 0.6,
}
UNCERTAIN_THRESHOLD = 0.6
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def uncertainty_score(doc_or_span: Any) -> float:
    """Sum of the weights of the hedge cues in a sentence, a span or a plain string."""
    raw = str(getattr(doc_or_span, "text", doc_or_span))
    text = raw.lower()
    score = sum(HEDGE_CUES.get(m.group().lower(), 0.0) for m in _WORD.finditer(raw) if not _is_month(raw, m))
    return score + sum(v for phrase, v in HEDGE_PHRASES.items() if phrase in text)


def _is_month(raw: str, m: re.Match[str]) -> bool:
    """"May" the month ("3 May", "May 9", "in May") rather than the modal."""
    if m.group() != "May" or m.start() == 0:
        return False
    before, after = raw[:m.start()].rstrip(), raw[m.end():].lstrip()
    return before[-1:].isdigit() or after[:1].isdigit() or before.endswith((" in", " of", " since", " until"))


def is_uncertain(doc_or_span: Any, threshold: float = UNCERTAIN_THRESHOLD) -> bool:
    """Whether a sentence (or span, Doc or string) is hedged or uncertain, CoNLL-2010 style."""
    return uncertainty_score(doc_or_span) >= threshold
