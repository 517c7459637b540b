"""The training recipe's data choices: which gold documents are lines, validation, and repeated."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from thucydides.extractor.recipe import (
    TEAM_FILES,
    TRAIN_FILES,
    VALIDATION_FROM,
    _repeated,
    split_training,
    training_files,
)


def _example(doc_id: str) -> SimpleNamespace:
    return SimpleNamespace(unit=SimpleNamespace(doc_id=doc_id))


def test_only_sentences_of_whole_documents_are_repeated() -> None:
    examples = [_example("wce-2022-03-01-4"), _example("off-12"), _example("team-c-07"), _example("wce-9")]
    ids = [e.unit.doc_id for e in _repeated(examples, 3)]
    assert ids.count("off-12") == 3 and ids.count("team-c-07") == 3
    assert ids.count("wce-2022-03-01-4") == 1 and ids.count("wce-9") == 1
    assert ids[:4] == [e.unit.doc_id for e in examples]


def test_once_means_the_examples_as_they_are() -> None:
    examples = [_example("off-1"), _example("wce-1")]
    assert _repeated(examples, 1) == examples


def test_validation_is_the_late_lines_never_a_document() -> None:
    late, early = VALIDATION_FROM, "2022-01-03"
    docs = [{"id": "wce-a", "published": late}, {"id": "wce-b", "published": early},
            {"id": "off-c", "published": late}, {"id": "team-d-1", "published": late}]
    fit, validation = split_training(docs)
    assert [d["id"] for d in validation] == ["wce-a"]
    assert [d["id"] for d in fit] == ["wce-b", "off-c", "team-d-1"]


def test_training_reads_the_named_team_files_only(tmp_path: Path) -> None:
    shared, team = tmp_path / "shared", tmp_path / "team"
    (shared / "train").mkdir(parents=True)
    team.mkdir()
    (shared / "train" / TRAIN_FILES[0]).write_text("", encoding="utf-8")
    for name in (*TEAM_FILES, "z.train.jsonl", "a.dev.jsonl"):
        (team / name).write_text("", encoding="utf-8")
    files = training_files(shared, team)
    assert files == [shared / "train" / TRAIN_FILES[0], *(team / n for n in TEAM_FILES)]
    assert training_files(shared, None) == [shared / "train" / TRAIN_FILES[0]]
