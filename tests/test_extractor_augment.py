"""Actor-swap augmentation on hand-built gold documents (no model, no parse)."""

from __future__ import annotations

import random
from typing import Any

from thucydides.extractor.augment import state_forms, swap_document

TEXT = "Colombian troops shelled positions in Venezuela, and Bogota said Venezuelans had fired first."


def _doc() -> dict[str, Any]:
    return {"id": "x", "published": "2024-01-02", "text": TEXT, "propositions": [
        {"type": "ASSAULT", "actor": ["COL"], "recipient": ["VEN"], "optional": False, "location": "Venezuela",
         "claims": [{"status": "asserted", "by": [], "evidence": "Colombian troops shelled positions in Venezuela"}]},
        {"type": "ACCUSE", "actor": ["COL"], "recipient": ["VEN"], "optional": False,
         "claims": [{"status": "asserted", "by": ["COL"], "evidence": "Bogota said Venezuelans had fired first"}]}],
        "loss_claims": []}


MENTIONS = [("COL", "Colombian troops"), ("COL", "Colombian"), ("VEN", "Venezuela"), ("COL", "Bogota"),
            ("VEN", "Venezuelans")]


def test_every_form_and_code_moves_to_the_new_state() -> None:
    out = swap_document(_doc(), MENTIONS, random.Random(3))
    assert out is not None and out["id"] == "x~swap"
    new = {c for p in out["propositions"] for c in p["actor"] + p["recipient"]}
    assert new.isdisjoint({"COL", "VEN"}) and len(new) == 2
    forms = state_forms()
    (col,) = out["propositions"][0]["actor"]
    (ven,) = out["propositions"][0]["recipient"]
    assert out["text"].startswith(f"{forms[col].adjective} troops shelled positions in {forms[ven].name}")
    assert forms[col].capital in out["text"] and forms[ven].people in out["text"]
    assert out["propositions"][1]["claims"][0]["by"] == [col]
    assert all(c["evidence"] in out["text"] for p in out["propositions"] for c in p["claims"])
    assert _doc()["text"] == TEXT  # the original is left alone


def test_a_state_also_named_by_a_person_or_place_is_not_swapped() -> None:
    assert swap_document(_doc(), [*MENTIONS, ("VEN", "Maduro")], random.Random(3)) is None


def test_a_document_coding_no_state_is_not_swapped() -> None:
    doc = _doc()
    for prop in doc["propositions"]:
        prop["actor"], prop["recipient"] = ["UN"], []
        for claim in prop["claims"]:
            claim["by"] = []
    assert swap_document(doc, [], random.Random(3)) is None


def test_the_same_seed_gives_the_same_copy() -> None:
    assert swap_document(_doc(), MENTIONS, random.Random(5)) == swap_document(_doc(), MENTIONS, random.Random(5))
