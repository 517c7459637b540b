"""References back to actors: pronouns and "the two countries" (extractor ``actors.coref.v2``).

Conservative rules over the mentions already found, looking back at most two sentences (six for
"the two countries"):

- he/him/his (she/her) -> the most recent person of a compatible gender;
- it/its -> the most recent singular state or organisation, preferring one in subject position; an
  expletive "it" ("it is", "it seems") is left alone;
- they/them/their -> every actor of the most recent coordinated subject ("Russia and Ukraine said they
  ..."), else the most recent plural description ("Russian troops") or organisation or group; a
  person speaking in the same sentence ("the spokesperson said they ...") stands for the state or
  organisation they speak for;
- "the two countries", "both sides", "both presidents", "the two foreign ministers" ... -> the two states (or
  sides) the document has named most often so far, the later-named first on a tie, one mention per actor over
  the same span: a story of a border clash between two states that quotes their mediators calls the two
  clashing states "both sides", not the last two states it quoted;
- a pronoun subject of a clause reporting what somebody said ("X said it would ...") refers to the speaker
  X when X is a mention, and to nothing when X is an unknown noun phrase;
- places in locative phrases ("in Damascus", "at northern Israel") are never antecedents.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._version import __version__
from ...model import Actor, ActorMention, Provenance
from .gazetteer import gazetteer

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

__all__ = ["EXTRACTOR", "as_state", "resolve_references"]

EXTRACTOR = "actors.coref.v2"
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_IT = frozenset({"it", "its", "itself"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "happen", "remain", "become", "take", "matter"})
_PAIRS = {"countries": "state", "nations": "state", "states": "state", "governments": "state",
          "neighbours": "state", "neighbors": "state", "allies": "state", "presidents": "state",
          "leaders": "state", "capitals": "state", "armies": "state", "militaries": "state",
          "ministers": "state", "sides": "side", "parties": "side", "delegations": "side"}
#: Office words between "the two" / "both" and "ministers" ("the two foreign ministers").
_MINISTRIES = frozenset({"foreign", "defence", "defense", "prime", "interior", "finance"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = _HE | _SHE | _IT | _THEY
_LOCATIVE = frozenset({"in", "at", "near", "into", "across", "from", "to", "over", "outside", "inside", "around"})


@dataclass(frozen=True, slots=True)
class _Antecedent:
    token: int
    root: int
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


def _sentences(doc: Doc) -> dict[int, int]:
    """Token index -> sentence number."""
    return {i: k for k, s in enumerate(doc.sents) for i in range(s.start, s.end)}


def _antecedents(doc: Doc, mentions: list[ActorMention], heads: set[int] | None,
                 outer: bool = True) -> list[_Antecedent]:
    """Mentions that can be referred back to: headed by an actor word, not a place in a locative phrase."""
    sent_of = _sentences(doc)
    out = []
    for m in _outermost(mentions) if outer else sorted(mentions, key=lambda m: (m.start, -m.end)):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or (not m.actor.code and not m.actor.name):
            continue
        root = span.root
        if (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE) or (heads is not None and root.i not in heads):
            continue
        out.append(_Antecedent(span.start, root.i, sent_of.get(span.start, 0), m.actor, root.dep_ in _SUBJECT,
                               root.tag_ in ("NNS", "NNPS")))
    return out


def _span_ends(doc: Doc, mentions: list[ActorMention]) -> dict[int, int]:
    """First token -> one past the last token of the outermost mention starting there."""
    ends: dict[int, int] = {}
    for m in _outermost(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            ends[span.start] = max(ends.get(span.start, 0), span.end)
    return ends


def as_state(actor: Actor) -> Actor:
    """The state or organisation an actor belongs to, as a whole (no sector)."""
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


def _speaker(tok: Token, ants: list[_Antecedent], spans: dict[int, int]) -> tuple[bool, Actor | None]:
    """(found, actor) for a pronoun subject of a reported clause: the subject of the reporting verb."""
    if tok.dep_ not in _SUBJECT or tok.head.dep_ != "ccomp":
        return False, None
    subjects = [c for c in tok.head.head.children if c.dep_ in _SUBJECT and c.i < tok.i]
    if not subjects or subjects[0].pos_ == "PRON":
        return False, None
    for a in ants:
        if a.token <= subjects[0].i < spans.get(a.token, a.token + 1) and (a.actor.code or a.actor.name):
            return True, a.actor
    return True, None


def _agrees(word: str, actor: Actor) -> bool:
    if word in _HE or word in _SHE:
        return actor.kind == "person" and _genders().get(actor.name, "-") in ("m" if word in _HE else "f", "-")
    return True


def _from_speaker(word: str, speaker: Actor | None) -> Actor | None:
    if speaker is None or not _agrees(word, speaker):
        return None
    if word in _HE | _SHE or speaker.kind != "person":
        return speaker if speaker.code or speaker.kind == "person" else None
    return as_state(speaker) if speaker.code else None


def _coordinated(doc: Doc, near: list[_Antecedent]) -> list[Actor]:
    """The actors of the most recent coordinated subject ("Russia and Ukraine said ..."), if any."""
    by_root = {a.root: a for a in near if a.actor.code}
    for a in reversed(near):
        if a.subject and a.actor.code:
            others = [by_root[c.i].actor for c in doc[a.root].conjuncts if c.i in by_root]
            return [as_state(x) for x in [a.actor, *others]] if others else []
    return []


def _pronoun(tok: Token, sent: int, ants: list[_Antecedent], spans: dict[int, int]) -> list[Actor]:
    word = tok.lower_
    found, speaker = _speaker(tok, ants, spans)
    if found and speaker is None:
        return []
    near = [a for a in ants if a.token < tok.i and sent - a.sent <= 2]
    if word in _THEY:
        group = _coordinated(tok.doc, [a for a in near if a.sent == sent] if found else near)
        if group:
            return group
    if found:
        return [a for a in [_from_speaker(word, speaker)] if a is not None]
    return [a for a in [_single(tok, word, sent, near)] if a is not None]


def _single(tok: Token, word: str, sent: int, near: list[_Antecedent]) -> Actor | None:
    if word in _HE or word in _SHE:
        return _pick([a for a in near if _agrees(word, a.actor)], False)
    things = [a for a in near if a.actor.kind != "person" and a.actor.code]
    if word in _IT:
        if tok.dep_ == "expl" or (tok.dep_ in _SUBJECT and tok.head.lemma_ in _EXPLETIVE_HEADS):
            return None
        return _pick([a for a in things if not a.plural], True)
    speakers = [a for a in near if a.sent == sent and a.actor.kind == "person" and a.actor.code]
    if speakers and (not things or speakers[-1].token > things[-1].token):
        return as_state(speakers[-1].actor)
    return _pick([a for a in things if a.plural or a.actor.kind in ("group", "org")], True)


def _pair(lowers: list[str], i: int) -> tuple[int, str] | None:
    """(end token, what) when a "the two X" / "both X" phrase starts at token ``i``."""
    if lowers[i] == "the" and lowers[i + 1:i + 2] == ["two"]:
        at = i + 2
    elif lowers[i] == "both":
        at = i + 1
    else:
        return None
    if lowers[at:at + 1] and lowers[at] in _MINISTRIES and lowers[at + 1:at + 2] == ["ministers"]:
        at += 1
    elif lowers[at:at + 1] == ["ministers"]:
        return None
    if at < len(lowers) and lowers[at] in _PAIRS:
        return at + 1, _PAIRS[lowers[at]]
    return None


def _two(ants: list[_Antecedent], i: int, what: str) -> list[Actor]:
    """The two states (``what`` "state") or actors ("side") named most often before token ``i``; on a tie the
    one named later comes first. Empty when fewer than two were named."""
    count: dict[str, int] = {}
    last: dict[str, tuple[int, Actor]] = {}
    for a in ants:
        if a.token >= i:
            break
        if not a.actor.code or (what == "state" and a.actor.kind not in ("state", "separatist")):
            continue
        actor = as_state(a.actor)
        count[actor.code] = count.get(actor.code, 0) + 1
        last[actor.code] = (a.token, actor)
    top = sorted(count, key=lambda code: (-count[code], -last[code][0]))[:2]
    return [last[code][1] for code in top] if len(top) == 2 else []


def resolve_references(doc: Doc, mentions: list[ActorMention], document: str,
                       heads: set[int] | None = None) -> list[ActorMention]:
    """Mentions for pronouns and "the two countries" phrases, resolved against ``mentions``.

    Args:
        doc: the parsed document.
        mentions: the mentions found so far.
        document: the article id for provenance.
        heads: token indices of actor words; when given, a mention whose head word is not one of them
            ("Russia's statements") is not an antecedent.
    """
    ants = _antecedents(doc, mentions, heads)
    every = _antecedents(doc, mentions, heads, outer=False)
    spans = _span_ends(doc, mentions)
    sent_of = _sentences(doc)
    lowers = [t.lower_ for t in doc]
    out: list[ActorMention] = []

    def emit(lo: int, hi: int, actor: Actor) -> None:
        span = doc[lo:hi]
        prov = Provenance(document, span.start_char, span.end_char, EXTRACTOR, __version__)
        out.append(ActorMention(actor, str(span.text), prov))

    window = _Window(ants)
    for i, word in enumerate(lowers):
        if word not in _PRONOUNS and word not in ("the", "both"):
            continue
        sent = sent_of.get(i, 0)
        pair = _pair(lowers, i)
        if pair is not None:
            for actor in _two(every, i, pair[1]):
                emit(i, pair[0], actor)
        elif word in _PRONOUNS and doc[i].pos_ == "PRON":
            for ref in _pronoun(doc[i], sent, window.before(i, sent - 2), spans):
                emit(i, i + 1, ref)
    return out


class _Window:
    """Antecedents (in text order) before a token and from a given sentence on, found by bisection."""

    def __init__(self, ants: list[_Antecedent]) -> None:
        self.ants = ants
        self.tokens = [a.token for a in ants]
        self.sents = [a.sent for a in ants]

    def before(self, token: int, first_sent: int) -> list[_Antecedent]:
        return self.ants[bisect.bisect_left(self.sents, first_sent):bisect.bisect_left(self.tokens, token)]
