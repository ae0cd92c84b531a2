// The business registry port: does an organization's name, credential code (USCC or 15-digit
// registration number) and legal representative (name, and the ID number when known: the
// 4-element check) match the registry, and in what registration status is it. The answer is
// normalised here so no caller ever sees a vendor's codes; what a status does to a verification
// is the domain's policy (src/domain/organization/registry-policy.ts), not the adapters'.
import type { ProviderAnswer } from "../answer";

export type BusinessRegistryQuery = {
  /** Already normalised (full-width brackets, trimmed): see normaliseOrgName. */
  name: string;
  credentialCode: string;
  legalRepName: string;
  /** Present: the 4-element check. */
  legalRepIdNumber?: string | undefined;
};

/**
 * The registration status, normalised: 开业/存续 active, 吊销 revoked, 注销 deregistered, 撤销
 * cancelled, 迁出 moved, 停业/歇业 suspended, 清算 liquidating, 筹建 establishing.
 */
export const REGISTRY_STATUSES = ["active", "revoked", "deregistered", "cancelled", "moved", "suspended", "liquidating", "establishing", "unknown"] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

export type BusinessRegistryReason =
  /** The name and the credential code do not belong together. */
  | "name_code_mismatch"
  /** The legal representative's name is not the registered one. */
  | "legal_rep_mismatch"
  /** The legal representative's ID number is not the registered one (4-element only). */
  | "legal_rep_id_mismatch"
  /** No organization with this name or code. */
  | "org_not_found";

/** `elements`: which check ran (3: name, code, legal representative; 4: with the ID number). */
export type BusinessRegistryAnswer = ProviderAnswer<BusinessRegistryReason, { registryStatus: RegistryStatus; elements: 3 | 4 }>;

export interface BusinessRegistryProvider {
  check(query: BusinessRegistryQuery): Promise<BusinessRegistryAnswer>;
}
