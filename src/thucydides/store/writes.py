"""Batch writes: every write is one transaction, idempotent by document id.

Writing a document replaces every row stored for its id, so writing the same batch twice, or a batch
that overlaps one already stored, leaves exactly one copy. Rows are built column by column and
inserted through Arrow, so large batches stay fast.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self

import pyarrow as pa

from ..model import Document, Proposition
from .derived import index_documents, location_country, status_mask
from .postings import post_actors
from .schema import STORE_TABLES

if TYPE_CHECKING:  # only for annotations: Store.merge calls into this module
    from .connection import Store

__all__ = ["QUAD_OF_TYPE", "DocExtras", "Failure", "clear_failures", "event_date", "record_failures",
           "write_documents"]

#: Extra per-document fields the store keeps beside the Document: ``source`` and ``outlets``.
DocExtras = Mapping[str, Mapping[str, Any]]

#: PLOVER event type -> CAMEO/GDELT quad class (1 verbal coop., 2 material coop., 3 verbal conflict,
#: 4 material conflict), as the PLOVER manual groups the types.
QUAD_OF_TYPE: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

_S, _I, _F, _B, _D = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()
_L = pa.list_(pa.string())
_CLAIM_LIST = pa.list_(pa.struct([("idx", _I), ("status", _S), ("by", _L), ("via", _S), ("speaker", _S),
                                  ("evidence", _S), ("start", _I), ("end", _I), ("confidence", _F)]))

COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [("id", _S), ("published", _D), ("outlet", _S), ("outlets", _L), ("url", _S),
                  ("title", _S), ("text", _S), ("source", _S), ("n_propositions", _I), ("n_claims", _I),
                  ("n_loss_claims", _I), ("ingested_at", pa.timestamp("us")), ("record", _S)],
    "actor_mentions": [("doc_id", _S), ("idx", _I), ("text", _S), ("code", _S), ("sector", _S),
                       ("name", _S), ("kind", _S), ("start", _I), ("end", _I), ("extractor", _S),
                       ("version", _S)],
    "propositions": [("doc_id", _S), ("idx", _I), ("id", _S), ("type", _S), ("mode", _S), ("actor", _L),
                     ("recipient", _L), ("date", _S), ("date_precision", _S), ("event_date", _D),
                     ("location", _S), ("cameo", _S), ("plover_score", _F), ("quad_class", pa.int8()),
                     ("optional", _B), ("verdict", _S), ("n_claims", _I), ("published", _D), ("outlet", _S),
                     ("start", _I), ("end", _I), ("extractor", _S), ("version", _S), ("statuses", _L),
                     ("evidence", _S), ("place_id", _S), ("place_name", _S), ("place_kind", _S),
                     ("place_country", _S), ("place_admin1", _S), ("lat", _F), ("lon", _F),
                     ("status_mask", pa.uint8()), ("country", _S), ("claim_list", _CLAIM_LIST), ("story", _S),
                     ("story_verdict", _S), ("story_outlets", _I), ("story_claimants", _I)],
    "claims": [("doc_id", _S), ("prop_idx", _I), ("prop_id", _S), ("idx", _I), ("status", _S), ("by", _L),
               ("via", _S), ("speaker", _S), ("quote", _S), ("evidence", _S), ("sentence", _S),
               ("start", _I), ("end", _I), ("extractor", _S), ("version", _S), ("confidence", _F)],
    "loss_claims": [("doc_id", _S), ("idx", _I), ("published", _D), ("outlet", _S), ("url", _S),
                    ("side", _S), ("value", pa.int64()), ("qualifier", _S), ("unit", _S),
                    ("categories", _L), ("period", _S), ("period_end", _S), ("status", _S), ("by", _L),
                    ("via", _S), ("evidence", _S), ("start", _I), ("end", _I), ("extractor", _S),
                    ("version", _S)],
}


class Failure(tuple[str, str, str, str]):
    """One input that could not be ingested: ``(source, doc_id, code, reason)``."""

    __slots__ = ()

    def __new__(cls, source: str, doc_id: str, code: str, reason: str) -> Self:
        return super().__new__(cls, (source, doc_id, code, reason))

    @property
    def source(self) -> str:
        return self[0]

    @property
    def code(self) -> str:
        return self[2]

    @property
    def reason(self) -> str:
        return self[3]


def event_date(date: str | None, published: dt.date | None) -> dt.date | None:
    """The day an event is placed on for time series: its own date when it gives a day, else the
    publication date, else the first day of its month or year."""
    if date and len(date) == 10:
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            pass
    if published is not None:
        return published
    if date and len(date) in (4, 7):
        try:
            return dt.date.fromisoformat(date + ("-01-01" if len(date) == 4 else "-01"))
        except ValueError:
            return None
    return None


class _Rows:
    """Column buffers for every table of a batch."""

    def __init__(self) -> None:
        self.cols: dict[str, dict[str, list[Any]]] = {
            t: {name: [] for name, _ in spec} for t, spec in COLUMNS.items()}

    def add(self, table: str, values: Sequence[Any]) -> None:
        for (name, _), value in zip(COLUMNS[table], values, strict=True):
            self.cols[table][name].append(value)

    def arrow(self, table: str) -> pa.Table:
        schema = pa.schema(COLUMNS[table])
        return pa.table({n: pa.array(self.cols[table][n], type=t) for n, t in COLUMNS[table]}, schema=schema)


def _prov(p: Any) -> tuple[Any, Any, Any, Any]:
    if p is None:
        return (None, None, None, None)
    return (p.start, p.end, p.extractor, p.version)


def _place(p: Proposition) -> tuple[Any, ...]:
    g = p.place
    if g is None:
        return (None,) * 7
    return (g.id, g.name, g.kind, g.country or None, g.admin1 or None, g.lat, g.lon)


def _country(p: Proposition) -> str | None:
    """The ISO alpha-3 country of a proposition: its resolved place's, else the one its location names."""
    if p.place is not None and p.place.country:
        return p.place.country
    return location_country(p.location)


