import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, newKey, newPartner } from "../helpers";

const create = (key: string, body: unknown, headers: Record<string, string> = {}) => call("/v1/webhook_endpoints", { key, body, headers });

describe("webhook endpoints", () => {
  it("should create an endpoint and answer its whsec_ secret once", async () => {
    const { testKey } = await newPartner();
    const res = await create(testKey, { url: "https://partner.example/hooks", events: ["verification.verified", "verification.failed"] });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^we_/),
      object: "webhook_endpoint",
      url: "https://partner.example/hooks",
      events: ["verification.verified", "verification.failed"],
      status: "enabled",
      disabled_reason: null,
      livemode: false,
      previous_secret_expires_at: null,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]+=*$/),
    });
    const read = await call(`/v1/webhook_endpoints/${res.json.id}`, { key: testKey });
    expect(read.json).not.toHaveProperty("secret");
    const list = await call("/v1/webhook_endpoints", { key: testKey });
    expect(list.json).toMatchObject({ object: "list", has_more: false, data: [{ id: res.json.id, events: ["verification.verified", "verification.failed"] }] });
    expect(JSON.stringify(list.json)).not.toContain(res.json.secret);
  });

  it("should store the secret only encrypted, even for an idempotent replay", async () => {
    const { testKey } = await newPartner();
    const headers = { "idempotency-key": "endpoint-1" };
    const first = await create(testKey, { url: "https://partner.example/a" }, headers);
    const again = await create(testKey, { url: "https://partner.example/a" }, headers);
    expect(again.json.secret).toBe(first.json.secret);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const secretPart = first.json.secret.slice("whsec_".length);
    for (const table of ["webhook_endpoints", "idempotency_keys"]) {
      const rows = await env.DB.prepare(`select * from ${table}`).all();
      expect(JSON.stringify(rows.results)).not.toContain(secretPart);
    }
    expect((await call("/v1/webhook_endpoints", { key: testKey })).json.data).toHaveLength(1);
  });

  it("should default to every event type", async () => {
    const { testKey } = await newPartner();
    expect((await create(testKey, { url: "https://partner.example/all" })).json.events).toBeNull();
  });

  it.each([
    ["url", { url: "http://partner.example/hooks" }, "insecure_url"],
    ["url", { url: "not a url" }, "invalid_format"],
    ["url", {}, "required"],
    ["events.0", { url: "https://partner.example/h", events: ["verification.started"] }, "invalid_value"],
    ["events", { url: "https://partner.example/h", events: ["verification.failed", "verification.failed"] }, "duplicate"],
    ["secret", { url: "https://partner.example/h", secret: "whsec_mine" }, "unknown_field"],
  ])("should refuse a bad %s", async (path, body, code) => {
    const { testKey } = await newPartner();
    const res = await create(testKey, body);
    expect(res.status).toBe(400);
    expect(res.json.errors).toContainEqual({ path, code, message: expect.any(String) });
  });

  it("should name the field an insecure URL is in, for a webhook URL and a redirect URL alike", async () => {
    const { testKey } = await newPartner();
    const hook = await create(testKey, { url: "http://partner.example/hooks" });
    expect(hook.json.errors).toContainEqual({ path: "url", code: "insecure_url", message: '"url" must use https (http is allowed for localhost only).' });
    const verification = await call("/v1/verifications", { key: testKey, body: { type: "person", redirect_url: "http://partner.example/done" } });
    expect(verification.json.errors).toContainEqual({ path: "redirect_url", code: "insecure_url", message: '"redirect_url" must use https (http is allowed for localhost only).' });
  });

  it.each([
    [
      "en",
      '"events[0]" must be one of: verification.created, verification.verified, verification.failed, verification.canceled, verification.expired, verification.requires_review, verification.review_decided, verification.authorization_updated.',
      '"events" lists verification.failed more than once.',
      '"url" must not point to a private, loopback, link-local or reserved IP address.',
    ],
    [
      "zh-CN",
      '"events[0]" 必须是以下值之一：verification.created, verification.verified, verification.failed, verification.canceled, verification.expired, verification.requires_review, verification.review_decided, verification.authorization_updated。',
      '"events" 中的 verification.failed 出现了不止一次。',
      '"url" 不能指向私有、回环、链路本地或保留的 IP 地址。',
    ],
  ])("should list the event types and name the field, in %s", async (language, unknownType, repeated, privateAddress) => {
    const { testKey } = await newPartner();
    const headers = { "accept-language": language };
    const unknown = await create(testKey, { url: "https://partner.example/h", events: ["verification.started"] }, headers);
    expect(unknown.json.errors).toEqual([{ path: "events.0", code: "invalid_value", message: unknownType }]);
    const twice = await create(testKey, { url: "https://partner.example/h", events: ["verification.failed", "verification.failed"] }, headers);
    expect(twice.json.errors).toEqual([{ path: "events", code: "duplicate", message: repeated }]);
    const inward = await create(testKey, { url: "https://10.0.0.1/h" }, headers);
    expect(inward.json).toMatchObject({ detail: privateAddress, errors: [{ path: "url", code: "private_address", message: privateAddress }] });
  });

  it.each(["http://localhost:3000/hooks", "http://127.0.0.1:8080/h"])("should allow http for %s", async (url) => {
    const { testKey } = await newPartner();
    expect((await create(testKey, { url })).status).toBe(201);
  });

  it("should rotate the secret and keep the old one signing for 24 hours", async () => {
    const { testKey } = await newPartner();
    const made = await create(testKey, { url: "https://partner.example/r" });
    const before = Date.now();
    const rotated = await call(`/v1/webhook_endpoints/${made.json.id}/rotate_secret`, { key: testKey, method: "POST" });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get("cache-control")).toBe("no-store");
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(made.json.secret);
    const overlapEnds = Date.parse(rotated.json.previous_secret_expires_at);
    expect(overlapEnds - before).toBeGreaterThanOrEqual(24 * 3600_000 - 5000);
    expect(overlapEnds - before).toBeLessThanOrEqual(24 * 3600_000 + 5000);
  });

  it("should delete an endpoint", async () => {
    const { testKey } = await newPartner();
    const made = await create(testKey, { url: "https://partner.example/d" });
    const del = await call(`/v1/webhook_endpoints/${made.json.id}`, { key: testKey, method: "DELETE" });
    expect(del.json).toEqual({ id: made.json.id, object: "webhook_endpoint", deleted: true });
    expect((await call(`/v1/webhook_endpoints/${made.json.id}`, { key: testKey })).status).toBe(404);
    expect((await call("/v1/webhook_endpoints", { key: testKey })).json.data).toEqual([]);
    expect((await call(`/v1/webhook_endpoints/${made.json.id}`, { key: testKey, method: "DELETE" })).status).toBe(404);
  });

  it("should hide one partner's endpoints from another, and test endpoints from live keys", async () => {
    const a = await newPartner("A");
    const b = await newPartner("B");
    const made = await create(a.testKey, { url: "https://a.example/h" });
    for (const [method, path] of [
      ["GET", `/v1/webhook_endpoints/${made.json.id}`],
      ["DELETE", `/v1/webhook_endpoints/${made.json.id}`],
      ["POST", `/v1/webhook_endpoints/${made.json.id}/rotate_secret`],
      ["GET", `/v1/webhook_endpoints/${made.json.id}/deliveries`],
    ] as const) {
      expect((await call(path, { key: b.testKey, method })).status).toBe(404);
    }
    expect((await call("/v1/webhook_endpoints", { key: b.testKey })).json.data).toEqual([]);
    const live = await newKey(a.id, "live");
    expect((await call("/v1/webhook_endpoints", { key: live.key })).json.data).toEqual([]);
  });

  it("should refuse a 17th endpoint", async () => {
    const { testKey } = await newPartner();
    for (let i = 0; i < 16; i++) expect((await create(testKey, { url: `https://partner.example/${i}` })).status).toBe(201);
    const res = await create(testKey, { url: "https://partner.example/17" });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("invalid_state");
  });

  it("should need a partner key", async () => {
    expect((await call("/v1/webhook_endpoints")).status).toBe(401);
    expect((await call("/v1/events")).status).toBe(401);
  });
});
