"""Stage 5: attribution — who says so, with which reporting cue, through which outlet.

Attributions are found on the dependency parse, once per document (the result is cached in
``doc.user_data``): reporting verbs with a clausal complement (``said that…``, inverted
``"…," said Sullivan``, participles such as ``…, saying that…``), ``according to X``, denials and
accusations with a nominal object (``dismissed these rumors of…``, ``accused X of Y``), evidential
verbs (``intelligence reports point to…``) and direct quotations whose cue sits in a neighbouring
sentence (``"…" Wang said. "…," he continued.``).

:func:`attribute` returns the innermost attribution whose content holds an event trigger, as a
:class:`Source` with the claimant's codes (through the actor mentions), the outlet (``via``), the
stance of the cue and whether the source is anonymous.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .model import ActorMention

__all__ = ["Attribution", "Source", "attribute", "find_attributions", "is_outlet"]

def _words(text: str) -> frozenset[str]:
    """A lexicon from a space-separated string."""
    return frozenset(text.split())


#: Verbs that report speech, writing or thought; their clausal complement is the attributed content.
SPEECH_VERBS: frozenset[str] = _words(
    "say state tell report claim announce warn add insist confirm deny allege accuse note write tweet "
    "argue believe explain declare assert maintain acknowledge admit reveal disclose stress emphasize "
    "emphasise underline reiterate repeat comment remark respond reply answer conclude predict "
    "estimate think fear complain charge contend testify speculate concede dismiss reject refute "
    "rebuff vow promise pledge indicate suggest learn mention observe caution recall inform assure "
    "recount signal hint boast blame counter retort post brief notify suspect assess guarantee affirm "
    "certify verify proclaim threaten point")
#: Further verbs of communication, evaluation and stance that PolNeAR-style annotation counts as
#: attribution cues ("cited", "urged", "questioned", "praised"). :func:`find_attributions` reports
#: them; :func:`attribute` does not (they do not make their object a claim about an event).
BROAD_VERBS: frozenset[str] = _words(
    "ask call show support describe refer expect oppose question urge hope criticize find want "
    "criticise seek recall respond share cite view name plan praise mock prefer address "
    "ignore talk introduce propose favor favour consider condemn list discuss veto advocate "
    "decide compare demand refuse nominate echo review embrace attack sound recommend email request "
    "denounce bemoan blast slam decry applaud welcome hail tout highlight raise defend encourage "
    "endorse back feel wonder doubt acknowledge dismiss lament insist reference cite quote predict "
    "forecast demand agree disagree accept rebut slam fault thank congratulate")
#: Verbs that are cues only when their content is a direct quotation (``"…," he continued``).
QUOTE_ONLY_VERBS: frozenset[str] = _words(
    "continue begin conclude finish ask")
#: Cues that deny the content.
DENY_CUES: frozenset[str] = _words(
    "deny reject dismiss refute rebuff disavow dispute contradict debunk repudiate")
#: Cues that present the content as an allegation.
ALLEGE_CUES: frozenset[str] = _words(
    "claim allege accuse charge contend purport blame point suggest indicate suspect")
#: Nouns that name a proposition a denial verb can take as object ("rejected the claim").
CLAIM_NOUNS: frozenset[str] = _words(
    "claim claims report reports allegation allegations accusation accusations rumor rumors rumour "
    "rumours suggestion suggestions assertion assertions notion idea story stories charge charges "
    "speculation speculations statement statements account accounts assessment")
#: Nouns that brand content as false ("dismissed … as disinformation").
FALSITY_NOUNS: frozenset[str] = _words(
    "disinformation misinformation fake fakes lie lies propaganda nonsense fabrication fabrications "
    "provocation fiction hoax falsehood falsehoods slander smear baseless false groundless absurd "
    "fantasy fantasies speculation")
#: Heads of anonymous sources.
ANON_HEADS: frozenset[str] = _words(
    "official officials source sources intelligence report reports diplomat diplomats officer "
    "officers aide aides insider insiders person people assessment assessments document documents "
    "memo estimate estimates analyst analysts briefing")
#: Objects of "according to" that are not sources ("according to plan").
NOT_SOURCES: frozenset[str] = _words(
    "plan plans schedule law laws rule rules tradition custom agreement protocol procedure script "
    "design instruction instructions need needs standard standards scale definition size age type "
    "order orders pattern expectation expectations")
ANON_PHRASES: tuple[str, ...] = ("condition of anonymity", "not authorized to", "not authorised to",
                                 "declined to be named", "asked not to be named", "familiar with")
#: Known news outlets and agencies (lower case, without a leading "the").
OUTLETS: frozenset[str] = frozenset(x.strip() for x in ["reuters", " ap", " associated press", " afp", " agence france-presse", " bbc", " cnn", " fox news", " msnbc", " nbc", " abc", " cbs", " npr", " pbs", " al jazeera", " tass", " ria novosti", " ria", " interfax", " xinhua", " global times", " people's daily", " cctv", " cgtn", " rt", " sputnik", " ukrinform", " unian", " kyiv independent", " kyiv post", " new york times", " washington post", " wall street journal", " financial times", " guardian", " bloomberg", " politico", " axios", " telegraph", " economist", " der spiegel", " spiegel", " le monde", " die welt", " el pais", " yonhap", " kyodo", " nhk", " dpa", " efe", " ansa", " anadolu", " kommersant", " izvestia", " rbc", " meduza", " novaya gazeta", " bild", " haaretz", " times of israel", " jerusalem post", " south china morning post", " usa today", " los angeles times", " huffpost", " huffington post", " breitbart", " newsweek", " sky news", " france 24", " deutsche welle", " dw", " euronews", " voice of america", " radio free europe", " ukrainska pravda", " sofrep", " nikkei", " new york post", " the insider", " axios", " the hill", " vox", " yahoo news", " abc news", " cbs news", " nbc news", " channel one", " rossiya 1", " nyt", " wsj", " ft", " post", " times"])
#: Last words that mark an outlet name ("The Moscow Times", "Channel One", "Rossiya TV").
MEDIA_WORDS: frozenset[str] = _words(
    "times post news journal tv television radio agency gazette herald tribune telegraph guardian "
    "daily press channel network broadcaster magazine newspaper wire observer chronicle monitor "
    "examiner pravda vedomosti")
#: Channels that carry statements ("on Telegram", "on state TV").
CHANNELS: frozenset[str] = _words(
    "telegram twitter x facebook youtube instagram weibo vkontakte vk tiktok tv television radio "
    "website blog channel broadcast podcast truth social media")
#: Nouns for the act of saying ("in a statement to The Washington Post").
STATEMENT_NOUNS: frozenset[str] = _words(
    "statement interview post tweet message address briefing broadcast speech remarks remark comments "
    "comment appearance conversation call op-ed article letter video")
PRONOUNS: frozenset[str] = _words(
    "he she they it we i who")
_QUOTE_CHARS = {'"': '"', "\u201c": "\u201d", "''": "''"}
_MAX_CUE_SENT = 14
_BEFORE_ADJECTIVAL_SAID = frozenset(["the", "to", "a", "of", "in", "on", "for", "with", "from", "by", "this"])


@dataclass(frozen=True)
class Source:
    """Who an event is attributed to, and how.

    Attributes:
        by: claimant codes (``("USA",)``); ``()`` when the text itself states it or there is no code.
        via: outlet or channel (``"The Washington Post"``, ``"CNN"``, ``"state TV"``), or None.
        speaker: text of the source mention, or None.
        speaker_span: character offsets of the speaker mention, or None.
        cue: the reporting verb or phrase (``"stated"``, ``"according to"``), or None.
        cue_i: token index of the cue, or None.
        quote: ``"direct"`` (inside quotation marks), ``"indirect"`` (reported speech) or None.
        stance: ``"assert"``, ``"allege"`` or ``"deny"`` — what the cue itself does.
        anonymous: the source is unnamed ("US officials", "sources familiar with…").
    """

    by: tuple[str, ...]
    via: str | None
    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    cue_i: int | None
    quote: str | None
    stance: str
    anonymous: bool


@dataclass(frozen=True)
class Attribution:
    """One attribution relation in character offsets (the PolNeAR source / cue / content triple)."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]


