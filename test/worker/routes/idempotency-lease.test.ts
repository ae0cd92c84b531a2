// The lease on an Idempotency-Key claim: a claim left `in_progress` by a request that died is
// taken over by the next retry once the lease has run out, by exactly one retry, and a request
// that outlives its lease cannot overwrite the row of the retry that took its key.
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../src/http/app-env";
import { cipherFor } from "../../../src/http/context";
import { mapError } from "../../../src/http/error-mapper";
import { IDEMPOTENCY_LEASE_MS, idempotency } from "../../../src/http/idempotency";
import { readConfig } from "../../../src/config";
import { database } from "../../../src/db/client";
import { call, newPartner } from "../helpers";

const body = { type: "person", reference: "lease" };
const keyedHash = async (b: unknown) => (await cipherFor(readConfig(env).DATA_KEY)).hash("idempotency_request", `POST /v1/verifications\n${JSON.stringify(b)}`);

async function abandonedClaim(partnerId: string, key: string, age: number) {
  await env.DB.prepare("insert into idempotency_keys (partner_id, livemode, key, request_hash, state, created_at) values (?, 0, ?, ?, 'in_progress', ?)")
    .bind(partnerId, key, await keyedHash(body), Date.now() - age)
    .run();
}

describe("Idempotency-Key lease", () => {
  it("should let a retry take over a claim older than the lease and store its response", async () => {
    const p = await newPartner();
    await abandonedClaim(p.id, "dead", IDEMPOTENCY_LEASE_MS + 1_000);
    const headers = { "idempotency-key": "dead" };
    const res = await call("/v1/verifications", { key: p.testKey, body, headers });
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(res.json).toMatchObject({ object: "verification", reference: "lease" });
    const again = await call("/v1/verifications", { key: p.testKey, body, headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(res.text);
  });

  it("should still refuse a retry with a different body for an abandoned claim", async () => {
    const p = await newPartner();
    await abandonedClaim(p.id, "dead-other", IDEMPOTENCY_LEASE_MS + 1_000);
    const res = await call("/v1/verifications", { key: p.testKey, body: { ...body, reference: "other" }, headers: { "idempotency-key": "dead-other" } });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: "idempotency_key_reused" });
  });

  it("should let only one of two racing retries take over an abandoned claim", async () => {
    const p = await newPartner();
    await abandonedClaim(p.id, "race", IDEMPOTENCY_LEASE_MS + 1_000);
    const headers = { "idempotency-key": "race" };
    const results = await Promise.all([1, 2, 3].map(() => call("/v1/verifications", { key: p.testKey, body, headers })));
    const fresh = results.filter((r) => r.status === 201 && r.headers.get("idempotent-replayed") === null);
    expect(fresh).toHaveLength(1);
    for (const r of results.filter((r) => r !== fresh[0])) {
      // Each loser either lost the takeover (409) or came after the winner finished (a replay).
      if (r.status === 409) expect(r.json).toMatchObject({ code: "idempotency_key_in_use" });
      else expect(r.text).toBe(fresh[0]!.text);
    }
    expect((await call("/v1/verifications", { key: p.testKey })).json.data).toHaveLength(1);
  });
});

// The same middleware on a tiny app whose handler waits until released and whose clock the test
// sets, so a request can be made to outlive its lease.
function leaseApp(partnerId: string) {
  const gates = new Map<string, Promise<void>>();
  const app = new Hono<AppEnv>();
  app.onError(mapError);
  app.use(async (c, next) => {
    c.set("db", database(env.DB));
    c.set("cipher", await cipherFor(readConfig(env).DATA_KEY));
    c.set("now", Number(c.req.header("x-now")));
    c.set("partner", { partnerId, livemode: false, keyId: "key_test" });
    await next();
  });
  app.use(idempotency);
  app.post("/v1/verifications", async (c) => {
    await gates.get(c.req.header("x-who") ?? "");
    return c.json({ served_by: c.req.header("x-who") }, 201);
  });
  const send = (who: string, now: number) =>
    app.request("/v1/verifications", { method: "POST", body: JSON.stringify(body), headers: { "idempotency-key": "slow", "x-now": String(now), "x-who": who } });
  return { gates, send };
}

describe("Idempotency-Key lease fencing", () => {
  it("should keep the retry's response when the request it took over from finishes later", async () => {
    const { id } = await newPartner();
    const { gates, send } = leaseApp(id);
    let release!: () => void;
    gates.set("slow", new Promise((r) => (release = r)));
    const t0 = Date.now();

    const slow = send("slow", t0);
    await new Promise((r) => setTimeout(r, 50)); // let the slow request claim the key
    const retry = await send("retry", t0 + IDEMPOTENCY_LEASE_MS + 1);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual({ served_by: "retry" });

    release();
    expect(await (await slow).json()).toEqual({ served_by: "slow" });

    const replay = await send("third", t0 + IDEMPOTENCY_LEASE_MS + 2);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual({ served_by: "retry" });
  });
});
