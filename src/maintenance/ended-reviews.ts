// Cron step: a review whose verification ended before anyone decided it (expired, canceled by the
// partner) is withdrawn, so the queue, the case and the API no longer call it pending. Its
// licence leaves R2 with the media sweep (src/media/retention.ts); the row keeps no key to it.
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { reviews, verifications } from "../db/schema";
import { OPEN_STATUSES } from "../domain/verification/status";

export async function withdrawEndedReviews(ctx: { db: Database }, now: number): Promise<number> {
  const ended = ctx.db
    .select({ id: verifications.id })
    .from(verifications)
    .where(and(eq(verifications.id, reviews.verificationId), notInArray(verifications.status, [...OPEN_STATUSES])));
  const result = await ctx.db
    .update(reviews)
    .set({ status: "withdrawn", objectKey: null, claimedUntil: null, decidedAt: now })
    .where(and(eq(reviews.status, "pending"), sql`exists ${ended}`));
  return result.meta.changes;
}