@dataclass(frozen=True)
class _Raw:
    """An attribution in token offsets ([start, end) spans), before codes are attached."""

    cue: tuple[int, int]
    cue_i: int
    source: tuple[int, int] | None
    content: tuple[int, int]
    stance: str
    quote: str | None
    via: str | None
    anonymous: bool
    antecedent: tuple[int, int] | None = None
    kind: str = "speech"
    speaker_word: str = ""
    full: tuple[int, int] | None = None


# --------------------------------------------------------------------------- small helpers

def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _strip_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def is_outlet(text: str) -> bool:
    """Whether ``text`` names a news outlet or agency ("the BBC", "The Moscow Times", "Rossiya TV")."""
    name = _strip_the(text.strip()).lower()
    if not name or text.islower():
        return False
    if name in OUTLETS:
        return True
    words = _strip_the(text.strip()).split()
    return 2 <= len(words) <= 5 and words[-1].lower() in MEDIA_WORDS and \
        all(w[:1].isupper() or w in ("of", "de", "la", "al") for w in words)


def _is_channel(text: str) -> bool:
    words = _strip_the(text.strip()).lower().split()
    return bool(words) and (words[-1] in CHANNELS or " ".join(words) in CHANNELS)


def _span_text(doc: Any, span: tuple[int, int]) -> str:
    return str(doc[span[0]:span[1]].text)


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and conjunctions at both edges of a token span."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ in ("cc", "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _subtree_span(tok: Any) -> tuple[int, int]:
    return int(tok.left_edge.i), int(tok.right_edge.i) + 1


