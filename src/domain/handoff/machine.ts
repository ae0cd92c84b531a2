// The desktop-to-phone handoff as a pure state machine (diagram: machine.md). The Durable Object
// stores the state; this decides which moves are allowed. No clock, no storage.
export const HANDOFF_STATES = ["waiting", "opened", "capturing", "submitted", "verified", "failed", "expired"] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export type HandoffEvent =
  | { type: "refresh" }
  | { type: "open" }
  | { type: "start_capture" }
  | { type: "submit" }
  | { type: "check_failed"; final: boolean }
  | { type: "check_passed" }
  /** The method's form, filled on the phone before its camera step (legal_rep_quick), did not pass its check. */
  | { type: "form_failed"; final: boolean }
  | { type: "expire" };

const TERMINAL: readonly HandoffState[] = ["verified", "failed", "expired"];

export function isTerminal(state: HandoffState): boolean {
  return TERMINAL.includes(state);
}

export function nextHandoffState(state: HandoffState, event: HandoffEvent): HandoffState | null {
  if (isTerminal(state)) return null;
  switch (event.type) {
    case "expire":
      return "expired";
    case "refresh":
      // A fresh QR code replaces the link; a phone already in session keeps going.
      return state;
    case "open":
      return state === "waiting" ? "opened" : null;
    case "start_capture":
      return state === "opened" || state === "capturing" ? "capturing" : null;
    case "submit":
      return state === "capturing" ? "submitted" : null;
    case "check_failed":
      return state === "submitted" ? (event.final ? "failed" : "capturing") : null;
    case "check_passed":
      return state === "submitted" ? "verified" : null;
    case "form_failed":
      return state === "opened" ? (event.final ? "failed" : "opened") : null;
  }
}
