// Organization credential code (证照号码): a USCC, or for organizations that have not re-registered,
// the older 15-digit registration number. The length decides which; the chosen validator's code
// is reported as is. Pure: it must never guess a kind from anything but the length.

import { invalid, valid, type Validation } from "./result";
import { validateRegistrationNumber } from "./registration-number";
import { validateUscc } from "./uscc";

export type CredentialCode = { kind: "uscc" | "registration_number"; value: string };

export function validateCredentialCode(input: string): Validation<CredentialCode> {
  const trimmed = input.normalize("NFKC").trim();
  if (trimmed === "") return invalid("required");
  if (trimmed.length === 18) return tagged("uscc", validateUscc(trimmed));
  if (trimmed.length === 15) return tagged("registration_number", validateRegistrationNumber(trimmed));
  return invalid("invalid_length");
}

function tagged(kind: CredentialCode["kind"], result: Validation<string>): Validation<CredentialCode> {
  return result.ok ? valid({ kind, value: result.value }) : invalid(result.code);
}
