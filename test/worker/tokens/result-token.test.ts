import { env, exports } from "cloudflare:workers";
import { compactVerify, createRemoteJWKSet, customFetch, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { dataCipher } from "../../../src/crypto/data-key";
import { database } from "../../../src/db/client";
import { appendEvent, getVerification } from "../../../src/db/verifications";
import { canonicalJson } from "../../../src/tokens/canonical-json";
import { moveAndWrite } from "../../../src/flow/writer";
import { BASE, call, newPartner, newVerification } from "../helpers";
import { RecordingQueue, writeContext } from "../webhooks/harness";

const worker = (exports as unknown as { default: Fetcher }).default;
// The served JWKS, fetched from the Worker itself: createRemoteJWKSet sees only that document.
const JWKS = createRemoteJWKSet(new URL(`${BASE}/.well-known/jwks.json`), { [customFetch]: (url, options) => worker.fetch(url, options) });
const ID = "11010519491231002X";

async function verified(partner: { id: string; testKey: string }, body: Record<string, unknown> = { type: "person", person: { id_number: ID } }) {
  const v = await newVerification(partner.testKey, body);
  const db = database(env.DB);
  const ctx = writeContext(new RecordingQueue());
  let row = await getVerification(db, { partnerId: partner.id, livemode: false }, v.id);
  // An organization's own steps (its check, who is acting) come before any method.
  if (body.type === "organization") {
    const plan = ["org_check", "operator_role"];
    for (const event of [
      { type: "prepare", plan, step: "org_check" },
      { type: "step_passed", step: "org_check" },
      { type: "step_passed", step: "operator_role" },
    ] as const) {
      const moved = await moveAndWrite(ctx, row!, event, { actor: "applicant" }, Date.now());
      if (!moved.ok) throw new Error(moved.error);
      row = moved.row;
    }
  }
  const started = await moveAndWrite(ctx, row!, { type: "start", method: body.type === "person" ? "mobile3" : "legal_rep_personal", plan: ["form"] }, { actor: "applicant" }, Date.now());
  if (!started.ok) throw new Error(started.error);
  // What the hosted pages record along the way (the evidence copies the event log as it is).
  await appendEvent(db, row!, { type: "provider.call", actor: "system", data: { capability: "carrier", provider: "sandbox", serial: "sbx-1", outcome: "match" } }, Date.now());
  await appendEvent(db, row!, { type: "sms.checked", actor: "applicant", data: { purpose: "verification", outcome: "correct" } }, Date.now());
  const done = await moveAndWrite(ctx, started.row, { type: "step_passed", step: "form" }, { actor: "applicant" }, Date.now());
  if (!done.ok) throw new Error(done.error);
  return v.id;
}

function tamper(jws: string): string {
  const [header, payload, signature] = jws.split(".");
  const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
  const forged = btoa(JSON.stringify({ ...claims, status: "verified", verification: { ...claims.verification, status: "verified" } }))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return `${header}.${forged}.${signature}`;
}

describe("the JWKS", () => {
  it("should publish every key's public half only, with kid, alg and use", async () => {
    const res = await call("/.well-known/jwks.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("max-age=");
    expect(res.json.keys.map((k: any) => [k.kid, k.kty, k.alg, k.use])).toEqual([
      ["test-es256", "EC", "ES256", "sig"],
      ["test-ed25519-retired", "OKP", "EdDSA", "sig"],
    ]);
    for (const key of res.json.keys) expect(key).not.toHaveProperty("d");
  });
});

describe("result tokens", () => {
  it("should return a token that verifies against the served JWKS, with the result's claims", async () => {
    const partner = await newPartner();
    const id = await verified(partner);
    const res = await call(`/v1/verifications/${id}`, { key: partner.testKey });
    const token = res.json.result_token;
    expect(decodeProtectedHeader(token)).toEqual({ alg: "ES256", kid: "test-es256", typ: "JWT" });
    const { payload } = await jwtVerify(token, JWKS, { issuer: BASE, audience: `${partner.id}:test`, subject: id });
    expect(payload).toMatchObject({ status: "verified", type: "person", method: "mobile3", livemode: false, verified_at: expect.any(Number) });
    expect(payload.identity_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(payload.exp! - payload.iat!).toBe(365 * 24 * 3600);
    expect(JSON.stringify(payload)).not.toContain(ID);
  });

  it("should fail verification after tampering and under the wrong audience", async () => {
    const partner = await newPartner();
    const id = await verified(partner);
    const token = (await call(`/v1/verifications/${id}`, { key: partner.testKey })).json.result_token;
    await expect(jwtVerify(tamper(token), JWKS, { audience: `${partner.id}:test` })).rejects.toThrow(/signature/i);
    await expect(jwtVerify(token, JWKS, { audience: "ptn_someone_else" })).rejects.toThrow(/aud/);
    // A test-mode token never passes a check for the partner's live audience.
    await expect(jwtVerify(token, JWKS, { audience: partner.id })).rejects.toThrow(/aud/);
  });

  it("should give a repeat applicant the same hash at one partner and a different one at another", async () => {
    const a = await newPartner("A");
    const b = await newPartner("B");
    const hashOf = async (p: { id: string; testKey: string }, id: string) => {
      const token = (await call(`/v1/verifications/${id}`, { key: p.testKey })).json.result_token;
      return (await jwtVerify(token, JWKS, { audience: `${p.id}:test` })).payload.identity_hash;
    };
    const first = await hashOf(a, await verified(a));
    expect(await hashOf(a, await verified(a))).toBe(first);
    expect(await hashOf(b, await verified(b))).not.toBe(first);
    const org = await verified(a, { type: "organization", organization: { credential_code: "91350100M000100Y43" } });
    expect(await hashOf(a, org)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("should be null while open and present once canceled, also in the cancel response", async () => {
    const partner = await newPartner();
    const v = await newVerification(partner.testKey);
    expect((await call(`/v1/verifications/${v.id}`, { key: partner.testKey })).json.result_token).toBeNull();
    const canceled = await call(`/v1/verifications/${v.id}/cancel`, { key: partner.testKey, method: "POST" });
    const { payload } = await jwtVerify(canceled.json.result_token, JWKS, { audience: `${partner.id}:test` });
    expect(payload).toMatchObject({ status: "canceled", verified_at: null, identity_hash: null });
  });
});

describe("the evidence record", () => {
  it("should be a JWS over canonical JSON that verifies against the JWKS and its own embedded key", async () => {
    const partner = await newPartner();
    const id = await verified(partner);
    const cipher = await dataCipher(env.DATA_KEY!);
    await env.DB.prepare("insert into consents (id, verification_id, kind, text_version, text_hash, ip_enc, ip_masked, user_agent, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind("cns_test", id, "app_authorization", "2026-11-01", "ab".repeat(32), await cipher.encrypt("203.0.113.9"), "203.0.113.0/24", "Mozilla/5.0 test", Date.now())
      .run();
    const res = await call(`/v1/verifications/${id}/evidence`, { key: partner.testKey });
    expect(res.status).toBe(200);
    const { jws } = res.json;
    expect(decodeProtectedHeader(jws)).toMatchObject({ alg: "ES256", kid: "test-es256", typ: "evidence+jwt", jwk: { kty: "EC", crv: "P-256" } });
    const { payload: claims } = await jwtVerify(jws, JWKS, { issuer: BASE, audience: `${partner.id}:test`, subject: id, typ: "evidence+jwt" });
    expect(claims).toMatchObject({
      verification: { id, status: "verified", method: "mobile3" },
      consents: [{ id: "cns_test", kind: "app_authorization", text_version: "2026-11-01", text_hash: "ab".repeat(32), ip: "203.0.113.0/24", user_agent: "Mozilla/5.0 test", at: expect.any(String) }],
    });
    expect(claims.events).toEqual([
      expect.objectContaining({ type: "verification.created", to_status: "pending", method: null }),
      expect.objectContaining({ type: "verification.start", to_status: "in_progress", method: "mobile3", data: { method: "mobile3" } }),
      expect.objectContaining({ type: "provider.call", method: "mobile3", data: { capability: "carrier", provider: "sandbox", serial: "sbx-1", outcome: "match" } }),
      expect.objectContaining({ type: "sms.checked", method: "mobile3", data: { purpose: "verification", outcome: "correct" } }),
      expect.objectContaining({ type: "verification.verify", to_status: "verified", method: "mobile3" }),
    ]);
    // The signed bytes are exactly the canonical form, so they can be re-derived from the payload.
    const { payload: bytes } = await compactVerify(jws, EmbeddedJWK);
    expect(new TextDecoder().decode(bytes)).toBe(canonicalJson(claims));
    expect(new TextDecoder().decode(bytes)).not.toContain(ID);
  });

  it("should fail verification after tampering and under the wrong audience", async () => {
    const partner = await newPartner();
    const id = await verified(partner);
    const { jws } = (await call(`/v1/verifications/${id}/evidence`, { key: partner.testKey })).json;
    await expect(jwtVerify(tamper(jws), JWKS, { audience: `${partner.id}:test` })).rejects.toThrow(/signature/i);
    await expect(jwtVerify(jws, JWKS, { audience: "ptn_someone_else" })).rejects.toThrow(/aud/);
    const other = await newPartner("B");
    expect((await call(`/v1/verifications/${id}/evidence`, { key: other.testKey })).status).toBe(404);
  });
});
