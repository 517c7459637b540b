"""Stages 3 and 4: event detection and typing (PLOVER type, mode, CAMEO code) and the event's roles.

Triggers come from :mod:`thucydides.stages.events.lexicon` (verbs, phrasal verbs, verbs that need a certain object, and
nominal events); roles come from :mod:`thucydides.stages.events.roles`; attribution and status from
:mod:`thucydides.stages.attribution` and :mod:`thucydides.stages.status`. The result is a list of :class:`EventMention`,
one per trigger, that :mod:`thucydides.stages.merge` turns into propositions with claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...pipeline.state import EventMention, Source, State
from ...plover import quad_of
from ..attribution import attribute
from ..status import status_of
from . import roles
from .lexicon import CLAIM_NOUNS, DEFAULT_LEXICON, REQUEST_MODES, VERBS, Lexicon, Trigger
from .roles import MentionIndex

__all__ = ["EventMention", "annotate", "detect_events", "find_triggers", "finish_events"]

Token = Any
NEEDS_RECIPIENT = frozenset({"SANCTION", "AID", "COOPERATE"})
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
TERRITORY_WORDS = frozenset({"city", "town", "village", "territory", "capital", "region", "control", "center",
                             "centre", "land", "soil"})
FALSITY = frozenset({"disinformation", "misinformation", "propaganda", "lie", "fake", "fabrication",
                     "slander", "smear", "provocation", "falsehood", "nonsense", "hoax"})
DISMISS_VERBS = frozenset({"dismiss", "reject", "brand", "denounce", "call", "describe", "label"})
RECEIVER_VERBS = frozenset({"receive", "face", "suffer", "become", "get", "come", "endure", "hit"})
LIGHT_VERBS = frozenset({"make", "issue", "launch", "conduct", "stage", "carry", "deliver", "mount", "send",
                         "submit", "file", "lodge", "impose", "announce", "level", "hold", "have", "pay", "begin",
                         "start", "take", "resume", "step", "order", "declare"})
BACKGROUND_PREPS = frozenset({"amid", "despite", "following", "after", "since", "before", "during"})
FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "wo"})
MODAL_MARKERS = frozenset({"could", "may", "might", "would", "can"})
LOCATION_PREPS = frozenset({"in", "at", "near", "during", "outside", "inside"})
EVENT_NOUNS = frozenset({"attack", "strike", "invasion", "offensive", "bombing", "shelling", "assault", "raid",
                         "airstrike", "incursion", "drill", "exercise", "killing", "massacre", "annexation",
                         "launch", "test", "bombardment", "seizure", "crackdown"})
LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
INTENT_VERBS = frozenset({"plan", "intend", "promise", "pledge", "vow", "aim", "prepare", "agree", "offer"})


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
    if lemma in ("reject", "dismiss", "refute", "deny", "rebuff") and any(
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


def find_triggers(sent: Any, lex: Lexicon = DEFAULT_LEXICON) -> list[tuple[Token, Trigger, bool]]:
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
THREAT_INTENT = frozenset({"vow", "swear", "threaten", "plan", "pledge", "promise", "prepare", "intend", "warn",
                          "decide", "resolve", "consider"})
CONFLICT_TO_THREAT = {"PROTEST": "restrict", "SANCTION": "restrict", "COERCE": "restrict", "ASSAULT": "violence",
                      "MOBILIZE": "violence"}


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


def _evidence(tok: Token, sent: Any) -> tuple[int, int]:
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


def _has_child(tok: Token, words: frozenset[str]) -> bool:
    return any(c.lower_ in words and c.dep_ in ("aux", "auxpass", "advmod") for c in tok.children)


def _governing_verbs(tok: Token) -> list[Token]:
    chain, cur = [], tok
    for _ in range(12):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            chain.append(cur)
    return chain


def _is_future(tok: Token) -> bool:
    """Future tense or announced intent: "will meet", "plans to visit"."""
    if _has_child(tok, FUTURE_MARKERS):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in INTENT_VERBS


def _is_modal(tok: Token) -> bool:
    if _has_child(tok, MODAL_MARKERS) or (tok.dep_ == "conj" and _has_child(tok.head, MODAL_MARKERS)):
        return True
    return any(v.lemma_.lower() == "exclude" and any(c.dep_ == "neg" for c in v.children)
               for v in _governing_verbs(tok)[:3])


def _location(tok: Token, taken: set[int]) -> str | None:
    for prep in [c for c in tok.subtree if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS]:
        for t in prep.subtree:
            if t.i in taken or t is prep:
                continue
            if t.ent_type_ in LOCATION_LABELS:
                ent = next((e for e in tok.doc.ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    return str(ent.text).removeprefix("the ")
    return None


def _attach_date(ev: EventMention, tok: Token, dates: Sequence[Any], cue_i: int | None) -> None:
    clause = roles.clause_head(tok)
    anchors = [clause] + ([tok.doc[cue_i]] if cue_i is not None else [])
    for anchor in anchors:
        for dm in dates:
            root = tok.doc[dm.root]
            if anchor.left_edge.i <= root.i <= anchor.right_edge.i and \
                    ev.sentence[0] <= root.idx < ev.sentence[1]:
                ev.date, ev.date_precision = dm.value, dm.precision
                return


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


def _refine_mode(ev: EventMention, tok: Token) -> None:
    if ev.type not in ("REQUEST", "REJECT") or ev.mode is not None:
        return
    for t in tok.subtree:
        mode = REQUEST_MODES.get(t.lemma_.lower())
        if mode is not None and t.i != tok.i:
            ev.mode = mode
            return


def _complete_roles(ev: EventMention, tok: Token, index: MentionIndex) -> None:
    """An attack on a place in another state targets that state; a meeting "by phone" is remote."""
    if ev.type == "ASSAULT" and not ev.recipient and ev.location:
        for t in tok.subtree:
            if t.ent_type_ in LOCATION_LABELS and t.text in ev.location:
                codes = tuple(c for c in index.codes_at(t.i) if c not in ev.actor)
                if codes:
                    ev.recipient = codes
                    return
    if ev.type == "CONSULT" and any(t.lower_ in ("phone", "telephone", "video", "videoconference", "call")
                                    and t.head.lower_ == "by" for t in tok.subtree):
        ev.mode = "phone"


def _protest_to(ev: EventMention, tok: Token, index: MentionIndex) -> None:
    """A state protesting *to* another state complains officially: ACCUSE, not a street protest."""
    if ev.type == "PROTEST" and not ev.extras["nominal"]:
        target = roles.pobj_codes(tok, ("to",), index)
        if target:
            ev.type, ev.mode, ev.recipient = "ACCUSE", "disapprove", target
            ev.extractor = "rules.accuse.protest_to.v1"


def _make(tok: Token, trig: Trigger, nominal: bool, index: MentionIndex) -> EventMention | None:
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
        cameo=trig.cameo,
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


def _dismissal(tok: Token, index: MentionIndex) -> EventMention | None:
    """"X dismissed the reports as disinformation from Y": X accuses Y (and denies the reports)."""
    if tok.lemma_.lower() not in DISMISS_VERBS:
        return None
    for prep in (c for c in tok.subtree if c.lower_ == "as" and c.dep_ == "prep"):
        falsity = [t for t in prep.subtree if t.lemma_.lower() in FALSITY]
        if not falsity:
            continue
        target = roles.pobj_codes(falsity[0], ("from", "by", "of"), index) or tuple(
            c for t in falsity[0].children if t.dep_ in ("poss", "amod", "compound") for c in index.codes_at(t.i))
        after = falsity[0].right_edge.i + 1
        if not target and after < len(tok.doc) and tok.doc[after].lower_ in ("from", "by"):
            target = tuple(c for p in tok.doc[after].children if p.dep_ == "pobj" for c in roles.codes_of(p, index))
        ev = _make(tok, Trigger("ACCUSE", "allege", name="rules.accuse.dismissal.v1"), False, index)
        if ev is not None and target:
            ev.recipient, ev.absorbs, ev.extras["dismissal"] = target, False, True
            return ev
    return None


def _speech_act(ev: EventMention, source: Source | None) -> bool:
    """The event is the speaker's own verbal act (a threat, accusation, demand or promise made in speech)."""
    return source is not None and bool(source.by) and quad_of(ev.type) in (1, 3) and \
        set(ev.actor) <= set(source.by) and bool(ev.actor)


