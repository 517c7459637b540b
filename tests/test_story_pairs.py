"""The coded story pairs and the story_pairs evaluation dataset."""

from __future__ import annotations

from pathlib import Path

from thucydides.evaluation.builtin import builtin_datasets
from thucydides.evaluation.story_pairs import StoryPairs, find_proposition, load_pairs, resolve_offsets


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


def test_the_second_set_is_stand_off_distinct_and_of_both_kinds() -> None:
    pairs = load_pairs("story_pairs_b.jsonl")
    assert len(pairs) >= 150
    assert all("evidence" not in p[s] and 0 <= p[s]["start"] < p[s]["end"] for p in pairs for s in "ab")
    keys = {frozenset((p[s]["doc"], p[s]["start"], p[s]["end"]) for s in "ab") for p in pairs}
    assert len(keys) == len(pairs)
    assert 0 < sum(p["same_event"] for p in pairs) < len(pairs)
    assert {p["stratum"] for p in pairs} == {"window", "shared_name"}


def test_stand_off_sides_are_read_from_the_item_text() -> None:
    texts = {"x": "Kenya and Somalia reopen their border crossing at Mandera.", "y": "Talks resume in Doha."}
    pairs = [{"a": {"doc": "x", "start": 0, "end": 17}, "b": {"doc": "y", "evidence": "Talks resume"},
              "same_event": False}]
    resolved = resolve_offsets(pairs, texts)
    assert resolved[0]["a"]["evidence"] == "Kenya and Somalia"
    assert resolved[0]["b"]["evidence"] == "Talks resume"
    assert "evidence" not in pairs[0]["a"]  # the loaded pairs are left as they were


def test_the_second_set_is_a_registered_dataset(shared_dir: Path) -> None:
    names = {d.name for d in builtin_datasets()}
    assert {"story_pairs", "story_pairs_b"} <= names
    result = StoryPairs("story_pairs_b", "story_pairs_b.jsonl").evaluate(shared_dir / "eval", limit=30)
    figures = result.figures()
    assert figures["story_pairs_b/same_event/n"] == sum(p["same_event"] for p in load_pairs("story_pairs_b.jsonl")[:30])


def test_the_third_set_is_stand_off_distinct_of_both_kinds_and_shares_no_item_with_the_others() -> None:
    pairs = load_pairs("story_pairs_c.jsonl")
    assert len(pairs) >= 150
    assert all("evidence" not in p[s] and 0 <= p[s]["start"] < p[s]["end"] for p in pairs for s in "ab")
    assert len({frozenset((p["a"]["doc"], p["b"]["doc"])) for p in pairs}) == len(pairs)
    assert 0 < sum(p["same_event"] for p in pairs) < len(pairs)
    assert {p["stratum"] for p in pairs} == {"dyad_near", "shared_name", "window", "shared_words", "two_names"}
    earlier = {p[s]["doc"] for name in ("story_pairs.jsonl", "story_pairs_b.jsonl") for p in load_pairs(name)
               for s in "ab"}
    assert not earlier & {p[s]["doc"] for p in pairs for s in "ab"}


def test_the_third_set_is_a_registered_dataset(shared_dir: Path) -> None:
    assert "story_pairs_c" in {d.name for d in builtin_datasets()}
    result = StoryPairs("story_pairs_c", "story_pairs_c.jsonl").evaluate(shared_dir / "eval", limit=30)
    figures = result.figures()
    assert figures["story_pairs_c/same_event/n"] == sum(p["same_event"] for p in load_pairs("story_pairs_c.jsonl")[:30])


def test_the_fourth_set_is_stand_off_distinct_coded_and_shares_no_item_with_the_others() -> None:
    pairs = load_pairs("story_pairs_d.jsonl")
    assert len(pairs) >= 50
    assert all("evidence" not in p[s] and 0 <= p[s]["start"] < p[s]["end"] for p in pairs for s in "ab")
    assert len({frozenset((p["a"]["doc"], p["b"]["doc"])) for p in pairs}) == len(pairs)
    assert all(isinstance(p["same_event"], bool) for p in pairs)
    assert 0 < sum(p["same_event"] for p in pairs) < len(pairs)
    assert {p["stratum"] for p in pairs} <= {"shared_name", "two_names", "shared_words", "dyad_near", "window"}
    earlier = {p[s]["doc"] for name in ("story_pairs.jsonl", "story_pairs_b.jsonl", "story_pairs_c.jsonl")
               for p in load_pairs(name) for s in "ab"}
    assert not earlier & {p[s]["doc"] for p in pairs for s in "ab"}


def test_the_fourth_set_is_a_registered_dataset() -> None:
    # registered only: its figure is the grouping's, run by whoever changes the grouping, not by the tests
    assert "story_pairs_d" in {d.name for d in builtin_datasets()}
