"""The event stage ``events.rules.v1``: event triggers, their PLOVER type, mode and CAMEO code, and roles.

Triggers come from :mod:`.lexicon` (verbs, phrasal verbs, verbs that need a certain object, and nominal
events); roles from :mod:`.roles`. The stage adds one unsettled :class:`EventMention` per trigger (the
candidates of one sentence share a ``group``); the attribution stage then finds who says so and the status
stage settles each candidate (keeps or drops it, and fills status, place and date), see
:mod:`thucydides.stages.status.settle`. :mod:`thucydides.stages.merge` turns the settled events into
propositions with claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...model import ActorMention
from ...nlp.words import CLAIM_NOUNS, DENIAL_VERBS, FALSITY_NOUNS
from ...pipeline.state import EventMention, State
from . import roles
from .lexicon import DEFAULT_LEXICON, VERBS, Lexicon, Trigger
from .roles import MentionIndex

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token

__all__ = ["annotate", "candidate_events", "find_triggers", "make_event"]

DISMISS_VERBS = frozenset({"dismiss", "reject", "brand", "denounce", "call", "describe", "label"})
RECEIVER_VERBS = frozenset({"receive", "face", "suffer", "become", "get", "come", "endure", "hit"})
LIGHT_VERBS = frozenset({"make", "issue", "launch", "conduct", "stage", "carry", "deliver", "mount", "send",
                         "submit", "file", "lodge", "impose", "announce", "level", "hold", "have", "pay", "begin",
                         "start", "take", "resume", "step", "order", "declare"})
EVENT_NOUNS = frozenset({"attack", "strike", "invasion", "offensive", "bombing", "shelling", "assault", "raid",
                         "airstrike", "incursion", "drill", "exercise", "killing", "massacre", "annexation",
                         "launch", "test", "bombardment", "seizure", "crackdown"})


def _particle(tok: Token) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")]


def _objects(tok: Token) -> list[Token]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "oprd", "attr")]
    for c in tok.children:
        if c.dep_ in ("prt", "prep") and c.lower_ in ("on", "off", "out", "up", "in", "to", "for"):
            objs.extend(x for x in c.children if x.dep_ in ("dobj", "pobj"))  # "signed on a statement"
        if c.dep_ == "ccomp":
            objs.extend(x for x in c.children if x.dep_ in ("attr", "acomp"))
    for obj in list(objs):  # "dozens of rockets", "a barrage of missiles"
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs.extend(x for x in prep.children if x.dep_ == "pobj")
    return objs


def _verb_trigger(tok: Token, lex: Lexicon = DEFAULT_LEXICON) -> Trigger | None:
    lemma = tok.lemma_.lower()
    if lemma == "order" and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None  # "ordered an offensive" is the offensive; "ordered X to leave" is a demand
    if lemma in DENIAL_VERBS and any(
            o.lemma_.lower() in CLAIM_NOUNS for o in _objects(tok)):
        return None  # "rejected claims that ..." denies the content (see status), it is no REJECT event
    for part in _particle(tok):
        found = lex.particle_verbs.get((lemma, part))
        if found is not None:
            return found
    frames = lex.object_frames.get(lemma)
    if frames:
        for obj in _objects(tok):
            hit = frames.get(obj.lemma_.lower()) or frames.get(obj.lower_)
            if hit is not None:
                return hit
            for sub in obj.children:  # "called Russia its strategic partner"; "fired artillery shells"
                hit = frames.get(sub.lemma_.lower()) if sub.dep_ in ("appos", "attr", "oprd", "compound") else None
                if hit is not None:
                    return hit
    return lex.verbs.get(lemma)


def find_triggers(sent: Span, lex: Lexicon = DEFAULT_LEXICON) -> list[tuple[Token, Trigger, bool]]:
    """Every (token, trigger, is_nominal) in a sentence span."""
    found: list[tuple[Token, Trigger, bool]] = []
    for tok in sent:
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.lemma_ == "have"):
            trig = (_deontic(tok) if lex.special_rules else None) or _verb_trigger(tok, lex)
            if trig is not None:
                found.append((tok, trig, False))
        elif tok.pos_ == "NOUN":
            ntrig = (_labour_strike(tok) if lex.special_rules else None) or lex.nouns.get(tok.lemma_.lower())
            if ntrig is not None and not _is_light_object(tok, lex):
                found.append((tok, ntrig, True))
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in lex.adjectives:
            found.append((tok.head, lex.adjectives[tok.lower_], False))
    return found


STRIKE_KINDS = {"hunger": "hunger", "general": "strike", "labour": "strike", "labor": "strike",
                "worker": "strike", "rail": "strike", "national": "strike", "nationwide": "strike"}
DEONTIC = frozenset({"must", "should", "ought"})


def _labour_strike(tok: Token) -> Trigger | None:
    """"a hunger strike", "a general strike": a protest, not a military strike."""
    if tok.lemma_.lower() != "strike":
        return None
    for child in tok.children:
        kind = STRIKE_KINDS.get(child.lemma_.lower())
        if kind and child.dep_ in ("compound", "amod", "nmod"):
            return Trigger("PROTEST", kind, obj_recipient=False, preps=("against",), name="rules.protest.strike.v1")
    return None


def _deontic(tok: Token) -> Trigger | None:
    """"X said Y must reach an agreement": the speaker demands it of Y."""
    if any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in tok.children):
        return Trigger("REQUEST", None, obj_recipient=False, absorbs=True, accusation=True,
                       name="rules.request.deontic.v1")
    return None


def _is_light_object(tok: Token, lex: Lexicon = DEFAULT_LEXICON) -> bool:
    """A noun that is the object of a verb whose frame already made it an event ("signed a deal")."""
    head = tok.head
    return tok.dep_ == "dobj" and head.lemma_.lower() in lex.object_frames and \
        tok.lemma_.lower() in lex.object_frames[head.lemma_.lower()]


def _verb_roles(tok: Token, trig: Trigger, index: MentionIndex) -> tuple[tuple[str, ...], tuple[str, ...]]:
    actor = roles.subject_codes(tok, index)
    recipient: tuple[str, ...] = ()
    if trig.obj_recipient:
        obj = roles.object_of(tok)
        recipient = roles.codes_of(obj, index) if obj is not None else ()
    recipient = recipient or roles.pobj_codes(tok, trig.preps, index)
    if not recipient and trig.type == "REQUEST":  # "demanded that it withdraw"
        for child in tok.children:
            if child.dep_ in ("ccomp", "xcomp"):
                recipient = next((roles.codes_of(c, index) for c in child.children if c.dep_ in roles.SUBJ), ())
    if trig.swap and (recipient or trig.preps):  # "X hosted Y": Y visits X; "X hosted talks": X acts
        return recipient, actor
    return actor, recipient


def _noun_roles(tok: Token, trig: Trigger, index: MentionIndex) -> tuple[tuple[str, ...], tuple[str, ...]]:
    actor: tuple[str, ...] = ()
    for child in tok.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            actor = actor or index.codes_at(child.i) or roles.codes_of(child, index)
    actor = actor or roles.pobj_codes(tok, ("by", "from"), index)
    recipient = roles.pobj_codes(tok, trig.preps, index)
    head = tok.head
    while head.dep_ in ("prep", "pobj") and head.head is not head:
        head = head.head  # "the subject of sanctions" -> "became"
    verb = roles.clause_head(head)
    if verb.lemma_.lower() in RECEIVER_VERBS and not recipient:
        recipient = roles.subject_codes(verb, index)
    elif verb.lemma_.lower() in LIGHT_VERBS and tok.dep_ in ("dobj", "nsubjpass") and not actor:
        actor = roles.subject_codes(verb, index)
    return actor, recipient


COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "dative", "attr", "oprd", "acomp", "pobj", "prt",
                             "acl", "relcl", "nmod", "compound", "amod"})


def _scope(tok: Token) -> tuple[tuple[int, int], ...]:
    """Token ranges of the trigger's complements (what is requested, threatened, promised), not its subject
    or adverbial clauses."""
    return tuple((c.left_edge.i, c.right_edge.i + 1) for c in tok.children
                 if c.dep_ in COMPLEMENT_DEPS and c.lower_ not in ("as", "after", "before", "while", "since"))


def _evidence(tok: Token, sent: Span) -> tuple[int, int]:
    start = tok.left_edge.i
    for child in tok.children:
        if child.dep_ in roles.SUBJ:
            start = min(start, child.left_edge.i)
    end = min(tok.right_edge.i + 1, sent.end)
    start = max(start, sent.start)
    if end - start < 3:
        start, end = sent.start, sent.end
    doc = tok.doc
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _partners(tok: Token, index: MentionIndex) -> tuple[str, ...]:
    """Codes of "with X" partners anywhere in the trigger's phrase, outside nested clauses."""
    codes: list[str] = []
    stack = [c for c in tok.children if c.dep_ not in roles.SUBJ | {"ccomp", "advcl", "relcl", "conj"}]
    while stack:
        cur = stack.pop()
        if cur.dep_ == "prep" and cur.lower_ == "with":
            codes.extend(c for p in cur.children if p.dep_ == "pobj" for c in roles.codes_of(p, index))
        stack.extend(c for c in cur.children if c.dep_ not in ("ccomp", "advcl", "relcl", "acl"))
    return tuple(dict.fromkeys(codes))


