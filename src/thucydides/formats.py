"""Rendering Documents for people (a table) and for programs (JSON, JSON Lines, CSV)."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Iterable

from .errors import InvalidValue
from .model import Document, Proposition
from .outputs import spreadsheet_safe, terminal_safe

__all__ = ["CSV_COLUMNS", "FORMATS", "render", "to_csv_rows", "to_table"]

FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv")
CSV_COLUMNS: tuple[str, ...] = (
    "document", "proposition", "type", "mode", "actor", "recipient", "verdict", "date", "location", "cameo",
    "status", "by", "via", "speaker", "quote", "evidence", "start", "end", "extractor", "confidence")


#: Sectors of the state itself and its organs: an actor of one of these reads as its state's code alone.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "DIP"})


def _codes(codes: Iterable[str]) -> str:
    return "+".join(codes) or "-"


def _sectors(doc: Document, prop: Proposition) -> dict[str, str]:
    """``{code: sector}`` for the codes of ``prop`` that a mention in its evidence names with a sector that is
    not the state itself (Hezbollah: ``LBN`` with ``REB``), so the table does not read it as the state."""
    spans = [(c.provenance.start, c.provenance.end) for c in prop.claims]
    found: dict[str, str] = {}
    for m in doc.mentions:
        sector = m.actor.sector
        if sector and sector not in STATE_SECTORS and any(lo <= m.start < hi for lo, hi in spans):
            found.setdefault(m.actor.code, sector)
    return found


def _side(codes: Iterable[str], sectors: dict[str, str]) -> str:
    return _codes(f"{c}:{sectors[c]}" if c in sectors else c for c in codes)


def _claims_cell(doc: Document, pid: str) -> list[str]:
    prop = next(p for p in doc.propositions if p.id == pid)
    out = []
    for c in prop.claims:
        who = _codes(c.by) if c.by else "text"
        out.append(f"{c.status} by {who}" + (f" via {c.via}" if c.via else ""))
    return out


def to_table(doc: Document, width: int = 100) -> str:
    """One block per proposition: type, actor -> recipient (``LBN:REB`` when the mention is not the state
    itself), verdict, date, claims and an evidence snippet of about ``width - 30`` characters."""
    header = (f"# {doc.id}  published={doc.article.published or '-'}  outlet={doc.article.outlet or '-'}  "
              f"propositions={len(doc.propositions)}  loss_claims={len(doc.loss_claims)}")
    lines = [header]
    for n, p in enumerate(doc.propositions, 1):
        sectors = _sectors(doc, p)
        head = (f"{n:>3}. {p.type}{'/' + p.mode if p.mode else ''}  {_side(p.actor, sectors)} -> "
                f"{_side(p.recipient, sectors)}"
                f"  [{p.verdict}]  date={p.date or '-'}  loc={p.location or '-'}  cameo={p.cameo}")
        lines.append(head)
        for claim, cell in zip(p.claims, _claims_cell(doc, p.id), strict=True):
            snippet = textwrap.shorten(claim.evidence, width=max(30, width - 30), placeholder="…")
            lines.append(f"       - {cell}: \u201c{snippet}\u201d")
    for lc in doc.loss_claims:
        cats = ", ".join(lc.categories) or "-"
        lines.append(f"  loss: {lc.side or '?'} {lc.qualifier} {lc.value:,} {lc.unit} [{lc.status}] "
                     f"period={lc.period or '-'} categories={cats}")
    return terminal_safe("\n".join(lines))


def to_csv_rows(doc: Document) -> list[dict[str, object]]:
    """One row per claim, with its proposition's fields repeated."""
    rows: list[dict[str, object]] = []
    for p in doc.propositions:
        for c in p.claims:
            rows.append({
                "document": doc.id, "proposition": p.id, "type": p.type, "mode": p.mode or "",
                "actor": "|".join(p.actor), "recipient": "|".join(p.recipient), "verdict": p.verdict,
                "date": p.date or "", "location": p.location or "", "cameo": p.cameo or "",
                "status": c.status, "by": "|".join(c.by), "via": c.via or "", "speaker": c.speaker or "",
                "quote": c.quote or "", "evidence": c.evidence, "start": c.provenance.start,
                "end": c.provenance.end, "extractor": c.provenance.extractor, "confidence": c.confidence})
    return rows


def _safe_row(row: dict[str, object]) -> dict[str, object]:
    return {k: spreadsheet_safe(v) if isinstance(v, str) else v for k, v in row.items()}


def render(docs: Iterable[Document], fmt: str, raw: bool = False, width: int = 100) -> Iterable[str]:
    """Yield the text of ``docs`` in one of :data:`FORMATS` (chunks to write in order).

    CSV cells that a spreadsheet would run as a formula get a leading ``'`` unless ``raw``; the table
    loses control characters (terminal escape sequences)."""
    if fmt not in FORMATS:
        raise InvalidValue("E001", "output format", fmt, FORMATS)
    if fmt == "json":
        items = [d.to_dict() for d in docs]
        yield json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2) + "\n"
        return
    header = True
    for doc in docs:
        if fmt == "jsonl":
            yield json.dumps(doc.to_dict(), ensure_ascii=False) + "\n"
        elif fmt == "table":
            yield to_table(doc, width) + "\n\n"
        else:
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
            if header:
                writer.writeheader()
                header = False
            rows = to_csv_rows(doc)
            writer.writerows(rows if raw else [_safe_row(r) for r in rows])
            yield buf.getvalue()
