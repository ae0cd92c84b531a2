import { describe, expect, it } from "vitest";
import { validateUscc } from "../../../../src/domain/validators/uscc";

// Independent of the code under test: the GB 32100 weights are 3^i mod 31, computed here
// instead of copied from a table.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function checkFor(body17: string): string {
  let sum = 0;
  let weight = 1;
  for (const c of body17) {
    sum += ALPHABET.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
const withCheck = (body17: string): string => body17 + checkFor(body17);

// Finds a 17th character that makes the check character `wanted`, to reach the edge values.
function bodyEndingIn(body16: string, wanted: string): string {
  for (const c of ALPHABET) if (checkFor(body16 + c) === wanted) return withCheck(body16 + c);
  throw new Error(`no body for ${wanted}`);
}

const SAMPLE = "91350100M000100Y43";

describe("validateUscc", () => {
  describe("accepts", () => {
    it.each([
      ["a real-world enterprise code", SAMPLE, SAMPLE],
      ["lowercase letters, normalised to uppercase", "91350100m000100y43", SAMPLE],
      ["surrounding whitespace, trimmed", ` ${SAMPLE}  `, SAMPLE],
      ["full-width characters, normalised to ASCII", "９１３５０１００Ｍ０００１００Ｙ４３", SAMPLE],
      ["an institution (authority 1)", withCheck("12100000400000624"), withCheck("12100000400000624")],
      ["a social organization (authority 5)", withCheck("51110000500021676"), withCheck("51110000500021676")],
      ["an individual business (92)", withCheck("92440300MA5DXXXXA"), withCheck("92440300MA5DXXXXA")],
      ["a rural collective (authority N)", withCheck("N2320506MF0000001"), withCheck("N2320506MF0000001")],
      ["another authority (Y)", withCheck("Y1110000MA0000001"), withCheck("Y1110000MA0000001")],
      ["a check character 0 (31 - 0 wraps to 0)", bodyEndingIn("9111000010000000", "0"), bodyEndingIn("9111000010000000", "0")],
      ["the check character Y (value 30)", bodyEndingIn("9111000010000000", "Y"), bodyEndingIn("9111000010000000", "Y")],
    ])("should accept %s", (_, input, expected) => {
      expect(validateUscc(input)).toEqual({ ok: true, value: expected });
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only whitespace", " \t ", "required"],
      ["17 characters", SAMPLE.slice(0, 17), "invalid_length"],
      ["19 characters", `${SAMPLE}0`, "invalid_length"],
      ["15 characters", "110108000000016", "invalid_length"],
      ["the letter I", "91350100M000100I43", "invalid_character"],
      ["the letter O", "91350100M000100O43", "invalid_character"],
      ["the letter Z", "91350100M000100Z43", "invalid_character"],
      ["the letter S", "91350100M000100S43", "invalid_character"],
      ["the letter V", "91350100M000100V43", "invalid_character"],
      ["a hyphen", "91350100-M000100Y4", "invalid_character"],
      ["an inner space", "91350100 M000100Y4", "invalid_character"],
      ["an unknown registration authority H", withCheck("H1350100M000100Y4"), "unknown_registration_authority"],
      ["an unknown registration authority 0", withCheck("01350100M000100Y4"), "unknown_registration_authority"],
      ["a letter in the division code", withCheck("9135A100M000100Y4"), "invalid_division_code"],
      ["a letter at the end of the division code", withCheck("913501M0M000100Y4"), "invalid_division_code"],
    ])("should reject %s", (_, input, code) => {
      expect(validateUscc(input)).toEqual({ ok: false, code });
    });

    it.each([...ALPHABET].filter((c) => c !== "3"))("should reject the sample with the wrong check character %s", (check) => {
      expect(validateUscc(SAMPLE.slice(0, 17) + check)).toEqual({ ok: false, code: "invalid_checksum" });
    });

    it("should reject two swapped characters", () => {
      expect(validateUscc("91351000M000100Y43")).toEqual({ ok: false, code: "invalid_checksum" });
    });
  });
});
