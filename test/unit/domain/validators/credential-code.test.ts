import { describe, expect, it } from "vitest";
import { validateCredentialCode } from "../../../../src/domain/validators/credential-code";

// Valid values are checked independently in uscc.test.ts and registration-number.test.ts.
const USCC = "91350100M000100Y43";
const REGISTRATION_NUMBER = "110108000000016";

describe("validateCredentialCode", () => {
  describe("accepts", () => {
    it.each([
      ["a USCC", USCC, "uscc", USCC],
      ["a lowercase USCC, normalised", "91350100m000100y43", "uscc", USCC],
      ["a registration number", REGISTRATION_NUMBER, "registration_number", REGISTRATION_NUMBER],
      ["a registration number with whitespace", `  ${REGISTRATION_NUMBER} `, "registration_number", REGISTRATION_NUMBER],
      ["a full-width USCC", "９１３５０１００Ｍ０００１００Ｙ４３", "uscc", USCC],
    ])("should accept %s", (_, input, kind, value) => {
      expect(validateCredentialCode(input)).toEqual({ ok: true, value: { kind, value } });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only whitespace", "   ", "required"],
      ["14 characters", REGISTRATION_NUMBER.slice(0, 14), "invalid_length"],
      ["16 characters", `${REGISTRATION_NUMBER}0`, "invalid_length"],
      ["17 characters", USCC.slice(0, 17), "invalid_length"],
      ["19 characters", `${USCC}0`, "invalid_length"],
      ["a USCC with a bad check character", "91350100M000100Y44", "invalid_checksum"],
      ["a USCC with the letter O", "91350100M000100O43", "invalid_character"],
      ["a USCC with a letter in the division code", "9135A100M000100Y43", "invalid_division_code"],
      ["a registration number with a bad check digit", "110108000000017", "invalid_checksum"],
      ["a registration number with a letter", "11010800000001A", "invalid_character"],
    ])("should reject %s", (_, input, code) => {
      expect(validateCredentialCode(input)).toEqual({ ok: false, code });
    });
  });
});