def _np_span(tok: Any) -> tuple[int, int]:
    """The noun phrase headed by ``tok``, cut before relative clauses and comma-separated parts."""
    start, end = _subtree_span(tok)
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "appos", "cc", "conj") and child.i > tok.i:
            if child.dep_ == "acl" and child.tag_ == "VBN" and any(c.dep_ == "agent" for c in child.children):
                continue
            end = min(end, int(child.left_edge.i))
        if child.dep_ == "prep" and child.i > 0 and doc[child.i - 1].text == ",":
            end = min(end, child.i - 1)
    return _trim(doc, start, max(end, tok.i + 1))


# --------------------------------------------------------------------------- source and via

def _subject(tok: Any) -> Any | None:
    """The speaker of a cue: its subject, or the subject of the clause a participle hangs on."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("who", "that") and tok.dep_ == "relcl":
                return tok.head
            return child
    if tok.dep_ == "agent" or any(c.dep_ == "auxpass" for c in tok.children):
        return _agent(tok)
    if tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head) if tok.dep_ != "xcomp" or tok.tag_ != "VBG" else None
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return _left_neighbour(tok)


def _left_neighbour(tok: Any) -> Any | None:
    """A name right before a cue the parser left without a subject ("…, former president X said")."""
    if tok.i == 0 or tok.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ != "PROPN" or prev.dep_ not in ("appos", "compound", "npadvmod") or \
            _lemma(tok) not in SPEECH_VERBS:
        return None
    return prev


def _agent(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _outlet_of(tok: Any) -> str | None:
    """``tok`` heads an outlet or channel name: its text, else None."""
    for start, end in (_trim(tok.doc, int(tok.left_edge.i), int(tok.i) + 1), _np_span(tok)):
        text = _span_text(tok.doc, (start, end))
        if is_outlet(text) or _is_channel(text):
            return text.removeprefix("the ")
    return None


def _via_from(tok: Any) -> str | None:
    """Outlet or channel among the modifiers of a cue or a speaker ("to CNN", "on Telegram")."""
    for child in tok.children:
        dep, low = child.dep_, child.lower_
        if dep in ("dative", "dobj") and _lemma(tok) in ("tell", "say") and child.pos_ == "PROPN":
            found = _outlet_of(child)
        elif dep == "prep" and low in ("to", "with", "on", "in", "via", "through", "during"):
            found = _via_prep(child)
        else:
            continue
        if found:
            return found
    return None


def _via_prep(prep: Any) -> str | None:
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        found = _outlet_of(pobj)
        if found:
            return found
        if _lemma(pobj) in STATEMENT_NOUNS:
            return _via_from(pobj)
    return None


def _via_scan(doc: Any, cue: Any, content: tuple[int, int]) -> str | None:
    """An outlet anywhere in the cue's sentence outside the content ("…, in a statement to Le Monde, …"),
    for parses that attach the phrase elsewhere."""
    for tok in cue.sent:
        if content[0] <= tok.i < content[1] or tok.dep_ != "pobj":
            continue
        if tok.head.lower_ in ("to", "with", "on") and tok.head.head.i != tok.i:
            found = _outlet_of(tok)
            if found:
                return found
    return None


def _source_via(doc: Any, head: Any) -> str | None:
    """The outlet when the source is one ("Reuters reported") or is a report published by one."""
    text = _span_text(doc, _np_span(head))
    if is_outlet(text):
        return text.removeprefix("the ")
    for child in head.children:
        if child.dep_ in ("acl", "prep"):
            agent = _agent(child) if child.dep_ == "acl" else None
            if agent is None and child.dep_ == "prep" and child.lower_ in ("by", "in", "from"):
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and _outlet_of(agent):
                return _outlet_of(agent)
    return None


def _anonymous(doc: Any, span: tuple[int, int], sent: Any) -> bool:
    toks = doc[span[0]:span[1]]
    heads = {_lemma(t) for t in toks if t.pos_ in ("NOUN", "PROPN")}
    named = any(t.ent_type_ in ("PERSON",) for t in toks)
    if named or is_outlet(toks.text):
        return False
    if any(p in sent.text.lower() for p in ANON_PHRASES):
        return True
    root = toks.root
    return _lemma(root) in ANON_HEADS and not any(t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "")
                                                  and t.i > root.i for t in toks) and bool(heads)


# --------------------------------------------------------------------------- content of a cue

def _clausal_content(tok: Any) -> tuple[int, int] | None:
    """The clausal complement(s) of a cue ("said that …", "claimed to have …")."""
    spans = [_subtree_span(c) for c in tok.children if c.dep_ == "ccomp"
             or (c.dep_ == "xcomp" and _lemma(tok) in ("claim", "deny", "promise", "vow", "pledge",
                                                        "threaten", "allege", "purport"))]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _inverted_content(tok: Any) -> tuple[int, int] | None:
    """``Russia attacked the town, officials said`` parsed with the cue hanging on the content verb."""
    head, doc = tok.head, tok.doc
    if tok.dep_ not in ("parataxis", "ccomp") or head.i == tok.i or (head.i > tok.i and tok.dep_ == "ccomp"):
        return None
    if tok.dep_ == "ccomp" and (doc[tok.left_edge.i - 1].text != "," or _lemma(head) in SPEECH_VERBS
                                or any(c.dep_ == "mark" for c in tok.children)):
        return None
    if head.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    if head.i > tok.i:
        content = _trim(doc, int(tok.right_edge.i) + 1, int(head.right_edge.i) + 1)
    else:
        content = _trim(doc, int(head.left_edge.i), int(tok.left_edge.i))
    return content if content[1] > content[0] else None


def _object_content(tok: Any) -> tuple[int, int] | None:
    """Nominal content of denials and accusations ("dismissed these rumors of …", "accused X of Y")."""
    lemma = _lemma(tok)
    for child in tok.children:
        if lemma in ("accuse", "blame", "charge", "suspect") and child.dep_ == "prep" \
                and child.lower_ in ("of", "for"):
            return int(child.i) + 1, int(child.right_edge.i) + 1
        if lemma == "point" and child.dep_ == "prep" and child.lower_ == "to":
            return int(child.i) + 1, int(tok.right_edge.i) + 1
        if child.dep_ == "dobj" and lemma in DENY_CUES and _denies_object(tok, child):
            return int(child.left_edge.i), int(tok.right_edge.i) + 1
    return None


def _denies_object(cue: Any, obj: Any) -> bool:
    if _lemma(cue) == "deny" or _lemma(obj) in CLAIM_NOUNS:
        return True
    for tok in cue.subtree:
        if tok.i > obj.i and _lemma(tok) in FALSITY_NOUNS:
            return True
    return False


def _stance(lemma: str) -> str:
    if lemma in DENY_CUES:
        return "deny"
    return "allege" if lemma in ALLEGE_CUES else "assert"


# --------------------------------------------------------------------------- quotations

def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of double-quoted passages (straight, curly or ``''``), quotation marks included.

    A quotation never runs over a line break: news style reopens the quote on every paragraph.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in re.finditer(r"''|[\"\u201c\u201d\n]", text):
        ch, at = m.group(), m.start()
        if ch == "\n":
            open_at = None
        elif open_at is None and ch in _QUOTE_CHARS:
            open_at, closer = at, _QUOTE_CHARS[ch]
        elif open_at is not None and (ch == closer or (ch in ('"', "\u201d") and closer in ('"', "\u201d"))):
            regions.append((open_at, at + len(ch)))
            open_at = None
        elif open_at is not None and ch == "\u201c":
            open_at = at
    return regions


def _token_regions(doc: Any) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in quote_regions(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) >= 5:
            out.append((int(span.start), int(span.end)))
    return out


def _inside(span: tuple[int, int], regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    for region in regions:
        if region[0] <= span[0] and span[1] <= region[1]:
            return region
    return None


# --------------------------------------------------------------------------- the finders

def _cue_lemma_ok(tok: Any) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or not (_lemma(tok) in SPEECH_VERBS or _lemma(tok) in QUOTE_ONLY_VERBS):
        return False
    if tok.dep_ in ("amod", "compound") or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return False  # "the said campaign", "statements said to be …"
    if tok.lower_ == "said" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _BEFORE_ADJECTIVAL_SAID:
        return False  # "reaction to said campaign"
    return not _unreal(tok)


def _unreal(tok: Any) -> bool:
    """A cue that reports no actual speech: "can say", "would argue", "to tell", "Say that…" (imperative)."""
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    return any(a in ("can", "could", "would", "might", "may", "should", "must", "ca") for a in auxes)


def _content_of(tok: Any, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    content = _clausal_content(tok) or _object_content(tok) or _inverted_content(tok)
    if content is None:
        return None
    if _lemma(tok) in QUOTE_ONLY_VERBS and _lemma(tok) not in SPEECH_VERBS:
        return content if _inside(content, regions) else None
    return content


def _verb_attribution(doc: Any, tok: Any, regions: Sequence[tuple[int, int]]) -> _Raw | None:
    content = _content_of(tok, regions)
    if content is None:
        return None
    subj = _subject(tok)
    source = _np_span(subj) if subj is not None and subj.lower_ not in ("it", "there") else None
    if source is not None and source[0] <= tok.i < source[1]:
        source = None
    via = _via_from(tok) or (_via_from(subj) if subj is not None else None)
    if subj is not None and source is not None:
        via = via or _source_via(doc, subj)
    via = via or _via_scan(doc, tok, content)
    anonymous = source is not None and _anonymous(doc, source, tok.sent)
    return _Raw((tok.i, tok.i + 1), int(tok.i), source, content, _stance(_lemma(tok)), None, via,
                anonymous)


def _according_to(doc: Any, tok: Any) -> _Raw | None:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.lower_ != "according" or nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN", "PRON") or _lemma(pobj) in NOT_SOURCES:
        return None
    source = _np_span(pobj)
    sent, end_of_phrase = tok.sent, max(int(pobj.right_edge.i) + 1, source[1])
    if tok.i - sent.start <= 1:
        content = _trim(doc, end_of_phrase, int(sent.end))
    else:
        content = _trim(doc, _clause_start(tok.head, sent), int(tok.i))
        if end_of_phrase < sent.end - 1:
            content = _trim(doc, _clause_start(tok.head, sent), int(sent.end))
    via = _source_via(doc, pobj)
    anonymous = _anonymous(doc, source, sent)
    return _Raw((tok.i, tok.i + 2), int(tok.i), source, content, "assert", None, via, anonymous)


def _clause_start(head: Any, sent: Any) -> int:
    """Where the clause of ``head`` starts, skipping fronted adjuncts ("Following days of X, Y did Z")."""
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or not sent.start <= subj.left_edge.i < sent.end:
        return int(sent.start)
    return int(subj.left_edge.i)


def _broad_attribution(doc: Any, tok: Any) -> _Raw | None:
    """A PolNeAR-style cue from :data:`BROAD_VERBS` whose object or complement is the content."""
    if tok.pos_ != "VERB" or _lemma(tok) not in BROAD_VERBS or _unreal(tok):
        return None
    rights = [c for c in tok.rights if c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "dative", "prt", "oprd")]
    subj = _subject(tok)
    if not rights or subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") or tok.dep_ == "acl" \
            or subj.lower_ in ("it", "there", "who", "that", "which") or subj.i > tok.i:
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    start = min(int(c.left_edge.i) for c in rights if c.dep_ != "prt") if any(c.dep_ != "prt" for c in rights) \
        else int(rights[0].i) + 1
    content = _trim(doc, start, int(tok.right_edge.i) + 1)
    if content[1] <= content[0]:
        return None
    source = _np_span(subj)
    return _Raw((tok.i, tok.i + 1), int(tok.i), source, content, "assert", None, None,
                _anonymous(doc, source, tok.sent), kind="broad")


def _colon_attribution(doc: Any, tok: Any) -> _Raw | None:
    """``Pence: Flowers won't be at the debate`` — a short name before a colon at the start of a line."""
    if tok.text != ":" or tok.i == 0 or tok.i + 1 >= len(doc):
        return None
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text and doc[start - 1].text not in ('"', "\u201c", "."):
        start -= 1
    name = doc[start:tok.i]
    if any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    if not 1 <= len(name) <= 4 or not (all(t.is_upper for t in name) or len(name) == 1 and name[0].is_title
                                        or any(t.ent_type_ in ("PERSON", "ORG") for t in name)):
        return None
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end].text and not doc[end].text.startswith("\n"):
        end += 1
    content = _trim(doc, tok.i + 1, end)
    if content[1] <= content[0]:
        return None
    return _Raw((tok.i, tok.i + 1), int(tok.i), (start, int(tok.i)), content, "assert", "direct", None,
                False, kind="broad")


