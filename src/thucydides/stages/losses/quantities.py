"""Numbers in a sentence, what they count, and the loss word that makes them a loss."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .lexicon import (
    AGENTIVE,
    EQUIPMENT,
    EXPERIENCER,
    LOSS_MODIFIERS,
    LOSS_NOUNS,
    MULTIPLIERS,
    PEOPLE,
    PEOPLE_VERBS,
    QUALIFIER_RES,
    SKIP_ENTS,
    VAGUE,
    WORD_NUMBERS,
    parse_number,
)

if TYPE_CHECKING:
    from ...nlp.types import Span, Token

__all__ = ["Quantity", "counts_people", "find_trigger", "is_loss_verb", "is_numeric", "of_object", "quantities", "unit_ok"]


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence: its last token, value, qualifier, where it starts, and the noun it counts."""

    head: Token
    value: int
    qualifier: str
    start: int
    noun: Token | None


def is_numeric(tok: Token) -> bool:
    return bool(tok.like_num) or tok.lower_ in MULTIPLIERS


def _excluded(tok: Token, first: Any) -> bool:
    """Years, money, percentages, ages, hyphenated modifiers ("5,000-word") and measures."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[first.i - 1] if first.i > 0 else None
    if tok.ent_type_ in SKIP_ENTS or re.fullmatch(r"(?:19|20)\d\d", tok.text):
        return True
    if prev is not None and (prev.text in ("$", "€", "£", "#", "No.", "no.") or prev.lower_ in ("aged", "age")):
        return True
    if nxt is not None and not tok.whitespace_ and nxt.text in ("-", "/", "%", ":"):
        return True
    return nxt is not None and nxt.lower_ in ("percent", "per", "%", "km", "kilometres", "kilometers", "miles",
                                              "metres", "meters", "dollars", "euros", "tons", "tonnes", "times")


def _qualifier(sent: Span, start: int) -> tuple[str, int]:
    """The qualifier written just before ``start`` ("more than 500") and where it begins."""
    window = sent.text[max(0, start - 30 - sent.start_char):start - sent.start_char]
    for pattern, qualifier in QUALIFIER_RES:
        if m := pattern.search(window):
            return qualifier, start - len(window) + m.start(1)
    return "exact", start


def of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _vague(tok: Token) -> Quantity | None:
    """"hundreds of trucks", "dozens of soldiers", "tens of thousands of troops"."""
    doc, key, first = tok.doc, tok.lower_, tok
    if tok.i > 1 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in ("tens", "hundreds"):
        return None
    if key in ("tens", "hundreds") and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" \
            and doc[tok.i + 2].lower_ == "thousands":
        key, tok = f"{key} of thousands", doc[tok.i + 2]
    if key not in VAGUE:
        return None
    value, qualifier = VAGUE[key]
    return Quantity(tok, value, qualifier, first.idx, of_object(tok))


#: What a second count of the same kind counts: "killing five people and injuring 25 more", "14 others".
OTHERS = frozenset({"other", "others", "more"})


def _counted_noun(tok: Token) -> Token | None:
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and (
            tok.head.pos_ in ("NOUN", "PROPN") or tok.head.lower_ in OTHERS):
        return tok.head
    return of_object(tok)


def quantities(sent: Span) -> list[Quantity]:
    """Every number in the sentence that could count something, and every singular "a soldier", "an aircraft"."""
    found: list[Quantity] = []
    for tok in sent:
        q = _vague(tok) or _number(tok, sent) or _singular(tok)
        if q is not None:
            found.append(q)
    return found


#: Determiners that count one of a singular noun.
SINGULAR = frozenset({"a", "an", "another"})


def _singular(tok: Token) -> Quantity | None:
    """"A soldier is killed", "shot down a Russian helicopter": one of a singular person or equipment noun
    (the noun's own determiner; "a hundred soldiers" and "a number of tanks" are not singular)."""
    noun = tok.head
    if tok.lower_ not in SINGULAR or tok.dep_ != "det" or noun.tag_ != "NN" or noun.i < tok.i:
        return None
    lemma = noun.lemma_.lower()
    if lemma not in PEOPLE and lemma not in EQUIPMENT or is_numeric(tok.doc[tok.i + 1]):
        return None
    return Quantity(tok, 1, "exact", tok.idx, noun)


def _number(tok: Token, sent: Span) -> Quantity | None:
    """The quantity a run of number tokens ending at ``tok`` denotes, with its qualifier."""
    if not is_numeric(tok) or (tok.i + 1 < sent.end and is_numeric(tok.doc[tok.i + 1])):
        return None
    noun = _counted_noun(tok)
    if (tok.lower_ in ("one", "a", "an") and noun is None) or _range_start(tok, sent):
        return None
    first = _run_start(tok, sent)
    written = tok.doc[first.i:tok.i + 1].text
    if "." in written and not any(w in MULTIPLIERS for w in written.lower().split()):
        return None  # a decimal count is no count of things lost ("24.02" is a date)
    value = parse_number(written)
    if value is None or value <= 0 or _excluded(tok, first):
        return None
    qualifier, start = _qualifier(sent, first.idx)
    before = tok.doc[first.i - 1] if first.i > sent.start else None
    if (low := _range_low(first, sent)) is not None:
        value, qualifier, start = low[0], "at least", low[1]
        noun = noun if noun is not None else _counted_noun(low[2])
    elif before is not None and before.lower_ in ("several", "many", "few") and tok.lower_ in ("hundred", "thousand"):
        qualifier, start = VAGUE[f"{tok.lower_}s"][1], before.idx
    elif qualifier == "exact" and {tok.head.lemma_.lower(), tok.head.head.lemma_.lower()} & _EXCEED:
        qualifier = "over"
    return Quantity(tok, value, qualifier, start, noun)

_EXCEED = frozenset({"exceed", "surpass", "top", "pass"})
_RANGE_LINKS = frozenset({"to", "-", "\u2013", "or"})


def _range_start(tok: Token, sent: Span) -> bool:
    """True for the lower end of a range ("13,000 to 14,000 people"): the upper end carries the claim."""
    doc = tok.doc
    return (tok.i + 2 < sent.end and _range_link(doc[tok.i + 1], tok) and tok.like_num
            and bool(doc[tok.i + 2].like_num))


def _range_link(link: Any, low: Any) -> bool:
    """"to", "-", "or" between two numbers; "and" after "between"."""
    if link.lower_ == "and":
        return bool(low.i > 0 and low.doc[low.i - 1].lower_ == "between")
    return link.lower_ in _RANGE_LINKS and not _word_hyphen(link)


def _range_low(first: Any, sent: Span) -> tuple[int, int, Any] | None:
    """(lower bound, where the range starts, its last token) when ``first`` is the upper end of a range."""
    doc = first.doc
    if first.i - 2 < sent.start:
        return None
    low_end = doc[first.i - 2]
    if not low_end.like_num or not _range_link(doc[first.i - 1], low_end):
        return None
    low_start = _run_start(low_end, sent)
    value = parse_number(doc[low_start.i:low_end.i + 1].text)
    return None if value is None else (value, low_start.idx, low_end)


def _word_hyphen(tok: Token) -> bool:
    """The hyphen of a number written in words, "twenty-two" (not the dash of a range, "13-14")."""
    doc = tok.doc
    if tok.text != "-" or tok.whitespace_ or tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i - 1].whitespace_:
        return False
    return doc[tok.i - 1].lower_ in WORD_NUMBERS and doc[tok.i + 1].lower_ in WORD_NUMBERS


