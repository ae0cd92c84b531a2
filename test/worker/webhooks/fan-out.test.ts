import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sweepOutbox } from "../../../src/webhooks/sweep";
import { consume, createdThroughDomain, deliveryRig, drain, writeContext } from "./harness";

function event(id: string) {
  return env.DB.prepare("select queued_at from webhook_events where id = ?").bind(id).first<{ queued_at: number | null }>();
}

describe("the fan-out", () => {
  it("should leave an event unmarked while its deliveries cannot be written, so the cron sweep sends it again", async () => {
    const { p, queue, worker, hook } = await deliveryRig();
    await createdThroughDomain(queue, p.id);
    const [message] = queue.take() as { kind: "event"; event_id: string }[];
    const eventId = message!.event_id;
    // D1 refuses this event's deliveries (any failing insert will do) until the trigger goes.
    const refuse = `create trigger refuse_${eventId} before insert on webhook_deliveries when new.event_id = '${eventId}' begin select raise(abort, 'refused'); end`;
    await env.DB.prepare(refuse).run();
    try {
      const failed = await consume(worker, [message]);
      expect(failed.retryMessages).toHaveLength(1);
      expect(failed.explicitAcks).toEqual([]);
      expect(await event(eventId)).toEqual({ queued_at: null });
      const rows = await env.DB.prepare("select count(*) as n from webhook_deliveries where event_id = ?").bind(eventId).first();
      expect(rows).toEqual({ n: 0 });
    } finally {
      await env.DB.prepare(`drop trigger refuse_${eventId}`).run();
    }

    // The queue gave up on the message; the sweep finds the event still untaken and sends it.
    await sweepOutbox(writeContext(queue), Date.now() + 2 * 60_000);
    expect(queue.sent).toContainEqual({ kind: "event", event_id: eventId });
    await consume(
      worker,
      queue.take().filter((m) => JSON.stringify(m) === JSON.stringify(message)),
    );
    expect(await event(eventId)).toEqual({ queued_at: expect.any(Number) });
    await drain(queue, worker);
    expect(hook.received.map((r) => r.headers["webhook-id"])).toEqual([eventId]);
  });
});
