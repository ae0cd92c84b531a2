// Applicant accounts, keyed by the phone they sign in with (as a keyed hash), and the look-up of
// an earlier verification they may reuse. Not partner-scoped on purpose: an applicant's account
// spans partners, and reuse happens only with the applicant's consent on the hosted page.
import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import type { Database } from "./client";
import { applicants, verifications } from "./schema";

/**
 * The account row for a sign-in, unexecuted, to run in the sign-in's batch. The id is derived
 * from the phone by the caller, so it is known before any query and an existing row already has it.
 */
export function applicantUpsert(db: Database, a: { id: string; phoneHash: string; phoneMasked: string; createdAt: number }) {
  return db.insert(applicants).values(a).onConflictDoNothing({ target: applicants.phoneHash });
}

/** The applicant's latest few verified verifications that could be reused, newest first. */
export function findReusableVerifications(db: Database, q: { applicantId: string; livemode: boolean; excludeId: string; methods: readonly string[]; verifiedAfter: number }) {
  return db
    .select()
    .from(verifications)
    .where(
      and(
        eq(verifications.applicantId, q.applicantId),
        eq(verifications.livemode, q.livemode),
        eq(verifications.type, "person"),
        eq(verifications.status, "verified"),
        ne(verifications.id, q.excludeId),
        inArray(verifications.method, [...q.methods]),
        gt(verifications.completedAt, q.verifiedAfter),
      ),
    )
    .orderBy(desc(verifications.completedAt))
    .limit(5);
}

/** The masked phone an account signed in with: how a letter names an operator whose identity is not known. */
export async function applicantPhoneMasked(db: Database, id: string): Promise<string | null> {
  const row = await db.select({ phoneMasked: applicants.phoneMasked }).from(applicants).where(eq(applicants.id, id)).get();
  return row?.phoneMasked ?? null;
}
