"""Unit tests of the classifier parts on hand-built inputs: n-gram hashing, the numpy head, data loaders."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from thucydides.classifier.data import load_conflibert, load_ngec, load_plover_dev, load_team_examples
from thucydides.classifier.features import HASH_DIM, ngram_features
from thucydides.classifier.head import Head, TrainConfig, fit_head
from thucydides.classifier.labels import PLOVER_QUAD, QUAD_NAMES, TYPE_LABELS, quad_of
from thucydides.errors import DataError, InputError


def _dense(rows: object) -> np.ndarray:
    from thucydides.classifier.features import SparseRows

    assert isinstance(rows, SparseRows)
    out = np.zeros((rows.n_rows, HASH_DIM), dtype=np.float32)
    out[rows.row_ids, rows.cols] = rows.vals
    return out


def test_ngram_rows_are_unit_length_stable_and_share_words() -> None:
    texts = ["Troops shelled the town.", "troops SHELLED the town", "", "The talks resumed in Oslo."]
    rows = ngram_features(texts)
    dense = _dense(rows)
    assert np.allclose(np.linalg.norm(dense, axis=1), 1.0, atol=1e-5)
    assert np.allclose(dense[0], dense[1])          # case and punctuation do not matter
    assert dense[2].sum() > 0                       # an empty text still has its start feature
    assert float(dense[0] @ dense[3]) < float(dense[0] @ dense[1])
    again = ngram_features(texts)
    assert np.array_equal(rows.cols, again.cols) and np.array_equal(rows.vals, again.vals)


def test_sparse_products_match_dense_algebra() -> None:
    rows = ngram_features(["a drone hit the depot", "ministers met in Rome", "a drone hit a bridge"])
    rng = np.random.default_rng(1)
    weights = rng.standard_normal((HASH_DIM, 4)).astype(np.float32)
    delta = rng.standard_normal((3, 4)).astype(np.float32)
    dense = _dense(rows)
    assert np.allclose(rows.dot(weights), dense @ weights, atol=1e-4)
    assert np.allclose(rows.t_dot(delta, HASH_DIM), dense.T @ delta, atol=1e-4)
    picked = rows.take(np.array([2, 0, 2]))
    assert np.allclose(_dense(picked), dense[[2, 0, 2]])


def _toy_problem() -> tuple[np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((3, 8)).astype(np.float32) * 3
    y = np.repeat(np.arange(3), 40)
    x = (centres[y] + rng.standard_normal((120, 8))).astype(np.float32)
    words = ["alpha", "beta", "gamma"]
    texts = [f"{words[k]} item {i}" for i, k in enumerate(y)]
    return x, y, texts


@pytest.mark.parametrize("hidden", [0, 16])
def test_head_learns_a_separable_problem_and_round_trips(tmp_path: Path, hidden: int) -> None:
    x, y, texts = _toy_problem()
    sparse = ngram_features(texts)
    head = fit_head(x, y, ("a", "b", "c"), None, TrainConfig(hidden=hidden, steps=150), sparse)
    probs = head.predict_proba(x, sparse)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert float(np.mean(probs.argmax(axis=1) == y)) > 0.95
    head.save(tmp_path / "h.npz")
    loaded = Head.load(tmp_path / "h.npz")
    assert loaded.labels == ("a", "b", "c") and loaded.uses_ngrams
    assert np.allclose(loaded.predict_proba(x, sparse), probs, atol=1e-6)


def test_head_training_is_deterministic_and_weights_matter() -> None:
    x, y, texts = _toy_problem()
    sparse = ngram_features(texts)
    cfg = TrainConfig(steps=60)
    a = fit_head(x, y, ("a", "b", "c"), None, cfg, sparse)
    b = fit_head(x, y, ("a", "b", "c"), None, cfg, sparse)
    assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
    weight = np.where(y == 0, 0.0, 1.0).astype(np.float32)   # class "a" never counts
    c = fit_head(x, y, ("a", "b", "c"), weight, cfg, sparse)
    assert float(c.predict_proba(x, sparse)[:, 0].mean()) < float(a.predict_proba(x, sparse)[:, 0].mean())


def test_head_errors(tmp_path: Path) -> None:
    x, y, _ = _toy_problem()
    with pytest.raises(InputError, match="E005"):
        fit_head(x, y, ("a", "b", "c"), None, TrainConfig(steps=5), None)
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file at all")
    with pytest.raises(DataError, match="E011"):
        Head.load(bad)
    head = fit_head(x, y, ("a", "b", "c"), None, TrainConfig(steps=5, ngrams=False))
    Head(("a", "b"), head.params).save(tmp_path / "mismatch.npz")   # 3 outputs, 2 labels
    with pytest.raises(DataError, match="E011"):
        Head.load(tmp_path / "mismatch.npz")


def test_labels() -> None:
    assert len(PLOVER_QUAD) == 16 and TYPE_LABELS[-1] == "NONE" and len(QUAD_NAMES) == 5
    assert quad_of("ASSAULT") == 4 and quad_of("AID") == 2 and quad_of("REJECT") == 3 and quad_of("NONE") == 0


def test_team_examples_cover_every_label() -> None:
    examples = load_team_examples()
    assert {e.label for e in examples} == set(TYPE_LABELS)
    assert all(e.text and e.corpus == "team" and e.quad == quad_of(e.label) for e in examples)


def _write_fake_shared(root: Path) -> None:
    ev = root / "eval"
    (ev / "ngec_synthetic").mkdir(parents=True)
    stories = [{"id": "s1", "label": "PROTEST", "title": "Crowds March in {city}",
                "prompt": "Crowds March in Lima\n\n(AP) --", "text": "Thousands marched in Lima. Police watched."},
               {"id": "s2", "label": "NOT_A_TYPE", "title": "x", "prompt": "x", "text": "Ignored story here."}]
    with gzip.open(ev / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19.jsonl.gz", "wt") as fh:
        fh.write("\n".join(json.dumps(s) for s in stories) + "\n")
    (ev / "conflibert_cameo_train.class.tsv").write_text("Rebels attacked a base.\t4\nThe envoys met.\t1\n")
    (ev / "plover_gsr_dev.jsonl").write_text(json.dumps({"text": "Chad asked Niger for help.",
                                                         "event_2021": "REQUEST"}) + "\n")


def test_loaders_read_the_shared_layout(tmp_path: Path) -> None:
    _write_fake_shared(tmp_path)
    ngec = load_ngec(tmp_path)
    assert [(e.text, e.label) for e in ngec] == [("Crowds March in Lima", "PROTEST"),
                                                 ("Thousands marched in Lima.", "PROTEST")]
    assert ngec[0].group == ngec[1].group                       # one template, one CV group
    assert [(e.quad, e.label) for e in load_conflibert(tmp_path / "eval")] == [(4, ""), (1, "")]
    assert [(e.label, e.quad) for e in load_plover_dev(tmp_path)] == [("REQUEST", 3)]


def test_loaders_reject_bad_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E002"):
        load_conflibert(tmp_path)
    (tmp_path / "conflibert_cameo_train.class.tsv").write_text("no label column here\n")
    with pytest.raises(InputError, match="E007"):
        load_conflibert(tmp_path)
    (tmp_path / "plover_gsr_dev.jsonl").write_text("{not json\n")
    with pytest.raises(InputError, match="E007"):
        load_plover_dev(tmp_path)
    examples = tmp_path / "ex.jsonl"
    examples.write_text(json.dumps({"text": "Something.", "type": "BOMBARD"}) + "\n")
    with pytest.raises(InputError, match="E007"):
        load_team_examples(examples)


def test_eval_datasets_are_registered_and_find_their_files(tmp_path: Path) -> None:
    from thucydides.evaluation import get_datasets

    datasets = get_datasets()
    quad, plover = datasets["conflibert_cameo_train"], datasets["plover_gsr_dev_classifier"]
    held_out = datasets["conflibert_cameo_heldout"]
    assert not quad.available(tmp_path) and not plover.available(tmp_path) and not held_out.available(tmp_path)
    _write_fake_shared(tmp_path)
    assert quad.available(tmp_path / "eval") and plover.available(tmp_path / "eval")
    assert held_out.available(tmp_path)
