// Applicant accounts, keyed by the phone they sign in with (as a keyed hash), and the look-up of
// an earlier verification they may reuse. Not partner-scoped on purpose: an applicant's account
// spans partners, and reuse happens only with the applicant's consent on the hosted page.
import { and, desc, eq, gt, inArray, ne } from "drizzle-orm";
import { newId } from "../crypto/random";
import type { Database } from "./client";
import { applicants, verifications } from "./schema";

/** One statement either way: the no-op update on conflict makes RETURNING answer the existing row. */
export async function upsertApplicantByPhone(db: Database, phoneHash: string, phoneMasked: string, now: number): Promise<string> {
  const [row] = await db
    .insert(applicants)
    .values({ id: newId("app"), phoneHash, phoneMasked, createdAt: now })
    .onConflictDoUpdate({ target: applicants.phoneHash, set: { phoneHash } })
    .returning({ id: applicants.id });
  return row!.id;
}

/** The applicant's latest few verified verifications that could be reused, newest first. */
export function findReusableVerifications(
  db: Database,
  q: { applicantId: string; livemode: boolean; excludeId: string; methods: readonly string[]; verifiedAfter: number },
) {
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
    .limit(5)
    .all();
}
