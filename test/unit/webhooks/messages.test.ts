import { describe, expect, it } from "vitest";
import { type DeliveryMessage, deliveryMessage, isStale, webhookMessage } from "../../../src/webhooks/messages";

const T = 1_700_000_000_000;
const pending = { status: "pending", attempts: 2, nextAttemptAt: T };
const message = (attempts: number | undefined, due_at: number | undefined): DeliveryMessage => ({ kind: "delivery", delivery_id: "dlv_1", attempts, due_at });

describe("delivery messages", () => {
  it("should carry the attempts made and when the next one is due", () => {
    expect(deliveryMessage({ id: "dlv_1", attempts: 2, dueAt: T })).toEqual({ kind: "delivery", delivery_id: "dlv_1", attempts: 2, due_at: T });
    expect(webhookMessage.parse({ kind: "delivery", delivery_id: "dlv_1" })).toEqual({ kind: "delivery", delivery_id: "dlv_1" });
  });

  it.each([
    ["the delivery's own next attempt", message(2, T), pending, false],
    ["a message of the delivery's own long wait (due later)", message(2, T + 86_400_000), { ...pending, nextAttemptAt: T + 86_400_000 }, false],
    ["a message whose delivery was made due sooner", message(2, T), { ...pending, nextAttemptAt: 0 }, false],
    ["an old message without attempts or due_at", message(undefined, undefined), pending, false],
    ["a copy the sweep replaced (rescheduled past it)", message(2, T), { ...pending, nextAttemptAt: T + 300_000 }, true],
    ["a copy for an attempt already made or claimed", message(1, T - 5000), pending, true],
    ["a copy for an attempt already claimed (lease)", message(2, T), { ...pending, attempts: 3, nextAttemptAt: T + 60_000 }, true],
    ["a message of a finished delivery", message(2, T), { ...pending, status: "succeeded", nextAttemptAt: null }, true],
    ["an old message of an abandoned delivery", message(undefined, undefined), { ...pending, status: "abandoned", nextAttemptAt: null }, true],
  ])("should tell whether %s is stale", (_what, msg, row, stale) => {
    expect(isStale(msg, row)).toBe(stale);
  });
});
