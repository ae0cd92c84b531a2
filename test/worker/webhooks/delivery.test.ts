import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { database } from "../../../src/db/client";
import { getVerification } from "../../../src/db/verifications";
import { moveAndWrite } from "../../../src/flow/writer";
import { call } from "../helpers";
import { consume, createdThroughDomain, deliveryRig, drain, partnerWithEndpoint, type Received, RecordingQueue, testEnv, writeContext } from "./harness";

// A test that stubs fetch gets it back after it, passed or failed.
afterEach(() => vi.restoreAllMocks());

async function cancel(queue: RecordingQueue, partnerId: string, id: string) {
  const db = database(env.DB);
  const row = await getVerification(db, { partnerId, livemode: false }, id);
  return moveAndWrite(writeContext(queue), row!, { type: "cancel" }, { actor: "partner" }, Date.now());
}

function verify(secret: string, r: Received) {
  return new Webhook(secret).verify(r.body, r.headers);
}

describe("webhook delivery", () => {
  it("should sign each delivery so the standardwebhooks library accepts it, before and after a rotation", async () => {
    const { p, queue, worker, hook } = await deliveryRig();

    const v = await createdThroughDomain(queue, p.id);
    expect(queue.sent).toEqual([{ kind: "event", event_id: expect.stringMatching(/^evt_/) }]);
    await drain(queue, worker);
    expect(hook.received).toHaveLength(1);
    const first = hook.received[0]!;
    expect(first.url).toBe("https://receiver.example/hooks");
    expect(verify(p.endpoint.secret, first)).toEqual({
      type: "verification.created",
      timestamp: expect.any(String),
      data: { id: v.id, object: "verification", status: "pending", type: "person", method: null, reference: "order-7", livemode: false },
    });
    expect(first.headers["webhook-id"]).toMatch(/^evt_/);

    const rotated = await call(`/v1/webhook_endpoints/${p.endpoint.id}/rotate_secret`, { key: p.testKey, method: "POST" });
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(p.endpoint.secret);
    const canceled = await cancel(queue, p.id, v.id);
    expect(canceled.ok).toBe(true);
    await drain(queue, worker);
    expect(hook.received).toHaveLength(2);
    const second = hook.received[1]!;
    expect(verify(rotated.json.secret, second)).toMatchObject({ type: "verification.canceled", data: { status: "canceled" } });
    // During the 24 h overlap the old secret still verifies too.
    expect(verify(p.endpoint.secret, second)).toMatchObject({ type: "verification.canceled" });

    // After the overlap only the new secret signs.
    await env.DB.prepare("update webhook_endpoints set previous_secret_expires_at = ? where id = ?")
      .bind(Date.now() - 1, p.endpoint.id)
      .run();
    const again = await call(`/v1/events/${second.headers["webhook-id"]}/redeliver`, { key: p.testKey, method: "POST" });
    expect(again.status).toBe(202);
    expect(again.json.data).toEqual([{ id: expect.stringMatching(/^dlv_/), object: "webhook_delivery", event_id: second.headers["webhook-id"], endpoint_id: p.endpoint.id, status: "pending" }]);
    // The route queues on the real binding: wrangler.toml's consumer delivers it, through the mocked fetch.
    await vi.waitFor(() => expect(hook.received).toHaveLength(3), { timeout: 5000 });
    const third = hook.received[2]!;
    expect(third.body).toBe(second.body);
    expect(third.headers["webhook-id"]).toBe(second.headers["webhook-id"]);
    expect(verify(rotated.json.secret, third)).toMatchObject({ type: "verification.canceled" });
    expect(() => verify(p.endpoint.secret, third)).toThrow();
  });

  it("should retry a failing receiver and log three attempts when it succeeds on the third", async () => {
    const { p, queue, worker, hook } = await deliveryRig({ statuses: [500, 503, 200] });

    await createdThroughDomain(queue, p.id);
    await consume(worker, queue.take()); // fan-out
    await consume(worker, queue.take()); // attempt 1 fails
    expect(queue.sent).toEqual([{ kind: "delivery", delivery_id: expect.stringMatching(/^dlv_/), attempts: 1, due_at: expect.any(Number) }]);
    expect(queue.delays[0]).toBeGreaterThanOrEqual(4);
    expect(queue.delays[0]).toBeLessThanOrEqual(6);
    await drain(queue, worker);

    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
    const log = await call(`/v1/webhook_endpoints/${p.endpoint.id}/deliveries`, { key: p.testKey });
    expect(log.json.data.map((a: any) => [a.attempt, a.response_status, a.succeeded])).toEqual([
      [3, 200, true],
      [2, 503, false],
      [1, 500, false],
    ]);
    expect(log.json.data[0]).toMatchObject({ object: "webhook_attempt", event_type: "verification.created", error: null, latency_ms: expect.any(Number) });
    expect(log.json.data[1].response_body).toHaveLength(1024);
    const deliveries = await env.DB.prepare("select status, attempts from webhook_deliveries where endpoint_id = ?").bind(p.endpoint.id).all();
    expect(deliveries.results).toEqual([{ status: "succeeded", attempts: 3 }]);
  });

  it("should dead-letter and keep a delivery after the last retry fails", async () => {
    const { p, queue, worker, hook } = await deliveryRig({ vars: { WEBHOOK_RETRY_SCHEDULE: "1,1" }, fallback: 500 });

    const v = await createdThroughDomain(queue, p.id);
    await drain(queue, worker);
    expect(hook.received).toHaveLength(3);
    const row = await env.DB.prepare("select d.status, d.attempts from webhook_deliveries d join webhook_events e on e.id = d.event_id where e.verification_id = ?").bind(v.id).first();
    expect(row).toEqual({ status: "dead", attempts: 3 });
    expect(queue.sent).toEqual([]);
  });

  it("should disable an endpoint that answers 410 and send it nothing more", async () => {
    const { p, queue, worker, hook } = await deliveryRig({ statuses: [410] });

    const v = await createdThroughDomain(queue, p.id);
    await drain(queue, worker);
    const endpoint = await call(`/v1/webhook_endpoints/${p.endpoint.id}`, { key: p.testKey });
    expect(endpoint.json).toMatchObject({ status: "disabled", disabled_reason: "gone" });
    await cancel(queue, p.id, v.id);
    await drain(queue, worker);
    expect(hook.received).toHaveLength(1);
  });

  it("should time out a receiver after 15 s and log it as a failed attempt", async () => {
    const p = await partnerWithEndpoint();
    const queue = new RecordingQueue();
    const worker = testEnv(queue);
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      throw new DOMException("The operation timed out.", "TimeoutError");
    });

    await createdThroughDomain(queue, p.id);
    await consume(worker, queue.take());
    await consume(worker, queue.take());
    const log = await call(`/v1/webhook_endpoints/${p.endpoint.id}/deliveries`, { key: p.testKey });
    expect(log.json.data).toEqual([expect.objectContaining({ attempt: 1, succeeded: false, response_status: null, error: "timeout" })]);
    expect(queue.sent).toHaveLength(1);
  });

  it("should send only the event types an endpoint subscribed to", async () => {
    const { p, queue, worker, hook } = await deliveryRig({ endpoint: { url: "https://receiver.example/only-cancel", events: ["verification.canceled"] } });

    const v = await createdThroughDomain(queue, p.id);
    await drain(queue, worker);
    expect(hook.received).toHaveLength(0);
    await cancel(queue, p.id, v.id);
    await drain(queue, worker);
    expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(["verification.canceled"]);
  });

  it("should fan an event out once however often its message arrives", async () => {
    const { p, queue, worker, hook } = await deliveryRig();

    await createdThroughDomain(queue, p.id);
    const [message] = queue.take();
    await consume(worker, [message, message]);
    await consume(worker, [message]);
    await drain(queue, worker);
    expect(hook.received).toHaveLength(1);
  });

  it("should drop a malformed message instead of retrying it forever", async () => {
    const result = await consume(testEnv(new RecordingQueue()), [{ kind: "nonsense" }, "text"]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toEqual([]);
  });
});
