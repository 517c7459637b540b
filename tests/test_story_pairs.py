"""The coded story pairs and the story_pairs evaluation dataset."""

from __future__ import annotations

from pathlib import Path

from thucydides.evaluation.story_pairs import StoryPairs, find_proposition, load_pairs


def test_the_coded_pairs_are_many_distinct_and_of_both_kinds() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 150
    keys = {frozenset((p[s]["doc"], p[s]["evidence"]) for s in "ab") for p in pairs}
    assert len(keys) == len(pairs)
    same = sum(p["same_event"] for p in pairs)
    assert 0 < same < len(pairs)
    assert all(p[s]["doc"].startswith("wce-2022-") and p[s]["evidence"] for p in pairs for s in "ab")


def test_a_coded_proposition_is_found_by_evidence_overlap() -> None:
    candidates = [(0, "to denounce Russia's invasion of Ukraine and to call for sanctions", "ACCUSE"),
                  (1, "Russia's invasion of Ukraine", "ASSAULT"),
                  (2, "Protesters gather in Moscow", "PROTEST")]
    assert find_proposition("Russia's invasion of Ukraine", candidates, "ASSAULT") == 1
    assert find_proposition("invasion of Ukraine by Russia's army", candidates, "ASSAULT") == 1
    assert find_proposition("to denounce Russia's invasion", candidates, "ACCUSE") == 0
    assert find_proposition("a missile strike on Odesa", candidates, "ASSAULT") is None


def test_story_pairs_dataset_recomputes_the_grouping(shared_dir: Path) -> None:
    result = StoryPairs().evaluate(shared_dir / "eval", limit=40)
    figures = result.figures()
    assert figures["story_pairs/same_event/n"] == sum(p["same_event"] for p in load_pairs()[:40])
    assert 0.0 < figures["story_pairs/same_event/precision"] <= 1.0
