import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call } from "../helpers";
import { createdThroughDomain, partnerWithEndpoint, RecordingQueue } from "./harness";

describe("redelivering an event", () => {
  it("should answer 409 problem+json, and queue nothing, for an endpoint not subscribed to the event's type", async () => {
    const p = await partnerWithEndpoint({ url: "https://receiver.example/cancel-only", events: ["verification.canceled"] });
    const queue = new RecordingQueue();
    await createdThroughDomain(queue, p.id);
    const [message] = queue.take() as { event_id: string }[];
    const eventId = message!.event_id;

    const res = await call(`/v1/events/${eventId}/redeliver`, { key: p.testKey, body: { endpoint_id: p.endpoint.id } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toEqual({
      type: "https://shiming.dev/problems/invalid_state",
      title: "Not possible in the current status",
      status: 409,
      code: "invalid_state",
      detail: `Webhook endpoint ${p.endpoint.id} is not subscribed to verification.created events, so this event cannot be sent to it.`,
      errors: [{ path: "endpoint_id", code: "not_subscribed", message: '"endpoint_id" names a webhook endpoint that is not subscribed to this event\'s type.' }],
    });
    const rows = await env.DB.prepare("select count(*) as n from webhook_deliveries where event_id = ?").bind(eventId).first();
    expect(rows).toEqual({ n: 0 });
  });

  it("should still answer 202 and an empty list when no endpoint is named and none subscribes", async () => {
    const p = await partnerWithEndpoint({ url: "https://receiver.example/cancel-only", events: ["verification.canceled"] });
    const queue = new RecordingQueue();
    await createdThroughDomain(queue, p.id);
    const [message] = queue.take() as { event_id: string }[];
    const res = await call(`/v1/events/${message!.event_id}/redeliver`, { key: p.testKey, method: "POST" });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ object: "list", data: [], has_more: false });
  });
});