def _intent_governor(tok: Token) -> bool:
    """Governed by a verb of intent or threat with the same subject: "vowed to fight", "plans to impose"."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in THREAT_INTENT


def _retype(ev: EventMention, tok: Token, source: Source | None) -> None:
    """Future cooperation is AGREE (PLOVER manual); an actor announcing its own future or possible
    coercion, attack, sanction or boycott is a THREATEN."""
    if ev.type in FUTURE_TO_AGREE and _is_future(tok):
        ev.type, ev.mode, ev.extras["intent"] = "AGREE", None, True
        return
    if ev.type not in CONFLICT_TO_THREAT or not ev.actor:
        return
    own_word = source is not None and set(ev.actor) <= set(source.by)
    announced = (_is_future(tok) or _is_modal(tok)) and own_word
    if announced or _intent_governor(tok) or (own_word and _intent_governor(tok.head)):
        words = {t.lemma_.lower() for t in tok.subtree}
        mode = "territory" if words & TERRITORY_WORDS and ev.type == "ASSAULT" else CONFLICT_TO_THREAT[ev.type]
        ev.type, ev.mode, ev.extras["intent"] = "THREATEN", mode, True


DENIAL_VERBS = frozenset({"reject", "dismiss", "deny", "refute", "rebuff", "dispute", "debunk", "disavow"})


def _claim_denier(tok: Token, index: MentionIndex) -> Source | None:
    """"X rejected claims that Y bombed Z": X denies the bombing (the content of the rejected claims)."""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in CLAIM_NOUNS and anc.head.lemma_.lower() in DENIAL_VERBS:
            verb = anc.head
            subj = next((c for c in verb.children if c.dep_ in roles.SUBJ), None)
            by = roles.codes_of(subj, index, agentive=True) if subj is not None else ()
            span = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj is not None else None
            text = tok.doc.text[span[0]:span[1]] if span else None
            return Source(by=by, via=None, speaker=text, speaker_span=span, cue=verb.text, cue_i=verb.i,
                          quote=None, stance="deny", anonymous=False)
    return None


def _assign_claim(ev: EventMention, tok: Token, index: MentionIndex, mentions: Sequence[Any]) -> Source | None:
    source = attribute(tok.doc, tok.i, mentions) or _claim_denier(tok, index)
    if source is not None and not ev.actor and quad_of(ev.type) in (1, 3) and source.by and \
            source.quote == "direct":
        ev.actor = source.by  # "We will not accept this," Pashinyan said
    if ev.extras.get("accusation"):  # only a speaker can accuse through "X lied" or "X was aware"
        speaker = source.by if source is not None else ()
        ev.actor, ev.recipient = speaker, tuple(c for c in ev.actor if c not in speaker) if speaker else ()
    if ev.extras["nominal"] and not ev.actor and source is not None and source.by and \
            quad_of(ev.type) == 3 and ev.type != "REQUEST":
        ev.actor = source.by
    _retype(ev, tok, source)
    _refine_mode(ev, tok)
    status, confidence = status_of(tok.doc, tok.i, source, actor=ev.actor, event_type=ev.type)
    if ev.extras.get("dismissal"):
        status, source = "asserted", None  # the text reports the dismissal itself
    if ev.type == "REJECT" and status == "denied" and not any(c.dep_ == "neg" for c in tok.children):
        status = "asserted"  # "X rejected Y's protest" is the rejection itself, not a denial of it
    if status != "denied" and (_speech_act(ev, source) or ev.extras.get("intent")):
        status = "asserted"
        ev.by = ()
    elif source is not None:
        ev.by = source.by
        if status == "alleged" and ev.actor and set(ev.actor) <= set(source.by):
            status = "asserted"  # an actor speaking of its own act
    ev.status, ev.confidence = status, min(ev.confidence, confidence) if confidence else ev.confidence
    if source is not None:
        ev.via, ev.speaker, ev.quote = source.via, source.speaker, source.quote
    return source


def _absorbed(ev: EventMention, others: Sequence[EventMention]) -> bool:
    """Inside the complement of an absorbing trigger (a demand to withdraw, a request for aid)."""
    return any(o is not ev and o.absorbs and o.trigger != ev.trigger and _participates(o) and
               any(lo <= ev.trigger < hi for lo, hi in o.scope) for o in others)


def _participates(ev: EventMention) -> bool:
    """Only an event with a known participant can absorb another ("analysts warned ..." cannot)."""
    return bool(ev.actor or ev.recipient or ev.extras.get("named_subject"))


def _strip_disinformation_source(ev: EventMention, events: Sequence[EventMention]) -> None:
    """Whoever is accused of spreading the disinformation is not a participant of the dismissed event."""
    for other in events:
        if other.extras.get("dismissal") and other is not ev and ev.trigger > other.trigger:
            ev.recipient = tuple(c for c in ev.recipient if c not in other.recipient) or \
                (ev.recipient if not set(ev.recipient) & set(other.recipient) else ())


def _background(tok: Token) -> bool:
    """A nominal event named only as the backdrop of another: "in response to the invasion", "amid the war"."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return False
        if head.dep_ == "prep" and (head.lower_ in BACKGROUND_PREPS or head.head.lower_ == "response"):
            return True
        if head.lower_ == "to" and head.head.lower_ == "response":
            return True
        cur = head
    return False


