"""The FORMAT.md scorer on hand-built gold and predicted documents."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.errors import InputError
from thucydides.evaluation import match_propositions, proposition_matches, score_documents


def prop(type_: str, actor: list[str], recipient: list[str], claims: list[tuple[str, list[str]]] = (),  # type: ignore[assignment]
         date: str | None = None, optional: bool = False, start: int | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"type": type_, "actor": actor, "recipient": recipient, "date": date,
                         "optional": optional, "claims": [{"status": s, "by": b} for s, b in claims]}
    if start is not None:
        d["provenance"] = {"document": "d", "start": start, "end": start + 5, "extractor": "x", "version": "0"}
    return d


def doc(props: list[dict[str, Any]], losses: list[tuple[str, int]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"id": "d", "text": "t", "propositions": props,
            "loss_claims": [{"side": s, "value": v} for s, v in losses]}


def figures(scores: list[Any]) -> dict[str, dict[str, float]]:
    return {s.name: {**s.figures, "n": s.n} for s in scores}


def test_match_rule_needs_type_and_intersecting_code_sets() -> None:
    gold = prop("SANCTION", ["GBR", "FRA"], ["IRN"])
    assert proposition_matches(gold, prop("SANCTION", ["FRA"], ["IRN"]))
    assert not proposition_matches(gold, prop("THREATEN", ["FRA"], ["IRN"]))
    assert not proposition_matches(gold, prop("SANCTION", ["DEU"], ["IRN"]))
    assert not proposition_matches(gold, prop("SANCTION", ["FRA"], []))
    assert proposition_matches(prop("PROTEST", [], []), prop("PROTEST", [], []))


def test_perfect_prediction_scores_one_everywhere() -> None:
    g = doc([prop("AID", ["JPN"], ["PHL"], [("asserted", [])], date="2023-05-02")], [("RUS", 40)])
    f = figures(score_documents([g], [g]))
    assert f["propositions"]["f1"] == 1.0 and f["claims"]["f1"] == 1.0
    assert f["verdict"]["accuracy"] == 1.0 and f["date"]["accuracy"] == 1.0
    assert f["loss_claims"]["f1"] == 1.0 and f["type:AID"]["f1"] == 1.0


def test_counts_are_micro_averaged_over_documents() -> None:
    g1 = doc([prop("CONSULT", ["KEN"], ["ETH"]), prop("AGREE", ["KEN", "ETH"], [])])
    g2 = doc([prop("ASSAULT", ["SDN"], [])])
    p1 = doc([prop("CONSULT", ["KEN"], ["ETH"])])
    p2 = doc([prop("ASSAULT", ["SDN"], []), prop("COERCE", ["SDN"], [])])
    f = figures(score_documents([g1, g2], [p1, p2]))["propositions"]
    assert (f["precision"], f["recall"]) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert f["n"] == 3


def test_optional_gold_removes_its_match_and_is_not_a_miss() -> None:
    g = doc([prop("ACCUSE", ["USA"], ["RUS"]), prop("SUPPORT", ["POL"], ["UKR"], optional=True),
             prop("REJECT", ["HUN"], ["EU"], optional=True)])
    p = doc([prop("ACCUSE", ["USA"], ["RUS"]), prop("SUPPORT", ["POL"], ["UKR"])])
    f = figures(score_documents([g], [p]))["propositions"]
    assert (f["precision"], f["recall"], f["n"]) == (1.0, 1.0, 1)


def test_matching_is_one_to_one_and_greedy_in_document_order() -> None:
    g = [prop("THREATEN", ["PRK"], ["KOR", "USA"]), prop("THREATEN", ["PRK"], ["KOR"])]
    # listed out of order; offsets put the KOR prediction first in the text, so the first gold takes it
    p = [prop("THREATEN", ["PRK"], ["USA"], start=90), prop("THREATEN", ["PRK"], ["KOR"], start=10)]
    pairs, missed, spurious = match_propositions(g, p)
    assert [(gg["recipient"], pp["recipient"]) for gg, pp in pairs] == [(["KOR", "USA"], ["KOR"])]
    assert missed == [g[1]] and spurious == [p[0]]


def test_claims_verdict_and_dates_on_matched_propositions_only() -> None:
    g = doc([prop("REQUEST", ["RUS"], ["CHN"], [("alleged", ["USA"]), ("denied", ["CHN"])], date="2022-03-13"),
             prop("MOBILIZE", ["BLR"], [], [("asserted", [])], date="2022-02-10")])
    p = doc([prop("REQUEST", ["RUS"], ["CHN"], [("alleged", ["USA"]), ("asserted", [])], date="2022-03-14")])
    f = figures(score_documents([g], [p]))
    assert f["claims"]["precision"] == 0.5 and f["claims"]["recall"] == 0.5
    assert f["verdict"]["accuracy"] == 0.0 and f["verdict"]["n"] == 1  # disputed vs asserted
    assert f["date"]["accuracy"] == 0.0 and f["date"]["n"] == 1


def test_predicted_verdict_field_is_used_when_present() -> None:
    g = doc([prop("ASSAULT", ["RUS"], ["UKR"], [("alleged", ["UKR"]), ("denied", ["RUS"])])])
    pred = prop("ASSAULT", ["RUS"], ["UKR"], [("alleged", ["UKR"])])
    pred["verdict"] = "disputed"
    assert figures(score_documents([g], [doc([pred])]))["verdict"]["accuracy"] == 1.0


def test_loss_claims_match_on_side_and_value() -> None:
    g = doc([], [("RUS", 1262), ("UKR", 30)])
    p = doc([], [("RUS", 1262), ("RUS", 30), ("RUS", 1262)])
    f = figures(score_documents([g], [p]))["loss_claims"]
    assert f["precision"] == pytest.approx(1 / 3) and f["recall"] == 0.5


def test_per_type_lines_count_misses_by_gold_type_and_extras_by_predicted_type() -> None:
    g = doc([prop("AID", ["DEU"], ["UKR"]), prop("CONCEDE", ["ISR"], [])])
    p = doc([prop("AID", ["DEU"], ["UKR"]), prop("RETREAT", ["ISR"], [])])
    f = figures(score_documents([g], [p]))
    assert f["type:AID"]["f1"] == 1.0
    assert f["type:CONCEDE"]["recall"] == 0.0 and f["type:RETREAT"]["precision"] == 0.0


def test_document_count_mismatch_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        score_documents([doc([])], [])
    assert err.value.code == "E010"


def test_shared_gold_files_score_perfectly_against_themselves(shared_dir: Any) -> None:
    from thucydides.evaluation.io import read_jsonl

    gold = [d for f in sorted((shared_dir / "eval").glob("*.gold.jsonl")) for d in read_jsonl(f)]
    f = figures(score_documents(gold, gold, per_type=False))
    assert f["propositions"]["n"] > 0
    assert all(f[k][m] == 1.0 for k, m in (("propositions", "f1"), ("claims", "f1"), ("verdict", "accuracy"),
                                            ("date", "accuracy"), ("loss_claims", "f1")))
