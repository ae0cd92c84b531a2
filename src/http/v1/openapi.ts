// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
// Operations are a table: adding a route means adding a row here, and the docs page follows.
import { z } from "zod";
import { createKeyRequest, createPartnerRequest } from "../admin-schemas";
import { createVerificationRequest, healthObject, listVerificationsQuery, problemObject, verificationList, verificationObject } from "./schemas";
import {
  createWebhookEndpointRequest,
  deletedWebhookEndpoint,
  eventList,
  eventObject,
  evidenceObject,
  jwksObject,
  listAttemptsQuery,
  listEventsQuery,
  redeliverRequest,
  redeliveryList,
  webhookAttemptList,
  webhookEndpointList,
  webhookEndpointObject,
  webhookEndpointWithSecret,
} from "./webhook-schemas";
import { incomingCreditRequest, ingestCreditsAnswer, ingestCreditsRequest, sandboxCreditObject, sandboxPayoutObject, sandboxSmsList, sandboxSmsQuery, settlePayoutRequest } from "./transfer-schemas";

type Schema = z.ZodType;

export interface Operation {
  method: "get" | "post" | "delete";
  path: string;
  summary: string;
  tag: "Verifications" | "Webhooks" | "Test helpers" | "Collection" | "Operator" | "Service";
  security?: "partnerKey" | "adminToken" | "ingestSignature";
  body?: Schema;
  query?: z.ZodObject;
  /** `contentType`: when not JSON (the authorization letter's PDF). */
  success: { status: number; schema: Schema; description: string; contentType?: string };
  errors: number[];
}

