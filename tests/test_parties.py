"""The stage ``propositions.parties.v1``: an attack names whom it hit (CODING.md §3)."""

from __future__ import annotations

import pytest

import thucydides
from thucydides.model import Claim, Proposition, Provenance
from thucydides.stages.parties import has_parties


def _claim(status: str) -> Claim:
    return Claim(status, (), None, "text", Provenance("d1", 0, 4, "test", "0"))


@pytest.mark.parametrize(("type_", "actor", "recipient", "kept"), [
    ("ASSAULT", (), ("NGA",), True),        # "gunmen killed five villagers in Zamfara": an unknown attacker
    ("ASSAULT", ("RUS",), ("UKR",), True),
    ("ASSAULT", ("RUS",), (), False),       # an attack hits someone: the reading missed whom
    ("ASSAULT", ("ETH", "ERI"), (), False),
    ("ASSAULT", (), (), False),
    ("REQUEST", ("KEN",), (), True),        # other types may name one party only
    ("CONSULT", ("FRA", "DEU"), (), True),
    ("MOBILIZE", ("PRK",), (), True),       # a missile test needs no target
])
def test_an_attack_keeps_only_with_a_recipient(type_: str, actor: tuple[str, ...], recipient: tuple[str, ...],
                                               kept: bool) -> None:
    assert has_parties(Proposition(type_, actor, recipient, claims=(_claim("asserted"),))) is kept


def test_a_denied_attack_is_kept_without_a_recipient() -> None:
    assert has_parties(Proposition("ASSAULT", ("RUS",), (), claims=(_claim("alleged"), _claim("denied"))))
    doc = thucydides.extract("Russia did not attack the convoy, the Kremlin said.", published="2024-03-06")
    assert [(p.type, p.verdict) for p in doc.propositions] == [("ASSAULT", "denied")]


def test_the_pipeline_drops_an_attack_on_no_one() -> None:
    # the North Korean launch is no attack; before the stage the rules read "fired" as ASSAULT PRK -> []
    text = "North Korea fired a ballistic missile into the sea on Tuesday, South Korea said."
    for extractor in ("rules", "learned"):
        doc = thucydides.extract(text, published="2024-03-06", extractor=extractor)
        assert all(p.recipient for p in doc.propositions if p.type == "ASSAULT"), extractor
