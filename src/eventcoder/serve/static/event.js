// The event page: the sentence with trigger, actor and recipient marked, the record's fields,
// its mentions and their sources.
import { el, format } from "./dom.js";
import { QUADS } from "./quads.js";
import { actorText, highlighted, placeText, safeLink } from "./records.js";

function field(list, name, value) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
  list.append(el("dt", { text: name }), el("dd", {}, [value instanceof Node ? value : String(value)]));
}

function counts(event) {
  const parts = ["fatalities", "injured", "arrested", "displaced"]
    .filter((name) => event[name] !== null && event[name] !== undefined)
    .map((name) => `${name} ${format(event[name])}${(event.approximate || []).includes(name) ? " (approx.)" : ""}`);
  return parts.join(", ");
}

export function showEvent(panel, event) {
  const quad = QUADS.find((q) => q.id === event.quad_class);
  panel.querySelector("#event-title").textContent =
    `${event.event_type}${event.mode ? ` (${event.mode})` : ""} · ${event.date || "undated"}`;
  panel.querySelector("#event-sentence").replaceChildren(...highlighted(event.sentence || "", event.highlights));
  const fields = panel.querySelector("#event-fields");
  fields.replaceChildren();
  field(fields, "Actor", actorText(event.actor));
  field(fields, "Recipient", actorText(event.recipient));
  field(fields, "CAMEO", `${event.cameo} (root ${event.cameo_root}), Goldstein ${event.goldstein}`);
  field(fields, "Quad class", quad ? `${quad.id} ${quad.name}` : event.quad_class);
  field(fields, "Context", (event.context || []).join(", "));
  field(fields, "Date", event.date ? `${event.date} (${event.date_precision || "?"}${event.date_source ? `, ${event.date_source}` : ""})` : "");
  field(fields, "Place", event.location ? placeText(event.location) : "");
  field(fields, "Counts", counts(event));
  const flags = ["negated", "hypothetical", "future"].filter((name) => event[name]);
  field(fields, "Flags", flags.join(", "));
  field(fields, "Reported by", event.reported_by ? actorText([event.reported_by]) : "");
  field(fields, "Source", event.source_name);
  if (event.url) field(fields, "URL", safeLink(event.url));
  field(fields, "Confidence", event.confidence);
  field(fields, "Versions", Object.entries(event.versions || {}).map(([k, v]) => `${k} ${v}`).join(", "));
  field(fields, "Event id", event.id);
  field(fields, "Article", event.article ? `${event.article.title || event.article.id} (${event.article.id})` : event.article_id);
  const mentions = panel.querySelector("#event-mentions");
  mentions.replaceChildren(...(event.mentions || []).map((m) => el("li", {}, [
    el("p", { class: "mention-source" }, [
      m.url ? safeLink(m.url, m.title || m.article_id) : document.createTextNode(m.title || m.article_id),
      document.createTextNode(` — ${m.source_name || "unknown source"}${m.published ? `, ${m.published}` : ""}, sentence ${m.sentence_index}`),
    ]),
    el("p", { class: "mention-sentence", text: m.sentence }),
  ])));
  if (!mentions.children.length) mentions.append(el("li", { text: "No mentions stored." }));
  panel.hidden = false;
  document.body.classList.add("event-open");
}
