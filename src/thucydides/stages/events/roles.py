"""Stage 4 helpers: who is the actor and who the recipient of an event, read off the dependency parse.

Works on spaCy tokens and a :class:`MentionIndex` built from the actor stage's mentions, so tests can build
both by hand. Covers active and passive clauses, coordinated (compound) actors, relative clauses ("Sullivan,
who met ..."), control verbs ("wanted to warn"), participles ("..., saying that"), possessives and adjectives
("Russia's invasion", "Russian aggression") and "of" complements ("the President of Russia").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ...model import ActorMention

if TYPE_CHECKING:
    from ...nlp.types import Doc, Token

__all__ = ["MentionIndex", "clause_head", "codes_of", "object_of", "pobj_codes", "subject_codes"]

SUBJ = frozenset({"nsubj", "csubj", "expl"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "relcl"})
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
#: Heads whose adjective or noun modifiers name an actor ("Russian troops", "US officials"); the modifiers of
#: other heads ("the Ukraine war") do not make the phrase an actor.
AGENT_NOUNS = frozenset(
    ["official", "government", "force", "troop", "army", "military", "ministry", "minister", "president", "leader", "diplomat", "embassy", "navy", "spokesperson", "spokesman", "spokeswoman", "authority", "administration", "envoy", "ambassador", "delegation", "side", "state", "parliament", "regime", "police", "soldier", "unit", "commander", "general", "intelligence", "agency", "officer", "counterpart", "prime", "foreign", "defence", "defense", "media", "company", "firm", "bank", "businessman", "activist", "rebel", "militant", "separatist", "fighter", "court", "prosecutor", "lawmaker", "legislator", "senator", "people", "citizen", "resident", "negotiator", "team", "leadership", "cabinet", "council", "premier", "chancellor", "king", "queen", "emperor", "adviser", "advisor", "aide", "country", "nation", "artillery", "drone", "missile", "jet", "aircraft", "warship", "tank", "fleet", "battalion", "brigade", "gunman", "militant", "fighter", "ministry", "department", "office", "secretary", "spokesperson", "hacker", "attacker", "assailant", "insurgent", "terrorist", "gunmen", "protester", "demonstrator", "sniper", "pilot", "crew", "guard", "squad", "coalition", "alliance", "bloc"])


class MentionIndex:
    """Maps tokens of one spaCy Doc to the actor codes of the mentions headed by them.

    A mention counts for the token at its syntactic head, and only when that head can stand for an actor
    (a proper noun, a pronoun, an agent noun such as "officials" or "ministry", or a one-word mention):
    "the invasion of Ukraine" is not a mention of Ukraine at "invasion". Among the mentions headed by a
    token, the shortest with a code wins ("Ukraine" in "a Russia-controlled Ukraine").
    """

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention]) -> None:
        self.by_token: dict[int, list[ActorMention]] = {}
        spans: dict[tuple[int, int], list[ActorMention]] = {}
        for m in mentions:
            if m.actor.code:
                spans.setdefault((m.start, m.end), []).append(m)
        for (start, end), group in sorted(spans.items(), key=lambda kv: kv[0][1] - kv[0][0], reverse=True):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not _can_stand_for_actor(span, group):
                continue
            self.by_token[span.root.i] = group  # shorter spans are assigned last and win

    def mentions_at(self, i: int) -> list[ActorMention]:
        return self.by_token.get(i, [])

    def codes_at(self, i: int) -> tuple[str, ...]:
        return _unique(m.actor.code for m in self.mentions_at(i) if m.actor.code)


def _can_stand_for_actor(span: Any, group: Sequence[ActorMention]) -> bool:
    root = span.root
    if len(span) == 1 or root.pos_ in ("PROPN", "PRON"):
        return True
    if any("coref" in m.provenance.extractor or "alias" in m.provenance.extractor for m in group):
        return True
    if not all(m.provenance.extractor.startswith("actors.") for m in group):
        return True  # a dictionary stage supplied by the user (or an evaluation) knows its own phrases
    return root.lemma_.lower() in AGENT_NOUNS or root.lower_ in AGENT_NOUNS


def _unique(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for c in codes if c))


def codes_of(tok: Token, index: MentionIndex, depth: int = 0, agentive: bool = False) -> tuple[str, ...]:
    """Actor codes of the noun phrase headed by ``tok``, including coordinated heads ("X and Y").

    With ``agentive`` (for subjects), modifiers count only on heads that can act ("Russian troops"), not
    on events or things ("the Ukraine war").
    """
    codes = list(_head_codes(tok, index, agentive))
    for conj in tok.children:
        if conj.dep_ == "conj" and depth < 4:
            codes.extend(codes_of(conj, index, depth + 1, agentive))
    return _unique(codes)


#: Verbs whose object is the subject of their "of"/"for" gerund: "accused X of shelling", "blamed X for killing".
OBJECT_CONTROL = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "thank",
                            "praise", "fault", "sue", "indict", "punish", "sanction", "convict"})

#: Nouns naming a relation to another actor: in "its ally" or "his counterpart" the possessor is not the actor.
RELATIONAL_NOUNS = frozenset(["ally", "partner", "counterpart", "neighbour", "neighbor", "enemy", "rival", "friend", "foe", "adversary", "opponent", "proxy", "client", "patron", "host", "guest"])


def _takes_modifiers(tok: Token, agentive: bool) -> bool:
    return not agentive or tok.pos_ == "PROPN" or tok.lemma_.lower() in AGENT_NOUNS


def _head_codes(tok: Token, index: MentionIndex, agentive: bool = False) -> tuple[str, ...]:
    direct = index.codes_at(tok.i)
    if direct:
        return direct
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return codes_of(tok.head.head, index)
    relational = tok.lemma_.lower() in RELATIONAL_NOUNS
    for child in tok.children:
        if (child.dep_ == "poss" and not relational) or child.dep_ == "appos" or (
                child.dep_ in MODIFIER_DEPS and child.dep_ != "poss" and _takes_modifiers(tok, agentive)):
            found = index.codes_at(child.i) or (
                _head_codes(child, index, agentive) if child.dep_ in ("compound", "appos") else ())
            if found:  # "Eriadori and Calenardhon leaders": coordinated modifiers
                more = [c for conj in child.children if conj.dep_ == "conj" for c in index.codes_at(conj.i)]
                return _unique(list(found) + more)
    located = tok.lemma_.lower() in AGENT_NOUNS and tok.pos_ == "NOUN"
    for child in tok.children:  # "the President of Russia"; "rebels in the Ivory Coast"
        if child.dep_ == "prep" and (child.lower_ == "of" or (located and child.lower_ in ("in", "from"))):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = index.codes_at(pobj.i) or _head_codes(pobj, index)
                    if found:
                        return found
    return ()


def clause_head(tok: Token) -> Token:
    """The verb (or the root) governing ``tok``: ``tok`` itself when it is a verb."""
    cur = tok
    for _ in range(30):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _explicit_subject(verb: Token, index: MentionIndex) -> tuple[tuple[str, ...], bool]:
    for child in verb.children:
        if child.dep_ in SUBJ:
            return codes_of(child, index, agentive=True), True
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return codes_of(pobj, index, agentive=True), True
    return (), any(c.dep_ in PASS_SUBJ for c in verb.children)


def _gerund_subject(verb: Token, index: MentionIndex) -> tuple[str, ...]:
    """"rumours of Russia asking for ...": the noun just before a subjectless gerund is its subject."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return ()
    prev = verb.doc[verb.i - 1]
    if prev.pos_ in ("PROPN", "NOUN", "PRON") and prev.dep_ in ("pobj", "dobj", "poss"):
        return index.codes_at(prev.i)
    return ()


