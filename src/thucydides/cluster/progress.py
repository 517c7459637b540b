"""The live progress of a cluster ingest: a rich display on a terminal, one summary line otherwise."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO, Any, Self

__all__ = ["ClusterProgress", "Counts"]


@dataclass
class Counts:
    """Documents done (stored, already stored, or failed) out of ``total`` (None until known)."""

    total: int | None = None
    done: int = 0
    failed: int = 0
    workers: int = 0
    dashboard: str | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, when the total is known."""
        if self.total is None or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.rate)

    def line(self) -> str:
        """The one-line summary."""
        total = "?" if self.total is None else str(self.total)
        eta = "-" if self.eta is None else f"{self.eta:.0f}s"
        return (f"{self.done}/{total} documents  {self.rate:.1f} docs/s  {self.failed} failed  ETA {eta}  "
                f"{self.workers} workers")


class ClusterProgress:
    """Shows :class:`Counts`: a rich live display when ``stream`` is a terminal (refreshed at most
    four times a second), nothing while running otherwise, and one summary line at the end."""

    def __init__(self, enabled: bool = True, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.live = enabled and self.stream.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Self:
        if self.live:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                      TimeRemainingColumn(), TextColumn("{task.fields[info]}"),
                                      console=Console(file=self.stream), refresh_per_second=4)
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=None, info="")
        return self

    def update(self, counts: Counts) -> None:
        """Show the current counts."""
        if self._progress is not None:
            info = f"{counts.rate:.1f} docs/s  {counts.failed} failed  {counts.workers} workers"
            self._progress.update(self._task, completed=counts.done, total=counts.total, info=info)

    def announce(self, counts: Counts) -> None:
        """Say where the dashboard is, once, at the start."""
        if self.enabled and counts.dashboard:
            print(f"Dask dashboard: {counts.dashboard}", file=self.stream)

    def finish(self, counts: Counts) -> None:
        """Stop the live display and print the summary line."""
        if self._progress is not None:
            self.update(counts)
            self._progress.stop()
            self._progress = None
        if self.enabled:
            print(counts.line(), file=self.stream)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
