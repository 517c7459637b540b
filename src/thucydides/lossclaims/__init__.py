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

from collections.abc import Sequence
from typing import Any

from .._version import __version__
from ..model import ActorMention, Article, LossClaim, Provenance
from ..pipeline import Annotated
from .context import attribution, categories_of, item_text, period_of, unit_span
from .lexicon import EXPERIENCER, LOSS_NOUNS, NUMBERISH_RE, PEOPLE_VERBS, TRIGGER_RE, parse_number
from .quantities import Quantity, find_trigger, quantities, unit_ok
from .sides import Actors, side_of, subject_of

__all__ = ["EXTRACTOR", "annotate", "extract_loss_claims", "parse_number"]

EXTRACTOR = "losses.rules.v1"


def _candidate(sent: Any) -> bool:
    text = sent.text
    return bool(NUMBERISH_RE.search(text)) and bool(TRIGGER_RE.search(text))


def _accept(q: Quantity, actors: Actors) -> Any | None:
    """The trigger when the quantity is a loss, else None."""
    if q.noun is not None and not unit_ok(q.noun, bool(actors.of_token(q.noun))):
        return None
    trigger = find_trigger(q)
    if trigger is None:
        return None
    if q.noun is None:
        lemma = trigger.lemma_.lower()
        people = lemma in PEOPLE_VERBS or lemma == "die" or lemma in LOSS_NOUNS or trigger.lower_ in LOSS_NOUNS
        return trigger if people else None
    return trigger


def _unit_text(q: Quantity, trigger: Any, span: tuple[int, int] | None) -> str:
    doc = trigger.doc
    if span is not None:
        return str(doc.text[span[0]:span[1]])
    if trigger.pos_ == "NOUN":
        return item_text(trigger)
    return str(trigger.text)


def _evidence_span(q: Quantity, trigger: Any, unit: tuple[int, int] | None) -> tuple[int, int]:
    sent = trigger.sent
    start = min(q.start, trigger.idx)
    last = max([trigger, *(c for c in trigger.children if c.dep_ == "prt")], key=lambda t: t.i)
    end = max(q.head.idx + len(q.head), last.idx + len(last), unit[1] if unit else 0)
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in EXPERIENCER:
        subject = subject_of(trigger)
        if subject is not None and subject.sent == sent and trigger.i - 8 <= subject.i < trigger.i:
            start = min(start, subject.left_edge.idx)
    return max(start, sent.start_char), min(end, sent.end_char)


def _claim(article: Article, q: Quantity, trigger: Any, actors: Actors) -> LossClaim:
    unit = unit_span(q, actors)
    claimed = attribution(q, trigger, actors)
    period, period_end = period_of(trigger.sent, article.published)
    start, end = _evidence_span(q, trigger, unit)
    text = trigger.doc.text
    return LossClaim(
        side=side_of(q, trigger, claimed.by, actors), value=q.value, qualifier=q.qualifier,
        unit=_unit_text(q, trigger, unit), evidence=text[start:end],
        provenance=Provenance(article.id, start, end, EXTRACTOR, __version__),
        categories=categories_of(q, trigger), period=period, period_end=period_end,
        status=claimed.status, by=claimed.by)


def extract_loss_claims(article: Article, doc: Any, mentions: Sequence[ActorMention]) -> list[LossClaim]:
    """Every numeric loss claim in a parsed article, in text order.

    Args:
        article: the article (its id and publication date are used).
        doc: the spaCy ``Doc`` of ``article.text``.
        mentions: actor mentions from the actor stage (sides and claimants are read from them).
    """
    actors = Actors(doc, mentions)
    claims: list[LossClaim] = []
    for sent in doc.sents:
        if not _candidate(sent):
            continue
        for q in quantities(sent):
            trigger = _accept(q, actors)
            if trigger is not None:
                claims.append(_claim(article, q, trigger, actors))
    return claims


def annotate(state: Annotated) -> None:
    """Pipeline stage ``losses.rules.v1``: fill ``state.loss_claims``."""
    state.loss_claims = extract_loss_claims(state.article, state.doc, state.mentions)
