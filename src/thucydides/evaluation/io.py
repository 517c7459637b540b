"""Reading the evaluation files: JSON Lines (optionally gzipped), CSV and CoNLL, with one-line errors."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..inputs import json_objects

__all__ = ["read_conll", "read_csv_rows", "read_jsonl"]


def _lines(path: Path) -> Iterator[str]:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                yield from fh
        else:
            with path.open(encoding="utf-8") as fh:
                yield from fh
    except FileNotFoundError:
        raise InputError("E002", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("E003", f"{path}: is a directory") from None
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError):
        raise InputError("E004", f"{path}: not valid UTF-8 text") from None


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (``.gz`` is read transparently), the first ``limit`` only.

    Raises:
        InputError: (E002) missing, (E004) not UTF-8, (E007) a line is not a JSON object.
    """
    rows: list[dict[str, Any]] = []
    for _, obj in json_objects(_lines(path), str(path)):
        if limit is not None and len(rows) >= limit:
            break
        rows.append(obj)
    return rows


def read_csv_rows(path: Path, limit: int | None = None) -> list[list[str]]:
    """The rows of a headerless CSV file, the first ``limit`` only."""
    try:
        rows = list(csv.reader(_lines(path)))
    except csv.Error as exc:
        raise InputError("E007", f"{path}: malformed CSV ({exc})") from None
    rows = [r for r in rows if r]
    return rows[:limit] if limit is not None else rows


def read_conll(path: Path, limit: int | None = None) -> list[list[list[str]]]:
    """Sentences of a tab-separated CoNLL file (blank line between sentences), as lists of columns."""
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in _lines(path):
        if limit is not None and len(sentences) >= limit:
            return sentences
        if line.strip():
            current.append(line.rstrip("\n").split("\t"))
        elif current:
            sentences.append(current)
            current = []
    if current and (limit is None or len(sentences) < limit):
        sentences.append(current)
    return sentences
