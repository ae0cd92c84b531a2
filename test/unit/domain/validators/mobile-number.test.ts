import { describe, expect, it } from "vitest";
import { validateMobileNumber } from "../../../../src/domain/validators/mobile-number";

describe("validateMobileNumber", () => {
  describe("accepts", () => {
    it.each([
      ["a bare number", "13812345678", "13812345678"],
      ["the lowest network prefix 13", "13000000000", "13000000000"],
      ["the highest network prefix 19", "19912345678", "19912345678"],
      ["the +86 prefix", "+8613812345678", "13812345678"],
      ["+86 with spaces", "+86 138 1234 5678", "13812345678"],
      ["+86 with hyphens", "+86-138-1234-5678", "13812345678"],
      ["the 86 prefix without plus", "8613812345678", "13812345678"],
      ["86 with spaces", "86 138 1234 5678", "13812345678"],
      ["groups separated by hyphens", "138-1234-5678", "13812345678"],
      ["surrounding whitespace", "  13812345678\t", "13812345678"],
      ["full-width digits and plus", "＋８６１３８１２３４５６７８", "13812345678"],
    ])("should accept %s", (_, input, expected) => {
      expect(validateMobileNumber(input)).toEqual({ ok: true, value: expected });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only spaces", "   ", "required"],
      ["a Hong Kong number", "+852 9123 4567", "unsupported_country_code"],
      ["a US number", "+1 415 555 0100", "unsupported_country_code"],
      ["a letter", "1381234567a", "invalid_character"],
      ["parentheses", "(138)12345678", "invalid_character"],
      ["a double country code", "+86+8613812345678", "invalid_character"],
      ["10 digits", "1381234567", "invalid_length"],
      ["12 digits", "138123456789", "invalid_length"],
      ["12 digits starting 86", "861381234567", "invalid_length"],
      ["+86 alone", "+86", "invalid_length"],
      ["+86 with too few digits", "+86 138 1234 567", "invalid_length"],
      ["a landline with area code", "01012345678", "invalid_prefix"],
      ["the prefix 10", "10012345678", "invalid_prefix"],
      ["the prefix 12", "12012345678", "invalid_prefix"],
      ["a number not starting with 1", "23812345678", "invalid_prefix"],
    ])("should reject %s", (_, input, code) => {
      expect(validateMobileNumber(input)).toEqual({ ok: false, code });
    });
  });
});
