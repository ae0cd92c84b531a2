// Webhook rows as partners see them: never a secret (except the one returned at creation or
// rotation, added by the route), ISO times, and events exactly as their signed body says.
import type { z } from "zod";
import type { eventObject, webhookAttemptObject, webhookEndpointObject } from "../http/v1/webhook-schemas";
import type { AttemptRow } from "../db/webhook-deliveries";
import type { WebhookEndpointRow } from "../db/webhook-endpoints";
import type { WebhookEventRow } from "../db/webhook-events";
import { iso } from "../domain/clock";
import { webhookEventBody, type WebhookEventType } from "./events";

export function serializeEndpoint(row: WebhookEndpointRow, now: number): z.infer<typeof webhookEndpointObject> {
  const overlap = row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    object: "webhook_endpoint",
    url: row.url,
    events: row.events === null ? null : row.events.filter(isEventType),
    status: row.status,
    disabled_reason: row.disabledReason === "gone" ? "gone" : null,
    livemode: row.livemode,
    created_at: new Date(row.createdAt).toISOString(),
    previous_secret_expires_at: iso(overlap),
  };
}

function isEventType(t: string): t is WebhookEventType {
  return webhookEventBody.shape.type.safeParse(t).success;
}

export function serializeAttempt(row: AttemptRow, eventType: string): z.infer<typeof webhookAttemptObject> {
  return {
    id: row.id,
    object: "webhook_attempt",
    delivery_id: row.deliveryId,
    event_id: row.eventId,
    event_type: eventType,
    attempt: row.attempt,
    succeeded: row.succeeded,
    response_status: row.responseStatus,
    response_body: row.responseBody,
    error: row.error === "timeout" || row.error === "network_error" ? row.error : null,
    latency_ms: row.latencyMs,
    attempted_at: new Date(row.attemptedAt).toISOString(),
  };
}

/** The stored body is our own serialisation; parsing it again keeps the API typed without casts. */
export function serializeEvent(row: WebhookEventRow): z.infer<typeof eventObject> {
  const body = webhookEventBody.parse(JSON.parse(row.body));
  return { id: row.id, object: "event", ...body };
}
