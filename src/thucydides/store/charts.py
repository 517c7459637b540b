"""A PNG chart of a dyad time series (matplotlib, no display needed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..outputs import check_output_file

__all__ = ["dyad_chart"]

_SERIES = (("verbal_coop", "verbal cooperation", "#4c9f70"), ("material_coop", "material cooperation", "#1f6f43"),
           ("verbal_conflict", "verbal conflict", "#e39b4b"), ("material_conflict", "material conflict", "#b3362d"))


def _bars(ax: Any, rows: Sequence[dict[str, Any]]) -> None:
    bottom = [0] * len(rows)
    for key, label, colour in _SERIES:
        values = [int(r[key]) for r in rows]
        ax.bar(range(len(rows)), values, bottom=bottom, label=label, color=colour)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, -(-len(rows) // 20))  # at most 20 labels, so that they do not overprint
    ax.set_xticks(range(0, len(rows), step), [str(r["period"]) for r in rows][::step], rotation=45, ha="right",
                  fontsize=7)


def dyad_chart(rows: Sequence[dict[str, Any]], path: Path, title: str) -> Path:
    """Stacked bars of counts by quad class per period, with the mean PLOVER score as a line.

    Raises:
        InputError: (E019) a suffix other than .png or .svg, a missing or read-only folder; (E002) the file
            cannot be written.
    """
    check_output_file(path, (".png", ".svg"))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.5))
    _bars(ax, rows)
    ax.set_ylabel("propositions")
    ax.set_title(title)
    line = ax.twinx()
    scores = [float("nan") if r["mean_score"] is None else r["mean_score"] for r in rows]  # empty periods: a gap
    line.plot(range(len(rows)), scores, color="black", marker="o", label="mean score")
    line.set_ylim(-10, 10)
    line.set_ylabel("mean PLOVER score")
    ax.legend(loc="upper left", fontsize=7)
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=100)
    except OSError as exc:
        raise InputError("E002", f"cannot write chart {path}: {exc.strerror or exc}") from None
    finally:
        plt.close(fig)
    return path
