// Consent records: written only together with the verification change they belong to, and only
// if that change wins its version check, so a lost race leaves no consent behind.
import { and, eq, exists, sql, type SQL } from "drizzle-orm";
import type { Database } from "./client";
import { consents, verifications } from "./schema";

export type ConsentRow = typeof consents.$inferInsert;

export function guardedConsentInsert(db: Database, c: ConsentRow, guard: SQL) {
  return db.insert(consents).select(
    db
      .select({
        id: sql`${c.id}`.as("id"),
        verificationId: verifications.id,
        applicantId: sql`${c.applicantId ?? null}`.as("applicant_id"),
        kind: sql`${c.kind}`.as("kind"),
        textVersion: sql`${c.textVersion}`.as("text_version"),
        textHash: sql`${c.textHash}`.as("text_hash"),
        ipEnc: sql`${c.ipEnc ?? null}`.as("ip_enc"),
        ipMasked: sql`${c.ipMasked ?? null}`.as("ip_masked"),
        userAgent: sql`${c.userAgent ?? null}`.as("user_agent"),
        createdAt: sql`${c.createdAt}`.as("created_at"),
      })
      .from(verifications)
      .where(guard),
  );
}

/** When a verification ends its consents keep the IP's network only: the full address goes. */
export function consentIpPurge(db: Database, verificationId: string, guard: SQL) {
  return db
    .update(consents)
    .set({ ipEnc: null })
    .where(and(eq(consents.verificationId, verificationId), exists(db.select({ one: sql`1` }).from(verifications).where(guard))));
}
