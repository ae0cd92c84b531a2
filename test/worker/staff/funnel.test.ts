// The funnel page, over verifications of one partner created through the API and moved by the flow
// writer: its figures are the daily roll-up's, kept by the creation's batch and by each write that
// moves a verification's place in it. A lost race and a second telling count nothing.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getVerification } from "../../../src/db/verifications";
import { type MoveOptions, moveAndWrite } from "../../../src/flow/writer";
import type { FlowEvent } from "../../../src/domain/flow/transition";
import { DURATION_EDGES } from "../../../src/domain/funnel/durations";
import { BASE, newPartner, newVerification } from "../helpers";
import { RecordingQueue, writeContext } from "../webhooks/harness";
import { staffMember } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;
const ctx = writeContext(new RecordingQueue());
const SYSTEM: MoveOptions = { actor: "system" };

async function funnelOf(partnerId: string) {
  const res = await worker.fetch(new Request(`${BASE}/staff/funnel?partner=${partnerId}`, { headers: { "cf-access-jwt-assertion": (await staffMember("reviewer")).jwt, "accept-language": "zh-CN" } }));
  expect(res.status).toBe(200);
  const html = await res.text();
  const cells = (tr: string) =>
    tr
      .replace(/<[^>]+>/g, " ")
      .trim()
      .split(/\s+/);
  return {
    html,
    // method, started, verified, failed, expired, abandoned, open, pass rate
    method: (m: string) => cells([...html.matchAll(/<tr data-method="([^"]+)">(.*?)<\/tr>/gs)].find((r) => r[1] === m)?.[2] ?? ""),
    // day, started, verified, failed, expired, abandoned, open
    days: () => [...(/data-table="by-day">.*?<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? "").matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => cells(r[1]!)),
  };
}

describe("the funnel", () => {
  it("should count each outcome per method, the failure reasons, where they stopped and the median time to verify, from the roll-up", async () => {
    const { testKey, id: partnerId } = await newPartner("漏斗合作方");
    const scope = { partnerId, livemode: false };
    const row = async (id: string) => (await getVerification(ctx.db, scope, id))!;
    /** Moves a verification through `events`, each `ms` after its creation. */
    const walk = async (id: string, ...events: [number, FlowEvent][]) => {
      for (const [ms, event] of events) {
        const r = await row(id);
        const result = await moveAndWrite(ctx, r, event, SYSTEM, r.createdAt + ms);
        expect(result.ok, `${event.type} on ${id}`).toBe(true);
      }
    };
    const start = (method: string): FlowEvent => ({ type: "start", method, plan: ["form"] });
    const ids = await Promise.all(Array.from({ length: 9 }, () => newVerification(testKey).then((v) => v.id)));
    const [fast, slow, middle, failed, left, untouched, open, expired, raced] = ids as [string, string, string, string, string, string, string, string, string];
    await walk(fast, [1_000, start("mobile3")]);
    const atForm = await row(fast);
    await walk(fast, [60_000, { type: "step_passed", step: "form" }]);
    await walk(slow, [1_000, start("mobile3")], [180_000, { type: "step_passed", step: "form" }]);
    await walk(middle, [1_000, start("mobile3")], [120_000, { type: "step_passed", step: "form" }]);
    await walk(failed, [1_000, start("mobile3")], [10_000, { type: "fail", reason: "name_id_mismatch" }]);
    await walk(left, [86_400_000, { type: "expire" }]);
    await walk(open, [1_000, start("face")]);
    await walk(expired, [1_000, start("bankcard4")], [86_400_000, { type: "expire" }]);
    void untouched;

    // A lost race: two writers read the same row; the second one's write counts nothing.
    const before = await row(raced);
    expect((await moveAndWrite(ctx, before, start("mobile3"), SYSTEM, before.createdAt + 1_000)).ok).toBe(true);
    expect(await moveAndWrite(ctx, before, { type: "cancel" }, SYSTEM, before.createdAt + 2_000)).toEqual({ ok: false, error: "conflict" });
    // A second telling of an end: on the stale row it loses the race, on a fresh one the flow refuses it.
    expect(await moveAndWrite(ctx, atForm, { type: "step_passed", step: "form" }, SYSTEM, atForm.createdAt + 90_000)).toEqual({ ok: false, error: "conflict" });
    expect(await moveAndWrite(ctx, await row(fast), { type: "fail", reason: "too_late" }, SYSTEM, atForm.createdAt + 90_000)).toEqual({ ok: false, error: "not_open" });

    const page = await funnelOf(partnerId);
    expect(page.method("mobile3")).toEqual(["mobile3", "5", "3", "1", "0", "0", "1", "75%"]);
    expect(page.method("face")).toEqual(["face", "1", "0", "0", "0", "0", "1", "—"]);
    expect(page.method("bankcard4")).toEqual(["bankcard4", "1", "0", "0", "1", "0", "0", "0%"]);
    // Left before choosing, and never touched: no method; an open one leaves "none" when it chooses.
    expect(page.method("none")).toEqual(["未选择", "2", "0", "0", "0", "1", "1", "—"]);
    expect(page.days().map((d) => d.slice(1))).toEqual([["9", "3", "1", "1", "1", "3"]]);
    expect(page.html).toMatch(/name_id_mismatch<\/th><td>1<\/td>/);
    expect(page.html).not.toContain("too_late");
    expect(page.html).toMatch(/<th scope="row">start<\/th><td>1<\/td>/);
    expect(page.html).toMatch(/<th scope="row">form<\/th><td>1<\/td>/);
    // 1, 2 and 3 minutes: the median's bucket is [107.6 s, 128 s), read at its middle.
    expect(page.html).toContain("认证通过的中位用时约 1:58（");
    expect(page.html).toContain('<svg viewBox="0 0 720 200" class="chart" role="img" aria-labelledby="chart-title">');
  });

  it("should hold the same counts as the migration's backfill would make from the verifications", async () => {
    const { testKey, id: partnerId } = await newPartner("回填合作方");
    const scope = { partnerId, livemode: false };
    const [a, b, c] = await Promise.all([newVerification(testKey), newVerification(testKey), newVerification(testKey)]);
    const ra = (await getVerification(ctx.db, scope, a.id))!;
    await moveAndWrite(ctx, ra, { type: "start", method: "mobile3", plan: ["form", "sms_code"] }, SYSTEM, ra.createdAt + 1_000);
    const ra2 = (await getVerification(ctx.db, scope, a.id))!;
    await moveAndWrite(ctx, ra2, { type: "step_passed", step: "form" }, SYSTEM, ra.createdAt + 5_000);
    const ra3 = (await getVerification(ctx.db, scope, a.id))!;
    await moveAndWrite(ctx, ra3, { type: "step_passed", step: "sms_code" }, SYSTEM, ra.createdAt + 47_000);
    const rb = (await getVerification(ctx.db, scope, b.id))!;
    await moveAndWrite(ctx, rb, { type: "cancel" }, SYSTEM, rb.createdAt + 3_000);
    void c;

    // The backfill's statement, into a twin of the roll-up, for this partner's verifications only.
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0019_funnel_rollup"))!;
    const backfill = migration.queries.find((q) => q.includes("WITH edges"))!;
    const statement = backfill.slice(backfill.indexOf("WITH edges"));
    // Its bucket edges are the writer's.
    expect(/VALUES (.*?)\)\s*INSERT/s.exec(statement)?.[1]?.match(/\d+/g)?.map(Number)).toEqual(DURATION_EDGES);
    const twin = statement.replace("INSERT INTO `funnel_daily`", "INSERT INTO funnel_twin").replace("FROM `verifications` v", "FROM `verifications` v WHERE v.partner_id = ?");
    await env.DB.prepare("CREATE TABLE IF NOT EXISTS funnel_twin AS SELECT * FROM funnel_daily WHERE 0").run();
    await env.DB.prepare("DELETE FROM funnel_twin").run();
    await env.DB.prepare(twin).bind(partnerId).run();
    const keyed = "select day, method, status, detail, bucket, n from %t where partner_id = ? and n <> 0 order by method, status, detail, bucket";
    const rolled = await env.DB.prepare(keyed.replace("%t", "funnel_daily")).bind(partnerId).all();
    const filled = await env.DB.prepare(keyed.replace("%t", "funnel_twin")).bind(partnerId).all();
    expect(rolled.results).toEqual(filled.results);
    expect(rolled.results.map((r) => [r.method, r.status, r.detail, r.n])).toEqual([
      ["", "canceled", "start", 1],
      ["", "open", "", 1],
      ["mobile3", "verified", "", 1],
    ]);
  });
});
