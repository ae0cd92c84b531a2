import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { database } from "../../../src/db/client";
import { getVerification } from "../../../src/db/verifications";
import worker from "../../../src/index";
import { moveAndWrite } from "../../../src/flow/writer";
import { call, newPartner, newVerification } from "../helpers";
import { consume, receiver, RecordingQueue, testEnv, writeContext } from "./harness";

const ID = "11010519491231002X";

async function stored(partnerId: string, id: string) {
  return (await getVerification(database(env.DB), { partnerId, livemode: false }, id))!;
}

function eventsOf(verificationId: string) {
  return env.DB.prepare("select id, type, body, queued_at from webhook_events where verification_id = ? order by created_at, rowid")
    .bind(verificationId)
    .all<{ id: string; type: string; body: string; queued_at: number | null }>();
}

async function runCron(queue: RecordingQueue, at: number) {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), testEnv(queue));
}

describe("the webhook outbox", () => {
  it("should keep the event of a status change whose queue send failed, and the cron should send it later", async () => {
    const p = await newPartner();
    const endpoint = await call("/v1/webhook_endpoints", { key: p.testKey, body: { url: "https://receiver.example/hooks" } });
    const v = await newVerification(p.testKey);
    const queue = new RecordingQueue();
    queue.failing = true; // the crash: the batch committed, the queue send did not happen

    const result = await moveAndWrite(writeContext(queue), await stored(p.id, v.id), { type: "cancel" }, { actor: "partner" }, Date.now());
    expect(result.ok).toBe(true);
    expect((await stored(p.id, v.id)).status).toBe("canceled");
    const pending = (await eventsOf(v.id)).results.find((e) => e.type === "verification.canceled");
    expect(pending).toMatchObject({ queued_at: null });

    // Within the grace minute the sweep leaves it to the request that wrote it.
    queue.failing = false;
    await runCron(queue, Date.now());
    expect(queue.sent).toEqual([]);
    await runCron(queue, Date.now() + 2 * 60_000);
    // (The creation event may still be untaken by the real queue's consumer: the sweep sends it too.)
    const forPending = () => queue.sent.filter((m) => JSON.stringify(m) === JSON.stringify({ kind: "event", event_id: pending!.id }));
    expect(forPending()).toHaveLength(1);

    const hook = receiver();
    await consume(testEnv(queue), queue.take());
    // Taken by the consumer: marked, so the sweep leaves it alone from now on.
    expect((await eventsOf(v.id)).results.find((e) => e.id === pending!.id)?.queued_at).toEqual(expect.any(Number));
    await runCron(queue, Date.now() + 3 * 60_000);
    expect(forPending()).toHaveLength(0);
    await consume(testEnv(queue), queue.take());
    // (The creation event went through the real queue meanwhile; only the canceled one matters here.)
    expect(hook.received.filter((r) => r.headers["webhook-id"] === pending!.id)).toHaveLength(1);
    const log = await call(`/v1/webhook_endpoints/${endpoint.json.id}/deliveries`, { key: p.testKey });
    expect(log.json.data.filter((a: any) => a.event_id === pending!.id)).toEqual([expect.objectContaining({ succeeded: true, response_status: 200 })]);
  });

  it("should write neither the change nor its event when another writer got there first", async () => {
    const p = await newPartner();
    const v = await newVerification(p.testKey);
    const stale = await stored(p.id, v.id);
    await call(`/v1/verifications/${v.id}/cancel`, { key: p.testKey, method: "POST" });
    const before = (await eventsOf(v.id)).results.length;
    const queue = new RecordingQueue();
    const result = await moveAndWrite(writeContext(queue), { ...stale, expiresAt: Date.now() + 60_000 }, { type: "cancel" }, { actor: "partner" }, Date.now());
    expect(result).toEqual({ ok: false, error: "conflict" });
    expect((await eventsOf(v.id)).results).toHaveLength(before);
    expect(queue.sent).toEqual([]);
  });

  it("should announce creation and each ending with its type, queued at once, and without personal data", async () => {
    const p = await newPartner();
    const v = await newVerification(p.testKey, { type: "person", reference: "r-1", person: { name: "张三丰", id_number: ID, phone: "13800138000" } });
    await call(`/v1/verifications/${v.id}/cancel`, { key: p.testKey, method: "POST" });
    // The real queue's consumer takes each event and marks it.
    await expect.poll(async () => (await eventsOf(v.id)).results.every((e) => e.queued_at !== null), { timeout: 5000 }).toBe(true);
    const events = (await eventsOf(v.id)).results;
    expect(events.map((e) => e.type)).toEqual(["verification.created", "verification.canceled"]);
    for (const e of events) {
      expect(e.queued_at).toEqual(expect.any(Number));
      expect(Object.keys(JSON.parse(e.body))).toEqual(["type", "timestamp", "data"]);
      for (const personal of [ID, "13800138000", "张三丰", "**丰", "1101", "138****"]) expect(e.body).not.toContain(personal);
    }
    expect(JSON.parse(events[1]!.body).data).toEqual({ id: v.id, object: "verification", status: "canceled", type: "person", method: null, reference: "r-1", livemode: false });
  });

  it("should expire overdue verifications from the cron and announce it", async () => {
    const p = await newPartner();
    const v = await newVerification(p.testKey);
    await env.DB.prepare("update verifications set expires_at = ? where id = ?")
      .bind(Date.now() - 1000, v.id)
      .run();
    const queue = new RecordingQueue();
    await runCron(queue, Date.now());
    expect((await stored(p.id, v.id)).status).toBe("expired");
    const expired = (await eventsOf(v.id)).results.find((e) => e.type === "verification.expired");
    expect(queue.sent).toContainEqual({ kind: "event", event_id: expired!.id });
  });
});
