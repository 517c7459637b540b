"""From head outputs to events: thresholds, role sets, status and claimants.

The thresholds are chosen on the validation part of the training months (:mod:`.tuning`) and stored in the
model's metadata; :class:`Thresholds` defaults are used when a model folder has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import STATUSES
from .runtime import EventOutput, UnitOutput

__all__ = ["Decoded", "Thresholds", "decode"]


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds: a type fires at ``type`` (or its entry in ``per_type``); a candidate takes a role
    at ``actor`` / ``recipient`` / ``claimant``, the most probable first, at most :data:`MAX_ROLE` of them."""

    type: float = 0.5
    actor: float = 0.5
    recipient: float = 0.5
    claimant: float = 0.5
    per_type: dict[str, float] = field(default_factory=dict)

    def for_type(self, name: str) -> float:
        return self.per_type.get(name, self.type)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Thresholds:
        if not d:
            return cls()
        return cls(float(d.get("type", 0.5)), float(d.get("actor", 0.5)), float(d.get("recipient", 0.5)),
                   float(d.get("claimant", 0.5)), {str(k): float(v) for k, v in (d.get("per_type") or {}).items()})


@dataclass(frozen=True)
class Decoded:
    """One event the model asserts a unit states.

    Attributes:
        type, mode: PLOVER type and mode; ``p``: the type's probability.
        actor, recipient, by: chosen candidate codes.
        status: the claim's status.
        focus: absolute character offsets of the word piece the event attends to most.
    """

    type: str
    mode: str | None
    p: float
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    status: str
    by: tuple[str, ...]
    focus: tuple[int, int]


#: At most this many candidates per role (actor, recipient, claimant): in the training files 98 % of the
#: propositions have at most two actors and two recipients, and a claim almost never more than one claimant.
MAX_ROLE = (2, 2, 1)


def _pick(codes: tuple[str, ...], probs: Any, column: int, threshold: float) -> tuple[str, ...]:
    """The candidates at or above ``threshold`` for role ``column``, the most probable :data:`MAX_ROLE` ones,
    in sentence order."""
    above = [(float(row[column]), i) for i, row in enumerate(probs) if float(row[column]) >= threshold]
    kept = sorted(i for _, i in sorted(above, reverse=True)[:MAX_ROLE[column]])
    return tuple(codes[i] for i in kept)


def _event(out: UnitOutput, ev: EventOutput, th: Thresholds) -> Decoded:
    codes = out.unit.codes
    status = STATUSES[max(range(len(STATUSES)), key=lambda i: ev.status[i])]
    start = out.unit.start
    return Decoded(ev.type, ev.mode, ev.p, _pick(codes, ev.roles, 0, th.actor),
                   _pick(codes, ev.roles, 1, th.recipient), status, _pick(codes, ev.roles, 2, th.claimant),
                   (start + ev.focus[0], start + ev.focus[1]))


def decode(out: UnitOutput, th: Thresholds) -> list[Decoded]:
    """The events of one unit whose type probability reaches its threshold and that name a party: an event
    with neither actor nor recipient is no proposition (4 of the 1,952 required propositions of the training
    files have neither; on the validation lines none of the model's 6 such events matched gold)."""
    found = (_event(out, ev, th) for ev in out.events if ev.p >= th.for_type(ev.type))
    return [d for d in found if d.actor or d.recipient]
