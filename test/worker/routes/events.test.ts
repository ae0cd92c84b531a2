import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newKey, newPartner, newVerification } from "../helpers";

describe("GET /v1/events", () => {
  it("should list the partner's events newest first, filter by type and page", async () => {
    const { testKey } = await newPartner();
    const a = await newVerification(testKey, { type: "person", reference: "a" });
    const b = await newVerification(testKey, { type: "person", reference: "b" });
    await call(`/v1/verifications/${a.id}/cancel`, { key: testKey, method: "POST" });
    const all = await call("/v1/events", { key: testKey });
    expect(all.json.object).toBe("list");
    expect(all.json.data.map((e: any) => [e.type, e.data.id])).toEqual([
      ["verification.canceled", a.id],
      ["verification.created", b.id],
      ["verification.created", a.id],
    ]);
    expect(all.json.data[0]).toEqual({
      id: expect.stringMatching(/^evt_/),
      object: "event",
      type: "verification.canceled",
      timestamp: expect.any(String),
      data: { id: a.id, object: "verification", status: "canceled", type: "person", method: null, reference: "a", livemode: false },
    });
    const canceled = await call("/v1/events?type=verification.canceled", { key: testKey });
    expect(canceled.json.data).toHaveLength(1);
    const page1 = await call("/v1/events?limit=2", { key: testKey });
    expect(page1.json.has_more).toBe(true);
    const page2 = await call(`/v1/events?limit=2&starting_after=${page1.json.data[1].id}`, { key: testKey });
    expect(page2.json).toMatchObject({ has_more: false, data: [{ data: { id: a.id }, type: "verification.created" }] });
    const one = await call(`/v1/events/${all.json.data[0].id}`, { key: testKey });
    expect(one.json).toEqual(all.json.data[0]);
  });

  it("should keep events 30 days back only", async () => {
    const { testKey } = await newPartner();
    const v = await newVerification(testKey);
    const [event] = (await call("/v1/events", { key: testKey })).json.data;
    await env.DB.prepare("update webhook_events set created_at = ? where verification_id = ?")
      .bind(Date.now() - 31 * 24 * 3600_000, v.id)
      .run();
    expect((await call("/v1/events", { key: testKey })).json.data).toEqual([]);
    expect((await call(`/v1/events/${event.id}`, { key: testKey })).status).toBe(404);
  });

  it("should hide another partner's events and the other mode's", async () => {
    const a = await newPartner("A");
    const b = await newPartner("B");
    await newVerification(a.testKey);
    const [event] = (await call("/v1/events", { key: a.testKey })).json.data;
    expect((await call(`/v1/events/${event.id}`, { key: b.testKey })).status).toBe(404);
    expect((await call(`/v1/events/${event.id}/redeliver`, { key: b.testKey, method: "POST" })).status).toBe(404);
    expect((await call("/v1/events", { key: b.testKey })).json.data).toEqual([]);
    const live = await newKey(a.id, "live");
    expect((await call("/v1/events", { key: live.key })).json.data).toEqual([]);
  });

  it("should redeliver to one named endpoint, and refuse an unknown or disabled one", async () => {
    const { testKey } = await newPartner();
    const one = await call("/v1/webhook_endpoints", { key: testKey, body: { url: "https://one.example/h" } });
    const two = await call("/v1/webhook_endpoints", { key: testKey, body: { url: "https://two.example/h" } });
    await newVerification(testKey);
    const [event] = (await call("/v1/events", { key: testKey })).json.data;
    const res = await call(`/v1/events/${event.id}/redeliver`, { key: testKey, body: { endpoint_id: two.json.id } });
    expect(res.status).toBe(202);
    expect(res.json.data).toEqual([expect.objectContaining({ endpoint_id: two.json.id, event_id: event.id })]);
    const unknown = await call(`/v1/events/${event.id}/redeliver`, { key: testKey, body: { endpoint_id: "we_000000000000000000000000" } });
    expect(unknown.status).toBe(404);
    await env.DB.prepare("update webhook_endpoints set status = 'disabled', disabled_reason = 'gone' where id = ?").bind(one.json.id).run();
    const disabled = await call(`/v1/events/${event.id}/redeliver`, { key: testKey, body: { endpoint_id: one.json.id } });
    expect(disabled.status).toBe(409);
  });
});
