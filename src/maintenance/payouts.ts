// The cron's payout sweep: every forward transfer whose payout may still change at the bank
// (requested, or paid but its amount not yet confirmed: a bank may return it) is asked about
// once a minute, oldest first, a bounded batch at a time.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxPayoutStore } from "../db/sandbox-payouts";
import { verifications } from "../db/schema";
import type { Env } from "../env";
import { readConfig } from "../config";
import { providersFor } from "../providers/select";
import { refreshPayout } from "../transfer/refresh";

const BATCH = 50;

export async function sweepPayouts(ctx: { db: Database; env: Env }, now: number) {
  const rows = await ctx.db
    .select()
    .from(verifications)
    .where(
      and(
        eq(verifications.method, "transfer_forward"),
        inArray(verifications.status, ["in_progress", "requires_review"]),
        inArray(sql`json_extract(${verifications.transfer}, '$.payout.status')`, ["requested", "paid"]),
        isNull(sql`json_extract(${verifications.transfer}, '$.amountConfirmedAt')`),
      ),
    )
    .orderBy(verifications.updatedAt)
    .limit(BATCH)
    .all();
  const config = readConfig(ctx.env);
  for (const row of rows) {
    const payout = providersFor({ livemode: row.livemode }, config, { sandboxPayouts: sandboxPayoutStore(ctx.db, now) }).payout;
    await refreshPayout({ db: ctx.db, env: ctx.env, now, payout }, row);
  }
}
