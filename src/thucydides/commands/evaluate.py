"""``thucydides eval``: score the pipeline on the public gold data and print one table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..plugins import hookimpl
from .progress import ProgressBar

__all__ = ["eval_command", "register_commands"]


def _write_json(path: Path, data: dict[str, Any]) -> None:
    from ..errors import InputError

    try:
        path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError("E002", f"{path}: cannot write ({exc.strerror})") from None


def _floors_outcome(figures: dict[str, float], floors_path: Path, selected: list[str]) -> int:
    from ..evaluation import check_floors, load_floors

    failures, not_selected = check_floors(figures, load_floors(floors_path), selected)
    for name in not_selected:
        click.echo(f"floor not checked (its dataset was not selected): {name}")
    for line in failures:
        click.echo(f"FLOOR FAILED: {line}", err=True)
    click.echo(f"floors: {len(failures)} failed" if failures else "floors: all met")
    return 1 if failures else 0


@click.command("eval")
@click.option("--dataset", "datasets", multiple=True, metavar="NAME",
              help="Evaluate only this dataset (repeatable, or comma-separated); default: every dataset found.")
@click.option("--data", type=click.Path(path_type=Path, file_okay=False),
              help="The eval data folder (default: ../shared/eval).")
@click.option("--json", "json_out", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write every figure to this JSON file.")
@click.option("--confusion", is_flag=True, help="Print confusion matrices (event types) where they apply.")
@click.option("--limit", type=click.IntRange(min=1), help="Use at most N items of each dataset (quick runs).")
@click.option("--check-floors", "floors", type=click.Path(path_type=Path, dir_okay=False),
              help="Fail (exit 1) when a figure falls below its floor in this JSON file.")
@click.option("--list", "list_only", is_flag=True, help="List the registered datasets and exit.")
def eval_command(datasets: tuple[str, ...], data: Path | None, json_out: Path | None, confusion: bool,
                 limit: int | None, floors: Path | None, list_only: bool) -> int:
    """Score the pipeline on the gold datasets and print precision, recall, F1 and per-set figures."""
    from ..evaluation import format_confusion, format_table, report_to_dict, run_evaluation
    from ..evaluation.registry import get_datasets

    if list_only:
        for name, ds in get_datasets().items():
            click.echo(f"{name}  {ds.description}")
        return 0
    names = [n.strip() for d in datasets for n in d.split(",") if n.strip()]
    with ProgressBar(True, None, "datasets") as bar:
        report = run_evaluation(data, names, limit, progress=lambda done, total: _advance(bar, done, total))
    click.echo(format_table(report))
    if confusion:
        for text in filter(None, (format_confusion(r) for r in report.results)):
            click.echo("\n" + text)
    if json_out is not None:
        _write_json(json_out, report_to_dict(report))
    outcome = _floors_outcome(report.figures(), floors, names) if floors is not None else 0
    return 1 if report.failed else outcome


def _advance(bar: ProgressBar, done: int, total: int) -> None:
    bar.total = total
    bar.update(done)


@hookimpl
def register_commands(cli: Any) -> None:
    cli.add_command(eval_command)
