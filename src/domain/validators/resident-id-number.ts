// Resident ID number (居民身份证号码), GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check
// character. Also covers the residence permits for Hong Kong, Macao and Taiwan residents, which
// use the same layout with province codes 81, 82 and 83. Pure: the caller may pass `today`;
// this module must never read the clock on its own beyond that default.

import { invalid, valid, type Validation } from "./result";

// Province-level codes of GB/T 2260 (the first two digits of the address code).
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

// Weight of position i is 2^(17-i) mod 11; the remainder of the weighted sum indexes CHECK.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

const EARLIEST_YEAR = 1900;
// Birth dates are Beijing calendar dates while the Worker clock is UTC: without this offset a
// baby born after midnight in China would be "born in the future" for eight hours.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function validateResidentIdNumber(input: string, today: Date = new Date()): Validation<string> {
  // NFKC turns full-width digits from Chinese input methods into ASCII ones.
  const value = input.normalize("NFKC").trim().toUpperCase();
  if (value === "") return invalid("required");
  // X is allowed only as the final (check) character, whatever the length.
  if (!/^\d*X?$/.test(value)) return invalid("invalid_character");
  if (value.length !== 18) return invalid("invalid_length");
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return invalid("unknown_province");

  const birth = value.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  if (!isCalendarDate(year, month, day)) return invalid("invalid_date");
  if (year < EARLIEST_YEAR) return invalid("date_too_early");
  if (birth > chinaDate(today)) return invalid("date_in_future");

  if (value[17] !== checkCharacter(value)) return invalid("invalid_checksum");
  return valid(value);
}

function checkCharacter(value: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Computed by hand rather than with Date.UTC, which reads years 0-99 as 1900-1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

// Today's date in China as YYYYMMDD, comparable as a string with the birth date.
function chinaDate(now: Date): string {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS);
  const yyyy = String(d.getUTCFullYear()).padStart(4, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${yyyy}${mm}${dd}`;
}
