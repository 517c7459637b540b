"""The table view: sectors that are not the state itself are shown, and ``width`` sets the snippet length.
Documents are built by hand, so no model is involved."""

from __future__ import annotations

from thucydides.formats import render, to_table
from thucydides.model import Actor, ActorMention, Article, Claim, Document, Proposition, Provenance


def _doc(text: str, group: str, code: str, sector: str | None, recipient: str) -> Document:
    prov = Provenance("d", 0, len(text), "test", "0")
    claim = Claim(status="asserted", by=(), via=None, evidence=text, provenance=prov)
    at = text.index(group)
    mention = ActorMention(Actor(code, sector, group, "group"), group, Provenance("d", at, at + len(group), "t", "0"))
    prop = Proposition(type="ASSAULT", actor=(code,), recipient=(recipient,), claims=(claim,))
    return Document(Article(text=text, id="d"), (prop,), (), (mention,))


def test_a_non_state_actor_shows_its_sector_and_a_state_organ_does_not() -> None:
    rebels = _doc("Hezbollah fired rockets at northern Israel on Sunday.", "Hezbollah", "LBN", "REB", "ISR")
    assert "LBN:REB -> ISR" in to_table(rebels)
    militia = _doc("The Wagner group shelled a village in Mali.", "Wagner group", "RUS", "PRM", "MLI")
    assert "RUS:PRM -> MLI" in to_table(militia)
    army = _doc("The Ethiopian army shelled a town in Tigray.", "Ethiopian army", "ETH", "MIL", "ETH")
    assert "ETH -> ETH" in to_table(army) and "ETH:MIL" not in to_table(army)


def test_width_sets_how_much_evidence_the_table_shows() -> None:
    long = ("Hezbollah fired dozens of rockets at northern Israel on Sunday, the Israeli army said, "
            "after a strike on a village in southern Lebanon killed two of its fighters the day before.")
    doc = _doc(long, "Hezbollah", "LBN", "REB", "ISR")
    narrow, wide = "".join(render([doc], "table", width=60)), "".join(render([doc], "table", width=300))
    assert "…" in narrow and "killed two of its fighters" not in narrow
    assert "killed two of its fighters the day before." in wide
