// Partner API, version 1: webhook endpoints, their delivery log, and events. Mounted inside
// apiV1 (api-v1.ts), so partner auth and Idempotency-Key apply exactly once. Handlers parse
// with zod, call src/webhooks, serialize. Responses that carry a secret are marked no-store.
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { fieldIssue } from "../http/field-issues";
import { ProblemError } from "../http/problem";
import { parseOrThrow, readJson } from "../http/validation";
import { createWebhookEndpointRequest, listAttemptsQuery, listEventsQuery, redeliverRequest } from "../http/v1/webhook-schemas";
import { getAttempt, listAttempts } from "../db/webhook-deliveries";
import { getEndpoint, listEndpoints, updateEndpoint } from "../db/webhook-endpoints";
import { getEvent, listEventsForPartner } from "../db/webhook-events";
import { createEndpoint, MAX_ENDPOINTS, redeliver, rotateSecret } from "../webhooks/endpoints";
import { serializeAttempt, serializeEndpoint, serializeEvent } from "../webhooks/serialize";

export const apiV1Webhooks = new Hono<AppEnv>();

const NO_STORE = { "cache-control": "no-store" };
const endpointNotFound = (id: string) => new ProblemError("not_found", text("detail.webhook_endpoint_not_found", { id }));
const eventNotFound = (id: string) => new ProblemError("not_found", text("detail.event_not_found", { id }));
const badCursor = () => {
  const issue = fieldIssue(["starting_after"], "not_found", "field.not_found_item");
  return new ProblemError("validation_error", issue.message, { errors: [issue] });
};

apiV1Webhooks.post("/webhook_endpoints", async (c) => {
  const input = parseOrThrow(createWebhookEndpointRequest, await readJson(c), "body");
  const { partner, now } = c.var;
  const created = await createEndpoint({ db: c.var.db, env: c.env, cipher: c.var.cipher }, partner, input, now);
  if (created === "too_many") throw new ProblemError("invalid_state", text("detail.too_many_endpoints", { max: String(MAX_ENDPOINTS) }));
  return c.json({ ...serializeEndpoint(created.row, now), secret: created.secret }, 201, NO_STORE);
});

apiV1Webhooks.get("/webhook_endpoints", async (c) => {
  const rows = await listEndpoints(c.var.db, c.var.partner);
  return c.json({ object: "list", data: rows.map((r) => serializeEndpoint(r, c.var.now)), has_more: false });
});

apiV1Webhooks.get("/webhook_endpoints/:id", async (c) => {
  const row = await getEndpoint(c.var.db, c.var.partner, c.req.param("id"));
  if (!row) throw endpointNotFound(c.req.param("id"));
  return c.json(serializeEndpoint(row, c.var.now));
});

apiV1Webhooks.delete("/webhook_endpoints/:id", async (c) => {
  const { db, partner, now } = c.var;
  const row = await updateEndpoint(db, partner, c.req.param("id"), { deletedAt: now, updatedAt: now });
  if (!row) throw endpointNotFound(c.req.param("id"));
  return c.json({ id: row.id, object: "webhook_endpoint", deleted: true });
});

apiV1Webhooks.post("/webhook_endpoints/:id/rotate_secret", async (c) => {
  const { partner, now } = c.var;
  const rotated = await rotateSecret({ db: c.var.db, env: c.env, cipher: c.var.cipher }, partner, c.req.param("id"), now);
  if (!rotated) throw endpointNotFound(c.req.param("id"));
  return c.json({ ...serializeEndpoint(rotated.row, now), secret: rotated.secret }, 200, NO_STORE);
});

apiV1Webhooks.get("/webhook_endpoints/:id/deliveries", async (c) => {
  const query = parseOrThrow(listAttemptsQuery, c.req.query(), "query");
  const { db, partner } = c.var;
  const endpoint = await getEndpoint(db, partner, c.req.param("id"));
  if (!endpoint) throw endpointNotFound(c.req.param("id"));
  let startingAfter: { id: string; attemptedAt: number } | undefined;
  if (query.starting_after) {
    const cursor = await getAttempt(db, endpoint.id, query.starting_after);
    if (!cursor) throw badCursor();
    startingAfter = { id: cursor.id, attemptedAt: cursor.attemptedAt };
  }
  const rows = await listAttempts(db, endpoint.id, { limit: query.limit, startingAfter });
  return c.json({ object: "list", data: rows.slice(0, query.limit).map((r) => serializeAttempt(r.attempt, r.eventType)), has_more: rows.length > query.limit });
});

apiV1Webhooks.get("/events", async (c) => {
  const query = parseOrThrow(listEventsQuery, c.req.query(), "query");
  const { db, partner, now } = c.var;
  let startingAfter: { id: string; createdAt: number } | undefined;
  if (query.starting_after) {
    const cursor = await getEvent(db, partner, query.starting_after, now);
    if (!cursor) throw badCursor();
    startingAfter = { id: cursor.id, createdAt: cursor.createdAt };
  }
  const rows = await listEventsForPartner(db, partner, { type: query.type, limit: query.limit, startingAfter }, now);
  return c.json({ object: "list", data: rows.slice(0, query.limit).map(serializeEvent), has_more: rows.length > query.limit });
});

apiV1Webhooks.get("/events/:id", async (c) => {
  const row = await getEvent(c.var.db, c.var.partner, c.req.param("id"), c.var.now);
  if (!row) throw eventNotFound(c.req.param("id"));
  return c.json(serializeEvent(row));
});

apiV1Webhooks.post("/events/:id/redeliver", async (c) => {
  const input = parseOrThrow(redeliverRequest, await readJson(c), "body");
  const { db, partner, now } = c.var;
  const event = await getEvent(db, partner, c.req.param("id"), now);
  if (!event) throw eventNotFound(c.req.param("id"));
  if (input.endpoint_id !== undefined) {
    const endpoint = await getEndpoint(db, partner, input.endpoint_id);
    if (!endpoint) throw endpointNotFound(input.endpoint_id);
    if (endpoint.status !== "enabled") throw new ProblemError("invalid_state", text("detail.endpoint_disabled", { id: endpoint.id }));
  }
  const created = await redeliver({ db, env: c.env }, event, input.endpoint_id, now);
  return c.json(
    {
      object: "list",
      data: created.map((d) => ({ id: d.id, object: "webhook_delivery", event_id: event.id, endpoint_id: d.endpointId, status: "pending" })),
      has_more: false,
    },
    202,
  );
});
