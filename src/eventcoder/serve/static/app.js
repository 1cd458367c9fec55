// The dashboard: wires the filter form, the address, and the views together. On load it fetches
// only aggregates (map, timeline, network) and the first page of the table, so it stays fast on
// large stores. <body data-ready="true"> marks "every view drawn" (tests and timing wait on it).
import { getJSON } from "./api.js";
import { el, format } from "./dom.js";
import { showEvent } from "./event.js";
import { drawMap, worldPath } from "./map.js";
import { drawNetwork } from "./network.js";
import { PLOVER_TYPES, QUADS } from "./quads.js";
import { FILTERS, filterParams, readState, writeState } from "./state.js";
import { bindStoryForm } from "./story.js";
import { drawRows } from "./table.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 50;
const $ = (selector) => document.querySelector(selector);
let state = readState();
let cursor = null;
let generation = 0;
let opener = null;

function setStatus(message) {
  $("#status").textContent = message;
}

function fillForm() {
  const form = $("#filters");
  for (const name of [...FILTERS, "period"]) form.elements[name].value = state[name];
}

function readForm() {
  const form = $("#filters");
  const next = { ...state, event: "" };
  for (const name of [...FILTERS, "period"]) next[name] = form.elements[name].value.trim();
  for (const name of ["actor_country", "recipient_country"]) next[name] = next[name].toUpperCase().replace(/\s+/g, "");
  return next;
}

function eventHref(id) {
  const params = new URLSearchParams(window.location.search);
  params.set("event", id);
  return `?${params}`;
}

async function loadTable({ append }) {
  const params = { ...filterParams(state), limit: PAGE };
  if (append && cursor) params.cursor = cursor;
  const page = await getJSON("/api/events", params);
  cursor = page.next_cursor;
  drawRows($("#events tbody"), page.events, { append, eventHref, onOpen: openEvent });
  const shown = $("#events tbody").children.length;
  $("#table-count").textContent = `${format(shown)} shown${cursor ? ", more available" : ""}`;
  $("#more").hidden = !cursor;
  return page;
}

async function loadViews() {
  const mine = ++generation;
  document.body.removeAttribute("data-ready");
  setStatus("");
  const filters = filterParams(state);
  worldPath();
  const jobs = [
    getJSON("/api/health").then((health) => {
      $("#summary").textContent = `${format(health.events)} events from ${format(health.articles)} stories in the store`;
    }),
    getJSON("/api/map", filters).then((reply) => drawMap($("#map"), reply.points, { onSelect: selectPlace })),
    getJSON("/api/timeline", { ...filters, period: state.period })
      .then((reply) => drawTimeline($("#timeline"), reply.rows, { period: state.period })),
    getJSON("/api/network", filters).then((reply) => drawNetwork($("#network"), reply, { onSelect: selectActor })),
    loadTable({ append: false }),
  ];
  if (state.event) jobs.push(loadEvent(state.event));
  else closePanel();
  const results = await Promise.allSettled(jobs);
  if (mine !== generation) return;
  const failures = results.filter((r) => r.status === "rejected").map((r) => r.reason.message);
  setStatus(failures.length ? `Could not load everything: ${[...new Set(failures)].join("; ")}` : "");
  if (!document.body.dataset.readyMs) {
    // Milliseconds from navigation start until the first load was drawn (the page-load figure).
    document.body.dataset.readyMs = String(Math.round(performance.now()));
  }
  document.body.dataset.ready = "true";
}

function apply(next, { replace = false } = {}) {
  state = next;
  writeState(state, { replace });
  fillForm();
  return loadViews();
}

async function selectPlace(point) {
  const pad = 0.0005;
  const box = [point.lon - pad, point.lat - pad, point.lon + pad, point.lat + pad].map((v) => v.toFixed(4));
  await apply({ ...state, bbox: box.join(","), event: "" });
  const first = $("#events tbody tr");
  if (first) openEvent(first.dataset.id);
}

function selectActor(node) {
  apply({ ...state, actor_country: node.country, event: "" });
}

async function loadEvent(id) {
  const event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  showEvent($("#event-panel"), event);
  $("#event-title").focus();
}

async function openEvent(id) {
  opener = document.activeElement;
  state = { ...state, event: id };
  writeState(state);
  document.body.removeAttribute("data-ready");
  try {
    await loadEvent(id);
    setStatus("");
  } catch (error) {
    setStatus(`Could not open the event: ${error.message}`);
  }
  document.body.dataset.ready = "true";
}

function closePanel() {
  $("#event-panel").hidden = true;
  document.body.classList.remove("event-open");
}

function closeEvent() {
  closePanel();
  state = { ...state, event: "" };
  writeState(state);
  if (opener && document.contains(opener)) opener.focus();
}

function setUp() {
  const types = $("#f-type");
  for (const type of PLOVER_TYPES) types.append(el("option", { value: type, text: type }));
  const quads = $("#f-quad");
  for (const quad of QUADS) quads.append(el("option", { value: quad.id, text: `${quad.id} ${quad.name}` }));
  $("#legend").append(...QUADS.map((quad) => el("li", {}, [
    el("span", { class: "swatch", style: `background:${quad.colour}`, "aria-hidden": "true" }),
    document.createTextNode(`${quad.id} ${quad.name}`),
  ])));
  fillForm();
  $("#filters").addEventListener("submit", (submit) => {
    submit.preventDefault();
    if ($("#filters").reportValidity()) apply(readForm());
  });
  $("#reset").addEventListener("click", () => apply({ ...readState(""), event: "" }));
  $("#more").addEventListener("click", async () => {
    try {
      await loadTable({ append: true });
    } catch (error) {
      setStatus(`Could not load more events: ${error.message}`);
    }
  });
  $("#event-close").addEventListener("click", closeEvent);
  document.addEventListener("keydown", (key) => {
    if (key.key === "Escape" && !$("#event-panel").hidden) closeEvent();
  });
  window.addEventListener("popstate", () => {
    const previous = state;
    state = readState();
    fillForm();
    const same = [...FILTERS, "period"].every((name) => previous[name] === state[name]);
    if (!same) loadViews();
    else if (state.event) openEvent(state.event);
    else closePanel();
  });
  bindStoryForm($("#code-form"), {
    status: $("#code-status"), results: $("#code-results"), onStored: () => loadViews(),
  });
  loadViews();
}

setUp();
