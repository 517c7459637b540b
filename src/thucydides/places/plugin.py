"""The places feature's registrations, through the same hooks a third-party plugin would use."""

from __future__ import annotations

from typing import Any

from ..pipeline.state import Stage
from ..plugins import hookimpl
from . import link, stage

__all__ = ["register_eval_datasets", "register_stages"]


@hookimpl
def register_stages() -> list[Stage]:
    """The places stage before the event stages; the link stage (locations -> places) after merging."""
    return [Stage(stage.NAME, stage.annotate, ("doc", "mentions"), ("places",), before="events.rules.v1"),
            Stage(link.NAME, link.annotate, ("places", "propositions"), ("propositions",),
                  after="merge.claims.v1")]


@hookimpl
def register_eval_datasets() -> list[Any]:
    from .evaluation import PlacesEval

    return [PlacesEval()]