def subject_codes(verb: Token, index: MentionIndex, depth: int = 0) -> tuple[str, ...]:
    """Codes of the (logical) subject of ``verb``, climbing through control, coordination and
    participial clauses when the verb has no subject of its own."""
    codes, found = _explicit_subject(verb, index)
    if codes:
        return codes
    if found and not _is_where_clause(verb):
        return ()
    if not found and (gerund := _gerund_subject(verb, index)):
        return gerund
    if depth > 6 or verb.head is verb:
        return ()
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN")):
        return codes_of(verb.head, index, agentive=True)
    governor = clause_head(verb.head)
    if verb.dep_ == "pcomp" and governor.lemma_.lower() in OBJECT_CONTROL:
        obj = object_of(governor)  # "accused Eritrea of shelling": Eritrea shelled
        return codes_of(obj, index, agentive=True) if obj is not None else ()
    if verb.dep_ in ("prep", "pobj", "pcomp") and any(c.dep_ == "dobj" for c in governor.children):
        return ()  # "puts China in the position of supporting": the controller is not the subject
    if verb.dep_ in INHERIT_DEPS or verb.dep_ in ("prep", "pobj"):
        return subject_codes(governor, index, depth + 1)
    return ()


def _is_where_clause(verb: Token) -> bool:
    """``... Meeting, where 141 nations voted`` — the relative clause's place stands for the actor."""
    return verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children)


def has_named_subject(verb: Token) -> bool:
    """The verb's subject is a name or a noun for people who can act, even if no code is known for it
    ("university students staged demonstrations", "al-Qaeda threatened ...")."""
    for child in verb.children:
        if child.dep_ in SUBJ or child.dep_ == "agent":
            head = child if child.dep_ != "agent" else next((c for c in child.children if c.dep_ == "pobj"), child)
            if head.pos_ == "PROPN" or head.lemma_.lower() in AGENT_NOUNS:
                return True
    return False


def object_of(verb: Token) -> Token | None:
    """The direct object (or passive subject, or attribute) of a verb."""
    for dep in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
        for child in verb.children:
            if child.dep_ == dep:
                return child
    return None


def pobj_codes(tok: Token, preps: Sequence[str], index: MentionIndex) -> tuple[str, ...]:
    """Codes of the objects of the given prepositions attached to ``tok`` (or to its particle/object)."""
    codes: list[str] = []
    for prep in _preps_near(tok):
        if prep.lower_ not in preps:
            continue
        for pobj in prep.children:
            if pobj.dep_ in ("pobj", "pcomp"):
                codes.extend(codes_of(pobj, index))
    return _unique(codes)


def _preps_near(tok: Token) -> list[Token]:
    found = [c for c in tok.children if c.dep_ in ("prep", "dative", "prt", "agent")]
    for child in tok.children:
        if child.dep_ in ("dobj", "prt", "xcomp", "advmod"):
            found.extend(c for c in child.children if c.dep_ == "prep")
    for prep in [p for p in found if p.lower_ == "of" and p.head.dep_ == "dobj"]:  # "resumption of ties with X"
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                found.extend(c for c in pobj.children if c.dep_ == "prep" and c.lower_ != "of")
    for prep in [p for p in found if p.lower_ == "for"]:  # "asking for weapons from China"
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                found.extend(c for c in pobj.children if c.dep_ == "prep" and c.lower_ != "of")
    return found
