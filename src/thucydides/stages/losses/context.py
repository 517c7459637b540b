"""Who claims a loss and how (status), over what period, what exactly was lost, and the listed categories."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...nlp.words import DENIAL_VERBS, FIGURE_HEDGES, FIGURE_VERBS, HEDGE_ADVERBS, MODALS, SPEECH_VERBS
from ..dates import DATE_CUES, resolve_date
from .lexicon import VAGUE
from .quantities import Quantity, is_numeric, of_object, unit_ok
from .sides import PRONOUNS, Actors, actor_of, subject_of

if TYPE_CHECKING:
    from ...nlp.types import Span, Token

#: Verbs of saying or of reporting a figure, and the hedges of a loss figure.
SPEECH = SPEECH_VERBS | FIGURE_VERBS
HEDGES = HEDGE_ADVERBS | FIGURE_HEDGES

__all__ = ["Attribution", "attribution", "categories_of", "item_text", "period_of", "unit_span"]


@dataclass(frozen=True)
class Attribution:
    status: str
    by: tuple[str, ...]
    via: str | None = None


def _according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            return next((g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"), None)
    return None


def _speech_verb(trigger: Token) -> Token | None:
    """A verb of saying that governs the clause of the trigger: "Kyiv says Russia has lost ..."."""
    tok = trigger
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH:
            return tok
    return None


def _speaker(verb: Token, trigger: Token) -> Token | None:
    """The subject of a verb of saying that is not part of the reported clause itself."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not child.left_edge.i <= trigger.i <= child.right_edge.i:
            return child
    return subject_of(verb) if verb.dep_ in ("xcomp", "conj", "advcl") else None


def _modality(tokens: Sequence[Token]) -> str:
    """``alleged`` for a hedged report of a past loss ("may have lost"); ``hypothetical`` for a possible figure
    ("what may be hundreds of trucks") or a possible, future or conditional loss ("could lose", "if ... loses");
    else ``""``."""
    for tok in tokens:
        auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return "hypothetical"
        if any(a in MODALS for a in auxes):
            return "alleged" if "have" in auxes else "hypothetical"
    return ""


def _hedged(q: Quantity, trigger: Token) -> bool:
    """A hedge on the loss itself ("reportedly lost", "is believed to have lost", "an estimated 100"), not on
    something else in the sentence ("by suspected militants", "many more are believed to be buried")."""
    chain = {t.i for t in (trigger, q.head, *trigger.ancestors, *q.head.ancestors)}
    if q.noun is not None:
        chain.add(q.noun.i)
    return any(t.lower_ in HEDGES and (t.i in chain or (t.head.i in chain and t.dep_ == "advmod")
                                      or (t.head.i in (q.head.i, q.noun.i if q.noun else -1) and t.lower_ == "estimated"))
               for t in trigger.sent)


def _clause_verbs(q: Quantity, trigger: Token) -> list[Token]:
    verbs = [trigger] if trigger.pos_ in ("VERB", "AUX") else []
    tok = q.head
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            verbs.append(tok)
            break
    return verbs


def _outlet(sent: Span, speaker: Token | None, verb: Token | None, actors: Actors) -> str | None:
    """The news outlet the claim comes through: named as the source, or in a sentence with a verb of saying."""
    if speaker is not None:
        last = speaker.right_edge
        if name := actors.outlet_in(speaker.left_edge.idx, last.idx + len(last)):
            return name
    saying = verb is not None or any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH for t in sent)
    return actors.outlet_in(sent.start_char, sent.end_char) if saying else None


def attribution(q: Quantity, trigger: Token, actors: Actors) -> Attribution:
    """Status, claimant codes and outlet of a loss claim, from the verbs of saying, hedges and modals around it."""
    sent = trigger.sent
    speaker, denied = _according_to(sent), False
    verb = _speech_verb(trigger)
    if verb is not None:
        denied = verb.lemma_.lower() in DENIAL_VERBS
        subject = _speaker(verb, trigger)
        speaker = subject if subject is not None else speaker
    by = () if speaker is None else actors.codes_in(speaker.left_edge.idx, speaker.right_edge.idx + 1)
    if speaker is not None and not by and speaker.lower_ in PRONOUNS:
        by = tuple(c for c in [actor_of(speaker, actors)] if c)
    via = _outlet(sent, speaker, verb, actors)
    verbs = _clause_verbs(q, trigger)
    if denied or any(child.dep_ == "neg" for verb in verbs for child in verb.children):
        return Attribution("denied", by, via)
    modal = _modality(verbs)
    if modal == "hypothetical":
        return Attribution("hypothetical", by, via)
    hedged = modal == "alleged" or via is not None or _hedged(q, trigger)
    return Attribution("alleged" if speaker is not None or hedged else "asserted", by, via)

_PERIOD_PHRASES = re.compile(
    r"\b(?:since the (?:start|beginning|outbreak|onset) of (?:the |its )?(?:[\w-]+ ){0,2}(?:war|invasion|conflict|"
    r"offensive|operation|fighting)|since the (?:[\w-]+ )?(?:war|invasion|conflict|offensive) (?:began|started)|"
    r"since the (?:full-scale )?invasion|so far this year|so far|to date|overnight)\b", re.IGNORECASE)

