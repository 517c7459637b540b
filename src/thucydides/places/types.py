"""The typed results of place resolution: a gazetteer entry (:class:`Place`) and a mention of one in a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Place", "PlaceMention"]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    Attributes:
        id: stable key: ``gn:<GeoNames id>`` for GeoNames entries, ``iso:<ISO 3166-2 code>`` for first-level
            regions without a GeoNames id here, ``a1:<country>.<GeoNames admin-1 code>`` for regions known only
            by GeoNames' admin-1 name, ``fips:<US county FIPS>``, ``thu:<slug>`` for the team's supplementary
            places.
        name: the gazetteer's name (``"Kharkiv"``, ``"Donetsk Oblast"``).
        kind: ``country``, ``adm1``, ``adm2``, ``city``, ``capital``, ``continent``, or a supplementary kind
            (``village``, ``town``, ``facility``, ``territory``, ``region``, ``sea``, ``strait``, ...).
        country: ISO 3166-1 alpha-3 of the state the place belongs to, ``""`` for none (seas, continents).
        admin1: ISO 3166-2 code (or GeoNames admin-1 code where no ISO code is known) of its first-level region.
        admin1_name: that region's name, ``""`` when unknown.
        lat: latitude in degrees, or None when the sources give no position.
        lon: longitude in degrees, or None.
        population: GeoNames population, 0 when unknown.
        geonames_id: the GeoNames id, or None for entries from other sources.
    """

    id: str
    name: str
    kind: str
    country: str
    admin1: str
    admin1_name: str
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "admin1": self.admin1, "admin1_name": self.admin1_name, "lat": self.lat, "lon": self.lon,
                "population": self.population, "geonames_id": self.geonames_id}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        lat, lon, gid = d.get("lat"), d.get("lon"), d.get("geonames_id")
        return cls(str(d["id"]), str(d.get("name", "")), str(d.get("kind", "")), str(d.get("country", "")),
                   str(d.get("admin1", "")), str(d.get("admin1_name", "")),
                   None if lat is None else float(lat), None if lon is None else float(lon),
                   int(d.get("population") or 0), None if gid is None else int(gid))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name as written in a text, with the entry it resolves to or the reason it does not.

    Attributes:
        text: the name as written.
        start: first character of the name in the text.
        end: one past its last character.
        place: the resolved entry, or None.
        unresolved: why ``place`` is None (``"not in gazetteer"``, ``"ambiguous"``), ``""`` when resolved.
        source: how the mention was found: ``"ner"`` (a spaCy entity) or ``"gazetteer"``.
    """

    text: str
    start: int
    end: int
    place: Place | None = None
    unresolved: str = ""
    source: str = "ner"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "unresolved": self.unresolved,
                "source": self.source, "place": self.place.to_dict() if self.place else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PlaceMention:
        place = Place.from_dict(d["place"]) if d.get("place") else None
        return cls(str(d["text"]), int(d["start"]), int(d["end"]), place, str(d.get("unresolved", "")),
                   str(d.get("source", "ner")))
