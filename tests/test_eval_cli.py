"""The ``thucydides eval`` command on a toy dataset registered in place of the real ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.commands.evaluate import eval_command
from thucydides.evaluation import EvalResult, Score


class Counting:
    name = "counting"
    description = "counts the lines of counting.txt"

    def available(self, root: Path) -> bool:
        return (root / "counting.txt").is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        lines = (root / "counting.txt").read_text(encoding="utf-8").splitlines()[:limit]
        hits = sum(1 for line in lines if line.startswith("ok"))
        return EvalResult(self.name, [Score("lines", len(lines), {"accuracy": hits / len(lines)})], [],
                          {"ok": {"ok": hits}, "bad": {"ok": len(lines) - hits}})


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from thucydides.evaluation import registry

    monkeypatch.setattr(registry, "get_datasets", lambda: {"counting": Counting()})
    (tmp_path / "counting.txt").write_text("ok 1\nok 2\nbad 3\nok 4\n", encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(eval_command, list(args), standalone_mode=False)
    if result.exception is not None:
        raise result.exception
    return int(result.return_value or 0), result.output


def test_table_json_limit_and_confusion(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    rc, text = run("--data", str(data), "--limit", "2", "--json", str(out), "--confusion")
    assert rc == 0 and "counting" in text and "accuracy=1.000" in text and "rows gold" in text
    assert json.loads(out.read_text())["figures"]["counting/lines/accuracy"] == 1.0


def test_missing_dataset_is_a_note_not_an_error(tmp_path: Path, data: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    rc, text = run("--data", str(empty), "--dataset", "counting")
    assert rc == 0 and "skipped: counting: not found" in text


def test_floors_pass_and_fail(data: Path, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"counting/lines/accuracy": 0.70}}), encoding="utf-8")
    assert run("--data", str(data), "--check-floors", str(floors))[0] == 0
    floors.write_text(json.dumps({"floors": {"counting/lines/accuracy": 0.80}}), encoding="utf-8")
    rc, text = run("--data", str(data), "--check-floors", str(floors))
    assert rc == 1 and "floors: 1 failed" in text


def test_dataset_names_may_be_comma_separated(data: Path) -> None:
    from thucydides.errors import InvalidValue

    assert "counting" in run("--data", str(data), "--dataset", "counting,")[1]
    with pytest.raises(InvalidValue):
        run("--data", str(data), "--dataset", "counting,nosuch")


def test_a_failed_dataset_makes_the_command_exit_1(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.evaluation import registry

    class Failing(Counting):
        name = "failing"

        def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
            raise KeyError("text")

    monkeypatch.setattr(registry, "get_datasets", lambda: {"counting": Counting(), "failing": Failing()})
    rc, text = run("--data", str(data))
    assert rc == 1 and "FAILED: failing: KeyError" in text and "counting" in text


def test_list_shows_registered_datasets(data: Path) -> None:
    assert "counting  counts the lines" in run("--list")[1]


def test_bad_floors_file_exits_2_with_one_line(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from thucydides.cli import main

    floors = tmp_path / "floors.json"
    floors.write_text("{oops", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "--data", str(data), "--check-floors", str(floors)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "E007" in err[0]


def test_unknown_dataset_exits_2(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from thucydides.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["eval", "--data", str(data), "--dataset", "nosuch"])
    assert exit_.value.code == 2 and "counting" in capsys.readouterr().err


class Broken(Counting):
    """A dataset whose code needs a library function that has been renamed."""

    name = "broken"

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        from thucydides.evaluation.common import library_function

        library_function("stages.status", "no_such_function")
        return super().evaluate(root, limit)


def test_a_dataset_whose_code_cannot_load_fails_loudly(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.evaluation import registry

    monkeypatch.setattr(registry, "get_datasets", lambda: {"counting": Counting(), "broken": Broken()})
    rc, text = run("--data", str(data))
    assert rc == 1 and "broken: DatasetCodeError" in text and "no_such_function" in text
    assert "skipped: broken" not in text


def test_a_floor_of_a_figure_not_measured_fails_the_check(data: Path, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"counting/lines/accuracy": 0.70, "counting/renamed/f1": 0.1}}),
                      encoding="utf-8")
    rc, text = run("--data", str(data), "--check-floors", str(floors))
    assert rc == 1 and "floors: 1 failed" in text
    rc, text = run("--data", str(data), "--dataset", "counting", "--check-floors", str(floors))
    assert rc == 1


def test_run_evaluation_reports_its_total_first_then_each_dataset_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.evaluation import registry

    class Other(Counting):
        name = "other"

    monkeypatch.setattr(registry, "get_datasets", lambda: {"counting": Counting(), "other": Other()})
    (tmp_path / "counting.txt").write_text("ok 1\nbad 2\n", encoding="utf-8")
    told: list[tuple[int, int]] = []
    report = registry.run_evaluation(tmp_path, progress=lambda done, total: told.append((done, total)))
    assert told == [(0, 2), (1, 2), (2, 2)] and len(report.results) == 2  # the bar's total from the start
    told.clear()
    registry.run_evaluation(tmp_path, ["other"], progress=lambda done, total: told.append((done, total)))
    assert told == [(0, 1), (1, 1)]


def test_eval_draws_its_bar_on_a_terminal_only(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the bar counts the datasets (done out of the total); off one nothing is drawn and the
    table is the whole output."""
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    code, output = run("--data", str(data))
    assert code == 0 and "━" not in output and "datasets" not in output
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    assert eval_command.callback is not None
    eval_command.callback(datasets=(), data=data, json_out=None, confusion=False, limit=None, floors=None,
                          list_only=False)
    assert "datasets" in screen.getvalue() and "1/1" in screen.getvalue()