def _keep(ev: EventMention) -> bool:
    if not ev.actor and not ev.recipient:
        return bool(ev.extras.get("named_subject")) and ev.type not in NEEDS_RECIPIENT and \
            not ev.extras.get("accusation")
    if (ev.type in NEEDS_RECIPIENT or ev.extras.get("accusation")) and not ev.recipient:
        return False
    return not (ev.extras["nominal"] and ev.type == "ASSAULT" and not ev.recipient and not ev.actor)


def detect_events(doc: Any, mentions: Sequence[Any], dates: Sequence[Any] = (),
                  lexicon: Lexicon | None = None) -> list[EventMention]:
    """Detect, type and fill every event in a parsed document.

    Args:
        doc: a spaCy ``Doc``.
        mentions: the actor stage's :class:`~thucydides.model.ActorMention` list.
        dates: the date stage's mentions (objects with ``root``, ``value`` and ``precision``).
        lexicon: the triggers to use; by default the team's (:data:`~thucydides.stages.events.lexicon.DEFAULT_LEXICON`).
    """
    lex = lexicon or DEFAULT_LEXICON
    index = MentionIndex(doc, mentions)
    found: list[EventMention] = []
    for sent in doc.sents:
        candidates: list[tuple[EventMention, Token]] = []
        for tok, trig, nominal in find_triggers(sent, lex):
            ev = _make(tok, trig, nominal, index)
            if ev is not None:
                candidates.append((ev, tok))
        for tok in sent if lex.special_rules else ():
            if tok.pos_ == "VERB":
                dismissal = _dismissal(tok, index)
                if dismissal is not None:
                    candidates.append((dismissal, tok))
        found.extend(_finish(candidates, index, mentions, dates))
    _share_interview_dates(found)
    return found


