// The timeline: stacked bars of event counts per period, one colour per quad class.
import { format, svg } from "./dom.js";
import { emptyNote } from "./map.js";
import { QUADS, quadColour } from "./quads.js";

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 44;
const BOTTOM = 22;
const TOP = 8;
const MAX_FILLED = 1000;

function nextPeriod(date, period) {
  const next = new Date(date);
  if (period === "day") next.setUTCDate(next.getUTCDate() + 1);
  else if (period === "week") next.setUTCDate(next.getUTCDate() + 7);
  else next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

// Every period from the first to the last, so that gaps show as gaps (when the labels are
// dates and there are not too many); otherwise the periods that have events.
function periods(labels, period) {
  const sorted = [...labels].sort();
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!sorted.length || !sorted.every((label) => iso.test(label))) return sorted;
  const all = [];
  const last = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
  for (let day = new Date(`${sorted[0]}T00:00:00Z`); day <= last; day = nextPeriod(day, period)) {
    all.push(day.toISOString().slice(0, 10));
    if (all.length > MAX_FILLED) return sorted;
  }
  return all.length && all[all.length - 1] === sorted[sorted.length - 1] ? all : sorted;
}

function label(text, period) {
  return period === "month" ? String(text).slice(0, 7) : String(text);
}

export function drawTimeline(container, rows, { period }) {
  const counts = new Map();
  for (const row of rows) {
    const key = String(row.period);
    if (!counts.has(key)) counts.set(key, {});
    counts.get(key)[row.quad] = (counts.get(key)[row.quad] || 0) + Number(row.count);
  }
  if (!counts.size) {
    container.replaceChildren(emptyNote("No dated events for these filters."));
    return;
  }
  const axis = periods(counts.keys(), period);
  const totals = axis.map((p) => Object.values(counts.get(p) || {}).reduce((a, b) => a + b, 0));
  const largest = Math.max(1, ...totals);
  const plotWidth = WIDTH - LEFT - 4;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / axis.length;
  const bar = Math.max(step * 0.85, 0.5);
  const scale = (n) => (n / largest) * plotHeight;
  const total = totals.reduce((a, b) => a + b, 0);
  const root = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
    "aria-label": `${format(total)} events over ${axis.length} ${period}s, at most ${format(largest)} in one ${period}`,
  });
  for (const tick of [0, largest / 2, largest]) {
    const ty = TOP + plotHeight - scale(tick);
    root.append(
      svg("line", { class: "grid", x1: LEFT, x2: WIDTH - 4, y1: ty, y2: ty }),
      svg("text", { class: "tick", x: LEFT - 4, y: ty + 3, "text-anchor": "end", text: format(Math.round(tick)) }),
    );
  }
  axis.forEach((p, i) => {
    const quads = counts.get(p) || {};
    const parts = QUADS.filter((q) => quads[q.id]).map((q) => `${format(quads[q.id])} ${q.name}`);
    const group = svg("g", { class: "bar" }, [
      svg("title", { text: `${label(p, period)}: ${format(totals[i])} events${parts.length ? ` (${parts.join(", ")})` : ""}` }),
    ]);
    let base = TOP + plotHeight;
    for (const quad of QUADS) {
      const n = quads[quad.id] || 0;
      if (!n) continue;
      const h = scale(n);
      base -= h;
      group.append(svg("rect", { x: LEFT + i * step, y: base, width: bar, height: h, fill: quadColour(quad.id) }));
    }
    root.append(group);
  });
  const marks = axis.length === 1 ? [0] : [0, Math.floor((axis.length - 1) / 2), axis.length - 1];
  for (const i of new Set(marks)) {
    const anchor = i === 0 ? "start" : i === axis.length - 1 ? "end" : "middle";
    const tx = LEFT + i * step + (anchor === "start" ? 0 : anchor === "end" ? bar : bar / 2);
    root.append(svg("text", { class: "tick", x: tx, y: HEIGHT - 6, "text-anchor": anchor, text: label(axis[i], period) }));
  }
  container.replaceChildren(root);
}
