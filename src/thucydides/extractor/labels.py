"""Training targets for a unit, read off a gold document coded under CODING.md.

A gold proposition belongs to every sentence that holds the evidence of one of its claims. For each unit:

- ``types[t]``: 1 when a required proposition of type ``t`` is stated in the sentence, 0 when none is,
  -1 (not scored) when only optional ones are: optional codings neither reward nor penalise, as in scoring;
- for each type present (required or optional): which candidates are actors, recipients and claimants, the
  claim's status and the proposition's mode. Gold codes that no candidate names cannot be learned here and
  are left out (the unit's ``reachable`` counts say how many).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import STATUSES
from ..plover import EVENT_TYPES, MODES
from .units import Unit

__all__ = ["ROLES", "Event", "Target", "mode_index", "target_of"]

#: per-candidate outputs of the role head, in order.
ROLES: tuple[str, ...] = ("actor", "recipient", "claimant")


def mode_index(event_type: str, mode: str | None) -> int:
    """Index of ``(event_type, mode)`` in :data:`~thucydides.plover.MODES`; ``len(MODES)`` for no mode, -1 for
    a mode the ontology does not know (not trained on)."""
    if not mode:
        return len(MODES)
    try:
        return MODES.index((event_type, mode))
    except ValueError:
        return -1


@dataclass
class Event:
    """What the unit says about one event type: role flags per candidate, status and mode."""

    roles: list[list[int]]
    status: int
    mode: int


@dataclass
class Target:
    """The labels of one unit."""

    types: list[int]
    events: dict[int, Event] = field(default_factory=dict)


def _sentence_of(unit: Unit, text: str, evidence: str) -> bool:
    """Whether the first occurrence of ``evidence`` in the article starts inside the unit."""
    at = text.find(evidence)
    return at >= 0 and unit.start <= at < unit.end


def _flags(unit: Unit, prop: Mapping[str, Any], claim: Mapping[str, Any]) -> list[list[int]]:
    actor, recipient = set(prop.get("actor") or ()), set(prop.get("recipient") or ())
    by = set(claim.get("by") or ())
    return [[int(c in actor), int(c in recipient), int(c in by)] for c in unit.codes]


def _merge(event: Event, flags: list[list[int]]) -> None:
    for row, new in zip(event.roles, flags, strict=True):
        for k, v in enumerate(new):
            row[k] = max(row[k], v)


def target_of(unit: Unit, text: str, propositions: Sequence[Mapping[str, Any]]) -> Target:
    """The labels of ``unit`` from its article's gold propositions (``text`` is the article text)."""
    target = Target(types=[0] * len(EVENT_TYPES))
    for prop in propositions:
        t = EVENT_TYPES.index(str(prop["type"]))
        claims = [c for c in prop.get("claims") or () if _sentence_of(unit, text, str(c.get("evidence") or ""))]
        if not claims:
            continue
        if not prop.get("optional"):
            target.types[t] = 1
        elif target.types[t] == 0:
            target.types[t] = -1
        flags = _flags(unit, prop, claims[0])
        if t in target.events:
            _merge(target.events[t], flags)
            continue
        status = STATUSES.index(str(claims[0].get("status") or "asserted"))
        target.events[t] = Event(flags, status, mode_index(str(prop["type"]), prop.get("mode")))
    return target
