"""Stage 9: numeric claims about losses of equipment or people ("Russia has lost more than 500 tanks").

Rules over the dependency parse. A sentence is looked at only when a cheap lexical pre-filter (on spaCy's token
arrays) finds both a number and a loss word in it. A number becomes a :class:`~thucydides.model.LossClaim` when the
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

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..._version import __version__
from ...model import ActorMention, Article, LossClaim, Provenance
from ...pipeline.state import EventMention, State
from .context import attribution, categories_of, item_text, period_of, unit_span
from .events import SentenceEvents
from .lexicon import EXPERIENCER, LOSS_NOUNS, PEOPLE_VERBS, TRIGGER_WORDS, VAGUE_WORDS, parse_number
from .quantities import SINGULAR, Quantity, counts_people, find_trigger, quantities, unit_ok
from .sides import Actors, sentence_side, side_of, subject_of
from .tally import tally_items, tally_period

if TYPE_CHECKING:
    from ...nlp.types import Doc, Span, Token

__all__ = ["EXTRACTOR", "annotate", "extract_loss_claims", "parse_number"]

EXTRACTOR = "losses.rules.v1"


@functools.lru_cache(maxsize=4)
def _hashes(strings: Any) -> tuple[Any, Any]:
    """Hashes of the loss words (lemmas and forms) and of the vague and singular number words ("dozens", "a"),
    for the pre-filter."""
    import numpy as np

    return (np.array([strings[w] for w in TRIGGER_WORDS], dtype=np.uint64),
            np.array([strings[w] for w in (*VAGUE_WORDS, *SINGULAR)], dtype=np.uint64))


def _candidate_sentences(doc: Doc) -> list[Span]:
    """Sentences with both a loss word and a number: the cheap pre-filter, on token arrays."""
    import numpy as np
    from spacy.attrs import LEMMA, LIKE_NUM, LOWER

    if not len(doc):
        return []
    triggers, vague = _hashes(doc.vocab.strings)
    arr = doc.to_array([LEMMA, LOWER, LIKE_NUM])
    loss = np.isin(arr[:, 0], triggers) | np.isin(arr[:, 1], triggers)
    if not loss.any():
        return []
    number = (arr[:, 2] == 1) | np.isin(arr[:, 1], vague)
    return [s for s in doc.sents if loss[s.start:s.end].any() and number[s.start:s.end].any()]


def _doc_text(article: Article, doc: Doc) -> str:
    """The text of ``doc``: the article's own when ``doc`` was parsed from it (``Doc.text`` is rebuilt per access)."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(article.text):
        return article.text
    return str(doc.text)


def _accept(q: Quantity, actors: Actors) -> Token | None:
    """The trigger when the quantity is a loss, else None."""
    if q.noun is not None and not unit_ok(q.noun, bool(actors.of_token(q.noun))):
        return None
    trigger = find_trigger(q)
    if trigger is None:
        return None
    if q.noun is None:
        if q.head.dep_ in ("appos", "npadvmod", "nummod"):
            return None
        lemma = trigger.lemma_.lower()
        people = lemma in PEOPLE_VERBS or lemma == "die" or lemma in LOSS_NOUNS or trigger.lower_ in LOSS_NOUNS
        return trigger if people else None
    return trigger


def _unit_text(text: str, trigger: Token, span: tuple[int, int] | None) -> str:
    if span is not None:
        return text[span[0]:span[1]]
    if trigger.pos_ == "NOUN":
        return item_text(trigger)
    return _PARTICIPLES.get(trigger.lemma_.lower(), str(trigger.text))


_PARTICIPLES = {"kill": "killed", "wound": "wounded", "injure": "injured", "die": "dead"}


def _evidence_span(q: Quantity, trigger: Token, unit: tuple[int, int] | None) -> tuple[int, int]:
    """From the suffering subject or the qualifier to the end of the unit and the trigger, within the sentence."""
    sent = trigger.sent
    start = min(q.start, trigger.idx)
    particles = (c for c in trigger.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "out"))
    last = max([trigger, *particles], key=lambda t: t.i)
    end = max(q.head.idx + len(q.head), last.idx + len(last), unit[1] if unit else 0)
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    if verb.pos_ == "VERB" and verb.lemma_.lower() in EXPERIENCER:
        subject = subject_of(verb)
        if subject is not None and subject.sent == sent and verb.i - 8 <= subject.i < verb.i:
            start = min(start, subject.left_edge.idx)
    return max(start, sent.start_char), min(end, sent.end_char)


