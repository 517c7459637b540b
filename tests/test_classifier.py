"""The shipped classifier on sentences written for these tests (varied wording, actors and places)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from thucydides.classifier import EventClassifier, evaluate_conflibert
from thucydides.classifier.embed import get_embedder
from thucydides.cli import cli, main
from thucydides.errors import DataError, InputError

CASES = [
    ("Insurgents fired mortar rounds at an army outpost near Gao, killing two soldiers.", "ASSAULT"),
    ("Warplanes bombed a fuel depot outside the port city at dawn.", "ASSAULT"),
    ("The prime ministers of Greece and Cyprus held talks in Nicosia on Friday.", "CONSULT"),
    ("Tens of thousands of demonstrators rallied in Tbilisi against the new law.", "PROTEST"),
    ("Japan will send emergency food supplies and tents to flood victims in Pakistan.", "AID"),
    ("The rebels released forty captured soldiers under the deal.", "RETREAT"),
    ("Seoul accused Pyongyang of hacking its nuclear plant operator.", "ACCUSE"),
    ("The council imposed a travel ban and an asset freeze on the junta's leaders.", "SANCTION"),
]
QUADS = [
    ("Paratroopers stormed the rebel stronghold and killed a dozen fighters.", "MATERIAL_CONFLICT"),
    ("The two foreign ministers discussed bilateral ties during a visit to Hanoi.", "VERBAL_COOPERATION"),
]


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.load()


def test_load_is_cached(clf: EventClassifier) -> None:
    assert EventClassifier.load() is clf
    assert "NONE" in clf.types and len(clf.types) == 17


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_expected_type_is_among_the_top_three(clf: EventClassifier, sentence: str, expected: str) -> None:
    probs = clf.predict([sentence])[0]
    assert abs(sum(probs.values()) - 1.0) < 1e-4
    ranked = sorted(probs, key=lambda k: -probs[k])
    assert expected in ranked[:3], [(k, round(probs[k], 2)) for k in ranked[:3]]


def test_most_top_types_are_right(clf: EventClassifier) -> None:
    predicted = [max(p, key=lambda k: p[k]) for p in clf.predict([s for s, _ in CASES])]
    right = sum(p == e for p, (_, e) in zip(predicted, CASES, strict=True))
    assert right >= len(CASES) - 1, predicted


@pytest.mark.parametrize(("sentence", "expected"), QUADS)
def test_top_quad(clf: EventClassifier, sentence: str, expected: str) -> None:
    probs = clf.predict_quad([sentence])[0]
    assert max(probs, key=lambda k: probs[k]) == expected


def test_batches_agree_with_single_sentences(clf: EventClassifier) -> None:
    sentences = [s for s, _ in CASES] + ["", "   "]
    together = clf.predict_both(sentences, batch_size=3)
    assert len(together) == len(sentences)
    for sentence, (types, quads) in zip(sentences, together, strict=True):
        alone = clf.predict([sentence])[0]
        assert all(abs(alone[k] - types[k]) < 1e-4 for k in alone)
        assert abs(sum(quads.values()) - 1.0) < 1e-4


def test_bad_calls(clf: EventClassifier, tmp_path: Path) -> None:
    assert clf.predict([]) == [] and clf.predict_quad([]) == []
    with pytest.raises(InputError, match="E001"):
        clf.predict("one string, not a list")
    with pytest.raises(DataError, match="E011"):
        EventClassifier.load(tmp_path)


def test_embeddings_are_unit_vectors_in_input_order() -> None:
    texts = ["A long sentence about artillery shelling the northern suburbs of the city overnight.", "Talks.",
             "Shelling hit the northern suburbs overnight."]
    vectors = get_embedder().embed(texts, batch_size=2)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ vectors[2]) > float(vectors[1] @ vectors[2])


def test_classify_command() -> None:
    result = CliRunner().invoke(cli, ["classify", "--top", "2", CASES[0][0]])
    assert result.exit_code == 0, result.output
    fields = result.output.strip().split("\t")
    assert fields[0] == CASES[0][0] and fields[1] == "MATERIAL_CONFLICT" and fields[2].startswith("ASSAULT:")
    result = CliRunner().invoke(cli, ["classify", "--json", CASES[2][0]])
    row = json.loads(result.output)
    assert set(row) == {"text", "types", "quads"} and max(row["types"], key=row["types"].get) == "CONSULT"


def test_train_command_with_a_missing_folder_is_a_one_line_error(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: [E002]") and "\n" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.shared
def test_conflibert_cross_validation_runs(shared_dir: Path) -> None:
    result = evaluate_conflibert(shared_dir, folds=2)
    assert result["n"] == 1349 and result["folds"] == 2
    assert 0.6 < result["macro_f1"] <= 1.0


def test_train_all_on_a_tiny_data_folder_is_reproducible(tmp_path: Path) -> None:
    from test_classifier_units import _write_fake_shared
    from thucydides.classifier import train_all

    _write_fake_shared(tmp_path / "shared")
    first = train_all(tmp_path / "shared", tmp_path / "a", tmp_path / "cache")
    second = train_all(tmp_path / "shared" / "eval", tmp_path / "b", tmp_path / "cache")
    assert set(first) == {"type", "quad", "meta"}
    for role in ("type", "quad"):
        with np.load(first[role]) as a, np.load(second[role]) as b:
            assert all(np.array_equal(a[k], b[k]) for k in a.files)
    meta = json.loads(first["meta"].read_text())
    assert meta["training_examples"]["conflibert"] == 2 and meta["training_examples"]["plover"] == 1
    tiny = EventClassifier.load(tmp_path / "a")
    assert len(tiny.predict(["Crowds marched in Quito."])[0]) == 17
