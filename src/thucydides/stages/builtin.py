"""The built-in stages, registered through the ``register_stages`` hook a plugin uses, in run order."""

from __future__ import annotations

from ..pipeline.state import Stage
from ..places import link as places_link
from ..places import stage as places
from ..plugins import hookimpl
from . import dates, extractor, learned, losses, merge
from .actors import annotate as annotate_actors
from .attribution import events as attribution
from .events import detect
from .status import settle

__all__ = ["LEARNED", "builtin_stages", "learned_stages", "register_stages", "rule_stages"]

#: The learned extractor's stage: its events, settled (status, claimant, outlet), beside the rules' events
#: (:func:`thucydides.stages.extractor.combine`; merging makes one proposition of what both find).
LEARNED = Stage("events.learned.v1", extractor.annotate, ("doc", "mentions", "dates", "events.status"),
                ("events", "events.source", "events.status"))


def builtin_stages() -> list[Stage]:
    """The built-in stages of the default pipeline in run order (parsing happens before them, in batches):
    :func:`learned_stages`, the learned extractor being the primary one (the ablation in
    ``docs/extractor.md`` chose it, and which rule events it keeps)."""
    return learned_stages()


def learned_stages() -> list[Stage]:
    """The rule stages with the learned extractor after them (its events beside the rules')."""
    stages = rule_stages()
    at = next(i for i, s in enumerate(stages) if s.name == "events.model.v1")
    return [*stages[:at + 1], LEARNED, *stages[at + 1:]]


def rule_stages() -> list[Stage]:
    """The stages without the learned extractor: rules and the sentence classifier only (the baseline)."""
    return [
        Stage("actors.gazetteer.v1", annotate_actors, ("doc",), ("mentions",)),
        Stage("dates.dateparser.v1", dates.annotate, ("doc",), ("dates",)),
        Stage(places.NAME, places.annotate, ("doc", "mentions"), ("places",)),
        Stage("events.rules.v1", detect.annotate, ("doc", "mentions", "dates"), ("events",)),
        Stage("attribution.rules.v1", attribution.annotate, ("doc", "mentions", "events"), ("events.source",)),
        Stage("status.rules.v1", settle.annotate, ("doc", "mentions", "dates", "events", "events.source"),
              ("events.status",)),
        Stage("events.model.v1", learned.annotate, ("doc", "mentions", "dates", "events.status"),
              ("events", "events.source", "events.status")),
        Stage("merge.claims.v1", merge.annotate, ("events.status",), ("propositions",)),
        Stage(places_link.NAME, places_link.annotate, ("places", "propositions"), ("propositions",)),
        Stage("losses.rules.v1", losses.annotate, ("doc", "mentions"), ("loss_claims",)),
    ]


@hookimpl
def register_stages() -> list[Stage]:
    return builtin_stages()
