"""Measured quality of the shipped training recipe, under cross-validation or with the eval set held out.

* :func:`evaluate_conflibert`: ConfliBERT CAMEO quad classes, macro-F1 under k-fold CV (the quad head is
  trained on the other folds, as the shipped one is trained on all of them).
* :func:`evaluate_conflibert_heldout`: the same quad head fitted on 80 % of the file and scored on the other
  20 %, split by near-duplicate group (:mod:`.split`), plus CV with folds by those groups.
* :func:`evaluate_plover`: PLOVER GSR dev event-type accuracy, (a) with the whole set held out of training and
  (b) under k-fold CV where the other folds join the training data. Folds keep duplicate sentences together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import InvalidValue
from .data import Example, load_conflibert, load_ngec, load_plover_dev, load_team_examples
from .head import TrainConfig
from .labels import QUAD_NAMES, TYPE_LABELS
from .split import HeldOutSplit, near_duplicate_groups, similar_vector_pairs, split_by_group
from .train import QUAD_CONFIG, Features, featurize, train_quad_head, train_type_head

__all__ = ["conflibert_split", "evaluate_conflibert", "evaluate_conflibert_heldout", "evaluate_plover", "fold_ids",
           "quad_cv", "scores"]


def fold_ids(examples: Sequence[Example], folds: int, seed: int = 0) -> npt.NDArray[np.int64]:
    """A fold number per example; examples of one ``group`` share a fold."""
    groups = sorted({e.group for e in examples})
    order = np.random.default_rng(seed).permutation(len(groups))
    fold_of = {groups[g]: i % folds for i, g in enumerate(order)}
    return np.array([fold_of[e.group] for e in examples], dtype=np.int64)


def scores(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the gold labels present, per-label F1 and a confusion matrix."""
    per_label: dict[str, float] = {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == lab != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == lab != p for g, p in zip(gold, predicted, strict=True))
        if tp + fn:
            per_label[lab] = 2 * tp / (2 * tp + fp + fn)
    confusion = [[sum(g == a and p == b for g, p in zip(gold, predicted, strict=True)) for b in labels]
                 for a in labels]
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return {"n": len(gold), "accuracy": correct / len(gold) if gold else 0.0,
            "macro_f1": float(np.mean(list(per_label.values()))) if per_label else 0.0,
            "per_label_f1": per_label, "labels": list(labels), "confusion": confusion}


def _check_folds(folds: int) -> None:
    if folds < 2:
        raise InvalidValue("E001", "number of folds", folds, ["an integer >= 2"])


def _split(feats: Features, test: npt.NDArray[np.bool_]) -> tuple[Features, Features]:
    return feats.subset(np.flatnonzero(~test)), feats.subset(np.flatnonzero(test))


def evaluate_conflibert(root: Path, folds: int = 5, cache_dir: Path | None = None,
                        limit: int | None = None) -> dict[str, Any]:
    """Quad-class macro-F1 and accuracy on ``conflibert_cameo_train`` under ``folds``-fold CV.

    ``limit`` (for quick runs) keeps the first ``max(limit, 10 * folds)`` sentences.
    """
    _check_folds(folds)
    examples = load_conflibert(root)
    feats = featurize(examples[:max(limit, 10 * folds)] if limit else examples, cache_dir)
    is_cb = np.array([e.corpus == "conflibert" for e in feats.examples])
    fold = fold_ids(feats.examples, folds)
    gold: list[str] = []
    predicted: list[str] = []
    for k in range(folds):
        train, test = _split(feats, is_cb & (fold == k))
        probs = train_quad_head(train).predict_proba(test.dense, test.sparse)
        gold += [QUAD_NAMES[e.quad] for e in test.examples]
        predicted += [QUAD_NAMES[i] for i in probs.argmax(axis=1)]
    result = scores(gold, predicted, QUAD_NAMES)
    return {"dataset": "conflibert_cameo_train", "folds": folds, **result}


def quad_cv(feats: Features, folds: int, cfg: TrainConfig = QUAD_CONFIG, seed: int = 0) -> dict[str, Any]:
    """Quad scores under ``folds``-fold CV over ``feats``, folds by each example's ``group``."""
    _check_folds(folds)
    fold = fold_ids(feats.examples, folds, seed)
    gold: list[str] = []
    predicted: list[str] = []
    for k in range(folds):
        train, test = _split(feats, fold == k)
        probs = train_quad_head(train, cfg).predict_proba(test.dense, test.sparse)
        gold += [QUAD_NAMES[e.quad] for e in test.examples]
        predicted += [QUAD_NAMES[i] for i in probs.argmax(axis=1)]
    return scores(gold, predicted, QUAD_NAMES)


