// The scheduled handler (every minute, wrangler.toml): expire overdue verifications, queue what
// the webhook outbox and the deliveries left behind, delete media past its retention, delete
// idempotency replays, sandbox SMS copies and sandbox payouts past theirs, and the evidence of verifications that
// ended more than 3 years ago (src/maintenance/evidence-retention.ts), and the parents a child's
// end did not reach, withdraws reviews whose verification ended undecided, and moves again a decision whose flow move was lost. Each step logs and moves on,
// so one failing step never starves the others.
import { database } from "./db/client";
import type { Env } from "./env";
import { expireOverdue } from "./verifications/expire-overdue";
import { sweepDeliveries, sweepOutbox } from "./webhooks/sweep";
import { sweepMedia } from "./media/retention";
import { readConfig } from "./config";
import { sweepIdempotencyKeys, sweepSandboxPayouts, sweepSandboxSms } from "./maintenance/expired-rows";
import { sweepEvidence, sweepUnmatchedCredits } from "./maintenance/evidence-retention";
import { logError } from "./log";
import { tellOrphanedParents } from "./flow/orphaned-children";
import { withdrawEndedReviews } from "./maintenance/ended-reviews";
import { moveDecidedReviews } from "./maintenance/decided-reviews";
import { sweepPayouts } from "./maintenance/payouts";

export async function runCron(env: Env, now: number): Promise<void> {
  const ctx = { db: database(env.DB), env, retentionMs: readConfig(env).MEDIA_RETENTION_HOURS * 3_600_000 };
  const steps = {
    expire: expireOverdue,
    outbox: sweepOutbox,
    deliveries: sweepDeliveries,
    media: sweepMedia,
    idempotency_keys: sweepIdempotencyKeys,
    sandbox_sms: sweepSandboxSms,
    sandbox_payouts: sweepSandboxPayouts,
    evidence: sweepEvidence,
    unmatched_credits: sweepUnmatchedCredits,
    orphaned_children: tellOrphanedParents,
    ended_reviews: withdrawEndedReviews,
    decided_reviews: moveDecidedReviews,
    payouts: sweepPayouts,
  };
  for (const [name, step] of Object.entries(steps)) {
    try {
      await step(ctx, now);
    } catch (error) {
      logError("cron_step_failed", error, { step: name });
    }
  }
}
