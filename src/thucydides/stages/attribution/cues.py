"""Finding cues and their content: reporting verbs, "according to", quotations, colons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .lexicon import (
    _BEFORE_ADJECTIVAL_SAID,
    _QUOTE_CHARS,
    ALLEGE_CUES,
    BROAD_VERBS,
    CLAIM_NOUNS,
    DENY_CUES,
    FALSITY_NOUNS,
    NOT_SOURCES,
    NOUN_CUES,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
)
from .spans import (
    _anonymous,
    _lemma,
    _np_span,
    _source_via,
    _subject,
    _subtree_span,
    _trim,
    _via_from,
    _via_scan,
)

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token


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


# --------------------------------------------------------------------------- content of a cue

def _clausal_content(tok: Token) -> tuple[int, int] | None:
    """The clausal complement(s) of a cue ("said that …", "claimed to have …")."""
    spans = [_subtree_span(c) for c in tok.children if c.dep_ == "ccomp"
             or (c.dep_ == "xcomp" and _lemma(tok) in ("claim", "deny", "promise", "vow", "pledge",
                                                        "threaten", "allege", "purport"))]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _inverted_content(tok: Token) -> tuple[int, int] | None:
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


def _object_content(tok: Token) -> tuple[int, int] | None:
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


def _token_regions(doc: Doc) -> list[tuple[int, int]]:
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

def _cue_lemma_ok(tok: Token) -> bool:
    lemma = _lemma(tok)
    if tok.pos_ not in ("VERB", "AUX") or not (lemma in SPEECH_VERBS or lemma in QUOTE_ONLY_VERBS):
        return False
    if tok.dep_ in ("amod", "compound") or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return False  # "the said campaign", "statements said to be …"
    if tok.lower_ == "said" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _BEFORE_ADJECTIVAL_SAID:
        return False  # "reaction to said campaign"
    return not _unreal(tok)


def _unreal(tok: Token) -> bool:
    """A cue that reports no actual speech: "can say", "would argue", "might tell"."""
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    return any(a in ("can", "could", "would", "might", "may", "should", "must", "ca") for a in auxes)


def _content_of(tok: Token, regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    content = _clausal_content(tok) or _object_content(tok) or _inverted_content(tok)
    if content is None:
        return None
    if _lemma(tok) in QUOTE_ONLY_VERBS and _lemma(tok) not in SPEECH_VERBS:
        return content if _inside(content, regions) else None
    return content


def _verb_attribution(doc: Doc, tok: Token, regions: Sequence[tuple[int, int]]) -> _Raw | None:
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


def _according_to(doc: Doc, tok: Token) -> _Raw | None:
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


def _clause_start(head: Token, sent: Span) -> int:
    """Where the clause of ``head`` starts, skipping fronted adjuncts ("Following days of X, Y did Z")."""
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or not sent.start <= subj.left_edge.i < sent.end:
        return int(sent.start)
    return int(subj.left_edge.i)


def _broad_attribution(doc: Doc, tok: Token) -> _Raw | None:
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
    objects = [c for c in rights if c.dep_ != "prt"]
    start = min(int(c.left_edge.i) for c in objects) if objects else int(rights[0].i) + 1
    content = _trim(doc, start, int(tok.right_edge.i) + 1)
    if content[1] <= content[0]:
        return None
    source = _np_span(subj)
    return _Raw((tok.i, tok.i + 1), int(tok.i), source, content, "assert", None, None,
                _anonymous(doc, source, tok.sent), kind="broad")


def _noun_attribution(doc: Doc, tok: Token) -> _Raw | None:
    """``Trump's claim that …``, ``Moscow's denial of …``: a cue noun with a possessor and a content."""
    if tok.pos_ != "NOUN" or _lemma(tok) not in NOUN_CUES:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    body = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    if body is None:
        body = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "on")), None)
    if owner is None or body is None or owner.lower_ in ("its", "their", "his", "her", "my", "our", "your"):
        return None
    content = _trim(doc, int(body.left_edge.i), int(body.right_edge.i) + 1)
    if body.dep_ == "prep":
        content = _trim(doc, int(body.i) + 1, int(body.right_edge.i) + 1)
    if content[1] <= content[0]:
        return None
    source = _subtree_span(owner)
    stance = "deny" if _lemma(tok) == "denial" else _stance(_lemma(tok))
    return _Raw((tok.i, tok.i + 1), int(tok.i), source, content, stance, None, None, False, kind="broad")


def _colon_attribution(doc: Doc, tok: Token) -> _Raw | None:
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


_CLAUSE_ENDS = frozenset([",", '"', "\u201d", "''", ":", "\u2014", "--"])


def _sentence_content(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """Content of a cue the parser left without a complement: the rest of the sentence after
    ``said,`` / ``says:``, or the part before ``…, X said.``"""
    if tok.dep_ not in ("ROOT", "parataxis", "conj"):
        return None  # an embedded verb ("did not say if China had responded") reports nothing here
    sent = tok.sent
    nxt = tok.i + 1
    while nxt < sent.end and doc[nxt].is_space:
        nxt += 1
    if nxt < sent.end and doc[nxt].text in (",", ":"):
        content = _trim(doc, nxt + 1, int(sent.end))
    else:
        subj = _subject(tok)
        left = min(int(tok.left_edge.i), int(subj.left_edge.i) if subj is not None else int(tok.i))
        if left == 0 or doc[left - 1].text not in _CLAUSE_ENDS:
            return None
        content = _trim(doc, int(sent.start), left)
    return content if content[1] - content[0] >= 2 else None


def _bare_cue(tok: Token) -> bool:
    """A reporting verb with a speaker but no content of its own (``Wang said.`` after a quote)."""
    if not _cue_lemma_ok(tok) or _subject(tok) is None:
        return False
    return _lemma(tok) in ("say", "tell", "add", "write", "state") or \
        not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children)