def _claim(article: Article, text: str, q: Quantity, trigger: Token, actors: Actors,
           events: SentenceEvents) -> LossClaim:
    unit = unit_span(q, actors)
    claimed = attribution(q, trigger, actors)
    period, period_end = period_of(trigger.sent, article.published, trigger.i)
    start, end = _evidence_span(q, trigger, unit)
    attacked = events.attacked(trigger.sent) if counts_people(q, trigger) else ""
    return LossClaim(
        side=side_of(q, trigger, claimed.by, actors, attacked), value=q.value, qualifier=q.qualifier,
        unit=_unit_text(text, trigger, unit), evidence=text[start:end],
        provenance=Provenance(article.id, start, end, EXTRACTOR, __version__),
        categories=categories_of(q, trigger), period=period, period_end=period_end,
        status=claimed.status, by=claimed.by, via=claimed.via)


def extract_loss_claims(article: Article, doc: Doc, mentions: Sequence[ActorMention],
                        events: Sequence[EventMention] | None = None) -> list[LossClaim]:
    """Every numeric loss claim in a parsed article, in text order.

    Args:
        article: the article (its id and publication date are used).
        doc: the spaCy ``Doc`` of ``article.text``.
        mentions: actor mentions from the actor stage (sides and claimants are read from them).
        events: the article's settled event mentions, when known (the pipeline passes them). A count of
            people is then kept only in a sentence that states one of them, or just after one (CODING.md §1: deaths
            in an accident, a disaster or a crime with no political actor are no event, so no loss claim; see
            :func:`_kept`), and people killed in an attack whose side the words do not give are the attack's
            recipient's (§7).
    """
    sentences = _candidate_sentences(doc)
    if not sentences:
        return []
    text = _doc_text(article, doc)
    actors = Actors(doc, mentions)
    stated = SentenceEvents(events, text)
    claims: list[LossClaim] = []
    for sent in sentences:
        found = _tally_claims(article, text, sent, actors)
        listed = [(c.provenance.start, c.provenance.end) for c in found]
        for q in quantities(sent):
            if any(start <= q.head.idx < end for start, end in listed):
                continue
            trigger = _accept(q, actors)
            claim = _claim(article, text, q, trigger, actors, stated) if trigger is not None else None
            if claim is not None and trigger is not None and _kept(claim, q, trigger, sent, stated):
                found.append(claim)
        claims.extend(sorted(found, key=lambda c: c.provenance.start))
    return claims


def _kept(claim: LossClaim, q: Quantity, trigger: Token, sent: Span, events: SentenceEvents) -> bool:
    """A loss in a sentence that states no event (nor does the one before it) is kept only when it is
    equipment of a side the words name ("Russia lost over 1,262 vehicles"): a count of people with no event is
    an accident's, a disaster's or a crime's (CODING.md §1), and so is a sunk boat of no named side."""
    return events.political(sent) or (bool(claim.side) and not counts_people(q, trigger))


def _loss_word(sent: Span) -> Token | None:
    return next((t for t in sent if t.lemma_.lower() in TRIGGER_WORDS or t.lower_ in TRIGGER_WORDS), None)


def _tally_claims(article: Article, text: str, sent: Span, actors: Actors) -> list[LossClaim]:
    """Claims from a "category – number" list in the sentence, sharing its side, claimant and period."""
    body = text[sent.start_char:sent.end_char]
    overall = "about" if re.search(r"(?i)\b(?:approximately|about|around|some)\s*:", body) else "exact"
    items = tally_items(body, sent.start_char, overall)
    trigger = _loss_word(sent) if items else None
    if trigger is None:
        return []
    anchor = Quantity(trigger, 0, overall, trigger.idx, None)
    claimed = attribution(anchor, trigger, actors)
    period, period_end = tally_period(body, article.published) or period_of(sent, article.published)
    side = sentence_side(sent, actors) or side_of(anchor, trigger, claimed.by, actors)
    return [LossClaim(side=side, value=i.value, qualifier=i.qualifier, unit=i.unit, evidence=text[i.start:i.end],
                      provenance=Provenance(article.id, i.start, i.end, EXTRACTOR, __version__), period=period,
                      period_end=period_end, status=claimed.status, by=claimed.by, via=claimed.via)
            for i in items]


def annotate(state: State) -> None:
    """Pipeline stage ``losses.rules.v1``: fill ``state.loss_claims`` (reading the settled events)."""
    state.loss_claims = extract_loss_claims(state.article, state.doc, state.mentions, state.events)
