"""The built-in stages, registered through the ``register_stages`` hook a plugin uses, in run order."""

from __future__ import annotations

from ..pipeline.state import Stage
from ..plugins import hookimpl
from . import dates, learned, losses, merge
from .actors import annotate as annotate_actors
from .events import detect

__all__ = ["builtin_stages", "register_stages"]


def builtin_stages() -> list[Stage]:
    """The built-in stages in run order (parsing happens before them, in batches)."""
    return [
        Stage("actors.gazetteer.v1", annotate_actors, ("doc",), ("mentions",)),
        Stage("dates.dateparser.v1", dates.annotate, ("doc",), ("dates",)),
        Stage("events.rules.v1", detect.annotate, ("doc", "mentions", "dates"), ("events",)),
        Stage("events.model.v1", learned.annotate, ("doc", "mentions", "dates", "events"), ("events",)),
        Stage("merge.claims.v1", merge.annotate, ("events",), ("propositions",)),
        Stage("losses.rules.v1", losses.annotate, ("doc", "mentions"), ("loss_claims",)),
    ]


@hookimpl
def register_stages() -> list[Stage]:
    return builtin_stages()
