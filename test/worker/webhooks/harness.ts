// Drives the webhook pipeline by hand inside workerd: a queue stand-in that records (or refuses)
// what is sent, the consumer called with those messages, and a receiver behind a mocked fetch.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, vi, onTestFinished } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { database } from "../../../src/db/client";
import type { Env } from "../../../src/env";
import { createVerification } from "../../../src/verifications/create";
import { handleWebhookBatch } from "../../../src/webhooks/consumer";
import type { WriteContext } from "../../../src/webhooks/outbox";
import { call, newPartner } from "../helpers";

export class RecordingQueue {
  sent: unknown[] = [];
  delays: (number | undefined)[] = [];
  failing = false;
  async send(body: unknown, options?: QueueSendOptions) {
    if (this.failing) throw new Error("queue unavailable");
    this.sent.push(body);
    this.delays.push(options?.delaySeconds);
  }
  async sendBatch(messages: Iterable<MessageSendRequest<unknown>>) {
    if (this.failing) throw new Error("queue unavailable");
    for (const m of messages) {
      this.sent.push(m.body);
      this.delays.push(m.delaySeconds);
    }
  }
  take(): unknown[] {
    const out = this.sent;
    this.sent = [];
    this.delays = [];
    return out;
  }
}

/** The worker's env with the queue swapped for a recorder (and optional variable overrides). */
export function testEnv(queue: RecordingQueue, vars: Partial<Env> = {}): Env & { WEBHOOKS: Queue<unknown> } {
  const WEBHOOKS = queue as unknown as Queue<unknown>;
  return { ...(env as unknown as Env), ...vars, WEBHOOKS };
}

export function writeContext(queue: RecordingQueue): WriteContext {
  return { db: database(env.DB), env: { WEBHOOKS: queue as unknown as Queue<unknown> } };
}

/** Runs the consumer on `bodies` and returns the ack/retry outcome. */
export async function consume(testEnvironment: Env, bodies: unknown[]) {
  const batch = createMessageBatch(
    "shiming-webhooks",
    bodies.map((body, i) => ({ id: `msg-${i}-${Math.random()}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await handleWebhookBatch(batch, testEnvironment);
  return getQueueResult(batch, ctx);
}

/** Keeps consuming what the consumer queues, making every retry due at once, until nothing is left. */
export async function drain(queue: RecordingQueue, testEnvironment: Env, rounds = 20) {
  for (let i = 0; i < rounds && queue.sent.length > 0; i++) {
    await env.DB.prepare("update webhook_deliveries set next_attempt_at = 0 where status = 'pending'").run();
    await consume(testEnvironment, queue.take());
  }
}

export interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Mocks outbound fetch: records each webhook and answers with the next scripted status. */
export function receiver(statuses: number[] = [], fallback = 200) {
  const received: Received[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    received.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
    const status = statuses.shift() ?? fallback;
    return new Response(status === 204 ? null : `answer ${status} `.repeat(200), { status });
  });
  // Restored when the test ends, pass or fail, so no test sees another's receiver.
  onTestFinished(() => spy.mockRestore());
  return { received };
}

/** The usual delivery set-up: a partner with an endpoint, a recording queue, its env and a receiver. */
export async function deliveryRig(opts: { endpoint?: Record<string, unknown>; vars?: Partial<Env>; statuses?: number[]; fallback?: number } = {}) {
  const p = await partnerWithEndpoint(opts.endpoint);
  const queue = new RecordingQueue();
  return { p, queue, worker: testEnv(queue, opts.vars), hook: receiver(opts.statuses, opts.fallback) };
}

/** A new partner with one endpoint made through the API with its test key. */
export async function partnerWithEndpoint(body: Record<string, unknown> = { url: "https://receiver.example/hooks" }) {
  const p = await newPartner();
  const res = await call("/v1/webhook_endpoints", { key: p.testKey, body });
  expect(res.status).toBe(201);
  return { ...p, scope: { partnerId: p.id, livemode: false }, endpoint: res.json as { id: string; secret: string } };
}

/** A verification created in test mode, its event announced on `queue` (not the real binding). */
export async function createdThroughDomain(queue: RecordingQueue, partnerId: string) {
  const cipher = await dataCipher(env.DATA_KEY!);
  const input = { type: "person" as const, locale: "zh-CN" as const, reference: "order-7" };
  return createVerification(writeContext(queue), cipher, { partnerId, livemode: false }, input, Date.now());
}
