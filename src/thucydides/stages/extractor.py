"""The pipeline stage ``events.learned.v1``: the learned extractor's events, as event mentions.

For each sentence the model decides which events it states (type and mode), their actors and recipients
among the sentence's candidates, and the status and claimant of the claim. The outlet or channel (``via``),
the speaker's words and the quote kind come from the attribution analysis of the word the event attends to;
the date from a date expression in the sentence, else the publication date unless the claim is hypothetical
(CODING.md §7: a news line about a new event happened on its published date).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..extractor.decode import Decoded, Thresholds, decode
from ..extractor.runtime import LearnedExtractor, get_extractor
from ..extractor.units import Unit, sentence_offsets, units_of
from ..model import ActorMention
from ..nlp.lookup import lookup
from ..pipeline.state import EventMention, State
from ..places.types import PlaceMention
from ..plover import EVENT_TYPES
from .merge import PUBLISHED

__all__ = ["DOCUMENT_SENTENCES", "DOCUMENT_SUPPORT", "EXTRACTOR", "KEEP_RULES", "Support", "annotate", "annotate_hybrid",
           "combine", "learned_events", "learned_outputs", "read_by_model", "run_stage", "to_mention"]

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


#: Prepositions that place an event ("in Toretsk", "at the port of Odesa", "off the coast of Crimea").
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "off", "over", "across", "around"})
#: Place prepositions that do not place an event in a state: "sanctions on Russia", "talks over Ukraine".
NOT_FOR_STATES = frozenset({"on", "over"})
#: Dependencies through which a name belongs to the phrase a preposition governs ("in north-western Antioquia
#: Department", "in the Ekondo-Titi commune", "in Melitopol, Zaporizhzhia Oblast").
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj"})
#: Verbs whose object or "to" phrase is where the actor goes (PLOVER CONSULT, mode visit).
_VISITS = frozenset({"visit", "tour", "travel", "arrive", "fly", "return"})


def _location(doc: Any, sent: tuple[int, int], places: Sequence[PlaceMention] = ()) -> str | None:
    """The place name of the sentence that a place preposition governs: the event's stated place (CODING.md
    §7), also when the place stands for its state ("shelling in Kharkiv": recipient UKR, location Kharkiv).
    Names are the parse's place entities and the article's place mentions (``places``, which also has the
    gazetteer's names the small model mislabels: "in the town of Kidal"). A town or region is preferred to a
    state named after it ("in Yavoriv, western Ukraine"); "on" and "over" do not place an event in a state
    ("sanctions on Russia", "talks over Ukraine")."""
    states = {p.start for p in places if p.place is not None and p.place.kind == "country"}
    found = [n for n in _place_names(doc, sent, places) if _placed(n.root, n.start_char in states)]
    best = next((n for n in found if n.start_char not in states), found[0] if found else None)
    return str(best.text).removeprefix("the ") if best is not None else None


def _place_names(doc: Any, sent: tuple[int, int], places: Sequence[PlaceMention]) -> list[Any]:
    """The place names of a sentence as token spans, in text order."""
    names = [e for e in lookup(doc).ents_starting_in(sent[0], sent[1]) if e.label_ in ("GPE", "LOC", "FAC")]
    for p in places:
        if sent[0] <= p.start < sent[1] and not any(n.start_char <= p.start < n.end_char for n in names):
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None and len(span):
                names.append(span)
    return sorted(names, key=lambda n: n.start_char)


def _placed(tok: Any, state: bool = False) -> bool:
    """Whether a name is governed by a place preposition, directly or through the noun it names ("in the city
    of Mariupol"), or is where a visit goes ("visits Moscow", "travels to Kyiv"); a ``state``'s name is not
    placed by :data:`NOT_FOR_STATES`."""
    for _ in range(6):
        if tok.dep_ == "pobj":
            prep = tok.head
            if (prep.lower_ in PLACE_PREPS and not (state and prep.lower_ in NOT_FOR_STATES)) or (prep.lower_ == "to" and prep.head.lemma_ in _VISITS):
                return True
            if prep.lower_ != "of" or prep.head.i == prep.i:
                return False
            tok = prep.head  # "the city of X": go on from "city"
        elif tok.dep_ == "dobj":
            return bool(tok.head.lemma_ in _VISITS)
        elif tok.dep_ in _NAME_DEPS and tok.head.i != tok.i:
            tok = tok.head
        else:
            return False
    return False



def to_mention(doc: Any, d: Decoded, sent: tuple[int, int], mentions: Sequence[ActorMention],
               dates: Sequence[Any], published: str | None, places: Sequence[PlaceMention] = ()) -> EventMention:
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
        quote=source.quote if source else None, confidence=round(d.p, 4), location=_location(doc, sent, places),
        date=date, date_precision=precision, extras={"nominal": False, "reciprocal": len(d.actor) > 1})


def learned_events(doc: Any, doc_id: str, mentions: Sequence[ActorMention], dates: Sequence[Any],
                   published: str | None, extractor: LearnedExtractor | None = None,
                   model_dir: Path | None = None, places: Sequence[PlaceMention] = ()) -> list[EventMention]:
    """Every event the model finds in ``doc``, in document order; ``places`` (the article's place mentions)
    give their locations."""
    return learned_outputs(doc, doc_id, mentions, dates, published, extractor, model_dir, places)[0]


#: Type probabilities the model gives each sentence, by the sentence's first character.
Support = Mapping[int, Sequence[float]]


def learned_outputs(doc: Any, doc_id: str, mentions: Sequence[ActorMention], dates: Sequence[Any],
                    published: str | None, extractor: LearnedExtractor | None = None,
                    model_dir: Path | None = None, places: Sequence[PlaceMention] = (),
                    wanted: Collection[int] = ()) -> tuple[list[EventMention], dict[int, tuple[float, ...]]]:
    """:func:`learned_events` and the model's :data:`Support`: every type's probability in every sentence the
    model read. It reads the sentences that name a candidate, and those starting at ``wanted`` (where a rule
    event needs its support); any other sentence can yield no event (see :func:`read_by_model`)."""
    model = extractor or get_extractor(model_dir)
    thresholds = Thresholds.from_dict(model.meta.get("thresholds"))
    units = read_by_model(units_of(doc_id, doc.text, sentence_offsets(doc), mentions, doc, model.context, places),
                          wanted)
    found: list[EventMention] = []
    support: dict[int, tuple[float, ...]] = {}
    for out in model.predict(units):
        sent = (out.unit.start, out.unit.end)
        support[out.unit.start] = out.types
        found.extend(to_mention(doc, d, sent, mentions, dates, published, places)
                     for d in decode(out, thresholds))
    return found, support


def read_by_model(units: Sequence[Unit], wanted: Collection[int] = ()) -> list[Unit]:
    """The units worth an encoder pass: those with a candidate, and those whose sentence starts at ``wanted``.
    A unit without candidates cannot give an event (:func:`~thucydides.extractor.decode.decode` keeps only
    events that name a party), so skipping it changes no output: between 11 % (Wikipedia lines) and 33 %
    (official releases) of the dev sentences name no actor."""
    return [u for u in units if u.candidates or u.start in wanted]


def _same_claim(rule: EventMention, model: EventMention) -> bool:
    """A rule event the model also found: same sentence and type, and a shared actor or recipient."""
    return (rule.sentence[0] == model.sentence[0] and rule.type == model.type
            and bool(set(rule.actor) & set(model.actor) or set(rule.recipient) & set(model.recipient)))


def _supported(event: EventMention, support: Support | None, floor: float) -> bool:
    """Whether the model gives ``event``'s type at least ``floor`` in its sentence (always, without ``support``
    or for a sentence the model did not read)."""
    if support is None or event.sentence[0] not in support:
        return True
    return support[event.sentence[0]][EVENT_TYPES.index(event.type)] >= floor


#: Types whose two sides can both be actors with no recipient (CODING.md §2: they meet, talk, sign, exchange).
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def _split_by_rule(model: EventMention, rules: Sequence[EventMention]) -> EventMention:
    """``model`` with the actor and recipient of the rule event it matches, when the model made every party of
    a directed act an actor ("Russia asked China for military aid, US officials said": REQUEST RUS, CHN -> none)
    and the rule event splits the same codes into actor and recipient (RUS -> CHN)."""
    if len(model.actor) < 2 or model.recipient or model.type in RECIPROCAL_TYPES:
        return model
    for rule in rules:
        if _same_claim(rule, model) and rule.recipient and set(rule.actor) | set(rule.recipient) == set(model.actor):
            extras = {**model.extras, "reciprocal": False}
            return dataclasses.replace(model, actor=rule.actor, recipient=rule.recipient, extras=extras)
    return model


def combine(rule_events: Sequence[EventMention], model_events: Sequence[EventMention],
            keep_rules: str = "uncovered", support: Support | None = None, floor: float = 0.0) -> list[EventMention]:
    """The events the stage keeps: the model's, plus rule events by ``keep_rules``: ``"none"``,
    ``"uncovered"`` (those in sentences where the model found no event) or ``"all"`` (all but those the model
    also found, so one sentence does not make two claims of one proposition). With ``support``, a rule event is
    kept only when the model gives its type at least ``floor`` in its sentence. A model event that makes two
    parties of a directed act its actors takes the split of the rule event it matches (:func:`_split_by_rule`)."""
    if keep_rules != "none":
        model_events = [_split_by_rule(m, rule_events) for m in model_events]
    covered = {e.sentence[0] for e in model_events}
    if keep_rules == "none":
        kept: list[EventMention] = []
    elif keep_rules == "all":
        kept = [e for e in rule_events if not any(_same_claim(e, m) for m in model_events)]
    else:
        kept = [e for e in rule_events if e.sentence[0] not in covered]
    kept = [e for e in kept if _supported(e, support, floor)]
    return sorted([*model_events, *kept], key=lambda e: (e.start, e.trigger))


#: Which rule events the hybrid stage keeps beside the model's (see :func:`combine`).
KEEP_RULES = "uncovered"
#: An article of at least this many sentences is a whole document. There the rules' precision is low (0.30 on
#: the training documents), so a rule event is kept only where the model gives its type at least
#: :data:`DOCUMENT_SUPPORT` in its sentence ("Iran launched 300 drones at Israel": ASSAULT 0.49, under the
#: threshold, kept; a rule's CONSULT where the model gives CONSULT 0.01, dropped). See docs/extractor.md.
DOCUMENT_SENTENCES = 5
DOCUMENT_SUPPORT = 0.05


def annotate(state: State) -> None:
    """Pipeline stage ``events.learned.v1``: the model's events alone (no rule stage runs before it)."""
    run_stage(state, "none")


def annotate_hybrid(state: State) -> None:
    """Pipeline stage ``events.learned.v1`` after the rule stages, keeping the rule events of
    :data:`KEEP_RULES` (in a whole document, only those the model supports: :data:`DOCUMENT_SENTENCES`)."""
    whole = sum(1 for _ in state.doc.sents) >= DOCUMENT_SENTENCES
    run_stage(state, KEEP_RULES, DOCUMENT_SUPPORT if whole else None)


def run_stage(state: State, keep_rules: str = "uncovered", floor: float | None = None) -> None:
    """Pipeline stage ``events.learned.v1``: the model's events, combined with any rule events already in
    ``state.events`` (see :func:`combine`; with ``floor``, only the rule events the model supports)."""
    article = state.article
    published = article.published.isoformat() if article.published else None
    wanted = {e.sentence[0] for e in state.events} if floor is not None else set()
    found, support = learned_outputs(state.doc, article.id, state.mentions, state.dates, published,
                                     places=state.places, wanted=wanted)
    state.events = combine(state.events, found, keep_rules, support if floor is not None else None, floor or 0.0)
