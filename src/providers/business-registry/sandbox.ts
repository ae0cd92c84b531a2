// The test-mode twin of the business registry: every well-formed organization matches and is
// active, except the magic values in sandbox-values.ts (SANDBOX_ORGANIZATIONS, and the person
// names 王不符 and 李超时 as the legal representative, and a test identity's ID number given for
// another test identity's name). Never calls out, never re-validates.
import { sandboxNoMatch, sandboxSerial, sandboxUnavailable, SANDBOX_PROVIDER } from "../sandbox-answer";
import { SANDBOX_NAMES, SANDBOX_ORGANIZATIONS, TEST_IDENTITIES } from "../sandbox-values";
import type { BusinessRegistryAnswer, BusinessRegistryProvider, BusinessRegistryQuery, BusinessRegistryReason, RegistryStatus } from "./index";

export function sandboxBusinessRegistry(): BusinessRegistryProvider {
  return {
    async check(query) {
      if (query.legalRepName === SANDBOX_NAMES.unavailable) return sandboxUnavailable();
      const elements = query.legalRepIdNumber ? 4 : 3;
      const reason = reasonFor(query);
      if (reason) return sandboxNoMatch(reason, sandboxSerial());
      return { outcome: "match", provider: SANDBOX_PROVIDER, serial: sandboxSerial(), registryStatus: statusOf(query.name), elements } satisfies BusinessRegistryAnswer;
    },
  };
}

function reasonFor(query: BusinessRegistryQuery): BusinessRegistryReason | undefined {
  if (query.name === SANDBOX_ORGANIZATIONS.notFoundName) return "org_not_found";
  if (query.credentialCode === SANDBOX_ORGANIZATIONS.nameMismatchCode) return "name_code_mismatch";
  if (query.legalRepName === SANDBOX_NAMES.nameIdMismatch) return "legal_rep_mismatch";
  // The 4-element check: a test identity's ID number given for another test identity's name.
  if (query.legalRepIdNumber && TEST_IDENTITIES.some((p) => p.idNumber === query.legalRepIdNumber && p.name !== query.legalRepName)) return "legal_rep_mismatch";
  return undefined;
}

function statusOf(name: string): RegistryStatus {
  if (name.includes(SANDBOX_ORGANIZATIONS.deregisteredMark)) return "deregistered";
  if (name.includes(SANDBOX_ORGANIZATIONS.revokedMark)) return "revoked";
  return "active";
}
