"""The built-in evaluation datasets, registered through the same hook a plugin would use."""

from __future__ import annotations

from typing import Any

from ..plugins import hookimpl
from .actor_resolution import OFFICE_LISTS, REGION_LISTS, ActorOfficials, ActorResolution
from .factuality import FactualityDev
from .gold import GoldDocuments
from .hedge import HedgeWiki
from .petrarch import Petrarch2Suite
from .plover_gsr import PloverGSR
from .polnear import PolNeAR
from .story_pairs import StoryPairs
from .train_dev import TrainDevDocuments, TrainDevLines

__all__ = ["builtin_datasets", "register_eval_datasets"]


def builtin_datasets() -> list[Any]:
    """Fresh instances of every built-in dataset, in table order."""
    return [
        GoldDocuments(), TrainDevLines(), TrainDevDocuments(), PloverGSR(), Petrarch2Suite(), ActorResolution(),
        ActorOfficials(), ActorOfficials("actor_officials_b", "actor_officials_b.jsonl"),
        ActorOfficials("actor_officials_c", "actor_officials_c.jsonl"),
        ActorOfficials("actor_officials_d", "actor_officials_d.jsonl"),
        ActorOfficials("actor_officials_e", "actor_officials_e.jsonl"),
        ActorOfficials("actor_officials_f", "actor_officials_f.jsonl"),
        ActorOfficials("actor_officials_g", REGION_LISTS), ActorOfficials("actor_officials_h", OFFICE_LISTS),
        PolNeAR(),
        FactualityDev("factuality_uw_dev", "factuality/uw/dev.conll",
                      "UW event factuality dev: Pearson r and MAE of event_factuality (-3..+3)"),
        FactualityDev("factuality_meantime_dev", "factuality/meantime/dev.conll",
                      "MEANTIME event factuality dev: Pearson r and MAE of event_factuality (-3..+3)"),
        HedgeWiki(), StoryPairs(), StoryPairs("story_pairs_b", "story_pairs_b.jsonl"),
        StoryPairs("story_pairs_c", "story_pairs_c.jsonl"),
        StoryPairs("story_pairs_d", "story_pairs_d.jsonl"),
    ]


@hookimpl
def register_eval_datasets() -> list[Any]:
    return builtin_datasets()
