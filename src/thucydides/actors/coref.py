"""References back to actors: pronouns and "the two countries" (extractor ``actors.coref.v1``).

Conservative rules over the mentions already found, looking back at most two sentences (six for
"the two countries"):

- he/him/his (she/her) -> the most recent person of a compatible gender;
- it/its -> the most recent singular state or organisation, preferring one in subject position; an
  expletive "it" ("it is", "it seems") is left alone;
- they/them/their -> the most recent plural description or state/organisation; a person speaking in the
  same sentence ("the spokesperson said they ...") stands for the state or organisation they speak for;
- "the two countries", "both sides", "the two leaders" ... -> the two most recent distinct states (sides,
  people), one mention per actor over the same span.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .._version import __version__
from ..model import Actor, ActorMention, Provenance
from .gazetteer import gazetteer

__all__ = ["EXTRACTOR", "resolve_references"]

EXTRACTOR = "actors.coref.v1"
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_IT = frozenset({"it", "its", "itself"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "happen", "remain", "become", "take", "matter"})
_PAIRS = {"countries": "state", "nations": "state", "states": "state", "governments": "state",
          "neighbours": "state", "neighbors": "state", "allies": "state", "sides": "side",
          "parties": "side", "leaders": "person", "presidents": "person", "ministers": "person"}
_SUBJECT = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class _Antecedent:
    token: int
    sent: int
    actor: Actor
    subject: bool
    plural: bool


@functools.lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    return {p.name: p.gender for p in gazetteer().persons}


def _outermost(mentions: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end and m.end <= out[-1].end and (m.start, m.end) != (out[-1].start,
                                                                                         out[-1].end):
            continue
        out.append(m)
    return out


def _antecedents(doc: Any, mentions: list[ActorMention], outer: bool = True) -> list[_Antecedent]:
    sent_of = {t.i: k for k, s in enumerate(doc.sents) for t in s}
    out = []
    for m in _outermost(mentions) if outer else sorted(mentions, key=lambda m: (m.start, -m.end)):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        out.append(_Antecedent(span.start, sent_of.get(span.start, 0), m.actor, root.dep_ in _SUBJECT,
                               root.tag_ in ("NNS", "NNPS")))
    return out


def _as_state(actor: Actor) -> Actor:
    gaz = gazetteer()
    entry = gaz.states.get(actor.code) or gaz.orgs.get(actor.code)
    name = entry.name if entry is not None else actor.code
    kind = entry.kind if entry is not None else "state"
    return Actor(actor.code, None, name, kind)


def _pick(cands: list[_Antecedent], prefer_subject: bool) -> Actor | None:
    if not cands:
        return None
    if prefer_subject:
        subjects = [c for c in cands if c.subject]
        if subjects:
            return subjects[-1].actor
    return cands[-1].actor


def _pronoun(tok: Any, sent: int, ants: list[_Antecedent]) -> Actor | None:
    word = tok.lower_
    near = [a for a in ants if a.token < tok.i and sent - a.sent <= 2]
    if word in _HE or word in _SHE:
        want = "m" if word in _HE else "f"
        people = [a for a in near if a.actor.kind == "person"
                  and _genders().get(a.actor.name, "-") in (want, "-")]
        return _pick(people, False)
    things = [a for a in near if a.actor.kind != "person" and a.actor.code]
    if word in _IT:
        if tok.dep_ == "expl" or (tok.dep_ in _SUBJECT and tok.head.lemma_ in _EXPLETIVE_HEADS):
            return None
        return _pick([a for a in things if not a.plural], True)
    speakers = [a for a in near if a.sent == sent and a.actor.kind == "person" and a.actor.code]
    if speakers and (not things or speakers[-1].token > things[-1].token):
        return _as_state(speakers[-1].actor)
    plural = [a for a in things if a.plural or a.actor.kind in ("state", "igo", "group", "org")]
    return _pick(plural, True)


def _pair(doc: Any, i: int) -> tuple[int, str] | None:
    """(end token, what) when a "the two X" / "both X" phrase starts at token ``i``."""
    words = [t.lower_ for t in doc[i:i + 3]]
    if words[:2] == ["the", "two"] and len(words) == 3 and words[2] in _PAIRS:
        return i + 3, _PAIRS[words[2]]
    if words[:1] == ["both"] and len(words) >= 2 and words[1] in _PAIRS:
        return i + 2, _PAIRS[words[1]]
    return None


def _two(ants: list[_Antecedent], i: int, sent: int, what: str) -> list[Actor]:
    found: list[Actor] = []
    for a in reversed([a for a in ants if a.token < i and sent - a.sent <= 6 and a.actor.code]):
        is_person = a.actor.kind == "person"
        if (what == "person") != is_person or (what == "state" and a.actor.kind not in ("state", "separatist")):
            continue
        actor = a.actor if is_person else _as_state(a.actor)
        if all(f.code != actor.code if not is_person else f != actor for f in found):
            found.append(actor)
        if len(found) == 2:
            return found
    return []


def resolve_references(doc: Any, mentions: list[ActorMention], document: str) -> list[ActorMention]:
    """Mentions for pronouns and "the two countries" phrases, resolved against ``mentions``."""
    ants = _antecedents(doc, mentions)
    every = _antecedents(doc, mentions, outer=False)
    sent_of = {t.i: k for k, s in enumerate(doc.sents) for t in s}
    out: list[ActorMention] = []

    def emit(lo: int, hi: int, actor: Actor) -> None:
        span = doc[lo:hi]
        prov = Provenance(document, span.start_char, span.end_char, EXTRACTOR, __version__)
        out.append(ActorMention(actor, str(span.text), prov))

    for tok in doc:
        sent = sent_of.get(tok.i, 0)
        pair = _pair(doc, tok.i)
        if pair is not None:
            for actor in _two(every, tok.i, sent, pair[1]):
                emit(tok.i, pair[0], actor)
        elif tok.lower_ in _HE | _SHE | _IT | _THEY and tok.pos_ == "PRON":
            ref = _pronoun(tok, sent, ants)
            if ref is not None:
                emit(tok.i, tok.i + 1, ref)
    return out
