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

__all__ = ["LEARNED", "RULE_EVENT_STAGES", "builtin_stages", "register_stages", "rule_stages"]

#: The learned extractor's stage: its events, settled (status, claimant, outlet). Rule events already in the
#: state are kept only in sentences where the model found none (:func:`thucydides.stages.extractor.combine`).
LEARNED = Stage("events.learned.v1", extractor.annotate, ("doc", "mentions", "dates"),
                ("events", "events.source", "events.status"))
#: The rule stages the learned extractor replaces in the default pipeline (``rule_stages`` keeps them).
RULE_EVENT_STAGES = ("events.rules.v1", "attribution.rules.v1", "status.rules.v1", "events.model.v1")


def builtin_stages() -> list[Stage]:
    """The built-in stages in run order (parsing happens before them, in batches). The learned extractor
    takes the place of the rule event stages: in the ablation of ``docs/extractor.md`` (validation lines,
    same run) the rules did not add to it."""
    stages = rule_stages()
    at = next(i for i, s in enumerate(stages) if s.name == RULE_EVENT_STAGES[0])
    kept = [s for s in stages if s.name not in RULE_EVENT_STAGES]
    return [*kept[:at], LEARNED, *kept[at:]]


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