def _sentence_content(doc: Any, tok: Any) -> tuple[int, int] | None:
    """Content of a cue the parser left without a complement: the rest of the sentence after
    ``said,`` / ``says:``, or the part before ``…, X said.``"""
    sent = tok.sent
    nxt = tok.i + 1
    while nxt < sent.end and doc[nxt].is_space:
        nxt += 1
    if nxt < sent.end and doc[nxt].text in (",", ":"):
        content = _trim(doc, nxt + 1, int(sent.end))
    else:
        subj = _subject(tok)
        left = min(int(tok.left_edge.i), int(subj.left_edge.i) if subj is not None else int(tok.i))
        content = _trim(doc, int(sent.start), left)
    return content if content[1] - content[0] >= 2 else None


def _bare_cue(tok: Any) -> bool:
    """A reporting verb with a speaker but no content of its own (``Wang said.`` after a quote)."""
    if not _cue_lemma_ok(tok) or _subject(tok) is None:
        return False
    return _lemma(tok) in ("say", "tell", "add", "write", "state") or \
        not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children)


def _quote_cue(doc: Any, region: tuple[int, int], bare: Sequence[Any]) -> Any | None:
    """The bare cue that introduces or closes a quotation: in the sentence where it ends, the next
    short sentence, or a preceding sentence that ends with a colon."""
    last_sent = doc[region[1] - 1].sent
    first_sent = doc[region[0]].sent
    for tok in bare:
        if region[0] <= tok.i < region[1]:
            continue
        sent = tok.sent
        if sent.start == last_sent.start or (sent.start == last_sent.end and len(sent) <= _MAX_CUE_SENT):
            return tok
        if _ends_with_colon(doc, sent, first_sent):
            return tok
        if sent.start <= region[0] < sent.end and tok.i < region[0] and doc[region[0] - 1].text in (":", ","):
            return tok
    return None


