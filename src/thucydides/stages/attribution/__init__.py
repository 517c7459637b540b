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

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ...model import ActorMention
from ...pipeline.state import Source
from .cues import (
    _according_to,
    _bare_cue,
    _broad_attribution,
    _colon_attribution,
    _cue_lemma_ok,
    _inside,
    _noun_attribution,
    _Raw,
    _sentence_content,
    _stance,
    _token_regions,
    _verb_attribution,
    quote_regions,
)
from .lexicon import _MAX_CUE_SENT, ALLEGE_CUES, CLAIM_NOUNS, DENY_CUES, PRONOUNS, SPEECH_VERBS, is_outlet
from .spans import (
    _anonymous,
    _lemma,
    _np_span,
    _source_via,
    _span_text,
    _subject,
    _subtree_span,
    _trim,
    _via_from,
)

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token

__all__ = ["ALLEGE_CUES", "DENY_CUES", "Attribution", "Source", "attribute", "find_attributions", "is_outlet",
           "quote_regions"]


@dataclass(frozen=True)
class Attribution:
    """One attribution relation in character offsets (the PolNeAR source / cue / content triple)."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]


def _quote_cue(doc: Doc, region: tuple[int, int], bare: Sequence[Token]) -> Token | None:
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


def _ends_with_colon(doc: Doc, sent: Span, next_sent: Span) -> bool:
    """``sent`` ends with a colon (before any whitespace) right before ``next_sent``."""
    end = int(sent.end)
    while end > sent.start and doc[end - 1].is_space:
        end -= 1
    gap = all(t.is_space for t in doc[sent.end:next_sent.start])
    return gap and end > sent.start and doc[end - 1].text == ":" and next_sent.start >= sent.end


def _attach_quotes(doc: Doc, raws: list[_Raw], regions: Sequence[tuple[int, int]],
                   bare: Sequence[Token]) -> list[_Raw]:
    """Mark direct speech, stretch contents over whole quotations and add quote-only attributions."""
    out = list(raws)
    for region in regions:
        hits = [k for k, r in enumerate(out) if r.content[0] < region[1] and region[0] < r.content[1]
                and not region[0] <= r.cue_i < region[1]]
        for k in hits:
            r = out[k]
            content = (min(r.content[0], region[0]), max(r.content[1], region[1]))
            out[k] = replace(r, quote="direct", content=content)
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


def _verb_like(doc: Doc, tok: Token, content: tuple[int, int]) -> _Raw:
    subj = _subject(tok)
    source = _np_span(subj) if subj is not None else None
    via = _via_from(tok) or (_source_via(doc, subj) if subj is not None else None)
    anonymous = source is not None and _anonymous(doc, source, tok.sent)
    return _Raw((tok.i, tok.i + 1), int(tok.i), source, content, _stance(_lemma(tok)), "direct", via,
                anonymous)


def _link_pronouns(doc: Doc, raws: list[_Raw]) -> list[_Raw]:
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


def _with_full_source(doc: Doc, r: _Raw) -> _Raw:
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


def _scan(doc: Doc, regions: Sequence[tuple[int, int]]) -> tuple[list[_Raw], list[Token]]:
    """One pass over the tokens: attributions found directly, and bare cues waiting for a quotation."""
    raws: list[_Raw] = []
    bare: list[Token] = []
    for tok in doc:
        found = _according_to(doc, tok) if tok.lower_ == "according" else None
        if found is None and _cue_lemma_ok(tok):
            found = _verb_attribution(doc, tok, regions)
            if found is None and _bare_cue(tok):
                bare.append(tok)
        if found is None and tok.pos_ == "VERB":
            found = _broad_attribution(doc, tok)
        elif found is None:
            found = _noun_attribution(doc, tok) if tok.pos_ == "NOUN" else _colon_attribution(doc, tok)
        if found is not None:
            raws.append(found)
    return raws, bare


def _find_raw(doc: Doc) -> list[_Raw]:
    """Every attribution of a parsed document, in token offsets (cached on the Doc)."""
    cached = doc.user_data.get("thucydides.attributions")
    if cached is not None:
        return list(cached)
    if not doc.has_annotation("DEP"):
        return []  # without a dependency parse there is nothing to read attributions from
    regions = _token_regions(doc)
    raws, bare = _scan(doc, regions)
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


def _char_span(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    return int(doc[span[0]].idx), int(doc[span[1] - 1].idx + len(doc[span[1] - 1]))


def find_attributions(doc: Doc, mentions: Sequence[ActorMention] = (), *,
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

def _contains(doc: Doc, r: _Raw, i: int) -> bool:
    if not r.content[0] <= i < r.content[1] or i == r.cue_i:
        return False
    if r.stance == "deny" and _reporting_participle(doc[i]):
        return False  # "denied accusations made by the opposition": the accusing is not denied
    return r.source is None or not r.source[0] <= i < r.source[1]


def _reporting_participle(tok: Token) -> bool:
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and _lemma(tok.head) in CLAIM_NOUNS


def attribute(doc: Doc, trigger_i: int, mentions: Sequence[ActorMention] = ()) -> Source | None:
    """The source whose reported content contains token ``trigger_i``; None when the text itself states it.

    The innermost attribution wins ("Peskov said Kyiv claimed that…": the claim is Kyiv's); an inner
    attribution without an outlet inherits the outlet of the one around it.
    """
    if not 0 <= trigger_i < len(doc):
        raise IndexError(f"trigger index {trigger_i} is outside the document ({len(doc)} tokens)")
    raws = [r for r in _find_raw(doc) if r.kind == "speech" and _contains(doc, r, trigger_i)]
    if not raws:
        return None
    inner = min(raws, key=lambda r: r.content[1] - r.content[0])
    via = inner.via or next((r.via for r in sorted(raws, key=lambda r: r.content[1] - r.content[0])
                             if r.via), None)
    return _to_source(doc, inner, via, mentions)


def _to_source(doc: Doc, r: _Raw, via: str | None, mentions: Sequence[ActorMention]) -> Source:
    speaker_span = r.antecedent or r.source
    speaker = _span_text(doc, speaker_span) if speaker_span is not None else None
    by: tuple[str, ...] = ()
    if r.source is not None and not (speaker is not None and is_outlet(speaker)):
        by = _coordinated_codes(doc, r.source, r.full or r.source, mentions)
        if not by and r.antecedent is not None:
            by = _codes(doc, r.antecedent, mentions)
    char_span = _char_span(doc, speaker_span) if speaker_span is not None else None
    return Source(by=by, via=via, speaker=speaker, speaker_span=char_span,
                  cue=_span_text(doc, r.cue), cue_i=r.cue_i, quote=r.quote, stance=r.stance,
                  anonymous=r.anonymous)


def _coordinated_codes(doc: Doc, span: tuple[int, int], full: tuple[int, int],
                       mentions: Sequence[ActorMention]) -> tuple[str, ...]:
    """Codes of the speaker and of every conjunct ("Azerbaijan and Armenia accused each other …")."""
    root = doc[span[0]:span[1]].root
    parts = [span] + [_np_span(c) for c in root.conjuncts if full[0] <= c.i < full[1] and c.i > root.i]
    codes = [code for part in parts for code in _codes(doc, part, mentions)]
    return tuple(dict.fromkeys(codes))


def _codes(doc: Doc, span: tuple[int, int], mentions: Sequence[ActorMention]) -> tuple[str, ...]:
    """Codes of the speaker, from the longest mention in the first group that has one: a named person
    at the head ("Russia's ally Lukashenko") speaks for the person's code; an institution or a group
    speaks for the state that modifies it ("South Korea's Joint Chiefs of Staff", "US officials");
    then any mention inside the phrase; then the actor resolver."""
    start, end = _char_span(doc, span)
    root = doc[span[0]:span[1]].root
    over_root = [m for m in mentions if m.start <= root.idx < m.end and m.actor.code]
    before = [m for m in mentions if start <= m.start and m.end <= root.idx and m.actor.code]
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.actor.code]
    groups = (over_root, before, inside) if root.ent_type_ == "PERSON" else (before, over_root, inside)
    for group in groups:
        if group:
            return (max(group, key=lambda m: m.end - m.start).actor.code,)
    return _resolved(_span_text(doc, span))


def _resolver() -> Callable[[str], Any] | None:
    try:
        from .. import actors
    except ImportError:
        return None
    found: Callable[[str], Any] | None = getattr(actors, "resolve_actor", None)
    return found


@functools.lru_cache(maxsize=4096)
def _resolved(text: str) -> tuple[str, ...]:
    """Codes from the actor resolver, for speakers no mention covers (cached: resolving is costly)."""
    resolve = _resolver()
    if resolve is None or text.islower() or _only_pronoun(text):
        return ()
    try:
        actor = resolve(text)
    except Exception:  # noqa: BLE001 - the resolver belongs to another stage; never fail attribution
        return ()
    code = getattr(actor, "code", None)
    return (str(code),) if code else ()


def _only_pronoun(text: str) -> bool:
    """A speaker that is only a pronoun ("He", "They") names nobody the resolver could find."""
    return text.lower() in PRONOUNS
