"""Build the dashboard's world outline (src/eventcoder/serve/static/world.geojson).

Source: the npm package world-atlas 2.0.2 (countries-110m.json, TopoJSON of Natural Earth's
1:110m admin-0 countries). Natural Earth is public domain; world-atlas is ISC-licensed,
copyright 2013-2019 Michael Bostock. Get it without a network at run time of the dashboard:

    cd /tmp && npm pack world-atlas@2.0.2
    python scripts/build_world.py /tmp/world-atlas-2.0.2.tgz     # or a countries-110m.json
    python scripts/build_world.py TOPO --out /tmp/world.geojson  # build elsewhere

The TopoJSON arcs are decoded here (delta-encoded, quantised), rings are stitched from arcs,
coordinates rounded to 2 decimals (about 1 km; plenty for a 110m outline) and repeated points
dropped. The output is deterministic: features sorted by id, compact JSON, one trailing newline.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "eventcoder" / "serve" / "static" / "world.geojson"
MEMBER = "package/countries-110m.json"
DIGITS = 2

Point = tuple[float, float]


def read_topology(path: Path) -> dict[str, Any]:
    """The TopoJSON object from a countries-110m.json file or the world-atlas npm tarball."""
    if path.name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(path) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                raise ValueError(f"{path} has no {MEMBER}")
            return json.load(member)
    return json.loads(path.read_text(encoding="utf-8"))


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute, rounded coordinates of every arc (quantised arcs are delta-encoded)."""
    transform = topology.get("transform")
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        if transform is None:
            points = [(float(x), float(y)) for x, y, *_ in arc]
        else:
            (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for step_x, step_y, *_ in arc:
                x, y = x + step_x, y + step_y
                points.append((x * kx + dx, y * ky + dy))
        arcs.append([(round(px, DIGITS), round(py, DIGITS)) for px, py in points])
    return arcs


def stitch_ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring from arc indexes (~i is arc i reversed), without repeated points."""
    ring: list[Point] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        for point in points:
            if not ring or ring[-1] != point:
                ring.append(point)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def _crossings(ring: list[Point]) -> int:
    """How many edges of a ring jump across the antimeridian (more than 180 degrees)."""
    return sum(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:]))


def _clip(ring: list[Point], *, west: bool) -> list[Point]:
    """The part of a ring (longitudes in 0..360) west or east of 180 degrees
    (Sutherland-Hodgman against one vertical line), closed."""
    def inside(point: Point) -> bool:
        return point[0] <= 180 if west else point[0] >= 180

    clipped: list[Point] = []
    for a, b in zip(ring, ring[1:]):
        if inside(a) != inside(b):
            t = (180 - a[0]) / (b[0] - a[0])
            clipped.append((180.0, round(a[1] + t * (b[1] - a[1]), DIGITS)))
        if inside(b):
            clipped.append(b)
    deduped = [p for i, p in enumerate(clipped) if i == 0 or clipped[i - 1] != p]
    if deduped and deduped[0] != deduped[-1]:
        deduped.append(deduped[0])
    return deduped


def split_antimeridian(ring: list[Point]) -> list[list[Point]]:
    """Rings drawable on a flat equirectangular map.

    A ring around a pole (Antarctica: one crossing) is closed along the map's edge; a ring
    across the antimeridian (Fiji, Chukotka: two crossings) is cut into a western and an
    eastern piece, so no edge runs across the whole map.
    """
    crossings = _crossings(ring)
    if crossings == 0:
        return [ring]
    if crossings % 2:
        pole = -90.0 if sum(y for _, y in ring) < 0 else 90.0
        closed: list[Point] = []
        for a, b in zip(ring, ring[1:]):
            closed.append(a)
            if abs(a[0] - b[0]) > 180:
                closed += [(a[0], pole), (b[0], pole)]
        return [closed + [closed[0]]]
    unwrapped = [(x + 360 if x < 0 else x, y) for x, y in ring]
    east = [(round(x - 360, DIGITS), y) for x, y in _clip(unwrapped, west=False)]
    return [piece for piece in (_clip(unwrapped, west=True), east) if len(piece) >= 4]


def polygons(rings: list[list[int]], arcs: list[list[Point]]) -> list[list[list[list[float]]]]:
    """GeoJSON polygons for one TopoJSON polygon; rings that rounding collapsed (< 4 points)
    are dropped. An outer ring cut at the antimeridian gives one polygon per piece (at 1:110m
    those rings have no holes)."""
    stitched = [ring for ring in (stitch_ring(r, arcs) for r in rings) if len(ring) >= 4]
    if not stitched:
        return []
    outer, holes = split_antimeridian(stitched[0]), stitched[1:]
    pieces = [[outer[0], *holes]] if len(outer) == 1 else [[piece] for piece in outer]
    return [[[[x, y] for x, y in ring] for ring in piece] for piece in pieces]


def feature(geometry: dict[str, Any], arcs: list[list[Point]]) -> dict[str, Any] | None:
    """A GeoJSON Feature for one TopoJSON geometry (None when nothing is left of it)."""
    if geometry["type"] == "Polygon":
        parts = polygons(geometry["arcs"], arcs)
    elif geometry["type"] == "MultiPolygon":
        parts = [part for rings in geometry["arcs"] for part in polygons(rings, arcs)]
    else:
        return None
    if not parts:
        return None
    shape = ({"type": "Polygon", "coordinates": parts[0]} if len(parts) == 1
             else {"type": "MultiPolygon", "coordinates": parts})
    return {
        "type": "Feature",
        "id": geometry.get("id", ""),
        "properties": {"name": geometry.get("properties", {}).get("name", "")},
        "geometry": shape,
    }


def to_geojson(topology: dict[str, Any], *, layer: str = "countries") -> dict[str, Any]:
    """A GeoJSON FeatureCollection of one TopoJSON layer, features sorted by id then name."""
    arcs = decode_arcs(topology)
    features = [feature(geometry, arcs) for geometry in topology["objects"][layer]["geometries"]]
    kept = sorted((f for f in features if f is not None),
                  key=lambda f: (str(f["id"]), f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": kept}


def render(collection: dict[str, Any]) -> str:
    """The compact, deterministic text written to the static folder."""
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Convert the TopoJSON named on the command line and write the GeoJSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path,
                        help="world-atlas-2.0.2.tgz (from `npm pack`) or countries-110m.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="GeoJSON file to write")
    args = parser.parse_args(argv)
    collection = to_geojson(read_topology(args.source))
    args.out.write_text(render(collection), encoding="utf-8", newline="\n")
    print(f"wrote {len(collection['features'])} countries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
