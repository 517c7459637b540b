"""Build annotated spaCy Docs and actor mentions by hand, so rule tests do not depend on a model's parse."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc, Span

from thucydides.model import Actor, ActorMention, Provenance

VOCAB = spacy.blank("en").vocab

_TAGS = {"VERB": "VBD", "NOUN": "NN", "PROPN": "NNP", "ADP": "IN", "PUNCT": ".", "ADJ": "JJ", "AUX": "MD",
         "DET": "DT", "PRON": "PRP", "PART": "TO", "CCONJ": "CC", "ADV": "RB", "NUM": "CD", "SCONJ": "IN"}


def build(rows: list[tuple[str, int, str, str, str]], ents: list[tuple[int, int, str]] = (),
          tags: dict[int, str] | None = None) -> Any:
    """Rows of (word, head index, dep, POS, lemma); ``ents`` as (start, end, label) token spans."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][3] != "PUNCT" for i in range(len(rows))]
    tag_list = [(tags or {}).get(i, _TAGS.get(r[3], "XX")) for i, r in enumerate(rows)]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], lemmas=[r[4] for r in rows], tags=tag_list,
              sent_starts=[i == 0 for i in range(len(rows))])
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def mention(doc: Any, start: int, end: int, code: str, sector: str | None = None,
            kind: str = "state") -> ActorMention:
    """A mention over tokens ``start:end`` of ``doc``."""
    span = doc[start:end]
    prov = Provenance("test", span.start_char, span.end_char, "hand", "0")
    return ActorMention(Actor(code, sector, span.text, kind), span.text, prov)
