"""The equipment-loss ledger: visually confirmed and claimed losses, and checks of the figures articles quote.

>>> import datetime as dt
>>> from thucydides.ledger import connect, check_claim
>>> con = connect(":memory:")
>>> from thucydides.model import LossClaim, Provenance
>>> claim = LossClaim("RUS", 100, "over", "tanks", "over 100 tanks", Provenance("d", 0, 1, "x", "0"))
>>> check_claim(claim, dt.date(2022, 3, 15), con).verdict
'no_data'
"""

from typing import Any

from .api import (
    ClaimToCheck,
    check_claims,
    claims_from_file,
    claims_from_store,
    import_losses,
    loss_importers,
)
from .check import CheckResult, Comparison, check_claim, claim_range, claim_scope
from .db import LEDGER_SCHEMA_VERSION, connect, ledger_connection
from .ingest import ImportReport, store_parsed
from .problems import Problem, find_problems, reconcile
from .records import DailyRecord, ItemRecord, Parsed
from .taxonomy import CATEGORIES, category_of, parse_statuses
from .totals import ITEMS, Figure, SeriesPoint, Totals, series, totals


def __getattr__(name: str) -> Any:
    """``chart`` and ``CHART_KINDS`` load matplotlib, so they are imported on first use."""
    if name in ("chart", "CHART_KINDS"):
        from . import charts

        return getattr(charts, name)
    raise AttributeError(name)


__all__ = [
    "CATEGORIES",
    "CHART_KINDS",
    "ITEMS",
    "LEDGER_SCHEMA_VERSION",
    "CheckResult",
    "ClaimToCheck",
    "Comparison",
    "DailyRecord",
    "Figure",
    "ImportReport",
    "ItemRecord",
    "Parsed",
    "Problem",
    "SeriesPoint",
    "Totals",
    "category_of",
    "chart",
    "check_claim",
    "check_claims",
    "claim_range",
    "claim_scope",
    "claims_from_file",
    "claims_from_store",
    "connect",
    "find_problems",
    "import_losses",
    "ledger_connection",
    "loss_importers",
    "parse_statuses",
    "reconcile",
    "series",
    "store_parsed",
    "totals",
]
