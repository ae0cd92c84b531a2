import { describe, expect, it } from "vitest";
import { AMOUNT_WINDOW_MS, type AmountEntryState, amountWindowEnds, decideAmountEntry, triesLeft } from "../../../../src/domain/transfer/amount-entry";

const PAID = 1_800_000_000_000;

describe("typing the amount received", () => {
  it("should wait for the payout to be paid", () => {
    expect(decideAmountEntry({ paidAt: null, wrongEntries: 0 }, true, PAID).outcome).toEqual({ kind: "not_paid_yet" });
    expect(amountWindowEnds({ paidAt: null, wrongEntries: 0 })).toBeNull();
  });

  it("should take the right amount, and count down three wrong ones to the end of the method", () => {
    let state: AmountEntryState = { paidAt: PAID, wrongEntries: 0 };
    expect(decideAmountEntry(state, true, PAID + 1).outcome).toEqual({ kind: "matched" });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const d = decideAmountEntry(state, false, PAID + 1);
      outcomes.push(d.outcome);
      state = d.next;
    }
    expect(outcomes).toEqual([{ kind: "wrong", triesLeft: 2 }, { kind: "wrong", triesLeft: 1 }, { kind: "tries_used" }]);
    expect(triesLeft(state)).toBe(0);
    // Even the right amount, after three wrong ones.
    expect(decideAmountEntry(state, true, PAID + 2).outcome).toEqual({ kind: "tries_used" });
  });

  it("should close 7 days after the payout was paid", () => {
    const state = { paidAt: PAID, wrongEntries: 0 };
    expect(amountWindowEnds(state)).toBe(PAID + AMOUNT_WINDOW_MS);
    expect(decideAmountEntry(state, true, PAID + AMOUNT_WINDOW_MS - 1).outcome).toEqual({ kind: "matched" });
    expect(decideAmountEntry(state, true, PAID + AMOUNT_WINDOW_MS).outcome).toEqual({ kind: "window_closed" });
  });
});
