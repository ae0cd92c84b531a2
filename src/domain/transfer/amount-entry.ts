// The rule for the operator's typed amount: three wrong entries end the method (not the
// verification), and the window closes 7 days after the payout was paid. Pure: the caller says
// whether the typed amount's keyed hash matched, and passes the clock.

export const AMOUNT_TRIES = 3;
export const AMOUNT_WINDOW_MS = 7 * 24 * 60 * 60_000;

export interface AmountEntryState {
  /** When the payout was reported paid (ms); null while it is not. */
  paidAt: number | null;
  wrongEntries: number;
}

export type AmountEntryOutcome = { kind: "matched" } | { kind: "wrong"; triesLeft: number } | { kind: "tries_used" } | { kind: "not_paid_yet" } | { kind: "window_closed" };

export function amountWindowEnds(state: AmountEntryState): number | null {
  return state.paidAt === null ? null : state.paidAt + AMOUNT_WINDOW_MS;
}

export function triesLeft(state: AmountEntryState): number {
  return Math.max(0, AMOUNT_TRIES - state.wrongEntries);
}

/** Decides one entry, and answers the state after it. */
export function decideAmountEntry(state: AmountEntryState, matches: boolean, now: number): { outcome: AmountEntryOutcome; next: AmountEntryState } {
  if (state.paidAt === null) return { outcome: { kind: "not_paid_yet" }, next: state };
  if (now >= state.paidAt + AMOUNT_WINDOW_MS) return { outcome: { kind: "window_closed" }, next: state };
  if (triesLeft(state) === 0) return { outcome: { kind: "tries_used" }, next: state };
  if (matches) return { outcome: { kind: "matched" }, next: state };
  const next = { ...state, wrongEntries: state.wrongEntries + 1 };
  return { outcome: triesLeft(next) === 0 ? { kind: "tries_used" } : { kind: "wrong", triesLeft: triesLeft(next) }, next };
}
