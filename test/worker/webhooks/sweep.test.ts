import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sweepDeliveries } from "../../../src/webhooks/sweep";
import { consume, createdThroughDomain, partnerWithEndpoint, receiver, RecordingQueue, testEnv, writeContext } from "./harness";

const MINUTE = 60_000;

type DeliveryMessage = { kind: "delivery"; delivery_id: string; attempts?: number; due_at?: number };

/** A fanned-out delivery whose first message `lost` is held back (as if the queue lost it). */
async function deliveryWithLostMessage() {
  const p = await partnerWithEndpoint();
  const queue = new RecordingQueue();
  const worker = testEnv(queue);
  await createdThroughDomain(queue, p.id);
  await consume(worker, queue.take()); // the fan-out
  const [lost] = queue.take() as DeliveryMessage[];
  return { p, queue, worker, lost: lost!, id: lost!.delivery_id };
}

function delivery(id: string) {
  return env.DB.prepare("select status, attempts, next_attempt_at from webhook_deliveries where id = ?").bind(id).first<{ status: string; attempts: number; next_attempt_at: number | null }>();
}

async function setDelivery(id: string, attempts: number, nextAttemptAt: number) {
  await env.DB.prepare("update webhook_deliveries set attempts = ?, next_attempt_at = ? where id = ?").bind(attempts, nextAttemptAt, id).run();
}

describe("the delivery sweep and stale messages", () => {
  it("should re-queue an overdue delivery once per five-minute window, not on every cron minute", async () => {
    const { queue, lost, id } = await deliveryWithLostMessage();
    expect(lost).toEqual({ kind: "delivery", delivery_id: id, attempts: 0, due_at: expect.any(Number) });
    const now = Date.now();
    await setDelivery(id, 0, now - 6 * MINUTE);

    expect(await sweepDeliveries(writeContext(queue), now)).toBe(1);
    expect(queue.take()).toEqual([{ kind: "delivery", delivery_id: id, attempts: 0, due_at: now }]);
    expect(await delivery(id)).toEqual({ status: "pending", attempts: 0, next_attempt_at: now });

    for (const minutes of [1, 2, 3, 4]) {
      expect(await sweepDeliveries(writeContext(queue), now + minutes * MINUTE)).toBe(0);
    }
    expect(queue.sent).toEqual([]);

    // Still not attempted a whole window later: that message was lost too, so one more.
    expect(await sweepDeliveries(writeContext(queue), now + 5 * MINUTE)).toBe(1);
    expect(queue.take()).toEqual([{ kind: "delivery", delivery_id: id, attempts: 0, due_at: now + 5 * MINUTE }]);
  });

  it("should ack and drop the copy the sweep replaced, and send once on the new one", async () => {
    const { p, queue, worker, lost, id } = await deliveryWithLostMessage();
    const hook = receiver();
    await setDelivery(id, 0, Date.now() - 6 * MINUTE);
    await sweepDeliveries(writeContext(queue), Date.now());
    const [replacement] = queue.take();

    // The first message turns up after all (a backlog, not a loss): it is stale now.
    const late = await consume(worker, [lost]);
    expect(late.explicitAcks).toHaveLength(1);
    expect(late.retryMessages).toEqual([]);
    expect(queue.sent).toEqual([]);
    expect(hook.received).toEqual([]);

    await consume(worker, [replacement]);
    expect(hook.received.map((r) => r.url)).toEqual(["https://receiver.example/hooks"]);
    expect(await delivery(id)).toEqual({ status: "succeeded", attempts: 1, next_attempt_at: null });
    const log = await env.DB.prepare("select count(*) as n from webhook_attempts where endpoint_id = ?").bind(p.endpoint.id).first();
    expect(log).toEqual({ n: 1 });
  });

  it("should drop, not requeue, a copy that arrives while another consumer holds the attempt", async () => {
    const { queue, worker, lost, id } = await deliveryWithLostMessage();
    const hook = receiver();
    // Claimed elsewhere: one attempt counted, leased for a minute.
    await setDelivery(id, 1, Date.now() + MINUTE);

    const result = await consume(worker, [lost]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(queue.sent).toEqual([]);
    expect(hook.received).toEqual([]);
    expect(await delivery(id)).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("should pass its own message on through a wait longer than the queue's 12 h delay, and drop older copies", async () => {
    const { queue, worker, lost, id } = await deliveryWithLostMessage();
    const hook = receiver();
    const due = Date.now() + 20 * 3600_000;
    await setDelivery(id, 1, due);
    const own = { kind: "delivery", delivery_id: id, attempts: 1, due_at: due };

    await consume(worker, [own]);
    expect(queue.sent).toEqual([own]);
    expect(queue.delays).toEqual([12 * 3600]);
    queue.take();

    // The first attempt's message, and one from before messages said which attempt they were for.
    const result = await consume(worker, [lost, { kind: "delivery", delivery_id: id }]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(queue.sent).toEqual([]);
    expect(hook.received).toEqual([]);
  });
});
