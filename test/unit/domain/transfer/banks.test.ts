import { describe, expect, it } from "vitest";
import { BANKS, bankOfBranchCode, branchCodeFitsBank, isBankChoice, OTHER_BANK } from "../../../../src/domain/transfer/banks";
import { validateCorporateAccountNumber } from "../../../../src/domain/validators/corporate-account-number";

describe("the corporate account's bank and branch code", () => {
  it("should list each bank once, by a three-digit category code", () => {
    expect(new Set(BANKS.map((b) => b.code)).size).toBe(BANKS.length);
    for (const b of BANKS) expect(b.code).toMatch(/^\d{3}$/);
    expect(isBankChoice("308")).toBe(true);
    expect(isBankChoice(OTHER_BANK)).toBe(true);
    expect(isBankChoice("999")).toBe(false);
  });

  it("should fit a branch code to its own bank only, and 'other' to no listed bank", () => {
    expect(branchCodeFitsBank("308584000013", "308")).toBe(true);
    expect(branchCodeFitsBank("308584000013", "102")).toBe(false);
    expect(bankOfBranchCode("308584000013")?.zh).toBe("招商银行");
    expect(branchCodeFitsBank("313584000014", OTHER_BANK)).toBe(true);
    expect(branchCodeFitsBank("102100099996", OTHER_BANK)).toBe(false);
  });
});

describe("the corporate account number", () => {
  it.each([
    ["1109 0123 4567 890", "110901234567890"],
    ["11-0901-234567", "110901234567"],
    ["１２３４５６", "123456"],
  ])("should read %j", (typed, value) => {
    expect(validateCorporateAccountNumber(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "required"],
    ["12345A", "invalid_character"],
    ["12345", "invalid_length"],
    ["1".repeat(33), "invalid_length"],
  ])("should refuse %j as %s", (typed, code) => {
    expect(validateCorporateAccountNumber(typed)).toEqual({ ok: false, code });
  });
});
