// The funnel's roll-up items (funnel_daily), for the batch that creates or moves a verification:
// a verification counts once, at its key (src/domain/funnel/key.ts); a change that moves its key
// takes one from the old key and adds one to the new, so ending counts once and choosing a method
// moves an open one under it. The writer's items carry its version guard: a lost race counts nothing.
import { type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type FunnelKey, type FunnelSubject, funnelKeyOf, sameKey } from "../domain/funnel/key";
import type { Database } from "./client";
import { funnelDaily, verifications } from "./schema";

const TARGET = [funnelDaily.day, funnelDaily.partnerId, funnelDaily.method, funnelDaily.status, funnelDaily.detail, funnelDaily.bucket];
const ADD = { n: sql`${funnelDaily.n} + excluded.n` };

/** The creation's item: one more at the new verification's key (it stands or falls with the insert in its batch). */
export function funnelStarted(db: Database, v: FunnelSubject): BatchItem<"sqlite"> {
  return db
    .insert(funnelDaily)
    .values({ ...funnelKeyOf(v), n: 1 })
    .onConflictDoUpdate({ target: TARGET, set: ADD });
}

/** The move's items, none when the key stays: written only while `guard` (the row's version) holds, so before the update. */
export function funnelMoved(db: Database, before: FunnelSubject, after: FunnelSubject, guard: SQL): BatchItem<"sqlite">[] {
  const from = funnelKeyOf(before);
  const to = funnelKeyOf(after);
  if (sameKey(from, to)) return [];
  return [guardedAdd(db, from, -1, guard), guardedAdd(db, to, 1, guard)];
}

function guardedAdd(db: Database, k: FunnelKey, n: number, guard: SQL) {
  const select = db
    .select({
      day: sql`${k.day}`.as("day"),
      partnerId: sql`${k.partnerId}`.as("partner_id"),
      method: sql`${k.method}`.as("method"),
      status: sql`${k.status}`.as("status"),
      detail: sql`${k.detail}`.as("detail"),
      bucket: sql`${k.bucket}`.as("bucket"),
      n: sql`${n}`.as("n"),
    })
    .from(verifications)
    // SQLite reads ON CONFLICT after a SELECT only past its WHERE: the guard is that clause.
    .where(guard);
  return db.insert(funnelDaily).select(select).onConflictDoUpdate({ target: TARGET, set: ADD });
}
