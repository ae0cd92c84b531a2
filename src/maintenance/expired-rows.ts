// Cron steps that delete D1 rows past their keep-by date: idempotency replays (24 h window, see
// src/http/idempotency.ts), sandbox SMS copies (24 h, schema.ts) and the sandbox bank's payouts (30 days). Each run deletes at most one
// batch per table, so a backlog drains over several minutes instead of one long write that
// holds the database; the oldest rows go first. Never touches anything younger than its window.
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { IDEMPOTENCY_WINDOW_MS } from "../http/idempotency";
import type { Database } from "../db/client";
import { idempotencyKeys, sandboxPayouts, sandboxSmsMessages } from "../db/schema";
import { DAY } from "../domain/clock";

/** Rows deleted per table per cron run (every minute): over a million a day, in short writes. */
export const SWEEP_BATCH = 500;
/** Sandbox SMS texts hold codes; test partners read them within minutes, so a day is plenty. */
export const SANDBOX_SMS_RETENTION_MS = DAY;
/** The sandbox bank's payouts (their amounts in the clear: test mode's only) outlive any forward transfer that asks about them: a week to pay, a week to type the amount. */
export const SANDBOX_PAYOUT_RETENTION_MS = 30 * DAY;

interface SweepContext {
  db: Database;
}

export function sweepIdempotencyKeys(ctx: SweepContext, now: number): Promise<number> {
  return deleteOlderThan(ctx.db, idempotencyKeys, idempotencyKeys.createdAt, now - IDEMPOTENCY_WINDOW_MS);
}

export function sweepSandboxSms(ctx: SweepContext, now: number): Promise<number> {
  return deleteOlderThan(ctx.db, sandboxSmsMessages, sandboxSmsMessages.createdAt, now - SANDBOX_SMS_RETENTION_MS);
}

export function sweepSandboxPayouts(ctx: SweepContext, now: number): Promise<number> {
  return deleteOlderThan(ctx.db, sandboxPayouts, sandboxPayouts.createdAt, now - SANDBOX_PAYOUT_RETENTION_MS);
}

// SQLite's DELETE takes no LIMIT unless compiled with it, so the batch is chosen by rowid.
async function deleteOlderThan(db: Database, table: SQLiteTable, createdAt: SQLiteColumn, cutoff: number): Promise<number> {
  const query: SQL = sql`delete from ${table} where rowid in (select rowid from ${table} where ${createdAt} < ${cutoff} order by ${createdAt} limit ${SWEEP_BATCH})`;
  const result = await db.run(query);
  return result.meta.changes;
}
