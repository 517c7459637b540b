"""Near-duplicate grouping and the group-respecting held-out split, on hand-built sentences."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from thucydides.classifier.split import (
    near_duplicate_groups,
    normalise,
    shingles,
    similar_vector_pairs,
    split_by_group,
)
from thucydides.errors import InputError


def test_normalise_folds_case_punctuation_and_spaces() -> None:
    assert normalise("The  U.N.'s envoy,\tMET   Hamas!") == "the u n s envoy met hamas"
    assert normalise("ＡＢＣ") == "abc"                       # NFKC folds full-width letters


def test_shingles_of_short_and_long_texts() -> None:
    assert shingles("Troops left.") == frozenset({("troops", "left")})
    assert shingles("a b c d") == frozenset({("a", "b", "c"), ("b", "c", "d")})


def test_near_duplicates_join_and_chain() -> None:
    texts = ["Rebels shelled the northern town of Kafr Nabl on Monday, killing six civilians.",
             "Rebels shelled the northern town of Kafr Nabl on Monday, killing seven civilians.",
             "The foreign ministers met in Geneva to discuss a ceasefire.",
             "Rebels shelled the northern town of Kafr Nabl on Tuesday, killing seven civilians."]
    assert near_duplicate_groups(texts) == [0, 0, 2, 0]       # 3 ~ 1 ~ 0: one component
    assert near_duplicate_groups(texts, threshold=1.0) == [0, 1, 2, 3]


def test_extra_pairs_from_vectors_join_groups() -> None:
    vectors = np.array([[1.0, 0.0], [0.6, 0.8], [0.99, 0.141]], dtype=np.float32)
    assert similar_vector_pairs(vectors, cosine=0.95) == {(0, 2)}
    texts = ["Troops crossed the river at dawn.", "Talks resumed in Doha.", "At dawn the army forded it."]
    assert near_duplicate_groups(texts, extra_pairs={(0, 2)}) == [0, 1, 0]


@pytest.mark.parametrize("bad", [0.0, 1.5])
def test_thresholds_are_checked(bad: float) -> None:
    with pytest.raises(InputError, match="E001"):
        near_duplicate_groups(["x"], threshold=bad)
    with pytest.raises(InputError, match="E001"):
        similar_vector_pairs(np.eye(2, dtype=np.float32), cosine=bad)


def test_split_keeps_groups_whole_and_is_stratified() -> None:
    groups = [i // 2 for i in range(40)] + list(range(100, 160))   # 20 pairs, then 60 singletons
    labels = [i % 2 for i in range(0, 40, 2) for _ in (0, 1)] + [i % 3 for i in range(60)]
    split = split_by_group(groups, labels, fraction=0.25, seed=3)
    train_groups = {groups[i] for i in split.train}
    held_groups = {groups[i] for i in split.held_out + split.dropped}
    assert not train_groups & held_groups
    assert sorted(split.train + split.held_out + split.dropped) == list(range(100))
    assert len({groups[i] for i in split.held_out}) == len(split.held_out)   # one per group
    held = Counter(labels[i] for i in split.held_out + split.dropped)
    total = Counter(labels)
    assert all(0.2 * total[y] <= held[y] <= 0.25 * total[y] + 2 for y in total)
    assert split == split_by_group(groups, labels, fraction=0.25, seed=3)    # deterministic


def test_split_checks_its_fraction() -> None:
    with pytest.raises(InputError, match="E001"):
        split_by_group([0, 1], [0, 1], fraction=1.0)


_TINY = {0: ["The minister spoke about the economy on {d}.", "Officials visited a school on {d}."],
         1: ["The two leaders praised their friendship on {d}.", "Envoys agreed to hold talks on {d}."],
         2: ["The army delivered food aid to the refugees on {d}.", "Prisoners were released on {d}."],
         3: ["The government condemned the rebels on {d}.", "The president threatened sanctions on {d}."],
         4: ["Rebels shelled the city on {d}.", "Soldiers fired on the protesters on {d}."]}


def test_held_out_eval_on_a_tiny_file(tmp_path: Path) -> None:
    from thucydides.classifier.evaluate import evaluate_conflibert_heldout

    days = ["Monday", "Tuesday, killing two", "Friday night in the north", "Sunday after weeks of calm"]
    rows = [f"{t.format(d=d)}\t{q}" for q, ts in _TINY.items() for t in ts for d in days]
    (tmp_path / "conflibert_cameo_train.class.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = evaluate_conflibert_heldout(tmp_path, folds=2)
    dup = result["near_duplicates"]
    assert dup["sentences"] == 40 and dup["groups"] < 40
    assert result["train_sentences"] + result["held_out"]["n"] + dup["dropped_from_held_out"] == 40
    assert 0.0 <= result["held_out"]["macro_f1"] <= 1.0 and result["group_cv"]["n"] == 40
