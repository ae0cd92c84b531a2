// The test-mode twin of the identity registry (its verdicts are deterministic): the magic values in
// sandbox-values.ts steer it to each outcome and every other input matches. It must never call
// out, read a clock, or re-validate formats (the domain validators run before any provider).
import { sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_ID_NUMBERS, SANDBOX_NAMES } from "../sandbox-values";
import type { IdentityProvider, IdentityQuery, IdentityReason } from "./index";

export function sandboxIdentity(): IdentityProvider {
  return {
    async check({ name, idNumber }) {
      if (name === SANDBOX_NAMES.unavailable) return sandboxUnavailable();
      return sandboxVerdict(reasonFor({ name, idNumber }));
    },
  };
}

function reasonFor({ name, idNumber }: IdentityQuery): IdentityReason | undefined {
  if (idNumber === SANDBOX_ID_NUMBERS.notFound) return "id_not_found";
  if (idNumber === SANDBOX_ID_NUMBERS.expired) return "id_expired";
  if (name === SANDBOX_NAMES.nameIdMismatch) return "name_id_mismatch";
  return undefined;
}
