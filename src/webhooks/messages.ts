// What travels on the `shiming-webhooks` queue: ids only. The message names a row in D1 and the
// consumer reads the rest, so a message never carries a secret or a body that could go stale.
import { z } from "zod";

export const webhookMessage = z.discriminatedUnion("kind", [
  // An event to fan out to the partner's endpoints.
  z.object({ kind: z.literal("event"), event_id: z.string().min(1) }),
  // One delivery's next attempt.
  z.object({ kind: z.literal("delivery"), delivery_id: z.string().min(1) }),
]);

export type WebhookMessage = z.infer<typeof webhookMessage>;

export const eventMessage = (eventId: string): WebhookMessage => ({ kind: "event", event_id: eventId });
export const deliveryMessage = (deliveryId: string): WebhookMessage => ({ kind: "delivery", delivery_id: deliveryId });