def make_event(tok: Token, trig: Trigger, nominal: bool, index: MentionIndex, group: int = 0) -> EventMention:
    """An unsettled event for the trigger ``trig`` at ``tok``, with its roles, evidence span and scope."""
    actor, recipient = (_noun_roles if nominal else _verb_roles)(tok, trig, index)
    reciprocal = False
    if trig.reciprocal:
        partners = _partners(tok, index) + (recipient if trig.type == "CONSULT" else ())
        if partners or len(actor) > 1:
            actor, recipient = tuple(dict.fromkeys(actor + partners + recipient)), ()
            reciprocal = len(actor) > 1
    recipient = tuple(c for c in recipient if c not in actor)
    if not recipient and trig.type in ("ACCUSE", "REJECT") and not nominal:
        recipient = _event_object_target(tok, index)
    sent = tok.sent
    start, end = _evidence(tok, sent)
    return EventMention(
        type=trig.type, mode=trig.mode, trigger=tok.i, actor=actor, recipient=recipient, start=start, end=end,
        sentence=(sent.start_char, sent.end_char), extractor=trig.extractor, absorbs=trig.absorbs,
        scope=_scope(tok), confidence=0.8 if actor and (recipient or trig.reciprocal) else 0.6,
        cameo=trig.cameo, group=group,
        extras={"nominal": nominal, "accusation": trig.accusation, "lemma": tok.lemma_.lower(),
                "named_subject": not nominal and roles.has_named_subject(tok), "reciprocal": reciprocal})


