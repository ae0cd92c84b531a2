// Webhooks against a real `wrangler dev` (local Queues, retry schedule shortened to 1,1,1 s by
// the global setup), received by a real HTTP server on 127.0.0.1 that checks every delivery
// with the specification's own `standardwebhooks` library. Also: result tokens and evidence
// checked with jose against the JWKS the server publishes.
import { createRemoteJWKSet, jwtVerify } from "jose";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Receiver, until } from "./receiver";

const baseUrl = inject("baseUrl");
const adminToken = inject("adminToken");

async function api(key: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

async function newPartner() {
  const res = await api(adminToken, "/admin/v1/partners", { body: { name: "Webhook receiver" } });
  return { id: res.json.id as string, key: res.json.test_key.key as string };
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

describe("webhooks through local Queues to a real receiver", () => {
  it("should deliver deliveries the standardwebhooks library accepts, with the secret before and after rotation", async () => {
    const p = await newPartner();
    const endpoint = await api(p.key, "/v1/webhook_endpoints", { body: { url: `${receiver.url}/signed` } });
    expect(endpoint.status).toBe(201);
    const before = endpoint.json.secret as string;

    const v = await api(p.key, "/v1/verifications", { body: { type: "person", reference: "e2e-1" } });
    const [created] = await until("the created event", () => receiver.at("/signed").length >= 1 && receiver.at("/signed"));
    expect(new Webhook(before).verify(created!.body, created!.headers)).toMatchObject({ type: "verification.created", data: { id: v.json.id, status: "pending" } });

    const rotated = await api(p.key, `/v1/webhook_endpoints/${endpoint.json.id}/rotate_secret`, { method: "POST" });
    const after = rotated.json.secret as string;
    await api(p.key, `/v1/verifications/${v.json.id}/cancel`, { method: "POST" });
    const canceled = (await until("the canceled event", () => receiver.at("/signed").length >= 2 && receiver.at("/signed")))[1]!;
    expect(new Webhook(after).verify(canceled.body, canceled.headers)).toMatchObject({ type: "verification.canceled" });
    expect(new Webhook(before).verify(canceled.body, canceled.headers)).toMatchObject({ type: "verification.canceled" });
    expect(() => new Webhook(`whsec_${Buffer.from("x".repeat(32)).toString("base64")}`).verify(canceled.body, canceled.headers)).toThrow();
  });

  it("should deliver exactly once to a receiver that fails twice and then succeeds, logging three attempts", async () => {
    const p = await newPartner();
    receiver.scripts.set("/flaky", [500, 503]);
    const endpoint = await api(p.key, "/v1/webhook_endpoints", { body: { url: `${receiver.url}/flaky` } });
    await api(p.key, "/v1/verifications", { body: { type: "person" } });

    await until("a successful delivery", () => receiver.at("/flaky").some((d) => d.answered === 200));
    await new Promise((r) => setTimeout(r, 2500)); // long enough for a stray retry to show up
    expect(receiver.at("/flaky").map((d) => d.answered)).toEqual([500, 503, 200]);
    expect(new Set(receiver.at("/flaky").map((d) => d.headers["webhook-id"])).size).toBe(1);
    const log = await api(p.key, `/v1/webhook_endpoints/${endpoint.json.id}/deliveries`);
    expect(log.json.data.map((a: any) => [a.attempt, a.response_status, a.succeeded])).toEqual([
      [3, 200, true],
      [2, 503, false],
      [1, 500, false],
    ]);
    expect(log.json.data[1]).toMatchObject({ response_body: "failing with 503", latency_ms: expect.any(Number) });
  });

  it("should disable an endpoint that answers 410 and send it nothing more", async () => {
    const p = await newPartner();
    receiver.scripts.set("/gone", [410]);
    const endpoint = await api(p.key, "/v1/webhook_endpoints", { body: { url: `${receiver.url}/gone` } });
    const v = await api(p.key, "/v1/verifications", { body: { type: "person" } });
    await until("the endpoint disabled", async () => (await api(p.key, `/v1/webhook_endpoints/${endpoint.json.id}`)).json.status === "disabled");
    expect((await api(p.key, `/v1/webhook_endpoints/${endpoint.json.id}`)).json.disabled_reason).toBe("gone");
    await api(p.key, `/v1/verifications/${v.json.id}/cancel`, { method: "POST" });
    await new Promise((r) => setTimeout(r, 2500));
    expect(receiver.at("/gone")).toHaveLength(1);
  });
});

describe("result tokens and evidence against the served JWKS", () => {
  const JWKS = createRemoteJWKSet(new URL(`${baseUrl}/.well-known/jwks.json`));

  it("should verify with jose's createRemoteJWKSet, and fail after tampering or under the wrong audience", async () => {
    const p = await newPartner();
    const v = await api(p.key, "/v1/verifications", { body: { type: "person", redirect_url: "https://partner.example/back" } });
    const canceled = await api(p.key, `/v1/verifications/${v.json.id}/cancel`, { method: "POST" });
    const token = canceled.json.result_token as string;
    const { payload, protectedHeader } = await jwtVerify(token, JWKS, { issuer: baseUrl, audience: `${p.id}:test`, subject: v.json.id });
    expect(protectedHeader).toMatchObject({ alg: "EdDSA", kid: "e2e-ed25519" });
    expect(payload).toMatchObject({ status: "canceled", type: "person", livemode: false });
    await expect(jwtVerify(token, JWKS, { audience: "ptn_other" })).rejects.toThrow();

    const { jws } = (await api(p.key, `/v1/verifications/${v.json.id}/evidence`)).json;
    const evidence = await jwtVerify(jws, JWKS, { audience: `${p.id}:test`, typ: "evidence+jwt" });
    expect(evidence.payload).toMatchObject({ sub: v.json.id, verification: { status: "canceled" } });
    await expect(jwtVerify(jws, JWKS, { audience: "ptn_other" })).rejects.toThrow();

    for (const signed of [token, jws]) {
      const [h, body, s] = signed.split(".");
      const claims = JSON.parse(Buffer.from(body!, "base64url").toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, status: "verified" })).toString("base64url");
      await expect(jwtVerify(`${h}.${forged}.${s}`, JWKS, { audience: `${p.id}:test` })).rejects.toThrow(/signature/);
    }
  });
});
