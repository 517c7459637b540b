"""``thucydides eval``: measured quality on public gold data.

Datasets register through the ``register_eval_datasets`` plugin hook (:mod:`.registry` says what a
dataset object provides); :func:`run_evaluation` runs the selected ones and :mod:`.report` prints the
table, writes the JSON and checks the floors file. :func:`score_documents` is the ``FORMAT.md`` scorer.
"""

from .registry import EvalDataset, EvalReport, SkipDataset, default_data_dir, get_datasets, run_evaluation
from .report import check_floors, format_confusion, format_table, load_floors, report_to_dict
from .result import Counts, EvalResult, Score, pearson, prf
from .scoring import match_propositions, proposition_matches, score_documents

__all__ = [
    "Counts",
    "EvalDataset",
    "EvalReport",
    "EvalResult",
    "Score",
    "SkipDataset",
    "check_floors",
    "default_data_dir",
    "format_confusion",
    "format_table",
    "get_datasets",
    "load_floors",
    "match_propositions",
    "pearson",
    "prf",
    "proposition_matches",
    "report_to_dict",
    "run_evaluation",
    "score_documents",
]
