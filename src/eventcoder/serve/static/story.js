// "Code a story": POST the pasted text to /api/code with an API key and list what came back.
import { postJSON } from "./api.js";
import { el } from "./dom.js";
import { QUADS } from "./quads.js";
import { actorText, highlighted, placeText, recordHighlights } from "./records.js";

function describe(event) {
  const quad = QUADS.find((q) => q.id === event.quad_class);
  return el("li", { "data-quad": event.quad_class, class: "coded" }, [
    el("p", {}, [
      el("strong", { text: `${event.event_type} ${event.cameo}` }),
      document.createTextNode(` ${actorText(event.actor)} → ${actorText(event.recipient)}`),
    ]),
    el("p", {
      class: "hint",
      text: `trigger “${(event.trigger || {}).text || ""}” · ${event.date || "undated"} · ${placeText(event.location)} · ${quad ? quad.name : ""}`,
    }),
    el("p", { class: "mention-sentence" }, highlighted(event.sentence || "", recordHighlights(event))),
  ]);
}

export function bindStoryForm(form, { status, results, onStored }) {
  form.addEventListener("submit", async (submit) => {
    submit.preventDefault();
    const data = new FormData(form);
    const body = { text: data.get("text"), store: data.get("store") === "on" };
    for (const name of ["title", "date"]) if (data.get(name)) body[name] = data.get(name);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.className = "status";
    status.textContent = "Coding…";
    results.replaceChildren();
    try {
      const reply = await postJSON("/api/code", body, { "X-API-Key": data.get("key") });
      results.replaceChildren(...reply.events.map(describe));
      status.textContent = `${reply.events.length} event${reply.events.length === 1 ? "" : "s"} coded${reply.stored ? " and stored" : ""}.`;
      if (reply.stored) onStored();
    } catch (error) {
      status.className = "status error";
      status.textContent = `Could not code the story: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
