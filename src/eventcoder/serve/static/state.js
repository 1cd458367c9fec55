// The filters and the open event live in the address (?actor_country=FRA&event=ID), so a view
// can be bookmarked and shared; the form mirrors them.
export const FILTERS = ["start", "end", "actor_country", "recipient_country", "type", "quad", "q", "bbox"];
const VIEW = ["period", "event"];

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of [...FILTERS, ...VIEW]) state[name] = (params.get(name) || "").trim();
  state.period = ["day", "week", "month"].includes(state.period) ? state.period : "month";
  return state;
}

export function writeState(state, { replace = false } = {}) {
  const params = new URLSearchParams();
  for (const name of [...FILTERS, ...VIEW]) {
    if (state[name] && !(name === "period" && state[name] === "month")) params.set(name, state[name]);
  }
  const text = params.toString();
  const url = `${window.location.pathname}${text ? `?${text}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
}

// The API query parameters of the filters (empty ones left out).
export function filterParams(state) {
  const params = {};
  for (const name of FILTERS) if (state[name]) params[name] = state[name];
  return params;
}
