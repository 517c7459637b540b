"""Vendor the workbench's browser assets from npm into ``src/thucydides/web/static/vendor/``.

Run once when upgrading an asset (needs ``npm`` and the npm registry; the package then works offline):

    python scripts/vendor_web.py

It fetches pinned packages with ``npm pack``, copies the files the pages use with each package's licence,
and turns world-atlas's Natural Earth TopoJSON (110m countries) into GeoJSON plus one centroid per
country (keyed by ISO 3166-1 alpha-3 code, through i18n-iso-countries' code table), which the map uses
to place events until their places are resolved.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src" / "thucydides" / "web" / "static" / "vendor"
PACKAGES = {"leaflet": "1.9.4", "leaflet.markercluster": "1.5.3", "world-atlas": "2.0.2",
            "swagger-ui-dist": "5.35.0", "i18n-iso-countries": "7.14.0"}
FILES = {
    "leaflet": {"dist/leaflet.js": "leaflet.js", "dist/leaflet.css": "leaflet.css", "LICENSE": "LICENSE"},
    "leaflet.markercluster": {"dist/leaflet.markercluster.js": "leaflet.markercluster.js",
                              "dist/MarkerCluster.css": "MarkerCluster.css",
                              "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
                              "MIT-LICENCE.txt": "LICENSE"},
    "swagger-ui-dist": {"swagger-ui-bundle.js": "swagger-ui-bundle.js", "swagger-ui.css": "swagger-ui.css",
                        "LICENSE": "LICENSE", "NOTICE": "NOTICE"},
    "world-atlas": {"LICENSE": "LICENSE"},
    "i18n-iso-countries": {"LICENSE": "LICENSE"},
}


def fetch(name: str, version: str, work: Path) -> Path:
    """Unpack ``name@version`` from the npm registry into ``work/name``; returns its ``package`` folder."""
    out = subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=work, check=True,
                         capture_output=True, text=True).stdout.split()[-1]
    target = work / name
    with tarfile.open(work / out) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def _arc_points(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 4), round(y * sy + ty, 4)))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that touches both sides of the antimeridian (Russia, Fiji), moved to 0..360 so that it
    neither draws a band across the map nor averages to the wrong side of the globe."""
    if ring and max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
        return [(x + 360 if x < 0 else x, y) for x, y in ring]
    return ring


def _area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Signed-area-weighted centroid (shoelace) of an unwrapped ring: ``(|area|, lon, lat)``."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a, cx, cy = a + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    lon = cx / (3 * a)
    return abs(a) / 2, lon - 360 if lon > 180 else lon, cy / (3 * a)


def geojson(topo: dict[str, Any], iso3: dict[str, str]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """Countries as a GeoJSON FeatureCollection and ``{ISO3: [lat, lon, name]}`` centroids (of each
    country's largest polygon, so overseas territories do not pull the point into the sea). Antarctica,
    whose ring runs around the pole, is left out."""
    arcs = _arc_points(topo)
    features, centroids = [], {}
    for g in topo["objects"]["countries"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        if g["properties"]["name"] == "Antarctica":
            continue
        rings = [[_unwrap(_ring(r, arcs)) for r in polygon] for polygon in polygons]
        code = iso3.get(str(g.get("id", "")), "")
        name = g["properties"]["name"]
        coords = [[[list(p) for p in ring] for ring in polygon] for polygon in rings]
        features.append({"type": "Feature", "properties": {"name": name, "iso3": code},
                         "geometry": {"type": "MultiPolygon", "coordinates": coords}})
        if code:
            _, lon, lat = max(_area_centroid(polygon[0]) for polygon in rings)
            centroids[code] = [round(lat, 3), round(lon, 3), name]
    return {"type": "FeatureCollection", "features": features}, centroids


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        roots = {name: fetch(name, version, work) for name, version in PACKAGES.items()}
        for name, files in FILES.items():
            folder = OUT / name
            folder.mkdir(parents=True, exist_ok=True)
            for source, target in files.items():
                shutil.copyfile(roots[name] / source, folder / target)
        codes = json.loads((roots["i18n-iso-countries"] / "codes.json").read_text())
        iso3 = {row[2]: row[1] for row in codes}
        topo = json.loads((roots["world-atlas"] / "countries-110m.json").read_text())
        features, centroids = geojson(topo, iso3)
        ne = OUT / "world-atlas"
        (ne / "countries-110m.geojson").write_text(json.dumps(features, separators=(",", ":")))
        (ne / "centroids.json").write_text(json.dumps(centroids, sort_keys=True, indent=0))
    versions = "\n".join(f"{n} {v}" for n, v in PACKAGES.items())
    (OUT / "VERSIONS.txt").write_text(versions + "\nNatural Earth data (public domain) via world-atlas.\n")


if __name__ == "__main__":
    main()