def _run_start(tok: Token, sent: Span) -> Any:
    """First token of the number ending at ``tok``: "1.2 million", "two hundred", "a hundred"."""
    doc, first = tok.doc, tok
    while first.i > sent.start and (is_numeric(doc[first.i - 1]) or _word_hyphen(doc[first.i - 1])):
        first = doc[first.i - 1]
    before = doc[first.i - 1] if first.i > sent.start else None
    if before is not None and before.lower_ in ("a", "an") and first.lower_ in MULTIPLIERS:
        return before
    return first


def unit_ok(noun: Token, mentioned: bool) -> bool:
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lemma in EQUIPMENT or lower in EQUIPMENT or lemma in PEOPLE or lower in PEOPLE or lower in OTHERS:
        return True
    return lemma in LOSS_NOUNS or lower in LOSS_NOUNS or (mentioned and noun.tag_ in ("NNS", "NNPS"))


def is_loss_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in EXPERIENCER or lemma in AGENTIVE or lemma == "die":
        return True
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    if any(c.dep_ in ("acomp", "oprd") and c.lower_ in _LEFT_AS for c in tok.children):
        return True  # "shot dead", "leave 23 people dead", "left five injured"
    return (lemma == "shoot" and "down" in particles) or (lemma == "take" and "out" in particles)


