"""Library calls behind the ``losses`` commands: import, read claims to check, check them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputError, InvalidValue, message
from ..model import LossClaim
from ..plugins import collect_dict
from .check import CheckResult, check_claim
from .db import ledger_connection
from .ingest import REPORT_EVERY, ImportReport, store_parsed
from .records import Parsed, counting_rows, parse_date, read_json

__all__ = ["ClaimToCheck", "ImportProgress", "NothingImported", "check_claims", "claims_from_file",
           "claims_from_store", "import_losses", "loss_importers"]

#: ``progress(stage, done, total)`` during an import: stage ``rows`` (rows read so far, total None) while the
#: files are read, then ``items`` or ``daily figures`` (written so far, of ``total``).
ImportProgress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class ClaimToCheck:
    """A loss claim with the article it comes from."""

    claim: LossClaim
    published: dt.date | None
    doc_id: str
    outlet: str | None = None


class NothingImported(InputError):
    """(E030) Every row of a loss import failed or was skipped, some failed: ``failed`` lists them."""

    def __init__(self, failed: Sequence[str], paths: str) -> None:
        super().__init__("E030", message("E030", paths=paths, failed=len(failed), first=failed[0]))
        self.failed = list(failed)


def loss_importers() -> dict[str, Any]:
    """Every importer registered through the ``register_loss_importers`` hook, by format name."""
    return collect_dict("register_loss_importers")


def import_losses(paths: Sequence[Path], fmt: str, db: Path | str, options: Mapping[str, str] | None = None,
                  progress: ImportProgress | None = None) -> ImportReport:
    """Read ``paths`` with the importer of ``fmt`` and write them into the ledger in ``db`` (all or nothing).

    Rows that cannot be read are listed in the report's ``failed`` and the good rows are stored.
    ``progress`` hears how many rows were read, then how many items or figures were written.

    Raises:
        InputError: (E030) rows failed and none could be imported (nothing is written).
    """
    importers = loss_importers()
    if fmt not in importers:
        raise InvalidValue("E001", "loss format", fmt, sorted(importers))
    if not paths:
        raise InputError("E002", "no input file given")
    parsed = _read(importers[fmt], paths, dict(options or {}), progress)
    if parsed.failed and not parsed.items and not parsed.daily:
        raise NothingImported(parsed.failed, ", ".join(p.name for p in paths))
    with ledger_connection(db) as con:
        return store_parsed(con, parsed, fmt, [str(p) for p in paths], progress)


def _read(importer: Callable[[list[Path], dict[str, str]], Parsed], paths: Sequence[Path], options: dict[str, str],
          progress: ImportProgress | None) -> Parsed:
    """``importer(paths, options)``, telling ``progress`` every :data:`REPORT_EVERY` rows and at the end."""
    if progress is None:
        return importer(list(paths), options)
    read = [0]

    def told(count: int) -> None:
        read[0] += count
        if read[0] // REPORT_EVERY != (read[0] - count) // REPORT_EVERY:
            progress("rows", read[0], None)

    with counting_rows(told):
        parsed = importer(list(paths), options)
    progress("rows", read[0], None)
    return parsed


def _claims_of(doc: Any, where: str) -> list[ClaimToCheck]:
    if not isinstance(doc, dict):
        raise InputError("E007", f"{where}: expected a JSON object (a Document)")
    published = parse_date(doc.get("published"))
    out = []
    for n, raw in enumerate(doc.get("loss_claims") or [], 1):
        try:
            claim = LossClaim.from_dict(raw, str(doc.get("id") or ""))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError("E010", f"{where} loss claim {n}: {exc}") from None
        out.append(ClaimToCheck(claim, published, str(doc.get("id") or ""), doc.get("outlet")))
    return out


def claims_from_file(path: Path) -> list[ClaimToCheck]:
    """Loss claims of the Documents in a JSON (one Document or a list) or JSON Lines file."""
    data = read_json(path)
    docs = data if isinstance(data, list) else [data]
    return [c for n, doc in enumerate(docs, 1) for c in _claims_of(doc, f"{path.name} document {n}")]


def claims_from_store(con: duckdb.DuckDBPyConnection) -> list[ClaimToCheck]:
    """Loss claims in the event store's ``loss_claims`` table (empty when there is none)."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "loss_claims" not in tables:
        return []
    rows = con.execute("""SELECT doc_id, published, outlet, side, value, qualifier, unit, categories, period,
                          period_end, status, "by", via, evidence FROM loss_claims ORDER BY doc_id, idx""").fetchall()
    out = []
    for r in rows:
        d = {"side": r[3], "value": r[4], "qualifier": r[5], "unit": r[6], "categories": r[7], "period": r[8],
             "period_end": r[9], "status": r[10], "by": r[11], "via": r[12], "evidence": r[13]}
        out.append(ClaimToCheck(LossClaim.from_dict(d, r[0]), r[1], r[0], r[2]))
    return out


def check_claims(db: Path | str, from_file: Path | None = None, lag_days: int = 3,
                 tolerance: float = 0.02) -> list[tuple[ClaimToCheck, CheckResult]]:
    """Check every loss claim (from ``from_file`` or else from the store) against the ledger in ``db``."""
    with ledger_connection(db, read_only=True) as con:
        todo = claims_from_file(from_file) if from_file else claims_from_store(con)
        return [(c, check_claim(c.claim, c.published, con, lag_days, tolerance)) for c in todo]
