// Every reason the organization check can answer: the registry's mismatches (a wrong entry, one
// of the verification's tries), the registration statuses that refuse it (the entry was right:
// no try used), the two that end it, and the shared ones.
import type { RegistryMismatch, RegistryStatus } from "../../domain/organization/registry-policy";
import { countedReason, type ReasonCatalogue, type ReasonEntry, SHARED_REASONS } from "../../flow/reasons";

const refused = (code: string): ReasonEntry => ({ countsAsAttempt: false, messageKey: `reason.${code}`, next: "try_later" });
const ending = (code: string): ReasonEntry => ({ countsAsAttempt: false, messageKey: `reason.${code}`, next: "end" });

export const orgCheckReasons = {
  ...SHARED_REASONS,
  name_code_mismatch: countedReason("name_code_mismatch"),
  legal_rep_mismatch: countedReason("legal_rep_mismatch"),
  legal_rep_id_mismatch: countedReason("legal_rep_id_mismatch"),
  org_not_found: countedReason("org_not_found"),
  org_revoked: refused("org_revoked"),
  org_suspended: refused("org_suspended"),
  org_liquidating: refused("org_liquidating"),
  org_moved: refused("org_moved"),
  org_establishing: refused("org_establishing"),
  org_unknown: refused("org_unknown"),
  org_active: refused("org_unknown"),
  org_deregistered: ending("org_deregistered"),
  org_cancelled: ending("org_cancelled"),
} as const satisfies ReasonCatalogue<RegistryMismatch | `org_${RegistryStatus}` | keyof typeof SHARED_REASONS>;