_LEFT_AS = frozenset({"dead", "wounded", "injured"})


def _modifier_trigger(tokens: Sequence[Token]) -> Token | None:
    """A loss participle or adjective on the number or the noun: "destroyed vehicles", "trucks lost"."""
    for tok in tokens:
        for child in tok.children:
            if child.dep_ in ("amod", "acl", "relcl", "compound") and (
                    child.lower_ in LOSS_MODIFIERS or (child.pos_ == "VERB" and is_loss_verb(child))):
                return child
    return None


def _loss_subject(verb: Token) -> Token | None:
    """The subject of a verb when it is a loss noun: "losses stand at", "the death toll rose to"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in LOSS_NOUNS:
            return child
    return None


#: Prepositions spaCy sometimes makes of a quantity's qualifier ("killed between 26 and 32 civilians").
_QUANTITY_PREPS = frozenset({"between", "over", "around", "about", "up", "under", "nearly", "almost", "some"})


def _counted_elsewhere(prep: Any, head: Token) -> bool:
    """"3 of its 10 ships", "40 soldiers from a brigade of 2,000": the number counts a whole, not the losses."""
    if prep.lower_ in ("including", "like", "as", "among"):
        return False
    return is_numeric(head) or head.lower_ in VAGUE or any(
        c.dep_ == "nummod" and (is_numeric(c) or c.lower_ in VAGUE) for c in head.children)


def _governing_trigger(start: Token) -> Token | None:
    """Climb from the counted noun to the first verb; the loss noun or loss verb on the way, if any."""
    tok, relation = start, start.dep_
    for _ in range(8):
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return None
        prev, relation, tok = tok, tok.dep_, tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in LOSS_NOUNS:
            return tok
        if relation == "agent" or (relation == "prep" and _counted_elsewhere(prev, tok)):
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
            if relation == "prep" and prev.lower_ not in _QUANTITY_PREPS:
                return _loss_subject(tok)  # an adjunct ("from a brigade of 2,000"), but "the toll rose to 1,200"
            if is_loss_verb(tok):
                transitive = any(c.dep_ == "dobj" for c in tok.children)
                return None if relation == "nsubj" and transitive else tok
            return _loss_conjunct(tok, relation) or _loss_subject(tok)
    return None


def _loss_conjunct(verb: Token, relation: str) -> Token | None:
    """"stabbed and wounded", "shot and killed": the loss verb coordinated with the one the count depends on
    (for what the verbs suffer, not for the subject of an active verb)."""
    if relation not in ("nsubjpass", "dobj"):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and is_loss_verb(c)), None)


def find_trigger(q: Quantity) -> Token | None:
    """The loss word that makes the quantity a loss: the governing verb or noun, else a modifier."""
    partitive = q.noun is not None and q.noun.head.head.i == q.head.i  # "3 of its ships", "dozens of aircraft"
    base = q.noun if q.noun is not None and not partitive else q.head
    if q.noun is not None and q.noun.lemma_.lower() in LOSS_NOUNS:
        return q.noun
    found = _governing_trigger(base)
    return found if found is not None else _modifier_trigger([t for t in (q.head, q.noun) if t is not None])


def counts_people(q: Quantity, trigger: Token) -> bool:
    """Whether a loss counts people (killed, wounded, casualties), not equipment."""
    if q.noun is not None:
        lemma = q.noun.lemma_.lower()
        if lemma in EQUIPMENT or q.noun.lower_ in EQUIPMENT:
            return False
        if lemma in PEOPLE or q.noun.lower_ in PEOPLE or lemma in LOSS_NOUNS:
            return True
        if q.noun.lower_ in OTHERS:
            return trigger.lemma_.lower() in PEOPLE_VERBS
    return trigger.lemma_.lower() in PEOPLE_VERBS or trigger.lemma_.lower() in ("die", "death")
