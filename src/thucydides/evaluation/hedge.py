"""CoNLL-2010 Wikipedia hedge sentences (``hedge_conll2010_wiki/``): F1 of the uncertain class."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .common import Guard, library_function, parse_texts
from .io import read_csv_rows
from .result import Counts, EvalResult, Score

__all__ = ["HedgeWiki"]

FILE = Path("hedge_conll2010_wiki") / "uncertainty-conll2010-wiki-3000.csv"


def _rows(path: Path, limit: int | None) -> list[tuple[bool, str]]:
    out: list[tuple[bool, str]] = []
    for n, row in enumerate(read_csv_rows(path, limit), 1):
        if len(row) < 2 or row[0].strip() not in ("1", "-1"):
            raise InputError("E007", f"{path}: row {n}: expected 'label,sentence' with label 1 or -1")
        if row[1].strip():
            out.append((row[0].strip() == "-1", row[1]))
    return out


class HedgeWiki:
    """Sentence-level uncertainty (:func:`thucydides.stages.status.is_uncertain`) on the balanced CoNLL-2010 sample."""

    name = "hedge_conll2010_wiki"
    description = "CoNLL-2010 Wikipedia sentences: P/R/F1 of the uncertain class of is_uncertain"

    def available(self, root: Path) -> bool:
        return (root / FILE).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        is_uncertain = library_function("stages.status", "is_uncertain")
        rows = _rows(root / FILE, limit)
        counts = Counts()
        hits, guard = 0, Guard()
        for (gold, _), doc in zip(rows, parse_texts([t for _, t in rows]), strict=True):
            pred = bool(guard(False, is_uncertain, doc))
            counts.add(int(gold and pred), int(pred and not gold), int(gold and not pred))
            hits += pred == gold
        figures = {**counts.score("").figures, "accuracy": hits / len(rows) if rows else 0.0}
        notes = [f"{len(rows)} sentences, balanced sample (not the official split); positive class = uncertain", *guard.notes()]
        return EvalResult(self.name, [Score("uncertain", counts.tp + counts.fn, figures)], notes)
