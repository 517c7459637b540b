"""Stage 9: numeric claims about losses of equipment or people ("Russia has lost more than 500 tanks").

Rules over the dependency parse. A sentence is looked at only when a cheap lexical pre-filter finds
both a number and a loss word in it. A number becomes a :class:`~thucydides.model.LossClaim` when the
noun it counts is equipment, people or a loss noun ("casualties") and a loss trigger (lose, destroy,
shoot down, kill, "losses of", "destroyed vehicles", ...) governs or modifies it. Production figures,
votes, money, percentages, ages, years and distances never qualify: they lack either the noun or the
trigger, or spaCy tags them as MONEY / PERCENT / DATE / QUANTITY.

Whose losses (``side``) comes from the noun's modifiers ("Russian tanks", "Ukraine's losses"), the
subject of an experiencer verb (lose, suffer), or, for agentive verbs (destroy, kill), the main
adversary of the agent; pronouns go through the actor mentions, falling back on the most recent
actor that was the subject of a loss or war context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._version import __version__
from .dates import resolve_date
from .model import ActorMention, Article, LossClaim, Provenance
from .pipeline import Annotated

__all__ = ["EXTRACTOR", "annotate", "extract_loss_claims", "parse_number"]

EXTRACTOR = "losses.rules.v1"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


EQUIPMENT = _words("""
tank vehicle aircraft airplane plane jet fighter-bomber bomber helicopter chopper drone uav missile rocket launcher
system artillery gun howitzer mortar truck lorry van car apc ifv afv bmp btr mrl mlrs ship vessel boat warship
submarine cruiser frigate corvette equipment hardware weapon piece unit radar armor armour airframe jeep tractor
locomotive train battery interceptor transport tanker minesweeper landing craft
""")
PEOPLE = _words("""
soldier troop serviceman servicemen personnel man men people person civilian fighter militant combatant child
children woman women officer general sailor pilot marine paratrooper conscript mercenary member insurgent
terrorist resident worker journalist crew crewman body life lives staff guard recruit volunteer prisoner
invader occupier occupant israeli israelis palestinian palestinians russian russians ukrainian ukrainians
""")
LOSS_NOUNS = _words("loss losses casualty casualties death deaths fatality fatalities dead wounded toll")
#: Verbs whose subject is the side that suffered the losses.
EXPERIENCER = _words("lose suffer sustain incur")
#: Verbs whose object is the loss and whose subject is the other side.
AGENTIVE = _words("destroy damage capture seize down kill wound injure sink eliminate neutralize neutralise "
                     "abandon intercept inflict")
PEOPLE_VERBS = _words("kill wound injure die")
#: Participles and adjectives that make the noun they modify a loss ("destroyed vehicles").
LOSS_MODIFIERS = _words("destroyed damaged captured abandoned lost downed killed wounded injured sunk "
                           "dead eliminated shot intercepted")
SPEECH = _words("say claim report state announce estimate tell add insist write post confirm assert "
                   "allege suggest show indicate count put deny dismiss reject")
DENIAL = _words("deny dismiss reject refute")
HEDGES = _words("reportedly allegedly purportedly apparently supposedly unconfirmed estimated "
                   "possibly probably likely")
MODALS = _words("could would will may might can shall should")
WAR_WORDS = re.compile(r"\b(?:los[st]|lose|losing|losses|war|fighting|fight|invasion|invaded|battle|offensive|"
                       r"attack|combat|campaign|casualt)", re.IGNORECASE)

_TRIGGER = re.compile(
    r"\b(?:los[st]|lose|losing|losses|destroy|damag|captur|abandon|shot down|shoot(?:s|ing)? down|down(?:ed|ing)|"
    r"kill|wound|injur|casualt|dead|death|die[sd]?\b|dying|fatalit|sunk|sink|eliminat|neutrali[sz]|toll|intercept)",
    re.IGNORECASE)
_NUMBERISH = re.compile(r"\d|\b(?:dozens?|hundreds|thousands|one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                        r"hundred|thousand|million)\b", re.IGNORECASE)
_SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
                               "dozen": 12}
#: Vague quantities: (value, qualifier).
VAGUE: dict[str, tuple[int, str]] = {
    "dozens": (12, "dozens"), "scores": (20, "dozens"), "hundreds": (100, "hundreds"),
    "thousands": (1000, "thousands"), "tens of thousands": (10_000, "thousands"),
    "hundreds of thousands": (100_000, "thousands"),
}
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"more than|over|above|in excess of|upwards of|beyond", "over"),
    (r"at least|no fewer than|no less than|a minimum of|not less than", "at least"),
    (r"about|around|some|nearly|approximately|roughly|almost|close to|an estimated|estimated|approx\.|circa",
     "about"),
    (r"up to|as many as|as much as|a maximum of|no more than|fewer than|less than|under", "up to"),
)
_QUALIFIER_RE = [(re.compile(r"(?:^|\s)(" + alts + r")\s*$", re.IGNORECASE), q) for alts, q in _QUALIFIERS]


def parse_number(text: str) -> int | None:
    """The integer a number expression denotes: ``"1,262"``, ``"1.2 million"``, ``"two hundred"``, ``"12"``.

    Returns None when the text is not a number.
    """
    total, current, seen = 0, 0.0, False
    for word in text.lower().replace("-", " ").split():
        word = word.strip(",")
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", word):
            current += float(word.replace(",", ""))
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif word in MULTIPLIERS:
            factor = MULTIPLIERS[word]
            current = (current or 1) * factor
            if factor >= 1000:
                total, current = total + int(current), 0.0
        elif word != "and":
            return None
        seen = True
    return int(total + current) if seen else None


@dataclass(frozen=True)
class _Quantity:
    """A number in a sentence: its last token, value, qualifier, where it starts, and the noun it counts."""

    head: Any
    value: int
    qualifier: str
    start: int
    noun: Any | None


def _is_numeric(tok: Any) -> bool:
    return bool(tok.like_num) or tok.lower_ in MULTIPLIERS


def _excluded(tok: Any, first: Any) -> bool:
    """Years, money, percentages, ages, hyphenated modifiers ("5,000-word") and measures."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[first.i - 1] if first.i > 0 else None
    if tok.ent_type_ in _SKIP_ENTS or re.fullmatch(r"(?:19|20)\d\d", tok.text):
        return True
    if prev is not None and (prev.text in ("$", "€", "£", "#", "No.", "no.") or prev.lower_ in ("aged", "age")):
        return True
    if nxt is not None and not tok.whitespace_ and nxt.text in ("-", "/", "%", ":"):
        return True
    return nxt is not None and nxt.lower_ in ("percent", "per", "%", "km", "kilometres", "kilometers", "miles",
                                              "metres", "meters", "dollars", "euros", "tons", "tonnes", "times")


