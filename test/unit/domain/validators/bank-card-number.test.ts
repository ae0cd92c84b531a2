import { describe, expect, it } from "vitest";
import { validateBankCardNumber } from "../../../../src/domain/validators/bank-card-number";

// Independent of the code under test: the Luhn digit is found by trying all ten, summing with a
// lookup table for the doubled digits instead of arithmetic.
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function luhnSum(digits: string): number {
  return [...digits].reverse().reduce((sum, c, i) => sum + (i % 2 === 1 ? (DOUBLED[Number(c)] ?? 0) : Number(c)), 0);
}
function withCheck(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnSum(body + d) % 10 === 0) return body + d;
  throw new Error("unreachable");
}

const SAMPLE = "6222021234567890128"; // 19 digits, an ICBC-style number

describe("validateBankCardNumber", () => {
  describe("accepts", () => {
    it.each([
      ["a 19-digit debit card", SAMPLE, SAMPLE],
      ["the common 16-digit test card", "4111111111111111", "4111111111111111"],
      ["spaces typed in groups of four", "6222 0212 3456 7890 128", SAMPLE],
      ["hyphens typed between groups", "6222-0212-3456-7890-128", SAMPLE],
      ["surrounding whitespace", `  ${SAMPLE}\n`, SAMPLE],
      ["full-width digits", "６２２２０２１２３４５６７８９０１２８", SAMPLE],
      ["12 digits, the shortest", withCheck("62220212345"), withCheck("62220212345")],
      ["18 digits", withCheck("62122602000000000"), withCheck("62122602000000000")],
      ["19 digits from a generated body", withCheck("621700000000000000"), withCheck("621700000000000000")],
    ])("should accept %s", (_, input, expected) => {
      expect(validateBankCardNumber(input)).toEqual({ ok: true, value: expected });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only spaces and hyphens", " - - ", "required"],
      ["11 digits", withCheck("6222021234"), "invalid_length"],
      ["20 digits", withCheck("6222021234567890123"), "invalid_length"],
      ["a letter", "6222021234567890I28", "invalid_character"],
      ["a period", "6222.0212.3456.7890", "invalid_character"],
      ["a slash", "6222/021234567890128", "invalid_character"],
    ])("should reject %s", (_, input, code) => {
      expect(validateBankCardNumber(input)).toEqual({ ok: false, code });
    });

    it.each(["0", "1", "2", "3", "4", "5", "6", "7", "9"])("should reject the sample with the wrong check digit %s", (check) => {
      expect(validateBankCardNumber(SAMPLE.slice(0, 18) + check)).toEqual({ ok: false, code: "invalid_checksum" });
    });

    it("should reject two swapped adjacent digits", () => {
      expect(validateBankCardNumber("6222021234567890218")).toEqual({ ok: false, code: "invalid_checksum" });
    });
  });
});
