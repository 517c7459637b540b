"""The status stage ``status.rules.v1``: what a text does with an event — asserts, alleges, denies, foresees
or only hypothesises it (:mod:`.judge`) — and the settling of each candidate event (:mod:`.settle`)."""

from .judgement import Judgement, event_factuality, is_uncertain, judge, status_of, uncertainty_score

__all__ = ["Judgement", "event_factuality", "is_uncertain", "judge", "status_of", "uncertainty_score"]
