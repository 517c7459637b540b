"""Other codes of a place's state: FIPS 10-4 (the country codes GDELT writes) from GeoNames' country table."""

from __future__ import annotations

import functools

from .build import _read_json

__all__ = ["fips_country", "gdelt_geo_type"]


@functools.lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    return {v["iso3"]: v["fips"] for v in _read_json("countries.json").values() if v.get("fips")}


def fips_country(iso3: str | None) -> str:
    """The FIPS 10-4 code of a state (``UKR`` -> ``UP``), ``""`` when there is none."""
    return _fips().get(iso3 or "", "")


def gdelt_geo_type(kind: str | None, iso3: str | None) -> int | None:
    """GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city (or other point), 5 world state."""
    if not kind:
        return None
    if kind == "country":
        return 1
    if kind == "adm1":
        return 2 if iso3 == "USA" else 5
    if not iso3:
        return None
    return 3 if iso3 == "USA" else 4
