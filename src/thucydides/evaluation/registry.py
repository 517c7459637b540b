"""The dataset registry (fed by the ``register_eval_datasets`` plugin hook) and the evaluation run.

A dataset is any object with::

    name: str                      # what --dataset selects
    description: str               # one line for --help and docs
    def available(self, root: Path) -> bool: ...
    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult: ...

``root`` is the eval data folder (``../shared/eval`` or ``--data``). ``evaluate`` may raise
:class:`SkipDataset` when something it needs is missing; the run then notes it and goes on. A dataset
whose ``evaluate`` raises anything else is recorded in :attr:`EvalReport.failed` (and the command exits 1);
a malformed data file (:class:`~thucydides.errors.ThucydidesError`) stops the run with its one-line error.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import InvalidValue, ThucydidesError
from .result import EvalResult

__all__ = ["EvalDataset", "EvalReport", "SkipDataset", "default_data_dir", "get_datasets", "run_evaluation"]


class SkipDataset(Exception):
    """Raised by a dataset's ``evaluate`` when it cannot run here (a file or a library part is missing)."""


@runtime_checkable
class EvalDataset(Protocol):
    """What the ``register_eval_datasets`` hook returns a list of."""

    name: str
    description: str

    def available(self, root: Path) -> bool: ...

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult: ...


@dataclass
class EvalReport:
    """The results of one run, in registry order, and notes on what was skipped."""

    root: Path
    results: list[EvalResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for r in self.results:
            out.update(r.figures())
        return out


def get_datasets() -> dict[str, EvalDataset]:
    """Every registered dataset by name, built-ins first, then plugins in registration order."""
    from ..plugins import get_plugin_manager

    found: dict[str, EvalDataset] = {}
    for batch in reversed(get_plugin_manager().hook.register_eval_datasets()):
        for ds in batch or ():
            found.setdefault(ds.name, ds)
    return found


def default_data_dir() -> Path:
    """``$THUCYDIDES_SHARED/eval``, else ``../shared/eval`` from the working directory or the checkout."""
    env = os.environ.get("THUCYDIDES_SHARED")
    candidates = [Path(env) / "eval"] if env else []
    candidates.append(Path.cwd().parent / "shared" / "eval")
    candidates.append(Path(__file__).resolve().parents[4] / "shared" / "eval")
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[0]


def _evaluate(ds: EvalDataset, root: Path, limit: int | None) -> EvalResult:
    """Call ``ds.evaluate``, passing ``limit`` only to datasets whose ``evaluate`` accepts it."""
    try:
        accepts = "limit" in inspect.signature(ds.evaluate).parameters
    except (TypeError, ValueError):
        accepts = True
    return ds.evaluate(root, limit=limit) if accepts else ds.evaluate(root)


def run_evaluation(root: Path | None = None, names: Sequence[str] = (), limit: int | None = None,
                   progress: Callable[[int, int], None] | None = None) -> EvalReport:
    """Evaluate the selected datasets (all when ``names`` is empty) found under ``root``;
    ``progress(done, total)`` is told before the first dataset (done 0) and after each one.

    Raises:
        InvalidValue: (E001) an unknown dataset name.
    """
    registry = get_datasets()
    for n in names:
        if n not in registry:
            raise InvalidValue("E001", "dataset", n, sorted(registry))
    report = EvalReport(root if root is not None else default_data_dir())
    chosen = [(name, ds) for name, ds in registry.items() if not names or name in names]
    if progress is not None:
        progress(0, len(chosen))
    for done, (name, ds) in enumerate(chosen, start=1):
        _run_one(report, name, ds, limit)
        if progress is not None:
            progress(done, len(chosen))
    return report


def _run_one(report: EvalReport, name: str, ds: EvalDataset, limit: int | None) -> None:
    if not ds.available(report.root):
        report.skipped.append(f"{name}: not found under {report.root}")
        return
    try:
        report.results.append(_evaluate(ds, report.root, limit))
    except SkipDataset as exc:
        report.skipped.append(f"{name}: {exc}")
    except ThucydidesError:
        raise
    except Exception as exc:  # noqa: BLE001 - one broken dataset must not hide the others
        report.failed.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
