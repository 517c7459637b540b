"""PLOVER event records: one JSON object per line per stored proposition, in the field names of the
PLOVER specification (``event``, ``mode``, ``context``, ``actor``, ``recipient``, ``date``), with the
source text, its claims and the story it belongs to. ``geolocation`` holds the resolved place of ``location``
(docs/places.md), or null."""

from __future__ import annotations

import json
from typing import IO, Any

from ..store.connection import Store

__all__ = ["export_plover", "plover_record"]

_SELECT = """
SELECT p.doc_id, p.idx, p.id, p.type, p.mode, p.actor, p.recipient, p.date, p.event_date, p.location,
       p.place_id, p.place_name, p.place_kind, p.place_country, p.place_admin1, p.lat, p.lon,
       p.plover_score, p.cameo, p.verdict, s.id AS story, s.verdict AS story_verdict, d.outlet, d.url, d.published,
       (SELECT list({'status': c.status, 'by': c.by, 'via': c.via, 'evidence': c.evidence} ORDER BY c.idx)
        FROM claims c WHERE c.doc_id = p.doc_id AND c.prop_idx = p.idx) AS claims
FROM propositions p JOIN documents d ON d.id = p.doc_id
LEFT JOIN story_members sm ON sm.doc_id = p.doc_id AND sm.prop_idx = p.idx
LEFT JOIN stories s ON s.id = sm.story_id
ORDER BY p.event_date NULLS LAST, p.doc_id, p.idx
"""


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER record from a joined proposition row."""
    claims = row["claims"] or []
    return {
        "id": f"{row['doc_id']}-{row['idx']}", "date": row["date"] or _iso(row["event_date"]),
        "event": row["type"], "mode": row["mode"] or "", "context": [],
        "actor": list(row["actor"] or []), "recipient": list(row["recipient"] or []),
        "location": row["location"], "geolocation": _geo(row), "intensity": row["plover_score"], "cameo": row["cameo"],
        "verdict": row["verdict"], "story": row["story"], "story_verdict": row["story_verdict"],
        "text": claims[0]["evidence"] if claims else "", "claims": claims,
        "source": {"outlet": row["outlet"], "url": row["url"], "published": _iso(row["published"]),
                   "document": row["doc_id"]},
    }


def _geo(row: dict[str, Any]) -> dict[str, Any] | None:
    """The resolved place of the location: GeoNames (or ISO 3166-2) id, name, state, region, coordinates."""
    if row.get("place_id") is None:
        return None
    return {"id": row["place_id"], "name": row["place_name"], "kind": row["place_kind"],
            "country": row["place_country"], "admin1": row["place_admin1"], "lat": row["lat"], "lon": row["lon"]}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_plover(store: Store, stream: IO[str]) -> dict[str, int]:
    """Write every proposition as a PLOVER JSON record, one a line."""
    cursor = store.execute(_SELECT)
    columns = [c[0] for c in cursor.description or ()]
    n = 0
    while rows := cursor.fetchmany(5000):
        for values in rows:
            stream.write(json.dumps(plover_record(dict(zip(columns, values, strict=True))),
                                    ensure_ascii=False) + "\n")
            n += 1
    return {"events": n}
