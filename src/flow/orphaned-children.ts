// The cron's repair of the one gap between two writes: a child verification ended, but its
// parent's `child_ended` write never happened (the Worker stopped, D1 failed). Parents still
// waiting on a child that ended more than a minute ago are told again, through the same move.
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { verifications } from "../db/schema";
import type { VerificationRow } from "../db/verifications";
import { tellParent, type WriteContext } from "./writer";

const BATCH = 50;
const GRACE_MS = 60_000;

export async function tellOrphanedParents(ctx: WriteContext, now: number): Promise<number> {
  const parent = alias(verifications, "parent");
  const rows = await ctx.db
    .select({ child: verifications })
    .from(verifications)
    .innerJoin(parent, eq(parent.id, verifications.parentId))
    .where(
      and(
        isNotNull(verifications.completedAt),
        lt(verifications.completedAt, now - GRACE_MS),
        sql`json_extract(${parent.state}, '$.kind') = 'step'`,
        sql`json_extract(${parent.state}, '$.data.child_id') = ${verifications.id}`,
        sql`json_extract(${parent.state}, '$.data.child_outcome') is null`,
      ),
    )
    .limit(BATCH);
  for (const { child } of rows) await tellParent(ctx, child as VerificationRow, now);
  return rows.length;
}
