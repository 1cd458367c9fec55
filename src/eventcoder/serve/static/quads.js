// Quad classes and PLOVER types. Colours: the Okabe-Ito palette (safe for colour-blind
// readers): blues for cooperation, oranges for conflict, darker for material.
export const QUADS = [
  { id: 1, name: "verbal cooperation", colour: "#56B4E9" },
  { id: 2, name: "material cooperation", colour: "#0072B2" },
  { id: 3, name: "verbal conflict", colour: "#E69F00" },
  { id: 4, name: "material conflict", colour: "#D55E00" },
];

export function quadColour(id) {
  const quad = QUADS.find((q) => q.id === Number(id));
  return quad ? quad.colour : "#999999";
}

// Fixed by the event record contract (ARCHITECTURE.md).
export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
