import { describe, expect, it } from "vitest";
import { validateBankBranchCode } from "../../../../src/domain/validators/bank-branch-code";

describe("validateBankBranchCode", () => {
  describe("accepts", () => {
    it.each([
      ["an ICBC head office code", "102100099996", "102100099996"],
      ["a China Merchants Bank code", "308584000013", "308584000013"],
      ["surrounding whitespace", "  102100099996 ", "102100099996"],
      ["full-width digits", "１０２１０００９９９９６", "102100099996"],
    ])("should accept %s", (_, input, expected) => {
      expect(validateBankBranchCode(input)).toEqual({ ok: true, value: expected });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only whitespace", "  ", "required"],
      ["11 digits", "10210009999", "invalid_length"],
      ["13 digits", "1021000999960", "invalid_length"],
      ["a letter", "10210009999A", "invalid_character"],
      ["an inner space", "102100 099996", "invalid_character"],
      ["a hyphen", "102100-099996", "invalid_character"],
    ])("should reject %s", (_, input, code) => {
      expect(validateBankBranchCode(input)).toEqual({ ok: false, code });
    });
  });
});