def _ends_with_colon(doc: Any, sent: Any, next_sent: Any) -> bool:
    """``sent`` ends with a colon (before any whitespace) right before ``next_sent``."""
    end = int(sent.end)
    while end > sent.start and doc[end - 1].is_space:
        end -= 1
    gap = all(t.is_space for t in doc[sent.end:next_sent.start])
    return gap and end > sent.start and doc[end - 1].text == ":" and next_sent.start >= sent.end


def _attach_quotes(doc: Any, raws: list[_Raw], regions: Sequence[tuple[int, int]],
                   bare: Sequence[Any]) -> list[_Raw]:
    """Mark direct speech, stretch contents over whole quotations and add quote-only attributions."""
    out = list(raws)
    for region in regions:
        hits = [k for k, r in enumerate(out) if r.content[0] < region[1] and region[0] < r.content[1]
                and not region[0] <= r.cue_i < region[1]]
        for k in hits:
            r = out[k]
            out[k] = replace(r, quote="direct", content=(min(r.content[0], region[0]), max(r.content[1], region[1])))
        if hits:
            continue
        cue = _quote_cue(doc, region, bare)
        if cue is not None:
            raw = _verb_like(doc, cue, region)
            out.append(raw)
    for k, r in enumerate(out):
        if r.quote is None:
            out[k] = replace(r, quote="direct" if _inside(r.content, regions) else "indirect")
    return out


