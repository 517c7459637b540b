"""The pipeline stage ``events.learned.v1``: the learned extractor's events, as event mentions.

For each sentence the model decides which events it states (type and mode), their actors and recipients
among the sentence's candidates, and the status and claimant of the claim. The outlet or channel (``via``),
the speaker's words and the quote kind come from the attribution analysis of the word the event attends to;
the date from a date expression in the sentence, else the publication date unless the claim is hypothetical
(CODING.md §7: a news line about a new event happened on its published date).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..extractor.decode import Decoded, Thresholds, decode
from ..extractor.runtime import LearnedExtractor, get_extractor
from ..extractor.units import sentence_offsets, units_of
from ..model import ActorMention
from ..nlp.lookup import lookup
from ..pipeline.state import EventMention, State
from .merge import PUBLISHED

__all__ = ["EXTRACTOR", "KEEP_RULES", "annotate", "annotate_hybrid", "combine", "learned_events", "run_stage", "to_mention"]

EXTRACTOR = "events.learned.v1"


def _token_at(doc: Any, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return int(span.start)
    return max(0, lookup(doc).first_token_from(char))


def _date(doc: Any, sent: tuple[int, int], dates: Sequence[Any], published: str | None,
          status: str) -> tuple[str | None, str | None]:
    inside = [d for d in dates if sent[0] <= d.start < sent[1]]
    if inside:
        return inside[0].value, inside[0].precision
    if status == "hypothetical" or published is None:
        return None, None
    return published, PUBLISHED


def _location(doc: Any, sent: tuple[int, int], mentions: Sequence[ActorMention]) -> str | None:
    """The first place entity of the sentence that is not an actor's name (the event's stated place)."""
    for ent in lookup(doc).ents_starting_in(sent[0], sent[1]):
        if ent.label_ in ("GPE", "LOC", "FAC"):
            prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if prev in ("in", "at", "near", "on", "outside") and not _is_actor(ent, mentions):
                return str(ent.text).removeprefix("the ")
    return None


def _is_actor(ent: Any, mentions: Sequence[ActorMention]) -> bool:
    return any(m.start == ent.start_char and m.end == ent.end_char for m in mentions)


def to_mention(doc: Any, d: Decoded, sent: tuple[int, int], mentions: Sequence[ActorMention],
             dates: Sequence[Any], published: str | None) -> EventMention:
    from .attribution import attribute

    trigger = _token_at(doc, d.focus[0])
    source = attribute(doc, trigger, mentions)
    date, precision = _date(doc, sent, dates, published, d.status)
    text = lookup(doc).text
    start = sent[0] + (len(text[sent[0]:sent[1]]) - len(text[sent[0]:sent[1]].lstrip()))
    end = sent[0] + len(text[sent[0]:sent[1]].rstrip())
    return EventMention(
        d.type, d.mode, trigger, d.actor, d.recipient, start, end, sent, EXTRACTOR, status=d.status, by=d.by,
        via=source.via if source else None, speaker=source.speaker if source else None,
        quote=source.quote if source else None, confidence=round(d.p, 4), location=_location(doc, sent, mentions),
        date=date, date_precision=precision, extras={"nominal": False, "reciprocal": len(d.actor) > 1})


def learned_events(doc: Any, doc_id: str, mentions: Sequence[ActorMention], dates: Sequence[Any],
                   published: str | None, extractor: LearnedExtractor | None = None,
                   model_dir: Path | None = None) -> list[EventMention]:
    """Every event the model finds in ``doc``, in document order."""
    model = extractor or get_extractor(model_dir)
    thresholds = Thresholds.from_dict(model.meta.get("thresholds"))
    units = units_of(doc_id, doc.text, sentence_offsets(doc), mentions, doc, model.context)
    found: list[EventMention] = []
    for out in model.predict(units):
        sent = (out.unit.start, out.unit.end)
        found.extend(to_mention(doc, d, sent, mentions, dates, published) for d in decode(out, thresholds))
    return found


def _same_claim(rule: EventMention, model: EventMention) -> bool:
    """A rule event the model also found: same sentence and type, and a shared actor or recipient."""
    return (rule.sentence[0] == model.sentence[0] and rule.type == model.type
            and bool(set(rule.actor) & set(model.actor) or set(rule.recipient) & set(model.recipient)))


def combine(rule_events: Sequence[EventMention], model_events: Sequence[EventMention],
            keep_rules: str = "uncovered") -> list[EventMention]:
    """The events the stage keeps: the model's, plus rule events by ``keep_rules``: ``"none"``,
    ``"uncovered"`` (those in sentences where the model found no event) or ``"all"`` (all but those the model
    also found, so one sentence does not make two claims of one proposition)."""
    covered = {e.sentence[0] for e in model_events}
    if keep_rules == "none":
        kept: list[EventMention] = []
    elif keep_rules == "all":
        kept = [e for e in rule_events if not any(_same_claim(e, m) for m in model_events)]
    else:
        kept = [e for e in rule_events if e.sentence[0] not in covered]
    return sorted([*model_events, *kept], key=lambda e: (e.start, e.trigger))


#: Which rule events the hybrid stage keeps beside the model's (see :func:`combine`).
KEEP_RULES = "uncovered"


def annotate(state: State) -> None:
    """Pipeline stage ``events.learned.v1``: the model's events alone (no rule stage runs before it)."""
    run_stage(state, "none")


def annotate_hybrid(state: State) -> None:
    """Pipeline stage ``events.learned.v1`` after the rule stages, keeping the rule events of
    :data:`KEEP_RULES`."""
    run_stage(state, KEEP_RULES)


def run_stage(state: State, keep_rules: str = "uncovered") -> None:
    """Pipeline stage ``events.learned.v1``: the model's events, combined with any rule events already in
    ``state.events`` (see :func:`combine`)."""
    article = state.article
    published = article.published.isoformat() if article.published else None
    found = learned_events(state.doc, article.id, state.mentions, state.dates, published)
    state.events = combine(state.events, found, keep_rules)