def _claim_list(p: Proposition) -> list[dict[str, Any]]:
    """The claims as ``propositions.claim_list`` holds them."""
    out = []
    for j, c in enumerate(p.claims):
        start, end, _, _ = _prov(c.provenance)
        out.append({"idx": j, "status": c.status, "by": list(c.by), "via": c.via, "speaker": c.speaker,
                    "evidence": c.evidence, "start": start, "end": end, "confidence": c.confidence})
    return out


def _add_proposition(rows: _Rows, doc: Document, idx: int, p: Proposition) -> None:
    a = doc.article
    rows.add("propositions", [
        doc.id, idx, p.id, p.type, p.mode, list(p.actor), list(p.recipient), p.date, p.date_precision,
        event_date(p.date, a.published), p.location, p.cameo, p.plover_score, QUAD_OF_TYPE.get(p.type),
        p.optional, p.verdict, len(p.claims), a.published, a.outlet, *_prov(p.provenance),
        [c.status for c in p.claims], "\n".join(c.evidence for c in p.claims), *_place(p),
        status_mask([c.status for c in p.claims]), _country(p), _claim_list(p), None, None, None, None])
    for j, c in enumerate(p.claims):
        rows.add("claims", [doc.id, idx, p.id, j, c.status, list(c.by), c.via, c.speaker, c.quote, c.evidence,
                            c.sentence, *_prov(c.provenance), c.confidence])