const problemStatuses = {
  400: "Invalid request",
  401: "Missing, malformed or revoked credentials",
  404: "Not found (or not yours)",
  409: "Conflict",
  413: "Request body over 64 KiB",
  422: "Unprocessable",
} as const;

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/healthz", summary: "Health: ok once the database answers", tag: "Service", success: { status: 200, schema: healthObject, description: "Healthy" }, errors: [] },
  {
    method: "post",
    path: "/v1/verifications",
    summary: "Create a verification",
    tag: "Verifications",
    security: "partnerKey",
    body: createVerificationRequest,
    success: { status: 201, schema: verificationObject, description: "Created" },
    errors: [400, 401, 409, 413, 422],
  },
  {
    method: "get",
    path: "/v1/verifications",
    summary: "List verifications, newest first",
    tag: "Verifications",
    security: "partnerKey",
    query: listVerificationsQuery,
    success: { status: 200, schema: verificationList, description: "A page of verifications" },
    errors: [400, 401],
  },
  {
    method: "get",
    path: "/v1/verifications/{id}",
    summary: "Retrieve a verification",
    tag: "Verifications",
    security: "partnerKey",
    success: { status: 200, schema: verificationObject, description: "The verification" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/v1/verifications/{id}/cancel",
    summary: "Cancel a pending or in-progress verification",
    tag: "Verifications",
    security: "partnerKey",
    success: { status: 200, schema: verificationObject, description: "Canceled" },
    errors: [401, 404, 409, 413],
  },
  {
    method: "get",
    path: "/v1/verifications/{id}/evidence",
    summary: "The signed evidence record of a verification",
    tag: "Verifications",
    security: "partnerKey",
    success: { status: 200, schema: evidenceObject, description: "A compact JWS" },
    errors: [401, 404],
  },
  {
    method: "get",
    path: "/v1/verifications/{id}/authorization_letter",
    summary: "The signed authorization letter (授权书) of an organization verified by legal_rep_authorization, as a PDF",
    tag: "Verifications",
    security: "partnerKey",
    success: {
      status: 200,
      schema: z.string().meta({ description: "The PDF's bytes; their SHA-256 is the verification's authorization.letter_sha256 (also in the X-Content-SHA256 header)." }),
      description: "The PDF",
      contentType: "application/pdf",
    },
    errors: [401, 404],
  },
  {
    method: "get",
    path: "/.well-known/jwks.json",
    summary: "Public keys for result tokens and evidence (JWKS)",
    tag: "Service",
    success: { status: 200, schema: jwksObject, description: "The JWK set" },
    errors: [],
  },
  {
    method: "post",
    path: "/v1/webhook_endpoints",
    summary: "Create a webhook endpoint (answers its secret, once)",
    tag: "Webhooks",
    security: "partnerKey",
    body: createWebhookEndpointRequest,
    success: { status: 201, schema: webhookEndpointWithSecret, description: "Created; the secret is shown only here" },
    errors: [400, 401, 409, 413],
  },
  {
    method: "get",
    path: "/v1/webhook_endpoints",
    summary: "List webhook endpoints",
    tag: "Webhooks",
    security: "partnerKey",
    success: { status: 200, schema: webhookEndpointList, description: "The endpoints of this key's mode" },
    errors: [401],
  },
  {
    method: "get",
    path: "/v1/webhook_endpoints/{id}",
    summary: "Retrieve a webhook endpoint",
    tag: "Webhooks",
    security: "partnerKey",
    success: { status: 200, schema: webhookEndpointObject, description: "The endpoint" },
    errors: [401, 404],
  },
  {
    method: "delete",
    path: "/v1/webhook_endpoints/{id}",
    summary: "Delete a webhook endpoint",
    tag: "Webhooks",
    security: "partnerKey",
    success: { status: 200, schema: deletedWebhookEndpoint, description: "Deleted" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/v1/webhook_endpoints/{id}/rotate_secret",
    summary: "Rotate an endpoint's secret (the old one signs too for 24 h)",
    tag: "Webhooks",
    security: "partnerKey",
    success: { status: 200, schema: webhookEndpointWithSecret, description: "Rotated; the new secret is shown only here" },
    errors: [401, 404, 413],
  },
  {
    method: "get",
    path: "/v1/webhook_endpoints/{id}/deliveries",
    summary: "The delivery log: every attempt, newest first",
    tag: "Webhooks",
    security: "partnerKey",
    query: listAttemptsQuery,
    success: { status: 200, schema: webhookAttemptList, description: "A page of attempts" },
    errors: [400, 401, 404],
  },
  {
    method: "get",
    path: "/v1/events",
    summary: "List events of the last 30 days, newest first",
    tag: "Webhooks",
    security: "partnerKey",
    query: listEventsQuery,
    success: { status: 200, schema: eventList, description: "A page of events" },
    errors: [400, 401],
  },
  {
    method: "get",
    path: "/v1/events/{id}",
    summary: "Retrieve an event",
    tag: "Webhooks",
    security: "partnerKey",
    success: { status: 200, schema: eventObject, description: "The event" },
    errors: [401, 404],
  },
  {
    method: "post",
    path: "/v1/events/{id}/redeliver",
    summary: "Send an event again",
    tag: "Webhooks",
    security: "partnerKey",
    body: redeliverRequest,
    success: { status: 202, schema: redeliveryList, description: "Deliveries queued" },
    errors: [400, 401, 404, 409, 413],
  },
  {
    method: "get",
    path: "/v1/test_helpers/sms",
    summary: "Test keys only: the SMS the sandbox sent to a phone, code included, newest first",
    tag: "Test helpers",
    security: "partnerKey",
    query: sandboxSmsQuery,
    success: { status: 200, schema: sandboxSmsList, description: "Up to 20 messages" },
    errors: [400, 401, 404],
  },
  {
    method: "get",
    path: "/v1/test_helpers/verifications/{id}/payout",
    summary: "Test keys only: the forward transfer's sandbox payout, with the amount sent",
    tag: "Test helpers",
    security: "partnerKey",
    success: { status: 200, schema: sandboxPayoutObject, description: "The payout as the sandbox bank holds it" },
    errors: [401, 404, 409],
  },
  {
    method: "post",
    path: "/v1/test_helpers/verifications/{id}/payout/settle",
    summary: "Test keys only: the sandbox payout arrives now (paid), fails, or is returned after it was paid (refunded)",
    tag: "Test helpers",
    security: "partnerKey",
    body: settlePayoutRequest,
    success: { status: 200, schema: sandboxPayoutObject, description: "The payout, settled; the verification is updated at once" },
    errors: [400, 401, 404, 409, 413],
  },
  {
    method: "post",
    path: "/v1/test_helpers/verifications/{id}/incoming_credit",
    summary: "Test keys only: a credit to the reverse transfer's account as the bank would report it, matched as POST /v1/ingest/credits matches",
    tag: "Test helpers",
    security: "partnerKey",
    body: incomingCreditRequest,
    success: { status: 200, schema: sandboxCreditObject, description: "What the credit's matching decided" },
    errors: [400, 401, 404, 409, 413],
  },
  {
    method: "post",
    path: "/v1/ingest/credits",
    summary: "The collection bank's adapter reports incoming credits (docs/collection.md); answered 2xx once each is stored, idempotent on credit_id",
    tag: "Collection",
    security: "ingestSignature",
    body: ingestCreditsRequest,
    success: { status: 200, schema: ingestCreditsAnswer, description: "Each credit's outcome, in order" },
    errors: [400, 401, 413],
  },
  {
    method: "post",
    path: "/admin/v1/partners",
    summary: "Create a partner and its first test key",
    tag: "Operator",
    security: "adminToken",
    body: createPartnerRequest,
    success: {
      status: 201,
      schema: z.object({ id: z.string(), object: z.literal("partner"), name: z.string(), created_at: z.string(), test_key: z.object({ id: z.string(), key: z.string() }) }),
      description: "Created; the key is shown only here",
    },
    errors: [400, 401, 413],
  },
  {
    method: "post",
    path: "/admin/v1/partners/{id}/keys",
    summary: "Create an API key",
    tag: "Operator",
    security: "adminToken",
    body: createKeyRequest,
    success: { status: 201, schema: z.object({ id: z.string(), object: z.literal("api_key"), mode: z.enum(["test", "live"]), key: z.string() }), description: "Created; the key is shown only here" },
    errors: [400, 401, 404, 413],
  },
  {
    method: "delete",
    path: "/admin/v1/partners/{id}/keys/{keyId}",
    summary: "Revoke an API key",
    tag: "Operator",
    security: "adminToken",
    success: { status: 200, schema: z.object({ id: z.string(), revoked: z.boolean() }), description: "Revoked" },
    errors: [401, 404],
  },
];

function jsonSchema(schema: Schema, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: s }));
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const idempotent = op.method === "post" && op.security === "partnerKey";
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
      ...(op.security ? { security: [{ [op.security]: [] }] } : { security: [] }),
      parameters: [
        ...pathParameters(op.path),
        ...queryParameters(op.query),
        ...(idempotent ? [{ name: "Idempotency-Key", in: "header", required: false, description: "Replays the first response for 24 hours.", schema: { type: "string", maxLength: 255 } }] : []),
      ],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      responses: {
        [op.success.status]: { description: op.success.description, content: { [op.success.contentType ?? "application/json"]: { schema: jsonSchema(op.success.schema, "output") } } },
        ...Object.fromEntries(
          op.errors.map((s) => [s, { description: problemStatuses[s as keyof typeof problemStatuses], content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Shiming API",
      version: "1.0.0",
      description: "Real-name verification of people and organizations. Test keys (sk_test_…) use sandbox providers; live keys (sk_live_…) real ones.",
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: "Verifications" }, { name: "Webhooks" }, { name: "Test helpers" }, { name: "Collection" }, { name: "Operator" }, { name: "Service" }],
    paths,
    components: {
      securitySchemes: {
        partnerKey: { type: "http", scheme: "bearer", description: "A partner API key: sk_test_… or sk_live_…" },
        adminToken: { type: "http", scheme: "bearer", description: "The operator token (ADMIN_TOKEN)." },
        ingestSignature: {
          type: "apiKey",
          in: "header",
          name: "Shiming-Signature",
          description: "t=<unix seconds>,v1=<hex HMAC-SHA256 of `t.` + the raw body, keyed with COLLECTION_INGEST_SECRET>; refused past 5 minutes.",
        },
      },
      schemas: { Problem: jsonSchema(problemObject, "output") },
    },
  };
}
