"""Table, JSON, floors and the registry run, on hand-built results and a toy dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.errors import InputError, InvalidValue
from thucydides.evaluation import (
    Counts,
    EvalReport,
    EvalResult,
    Score,
    check_floors,
    format_confusion,
    format_table,
    load_floors,
    pearson,
    prf,
    report_to_dict,
)


def sample_report() -> EvalReport:
    result = EvalResult("toyset", [Score("events", 12, {"precision": 0.5, "recall": 0.25, "f1": 1 / 3}),
                                   Score("strength", 40, {"pearson_r": 0.61, "mae": 1.2})],
                        ["a note"], {"AGREE": {"AGREE": 3, "REJECT": 1}, "REJECT": {"REJECT": 2}})
    return EvalReport(Path("/nowhere"), [result], ["other: not found"])


def test_prf_and_counts() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    c = Counts()
    c.add_multisets(["a", "a", "b"], ["a", "c"])
    assert (c.tp, c.fp, c.fn) == (1, 1, 2)
    assert c.score("x").figures["precision"] == 0.5


def test_pearson_of_linear_and_constant_series() -> None:
    assert pearson([1.0, 2.0, 3.0], [2.0, 4.0, 6.5]) == pytest.approx(0.9986, abs=1e-3)
    assert pearson([1.0, 1.0], [0.0, 3.0]) == 0.0


def test_table_is_aligned_and_lists_notes_and_skips() -> None:
    lines = format_table(sample_report()).splitlines()
    assert lines[0].split() == ["dataset", "score", "n", "P", "R", "F1", "other", "figures"]
    assert "0.500" in lines[2] and "0.333" in lines[2]
    assert "pearson_r=0.610" in lines[3] and "mae=1.200" in lines[3]
    assert lines[0].index("F1") + 2 == lines[2].index("0.333") + 5
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert "note: toyset: a note" in lines and "skipped: other: not found" in lines


def test_confusion_matrix_rows_are_gold_labels() -> None:
    text = format_confusion(sample_report().results[0])
    agree_row = next(line for line in text.splitlines() if line.startswith("AGREE"))
    assert agree_row.split()[1:] == ["3", "1"]
    assert format_confusion(EvalResult("x")) == ""


def test_json_dump_has_flat_figures() -> None:
    d = report_to_dict(sample_report())
    assert d["figures"]["toyset/events/f1"] == pytest.approx(1 / 3)
    assert d["figures"]["toyset/strength/n"] == 40
    json.dumps(d)


def test_floors_and_ceilings(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"toyset/events/f1": 0.3, "toyset/strength/pearson_r": 0.7,
                                           "gone/x/f1": 0.1},
                                "ceilings": {"toyset/strength/mae": 1.5}}), encoding="utf-8")
    failures, not_selected = check_floors(sample_report().figures(), load_floors(path), ["toyset"])
    assert len(failures) == 1 and failures[0].startswith("toyset/strength/pearson_r")
    assert not_selected == ["gone/x/f1"]


def test_a_floor_whose_figure_was_not_measured_fails(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"toyset/events/f1": 0.3, "gone/x/f1": 0.1},
                                "ceilings": {"toyset/renamed/mae": 1.5}}), encoding="utf-8")
    failures, not_selected = check_floors(sample_report().figures(), load_floors(path))
    assert not_selected == []
    assert sorted(f.split()[0] for f in failures) == ["gone/x/f1", "toyset/renamed/mae"]
    assert all("was not measured" in f for f in failures)


@pytest.mark.parametrize("content, code", [("{not json", "E007"), ('{"floors": {"a": "high"}}', "E007"),
                                           ('{"other": 1}', "E010"), (b"\xff\xfe\x00", "E004")])
def test_bad_floors_files_are_one_line_errors(tmp_path: Path, content: str | bytes, code: str) -> None:
    path = tmp_path / "floors.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InputError) as err:
        load_floors(path)
    assert err.value.code == code


def test_missing_floors_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_floors(tmp_path / "absent.json")
    assert err.value.code == "E002"


class ToySet:
    name = "toyset"
    description = "a toy"

    def available(self, root: Path) -> bool:
        return (root / "toy.txt").is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        lines = (root / "toy.txt").read_text().split()[:limit]
        return EvalResult(self.name, [Score("words", len(lines), {"accuracy": 1.0})])


def test_run_evaluation_selects_skips_and_rejects_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.evaluation import registry

    monkeypatch.setattr(registry, "get_datasets", lambda: {"toyset": ToySet(), "other": ToySet()})
    report = registry.run_evaluation(tmp_path, ["toyset"])
    assert report.results == [] and report.skipped[0].startswith("toyset: not found")
    (tmp_path / "toy.txt").write_text("a b c d")
    report = registry.run_evaluation(tmp_path, [], limit=2)
    assert [r.scores[0].n for r in report.results] == [2, 2]
    with pytest.raises(InvalidValue):
        registry.run_evaluation(tmp_path, ["nosuch"])


class OldStyle:
    name = "oldstyle"
    description = "evaluate(root) without a limit parameter"

    def available(self, root: Path) -> bool:
        return True

    def evaluate(self, root: Path) -> EvalResult:
        return EvalResult(self.name, [Score("x", 1, {"accuracy": 0.5})])


def test_datasets_without_a_limit_parameter_still_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.evaluation import registry

    monkeypatch.setattr(registry, "get_datasets", lambda: {"oldstyle": OldStyle()})
    assert registry.run_evaluation(tmp_path, [], limit=3).figures()["oldstyle/x/accuracy"] == 0.5


class Broken:
    name = "broken"
    description = "raises"

    def available(self, root: Path) -> bool:
        return True

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        raise ZeroDivisionError("no items")


def test_a_crashing_dataset_is_reported_and_the_others_still_run(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.evaluation import registry

    monkeypatch.setattr(registry, "get_datasets", lambda: {"broken": Broken(), "oldstyle": OldStyle()})
    report = registry.run_evaluation(tmp_path)
    assert report.failed == ["broken: ZeroDivisionError: no items"] and len(report.results) == 1
    assert "FAILED: broken: ZeroDivisionError: no items" in format_table(report)
    assert report_to_dict(report)["failed"] == report.failed


def test_guard_turns_item_errors_into_default_predictions() -> None:
    from thucydides.evaluation.common import Guard

    guard = Guard()
    assert [guard(-1, lambda x: 10 // x, x) for x in (5, 0, 2, 0)] == [2, -1, 5, -1]
    assert guard.errors == 2 and "ZeroDivisionError" in guard.notes()[0]
    assert Guard().notes() == []