def _share_interview_dates(events: Sequence[EventMention]) -> None:
    """Statements by the same actor through the same outlet ("said Sullivan to CNN") share the date the
    article gives for that interview."""
    dated: dict[tuple[tuple[str, ...], str], EventMention] = {}
    for ev in events:
        if ev.via and ev.actor and ev.date:
            dated.setdefault((ev.actor, ev.via), ev)
    for ev in events:
        source = dated.get((ev.actor, ev.via or "")) if ev.via else None
        if source is not None and not ev.date:
            ev.date, ev.date_precision = source.date, source.date_precision


def finish_events(doc: Any, triggers: Sequence[tuple[Token, Trigger, bool]], index: MentionIndex,
                  mentions: Sequence[Any], dates: Sequence[Any] = (),
                  confidence: float | None = None) -> list[EventMention]:
    """Fill roles, attribution, status, location and date for triggers found by any detector (the rules or
    the learned classifier) and keep those that name a participant."""
    candidates = []
    for tok, trig, nominal in triggers:
        ev = _make(tok, trig, nominal, index)
        if ev is not None:
            if confidence is not None:
                ev.confidence = round(confidence, 4)
            candidates.append((ev, tok))
    return _finish(candidates, index, mentions, dates)


def _finish(candidates: list[tuple[EventMention, Token]], index: MentionIndex, mentions: Sequence[Any],
            dates: Sequence[Any]) -> list[EventMention]:
    events = [ev for ev, _ in candidates]
    kept: list[EventMention] = []
    for ev, tok in candidates:
        if _absorbed(ev, events):
            continue
        _protest_to(ev, tok, index)
        _strip_disinformation_source(ev, events)
        if ev.extras["nominal"] and not ev.actor and ev.type not in ("REQUEST", "SANCTION") and _background(tok):
            continue
        source = _assign_claim(ev, tok, index, mentions)
        if not _keep(ev):
            continue
        taken = {t.i for t in tok.subtree if index.codes_at(t.i) and t.ent_type_ not in LOCATION_LABELS}
        ev.location = _location(tok, taken)
        _complete_roles(ev, tok, index)
        _attach_date(ev, tok, dates, source.cue_i if source is not None else None)
        kept.append(ev)
    return kept


def annotate(state: State) -> None:
    """Pipeline stage ``events.rules.v1``: fills ``state.events``."""
    state.events = detect_events(state.doc, state.mentions, state.dates)
