// The funnel page, over verifications of one partner put in each outcome.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, newPartner, newVerification } from "../helpers";
import { staffMember } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;

async function setRow(id: string, status: string, method: string | null, extra: { reason?: string; tookMs?: number } = {}) {
  const row = await env.DB.prepare("select created_at from verifications where id = ?").bind(id).first<{ created_at: number }>();
  await env.DB.prepare("update verifications set status = ?, method = ?, failure_reason = ?, completed_at = ?, version = version + 1 where id = ?")
    .bind(status, method, extra.reason ?? null, extra.tookMs === undefined ? null : row!.created_at + extra.tookMs, id)
    .run();
}

describe("the funnel", () => {
  it("should count each outcome per method, the failure reasons and the median time to verify, for one partner", async () => {
    const { testKey, id: partnerId } = await newPartner("漏斗合作方");
    const ids = await Promise.all(Array.from({ length: 6 }, () => newVerification(testKey).then((v) => v.id)));
    await setRow(ids[0]!, "verified", "mobile3", { tookMs: 60_000 });
    await setRow(ids[1]!, "verified", "mobile3", { tookMs: 180_000 });
    await setRow(ids[2]!, "verified", "mobile3", { tookMs: 120_000 });
    await setRow(ids[3]!, "failed", "mobile3", { reason: "name_id_mismatch", tookMs: 10_000 });
    await setRow(ids[4]!, "expired", null);
    const res = await worker.fetch(
      new Request(`${BASE}/staff/funnel?partner=${partnerId}`, { headers: { "cf-access-jwt-assertion": (await staffMember("reviewer")).jwt, "accept-language": "zh-CN" } }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const row = (method: string) =>
      [...html.matchAll(/<tr data-method="([^"]+)">(.*?)<\/tr>/gs)]
        .find((m) => m[1] === method)?.[2]
        ?.replace(/<[^>]+>/g, " ")
        .trim()
        .split(/\s+/);
    // method, started, verified, failed, expired, abandoned, open, pass rate
    expect(row("mobile3")).toEqual(["mobile3", "4", "3", "1", "0", "0", "0", "75%"]);
    expect(row("none")).toEqual(["未选择", "2", "0", "0", "0", "1", "1", "—"]);
    expect(html).toMatch(/name_id_mismatch<\/th><td>1<\/td>/);
    expect(html).toContain("认证通过的中位用时：2:00。");
    expect(html).toContain('<svg viewBox="0 0 720 200" class="chart" role="img" aria-labelledby="chart-title">');
  });
});
