// The cron's payout sweep: every forward transfer whose payout may still change at the bank
// (requested, or paid but its amount not yet confirmed: a bank may return it) is asked about
// a bounded batch at a time: a requested one every minute, a paid one every hour.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxPayoutStore } from "../db/sandbox-payouts";
import { verifications } from "../db/schema";
import type { Env } from "../env";
import { readConfig } from "../config";
import { providersFor } from "../providers/select";
import { refreshPayout } from "../transfer/refresh";

const BATCH = 50;
/**
 * A paid payout is asked about again only for a refund, which is rare: once an hour (its rowid's
 * minute of the hour), not every minute for the week its amount may take, which would ask the
 * bank ten thousand times a payout. A requested one is asked every minute until it is paid.
 */
const PAID_EVERY_MINUTES = 60;

const minuteOfHour = (now: number) => Math.floor(now / 60_000) % PAID_EVERY_MINUTES;

export async function sweepPayouts(ctx: { db: Database; env: Env }, now: number) {
  const rows = await ctx.db
    .select()
    .from(verifications)
    .where(
      and(
        eq(verifications.method, "transfer_forward"),
        inArray(verifications.status, ["in_progress", "requires_review"]),
        isNull(sql`json_extract(${verifications.transfer}, '$.amountConfirmedAt')`),
        sql`(json_extract(${verifications.transfer}, '$.payout.status') = 'requested' or (json_extract(${verifications.transfer}, '$.payout.status') = 'paid' and ${verifications}.rowid % ${PAID_EVERY_MINUTES} = ${minuteOfHour(now)}))`,
      ),
    )
    // Random, not oldest first: an answer that changes nothing writes nothing, so "oldest" would
    // stay the same fifty rows every minute and starve the rest.
    .orderBy(sql`random()`)
    .limit(BATCH)
    .all();
  const config = readConfig(ctx.env);
  for (const row of rows) {
    const payout = providersFor({ livemode: row.livemode }, config, { sandboxPayouts: sandboxPayoutStore(ctx.db, now) }).payout;
    await refreshPayout({ db: ctx.db, env: ctx.env, now, payout }, row);
  }
}