def _add_document(rows: _Rows, doc: Document, extra: Mapping[str, Any], now: dt.datetime) -> None:
    a = doc.article
    outlets = list(extra.get("outlets") or ([a.outlet] if a.outlet else []))
    record = doc.to_dict()
    record.update({k: v for k, v in extra.items() if k in ("outlets", "source")})
    rows.add("documents", [
        a.id, a.published, a.outlet, outlets, a.url, a.title, a.text, extra.get("source"),
        len(doc.propositions), len(doc.claims), len(doc.loss_claims), now, json.dumps(record)])
    for i, m in enumerate(doc.mentions):
        rows.add("actor_mentions", [doc.id, i, m.text, m.actor.code, m.actor.sector, m.actor.name,
                                    m.actor.kind, *_prov(m.provenance)])
    for i, p in enumerate(doc.propositions):
        _add_proposition(rows, doc, i, p)
    for i, lc in enumerate(doc.loss_claims):
        rows.add("loss_claims", [
            doc.id, i, a.published, a.outlet, a.url, lc.side, lc.value, lc.qualifier, lc.unit,
            list(lc.categories), lc.period, lc.period_end, lc.status, list(lc.by), lc.via, lc.evidence,
            *_prov(lc.provenance)])


def write_documents(store: Store, docs: Sequence[Document], extras: DocExtras | None = None) -> int:
    """Write a batch of documents in one transaction, replacing any rows stored for the same ids.

    Args:
        store: an open, writable store.
        docs: the extracted documents (duplicates within the batch: the last one wins).
        extras: per document id, ``{"source": ..., "outlets": [...]}`` to keep beside the document.

    Returns:
        The number of documents written.
    """
    unique = list({d.id: d for d in docs}.values())
    if not unique:
        return 0
    rows, now = _Rows(), dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for doc in unique:
        _add_document(rows, doc, (extras or {}).get(doc.id, {}), now)
    ids = pa.table({"id": pa.array([d.id for d in unique], type=_S)})
    with store.transaction() as con:
        con.register("_batch_ids", ids)
        _delete_stored(con)
        con.execute("DELETE FROM ingest_failures WHERE doc_id IN (SELECT id FROM _batch_ids)")
        tables = {table: rows.arrow(table) for table in ("documents", *STORE_TABLES)}
        for table, data in tables.items():
            _insert(con, table, data)
        _post(con, tables["propositions"])
        index_documents(con, "_batch_ids")
        con.unregister("_batch_ids")
    return len(unique)


def _delete_stored(con: Any) -> None:
    """Delete every row of the documents in ``_batch_ids`` that are already stored (rows of a document
    exist only together with its ``documents`` row, since every write is one transaction)."""
    stored = [r[0] for r in con.execute(
        "SELECT id FROM documents WHERE id IN (SELECT id FROM _batch_ids)").fetchall()]
    if not stored:
        return
    con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [stored])
    for table in (*STORE_TABLES, "search_words", "proposition_actors"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [stored])


def _insert(con: Any, table: str, data: pa.Table) -> None:
    if data.num_rows == 0:
        return
    names = ", ".join(f'"{n}"' for n, _ in COLUMNS[table])
    con.register("_batch_rows", data)
    try:
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch_rows")
    finally:
        con.unregister("_batch_rows")


def _post(con: Any, props: pa.Table) -> None:
    """Add the actor postings of the propositions just inserted (``props``, as they were inserted)."""
    if props.num_rows == 0:
        return
    con.register("_batch_props", props)
    try:
        post_actors(con, "_batch_props")
    finally:
        con.unregister("_batch_props")


def record_failures(store: Store, failures: Sequence[Failure]) -> int:
    """Record failed inputs (one row per source; a later failure of the same source replaces it)."""
    if not failures:
        return 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [(f[0], f[1], f[2], f[3], now) for f in {f.source: f for f in failures}.values()]
    with store.transaction() as con:
        con.execute("DELETE FROM ingest_failures WHERE source IN (SELECT unnest(?))", [[r[0] for r in rows]])
        con.executemany("INSERT INTO ingest_failures VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def clear_failures(store: Store, sources: Sequence[str]) -> None:
    """Forget the recorded failures of inputs that have now been ingested."""
    if sources:
        with store.transaction() as con:
            con.execute("DELETE FROM ingest_failures WHERE source IN (SELECT unnest(?))", [list(sources)])
