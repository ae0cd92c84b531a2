// The cron's verification half: persists the expiry of open verifications whose time ran out,
// so partners get `verification.expired` even if nobody reads the verification again.
import { listOverdueVerificationsAcrossPartners } from "../db/verifications";
import { settleExpiry, type WriteContext } from "../flow/writer";

const BATCH = 50;

export async function expireOverdue(ctx: WriteContext, now: number): Promise<number> {
  const rows = await listOverdueVerificationsAcrossPartners(ctx.db, now, BATCH);
  for (const row of rows) await settleExpiry(ctx, row, now);
  return rows.length;
}
