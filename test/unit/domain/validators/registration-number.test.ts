import { describe, expect, it } from "vitest";
import { validateRegistrationNumber } from "../../../../src/domain/validators/registration-number";

// Independent of the code under test, which runs all 15 digits and expects a remainder of 1:
// here the check digit is solved directly from the state after 14 digits.
function withCheck(body14: string): string {
  let product = 10;
  for (const c of body14) {
    const sum = (product + Number(c)) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return body14 + String((11 - product) % 10);
}

const SAMPLE = "110108000000016"; // a Beijing Haidian number in the real-world format

describe("validateRegistrationNumber", () => {
  describe("accepts", () => {
    it.each([
      ["a Beijing number", SAMPLE, SAMPLE],
      ["surrounding whitespace, trimmed", `  ${SAMPLE} `, SAMPLE],
      ["full-width digits, normalised to ASCII", "１１０１０８０００００００１６", SAMPLE],
      ["a Shanghai foreign-invested number", withCheck("31000040033957"), withCheck("31000040033957")],
      ["a Shenzhen number", withCheck("44030010000000"), withCheck("44030010000000")],
      ["a number whose check digit is 0", "440300100000080", "440300100000080"],
      ["all zeros but the check digit", withCheck("00000000000000"), withCheck("00000000000000")],
    ])("should accept %s", (_, input, expected) => {
      expect(validateRegistrationNumber(input)).toEqual({ ok: true, value: expected });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only whitespace", "  ", "required"],
      ["14 digits", SAMPLE.slice(0, 14), "invalid_length"],
      ["16 digits", `${SAMPLE}0`, "invalid_length"],
      ["18 digits", "110108000000016000", "invalid_length"],
      ["a letter", "11010800000001A", "invalid_character"],
      ["an inner space", "110108 00000016", "invalid_character"],
      ["a hyphen", "110108-00000016", "invalid_character"],
    ])("should reject %s", (_, input, code) => {
      expect(validateRegistrationNumber(input)).toEqual({ ok: false, code });
    });

    it.each(["0", "1", "2", "3", "4", "5", "7", "8", "9"])("should reject the sample with the wrong check digit %s", (check) => {
      expect(validateRegistrationNumber(SAMPLE.slice(0, 14) + check)).toEqual({
        ok: false,
        code: "invalid_checksum",
      });
    });

    it("should reject two swapped digits", () => {
      expect(validateRegistrationNumber("110180000000016")).toEqual({ ok: false, code: "invalid_checksum" });
    });
  });
});