def _qualifier(doc: Any, start: int) -> tuple[str, int]:
    """The qualifier written just before ``start`` ("more than 500") and where it begins."""
    window = doc.text[max(0, start - 30):start]
    for pattern, qualifier in _QUALIFIER_RE:
        if m := pattern.search(window):
            return qualifier, start - len(window) + m.start(1)
    return "exact", start


def _of_object(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _vague(tok: Any) -> _Quantity | None:
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
    return _Quantity(tok, value, qualifier, first.idx, _of_object(tok))


def _counted_noun(tok: Any) -> Any | None:
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return _of_object(tok)


def _quantities(sent: Any) -> list[_Quantity]:
    """Every number in the sentence that could count something."""
    found: list[_Quantity] = []
    for tok in sent:
        if (q := _vague(tok)) is not None:
            found.append(q)
            continue
        if not _is_numeric(tok) or (tok.i + 1 < sent.end and _is_numeric(tok.doc[tok.i + 1])):
            continue
        if tok.lower_ in ("one", "a", "an") and _counted_noun(tok) is None:
            continue
        first = _run_start(tok, sent)
        value = parse_number(tok.doc.text[first.idx:tok.idx + len(tok)])
        if value is None or value <= 0 or _excluded(tok, first):
            continue
        if _range_start(tok, sent):
            continue
        qualifier, start = _qualifier(tok.doc, first.idx)
        if (low := _range_low(first, sent)) is not None:
            value, qualifier, start = low[0], "at least", low[1]
        elif qualifier == "exact" and {tok.head.lemma_.lower(), tok.head.head.lemma_.lower()} & _EXCEED:
            qualifier = "over"
        if first.i > sent.start and tok.doc[first.i - 1].lower_ in ("several", "many", "few") and value in (100, 1000):
            qualifier, start = VAGUE[f"{tok.lower_}s"][1], tok.doc[first.i - 1].idx
        found.append(_Quantity(tok, value, qualifier, start, _counted_noun(tok)))
    return found


_EXCEED = frozenset({"exceed", "surpass", "top", "pass"})
_RANGE_LINKS = frozenset({"to", "-", "\u2013", "or"})


def _range_start(tok: Any, sent: Any) -> bool:
    """True for the lower end of a range ("13,000 to 14,000 people"): the upper end carries the claim."""
    doc = tok.doc
    return (tok.i + 2 < sent.end and doc[tok.i + 1].lower_ in _RANGE_LINKS and tok.like_num
            and bool(doc[tok.i + 2].like_num))


def _range_low(first: Any, sent: Any) -> tuple[int, int] | None:
    """(lower bound, where the range starts) when ``first`` is the upper end of a range."""
    doc = first.doc
    if first.i - 2 < sent.start or doc[first.i - 1].lower_ not in _RANGE_LINKS:
        return None
    low_end = doc[first.i - 2]
    if not low_end.like_num:
        return None
    low_start = _run_start(low_end, sent)
    value = parse_number(doc.text[low_start.idx:low_end.idx + len(low_end)])
    return None if value is None else (value, low_start.idx)


def _run_start(tok: Any, sent: Any) -> Any:
    """First token of the number ending at ``tok``: "1.2 million", "two hundred", "a hundred"."""
    first = tok
    while first.i > sent.start and _is_numeric(tok.doc[first.i - 1]):
        first = tok.doc[first.i - 1]
    before = tok.doc[first.i - 1] if first.i > sent.start else None
    if before is not None and before.lower_ in ("a", "an") and first.lower_ in MULTIPLIERS:
        return before
    return first


def _unit_ok(noun: Any, mentioned: bool) -> bool:
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lemma in EQUIPMENT or lower in EQUIPMENT or lemma in PEOPLE or lower in PEOPLE:
        return True
    return lemma in LOSS_NOUNS or lower in LOSS_NOUNS or (mentioned and noun.tag_ in ("NNS", "NNPS"))


def _is_loss_verb(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in EXPERIENCER or lemma in AGENTIVE or lemma == "die":
        return True
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    return (lemma == "shoot" and "down" in particles) or (lemma == "take" and "out" in particles)


def _modifier_trigger(tokens: Sequence[Any]) -> Any | None:
    """A loss participle or adjective on the number or the noun: "destroyed vehicles", "trucks lost"."""
    for tok in tokens:
        for child in tok.children:
            if child.dep_ in ("amod", "acl", "relcl", "compound") and (
                    child.lower_ in LOSS_MODIFIERS or (child.pos_ == "VERB" and _is_loss_verb(child))):
                return child
    return None


def _loss_subject(verb: Any) -> Any | None:
    """The subject of a verb when it is a loss noun: "losses stand at", "the death toll rose to"."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in LOSS_NOUNS:
            return child
    return None


def _governing_trigger(start: Any) -> Any | None:
    """Climb from the counted noun to the first verb; the loss noun or loss verb on the way, if any."""
    tok, relation = start, start.dep_
    for _ in range(8):
        if tok.dep_ == "ROOT" or tok.head is tok:
            return None
        relation, tok = tok.dep_, tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in LOSS_NOUNS:
            return tok
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
            if _is_loss_verb(tok):
                transitive = any(c.dep_ == "dobj" for c in tok.children)
                return None if relation == "nsubj" and transitive else tok
            return _loss_subject(tok)
    return None


def _trigger(q: _Quantity) -> Any | None:
    """The loss word that makes the quantity a loss: the governing verb or noun, else a modifier."""
    base = q.noun if q.noun is not None else q.head
    if q.noun is not None and q.noun.lemma_.lower() in LOSS_NOUNS:
        return q.noun
    found = _governing_trigger(base)
    return found if found is not None else _modifier_trigger([t for t in (q.head, q.noun) if t is not None])


class _Actors:
    """The actor mentions of one document, looked up by character offsets."""

    def __init__(self, doc: Any, mentions: Sequence[ActorMention]) -> None:
        self.doc = doc
        self.spans = sorted((m.start, m.end, m.actor.code, m.actor.kind) for m in mentions if m.actor.code)

    def code_in(self, start: int, end: int) -> str:
        """Code of the first mention overlapping ``[start, end)``, or ``""``."""
        for s, e, code, _ in self.spans:
            if s < end and start < e:
                return code
        return ""

    def codes_in(self, start: int, end: int) -> tuple[str, ...]:
        codes = [code for s, e, code, _ in self.spans if s < end and start < e]
        return tuple(dict.fromkeys(codes))

    def of_token(self, tok: Any) -> str:
        return self.code_in(tok.idx, tok.idx + len(tok))

    def of_phrase(self, tok: Any) -> str:
        """The code for a noun phrase: its head's mention, else the first mention inside it."""
        code = self.of_token(tok)
        if code:
            return code
        return self.code_in(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))

    def recent_subject(self, before: int) -> str:
        """The most recent actor before ``before`` that was the subject of a loss or war context."""
        for s, e, code, _ in reversed(self.spans):
            if e > before:
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            subject = root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ in ("poss", "compound", "amod") and root.head.dep_ in ("nsubj", "nsubjpass"))
            if subject and WAR_WORDS.search(root.sent.text):
                return code
        return ""

    def opponent(self, code: str) -> str:
        """The actor other than ``code`` mentioned most often among states and armed groups."""
        counts = Counter(c for _, _, c, kind in self.spans
                         if c != code and kind in ("state", "separatist", "group"))
        return counts.most_common(1)[0][0] if counts else ""


