"""What the pages draw, as plain data: evidence highlights over a document's text, and the bars and
lines of the charts (drawn as SVG by the templates, so no script is needed to see them)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["QUADS", "Bar", "Segment", "bars", "highlight", "polylines"]

#: Quad classes as the dyad series names them, with their labels (colours are in app.css).
QUADS: tuple[tuple[str, str], ...] = (("verbal_coop", "verbal cooperation"), ("material_coop", "material cooperation"),
                                      ("verbal_conflict", "verbal conflict"), ("material_conflict", "material conflict"))
_RANK = {"denied": 0, "hypothetical": 1, "alleged": 2, "asserted": 3}


@dataclass
class Segment:
    """A run of the text covered by the same claims: ``claims`` are ``(prop_idx, claim_idx, status)``."""

    text: str
    claims: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def status(self) -> str | None:
        """The status shown: the least certain of the claims covering it (a denial shows as denied)."""
        return min((c[2] for c in self.claims), key=lambda s: _RANK.get(s, 9)) if self.claims else None

    @property
    def key(self) -> str:
        """``p-c`` of the first claim covering it (the id its detail is shown under)."""
        return f"{self.claims[0][0]}-{self.claims[0][1]}" if self.claims else ""


def highlight(text: str, propositions: Sequence[dict[str, Any]]) -> list[Segment]:
    """The text cut at every claim's evidence boundary (claims' ``start``/``end`` offsets into the text);
    claims whose offsets fall outside the text are left out."""
    spans = [(int(c["start"]), int(c["end"]), p["idx"], c["idx"], c["status"])
             for p in propositions for c in p["claims"]
             if c.get("start") is not None and c.get("end") is not None and 0 <= c["start"] < c["end"] <= len(text)]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [(p, c, st) for s, e, p, c, st in spans if s <= a and b <= e]
        out.append(Segment(text[a:b], covering))
    return out


@dataclass(frozen=True)
class Bar:
    """One stacked bar piece: x, y, width, height in the SVG's units, its quad class, and a title."""

    x: float
    y: float
    w: float
    h: float
    quad: str
    title: str


def bars(series: Sequence[dict[str, Any]], width: float = 900, height: float = 220) -> list[Bar]:
    """Stacked bars of the counts by quad class per period of a dyad series."""
    if not series:
        return []
    top = max(int(r["total"]) for r in series) or 1
    step = width / len(series)
    bar = min(max(step - 2, 1), 60)
    out = []
    for i, row in enumerate(series):
        y = height
        for key, label in QUADS:
            h = height * int(row[key]) / top
            if h > 0:
                y -= h
                out.append(Bar(round(i * step + (step - bar) / 2, 2), round(y, 2), round(bar, 2), round(h, 2), key,
                               f"{row['period']}: {row[key]} {label}"))
    return out


def polylines(series: Mapping[str, Sequence[tuple[dt.date, int]]], width: float = 900,
              height: float = 220) -> tuple[dict[str, str], int]:
    """SVG ``points`` of one line per named series of ``(date, value)``, on shared axes; and the top value."""
    points = [p for s in series.values() for p in s]
    if not points:
        return {}, 0
    first, last = min(d for d, _ in points), max(d for d, _ in points)
    span = max((last - first).days, 1)
    top = max(v for _, v in points) or 1
    out = {}
    for name, values in series.items():
        out[name] = " ".join(f"{width * (d - first).days / span:.1f},{height - height * v / top:.1f}"
                             for d, v in values)
    return out, top
