// The scheduled handler (every minute, wrangler.toml): expire overdue verifications, then
// queue what the webhook outbox and the deliveries left behind. Each step logs and moves on,
// so one failing step never starves the others.
import { database } from "./db/client";
import type { Env } from "./env";
import { expireOverdue } from "./verifications/expire-overdue";
import { sweepDeliveries, sweepOutbox } from "./webhooks/sweep";

export async function runCron(env: Env, now: number): Promise<void> {
  const ctx = { db: database(env.DB), env };
  const steps = { expire: expireOverdue, outbox: sweepOutbox, deliveries: sweepDeliveries };
  for (const [name, step] of Object.entries(steps)) {
    try {
      await step(ctx, now);
    } catch (error) {
      console.error(JSON.stringify({ level: "error", what: "cron_step_failed", step: name, message: error instanceof Error ? error.message : String(error) }));
    }
  }
}