_PRONOUNS = _words("they them their it its we our us he his she her")


def _actor_of(tok: Any, actors: _Actors) -> str:
    """The code of a noun phrase, resolving a pronoun without a mention to the recent loss subject."""
    code = actors.of_phrase(tok)
    if not code and tok.lower_ in _PRONOUNS:
        code = actors.recent_subject(tok.idx)
    return code


def _subject(verb: Any) -> Any | None:
    """The subject of a verb, borrowed from the governing verb for "managed to lose" and conjuncts."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _agent(verb: Any) -> Any | None:
    """Who did it: the active subject or the passive "by" phrase, borrowed from a coordinated verb."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _modifier_side(tokens: Sequence[Any], actors: _Actors) -> str:
    """"Russian tanks", "Ukraine's losses", "its losses", "Hamas fighters", "30 Palestinians"."""
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN") and (code := actors.of_token(tok)):
            return code
        for child in tok.children:
            code = _actor_of(child, actors) if child.dep_ in ("amod", "compound", "poss", "nmod") else ""
            if code and child.i < tok.i:
                return code
    return ""


def _side(q: _Quantity, trigger: Any, claimants: tuple[str, ...], actors: _Actors) -> str:
    loss_noun = trigger if trigger.pos_ == "NOUN" else None
    owner = _of_object(loss_noun) if loss_noun is not None else None
    tokens = [t for t in (q.noun, loss_noun, owner) if t is not None]
    if code := _modifier_side(tokens, actors):
        return code
    if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX"):
        trigger = trigger.head
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in ("VERB", "AUX") and (lemma in EXPERIENCER or lemma == "die"):
        subject = _subject(trigger)
        return _actor_of(subject, actors) if subject is not None else ""
    if trigger.pos_ == "VERB" and _is_loss_verb(trigger):
        agent = _agent(trigger)
        if agent is not None:
            code = _actor_of(agent, actors)
            return actors.opponent(code) if code else ""
        if not claimants:
            return ""
        return claimants[0] if lemma in PEOPLE_VERBS else actors.opponent(claimants[0])
    return ""


