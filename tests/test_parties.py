"""The stage ``propositions.parties.v1``: a proposition names the parties its type needs (CODING.md §2-3)."""

from __future__ import annotations

import pytest

from thucydides.model import Proposition
from thucydides.stages.parties import DIRECTED_TYPES, has_parties


@pytest.mark.parametrize(("type_", "actor", "recipient", "kept"), [
    ("ASSAULT", (), ("NGA",), True),        # "gunmen killed five villagers in Zamfara": an unknown attacker
    ("SANCTION", (), ("RUS",), False),      # who sanctions is never unknown: a reading that lost its actor
    ("REQUEST", (), (), False),
    ("REQUEST", ("KEN",), (), False),       # "Kenya calls for calm": a request made to no one coded
    ("REQUEST", ("KEN",), ("SOM",), True),
    ("REJECT", ("SRB",), (), False),
    ("COERCE", ("IRN",), ("IRN",), True),   # a state acting on its own people is its own recipient
    ("CONSULT", ("FRA", "DEU"), (), True),  # reciprocal: every side in actor, no recipient
    ("ACCUSE", ("PAK", "AFG"), (), True),
    ("ACCUSE", ("PER",), (), True),         # "the president condemned the attack": no attacker named
    ("MOBILIZE", ("PRK",), (), True),       # a missile test needs no target
    ("THREATEN", ("CHN",), (), True),
])
def test_a_proposition_keeps_only_with_the_parties_its_type_needs(type_: str, actor: tuple[str, ...],
                                                                  recipient: tuple[str, ...], kept: bool) -> None:
    assert has_parties(Proposition(type_, actor, recipient)) is kept


def test_directed_types_are_plover_types() -> None:
    from thucydides.plover import EVENT_TYPES

    assert DIRECTED_TYPES <= set(EVENT_TYPES)
