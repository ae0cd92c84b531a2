// The cron step that deletes a verification's evidence once the retention period after it ended
// has passed: the verification row (masked forms, keyed hashes), its event log, its consents and
// its webhook events with their deliveries and attempts, its reviews and incoming credits, all in one D1 batch (then its signed
// authorization letter in R2), at most SWEEP_BATCH
// verifications a run, the longest-ended first. Child verifications go by their own dates. It must
// never touch a verification still inside the period (its event log's and consents' triggers
// refuse that anyway).
import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { consents, incomingCredits, reviews, verificationEvents, verifications, webhookAttempts, webhookDeliveries, webhookEvents } from "../db/schema";
import { DAY } from "../domain/clock";
import type { Env } from "../env";
import { SWEEP_BATCH } from "./expired-rows";

/**
 * Evidence serves the partner and the person in a dispute about what was verified, so it is kept
 * for the general limitation period for civil claims, 3 years (《民法典》第一百八十八条), after the
 * verification ended. The no-delete triggers hold the same 1,095 days in SQL
 * (migrations/0011_evidence_retention.sql): change both together.
 */
export const EVIDENCE_RETENTION_MS = 1_095 * DAY;

/** When a verification ended: completed_at, or expires_at for one never closed (expired once it passed). Indexed (verifications_ended). */
const endedAt = sql`coalesce(${verifications.completedAt}, ${verifications.expiresAt})`;

interface SweepContext {
  db: Database;
  /** Where signed authorization letters are kept: they are evidence, and go with it. */
  env?: Pick<Env, "IMAGES">;
}

/** Deletes the evidence of up to SWEEP_BATCH verifications that ended before `now` minus the period; answers how many. */
export async function sweepEvidence(ctx: SweepContext, now: number): Promise<number> {
  // The triggers judge by the database's clock: a Worker clock ahead of it would pick a row the
  // trigger refuses and abort the whole batch, so the cutoff is the earlier of the two.
  const cutoff = sql`min(${now - EVIDENCE_RETENTION_MS}, CAST(strftime('%s','now') AS INTEGER) * 1000 - ${EVIDENCE_RETENTION_MS})`;
  const ended = await ctx.db.select({ id: verifications.id, authorization: verifications.authorization }).from(verifications).where(sql`${endedAt} < ${cutoff}`).orderBy(endedAt).limit(SWEEP_BATCH);
  if (ended.length === 0) return 0;

  // One JSON parameter for the whole batch: D1 binds at most 100 parameters a query.
  const ids = sql`(select value from json_each(${JSON.stringify(ended.map((v) => v.id))}))`;
  const events = ctx.db.select({ id: webhookEvents.id }).from(webhookEvents).where(inArray(webhookEvents.verificationId, ids));
  // Children before what they name: consents and the event log reference verifications.
  const results = await ctx.db.batch([
    ctx.db.delete(webhookAttempts).where(inArray(webhookAttempts.eventId, events)),
    ctx.db.delete(webhookDeliveries).where(inArray(webhookDeliveries.eventId, events)),
    ctx.db.delete(webhookEvents).where(inArray(webhookEvents.verificationId, ids)),
    ctx.db.delete(verificationEvents).where(inArray(verificationEvents.verificationId, ids)),
    ctx.db.delete(consents).where(inArray(consents.verificationId, ids)),
    ctx.db.delete(reviews).where(inArray(reviews.verificationId, ids)),
    // The credits a reverse transfer matched or refused are its evidence too.
    ctx.db.delete(incomingCredits).where(inArray(incomingCredits.verificationId, ids)),
    ctx.db.delete(verifications).where(inArray(verifications.id, ids)),
  ]);
  const letters = ended.flatMap((v) => (v.authorization?.letterKey ? [v.authorization.letterKey] : []));
  if (letters.length > 0) await ctx.env?.IMAGES.delete(letters);
  return results[7].meta.changes;
}

/**
 * Credits that named no verification (不明来账) are kept for staff to refund or follow up, and for
 * as long as evidence is (the payer may dispute a refund): then they go, oldest first, a batch a run.
 */
export async function sweepUnmatchedCredits(ctx: SweepContext, now: number): Promise<number> {
  const result = await ctx.db.run(
    sql`delete from ${incomingCredits} where rowid in (select rowid from ${incomingCredits} where ${incomingCredits.verificationId} is null and ${incomingCredits.receivedAt} < ${now - EVIDENCE_RETENTION_MS} order by ${incomingCredits.receivedAt} limit ${SWEEP_BATCH})`,
  );
  return result.meta.changes;
}
