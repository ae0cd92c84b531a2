import { describe, expect, it } from "vitest";
import { mayAskNewPayout, moneyStatus, NO_LETTER, type TransferRecord, transferComplete } from "../../../../src/domain/transfer/record";

const forward = (patch: Partial<Extract<TransferRecord, { direction: "forward" }>> = {}, payout: Record<string, unknown> = {}): TransferRecord => ({
  direction: "forward",
  account: { numberMasked: "3100****9012", bank: "105", branchCode: "105331000018" },
  payout: { reference: "po_1", amountHash: "h", status: "paid", requestedAt: 0, paidAt: 1, wrongEntries: 0, ...payout },
  payouts: 1,
  letter: NO_LETTER,
  ...patch,
});

describe("a corporate transfer's record", () => {
  it("should say where the money stands from the payout and the entries", () => {
    expect(moneyStatus(forward({ payout: null }))).toBe("account_required");
    expect(moneyStatus(forward({}, { status: "requested" }))).toBe("payout_requested");
    expect(moneyStatus(forward({}, { status: "refunded" }))).toBe("payout_failed");
    expect(moneyStatus(forward({}, { wrongEntries: 3 }))).toBe("tries_used");
    expect(moneyStatus(forward({ amountConfirmedAt: 5 }))).toBe("confirmed");
  });

  it("should be complete only with the letter approved and the amount confirmed", () => {
    expect(transferComplete(forward({ amountConfirmedAt: 5 }))).toBe(false);
    expect(transferComplete(forward({ letter: { status: "approved" } }))).toBe(false);
    expect(transferComplete(forward({ amountConfirmedAt: 5, letter: { status: "approved" } }))).toBe(true);
  });

  it("should allow a new payout after a failure while payouts are left, and after three wrong amounts once", () => {
    expect(mayAskNewPayout(forward({}, { status: "failed" }))).toBe(true);
    expect(mayAskNewPayout(forward({ payouts: 3 }, { status: "failed" }))).toBe(false);
    expect(mayAskNewPayout(forward({}, { wrongEntries: 3 }))).toBe(true);
    expect(mayAskNewPayout(forward({ renewedAfterTries: true, payouts: 2 }, { wrongEntries: 3 }))).toBe(false);
    expect(mayAskNewPayout(forward())).toBe(false);
  });
});
