// The identity registry port: the 2-element check of a name against a resident ID number.
// It answers whether the pair matches the registry; it must never validate formats (the domain
// validators did) nor decide what a mismatch does to a verification (the state machine does).
import type { ProviderAnswer } from "../answer";

export type IdentityQuery = { name: string; idNumber: string };

export type IdentityReason = "name_id_mismatch" | "id_not_found" | "id_expired";

export type IdentityAnswer = ProviderAnswer<IdentityReason>;

export interface IdentityProvider {
  check(query: IdentityQuery): Promise<IdentityAnswer>;
}
