// Request and response shapes of the webhook and event routes, the JWKS and the evidence. As
// with schemas.ts, routes validate with these and the OpenAPI document is generated from them.
// A webhook secret appears in exactly two responses: creating an endpoint and rotating it.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, webhookEventBody } from "../../webhooks/events";
import { secureUrl } from "./schemas";

const timestamp = z.iso.datetime();
const eventType = z.enum(WEBHOOK_EVENT_TYPES);
const cursor = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{24}$`));

export const createWebhookEndpointRequest = z.strictObject({
  url: secureUrl.meta({ description: "Where events are POSTed: a public https URL; localhost (http or https) with test keys only." }),
  events: z
    .array(eventType)
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length)
    .superRefine((types, ctx) => {
      const repeated = types.find((type, i) => types.indexOf(type) !== i);
      if (repeated) ctx.addIssue({ code: "custom", message: "duplicate", params: { code: "duplicate", value: repeated } });
    })
    .optional()
    .meta({ description: "The event types to send; every type (including ones added later) when omitted." }),
});

export const webhookEndpointObject = z.object({
  id: z.string().meta({ examples: ["we_8bX2kQ0rT5nW1yZ4cV7mL3pH"] }),
  object: z.literal("webhook_endpoint"),
  url: z.string(),
  events: z.array(eventType).nullable().meta({ description: "null: every event type." }),
  status: z.enum(["enabled", "disabled"]),
  disabled_reason: z.enum(["gone"]).nullable().meta({ description: "gone: the endpoint answered 410." }),
  livemode: z.boolean(),
  created_at: timestamp,
  previous_secret_expires_at: timestamp.nullable().meta({ description: "After a rotation, until when the old secret still signs too." }),
});

export const webhookEndpointWithSecret = webhookEndpointObject.extend({
  secret: z.string().meta({ description: "The signing secret (Standard Webhooks `whsec_…` form). Shown only in this response: store it now." }),
});

export const webhookEndpointList = z.object({ object: z.literal("list"), data: z.array(webhookEndpointObject), has_more: z.boolean() });

export const deletedWebhookEndpoint = z.object({ id: z.string(), object: z.literal("webhook_endpoint"), deleted: z.literal(true) });

export const listAttemptsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  starting_after: cursor("att").optional(),
});

export const webhookAttemptObject = z.object({
  id: z.string(),
  object: z.literal("webhook_attempt"),
  delivery_id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  attempt: z.number().int().meta({ description: "1 for the first try of this delivery." }),
  succeeded: z.boolean(),
  response_status: z.number().int().nullable().meta({ description: "null when the endpoint did not answer within 15 s." }),
  response_body: z.string().nullable().meta({ description: "The first 1 KB of the answer." }),
  error: z.enum(["timeout", "network_error"]).nullable(),
  latency_ms: z.number().int(),
  attempted_at: timestamp,
});

export const webhookAttemptList = z.object({ object: z.literal("list"), data: z.array(webhookAttemptObject), has_more: z.boolean() });

export const listEventsQuery = z.strictObject({
  type: eventType.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  starting_after: cursor("evt").optional(),
});

export const eventObject = z
  .object({
    id: z.string().meta({ description: "Also sent as the `webhook-id` header." }),
    object: z.literal("event"),
    type: eventType,
    timestamp,
    data: webhookEventBody.shape.data,
  })
  .meta({ description: "A webhook event: `type`, `timestamp` and `data` are exactly the body that was signed and sent." });

export const eventList = z.object({ object: z.literal("list"), data: z.array(eventObject), has_more: z.boolean() });

export const redeliverRequest = z.strictObject({
  endpoint_id: cursor("we").optional().meta({ description: "Only this endpoint; every enabled endpoint subscribed to the event type when omitted." }),
});

export const redeliveryList = z.object({
  object: z.literal("list"),
  data: z.array(z.object({ id: z.string(), object: z.literal("webhook_delivery"), event_id: z.string(), endpoint_id: z.string(), status: z.literal("pending") })),
  has_more: z.literal(false),
});

export const jwksObject = z
  .object({
    keys: z.array(
      z.object({ kty: z.enum(["EC", "OKP"]), crv: z.enum(["P-256", "Ed25519"]), kid: z.string(), alg: z.enum(["ES256", "EdDSA"]), use: z.literal("sig"), x: z.string(), y: z.string().optional() }),
    ),
  })
  .meta({ description: "The public keys for result tokens and evidence, current and retired." });

export const evidenceObject = z.object({
  jws: z.string().meta({
    description: "Compact JWS (typ evidence+jwt) over the canonical JSON (RFC 8785) of the evidence record; verify it against the JWKS or the `jwk` in its header.",
  }),
});
