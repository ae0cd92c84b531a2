// Cron step: decided reviews whose verification still waits on them (decided more than a minute
// ago: the flow's move was lost between the two writes) are moved again through the same move
// (src/reviews/decide.ts moveDecidedAgain).
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { reviews, staffMembers, verifications } from "../db/schema";
import type { Env } from "../env";
import { moveDecidedAgain } from "../reviews/decide";

const BATCH = 50;
const GRACE_MS = 60_000;

export async function moveDecidedReviews(ctx: { db: Database; env: Pick<Env, "WEBHOOKS" | "IMAGES"> }, now: number): Promise<number> {
  const rows = await ctx.db
    .select({ review: reviews, name: staffMembers.name })
    .from(reviews)
    .innerJoin(verifications, eq(verifications.id, reviews.verificationId))
    .leftJoin(staffMembers, eq(staffMembers.id, reviews.decidedBy))
    .where(
      and(
        inArray(reviews.status, ["approved", "rejected"]),
        lt(reviews.decidedAt, now - GRACE_MS),
        eq(verifications.status, "requires_review"),
        sql`json_extract(${verifications.state}, '$.data.review_id') = ${reviews.id}`,
      ),
    )
    .limit(BATCH);
  for (const { review, name } of rows) await moveDecidedAgain({ ...ctx, now }, review, name);
  return rows.length;
}
