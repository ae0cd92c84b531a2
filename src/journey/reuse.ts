// Account reuse: an earlier verification of the same applicant account (the same phone), within a
// year, by a method this partner allows, may be shared instead of checking again.
import { findReusableVerifications } from "../db/applicants";
import type { VerificationRow } from "../db/verifications";
import { DAY } from "../domain/clock";
import type { ApplicantRow } from "../flow/applicant";
import type { FlowContext } from "../flow/context";

// A verification older than this is not offered for reuse: identities change (new ID cards, phones).
export const REUSE_WINDOW = 365 * DAY;

/** The read of reuse candidates, unexecuted, so sign-in can put it in its write's batch. */
export function reuseCandidates(ctx: FlowContext, row: Pick<VerificationRow, "id" | "livemode" | "methods">, applicantId: string) {
  return findReusableVerifications(ctx.db, { applicantId, livemode: row.livemode, excludeId: row.id, methods: row.methods, verifiedAfter: ctx.now - REUSE_WINDOW });
}

/**
 * The applicant's latest verification this one may reuse: same mode, an allowed method, within a
 * year, and at least what this partner asked for (an earlier check without ID photos cannot stand
 * in for one that requires them).
 */
export async function reusableVerification(ctx: FlowContext, row: ApplicantRow, applicantId: string, read?: VerificationRow[]) {
  // A legal representative's own verification is about the person the registry named: an earlier
  // verification of the account may be someone else's identity, so it is checked afresh.
  if (row.options.lock_prefills) return null;
  const candidates = read ?? (await reuseCandidates(ctx, row, applicantId));
  const wanted = Object.entries(row.options)
    .filter(([, on]) => on)
    .map(([name]) => name);
  return candidates.find((c) => wanted.every((name) => c.options[name])) ?? null;
}
