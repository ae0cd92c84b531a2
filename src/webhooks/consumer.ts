// The `shiming-webhooks` queue consumer. An event message fans out into one delivery per
// subscribed endpoint; a delivery message makes one attempt, logs it, and either finishes or
// queues the next try per the retry schedule (chaining 12 h hops for longer waits).
// Every step is safe to repeat: fan-out is unique per endpoint and attempts are claimed in D1.
// A stale delivery message (already served, or replaced by the sweep) is acked and dropped,
// never requeued, so copies cannot pile up during a backlog.
import { readConfig } from "../config";
import { cipherFor } from "../http/context";
import type { DataCipher } from "../crypto/data-key";
import { database, type Database } from "../db/client";
import { abandonDelivery, claimAttempt, getDeliveryForConsumer, insertDeliveries, recordAttempt } from "../db/webhook-deliveries";
import { disableEndpointStatement, endpointsForEvent, getEndpointForDelivery } from "../db/webhook-endpoints";
import { getEventForDelivery, markQueued } from "../db/webhook-events";
import type { Env } from "../env";
import { sendWebhook, signingSecrets } from "./deliver";
import { endpointUrlProblem } from "./endpoint-url";
import { type DeliveryMessage, deliveryMessage, isStale, type QueuedDelivery, webhookMessage } from "./messages";
import { enqueueDeliveries } from "./outbox";
import { decideAfterAttempt, MAX_QUEUE_DELAY_SECONDS, randomUnit } from "./schedule";
import { logError } from "../log";

/** How long a claimed attempt is ours: more than the 15 s timeout plus the D1 writes. */
const LEASE_MS = 60_000;

interface ConsumerContext {
  db: Database;
  cipher: DataCipher;
  env: Env;
  schedule: readonly number[];
}

export async function handleWebhookBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const config = readConfig(env);
  const ctx: ConsumerContext = { db: database(env.DB), cipher: await cipherFor(config.DATA_KEY), env, schedule: config.WEBHOOK_RETRY_SCHEDULE };
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = webhookMessage.safeParse(message.body);
      if (!parsed.success) {
        console.warn(JSON.stringify({ level: "warn", what: "webhook_message_invalid", id: message.id }));
        return message.ack();
      }
      try {
        if (parsed.data.kind === "event") await fanOut(ctx, parsed.data.event_id, Date.now());
        else await attempt(ctx, parsed.data);
        message.ack();
      } catch (error) {
        logError("webhook_message_failed", error, { id: message.id });
        message.retry({ delaySeconds: 30 });
      }
    }),
  );
}

async function fanOut(ctx: ConsumerContext, eventId: string, now: number) {
  const event = await getEventForDelivery(ctx.db, eventId);
  if (!event) return;
  const endpoints = await endpointsForEvent(ctx.db, event, event.type);
  const created = await insertDeliveries(
    ctx.db,
    event.id,
    endpoints.map((e) => e.id),
    false,
    now,
  );
  await enqueueDeliveries(
    ctx.env,
    created.map((d) => ({ id: d.id, attempts: 0, dueAt: now })),
  );
  // Taken only once fanned out: if the inserts keep failing past the queue's retries, the event
  // stays unmarked and the cron sweep sends it again. (A delivery inserted but not queued is the
  // delivery sweep's.)
  if (event.queuedAt === null) await markQueued(ctx.db, event.id, now);
}

async function attempt(ctx: ConsumerContext, message: DeliveryMessage) {
  const d = await getDeliveryForConsumer(ctx.db, message.delivery_id);
  if (!d || isStale(message, d)) return;
  const now = Date.now();
  const due = d.nextAttemptAt ?? now;
  if (due > now + 1000) {
    // Early and not stale: one hop of a wait longer than the queue's longest delay. A message
    // from before `due_at` existed cannot show it is the delivery's own; the sweep covers it.
    if (message.due_at === undefined) return;
    return requeue(ctx.env, { id: d.id, attempts: d.attempts, dueAt: due }, due - now);
  }
  if (!(await claimAttempt(ctx.db, d, now + LEASE_MS, now))) return;

  const [endpoint, event] = await Promise.all([getEndpointForDelivery(ctx.db, d.endpointId), getEventForDelivery(ctx.db, d.eventId)]);
  if (!endpoint || !event || endpoint.deletedAt !== null || endpoint.status !== "enabled") {
    return abandonDelivery(ctx.db, d.id, now);
  }
  // Endpoints saved before the URL rules (endpoint-url.ts) existed are checked here too.
  const urlProblem = endpointUrlProblem(endpoint.url, endpoint.livemode);
  if (urlProblem) {
    console.warn(JSON.stringify({ level: "warn", what: "webhook_endpoint_url_refused", endpointId: endpoint.id, problem: urlProblem }));
    return abandonDelivery(ctx.db, d.id, now);
  }
  const result = await sendWebhook(endpoint.url, await signingSecrets(ctx.cipher, endpoint, now), event, now);
  const finished = Date.now();
  const number = d.attempts + 1;
  const decision = decideAfterAttempt(result.status, number, ctx.schedule, randomUnit());
  const log = {
    deliveryId: d.id,
    endpointId: endpoint.id,
    eventId: event.id,
    attempt: number,
    succeeded: decision.kind === "succeeded",
    responseStatus: result.status,
    responseBody: result.body,
    error: result.error,
    latencyMs: result.latencyMs,
    attemptedAt: now,
  };
  switch (decision.kind) {
    case "succeeded":
      return recordAttempt(ctx.db, log, { status: "succeeded", nextAttemptAt: null });
    case "gone":
      return recordAttempt(ctx.db, log, { status: "abandoned", nextAttemptAt: null }, [disableEndpointStatement(ctx.db, endpoint.id, "gone", finished)]);
    case "dead":
      return recordAttempt(ctx.db, log, { status: "dead", nextAttemptAt: null });
    case "retry": {
      const next = finished + decision.delaySeconds * 1000;
      await recordAttempt(ctx.db, log, { status: "pending", nextAttemptAt: next });
      return requeue(ctx.env, { id: d.id, attempts: number, dueAt: next }, next - finished);
    }
  }
}

async function requeue(env: Pick<Env, "WEBHOOKS">, delivery: QueuedDelivery, waitMs: number) {
  const delaySeconds = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.ceil(waitMs / 1000)));
  await env.WEBHOOKS.send(deliveryMessage(delivery), { delaySeconds });
}
