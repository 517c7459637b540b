"""The classifier's evaluation datasets for ``thucydides eval`` (registered by ``thucydides.commands.train``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..evaluation.result import EvalResult, Score
from .data import CONFLIBERT_FILE, PLOVER_FILE, eval_dir
from .evaluate import evaluate_conflibert, evaluate_conflibert_heldout, evaluate_plover
from .split import COSINE_THRESHOLD, JACCARD_THRESHOLD

__all__ = ["ConfliBertHeldOut", "ConfliBertQuad", "PloverTypeCV"]


def _confusion(result: dict[str, Any]) -> dict[str, dict[str, int]]:
    labels = result["labels"]
    return {g: {p: n for p, n in zip(labels, row, strict=True) if n}
            for g, row in zip(labels, result["confusion"], strict=True) if any(row)}


def _score(name: str, result: dict[str, Any]) -> Score:
    return Score(name, result["n"], {"accuracy": result["accuracy"], "macro_f1": result["macro_f1"]})


class ConfliBertQuad:
    """ConfliBERT CAMEO quad classes: macro-F1 of the learned quad head under 5-fold cross-validation."""

    name = "conflibert_cameo_train"
    description = "ConfliBERT CAMEO sentences: quad-class macro-F1 of the learned classifier, 5-fold CV"

    def available(self, root: Path) -> bool:
        return (eval_dir(root) / CONFLIBERT_FILE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        result = evaluate_conflibert(root, folds=5, limit=limit)
        notes = ["the quad head is retrained on the other 4 folds for each test fold"]
        return EvalResult(self.name, [_score("quad_class", result)], notes, _confusion(result))


def _held_out_notes(result: dict[str, Any]) -> list[str]:
    dup = result["near_duplicates"]
    return [(f"near duplicates (word 3-shingle Jaccard >= {JACCARD_THRESHOLD} or MiniLM cosine >= "
             f"{COSINE_THRESHOLD}, union-find): {dup['groups_with_duplicates']} groups of "
             f"{dup['sentences_in_duplicate_groups']} sentences; {dup['dropped_from_held_out']} dropped from "
             "the held-out part (one sentence per group kept)"),
            f"held out: {result['held_out']['n']} sentences; fitted on {result['train_sentences']}",
            ("group_cv: 5-fold CV over the whole file, folds by group; train_cv: the same within the train "
             "part only (settings are chosen on it, never on the held-out part)")]


class ConfliBertHeldOut:
    """ConfliBERT CAMEO quad classes on a held-out 20 % split by near-duplicate group (see :mod:`.split`)."""

    name = "conflibert_cameo_heldout"
    description = ("ConfliBERT CAMEO sentences: quad macro-F1 of the classifier fitted on 80 % of the file, "
                   "scored on the other 20 % (near duplicates kept on one side)")

    def available(self, root: Path) -> bool:
        return (eval_dir(root) / CONFLIBERT_FILE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        result = evaluate_conflibert_heldout(root, folds=5, limit=limit)
        scores = [_score("quad_held_out", result["held_out"]), _score("quad_group_cv", result["group_cv"]),
                  _score("quad_train_cv", result["train_cv"])]
        scores += [Score(f"{name}_per_class", result[name]["n"], result[name]["per_label_f1"])
                   for name in ("held_out", "group_cv")]
        notes = _held_out_notes(result)
        return EvalResult(self.name, scores, notes, _confusion(result["held_out"]))


class PloverTypeCV:
    """PLOVER GSR dev: event-type accuracy of the learned classifier alone (held out, and 5-fold CV)."""

    name = "plover_gsr_dev_classifier"
    description = "PLOVER GSR dev: event-type accuracy of the learned classifier alone, held out and 5-fold CV"

    def available(self, root: Path) -> bool:
        return (eval_dir(root) / PLOVER_FILE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        result = evaluate_plover(root, folds=5, limit=limit)
        scores = [_score("event_type_held_out", result["held_out"]), _score("event_type_cv", result["cv"])]
        notes = ["held_out: trained without any PLOVER sentence; cv: the other 4 folds join the training data"]
        return EvalResult(self.name, scores, notes, _confusion(result["cv"]))
