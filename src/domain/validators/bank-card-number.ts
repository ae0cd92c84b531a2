// Bank card number (银行卡号): 12 to 19 digits ending in a Luhn check digit. Pure and format-only:
// it must never claim the card exists or belongs to anyone, which only the bank can say.

import { invalid, valid, type Validation } from "./result";

export function validateBankCardNumber(input: string): Validation<string> {
  // People copy card numbers in groups of four; the separators carry no meaning.
  const value = input.normalize("NFKC").replace(/[\s-]+/g, "");
  if (value === "") return invalid("required");
  if (!/^\d+$/.test(value)) return invalid("invalid_character");
  if (value.length < 12 || value.length > 19) return invalid("invalid_length");
  if (!passesLuhn(value)) return invalid("invalid_checksum");
  return valid(value);
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  // From the right, every second digit is doubled, and a two-digit result counts as its digit sum.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
