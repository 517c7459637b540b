"""Event rules the status stage applies while it settles candidates (:mod:`thucydides.stages.status.settle`):
absorption into a demand or request, background mentions, retyping of announced acts (THREATEN, AGREE), the
request mode, the place, the date and who must be named for an event to be kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...nlp.words import FUTURE_AUXILIARIES, POSSIBILITY_MODALS
from ...pipeline.state import DateMention, EventMention, Source
from ...plover import quad_of
from . import roles
from .lexicon import REQUEST_MODES
from .roles import MentionIndex

if TYPE_CHECKING:
    from ...nlp.types import Token

__all__ = ["LOCATION_LABELS", "absorbed", "attach_date", "background", "complete_roles", "keep", "location",
           "protest_to", "refine_mode", "retype", "share_interview_dates", "speech_act",
           "strip_disinformation_source"]

NEEDS_RECIPIENT = frozenset({"SANCTION", "AID", "COOPERATE"})
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
TERRITORY_WORDS = frozenset({"city", "town", "village", "territory", "capital", "region", "control", "center",
                             "centre", "land", "soil"})
BACKGROUND_PREPS = frozenset({"amid", "despite", "following", "after", "since", "before", "during"})
LOCATION_PREPS = frozenset({"in", "at", "near", "during", "outside", "inside"})
LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
INTENT_VERBS = frozenset({"plan", "intend", "promise", "pledge", "vow", "aim", "prepare", "agree", "offer"})
THREAT_INTENT = frozenset({"vow", "swear", "threaten", "plan", "pledge", "promise", "prepare", "intend", "warn",
                          "decide", "resolve", "consider"})
CONFLICT_TO_THREAT = {"PROTEST": "restrict", "SANCTION": "restrict", "COERCE": "restrict", "ASSAULT": "violence",
                      "MOBILIZE": "violence"}


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
    if _has_child(tok, FUTURE_AUXILIARIES):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in INTENT_VERBS


def _is_modal(tok: Token) -> bool:
    if _has_child(tok, POSSIBILITY_MODALS) or (tok.dep_ == "conj" and _has_child(tok.head, POSSIBILITY_MODALS)):
        return True
    return any(v.lemma_.lower() == "exclude" and any(c.dep_ == "neg" for c in v.children)
               for v in _governing_verbs(tok)[:3])


def location(tok: Token, taken: set[int]) -> str | None:
    for prep in [c for c in tok.subtree if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS]:
        for t in prep.subtree:
            if t.i in taken or t is prep:
                continue
            if t.ent_type_ in LOCATION_LABELS:
                ent = next((e for e in tok.doc.ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    return str(ent.text).removeprefix("the ")
    return None


def attach_date(ev: EventMention, tok: Token, dates: Sequence[DateMention], cue_i: int | None) -> None:
    clause = roles.clause_head(tok)
    anchors = [clause] + ([tok.doc[cue_i]] if cue_i is not None else [])
    for anchor in anchors:
        for dm in dates:
            root = tok.doc[dm.root]
            if anchor.left_edge.i <= root.i <= anchor.right_edge.i and \
                    ev.sentence[0] <= root.idx < ev.sentence[1]:
                ev.date, ev.date_precision = dm.value, dm.precision
                return


def refine_mode(ev: EventMention, tok: Token) -> None:
    if ev.type not in ("REQUEST", "REJECT") or ev.mode is not None:
        return
    for t in tok.subtree:
        mode = REQUEST_MODES.get(t.lemma_.lower())
        if mode is not None and t.i != tok.i:
            ev.mode = mode
            return


def complete_roles(ev: EventMention, tok: Token, index: MentionIndex) -> None:
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


def protest_to(ev: EventMention, tok: Token, index: MentionIndex) -> None:
    """A state protesting *to* another state complains officially: ACCUSE, not a street protest."""
    if ev.type == "PROTEST" and not ev.extras["nominal"]:
        target = roles.pobj_codes(tok, ("to",), index)
        if target:
            ev.type, ev.mode, ev.recipient = "ACCUSE", "disapprove", target
            ev.extractor = "rules.accuse.protest_to.v1"


def speech_act(ev: EventMention, source: Source | None) -> bool:
    """The event is the speaker's own verbal act (a threat, accusation, demand or promise made in speech)."""
    return source is not None and bool(source.by) and quad_of(ev.type) in (1, 3) and \
        set(ev.actor) <= set(source.by) and bool(ev.actor)


def _intent_governor(tok: Token) -> bool:
    """Governed by a verb of intent or threat with the same subject: "vowed to fight", "plans to impose"."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in THREAT_INTENT


def retype(ev: EventMention, tok: Token, source: Source | None) -> None:
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


def absorbed(ev: EventMention, others: Sequence[EventMention]) -> bool:
    """Inside the complement of an absorbing trigger (a demand to withdraw, a request for aid)."""
    return any(o is not ev and o.absorbs and o.trigger != ev.trigger and _participates(o) and
               any(lo <= ev.trigger < hi for lo, hi in o.scope) for o in others)


def _participates(ev: EventMention) -> bool:
    """Only an event with a known participant can absorb another ("analysts warned ..." cannot)."""
    return bool(ev.actor or ev.recipient or ev.extras.get("named_subject"))


def strip_disinformation_source(ev: EventMention, events: Sequence[EventMention]) -> None:
    """Whoever is accused of spreading the disinformation is not a participant of the dismissed event."""
    for other in events:
        if other.extras.get("dismissal") and other is not ev and ev.trigger > other.trigger:
            ev.recipient = tuple(c for c in ev.recipient if c not in other.recipient) or \
                (ev.recipient if not set(ev.recipient) & set(other.recipient) else ())


def background(tok: Token) -> bool:
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


def keep(ev: EventMention) -> bool:
    if not ev.actor and not ev.recipient:
        return bool(ev.extras.get("named_subject")) and ev.type not in NEEDS_RECIPIENT and \
            not ev.extras.get("accusation")
    if (ev.type in NEEDS_RECIPIENT or ev.extras.get("accusation")) and not ev.recipient:
        return False
    return not (ev.extras["nominal"] and ev.type == "ASSAULT" and not ev.recipient and not ev.actor)


def share_interview_dates(events: Sequence[EventMention]) -> None:
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
