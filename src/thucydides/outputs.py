"""Writing output safely: checking output paths before anything is written, neutralising spreadsheet formulas
in CSV/TSV cells, and removing control characters from text shown on a terminal.

The one home of these checks; the exporters, the charts and the table views call them.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from .errors import InputError

__all__ = ["FORMULA_PREFIXES", "check_output_file", "check_output_folder", "spreadsheet_safe", "terminal_safe",
           "write_csv"]

#: A cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV injection").
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
#: C0 controls but tab and newline, DEL, C1 controls; and the Unicode line/paragraph separators.
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _writable_folder(folder: Path, what: str) -> None:
    if not folder.exists():
        raise InputError("E019", f"cannot write {what}: folder {folder} does not exist; create it first")
    if not folder.is_dir():
        raise InputError("E019", f"cannot write {what}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("E019", f"cannot write {what}: folder {folder} is not writable")


def check_output_file(path: str | Path, suffixes: Sequence[str] = ()) -> Path:
    """``path`` if a file can be written there (its folder exists and is writable, it is not a folder, an
    existing file is writable and its suffix is one of ``suffixes`` when given).

    Raises:
        InputError: (E019) naming the path and what to do.
    """
    p = Path(path)
    if suffixes and p.suffix.lower() not in suffixes:
        raise InputError("E019", f"cannot write {p}: its suffix must be one of {', '.join(suffixes)}")
    if p.is_dir():
        raise InputError("E019", f"cannot write {p}: it is a folder; give a file name")
    _writable_folder(p.parent if str(p.parent) else Path("."), str(p))
    if p.exists() and not os.access(p, os.W_OK):
        raise InputError("E019", f"cannot write {p}: the file is read-only")
    return p


def check_output_folder(path: str | Path) -> Path:
    """``path`` if an export folder can be written there: it exists and is writable, or its parent does.

    Raises:
        InputError: (E019) naming the folder and what to do.
    """
    p = Path(path)
    if p.exists():
        _writable_folder(p, str(p))
    else:
        _writable_folder(p.parent if str(p.parent) else Path("."), str(p))
    return p


def spreadsheet_safe(value: str) -> str:
    """``value`` with a leading ``'`` when a spreadsheet would run it as a formula (``=HYPERLINK(...)``,
    ``+``, ``-``, ``@``, tab, carriage return), as OWASP recommends for CSV files opened in spreadsheets.
    A plain number (``-12.5``) is left as it is."""
    if not value.startswith(FORMULA_PREFIXES) or _NUMBER.fullmatch(value):
        return value
    return "'" + value


def write_csv(stream: IO[str], rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` as CSV lines ending in ``\n``. A row with a carriage return in a cell has every cell
    quoted: the csv module quotes only the characters of its line terminator, and a bare ``\r`` ends the row
    for a spreadsheet or a CSV reader (what follows it, ``=...``, would then start a row of its own)."""
    plain = csv.writer(stream, lineterminator="\n")
    quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        (quoted if any(c is not None and "\r" in str(c) for c in row) else plain).writerow(row)


def terminal_safe(text: str) -> str:
    """``text`` without control characters (escape sequences, BEL, ...); tabs and newlines are kept."""
    return _CONTROL.sub("", text)
