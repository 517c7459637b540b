"""Plain-text, CSV and JSON renderings of query results for the command line."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

from ..errors import InvalidValue
from ..outputs import spreadsheet_safe, terminal_safe, write_csv

__all__ = ["OUTPUT_FORMATS", "cell", "render", "table"]

OUTPUT_FORMATS: tuple[str, ...] = ("table", "csv", "json")


def cell(value: Any, width: int | None = None) -> str:
    """One value as short text: lists joined by commas, floats with 2 decimals, None empty."""
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = ",".join(cell(v) for v in value)
    elif isinstance(value, float):
        text = f"{value:.2f}"
    elif isinstance(value, dict):
        text = json.dumps(value, default=str, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(terminal_safe(text).split())
    if width is not None and len(text) > width:
        text = text[: max(width - 1, 0)] + "…"
    return text


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], widths: dict[str, int] | None = None) -> str:
    """An aligned text table of ``columns`` (long cells cut to ``widths``)."""
    limits = widths or {}
    cells = [[cell(r.get(c), limits.get(c)) for c in columns] for r in rows]
    sizes = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    lines.extend("  ".join(v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip() for row in cells)
    return "\n".join(lines)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str],
           widths: dict[str, int] | None = None, raw: bool = False) -> str:
    """Rows as ``table`` (the given columns), ``csv`` (the given columns) or ``json`` (every field).

    CSV cells that a spreadsheet would run as a formula get a leading ``'`` unless ``raw``
    (:func:`~thucydides.outputs.spreadsheet_safe`); table cells lose control characters."""
    if fmt == "json":
        return json.dumps(list(rows), default=_json_default, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        safe = (lambda v: v) if raw else spreadsheet_safe
        write_csv(out, [list(columns), *([safe(cell(r.get(c))) for c in columns] for r in rows)])
        return out.getvalue().rstrip("\n")
    if fmt == "table":
        return table(rows, columns, widths)
    raise InvalidValue("E001", "output format", fmt, OUTPUT_FORMATS)