_AS_OF = frozenset({"as of", "by", "as at", "through", "until"})


def _with_preposition(ent: Span) -> str:
    """The period text: "since February 24", "in the past day", "about three weeks"."""
    doc, text = ent.doc, re.sub(r"['\u2019]s$", "", str(ent.text))
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if prev == "since":
        return f"{doc[ent.start - 1].text} {text}"
    if prev in ("in", "over", "during", "within", "for") and re.match(r"(?i)the (?:past|last)\b", text):
        return f"{doc[ent.start - 1].text} {text}"
    return text


def _as_of(ent: Span) -> bool:
    sent = ent.sent
    before = sent.text[max(0, ent.start_char - 7 - sent.start_char):ent.start_char - sent.start_char]
    before = before.lower().strip()
    return any(before.endswith(p) for p in _AS_OF)


def _date_ents(sent: Span) -> list[Span]:
    """DATE and TIME entities that name a time (not ages, not a place spaCy mistook for a date)."""
    return [e for e in sent.ents if e.label_ in ("DATE", "TIME") and DATE_CUES.search(e.text)
            and not re.search(r"(?i)year-old|years? old|\bage", e.text)]


def period_of(sent: Span, published: Any, near: int | None = None) -> tuple[str | None, str | None]:
    """(period as the text says, ISO date the period ends) for a loss sentence.

    A duration or a "since" date is the period; a point date ("on Sunday", "in February") dates its end, the one
    nearest token ``near`` (the loss word) when there are several; "as of March 20" dates the end too.
    """
    period, end = None, published.isoformat() if published is not None else None
    points: list[tuple[int, str, str]] = []
    for ent in _date_ents(sent):
        resolved = resolve_date(ent.text, published)
        since = ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since"
        if resolved is not None and _as_of(ent):
            end = resolved[0] if resolved[1] == "day" else end
        elif resolved is None or since:
            period = period or _with_preposition(ent)
        else:
            distance = abs(ent.root.i - near) if near is not None else ent.start
            points.append((distance, _with_preposition(ent), _last_day(resolved[0], published)))
    if period is None and (m := _PERIOD_PHRASES.search(sent.text)):
        period = m.group(0)
    if points:
        _, text, end = min(points)
        period = period or text
    return period, end


def _last_day(value: str, published: Any) -> str:
    """The last day a ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` value covers, no later than publication."""
    if len(value) == 10:
        return value
    year, month = int(value[:4]), int(value[5:7]) if len(value) == 7 else 12
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return min(last, published).isoformat() if published is not None else last.isoformat()


def unit_span(q: Quantity, actors: Actors) -> tuple[int, int] | None:
    """Character span of what was lost: the noun with its modifiers and its number-less conjuncts."""
    noun = q.noun
    if noun is None:
        return None
    left = noun
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.i > q.head.i:
            left = min(left, child.left_edge, key=lambda t: t.i)
    while left.i < noun.i and (actors.of_token(left) or left.dep_ in ("det", "poss", "punct")
                               or left.lower_ in _NOT_UNIT):
        left = left.doc[left.i + 1]
    inner = of_object(noun) if noun.lemma_.lower() in _CONTAINERS else None
    right = _last_conjunct(inner if inner is not None else noun)
    return left.idx, right.idx + len(right)

_NOT_UNIT = frozenset({"more", "other", "additional", "another", "further", "some", "of"})
_CONTAINERS = frozenset({"unit", "piece", "item", "type", "kind", "set"})


def _counts(tok: Token) -> bool:
    return bool(is_numeric(tok)) or tok.lower_ in VAGUE


def _last_conjunct(noun: Token) -> Any:
    """The last of the conjuncts that share the noun's number: "vehicles, aircraft, and equipment"."""
    last = noun
    for child in noun.children:
        if child.dep_ != "conj" or child.pos_ not in ("NOUN", "PROPN") or not unit_ok(child, False):
            continue
        if _counts(child) or any(_counts(g) for g in child.children if g.dep_ in ("nummod", "quantmod")):
            break
        last = _last_conjunct(child)
    return last


def _listed(tok: Token) -> list[Token]:
    items = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            items.extend(_listed(child))
    return items


def item_text(item: Token) -> str:
    left = item
    for child in item.lefts:
        if child.dep_ in ("amod", "compound", "nmod"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    return str(item.doc[left.i:item.i + 1].text)


def categories_of(q: Quantity, trigger: Token) -> tuple[str, ...]:
    """Items listed after "including", "such as", "like" on the noun or the loss verb."""
    hosts = [t for t in (q.noun, trigger) if t is not None]
    for host in hosts + [c for h in hosts for c in h.children if c.dep_ == "conj"]:
        for child in host.children:
            if child.dep_ != "prep" or child.lower_ not in ("including", "like", "as", "among"):
                continue
            if child.lower_ == "as" and child.i > 0 and child.doc[child.i - 1].lower_ != "such":
                continue
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return tuple(item_text(i) for i in _listed(obj) if i.pos_ in ("NOUN", "PROPN"))
    return ()
