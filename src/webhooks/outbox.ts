// The outbox's sending half. A webhook event is written in the D1 batch that changes the status;
// only afterwards is it queued. The consumer marks the row (`queued_at`) when it takes the event;
// whatever is still unmarked after a minute (a refused send, a crash before the send) the cron
// queues again, and the fan-out ignores repeats. So a status change is never lost nor announced
// without happening, and the request itself spends no D1 round trip on bookkeeping.
// publishEvents never throws: the change it follows is already committed.
import type { Database } from "../db/client";
import type { Env } from "../env";
import { deliveryMessage, eventMessage, type QueuedDelivery } from "./messages";
import { logError } from "../log";

/** What a write that may emit webhook events needs: D1, and the queue to announce them on. */
export interface WriteContext {
  db: Database;
  /** INVITATIONS: the writer tells an invitation's object the authorization's new status (src/flow/invitation.ts). */
  env: Pick<Env, "WEBHOOKS"> & Partial<Pick<Env, "INVITATIONS">>;
}

/** Queues events already committed to the outbox; returns how many the queue accepted. */
export async function publishEvents(ctx: Pick<WriteContext, "env">, eventIds: string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  try {
    await ctx.env.WEBHOOKS.sendBatch(eventIds.map((id) => ({ body: eventMessage(id) })));
  } catch (error) {
    logError("webhook_queue_send_failed", error, { count: eventIds.length }, "warn");
    return 0;
  }
  return eventIds.length;
}

/** Queues the next attempt of deliveries just created (fan-out, redelivery) or taken over by the sweep. */
export async function enqueueDeliveries(env: Pick<Env, "WEBHOOKS">, deliveries: QueuedDelivery[]) {
  if (deliveries.length > 0) await env.WEBHOOKS.sendBatch(deliveries.map((d) => ({ body: deliveryMessage(d) })));
}
