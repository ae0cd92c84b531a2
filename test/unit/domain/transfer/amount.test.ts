import { describe, expect, it } from "vitest";
import { drawPayoutFen, formatYuan, PAYOUT_MAX_FEN, PAYOUT_MIN_FEN, parseTypedAmount } from "../../../../src/domain/transfer/amount";

describe("the forward transfer's amount", () => {
  it("should draw every amount from ¥0.10 to ¥0.99 and nothing outside", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 90; i++) seen.add(drawPayoutFen((n) => i % n));
    expect(Math.min(...seen)).toBe(PAYOUT_MIN_FEN);
    expect(Math.max(...seen)).toBe(PAYOUT_MAX_FEN);
    expect(seen.size).toBe(90);
  });

  it.each([
    ["0.37", 37],
    [".37", 37],
    ["0.3", 30],
    ["¥0.05", 5],
    ["０．３７元", 37],
    [" 0.99 ", 99],
    ["0。37", 37],
  ])("should read %j as %i fen", (typed, fen) => {
    expect(parseTypedAmount(typed)).toEqual({ ok: true, fen });
  });

  it.each([
    ["", "required"],
    ["  ", "required"],
    ["abc", "invalid_format"],
    ["0.371", "invalid_format"],
    ["0,37", "invalid_format"],
    ["0.00", "out_of_range"],
    ["1.00", "out_of_range"],
    ["37", "out_of_range"],
  ])("should refuse %j as %s", (typed, code) => {
    expect(parseTypedAmount(typed)).toEqual({ ok: false, code });
  });

  it("should write fen as yuan with two decimals", () => {
    expect(formatYuan(37)).toBe("0.37");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(100)).toBe("1.00");
  });
});
