// Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority, category,
// six-digit administrative division, nine-character organization code and a MOD 31 check
// character. Pure and format-only: it must never claim the organization exists, which only the
// business registry can say.

import { invalid, valid, type Validation } from "./result";

// The code alphabet omits I, O, Z, S and V so they cannot be misread as 1, 0, 2, 5 and U.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

// Registration authority codes (first character): 1-9 and A-G from the standard's table, Y for
// "other", and N, used for rural collective economic organizations registered by agriculture
// departments. Kept generous on purpose: a false rejection blocks a real organization.
const AUTHORITIES = "123456789ABCDEFGNY";

export function validateUscc(input: string): Validation<string> {
  // NFKC turns full-width characters from Chinese input methods into ASCII ones.
  const value = input.normalize("NFKC").trim().toUpperCase();
  if (value === "") return invalid("required");
  if ([...value].some((c) => !ALPHABET.includes(c))) return invalid("invalid_character");
  if (value.length !== 18) return invalid("invalid_length");
  if (!AUTHORITIES.includes(value.charAt(0))) return invalid("unknown_registration_authority");
  if (!/^\d{6}$/.test(value.slice(2, 8))) return invalid("invalid_division_code");
  if (value.charAt(17) !== checkCharacter(value)) return invalid("invalid_checksum");
  return valid(value);
}

function checkCharacter(value: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(value.charAt(i)) * (WEIGHTS[i] ?? 0);
  // 31 - (sum mod 31) is 31 when the sum divides evenly; the standard writes that as 0.
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}
