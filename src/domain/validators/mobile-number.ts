// Mainland China mobile number (手机号): 11 digits starting 13-19, optionally written with the
// +86 or 86 country code. Returns the bare 11 digits. Pure and format-only: it must never claim
// the number is in service or registered to anyone, which only the carrier can say.

import { invalid, valid, type Validation } from "./result";

export function validateMobileNumber(input: string): Validation<string> {
  // People type numbers as "+86 138-1234-5678"; the separators carry no meaning.
  let value = input.normalize("NFKC").replace(/[\s-]+/g, "");
  if (value === "") return invalid("required");
  if (value.startsWith("+")) {
    // SMS codes go only to mainland numbers, so another country code is its own rule.
    if (!value.startsWith("+86")) return invalid("unsupported_country_code");
    value = value.slice(3);
  } else if (value.length === 13 && value.startsWith("86")) {
    // A mainland number itself starts with 1, so 13 digits beginning 86 can only be prefixed.
    value = value.slice(2);
  }
  // `*` not `+`: a bare "+86" leaves nothing, which is a length problem, not a character one.
  if (!/^\d*$/.test(value)) return invalid("invalid_character");
  if (value.length !== 11) return invalid("invalid_length");
  if (!/^1[3-9]/.test(value)) return invalid("invalid_prefix");
  return valid(value);
}
