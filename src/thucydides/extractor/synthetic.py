"""Type-only training examples from the NGEC synthetic stories (``eval/ngec_synthetic``).

The shared training lines are a few months of one war: their events are mostly Russia and Ukraine, and the
type head learns the actors as much as the verbs ("Russia fired missiles" is an assault, "Iran launched
drones" much less so). The NGEC stories were generated from hand-written headlines of every PLOVER type with
countries of the whole world filled in; the lead sentence of each story usually states the headline's event.
Each lead becomes a unit whose type target is its headline's type (1) and every other type 0; no role,
status or mode is trained on it (the stories code no actors).

The labels are the intent of the headline, not a coding of the sentence, so they are noisy: a few leads
drift from their prompt. At most :data:`PER_TEMPLATE` leads come from one headline template, so no template's
wording dominates a type.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from ..model import Article
from ..plover import EVENT_TYPES
from .corpus import Example, analyse
from .labels import Target
from .units import sentence_offsets, units_of

__all__ = ["PER_TEMPLATE", "synthetic_examples"]

#: Leads drawn from one headline template at most.
PER_TEMPLATE = 4
#: Leads shorter than this (characters) are dropped: a dateline or a fragment, not a sentence.
MIN_CHARS = 40


def _leads(shared: Path) -> list[tuple[str, str, str]]:
    """``(type, template, lead sentence)`` of every usable story."""
    from ..classifier.data import lead_sentence, read_ngec_rows

    out: list[tuple[str, str, str]] = []
    for row in read_ngec_rows(shared):
        label, lead = str(row.get("label") or ""), lead_sentence(str(row.get("text") or ""))
        if label in EVENT_TYPES and len(lead) >= MIN_CHARS:
            out.append((label, str(row.get("title") or ""), lead))
    return out


def sample_leads(leads: Sequence[tuple[str, str, str]], per_type: int, seed: int) -> list[tuple[str, str]]:
    """``(type, lead)`` pairs: at most ``per_type`` of each type and :data:`PER_TEMPLATE` of each template,
    drawn at random with ``seed``, spread over the templates of the type."""
    rng = random.Random(seed)
    by_template: dict[tuple[str, str], list[str]] = defaultdict(list)
    for label, template, lead in leads:
        by_template[(label, template)].append(lead)
    chosen: dict[str, list[str]] = defaultdict(list)
    for (label, _), texts in sorted(by_template.items()):
        chosen[label].extend(rng.sample(texts, min(PER_TEMPLATE, len(texts))))
    out: list[tuple[str, str]] = []
    for label in sorted(chosen):
        texts = chosen[label]
        out.extend((label, t) for t in rng.sample(texts, min(per_type, len(texts))))
    return out


def synthetic_examples(shared: Path, per_type: int, seed: int = 13) -> list[Example]:
    """Type-only examples from the NGEC leads under ``shared`` (see the module docstring); the first sentence
    of each lead as the pipeline splits it."""
    pairs = sample_leads(_leads(shared), per_type, seed)
    articles = [Article(text=lead, id=f"ngec-lead-{i}") for i, (_, lead) in enumerate(pairs)]
    out: list[Example] = []
    for (label, _), (article, doc, mentions) in zip(pairs, analyse(articles), strict=True):
        units = units_of(article.id, article.text, sentence_offsets(doc), mentions, doc, False)
        if units:
            types = [0] * len(EVENT_TYPES)
            types[EVENT_TYPES.index(label)] = 1
            out.append(Example(units[0], Target(types=types)))
    return out
