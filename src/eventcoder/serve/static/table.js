// The events table: one page at a time (cursor paging), rows open the event page.
import { el } from "./dom.js";
import { actorText, placeText } from "./records.js";

export function drawRows(tbody, events, { append, eventHref, onOpen }) {
  const rows = events.map((event) => {
    const open = (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button === 1) return;
      e.preventDefault();
      onOpen(event.id);
    };
    const link = el("a", { href: eventHref(event.id), class: "open", text: event.date || "undated", onclick: open });
    const row = el("tr", { "data-id": event.id, "data-quad": event.quad_class }, [
      el("td", {}, [link]),
      el("td", { text: event.event_type }),
      el("td", { text: event.cameo }),
      el("td", { text: actorText(event.actor) }),
      el("td", { text: actorText(event.recipient) }),
      el("td", { text: placeText(event.location) }),
      el("td", { class: "sentence-cell", title: event.sentence, text: event.sentence }),
    ]);
    row.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      onOpen(event.id);
    });
    return row;
  });
  if (append) tbody.append(...rows);
  else tbody.replaceChildren(...rows);
}
