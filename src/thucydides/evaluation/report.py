"""Presenting a run: the plain-text table, confusion matrices, the JSON dump and the floors check."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from .registry import EvalReport
from .result import EvalResult

__all__ = ["Floors", "check_floors", "format_confusion", "format_table", "load_floors", "report_to_dict"]

PRF = ("precision", "recall", "f1")
HEADER = ("dataset", "score", "n", "P", "R", "F1", "other figures")


def _cell(figures: dict[str, float], key: str) -> str:
    return f"{figures[key]:.3f}" if key in figures else ""


def _rows(result: EvalResult) -> list[tuple[str, ...]]:
    rows = []
    for s in result.scores:
        other = "  ".join(f"{k}={v:.3f}" for k, v in s.figures.items() if k not in PRF)
        rows.append((result.dataset, s.name, str(s.n), *(_cell(s.figures, k) for k in PRF), other))
    return rows


def format_table(report: EvalReport) -> str:
    """One aligned plain-text table of every score, then the notes and skipped datasets."""
    rows = [HEADER] + [row for r in report.results for row in _rows(r)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    numeric = {2, 3, 4, 5}
    lines = ["  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths,
             strict=True))).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"note: {r.dataset}: {n}" for r in report.results for n in r.notes]
    notes += [f"skipped: {s}" for s in report.skipped]
    notes += [f"FAILED: {s}" for s in report.failed]
    return "\n".join(lines + ([""] + notes if notes else []))


def format_confusion(result: EvalResult) -> str:
    """The confusion matrix of one result (rows: gold, columns: predicted), or ``""`` when it has none."""
    if not result.confusion:
        return ""
    gold = sorted(result.confusion)
    pred = sorted({p for row in result.confusion.values() for p in row} | set(gold))
    width = max(len(g) for g in gold)
    head = " " * width + " " + " ".join(p[:4].rjust(4) for p in pred)
    lines = [f"{result.dataset}: confusion (rows gold, columns predicted, first 4 letters)", head]
    for g in gold:
        row = result.confusion[g]
        lines.append(g.ljust(width) + " " + " ".join(str(row.get(p, 0) or ".").rjust(4) for p in pred))
    return "\n".join(lines)


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """Everything a run measured, for ``--json``."""
    return {
        "data": str(report.root),
        "figures": report.figures(),
        "results": [{"dataset": r.dataset, "notes": r.notes, "confusion": r.confusion,
                     "scores": [{"name": s.name, "n": s.n, "figures": s.figures} for s in r.scores]}
                    for r in report.results],
        "skipped": report.skipped,
        "failed": report.failed,
    }


Floors = dict[str, dict[str, float]]


def _numbers(path: Path, data: dict[str, Any], key: str) -> dict[str, float]:
    section = data.get(key, {})
    if not isinstance(section, dict):
        raise InputError("E007", f"{path}: {key!r} must be an object of figure names to numbers")
    for name, value in section.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise InputError("E007", f"{path}: {key}.{name} is not a number: {value!r}")
    return {str(k): float(v) for k, v in section.items()}


def load_floors(path: Path) -> Floors:
    """Read a floors file: ``{"floors": {figure: min}, "ceilings": {figure: max}}`` (keys ``dataset/score/figure``).

    Raises:
        InputError: (E002) missing, (E004) not UTF-8, (E007) malformed, (E010) neither section present.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("E002", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("E003", f"{path}: is a directory") from None
    except UnicodeDecodeError:
        raise InputError("E004", f"{path}: not valid UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError("E007", f"{path}: malformed JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or not ({"floors", "ceilings"} & set(data)):
        raise InputError("E010", f"{path}: expected an object with 'floors' and/or 'ceilings'")
    return {"floors": _numbers(path, data, "floors"), "ceilings": _numbers(path, data, "ceilings")}


def check_floors(figures: dict[str, float], floors: Floors,
                 selected: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """Compare measured figures with floors (minimums) and ceilings (maximums, e.g. for an error).

    A bounded figure of a dataset the run evaluated (every dataset when ``selected`` is empty) that was not
    measured fails: its dataset was skipped, failed or stopped reporting it, and a figure must not go
    silently unmeasured. Figures of datasets left out by ``selected`` are only listed.

    Returns:
        ``(failures, not_selected)``: one line per figure out of bounds or unmeasured, and the names of
        bounded figures whose dataset was not selected.
    """
    failures: list[str] = []
    not_selected: list[str] = []
    for kind, bounds in (("floor", floors.get("floors", {})), ("ceiling", floors.get("ceilings", {}))):
        for name, bound in sorted(bounds.items()):
            if name not in figures and selected and name.split("/", 1)[0] not in selected:
                not_selected.append(name)
            elif name not in figures:
                failures.append(f"{name} was not measured (its {kind} is {bound:.4f})")
            elif (figures[name] < bound) if kind == "floor" else (figures[name] > bound):
                failures.append(f"{name} = {figures[name]:.4f} is {'below' if kind == 'floor' else 'above'} "
                                f"its {kind} {bound:.4f}")
    return failures, not_selected
