// What the business registry's answer does to an organization verification. Pure: the answer is
// already normalised by the provider port (src/providers/business-registry), and the flow moves
// by what this returns, so the policy is one table a test can read.
//   active                                   → the organization check passes
//   deregistered 注销, cancelled 撤销          → the organization no longer exists: the verification ends
//   revoked 吊销, suspended 停业, liquidating 清算 → refused with that reason, not a wrong entry (no try used)
//   moved 迁出, establishing, unknown           → refused, try again later (no try used)
//   a mismatch or no such organization        → a wrong entry: one of the verification's tries

export const REGISTRY_STATUSES = ["active", "revoked", "deregistered", "cancelled", "moved", "suspended", "liquidating", "establishing", "unknown"] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

export type RegistryMismatch = "name_code_mismatch" | "legal_rep_mismatch" | "legal_rep_id_mismatch" | "org_not_found";

export type RegistryFinding = { kind: "match"; status: RegistryStatus } | { kind: "mismatch"; reason: RegistryMismatch } | { kind: "unavailable" };

export type OrgCheckVerdict =
  | { kind: "passed" }
  /** A wrong entry: counted. */
  | { kind: "rejected"; reason: RegistryMismatch }
  /** The organization cannot be verified now (its status); the entry was right: not counted. */
  | { kind: "refused"; reason: `org_${RegistryStatus}` | "provider_unavailable" }
  /** The organization no longer exists: the verification ends. */
  | { kind: "ended"; reason: "org_deregistered" | "org_cancelled" };

export function orgCheckVerdict(finding: RegistryFinding): OrgCheckVerdict {
  if (finding.kind === "unavailable") return { kind: "refused", reason: "provider_unavailable" };
  if (finding.kind === "mismatch") return { kind: "rejected", reason: finding.reason };
  switch (finding.status) {
    case "active":
      return { kind: "passed" };
    case "deregistered":
    case "cancelled":
      return { kind: "ended", reason: `org_${finding.status}` };
    default:
      return { kind: "refused", reason: `org_${finding.status}` };
  }
}
