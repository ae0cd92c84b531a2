// Corporate account number (对公账号): 6 to 32 digits. Banks print them in groups and some add
// hyphens; neither carries meaning. Unlike a card number there is no check digit to test, so
// this module must never claim more than the shape: only a payment proves the account.

import { invalid, valid, type Validation } from "./result";

export const CORPORATE_ACCOUNT_MIN_DIGITS = 6;
export const CORPORATE_ACCOUNT_MAX_DIGITS = 32;

export function validateCorporateAccountNumber(input: string): Validation<string> {
  const value = input.normalize("NFKC").replace(/[\s-]+/g, "");
  if (value === "") return invalid("required");
  if (!/^\d+$/.test(value)) return invalid("invalid_character");
  if (value.length < CORPORATE_ACCOUNT_MIN_DIGITS || value.length > CORPORATE_ACCOUNT_MAX_DIGITS) return invalid("invalid_length");
  return valid(value);
}
