"""Progress of long commands: a rich progress bar on a terminal, nothing otherwise.

On a terminal (standard error is a TTY) the bar shows what is done out of the total, the rate and the time
left; when the output goes to a file or a pipe nothing is drawn and the command prints its one summary line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Self

__all__ = ["ProgressBar", "count_documents"]

_RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")


def count_documents(paths: tuple[str, ...]) -> int | None:
    """About how many documents ``paths`` hold (one per line of a JSON Lines or CSV file, one per other
    file), for the bar's total; None when a path is a URL, standard input or missing."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-" or "://" in raw or not path.exists():
            return None
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            if file.name.endswith(_RECORD_SUFFIXES):
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip()) - file.name.endswith((".csv", ".tsv"))
            else:
                total += 1
    return total


class ProgressBar:
    """``with ProgressBar(enabled, total, "documents") as bar: bar.update(done)``.

    A command of several stages (read rows, then store items) calls :meth:`stage` before each one: the bar
    then counts the new unit from zero towards the new total.
    """

    def __init__(self, enabled: bool, total: int | None, unit: str) -> None:
        self.active = enabled and sys.stderr.isatty()
        self.total, self.unit = total, unit
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Self:
        if self.active:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.unit, total=self.total, rate="")
        return self

    def stage(self, unit: str, total: int | None) -> None:
        """Start counting ``unit`` from zero towards ``total`` (None: unknown), with the clock reset."""
        self.unit, self.total, self._started = unit, total, time.monotonic()
        if self._bar is not None:
            self._bar.reset(self._task, total=total, completed=0, description=unit, rate="")

    def update(self, completed: int, rate: float | None = None) -> None:
        """Set how many are done and the rate per second (default: the mean since the stage began)."""
        if self._bar is not None:
            total = max(self.total or 0, completed) if self.total is not None else None
            elapsed = time.monotonic() - self._started
            per_second = rate if rate is not None else (completed / elapsed if elapsed > 0 else None)
            self._bar.update(self._task, completed=completed, total=total,
                             rate=f"{per_second:.1f} {self.unit}/s" if per_second else "")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, exc, tb)
