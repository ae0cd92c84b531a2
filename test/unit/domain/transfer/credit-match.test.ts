import { describe, expect, it } from "vitest";
import { judgeCredit, REMARK_ALPHABET, remarkCode, remarkCodeIn } from "../../../../src/domain/transfer/credit-match";

describe("the reverse transfer's credit matching", () => {
  it("should find the remark code however the payer wrote it, and nothing in a remark without one", () => {
    const code = remarkCode((alphabet, n) => alphabet.slice(0, n));
    expect(code).toBe(`SM${REMARK_ALPHABET.slice(0, 8)}`);
    expect(remarkCodeIn(`实名认证 ${code.toLowerCase()}`)).toBe(code);
    expect(remarkCodeIn(`ＳＭ ${code.slice(2).split("").join(" ")}`)).toBe(code);
    expect(remarkCodeIn("货款")).toBeNull();
    expect(remarkCodeIn("SM0000OOOO")).toBeNull();
  });

  it("should match only ¥0.01 from the organization's own name, forgiving brackets, widths and spaces only", () => {
    const expected = { orgName: "宁波测试（集团）有限公司", waiting: true };
    expect(judgeCredit({ amountFen: 1, payerName: "宁波测试(集团) 有限公司" }, expected)).toEqual({ kind: "matched" });
    expect(judgeCredit({ amountFen: 1, payerName: "宁波测试集团有限公司" }, expected)).toEqual({ kind: "refused", reason: "payer_name_mismatch" });
    expect(judgeCredit({ amountFen: 2, payerName: "宁波测试（集团）有限公司" }, expected)).toEqual({ kind: "refused", reason: "amount_mismatch" });
    expect(judgeCredit({ amountFen: 1, payerName: "宁波测试（集团）有限公司" }, { ...expected, waiting: false })).toEqual({ kind: "refused", reason: "not_waiting" });
  });
});
