// The bench instrumentation (bench/instrument.ts, in the bench Worker only): inert without its flag, and under it the
// counts come from the bindings themselves: D1 round trips, rows, Durable Object calls.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { benchApp as app } from "../../../bench/worker";
import type { BenchCounts } from "../../../bench/instrument";
import { TEST_IDENTITIES } from "../../../src/providers/sandbox-values";
import { Applicant, latestCode } from "../applicant";
import { BASE, call, newPartner, newVerification } from "../helpers";

const flagged = { ...env, BENCH_COUNT_QUERIES: "1" };

async function benched(path: string, init: RequestInit = {}, bindings: typeof env = flagged) {
  const res = await app.fetch(new Request(`${BASE}${path}`, init), bindings);
  const text = await res.text();
  const counts = res.headers.get("x-bench-counts");
  return { status: res.status, text, queries: res.headers.get("x-d1-queries"), counts: counts ? (JSON.parse(counts) as BenchCounts) : null };
}

describe("bench instrumentation", () => {
  it("should add no route and no header without its flag", async () => {
    expect((await call("/__bench/ping")).status).toBe(404);
    const health = await call("/healthz");
    expect(health.headers.get("x-d1-queries")).toBeNull();
    expect(health.headers.get("x-bench-counts")).toBeNull();
  });

  it("should ignore the flag in production", async () => {
    const production = { ...flagged, ENVIRONMENT: "production" };
    expect((await benched("/__bench/ping", {}, production)).status).toBe(404);
    expect((await benched("/healthz", {}, production)).queries).toBeNull();
  });

  it("should answer the trivial route and count each request's D1 round trips", async () => {
    expect(await benched("/__bench/ping")).toMatchObject({ status: 200, text: "pong" });
    expect(await benched("/healthz")).toMatchObject({ status: 200, queries: "1" });
    const { testKey } = await newPartner("Bench");
    const v = await newVerification(testKey);
    const got = await benched(`/v1/verifications/${v.id}`, { headers: { authorization: `Bearer ${testKey}` } });
    expect(got.status).toBe(200);
    expect(Number(got.queries)).toBe(got.counts!.d1);
    expect(got.counts!.d1Statements).toBeGreaterThanOrEqual(got.counts!.d1);
  });

  it("should meter the rows of every statement only when asked", async () => {
    const { testKey } = await newPartner("Bench rows");
    const v = await newVerification(testKey);
    const plain = await benched(`/v/${v.id}`);
    const metered = await benched(`/v/${v.id}`, { headers: { "x-bench-meter": "1" } });
    expect(plain.counts!.d1).toBe(metered.counts!.d1);
    expect(metered.counts).toMatchObject({ rowsUnmetered: 0 });
    expect(metered.counts!.rowsRead).toBeGreaterThan(0);
  });

  it("should count Durable Object calls through the namespace's stubs", async () => {
    const { testKey } = await newPartner("Bench DO");
    const v = await newVerification(testKey);
    const sent = await benched(`/v/${v.id}/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "hx-request": "true", "cf-connecting-ip": "198.18.200.1" },
      body: "action=send_code&phone=13700008801",
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('role="status"');
    expect(sent.counts!.doRequests).toBeGreaterThanOrEqual(2); // the IP's send slot, then the phone's code
  });

  it("should sign in (code check, consent, reuse look-up) in two D1 round trips: the load and one batch", async () => {
    const { testKey } = await newPartner("Bench sign-in");
    const v = await newVerification(testKey);
    const phone = "13700008802";
    const form = { "content-type": "application/x-www-form-urlencoded", "hx-request": "true", "cf-connecting-ip": "198.18.200.2" };
    await benched(`/v/${v.id}/authorize`, { method: "POST", headers: form, body: `action=send_code&phone=${phone}` });
    const code = await latestCode(testKey, phone);
    const signedIn = await benched(`/v/${v.id}/authorize`, { method: "POST", headers: form, body: `action=authorize&phone=${phone}&code=${code}&consent=yes` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.text).toContain('data-step="choose_method"');
    expect(signedIn.queries).toBe("2");
  });

  it("should submit a method form (start, registry check, SMS code) in two D1 round trips", async () => {
    const { testKey } = await newPartner("Bench form");
    const v = await newVerification(testKey, { type: "person", methods: ["mobile3"] });
    const applicant = new Applicant(v.id, "198.18.200.3");
    await applicant.signIn(testKey);
    const me = TEST_IDENTITIES[2];
    const submitted = await benched(`/v/${v.id}/methods/mobile3`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "hx-request": "true",
        "cf-connecting-ip": "198.18.200.4",
        cookie: [...applicant.cookies].map(([k, c]) => `${k}=${c}`).join("; "),
      },
      body: new URLSearchParams({ consent: "yes", name: me.name, id_number: me.idNumber, phone: "13700008803" }).toString(),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.text).toContain('data-step="code"');
    expect(submitted.queries).toBe("2");
    const code = await latestCode(testKey, "13700008803");
    expect(code).toMatch(/^\d{6}$/);
  });
});
