"""Joining linked propositions into stories without chaining distinct events together.

Plain single linkage joins A to C through B even when A and C could never be one event (an actor-only
"Russian shelling" between a shelled Albanian consulate and a shelled Ukrainian institute; a week of daily
strikes one day apart each). :func:`merge` takes the links strongest first and joins two groups only when
every pair across them could be one event:

* their actor codes agree, and so do their recipient codes: one names none, or one's codes are among the
  other's ("RUS" and "RUS, BLR"); two lists that each name a party the other lacks ("USA, UKR" met and
  "CAN, UKR" met) are two events;
* their places agree: one names none, or they name one place, or one is the region the other lies in;
* the days their texts give are one day.

The window of dates is checked per link, not per group: a story of an ongoing event ("Russia's invasion of
Ukraine", referred to every day) may span more than the window through reports each a few days apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

__all__ = ["Node", "Place", "codes_agree", "merge", "places_agree"]

#: A resolved place: its id, kind (``city``, ``adm1``, ...) and first-level region code.
Place = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Node:
    """What :func:`merge` needs of one proposition."""

    actor: frozenset[str]
    recipient: frozenset[str]
    places: frozenset[Place]
    day: int | None
    own_day: bool


def codes_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two code lists can name the parties of one event: one is empty or within the other."""
    return not a or not b or a <= b or b <= a


def _place_agrees(p: Place, q: Place) -> bool:
    if p[0] == q[0]:
        return True
    return (p[1] == "adm1" or q[1] == "adm1") and bool(p[2]) and p[2] == q[2]


def places_agree(a: frozenset[Place], b: frozenset[Place]) -> bool:
    """Whether two propositions' places can be one event's: one names none, or a place of one is a place of
    the other or its region."""
    return not a or not b or any(_place_agrees(p, q) for p in a for q in b)


@dataclass(slots=True)
class _Group:
    """The distinct values of a group's members, enough to check a join against every member."""

    actors: set[frozenset[str]] = field(default_factory=set)
    recipients: set[frozenset[str]] = field(default_factory=set)
    places: set[frozenset[Place]] = field(default_factory=set)
    own_days: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, node: Node) -> _Group:
        days = {node.day} if node.own_day and node.day is not None else set()
        return cls({node.actor}, {node.recipient}, {node.places}, days)

    def joins(self, other: _Group) -> bool:
        if len(self.own_days | other.own_days) > 1:
            return False
        return (all(codes_agree(a, b) for a in self.actors for b in other.actors)
                and all(codes_agree(a, b) for a in self.recipients for b in other.recipients)
                and all(places_agree(a, b) for a in self.places for b in other.places))

    def absorb(self, other: _Group) -> None:
        self.actors |= other.actors
        self.recipients |= other.recipients
        self.places |= other.places
        self.own_days |= other.own_days


def merge(nodes: Sequence[Node], u: npt.NDArray[np.int64], v: npt.NDArray[np.int64],
          strength: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Each node's group label (the smallest node of its group) after joining the links ``u[i]``-``v[i]``
    strongest first, each only if the two groups could be one event (see the module docstring)."""
    parent = list(range(len(nodes)))
    groups = {i: _Group.of(node) for i, node in enumerate(nodes)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for e in np.lexsort((v, u, -strength)):
        a, b = root(int(u[e])), root(int(v[e]))
        if a == b or not groups[a].joins(groups[b]):
            continue
        keep, drop = min(a, b), max(a, b)
        parent[drop] = keep
        groups[keep].absorb(groups.pop(drop))
    return np.array([root(i) for i in range(len(nodes))], dtype=np.int64)
