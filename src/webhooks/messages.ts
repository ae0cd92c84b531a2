// What travels on the `shiming-webhooks` queue: ids only. The message names a row in D1 and the
// consumer reads the rest, so a message never carries a secret or a body that could go stale.
// A delivery message also says which attempt it is for (attempts made, and when it was due), so
// the consumer can tell a stale copy (one the sweep replaced, or already served) and drop it.
import { z } from "zod";

export const webhookMessage = z.discriminatedUnion("kind", [
  // An event to fan out to the partner's endpoints.
  z.object({ kind: z.literal("event"), event_id: z.string().min(1) }),
  // One delivery's next attempt. `attempts` and `due_at` are absent on messages queued before
  // they existed; such a message is served if due and otherwise left to the sweep.
  z.object({
    kind: z.literal("delivery"),
    delivery_id: z.string().min(1),
    attempts: z.number().int().min(0).optional(),
    due_at: z.number().int().optional(),
  }),
]);

export type WebhookMessage = z.infer<typeof webhookMessage>;
export type DeliveryMessage = Extract<WebhookMessage, { kind: "delivery" }>;

/** A delivery as queued: its id, the attempts made so far, and when the next one is due. */
export interface QueuedDelivery {
  id: string;
  attempts: number;
  dueAt: number;
}

export const eventMessage = (eventId: string): WebhookMessage => ({ kind: "event", event_id: eventId });
export const deliveryMessage = (d: QueuedDelivery): DeliveryMessage => ({ kind: "delivery", delivery_id: d.id, attempts: d.attempts, due_at: d.dueAt });

/**
 * Whether a delivery message no longer stands for the delivery's next attempt: the delivery is
 * finished, an attempt was made (or claimed) since it was queued, or the sweep re-queued it
 * for later. Such a message is dropped: requeueing it would only multiply copies.
 */
export function isStale(message: DeliveryMessage, d: { status: string; attempts: number; nextAttemptAt: number | null }): boolean {
  if (d.status !== "pending") return true;
  if (message.attempts !== undefined && message.attempts !== d.attempts) return true;
  return message.due_at !== undefined && d.nextAttemptAt !== null && d.nextAttemptAt > message.due_at;
}
