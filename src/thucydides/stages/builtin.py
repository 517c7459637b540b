"""The built-in stages, registered through the ``register_stages`` hook a plugin uses, in run order."""

from __future__ import annotations

from ..pipeline.state import Stage
from ..places import link as places_link
from ..places import stage as places
from ..plugins import hookimpl
from . import counterpart, dates, extractor, learned, losses, merge, parties
from .actors import annotate as annotate_actors
from .attribution import events as attribution
from .events import detect, nonpolitical
from .status import settle

__all__ = ["CLASSIFIER", "COUNTERPART", "DOCUMENT_PARTIES", "HAZARDS", "HYBRID", "LEARNED", "builtin_stages",
           "hybrid_stages", "learned_stages", "register_extractors",
           "register_stages", "rule_event_stages", "rule_stages"]

#: The learned extractor alone: its events, with their status, claimant and outlet.
LEARNED = Stage("events.learned.v1", extractor.annotate, ("doc", "mentions", "dates", "places"),
                ("events", "events.source", "events.status"))
#: The learned extractor beside the rules (the default): its events plus the rule events of the sentences where
#: it found none (:func:`thucydides.stages.extractor.combine`; merging makes one proposition of what both find).
HYBRID = Stage("events.learned.v1", extractor.annotate_hybrid,
               ("doc", "mentions", "dates", "places", "events.status"),
               ("events", "events.source", "events.status"))
#: Every extractor's last event stage: no event where a natural hazard is what acts (CODING.md §1).
HAZARDS = Stage(nonpolitical.NAME, nonpolitical.annotate, ("doc", "mentions", "events.status"), ("events",))
#: And after it: in a report on two states, a directed act of one that names no recipient is done to the other.
COUNTERPART = Stage(counterpart.NAME, counterpart.annotate, ("doc", "mentions", "events.status"), ("events",))
#: Then, in a whole document, an event names its actor (and a one-actor act done to someone, its recipient).
DOCUMENT_PARTIES = Stage(counterpart.PARTIES, counterpart.annotate_parties, ("doc", "events.status"), ("events",))


def builtin_stages() -> list[Stage]:
    """The built-in stages of the default pipeline in run order (parsing happens before them, in batches):
    :func:`hybrid_stages`, the learned extractor keeping the rule events of the sentences where it finds none.
    The ablation in ``docs/extractor.md`` chose it: the model alone is a little ahead on news lines, the rules
    add much on the PLOVER GSR sentences; in a whole document (:data:`~.extractor.DOCUMENT_SENTENCES`) the
    rules are imprecise, so there a rule event needs the model's support."""
    return hybrid_stages()


def learned_stages() -> list[Stage]:
    """Actors, dates and places, the learned extractor alone, merging, place links and loss claims."""
    return [*_analysis(), LEARNED, HAZARDS, COUNTERPART, DOCUMENT_PARTIES, *_after_events()]


def rule_event_stages() -> list[Stage]:
    """The rules' event stages: triggers, attribution, status and the sentence classifier."""
    return [*_rule_events(), CLASSIFIER]


#: The sentence classifier where the rules kept no event (the rules-only baseline runs it).
CLASSIFIER = Stage("events.model.v1", learned.annotate, ("doc", "mentions", "dates", "events.status"),
                   ("events", "events.source", "events.status"))


def _rule_events() -> list[Stage]:
    """Triggers, attribution and status: the rule events, settled (without the disaster filter, which every
    extractor ends with: :data:`HAZARDS`)."""
    return [
        Stage("events.rules.v1", detect.annotate, ("doc", "mentions", "dates"), ("events",)),
        Stage("attribution.rules.v1", attribution.annotate, ("doc", "mentions", "events"), ("events.source",)),
        Stage("status.rules.v1", settle.annotate, ("doc", "mentions", "dates", "events", "events.source"),
              ("events.status",)),
    ]


def rule_stages() -> list[Stage]:
    """The stages without the learned extractor: rules and the sentence classifier only (the baseline)."""
    return [*_analysis(), *rule_event_stages(), HAZARDS, COUNTERPART, DOCUMENT_PARTIES, *_after_events()]


def hybrid_stages() -> list[Stage]:
    """The rule stages with the learned extractor after them (its events beside the rules').

    Without the sentence classifier (``events.model.v1``): in one run it changed nothing on the validation and
    dev lines and the dev documents (proposition F1 0.543, 0.475, 0.356 with it; 0.543, 0.475, 0.358 without),
    and its gain on the PLOVER GSR sentences (0.571 against 0.553) comes from a head trained on those very
    sentences; it was a second MiniLM pass over the sentences the rules left empty."""
    return [*_analysis(), *_rule_events(), HYBRID, HAZARDS, COUNTERPART, DOCUMENT_PARTIES, *_after_events()]


def _analysis() -> list[Stage]:
    return [
        Stage("actors.gazetteer.v1", annotate_actors, ("doc",), ("mentions",)),
        Stage("dates.dateparser.v1", dates.annotate, ("doc",), ("dates",)),
        Stage(places.NAME, places.annotate, ("doc", "mentions"), ("places",)),
    ]


def _after_events() -> list[Stage]:
    return [
        Stage("merge.claims.v1", merge.annotate, ("events.status",), ("propositions",)),
        Stage(parties.NAME, parties.annotate, ("propositions",), ("propositions",)),
        Stage(places_link.NAME, places_link.annotate, ("places", "propositions"), ("propositions",)),
        Stage("losses.rules.v1", losses.annotate, ("doc", "mentions", "events.status"), ("loss_claims",)),
    ]


@hookimpl
def register_stages() -> list[Stage]:
    return builtin_stages()


@hookimpl
def register_extractors() -> dict[str, list[Stage]]:
    return {"rules": [*rule_event_stages(), HAZARDS, COUNTERPART, DOCUMENT_PARTIES],
            "model": [LEARNED, HAZARDS, COUNTERPART, DOCUMENT_PARTIES]}
