// Business registration number (工商注册号): the 15-digit number issued before the USCC, whose
// last digit is an ISO 7064 MOD 11,10 check digit. Pure and format-only: it must never claim the
// organization exists, which only the business registry can say.

import { invalid, valid, type Validation } from "./result";

export function validateRegistrationNumber(input: string): Validation<string> {
  // NFKC turns full-width digits from Chinese input methods into ASCII ones.
  const value = input.normalize("NFKC").trim();
  if (value === "") return invalid("required");
  if (!/^\d+$/.test(value)) return invalid("invalid_character");
  if (value.length !== 15) return invalid("invalid_length");
  if (!passesMod11_10(value)) return invalid("invalid_checksum");
  return valid(value);
}

// ISO 7064 MOD 11,10 (hybrid system): run every digit, the check digit included, through the
// recurrence; the number is valid when the final remainder is 1.
function passesMod11_10(digits: string): boolean {
  let product = 10;
  let sum = 0;
  for (const c of digits) {
    sum = (product + Number(c)) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return sum === 1;
}