def _verb_like(doc: Any, tok: Any, content: tuple[int, int]) -> _Raw:
    subj = _subject(tok)
    source = _np_span(subj) if subj is not None else None
    via = _via_from(tok) or (_source_via(doc, subj) if subj is not None else None)
    anonymous = source is not None and _anonymous(doc, source, tok.sent)
    return _Raw((tok.i, tok.i + 1), int(tok.i), source, content, _stance(_lemma(tok)), "direct", via,
                anonymous)


def _link_pronouns(doc: Any, raws: list[_Raw]) -> list[_Raw]:
    """Give pronoun speakers the speaker they stand for: "he continued" the previous named speaker,
    "we"/"I" the speaker whose quotation or reported speech they are in."""
    out: list[_Raw] = []
    last: tuple[int, int] | None = None
    for r in sorted(raws, key=lambda x: x.cue_i):
        head = doc[r.source[0]:r.source[1]].root if r.source is not None else None
        if head is not None and head.lower_ in PRONOUNS and head.lower_ not in ("we", "i"):
            r = replace(r, antecedent=last)
        elif head is not None and head.pos_ not in ("PRON", "DET"):
            last = r.source
        out.append(r)
    for k, r in enumerate(out):
        if r.source is not None and doc[r.source[0]:r.source[1]].root.lower_ in ("we", "i"):
            out[k] = replace(r, antecedent=_quoting_speaker(out, r))
    return out


