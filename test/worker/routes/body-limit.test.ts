// The 64 KiB cap on /v1 and /admin/v1 bodies: declared and streamed (no Content-Length) bodies,
// just over and just under, answered as problem+json before Idempotency-Key claims anything.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../src/http/body-limit";
import { ADMIN, BASE, call, newPartner } from "../helpers";

const worker = (exports as unknown as { default: Fetcher }).default;

/** A valid create-verification body padded with trailing spaces to exactly `size` bytes. */
const bodyOf = (size: number) => {
  const json = JSON.stringify({ type: "person", reference: "big" });
  return json + " ".repeat(size - json.length);
};

/** The same bytes as a stream, so the request carries no Content-Length. */
async function streamed(path: string, key: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
      controller.close();
    },
  });
  const req = new Request(`${BASE}${path}`, { method: "POST", body: stream, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
  expect(req.headers.get("content-length")).toBeNull();
  const res = await worker.fetch(req);
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

const tooLarge = {
  type: "https://shiming.dev/problems/payload_too_large",
  title: "The request body is too large",
  status: 413,
  code: "payload_too_large",
  max_bytes: MAX_BODY_BYTES,
  detail: expect.stringContaining("65536 bytes"),
};

describe("request body limit", () => {
  it("should answer 413 problem+json to a declared body one byte over the limit", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body: bodyOf(MAX_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toEqual(tooLarge);
    expect((await call("/v1/verifications", { key: testKey })).json.data).toHaveLength(0);
  });

  it("should accept a body of exactly the limit, unaltered", async () => {
    const { testKey } = await newPartner();
    const res = await call("/v1/verifications", { key: testKey, body: bodyOf(MAX_BODY_BYTES) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ object: "verification", reference: "big" });
  });

  it("should count a streamed body without Content-Length and refuse it past the limit", async () => {
    const { testKey } = await newPartner();
    const over = await streamed("/v1/verifications", testKey, bodyOf(MAX_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(over.json).toEqual(tooLarge);
    const under = await streamed("/v1/verifications", testKey, bodyOf(MAX_BODY_BYTES));
    expect(under.status).toBe(201);
    expect(under.json).toMatchObject({ object: "verification", reference: "big" });
  });

  it("should refuse before an Idempotency-Key is claimed, so a smaller retry with the key works", async () => {
    const p = await newPartner();
    const headers = { "idempotency-key": "too-big" };
    const res = await call("/v1/verifications", { key: p.testKey, body: bodyOf(MAX_BODY_BYTES + 1), headers });
    expect(res.json).toMatchObject({ code: "payload_too_large" });
    const rows = await env.DB.prepare("select count(*) as n from idempotency_keys where partner_id = ?").bind(p.id).first<{ n: number }>();
    expect(rows?.n).toBe(0);
    const retry = await call("/v1/verifications", { key: p.testKey, body: { type: "person" }, headers });
    expect(retry.status).toBe(201);
  });

  it("should limit the operator API too", async () => {
    const res = await call("/admin/v1/partners", { key: ADMIN, body: JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) }) });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toEqual(tooLarge);
  });
});
