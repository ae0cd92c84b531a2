import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cipherFor } from "../../../src/http/context";
import { readConfig } from "../../../src/config";
import { sha256Hex } from "../../../src/crypto/hash";
import { call, newPartner } from "../helpers";

const body = { type: "person", reference: "idem" };
const fingerprint = (b: unknown) => `POST /v1/verifications\n${JSON.stringify(b)}`;
const keyedHash = async (b: unknown) => (await cipherFor(readConfig(env).DATA_KEY)).hash("idempotency_request", fingerprint(b));

async function claim(partnerId: string, key: string, hash: string, createdAt: number, state = "in_progress", status: number | null = null, responseBody: string | null = null) {
  await env.DB.prepare("insert into idempotency_keys (partner_id, livemode, key, request_hash, state, response_status, response_body, created_at) values (?, 0, ?, ?, ?, ?, ?, ?)")
    .bind(partnerId, key, hash, state, status, responseBody, createdAt)
    .run();
}

async function row(partnerId: string, key: string) {
  return env.DB.prepare("select * from idempotency_keys where partner_id = ? and key = ?")
    .bind(partnerId, key)
    .first<{ request_hash: string; state: string; created_at: number; response_body: string }>();
}

describe("Idempotency-Key", () => {
  it("should replay the first response and create nothing more", async () => {
    const { testKey } = await newPartner();
    const headers = { "idempotency-key": "order-1" };
    const first = await call("/v1/verifications", { key: testKey, body, headers });
    const again = await call("/v1/verifications", { key: testKey, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const list = await call("/v1/verifications", { key: testKey });
    expect(list.json.data).toHaveLength(1);
  });

  it("should replay an error response too", async () => {
    const { testKey } = await newPartner();
    const headers = { "idempotency-key": "bad-1" };
    const bad = { type: "person", person: { id_number: "110105194912310021" } };
    const first = await call("/v1/verifications", { key: testKey, body: bad, headers });
    const again = await call("/v1/verifications", { key: testKey, body: bad, headers });
    expect(first.status).toBe(400);
    expect(again.status).toBe(400);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });

  it("should answer 422 when the same key comes with a different body", async () => {
    const { testKey } = await newPartner();
    const headers = { "idempotency-key": "order-2" };
    await call("/v1/verifications", { key: testKey, body, headers });
    const other = await call("/v1/verifications", { key: testKey, body: { ...body, reference: "other" }, headers });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: "idempotency_key_reused" });
  });

  it("should answer 409 while the first request with the key is in progress", async () => {
    const { testKey } = await newPartner();
    const headers = { "idempotency-key": "order-3" };
    const [a, b] = await Promise.all([call("/v1/verifications", { key: testKey, body, headers }), call("/v1/verifications", { key: testKey, body, headers })]);
    const statuses = [a.status, b.status].sort();
    // Either the second arrived while the first was in flight (409) or after it finished (replay).
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const list = await call("/v1/verifications", { key: testKey });
    expect(list.json.data).toHaveLength(1);
  });

  it("should answer 409 for a key claimed but not finished", async () => {
    const p = await newPartner();
    const headers = { "idempotency-key": "stuck" };
    await claim(p.id, "stuck", await keyedHash(body), Date.now() - 30_000);
    const res = await call("/v1/verifications", { key: p.testKey, body, headers });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ code: "idempotency_key_in_use", status: 409 });
    expect((await call("/v1/verifications", { key: p.testKey })).json.data).toHaveLength(0);
  });

  it("should forget keys after 24 hours", async () => {
    const p = await newPartner();
    const headers = { "idempotency-key": "old" };
    await call("/v1/verifications", { key: p.testKey, body, headers });
    await env.DB.prepare("update idempotency_keys set created_at = ? where key = 'old'")
      .bind(Date.now() - 25 * 3600 * 1000)
      .run();
    const again = await call("/v1/verifications", { key: p.testKey, body, headers });
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect((await call("/v1/verifications", { key: p.testKey })).json.data).toHaveLength(2);
  });

  it("should scope keys to the partner", async () => {
    const a = await newPartner();
    const b = await newPartner();
    const headers = { "idempotency-key": "shared" };
    const ra = await call("/v1/verifications", { key: a.testKey, body, headers });
    const rb = await call("/v1/verifications", { key: b.testKey, body, headers });
    expect(rb.json.id).not.toBe(ra.json.id);
    expect(rb.headers.get("idempotent-replayed")).toBeNull();
  });

  it("should store a keyed hash of the request, never a plain digest of the personal data in it", async () => {
    const p = await newPartner();
    const personal = { type: "person", person: { name: "张三", id_number: "11010519491231002X" } };
    await call("/v1/verifications", { key: p.testKey, body: personal, headers: { "idempotency-key": "pii" } });
    const stored = await row(p.id, "pii");
    expect(stored?.request_hash).toBe(await keyedHash(personal));
    expect(stored?.request_hash).not.toBe(await sha256Hex(fingerprint(personal)));
  });
});
