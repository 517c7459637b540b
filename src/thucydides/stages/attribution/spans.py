"""Speakers, outlets and spans on the dependency parse (helpers of :mod:`thucydides.stages.attribution`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lexicon import ANON_HEADS, ANON_PHRASES, SPEECH_VERBS, STATEMENT_NOUNS, _is_channel, is_outlet

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token


def _lemma(tok: Token) -> str:
    return str(tok.lemma_).lower()


def _span_text(doc: Doc, span: tuple[int, int]) -> str:
    return str(doc[span[0]:span[1]].text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and conjunctions at both edges of a token span."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ in ("cc", "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _subtree_span(tok: Token) -> tuple[int, int]:
    return int(tok.left_edge.i), int(tok.right_edge.i) + 1


def _np_span(tok: Token) -> tuple[int, int]:
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


def _subject(tok: Token) -> Token | None:
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
        return _participle_owner(tok)
    return _left_neighbour(tok)


def _participle_owner(tok: Token) -> Token:
    """"took a swipe at X, saying …": a participle after a comma on an object speaks for the subject of
    the verb; otherwise for the noun it modifies ("a statement saying …")."""
    head = tok.head
    comma = tok.i > 0 and tok.doc[tok.i - 1].text == ","
    if comma and tok.tag_ == "VBG" and head.dep_ in ("dobj", "pobj", "attr"):
        verb = head.head.head if head.dep_ == "pobj" else head.head
        if verb.pos_ in ("VERB", "AUX"):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return head


def _left_neighbour(tok: Token) -> Token | None:
    """A name right before a cue the parser left without a subject ("…, former president X said")."""
    if tok.i == 0 or tok.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ != "PROPN" or prev.dep_ not in ("appos", "compound", "npadvmod") or \
            _lemma(tok) not in SPEECH_VERBS:
        return None
    return prev


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _outlet_of(tok: Token) -> str | None:
    """``tok`` heads an outlet or channel name: its text, else None."""
    head_final = _span_text(tok.doc, _trim(tok.doc, int(tok.left_edge.i), int(tok.i) + 1))
    if is_outlet(head_final) or _is_channel(head_final):
        return head_final.removeprefix("the ")
    for span in (_np_span(tok), _trim(tok.doc, int(tok.left_edge.i), int(tok.right_edge.i) + 1)):
        text = _span_text(tok.doc, span)
        if is_outlet(text):
            return text.removeprefix("the ")
    return None


def _named_in_statement(pobj: Any) -> str | None:
    """"in an interview with Le Figaro", "in a Telegram post": a non-person name the statement
    noun introduces is the outlet or channel."""
    names = [pobj] if pobj.pos_ == "PROPN" else [c for c in pobj.children if c.dep_ == "compound"
                                                   and c.pos_ == "PROPN"]
    for name in names:
        if name.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC", "DATE"):
            text = _span_text(pobj.doc, _trim(pobj.doc, int(name.left_edge.i), int(name.i) + 1))
            return text.removeprefix("the ")
    return None


def _via_from(tok: Token, in_statement: bool = False) -> str | None:
    """Outlet or channel among the modifiers of a cue or a speaker ("to CNN", "on Telegram")."""
    for child in tok.children:
        dep, low = child.dep_, child.lower_
        if dep in ("dative", "dobj") and _lemma(tok) in ("tell", "say"):
            found = _outlet_of(child)
        elif dep == "prep" and low in ("to", "with", "on", "in", "via", "through", "during"):
            found = _via_prep(child, in_statement)
        else:
            continue
        if found:
            return found
    return None


def _via_prep(prep: Any, in_statement: bool = False) -> str | None:
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        found = _outlet_of(pobj) or (_named_in_statement(pobj) if in_statement else None)
        if found:
            return found
        if _lemma(pobj) in STATEMENT_NOUNS:
            return _named_in_statement(pobj) or _via_from(pobj, in_statement=True)
    return None


def _via_scan(doc: Doc, cue: Any, content: tuple[int, int]) -> str | None:
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


def _source_via(doc: Doc, head: Token) -> str | None:
    """The outlet when the source is one ("Reuters reported") or is a report published by one."""
    text = _span_text(doc, _np_span(head))
    if is_outlet(text) or _is_channel(text):
        return text.removeprefix("the ")
    for child in head.children:
        if child.dep_ in ("acl", "prep"):
            agent = _agent(child) if child.dep_ == "acl" else None
            if agent is None and child.dep_ == "prep" and child.lower_ in ("by", "in", "from"):
                agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and _outlet_of(agent):
                return _outlet_of(agent)
    return None


def _anonymous(doc: Doc, span: tuple[int, int], sent: Span) -> bool:
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
