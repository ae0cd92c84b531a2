// The funnel's queries: sums over the daily roll-up (funnel_daily, src/db/funnel-rollup.ts) from the
// window's first Beijing day, in one round trip; never the verifications themselves, whose window
// is 100,000 rows where the roll-up's is a few hundred. Cross-partner unless a partner is named.
import { and, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { DayRow } from "../staff/funnel";
import type { Database } from "./client";
import { funnelDaily } from "./schema";

const n = sql<number>`sum(${funnelDaily.n})`;

export interface FunnelSums {
  rows: DayRow[];
  reasons: { reason: string; n: number }[];
  stops: { type: string; n: number }[];
  durations: { bucket: number; n: number }[];
}

export async function funnelSums(db: Database, firstDay: string, partnerId?: string): Promise<FunnelSums> {
  const scope = partnerId ? and(gte(funnelDaily.day, firstDay), eq(funnelDaily.partnerId, partnerId)) : gte(funnelDaily.day, firstDay);
  const [rows, reasons, stops, durations] = await db.batch([
    db
      .select({ day: funnelDaily.day, method: funnelDaily.method, status: funnelDaily.status, n })
      .from(funnelDaily)
      .where(scope)
      .groupBy(funnelDaily.day, funnelDaily.method, funnelDaily.status)
      // A key left by everyone it counted (an open one that chose a method) sums to nothing.
      .having(sql`${n} > 0`),
    db
      .select({ reason: funnelDaily.detail, n })
      .from(funnelDaily)
      .where(and(scope, eq(funnelDaily.status, "failed"), ne(funnelDaily.detail, "")))
      .groupBy(funnelDaily.detail)
      .having(sql`${n} > 0`)
      .orderBy(sql`${n} desc`)
      .limit(20),
    // Where the unfinished stopped: the step an expired or canceled one was left at.
    db
      .select({ type: funnelDaily.detail, n })
      .from(funnelDaily)
      .where(and(scope, inArray(funnelDaily.status, ["expired", "canceled"])))
      .groupBy(funnelDaily.detail)
      .having(sql`${n} > 0`)
      .orderBy(sql`${n} desc`)
      .limit(12),
    db
      .select({ bucket: funnelDaily.bucket, n })
      .from(funnelDaily)
      .where(and(scope, eq(funnelDaily.status, "verified")))
      .groupBy(funnelDaily.bucket),
  ]);
  // The roll-up keeps "no method" as '' (a key column); the page's rows say null.
  return { rows: rows.map((r) => ({ ...r, method: r.method || null })), reasons, stops, durations };
}
