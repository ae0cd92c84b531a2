import { describe, expect, it } from "vitest";
import { validateResidentIdNumber } from "../../../../src/domain/validators/resident-id-number";

// Independent of the code under test: weights computed as 2^(17-i) mod 11, and the check value
// solved from "weighted sum of all 18 characters ≡ 1 (mod 11)", where X stands for 10.
function withCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return body17 + (check === 10 ? "X" : String(check));
}

const TODAY = new Date("2024-06-01T12:00:00Z");
const SAMPLE = "11010519491231002X"; // the GB 11643-1999 example

describe("validateResidentIdNumber", () => {
  describe("accepts", () => {
    it.each([
      ["the GB 11643 sample", SAMPLE, SAMPLE],
      ["a lowercase x, normalised to X", "11010519491231002x", SAMPLE],
      ["surrounding whitespace, trimmed", `  ${SAMPLE}\t`, SAMPLE],
      ["full-width digits, normalised to ASCII", "１１０１０５１９４９１２３１００２Ｘ", SAMPLE],
      ["the leap day 2000-02-29", withCheck("44030520000229123"), withCheck("44030520000229123")],
      ["the earliest date 1900-01-01", withCheck("31010419000101001"), withCheck("31010419000101001")],
      ["Xinjiang (65)", withCheck("65010219850615002"), withCheck("65010219850615002")],
      ["Taiwan (71)", withCheck("71000019800101001"), withCheck("71000019800101001")],
      ["a Hong Kong residence permit (81)", withCheck("81000019800101001"), withCheck("81000019800101001")],
      ["a Macao residence permit (82)", withCheck("82000019800101001"), withCheck("82000019800101001")],
      ["a Taiwan residence permit (83)", withCheck("83000019800101001"), withCheck("83000019800101001")],
      ["a birth date of today", withCheck("11010120240601001"), withCheck("11010120240601001")],
    ])("should accept %s", (_, input, expected) => {
      expect(validateResidentIdNumber(input, TODAY)).toEqual({ ok: true, value: expected });
    });

    it("should default today to the current date", () => {
      expect(validateResidentIdNumber(SAMPLE)).toEqual({ ok: true, value: SAMPLE });
    });

    it("should judge today by the China calendar date, not the UTC one", () => {
      // 2024-05-31T16:30Z is already 00:30 on 1 June in Beijing.
      const justAfterMidnightInBeijing = new Date("2024-05-31T16:30:00Z");
      const bornOnFirstJune = withCheck("11010120240601001");
      expect(validateResidentIdNumber(bornOnFirstJune, justAfterMidnightInBeijing).ok).toBe(true);
    });
  });

  describe("rejects", () => {
    it.each([
      ["an empty string", "", "required"],
      ["only whitespace", "   ", "required"],
      ["17 characters", SAMPLE.slice(0, 17), "invalid_length"],
      ["19 characters", `${SAMPLE.slice(0, 17)}12`, "invalid_length"],
      ["15 characters (the old first-generation number)", "110105491231002", "invalid_length"],
      ["a letter other than X", "11010519491231002Y", "invalid_character"],
      ["an X before the last position", "1101051949123100X2", "invalid_character"],
      ["inner spaces", "110105 19491231002X", "invalid_character"],
      ["a hyphen", "110105-19491231002X", "invalid_character"],
    ])("should reject %s", (_, input, code) => {
      expect(validateResidentIdNumber(input, TODAY)).toEqual({ ok: false, code });
    });

    it.each(["00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80", "84", "91", "99"])("should reject the unknown province code %s", (province) => {
      const id = withCheck(`${province}010519800101001`);
      expect(validateResidentIdNumber(id, TODAY)).toEqual({ ok: false, code: "unknown_province" });
    });

    it.each([
      ["1900-02-29 (1900 is not a leap year)", "19000229", "invalid_date"],
      ["2023-02-29", "20230229", "invalid_date"],
      ["2024-02-30", "20240230", "invalid_date"],
      ["2024-04-31", "20240431", "invalid_date"],
      ["month 00", "20240001", "invalid_date"],
      ["month 13", "20241301", "invalid_date"],
      ["day 00", "20240100", "invalid_date"],
      ["1899-12-31", "18991231", "date_too_early"],
      ["year 0000", "00000101", "date_too_early"],
      ["tomorrow", "20240602", "date_in_future"],
      ["next year", "20250101", "date_in_future"],
      ["2099-12-31", "20991231", "date_in_future"],
    ])("should reject the birth date %s", (_, date, code) => {
      const id = withCheck(`110105${date}001`);
      expect(validateResidentIdNumber(id, TODAY)).toEqual({ ok: false, code });
    });

    it("should reject a birth date that is tomorrow in Beijing even if it is today in UTC", () => {
      const lateEveningInBeijing = new Date("2024-05-31T15:59:59Z"); // 23:59:59 on 31 May
      const bornOnFirstJune = withCheck("11010120240601001");
      expect(validateResidentIdNumber(bornOnFirstJune, lateEveningInBeijing)).toEqual({
        ok: false,
        code: "date_in_future",
      });
    });

    it.each(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])("should reject the sample with the wrong check character %s", (check) => {
      expect(validateResidentIdNumber(SAMPLE.slice(0, 17) + check, TODAY)).toEqual({
        ok: false,
        code: "invalid_checksum",
      });
    });

    it.each([
      ["a changed sequence digit", "11010519491231003X"],
      ["two swapped adjacent digits", "11001519491231002X"],
    ])("should reject %s", (_, input) => {
      expect(validateResidentIdNumber(input, TODAY)).toEqual({ ok: false, code: "invalid_checksum" });
    });
  });
});
