// Why an authorization did not go through, as the operator's page says it.
import { countedReason, type ReasonCatalogue } from "../../flow/reasons";

export const AUTHORIZATION_REASONS = {
  // The legal representative's own verification used up its tries: the organization counts one.
  child_failed: countedReason("legal_rep_not_verified", "change_method"),
  child_expired: countedReason("legal_rep_not_verified", "change_method"),
  child_canceled: countedReason("legal_rep_not_verified", "change_method"),
} as const satisfies ReasonCatalogue<string>;
