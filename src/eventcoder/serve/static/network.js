// The actor network: actors on a circle (grouped by country), directed edges curved towards
// the centre (A->B and B->A bend apart), width by number of events, colour by mean Goldstein.
import { activate, format, svg } from "./dom.js";
import { emptyNote } from "./map.js";

const SIZE = 440;
const CENTRE = SIZE / 2;
const RADIUS = 150;
const TONES = [
  { name: "conflict", colour: "#D55E00", test: (g) => g < -0.5 },
  { name: "cooperation", colour: "#0072B2", test: (g) => g > 0.5 },
  { name: "neutral", colour: "#777777", test: () => true },
];

function tone(goldstein) {
  return TONES.find((t) => t.test(Number(goldstein) || 0));
}

function arrowheads() {
  return svg("defs", {}, TONES.map((t) => svg("marker", {
    id: `arrow-${t.name}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerUnits: "userSpaceOnUse",
    markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse",
  }, [svg("path", { d: "M0,0L10,5L0,10Z", fill: t.colour })])));
}

export function drawNetwork(container, { nodes, edges }, { onSelect }) {
  if (!nodes.length) {
    container.replaceChildren(emptyNote("No actor pairs for these filters."));
    return;
  }
  const ordered = [...nodes].sort((a, b) =>
    String(a.country || "").localeCompare(String(b.country || "")) || String(a.id).localeCompare(String(b.id)));
  const place = new Map();
  const biggest = Math.max(1, ...nodes.map((n) => n.count));
  ordered.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / ordered.length - Math.PI / 2;
    place.set(node.id, {
      x: CENTRE + RADIUS * Math.cos(angle), y: CENTRE + RADIUS * Math.sin(angle), angle,
      r: 3 + 9 * Math.sqrt(node.count / biggest),
    });
  });
  const heaviest = Math.max(1, ...edges.map((e) => e.weight));
  const root = svg("svg", {
    viewBox: `0 0 ${SIZE} ${SIZE}`, role: "group",
    "aria-label": `Actor network: ${nodes.length} actors, ${edges.length} directed links`,
  }, [arrowheads()]);
  const links = svg("g", { class: "edges" });
  for (const edge of edges) {
    const a = place.get(edge.source);
    const b = place.get(edge.target);
    if (!a || !b) continue;
    const t = tone(edge.goldstein);
    const label = `${edge.source} → ${edge.target}: ${format(edge.weight)} events, mean Goldstein ${Number(edge.goldstein).toFixed(1)}`;
    let d;
    if (a === b) {
      // An actor acting on itself (e.g. a government on its own citizens): a small outward loop.
      const rim = (turn, distance) => [a.x + distance * Math.cos(a.angle + turn), a.y + distance * Math.sin(a.angle + turn)];
      const [sx, sy] = rim(-0.5, a.r);
      const [c1x, c1y] = rim(-0.35, a.r + 22);
      const [c2x, c2y] = rim(0.35, a.r + 22);
      const [ex, ey] = rim(0.5, a.r + 1);
      d = `M${sx},${sy}C${c1x},${c1y} ${c2x},${c2y} ${ex},${ey}`;
    } else {
      // The control point sits off the chord's middle, to the right of the direction of travel.
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const length = Math.hypot(dx, dy) || 1;
      const bend = 0.18 * length;
      const cx = mx - (dy / length) * bend;
      const cy = my + (dx / length) * bend;
      // Stop at the target's rim so the arrowhead shows.
      const ex = b.x - ((b.x - cx) / Math.hypot(b.x - cx, b.y - cy)) * (b.r + 1);
      const ey = b.y - ((b.y - cy) / Math.hypot(b.x - cx, b.y - cy)) * (b.r + 1);
      d = `M${a.x},${a.y}Q${cx},${cy} ${ex},${ey}`;
    }
    links.append(svg("path", {
      d, class: "edge", stroke: t.colour, "stroke-width": 0.6 + 3 * Math.sqrt(edge.weight / heaviest),
      "marker-end": `url(#arrow-${t.name})`, "data-source": edge.source, "data-target": edge.target,
    }, [svg("title", { text: label })]));
  }
  root.append(links);
  for (const node of ordered) {
    const p = place.get(node.id);
    const right = Math.cos(p.angle) >= 0;
    const name = node.label && node.label !== node.id ? `${node.label} (${node.id})` : node.id;
    const text = `${name}: ${format(node.count)} events`;
    const group = svg("g", { class: "node", "aria-label": node.country ? `${text}; show ${node.country}'s events` : text }, [
      svg("title", { text }),
      svg("circle", { cx: p.x, cy: p.y, r: p.r }),
      svg("text", {
        x: p.x + Math.cos(p.angle) * (p.r + 4), y: p.y + Math.sin(p.angle) * (p.r + 4) + 3, "text-anchor": right ? "start" : "end",
        text: node.id,
      }),
    ]);
    const lit = (on) => links.querySelectorAll("path").forEach((path) => {
      const touches = path.dataset.source === node.id || path.dataset.target === node.id;
      path.classList.toggle("lit", on && touches);
      path.classList.toggle("dim", on && !touches);
    });
    group.addEventListener("mouseenter", () => lit(true));
    group.addEventListener("mouseleave", () => lit(false));
    group.addEventListener("focus", () => lit(true));
    group.addEventListener("blur", () => lit(false));
    // Only an actor with a country can become a filter.
    if (node.country) activate(group, () => onSelect(node));
    root.append(group);
  }
  container.replaceChildren(root);
}