def _event_object_target(tok: Token, index: MentionIndex) -> tuple[str, ...]:
    """"condemned the attack": the recipient is whoever carried out the attack the article reported."""
    obj = roles.object_of(tok)
    if obj is None or obj.lemma_.lower() not in EVENT_NOUNS:
        return ()
    named = roles.pobj_codes(obj, ("by",), index) or tuple(
        c for ch in obj.children if ch.dep_ in ("poss", "amod", "compound") for c in index.codes_at(ch.i))
    if named:
        return named  # "condemned an attack by X", "condemned X's attack"
    for prev in reversed(list(tok.doc[: tok.i])):
        if prev.lemma_.lower() in VERBS and VERBS[prev.lemma_.lower()].type == "ASSAULT" or \
                prev.lemma_.lower() in ("launch", "fire") and prev.pos_ == "VERB":
            codes = roles.subject_codes(prev, index)
            if codes:
                return codes
    return ()


def _dismissal(tok: Token, index: MentionIndex, group: int = 0) -> EventMention | None:
    """"X dismissed the reports as disinformation from Y": X accuses Y (and denies the reports)."""
    if tok.lemma_.lower() not in DISMISS_VERBS:
        return None
    for prep in (c for c in tok.subtree if c.lower_ == "as" and c.dep_ == "prep"):
        falsity = [t for t in prep.subtree if t.lemma_.lower() in FALSITY_NOUNS]
        if not falsity:
            continue
        target = roles.pobj_codes(falsity[0], ("from", "by", "of"), index) or tuple(
            c for t in falsity[0].children if t.dep_ in ("poss", "amod", "compound") for c in index.codes_at(t.i))
        after = falsity[0].right_edge.i + 1
        if not target and after < len(tok.doc) and tok.doc[after].lower_ in ("from", "by"):
            target = tuple(c for p in tok.doc[after].children if p.dep_ == "pobj" for c in roles.codes_of(p, index))
        ev = make_event(tok, Trigger("ACCUSE", "allege", name="rules.accuse.dismissal.v1"), False, index, group)
        if ev is not None and target:
            ev.recipient, ev.absorbs, ev.extras["dismissal"] = target, False, True
            return ev
    return None


def candidate_events(doc: Doc, mentions: Sequence[ActorMention],
                     lexicon: Lexicon | None = None) -> list[EventMention]:
    """Every trigger of the document as an unsettled event with its roles, sentence by sentence.

    Args:
        doc: a spaCy ``Doc``.
        mentions: the actor stage's mentions.
        lexicon: the triggers to use; by default the team's (:data:`.lexicon.DEFAULT_LEXICON`).
    """
    lex = lexicon or DEFAULT_LEXICON
    index = MentionIndex(doc, mentions)
    found: list[EventMention] = []
    for group, sent in enumerate(doc.sents):
        found.extend(make_event(tok, trig, nominal, index, group) for tok, trig, nominal in find_triggers(sent, lex))
        for tok in sent if lex.special_rules else ():
            if tok.pos_ == "VERB":
                dismissal = _dismissal(tok, index, group)
                if dismissal is not None:
                    found.append(dismissal)
    return found


def annotate(state: State) -> None:
    """Pipeline stage ``events.rules.v1``: sets ``state.events`` to the unsettled candidates."""
    state.events = candidate_events(state.doc, state.mentions)
