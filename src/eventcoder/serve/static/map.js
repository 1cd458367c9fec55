// The map: country outlines (world.geojson, see README.txt) in an equirectangular projection,
// and one circle per place, sized by its number of events and split into quad-class slices.
import { activate, format, svg } from "./dom.js";
import { QUADS, quadColour } from "./quads.js";

// The map shows latitudes 84 N to 60 S: Antarctica would take a quarter of it for no events.
const TOP = 84;
const BOTTOM = -60;
const WIDTH = 360;
const HEIGHT = TOP - BOTTOM;
let outline = null;

const x = (lon) => lon + 180;
const y = (lat) => TOP - lat;

async function fetchOutline() {
  const response = await fetch("world.geojson");
  if (!response.ok) throw new Error(`world.geojson: HTTP ${response.status}`);
  const world = await response.json();
  // One path for every country: far fewer nodes than one per country, and nothing to click.
  const parts = [];
  for (const feature of world.features) {
    const { type, coordinates } = feature.geometry;
    const polygons = type === "Polygon" ? [coordinates] : coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        parts.push(`M${ring.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join("L")}Z`);
      }
    }
  }
  return parts.join("");
}

// The outline's SVG path, fetched once; call early so it loads alongside the API requests.
export function worldPath() {
  if (outline === null) {
    outline = fetchOutline();
    outline.catch(() => {
      outline = null; // try again on the next draw
    });
  }
  return outline;
}

function slice(cx, cy, r, from, to) {
  const point = (turn) => [cx + r * Math.sin(turn * 2 * Math.PI), cy - r * Math.cos(turn * 2 * Math.PI)];
  const [x0, y0] = point(from);
  const [x1, y1] = point(to);
  const large = to - from > 0.5 ? 1 : 0;
  return `M${cx},${cy}L${x0},${y0}A${r},${r} 0 ${large} 1 ${x1},${y1}Z`;
}

function marker(point, radius) {
  const cx = x(point.lon);
  const cy = y(point.lat);
  const counts = QUADS.map((q) => [q.id, Number((point.quad || {})[q.id] || 0)]).filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  if (counts.length <= 1) {
    const quad = counts.length ? counts[0][0] : 0;
    return [svg("circle", { cx, cy, r: radius, fill: quadColour(quad), "stroke-width": radius / 20 })];
  }
  let turn = 0;
  return counts.map(([quad, n]) => {
    const next = turn + n / total;
    const shape = svg("path", {
      d: slice(cx, cy, radius, turn, next), fill: quadColour(quad), "stroke-width": radius / 20,
    });
    turn = next;
    return shape;
  });
}

function describe(point) {
  const quads = QUADS.filter((q) => (point.quad || {})[q.id])
    .map((q) => `${format(point.quad[q.id])} ${q.name}`).join(", ");
  const where = point.country ? `${point.name} (${point.country})` : point.name;
  return `${where}: ${format(point.count)} events${quads ? `; ${quads}` : ""}`;
}

// The part of the map that shows every point with a margin: at least MIN_SPAN degrees wide,
// the map's aspect ratio, inside the map.
const MIN_SPAN = 120;
const MARGIN = 12;

function frame(points) {
  if (!points.length) return { x: 0, y: 0, width: WIDTH, height: HEIGHT };
  const xs = points.map((p) => x(p.lon));
  const ys = points.map((p) => y(p.lat));
  const centre = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  let width = Math.max(MIN_SPAN, Math.max(...xs) - Math.min(...xs) + 2 * MARGIN);
  width = Math.min(WIDTH, Math.max(width, (Math.max(...ys) - Math.min(...ys) + 2 * MARGIN) * (WIDTH / HEIGHT)));
  const height = width * (HEIGHT / WIDTH);
  const left = Math.min(Math.max(centre[0] - width / 2, 0), WIDTH - width);
  const top = Math.min(Math.max(centre[1] - height / 2, 0), HEIGHT - height);
  return { x: left, y: top, width, height };
}

export async function drawMap(container, points, { onSelect }) {
  const path = await worldPath();
  const largest = Math.max(1, ...points.map((p) => p.count));
  const ordered = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon))
    .sort((a, b) => b.count - a.count);
  const view = frame(ordered);
  // Circles keep their size on screen whatever the zoom.
  const unit = view.width / WIDTH;
  const root = svg("svg", {
    viewBox: `${view.x} ${view.y} ${view.width} ${view.height}`, role: "group",
    "aria-label": `Map of ${ordered.length} places`,
  }, [
    svg("rect", { class: "sea", x: 0, y: 0, width: WIDTH, height: HEIGHT }),
    svg("path", { class: "land", d: path, "aria-hidden": "true", "stroke-width": 0.3 * unit }),
  ]);
  for (const point of ordered) {
    const radius = unit * (1.2 + 6 * Math.sqrt(point.count / largest));
    const label = describe(point);
    const group = svg("g", { class: "point", "aria-label": label },
      [svg("title", { text: label }), ...marker(point, radius)]);
    activate(group, () => onSelect(point));
    root.append(group);
  }
  container.replaceChildren(root);
  if (!ordered.length) container.append(emptyNote("No located events for these filters."));
}

export function emptyNote(text) {
  const note = document.createElement("p");
  note.className = "empty";
  note.textContent = text;
  return note;
}
