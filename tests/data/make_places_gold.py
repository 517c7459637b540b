"""Turn the hand-coded place mentions (``places_gold_coding.tsv``) into the stand-off gold file.

Each code names the entry the coder chose by reading the line; this script only finds the characters of
the mention and the entry's id and position in the sources (never the resolver's choice)::

    python tests/data/make_places_gold.py ../shared/corpus/wikipedia_current_events_2022h1.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from thucydides.places.build import _read_json
from thucydides.places.index import load_index
from thucydides.places.names import normalize

HERE = Path(__file__).parent
OUT = Path(__file__).parents[2] / "src" / "thucydides" / "data" / "places_gold.jsonl"


def _city(name: str, iso2: str, admin1: str, cities: list[dict[str, Any]]) -> dict[str, Any] | None:
    key = normalize(name)
    found = [c for c in cities if c["countrycode"] == iso2 and (not admin1 or c["admin1code"] == admin1)
             and (normalize(c["name"]) == key or any(normalize(a) == key for a in c["alternatenames"]))]
    return max(found, key=lambda c: c["population"]) if found else None


def _region(code: str) -> Any:
    index = load_index()
    if not code.startswith("US-"):
        return index.get("iso:" + code)
    return next((p for p in map(index.place, range(len(index.rows))) if p.kind == "adm1" and p.admin1 == code), None)


def entry(code: str, cities: list[dict[str, Any]]) -> tuple[str | None, float, float, str]:
    """(id, lat, lon, what it is) of a code."""
    index = load_index()
    code, _, at = code.partition("@")
    fallback = tuple(float(x) for x in at.split(",")) if at else None
    kind, _, value = code.partition(":")
    place = None
    if kind == "C":
        place = index.country(value)
    elif kind == "R":
        place = _region(value)
        if (place is None or place.lat is None) and fallback:
            return "iso:" + value if place is None else place.id, fallback[0], fallback[1], "(region: position by coder)"
    elif kind == "P":
        name, iso2, *rest = value.split("|")
        city = _city(name, iso2, rest[0] if rest else "", cities)
        if city is None and fallback:
            return None, fallback[0], fallback[1], "(place not in GeoNames cities1000)"
        if city is not None:
            place = index.get(f"gn:{city['geonameid']}")
    elif kind in ("T", "F", "G"):
        place = index.get({"T": "", "F": "fips:", "G": "gn:"}[kind] + value)
    elif kind == "X":
        lat, lon = (float(x) for x in value.split(","))
        return None, lat, lon, "(no source holds it)"
    if place is None or place.lat is None or place.lon is None:
        raise SystemExit(f"cannot find {code}")
    return place.id, place.lat, place.lon, f"{place.name} [{place.kind}, {place.country} {place.admin1_name}, {place.population}]"


def main(corpus: str, coding: str = "places_gold_coding.tsv", out: Path = OUT) -> None:
    with open(corpus, encoding="utf-8") as fh:
        texts = {r["id"]: r["text"] for r in map(json.loads, fh)}
    cities = list(_read_json("cities1000.json").values())
    rows = []
    for cols in (line.split("\t") for line in (HERE / coding).read_text().splitlines()
                 if line.strip() and not line.startswith("#")):
        doc, mention, code, occ = (*cols, "0")[:4]
        hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", texts[doc])]
        chosen = hits if occ == "*" else [hits[int(occ)]]
        try:
            pid, lat, lon, what = entry(code, cities)
        except SystemExit as exc:
            print(exc)
            continue
        print(f"{doc}\t{mention}\t{code}\t{len(chosen)}\t{pid}\t{what}")
        rows += [{"id": doc, "start": s, "end": s + len(mention), "text": mention, "place_id": pid,
                  "lat": lat, "lon": lon} for s in chosen]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(len(rows), "mentions ->", out)


if __name__ == "__main__":
    if len(sys.argv) > 2:  # the tuning set: make_places_gold.py CORPUS places_dev_coding.tsv src/.../places_dev.jsonl
        main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
    else:
        main(sys.argv[1])