def conflibert_split(root: Path, cache_dir: Path | None = None,
                     limit: int | None = None) -> tuple[Features, HeldOutSplit]:
    """ConfliBERT's sentences featurized, each ``group`` its near-duplicate group, and the held-out split."""
    examples = load_conflibert(root)
    feats = featurize(examples[:max(limit, 50)] if limit else examples, cache_dir)
    texts = [e.text for e in feats.examples]
    groups = near_duplicate_groups(texts, extra_pairs=similar_vector_pairs(feats.dense))
    grouped = tuple(replace(e, group=f"nd:{g}") for e, g in zip(feats.examples, groups, strict=True))
    feats = Features(grouped, feats.dense, feats.sparse)
    return feats, split_by_group(groups, [e.quad for e in grouped])


def _duplicate_counts(feats: Features) -> dict[str, int]:
    sizes = Counter(e.group for e in feats.examples)
    multi = [n for n in sizes.values() if n > 1]
    return {"sentences": len(feats.examples), "groups": len(sizes), "groups_with_duplicates": len(multi),
            "sentences_in_duplicate_groups": sum(multi)}


def evaluate_conflibert_heldout(root: Path, folds: int = 5, cache_dir: Path | None = None,
                                limit: int | None = None, cfg: TrainConfig = QUAD_CONFIG) -> dict[str, Any]:
    """The quad head fitted on the train part only and scored on the de-duplicated held-out part.

    Also: ``group_cv``, CV over the whole file with folds by near-duplicate group, and ``train_cv``, the same
    within the train part (the only figure settings may be chosen on). ``limit`` keeps the first
    ``max(limit, 50)`` sentences.
    """
    feats, split = conflibert_split(root, cache_dir, limit)
    train, test = feats.subset(list(split.train)), feats.subset(list(split.held_out))
    probs = train_quad_head(train, cfg).predict_proba(test.dense, test.sparse)
    held_out = scores([QUAD_NAMES[e.quad] for e in test.examples],
                      [QUAD_NAMES[i] for i in probs.argmax(axis=1)], QUAD_NAMES)
    return {"dataset": "conflibert_cameo_heldout", "folds": folds, "held_out": held_out,
            "group_cv": quad_cv(feats, folds, cfg), "train_cv": quad_cv(train, folds, cfg),
            "near_duplicates": {**_duplicate_counts(feats), "dropped_from_held_out": len(split.dropped)},
            "train_sentences": len(split.train)}


def _type_predictions(train: Features, test: Features) -> list[str]:
    probs = train_type_head(train).predict_proba(test.dense, test.sparse)
    return [TYPE_LABELS[i] for i in probs.argmax(axis=1)]


def _type_examples(root: Path, folds: int, limit: int | None) -> list[Example]:
    """What the type head learns from (ConfliBERT has no types); ``limit`` shrinks it for quick runs."""
    plover, ngec = load_plover_dev(root), load_ngec(root)
    if limit:
        plover, ngec = plover[:max(limit, 2 * folds)], ngec[:max(20 * limit, 400)]
    return ngec + load_team_examples() + plover


def evaluate_plover(root: Path, folds: int = 5, cache_dir: Path | None = None,
                    limit: int | None = None) -> dict[str, Any]:
    """Event-type accuracy on ``plover_gsr_dev.jsonl``: held out entirely, and under ``folds``-fold CV.

    ``limit`` (for quick runs) keeps the first ``max(limit, 2 * folds)`` PLOVER sentences and fewer NGEC ones.
    """
    _check_folds(folds)
    feats = featurize(_type_examples(root, folds, limit), cache_dir)
    is_pl = np.array([e.corpus == "plover" for e in feats.examples])
    train, test = _split(feats, is_pl)
    gold = [e.label for e in test.examples]
    held_out = scores(gold, _type_predictions(train, test), TYPE_LABELS)
    fold = fold_ids(feats.examples, folds)
    cv_gold: list[str] = []
    cv_pred: list[str] = []
    for k in range(folds):
        train, test = _split(feats, is_pl & (fold == k))
        cv_gold += [e.label for e in test.examples]
        cv_pred += _type_predictions(train, test)
    cv = scores(cv_gold, cv_pred, TYPE_LABELS)
    return {"dataset": "plover_gsr_dev", "folds": folds, "held_out": held_out, "cv": cv}
