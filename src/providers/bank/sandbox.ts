// The test-mode twin of the bank 4-element check (its verdicts are deterministic): the magic values in
// sandbox-values.ts steer it to each outcome and every other input matches. It must never call
// out, read a clock, or re-validate formats (the domain validators run before any provider).
import { sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_CARDS, SANDBOX_NAMES, SANDBOX_PHONE_SUFFIXES } from "../sandbox-values";
import type { BankProvider, BankQuery, BankReason } from "./index";

export function sandboxBank(): BankProvider {
  return {
    async check({ name, idNumber, cardNumber, phone }) {
      if (name === SANDBOX_NAMES.unavailable || phone.endsWith(SANDBOX_PHONE_SUFFIXES.unavailable)) {
        return sandboxUnavailable();
      }
      return sandboxVerdict(reasonFor({ name, idNumber, cardNumber, phone }));
    },
  };
}

// Card first: a bank refuses an unusable card before it compares anyone's details.
function reasonFor({ name, cardNumber, phone }: BankQuery): BankReason | undefined {
  if (cardNumber === SANDBOX_CARDS.notSupported) return "card_not_supported";
  if (name === SANDBOX_NAMES.nameIdMismatch) return "name_id_mismatch";
  if (phone.endsWith(SANDBOX_PHONE_SUFFIXES.notTheApplicants)) return "card_phone_mismatch";
  return undefined;
}
