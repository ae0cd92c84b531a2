// The business registry port: does an organization's name, credential code (USCC or 15-digit
// registration number) and legal representative (name, and the ID number when known: the
// 4-element check) match the registry, and in what registration status is it. The answer is
// normalised here so no caller ever sees a vendor's codes; what a status does to a verification
// is the domain's policy (src/domain/organization/registry-policy.ts), not the adapters'.
import type { RegistryMismatch, RegistryStatus } from "../../domain/organization/registry-policy";
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
 * cancelled, 迁出 moved, 停业/歇业 suspended, 清算 liquidating, 筹建 establishing. The domain owns
 * the list (and what each does to a verification); adapters map their vendor's codes onto it.
 */
export { REGISTRY_STATUSES, type RegistryStatus } from "../../domain/organization/registry-policy";

/**
 * name_code_mismatch: the name and the credential code do not belong together; legal_rep_mismatch:
 * the legal representative's name is not the registered one; legal_rep_id_mismatch: nor the ID
 * number (4-element only); org_not_found: no organization with this name or code.
 */
export type BusinessRegistryReason = RegistryMismatch;

/** `elements`: which check ran (3: name, code, legal representative; 4: with the ID number). */
export type BusinessRegistryAnswer = ProviderAnswer<BusinessRegistryReason, { registryStatus: RegistryStatus; elements: 3 | 4 }>;

export interface BusinessRegistryProvider {
  check(query: BusinessRegistryQuery): Promise<BusinessRegistryAnswer>;
}
