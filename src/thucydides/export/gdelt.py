"""GDELT 2.0 event-table export: one tab-separated row per story, in GDELT's 61-column order.

Filled columns: GLOBALEVENTID, SQLDATE, MonthYear, Year, FractionDate, Actor1Code, Actor1Name,
Actor1CountryCode, Actor1KnownGroupCode, Actor2Code, Actor2Name, Actor2CountryCode, Actor2KnownGroupCode,
IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources,
NumArticles, ActionGeo_FullName, DATEADDED, SOURCEURL, and, for a story whose propositions have a resolved
place (docs/places.md), ActionGeo_Type, ActionGeo_CountryCode (FIPS 10-4, as GDELT writes it), ActionGeo_Lat
and ActionGeo_Long (the first such proposition's). The others are left empty (ActionGeo_FeatureID too: GDELT's
are GNS/GNIS ids, ours GeoNames'). Stories without a CAMEO code are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import IO, Any

from ..outputs import spreadsheet_safe
from ..places.codes import fips_country, gdelt_geo_type
from ..store.connection import Store

__all__ = ["GDELT_COLUMNS", "GOLDSTEIN", "IGO_CODES", "export_gdelt", "goldstein", "quad_of_cameo"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of a GDELT 2.0 event row, in order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)

#: Goldstein (1992) conflict-cooperation weights as GDELT applies them to CAMEO codes: every root
#: code, and the more specific codes whose weight differs from their root's.
GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
    "18": -9.0, "19": -10.0, "20": -10.0,
    "042": 1.9, "043": 2.8, "051": 3.4, "057": 8.0, "061": 6.4, "071": 7.4, "072": 8.3, "073": 7.4,
    "074": 8.5, "130": -4.4, "138": -7.0, "163": -8.0, "172": -5.0, "173": -5.0, "183": -10.0,
}

#: Codes of international organisations: written as known-group codes, not country codes.
IGO_CODES = frozenset({"UN", "NATO", "EU", "AU", "IAEA", "G7", "G20", "OSCE", "ASEAN", "WHO", "ICC", "IMF",
                       "OPEC", "ARL", "CSTO", "SCO", "ICRC", "WB", "OAS", "CIS", "BRICS", "GCC"})


def goldstein(cameo: str) -> float | None:
    """The Goldstein weight of a CAMEO code: the code's own, else its 3-digit base's, else its root's."""
    for key in (cameo, cameo[:3], cameo[:2]):
        if key in GOLDSTEIN:
            return GOLDSTEIN[key]
    return None


def quad_of_cameo(cameo: str) -> int | None:
    """GDELT QuadClass of a CAMEO code: roots 01-05 verbal cooperation (1), 06-08 material cooperation
    (2), 09-13 verbal conflict (3), 14-20 material conflict (4)."""
    try:
        root = int(cameo[:2])
    except ValueError:
        return None
    return 1 if 1 <= root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4 if root <= 20 else None


def _actor(code: str | None, names: dict[str, str]) -> dict[str, str]:
    if not code:
        return {}
    group = code in IGO_CODES or len(code) != 3
    return {"Code": code, "Name": names.get(code, code).upper(),
            "CountryCode": "" if group else code, "KnownGroupCode": code if group else ""}


def _event_id(story_id: str) -> int:
    return int(hashlib.sha256(story_id.encode()).hexdigest()[:15], 16)


_PLACES = """
SELECT sm.story_id, p.place_name, p.place_kind, p.place_country, p.lat, p.lon
FROM story_members sm JOIN propositions p ON p.doc_id = sm.doc_id AND p.idx = sm.prop_idx
WHERE p.lat IS NOT NULL ORDER BY sm.story_id, sm.doc_id, sm.prop_idx
"""


def _places(store: Store) -> dict[str, dict[str, Any]]:
    """The ActionGeo columns of each story that has a proposition with a resolved place."""
    out: dict[str, dict[str, Any]] = {}
    for story, name, kind, country, lat, lon in store.execute(_PLACES).fetchall():
        out.setdefault(story, {"ActionGeo_Type": gdelt_geo_type(kind, country), "ActionGeo_FullName": name,
                               "ActionGeo_CountryCode": fips_country(country), "ActionGeo_Lat": round(lat, 4),
                               "ActionGeo_Long": round(lon, 4)})
    return out


def _row(story: dict[str, Any], names: dict[str, str], added: str) -> dict[str, Any]:
    day: dt.date | None = story["first_date"]
    cameo: str = story["cameo"]
    row: dict[str, Any] = {
        "GLOBALEVENTID": _event_id(story["id"]), "IsRootEvent": 1, "EventCode": cameo,
        "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2], "QuadClass": quad_of_cameo(cameo),
        "GoldsteinScale": goldstein(cameo), "NumMentions": story["n_propositions"],
        "NumSources": story["n_outlets"], "NumArticles": story["n_documents"],
        "ActionGeo_FullName": story["location"], "DATEADDED": added, "SOURCEURL": story["url"]}
    if day is not None:
        row.update({"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": day.year,
                    "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"})
    for side, codes in (("Actor1", story["actor"]), ("Actor2", story["recipient"])):
        row.update({side + k: v for k, v in _actor(codes[0] if codes else None, names).items()})
    return row


def export_gdelt(store: Store, stream: IO[str], header: bool = False, raw: bool = False) -> dict[str, int]:
    """Write the stories as GDELT 2.0 event rows (tab-separated, no header unless ``header``).

    Cells never break a row (tabs and every line break become spaces); cells a spreadsheet would run as a
    formula get a leading ``'`` unless ``raw``.

    Returns:
        ``{"events": rows written, "skipped": stories without a CAMEO code}``.
    """
    names = dict(store.execute("""SELECT code, mode(name) FROM actor_mentions WHERE code <> '' AND name <> ''
                                  GROUP BY code""").fetchall())
    geo = _places(store)
    cursor = store.execute("SELECT * FROM stories ORDER BY first_date NULLS LAST, id")
    columns = [c[0] for c in cursor.description or ()]
    added = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    written = skipped = 0
    while rows := cursor.fetchmany(5000):
        for values in rows:
            story = dict(zip(columns, values, strict=True))
            if not story["cameo"]:
                skipped += 1
                continue
            row = _row(story, names, added)
            row.update({k: v for k, v in geo.get(story["id"], {}).items()
                        if k != "ActionGeo_FullName" or not row.get(k)})
            stream.write("\t".join(_cell(row.get(c), raw) for c in GDELT_COLUMNS) + "\n")
            written += 1
    return {"events": written, "skipped": skipped}


#: Characters that end a line for some reader of a TSV file (Python's splitlines, spreadsheets, editors).
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _cell(value: object, raw: bool = False) -> str:
    if value is None:
        return ""
    text = _BREAKS.sub(" ", str(value))
    return text if raw or isinstance(value, int | float) else spreadsheet_safe(text)
