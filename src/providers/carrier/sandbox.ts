// The test-mode twin of the carrier 3-element check (its verdicts are deterministic): the magic values in
// sandbox-values.ts steer it to each outcome and every other input matches. It must never call
// out, read a clock, or re-validate formats (the domain validators run before any provider).
import { sandboxUnavailable, sandboxVerdict } from "../sandbox-answer";
import { SANDBOX_NAMES, SANDBOX_PHONE_SUFFIXES } from "../sandbox-values";
import type { CarrierProvider, CarrierQuery, CarrierReason } from "./index";

export function sandboxCarrier(): CarrierProvider {
  return {
    async check({ name, idNumber, phone }) {
      if (name === SANDBOX_NAMES.unavailable || phone.endsWith(SANDBOX_PHONE_SUFFIXES.unavailable)) {
        return sandboxUnavailable();
      }
      return sandboxVerdict(reasonFor({ name, idNumber, phone }));
    },
  };
}

function reasonFor({ name, phone }: CarrierQuery): CarrierReason | undefined {
  if (name === SANDBOX_NAMES.nameIdMismatch) return "name_id_mismatch";
  if (phone.endsWith(SANDBOX_PHONE_SUFFIXES.notTheApplicants)) return "phone_not_registered_to_id";
  return undefined;
}
