"""The dev splits of the annotated training corpus (``../shared/train/``), scored as ``eval/FORMAT.md`` says.

- ``train_dev_lines``: the Wikipedia Current Events lines of June 2022 (``wiki2022h1.dev.jsonl``);
- ``train_dev_documents``: whole documents: the dev official releases (``official2022.dev.jsonl``) and the
  team's own dev articles (``corpus/team/*.dev.jsonl`` of the checkout, when present).

Neither training nor threshold tuning reads these files (see :mod:`thucydides.extractor.recipe`).
"""

from __future__ import annotations

from pathlib import Path

from .common import Guard, extract_parsed
from .gold import _article
from .io import read_jsonl
from .registry import SkipDataset
from .result import EvalResult
from .scoring import GoldTally

__all__ = ["TrainDevDocuments", "TrainDevLines", "team_corpus_dir"]


def team_corpus_dir() -> Path:
    """``corpus/team`` of the source checkout (the team's articles are not installed with the package)."""
    return Path(__file__).resolve().parents[3] / "corpus" / "team"


def _score(name: str, files: list[Path], limit: int | None) -> EvalResult:
    from ..pipeline.registry import default_stages

    gold = [d for f in files for d in read_jsonl(f) if str(d.get("text") or "").strip()][:limit]
    if not gold:
        raise SkipDataset("no documents with text")
    tally, guard = GoldTally(), Guard()
    pairs = extract_parsed([_article(d) for d in gold], stages=default_stages(), guard=guard)
    for g, (doc, _) in zip(gold, pairs, strict=True):
        tally.add_document(g, doc.to_dict())
    source = f"{len(gold)} documents from {', '.join(f.name for f in files)}"
    how = "the default pipeline (events.learned.v1 and the rules it leaves room for)"
    notes = [f"{source}; {how}", *guard.notes()]
    return EvalResult(name, tally.scores(), notes)


class TrainDevLines:
    """The June 2022 Wikipedia lines of the training corpus: never trained or tuned on."""

    name = "train_dev_lines"
    description = "train corpus dev lines (Wikipedia 2022-06): proposition, claim, verdict, laundering (FORMAT.md)"

    def _file(self, root: Path) -> Path:
        return root.parent / "train" / "wiki2022h1.dev.jsonl"

    def available(self, root: Path) -> bool:
        return self._file(root).is_file()

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        return _score(self.name, [self._file(root)], limit)


class TrainDevDocuments:
    """Whole dev documents: the dev official releases and the team's dev articles."""

    name = "train_dev_documents"
    description = "train corpus dev documents (official releases + team articles): FORMAT.md scores"

    def _files(self, root: Path) -> list[Path]:
        official = root.parent / "train" / "official2022.dev.jsonl"
        team = sorted(team_corpus_dir().glob("*.dev.jsonl")) if team_corpus_dir().is_dir() else []
        return ([official] if official.is_file() else []) + team

    def available(self, root: Path) -> bool:
        return bool(self._files(root))

    def evaluate(self, root: Path, limit: int | None = None) -> EvalResult:
        return _score(self.name, self._files(root), limit)