def _quoting_speaker(earlier: Sequence[_Raw], r: _Raw) -> tuple[int, int] | None:
    """For "we"/"I" inside someone's quoted or reported speech: that someone."""
    around = [o for o in earlier if o.content[0] <= r.cue_i < o.content[1] and o.source is not None
              and o is not r]
    if not around:
        return None
    inner = min(around, key=lambda o: o.content[1] - o.content[0])
    return inner.antecedent or inner.source


def _with_full_source(doc: Any, r: _Raw) -> _Raw:
    """Add the whole source phrase with appositions and relative clauses (the PolNeAR source span)."""
    if r.source is None:
        return r
    root = doc[r.source[0]:r.source[1]].root
    start, end = _subtree_span(root)
    if start <= r.cue_i < end:
        start, end = (r.cue[1], end) if r.cue_i < root.i else (start, r.cue[0])
    start, end = _trim(doc, start, end)
    if end < len(doc) and doc[end].text == ")" and "(" in doc[start:end].text:
        end += 1
    if end < len(doc) and doc[end].text == "," and "," in doc[start:end].text:
        end += 1
    full = (start, end) if end > start else r.source
    relative = next((c for c in doc[r.cue_i].children if c.dep_ == "nsubj"
                     and c.lower_ in ("who", "that", "which")), None)
    if relative is not None:
        full = (relative.i, relative.i + 1)
    return replace(r, speaker_word=root.lower_, full=full)


def _find_raw(doc: Any) -> list[_Raw]:
    """Every attribution of a parsed document, in token offsets (cached on the Doc)."""
    cached = doc.user_data.get("thucydides.attributions")
    if cached is not None:
        return list(cached)
    regions = _token_regions(doc)
    raws: list[_Raw] = []
    bare: list[Any] = []
    for tok in doc:
        found = _according_to(doc, tok) if tok.lower_ == "according" else None
        if found is None and _cue_lemma_ok(tok):
            found = _verb_attribution(doc, tok, regions)
            if found is None and _bare_cue(tok):
                bare.append(tok)
        if found is None:
            found = _broad_attribution(doc, tok) if tok.pos_ == "VERB" else _colon_attribution(doc, tok)
        if found is not None:
            raws.append(found)
    raws = _attach_quotes(doc, raws, regions, bare)
    used = {r.cue_i for r in raws}
    for tok in bare:
        content = None if tok.i in used or _lemma(tok) not in SPEECH_VERBS else _sentence_content(doc, tok)
        if content is not None:
            raws.append(replace(_verb_like(doc, tok, content), quote=None))
    raws = _link_pronouns(doc, raws)
    unique = {r.cue_i: r for r in reversed(raws)}
    raws = [_with_full_source(doc, r) for r in sorted(unique.values(), key=lambda x: x.cue_i)]
    doc.user_data["thucydides.attributions"] = tuple(raws)
    return raws


def _char_span(doc: Any, span: tuple[int, int]) -> tuple[int, int]:
    return int(doc[span[0]].idx), int(doc[span[1] - 1].idx + len(doc[span[1] - 1]))


def find_attributions(doc: Any, mentions: Sequence[ActorMention] = (), *,
                      nested: bool = False) -> list[Attribution]:
    """Every attribution in a parsed document, in character offsets, ordered by cue position.

    Args:
        doc: a parsed spaCy ``Doc``.
        mentions: accepted for symmetry with :func:`attribute`; spans do not depend on them.
        nested: also return attributions inside the content of another one ("…," he said, "we believe
            that…"). By default, as in PolNeAR, a token has at most one role.
    """
    out: list[Attribution] = []
    raws = _find_raw(doc)
    for r in raws if nested else _outermost(raws):
        span = r.full or r.source
        source = _char_span(doc, span) if span is not None else None
        if r.content[1] <= r.content[0]:
            continue
        out.append(Attribution(source, _char_span(doc, r.cue), _char_span(doc, r.content)))
    return out


