// The funnel's queries: grouped in D1 over the window (verifications_created, by created_at), never
// a row per verification to the Worker. Cross-partner unless a partner is named.
import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { DayRow } from "../staff/funnel";
import type { Database } from "./client";
import { verifications } from "./schema";

const BEIJING_DAY = sql<string>`date(${verifications.createdAt} / 1000, 'unixepoch', '+8 hours')`;

function scope(since: number, partnerId: string | undefined) {
  return partnerId ? and(gte(verifications.createdAt, since), eq(verifications.partnerId, partnerId)) : gte(verifications.createdAt, since);
}

export function funnelRows(db: Database, since: number, partnerId?: string): Promise<DayRow[]> {
  return db
    .select({ day: BEIJING_DAY, method: verifications.method, status: verifications.status, n: sql<number>`count(*)` })
    .from(verifications)
    .where(scope(since, partnerId))
    .groupBy(BEIJING_DAY, verifications.method, verifications.status)
    .all();
}

export function failureReasons(db: Database, since: number, partnerId?: string) {
  return db
    .select({ reason: verifications.failureReason, n: sql<number>`count(*)` })
    .from(verifications)
    .where(and(scope(since, partnerId), eq(verifications.status, "failed"), isNotNull(verifications.failureReason)))
    .groupBy(verifications.failureReason)
    .orderBy(sql`count(*) desc`)
    .limit(20)
    .all();
}

/** The median time from creation to verified, in ms, or null with nothing verified; `n` is how many were (from funnelRows). */
export async function medianTimeToVerify(db: Database, since: number, n: number, partnerId?: string): Promise<number | null> {
  const where = and(scope(since, partnerId), eq(verifications.status, "verified"), isNotNull(verifications.completedAt));
  if (n === 0) return null;
  const [mid] = await db
    .select({ d: sql<number>`${verifications.completedAt} - ${verifications.createdAt}` })
    .from(verifications)
    .where(where)
    .orderBy(sql`${verifications.completedAt} - ${verifications.createdAt}`)
    .limit(1)
    .offset(Math.floor((n - 1) / 2));
  return mid?.d ?? null;
}

/**
 * Where the unfinished ones stopped: the step an expired or canceled verification was left at
 * (its ended state keeps it), counted; those ended before the flow kept it count as "unknown".
 */
export function stopPoints(db: Database, since: number, partnerId?: string) {
  const at = sql<string>`coalesce(json_extract(${verifications.state}, '$.at'), 'unknown')`;
  return db
    .select({ type: at, n: sql<number>`count(*)` })
    .from(verifications)
    .where(and(scope(since, partnerId), sql`${verifications.status} in ('expired', 'canceled')`))
    .groupBy(at)
    .orderBy(sql`count(*) desc`)
    .limit(12)
    .all();
}