@dataclass(frozen=True)
class _Attribution:
    status: str
    by: tuple[str, ...]


def _according_to(sent: Any) -> Any | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            return next((g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"), None)
    return None


def _speech_verb(trigger: Any) -> Any | None:
    """A verb of saying that governs the clause of the trigger: "Kyiv says Russia has lost ..."."""
    tok = trigger
    for _ in range(8):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH:
            return tok
    return None


def _speaker(verb: Any, trigger: Any) -> Any | None:
    """The subject of a verb of saying that is not part of the reported clause itself."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not child.left_edge.i <= trigger.i <= child.right_edge.i:
            return child
    return _subject(verb) if verb.dep_ in ("xcomp", "conj", "advcl") else None


def _modality(tokens: Sequence[Any]) -> str:
    """``hypothetical`` for "could lose", ``alleged`` for "may have lost" / "may be hundreds", else ``""``."""
    for tok in tokens:
        auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return "hypothetical"
        if any(a in MODALS for a in auxes):
            epistemic = "have" in auxes or tok.lemma_.lower() == "be"
            return "alleged" if epistemic else "hypothetical"
    return ""


def _clause_verbs(q: _Quantity, trigger: Any) -> list[Any]:
    verbs = [trigger] if trigger.pos_ in ("VERB", "AUX") else []
    tok = q.head
    for _ in range(6):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            verbs.append(tok)
            break
    return verbs


def _attribution(q: _Quantity, trigger: Any, actors: _Actors) -> _Attribution:
    sent = trigger.sent
    speaker, denied = _according_to(sent), False
    verb = _speech_verb(trigger)
    if verb is not None:
        denied = verb.lemma_.lower() in DENIAL
        subject = _speaker(verb, trigger)
        speaker = subject if subject is not None else speaker
    by = () if speaker is None else actors.codes_in(speaker.left_edge.idx, speaker.right_edge.idx + 1)
    if speaker is not None and not by and speaker.lower_ in _PRONOUNS:
        by = tuple(c for c in [_actor_of(speaker, actors)] if c)
    verbs = _clause_verbs(q, trigger)
    if denied or any(child.dep_ == "neg" for verb in verbs for child in verb.children):
        return _Attribution("denied", by)
    modal = _modality(verbs)
    if modal == "hypothetical":
        return _Attribution("hypothetical", by)
    hedged = modal == "alleged" or any(t.lower_ in HEDGES for t in sent)
    return _Attribution("alleged" if speaker is not None or hedged else "asserted", by)


_PERIOD_PHRASES = re.compile(
    r"\b(?:since the (?:start|beginning|outbreak|onset) of (?:the |its )?(?:[\w-]+ ){0,2}(?:war|invasion|conflict|"
    r"offensive|operation|fighting)|since the (?:[\w-]+ )?(?:war|invasion|conflict|offensive) (?:began|started)|"
    r"since the (?:full-scale )?invasion|so far this year|so far|to date|overnight)\b", re.IGNORECASE)
_AS_OF = frozenset({"as of", "by", "as at", "through", "until"})


def _with_preposition(ent: Any) -> str:
    """The period text: "since February 24", "in the past day", "about three weeks"."""
    doc, text = ent.doc, str(ent.text)
    prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if prev == "since":
        return f"{doc[ent.start - 1].text} {text}"
    if prev in ("in", "over", "during", "within", "for") and re.match(r"(?i)the (?:past|last)\b", text):
        return f"{doc[ent.start - 1].text} {text}"
    return text


def _as_of(ent: Any) -> bool:
    doc = ent.doc
    before = doc.text[max(0, ent.start_char - 7):ent.start_char].lower().strip()
    return any(before.endswith(p) for p in _AS_OF)


def _period(sent: Any, published: Any) -> tuple[str | None, str | None]:
    """(period as the text says, ISO date the period ends) for a loss sentence."""
    default_end = published.isoformat() if published is not None else None
    period, end, point = None, default_end, None
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or re.search(r"(?i)year-old|years? old|\bage", ent.text):
            continue
        resolved = resolve_date(ent.text, published)
        since = ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since"
        if resolved is not None and _as_of(ent):
            end = resolved[0] if resolved[1] == "day" else end
        elif resolved is None or since:
            period = period or _with_preposition(ent)
        elif resolved[1] == "day" and point is None:
            point = (ent.text, resolved[0])
    if period is None and (m := _PERIOD_PHRASES.search(sent.text)):
        period = m.group(0)
    if point is not None:
        period, end = (period, point[1]) if period is not None else point
    return period, end


def _unit_span(q: _Quantity, actors: _Actors) -> tuple[int, int] | None:
    """Character span of what was lost: the noun with its modifiers and its number-less conjuncts."""
    noun = q.noun
    if noun is None:
        return None
    left = noun
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.i > q.head.i:
            left = min(left, child.left_edge, key=lambda t: t.i)
    while left.i < noun.i and (actors.of_token(left) or left.dep_ in ("det", "poss", "punct")):
        left = left.doc[left.i + 1]
    inner = _of_object(noun) if noun.lemma_.lower() in _CONTAINERS else None
    right = _last_conjunct(inner if inner is not None else noun)
    return left.idx, right.idx + len(right)


_CONTAINERS = frozenset({"unit", "piece", "item", "type", "kind", "set"})


def _last_conjunct(noun: Any) -> Any:
    last = noun
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            if _is_numeric(child) or child.lower_ in VAGUE or any(_is_numeric(g) or g.lower_ in VAGUE for g in child.children if g.dep_ in ("nummod", "quantmod")):
                break
            last = _last_conjunct(child)
    return last


def _listed(tok: Any) -> list[Any]:
    items = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            items.extend(_listed(child))
    return items


def _item_text(item: Any) -> str:
    left = item
    for child in item.lefts:
        if child.dep_ in ("amod", "compound", "nmod"):
            left = min(left, child.left_edge, key=lambda t: t.i)
    return str(item.doc.text[left.idx:item.idx + len(item)])


def _categories(q: _Quantity, trigger: Any) -> tuple[str, ...]:
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
                return tuple(_item_text(i) for i in _listed(obj) if i.pos_ in ("NOUN", "PROPN"))
    return ()


def _candidate(sent: Any) -> bool:
    text = sent.text
    return bool(_NUMBERISH.search(text)) and bool(_TRIGGER.search(text))


def _accept(q: _Quantity, actors: _Actors) -> Any | None:
    """The trigger when the quantity is a loss, else None."""
    if q.noun is not None and not _unit_ok(q.noun, bool(actors.of_token(q.noun))):
        return None
    trigger = _trigger(q)
    if trigger is None:
        return None
    if q.noun is None:
        lemma = trigger.lemma_.lower()
        people = lemma in PEOPLE_VERBS or lemma == "die" or lemma in LOSS_NOUNS or trigger.lower_ in LOSS_NOUNS
        return trigger if people else None
    return trigger


def _unit_text(q: _Quantity, trigger: Any, span: tuple[int, int] | None) -> str:
    doc = trigger.doc
    if span is not None:
        return str(doc.text[span[0]:span[1]])
    if trigger.pos_ == "NOUN":
        return _item_text(trigger)
    return str(trigger.text)


def _evidence_span(q: _Quantity, trigger: Any, unit: tuple[int, int] | None) -> tuple[int, int]:
    sent = trigger.sent
    start = min(q.start, trigger.idx)
    last = max([trigger, *(c for c in trigger.children if c.dep_ == "prt")], key=lambda t: t.i)
    end = max(q.head.idx + len(q.head), last.idx + len(last), unit[1] if unit else 0)
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in EXPERIENCER:
        subject = _subject(trigger)
        if subject is not None and subject.sent == sent and trigger.i - 8 <= subject.i < trigger.i:
            start = min(start, subject.left_edge.idx)
    return max(start, sent.start_char), min(end, sent.end_char)


def _claim(article: Article, q: _Quantity, trigger: Any, actors: _Actors) -> LossClaim:
    unit = _unit_span(q, actors)
    attribution = _attribution(q, trigger, actors)
    period, period_end = _period(trigger.sent, article.published)
    start, end = _evidence_span(q, trigger, unit)
    text = trigger.doc.text
    return LossClaim(
        side=_side(q, trigger, attribution.by, actors), value=q.value, qualifier=q.qualifier,
        unit=_unit_text(q, trigger, unit), evidence=text[start:end],
        provenance=Provenance(article.id, start, end, EXTRACTOR, __version__),
        categories=_categories(q, trigger), period=period, period_end=period_end,
        status=attribution.status, by=attribution.by)


def extract_loss_claims(article: Article, doc: Any, mentions: Sequence[ActorMention]) -> list[LossClaim]:
    """Every numeric loss claim in a parsed article, in text order.

    Args:
        article: the article (its id and publication date are used).
        doc: the spaCy ``Doc`` of ``article.text``.
        mentions: actor mentions from the actor stage (sides and claimants are read from them).
    """
    actors = _Actors(doc, mentions)
    claims: list[LossClaim] = []
    for sent in doc.sents:
        if not _candidate(sent):
            continue
        for q in _quantities(sent):
            trigger = _accept(q, actors)
            if trigger is not None:
                claims.append(_claim(article, q, trigger, actors))
    return claims


def annotate(state: Annotated) -> None:
    """Pipeline stage ``losses.rules.v1``: fill ``state.loss_claims``."""
    state.loss_claims = extract_loss_claims(state.article, state.doc, state.mentions)
