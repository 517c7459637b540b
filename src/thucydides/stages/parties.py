"""The stage ``propositions.parties.v1``: a proposition is kept only when it names the parties its type needs.

CODING.md §2-3 codes an actor for every event; only an attack may have an unknown one ("gunmen killed five
villagers": ``ASSAULT [] -> state``), since who attacks is often unknown while who accuses, requests, sanctions
or agrees never is. And some acts are by nature done to someone (:data:`DIRECTED_TYPES`: one asks, refuses,
coerces, concedes to, aids or protests against someone): one actor with no recipient is a reading that found
only half of the event ("Kenya calls for calm", "the court rejects the appeal"). A proposition with two actors
or more is reciprocal and needs no recipient. ACCUSE is not among them: one may condemn an attack without
naming who made it ("the president condemned the attack on the border post"), and dropping such accusations
changed no figure by more than 0.002.

Measured as a filter on the default pipeline's propositions (proposition F1, before -> after): training lines
0.693 -> 0.719, validation lines 0.548 -> 0.574, validation documents 0.385 -> 0.413, team articles C-E (not
in the shipped training) 0.338 -> 0.358; each of the two halves helped on all four sets (`propositions.parties.v1` in docs/architecture.md).
"""

from __future__ import annotations

from ..model import Proposition
from ..pipeline.state import State

__all__ = ["DIRECTED_TYPES", "NAME", "UNKNOWN_ACTOR_TYPES", "annotate", "has_parties"]

NAME = "propositions.parties.v1"
#: Types whose act is done to someone: with one actor they need a recipient.
DIRECTED_TYPES = frozenset({"AID", "COERCE", "CONCEDE", "PROTEST", "REJECT", "REQUEST"})
#: Types that may have no known actor.
UNKNOWN_ACTOR_TYPES = frozenset({"ASSAULT"})


def has_parties(prop: Proposition) -> bool:
    """Whether ``prop`` names the parties its type needs (see the module's docstring)."""
    if not prop.actor:
        return prop.type in UNKNOWN_ACTOR_TYPES
    return bool(prop.recipient) or len(prop.actor) > 1 or prop.type not in DIRECTED_TYPES


def annotate(state: State) -> None:
    """Pipeline stage ``propositions.parties.v1``: drops the propositions of ``state.propositions`` that lack a
    party their type needs."""
    state.propositions = [p for p in state.propositions if has_parties(p)]