def _outermost(raws: Sequence[_Raw]) -> list[_Raw]:
    """Drop attributions whose cue or source lies inside the content of a larger one."""
    kept: list[_Raw] = []
    for r in sorted(raws, key=lambda x: x.content[0] - x.content[1]):
        if r.antecedent is None and r.speaker_word in ("i", "you", "we"):
            continue
        inside = any(k.content[0] <= r.cue_i < k.content[1] or (r.source is not None and k.content[0]
                     <= r.source[0] < k.content[1]) for k in kept)
        if not inside:
            kept.append(r)
    return sorted(kept, key=lambda x: x.cue_i)


# --------------------------------------------------------------------------- attribute()

def _negated_cue(doc: Any, r: _Raw) -> bool:
    """"did not say what …": the speaker does not vouch for the content (denial verbs aside)."""
    return r.stance != "deny" and any(c.dep_ == "neg" for c in doc[r.cue_i].children)


def _contains(r: _Raw, i: int) -> bool:
    if not r.content[0] <= i < r.content[1] or i == r.cue_i:
        return False
    return r.source is None or not r.source[0] <= i < r.source[1]


def attribute(doc: Any, trigger_i: int, mentions: Sequence[ActorMention] = ()) -> Source | None:
    """The source whose reported content contains token ``trigger_i``; None when the text itself states it.

    The innermost attribution wins ("Peskov said Kyiv claimed that…": the claim is Kyiv's); an inner
    attribution without an outlet inherits the outlet of the one around it.
    """
    if not 0 <= trigger_i < len(doc):
        raise IndexError(f"trigger index {trigger_i} is outside the document ({len(doc)} tokens)")
    raws = [r for r in _find_raw(doc) if r.kind == "speech" and not _negated_cue(doc, r) and _contains(r, trigger_i)]
    if not raws:
        return None
    inner = min(raws, key=lambda r: r.content[1] - r.content[0])
    via = inner.via or next((r.via for r in sorted(raws, key=lambda r: r.content[1] - r.content[0])
                             if r.via), None)
    return _to_source(doc, inner, via, mentions)


def _to_source(doc: Any, r: _Raw, via: str | None, mentions: Sequence[ActorMention]) -> Source:
    speaker_span = r.antecedent or r.source
    speaker = _span_text(doc, speaker_span) if speaker_span is not None else None
    by: tuple[str, ...] = ()
    if r.source is not None and not (speaker is not None and is_outlet(speaker)):
        by = _codes(doc, r.source, mentions)
        if not by and r.antecedent is not None:
            by = _codes(doc, r.antecedent, mentions)
    char_span = _char_span(doc, speaker_span) if speaker_span is not None else None
    return Source(by=by, via=via, speaker=speaker, speaker_span=char_span,
                  cue=_span_text(doc, r.cue), cue_i=r.cue_i, quote=r.quote, stance=r.stance,
                  anonymous=r.anonymous)


def _codes(doc: Any, span: tuple[int, int], mentions: Sequence[ActorMention]) -> tuple[str, ...]:
    """Codes of the speaker: the longest mention over its head, else any mention inside it, else the
    actor resolver."""
    start, end = _char_span(doc, span)
    root = doc[span[0]:span[1]].root
    over_root = [m for m in mentions if m.start <= root.idx < m.end and m.actor.code]
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.actor.code]
    for group in (over_root, inside):
        if group:
            return (max(group, key=lambda m: m.end - m.start).actor.code,)
    return _resolved(_span_text(doc, span))


def _resolver() -> Callable[[str], Any] | None:
    try:
        from . import actors
    except ImportError:
        return None
    found: Callable[[str], Any] | None = getattr(actors, "resolve_actor", None)
    return found


def _resolved(text: str) -> tuple[str, ...]:
    resolve = _resolver()
    if resolve is None:
        return ()
    try:
        actor = resolve(text)
    except Exception:  # noqa: BLE001 - the resolver belongs to another stage; never fail attribution
        return ()
    code = getattr(actor, "code", None)
    return (str(code),) if code else ()
