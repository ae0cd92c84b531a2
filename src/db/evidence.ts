// What the evidence record is built from: a verification's append-only event log and its
// consents. It takes the verification row, which the caller has already read partner-scoped.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "./client";
import { consents, verificationEvents } from "./schema";
import type { VerificationRow } from "./verifications";

export async function evidenceSources(db: Database, v: Pick<VerificationRow, "id" | "partnerId">) {
  const [events, given] = await Promise.all([
    db
      .select()
      .from(verificationEvents)
      .where(and(eq(verificationEvents.verificationId, v.id), eq(verificationEvents.partnerId, v.partnerId)))
      // rowid: insertion order, for events written in the same millisecond.
      .orderBy(asc(verificationEvents.createdAt), asc(sql`rowid`))
      .all(),
    db.select().from(consents).where(eq(consents.verificationId, v.id)).orderBy(asc(consents.createdAt), asc(sql`rowid`)).all(),
  ]);
  return { events, consents: given };
}

export type EvidenceSources = Awaited<ReturnType<typeof evidenceSources>>;
