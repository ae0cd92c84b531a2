// Consent records: written only together with the verification change they belong to, and only
// if that change wins its version check, so a lost race leaves no consent behind.
import { sql, type SQL } from "drizzle-orm";
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
        userAgent: sql`${c.userAgent ?? null}`.as("user_agent"),
        createdAt: sql`${c.createdAt}`.as("created_at"),
      })
      .from(verifications)
      .where(guard),
  );
}
