// Shared formatting of event records (see the event record contract in ARCHITECTURE.md).
import { el } from "./dom.js";

export function actorText(actors) {
  if (!actors || !actors.length) return "—";
  return actors.map((a) => {
    const code = a.code || a.country || "";
    const name = a.name || a.text || "";
    return code && name ? `${code} ${name}` : code || name || "?";
  }).join("; ");
}

export function placeText(location) {
  if (!location) return "—";
  return location.country ? `${location.name} (${location.country})` : location.name;
}

// A link only for web addresses: a record's url comes from the story and may be anything.
export function safeLink(url, text) {
  try {
    const parsed = new URL(url, window.location.href);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank", text: text || url });
    }
  } catch {
    // not a URL: shown as text below
  }
  return document.createTextNode(text || url || "");
}

// The sentence as text nodes and <mark class=ROLE data-role=ROLE> elements. Overlapping
// spans keep the one that starts first (the longer one on a tie); offsets outside the
// sentence are ignored.
export function highlighted(sentence, highlights) {
  const spans = (highlights || [])
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= sentence.length && h.start < h.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) nodes.push(document.createTextNode(sentence.slice(at, span.start)));
    nodes.push(el("mark", {
      class: span.role, "data-role": span.role, title: span.role, text: sentence.slice(span.start, span.end),
    }));
    at = span.end;
  }
  if (at < sentence.length) nodes.push(document.createTextNode(sentence.slice(at)));
  return nodes;
}

// Highlights for a record that has none (POST /api/code returns plain records): its offsets
// point into the story, so find where the sentence starts from the trigger, and keep only the
// spans whose text is where that start puts them.
export function recordHighlights(event) {
  const sentence = event.sentence || "";
  const trigger = event.trigger || {};
  const spans = [
    { role: "trigger", ...trigger },
    ...(event.actor || []).map((a) => ({ role: "actor", ...a })),
    ...(event.recipient || []).map((a) => ({ role: "recipient", ...a })),
  ].filter((span) => span.text && Number.isInteger(span.start));
  let best = [];
  if (!trigger.text) return best;
  for (let at = sentence.indexOf(trigger.text); at >= 0; at = sentence.indexOf(trigger.text, at + 1)) {
    const base = trigger.start - at;
    const found = spans.map((span) => ({ role: span.role, start: span.start - base, end: span.start - base + span.text.length }))
      .filter((span, i) => sentence.slice(span.start, span.end) === spans[i].text);
    if (found.length > best.length) best = found;
  }
  return best;
}
