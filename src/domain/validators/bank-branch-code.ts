// Bank branch code (开户银行联行号, CNAPS): exactly 12 digits identifying the branch that holds a
// corporate account. It has no check digit, so this module must never pretend to verify more
// than the shape.

import { invalid, valid, type Validation } from "./result";

export function validateBankBranchCode(input: string): Validation<string> {
  // NFKC turns full-width digits from Chinese input methods into ASCII ones.
  const value = input.normalize("NFKC").trim();
  if (value === "") return invalid("required");
  if (!/^\d+$/.test(value)) return invalid("invalid_character");
  if (value.length !== 12) return invalid("invalid_length");
  return valid(value);
}
