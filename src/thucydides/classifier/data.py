"""Training examples read from the shared data folder and from the team's own examples.

Every loader returns :class:`Example` rows: a text, a type label (a PLOVER type, ``NONE`` or ``""`` when only
the quad is known), a quad number (0-4, or -1 when unknown) and the name of the corpus it came from.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..inputs import json_objects
from .labels import PLOVER_QUAD, TYPE_LABELS, quad_of

__all__ = ["Example", "lead_sentence", "load_conflibert", "load_ngec", "load_plover_dev", "load_team_examples",
           "read_ngec_rows"]

NGEC_FILE = Path("ngec_synthetic/gpt_synthetic_events_2023-10-19.jsonl.gz")
CONFLIBERT_FILE = Path("conflibert_cameo_train.class.tsv")
PLOVER_FILE = Path("plover_gsr_dev.jsonl")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


@dataclass(frozen=True)
class Example:
    """One labelled text. ``group`` keeps near-duplicates (same template, same sentence) in one CV fold."""

    text: str
    label: str
    quad: int
    corpus: str
    group: str


def eval_dir(root: Path) -> Path:
    """The eval folder: ``root/eval`` when ``root`` is the shared folder, else ``root`` itself."""
    return root / "eval" if (root / "eval").is_dir() else root


def _require(root: Path, rel: Path) -> Path:
    path = eval_dir(root) / rel
    if not path.is_file():
        raise InputError("E002", f"training data file not found: {path} (is --data the shared folder?)")
    return path


def _json_lines(lines: Iterator[str], path: Path) -> Iterator[dict[str, Any]]:
    for _, row in json_objects(lines, str(path)):
        yield row


def lead_sentence(text: str) -> str:
    """The first sentence of a story (a simple split; good enough for training text)."""
    first = text.strip().split("\n", 1)[0]
    return _SENTENCE_END.split(first, 1)[0].strip()


def read_ngec_rows(root: Path) -> list[dict[str, Any]]:
    """The rows of the NGEC synthetic stories file under ``root`` (the shared folder or its ``eval``)."""
    path = _require(root, NGEC_FILE)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return list(_json_lines(fh, path))


def load_ngec(root: Path) -> list[Example]:
    """NGEC synthetic stories: the filled-in headline and the lead sentence of each story, grouped by template."""
    out: list[Example] = []
    for row in read_ngec_rows(root):
        label = str(row.get("label", ""))
        if label not in PLOVER_QUAD:
            continue
        group = "ngec:" + str(row.get("title", ""))
        headline = str(row.get("prompt", "")).split("\n", 1)[0].strip()
        for text in (headline, lead_sentence(str(row.get("text", "")))):
            if len(text) >= 20:
                out.append(Example(text, label, PLOVER_QUAD[label], "ngec", group))
    return out


def load_conflibert(root: Path) -> list[Example]:
    """ConfliBERT CAMEO sentences with their quad label (0-4); the type is unknown."""
    path = _require(root, CONFLIBERT_FILE)
    out: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            text, sep, label = line.rstrip("\n").rpartition("\t")
            if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
                raise InputError("E007", f"{path}:{number}: expected 'sentence<TAB>label 0-4'")
            out.append(Example(text.strip(), "", int(label), "conflibert", "cb:" + text.strip().lower()))
    return out


def load_plover_dev(root: Path) -> list[Example]:
    """PLOVER GSR dev sentences with their 2021 event type (an evaluation set: use under CV only)."""
    path = _require(root, PLOVER_FILE)
    out: list[Example] = []
    with path.open(encoding="utf-8") as fh:
        for row in _json_lines(fh, path):
            label = str(row.get("event_2021", ""))
            if label in PLOVER_QUAD:
                text = str(row.get("text", "")).strip()
                out.append(Example(text, label, PLOVER_QUAD[label], "plover", "pl:" + text.lower()))
    return out


def load_team_examples(path: Path | None = None) -> list[Example]:
    """The team's own example sentences (``data/classifier_examples.jsonl``: ``{"text", "type"}`` per line)."""
    if path is None:
        ref = resources.files("thucydides").joinpath("data/classifier_examples.jsonl")
        lines = ref.read_text(encoding="utf-8").splitlines()
        path = Path(str(ref))
    else:
        if not path.is_file():
            raise InputError("E002", f"examples file not found: {path}")
        lines = path.read_text(encoding="utf-8").splitlines()
    out: list[Example] = []
    for row in _json_lines(iter(lines), path):
        label = str(row.get("type", ""))
        if label not in TYPE_LABELS:
            raise InputError("E007", f"{path}: unknown type {label!r} for {row.get('text')!r}")
        text = str(row.get("text", "")).strip()
        out.append(Example(text, label, quad_of(label), "team", "team:" + text.lower()))
    return out
