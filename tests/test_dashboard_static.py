"""Fast checks of the dashboard's static files (serve/static/) and of scripts/build_world.py:
everything is bundled (no CDN), every input is labelled, the world outline is valid GeoJSON."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import script_module

REPO = Path(__file__).resolve().parents[1]
STATIC = REPO / "src" / "eventcoder" / "serve" / "static"
TEXT_SUFFIXES = {".html", ".js", ".css", ".txt"}
# Namespace names are identifiers the browser never fetches.
NAMESPACES = {"http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def world_builder() -> ModuleType:
    """scripts/build_world.py imported as a module."""
    yield from script_module("build_world")


@pytest.fixture(scope="module")
def world() -> dict:
    return json.loads((STATIC / "world.geojson").read_text(encoding="utf-8"))


def _text_files() -> list[Path]:
    return sorted(p for p in STATIC.iterdir() if p.suffix in TEXT_SUFFIXES)


class _Page(HTMLParser):
    """Collects the ids of form controls, the targets of labels, and local references."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[str] = []
        self.labelled: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"input", "select", "textarea"} and values.get("type") != "hidden":
            self.controls.append(values.get("id") or f"<{tag} name={values.get('name')}>")
        if tag == "label" and values.get("for"):
            self.labelled.add(values["for"])
        if tag in {"script", "link"}:
            self.references.append(values.get("src") or values.get("href") or "")


def _page() -> _Page:
    page = _Page()
    page.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("name", [
    "index.html", "app.js", "style.css", "world.geojson", "README.txt",
    "api.js", "dom.js", "event.js", "map.js", "network.js", "quads.js", "records.js",
    "state.js", "story.js", "table.js", "timeline.js",
])
def test_dashboard_static_file_exists(name):
    assert (STATIC / name).is_file()


@pytest.mark.parametrize("path", _text_files(), ids=lambda p: p.name)
def test_dashboard_static_references_no_remote_url(path):
    text = path.read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^\s\"'`)]+", text)) - NAMESPACES
    if path.name == "README.txt":
        urls = set()  # documentation, not something the page loads
    protocol_relative = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?//""", text)
    assert not urls and not protocol_relative, (urls, protocol_relative)


@pytest.mark.parametrize("path", sorted(STATIC.glob("*.js")), ids=lambda p: p.name)
def test_dashboard_static_module_imports_resolve(path):
    imports = re.findall(r"""^import .* from "([^"]+)";$""", path.read_text(encoding="utf-8"), re.M)
    assert all(name.startswith("./") and (STATIC / name[2:]).is_file() for name in imports), imports


def test_dashboard_static_page_references_resolve():
    references = [r for r in _page().references if not r.startswith("data:")]
    assert references and all((STATIC / r).is_file() for r in references), references


def test_dashboard_static_every_control_has_a_label():
    page = _page()
    assert page.controls
    assert [c for c in page.controls if c not in page.labelled] == []


def test_dashboard_static_world_is_a_feature_collection(world):
    assert world["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(world["features"]) >= 170
    assert {"France", "Libya", "Kenya", "India", "Russia", "Fiji"} <= names


def _rings(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    assert geometry["type"] in {"Polygon", "MultiPolygon"}
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def test_dashboard_static_world_rings_are_valid(world):
    problems = []
    for feature in world["features"]:
        for ring in _rings(feature):
            name = feature["properties"]["name"]
            if len(ring) < 4 or ring[0] != ring[-1]:
                problems.append(f"{name}: ring not closed or too short")
            if any(not (-180 <= x <= 180 and -90 <= y <= 90) or round(x, 2) != x for x, y in ring):
                problems.append(f"{name}: coordinate out of range or not rounded")
            # An edge across the whole flat map would draw a line over it; only the edge
            # along the map's bottom that closes Antarctica may be that long.
            if any(abs(a[0] - b[0]) > 180 and not (abs(a[1]) == abs(b[1]) == 90)
                   for a, b in zip(ring, ring[1:])):
                problems.append(f"{name}: edge across the antimeridian")
    assert problems == []


def test_dashboard_static_world_file_is_rendered_deterministically(world, world_builder):
    text = (STATIC / "world.geojson").read_text(encoding="utf-8")
    assert world_builder.render(world) == text
    assert len(text) < 250_000  # the page loads it on every visit


TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [-10, -20]},
    "arcs": [[[0, 0], [4, 0], [0, 8]], [[4, 8], [-4, 0], [0, -8]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "002", "properties": {"name": "Square"}},
        {"type": "Polygon", "arcs": [[~1, ~0]], "id": "001", "properties": {"name": "Reversed"}},
        {"type": "LineString", "arcs": [0], "id": "003", "properties": {"name": "Line"}},
    ]}},
}


def test_dashboard_static_decode_arcs_applies_deltas_and_transform(world_builder):
    assert world_builder.decode_arcs(TOPOLOGY) == [
        [(-10.0, -20.0), (-8.0, -20.0), (-8.0, -18.0)],
        [(-8.0, -18.0), (-10.0, -18.0), (-10.0, -20.0)],
    ]


@pytest.mark.parametrize(("indexes", "expected"), [
    ([0, 1], [(-10.0, -20.0), (-8.0, -20.0), (-8.0, -18.0), (-10.0, -18.0), (-10.0, -20.0)]),
    ([~1, ~0], [(-10.0, -20.0), (-10.0, -18.0), (-8.0, -18.0), (-8.0, -20.0), (-10.0, -20.0)]),
])
def test_dashboard_static_stitch_ring_joins_arcs(world_builder, indexes, expected):
    assert world_builder.stitch_ring(indexes, world_builder.decode_arcs(TOPOLOGY)) == expected


def test_dashboard_static_to_geojson_keeps_polygons_sorted_by_id(world_builder):
    collection = world_builder.to_geojson(TOPOLOGY)
    assert [(f["id"], f["properties"]["name"], f["geometry"]["type"]) for f in collection["features"]] == [
        ("001", "Reversed", "Polygon"), ("002", "Square", "Polygon"),
    ]


@pytest.mark.parametrize(("ring", "expected"), [
    ([(0, 0), (1, 0), (1, 1), (0, 0)], [[(0, 0), (1, 0), (1, 1), (0, 0)]]),
    # across the antimeridian: cut into a western and an eastern piece
    ([(179.0, 0.0), (-179.0, 0.0), (-179.0, 2.0), (179.0, 2.0), (179.0, 0.0)],
     [[(180.0, 0.0), (180.0, 2.0), (179.0, 2.0), (179.0, 0.0), (180.0, 0.0)],
      [(-180.0, 0.0), (-179.0, 0.0), (-179.0, 2.0), (-180.0, 2.0), (-180.0, 0.0)]]),
    # around the south pole: closed along the bottom of the map
    ([(-180.0, -80.0), (0.0, -70.0), (180.0, -80.0), (-180.0, -80.0)],
     [[(-180.0, -80.0), (0.0, -70.0), (180.0, -80.0), (180.0, -90.0), (-180.0, -90.0),
       (-180.0, -80.0)]]),
])
def test_dashboard_static_split_antimeridian(world_builder, ring, expected):
    assert world_builder.split_antimeridian(ring) == expected
