// The admins' partner pages: create a partner (its test key shown once), create and revoke keys
// (a revoked key stops working at once), redeliver an event; reviewers are kept out; all audited.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { textOf } from "../applicant";
import { BASE, call } from "../helpers";
import { staffMember } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;

async function send(path: string, jwt: string, fields?: Record<string, string>) {
  const init: RequestInit = { headers: { "cf-access-jwt-assertion": jwt, origin: BASE, "accept-language": "zh-CN" }, redirect: "manual" };
  if (fields) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    Object.assign(init, { method: "POST", body });
  }
  const res = await worker.fetch(new Request(`${BASE}${path}`, init));
  return { status: res.status, location: res.headers.get("location"), headers: res.headers, html: await res.text() };
}

describe("the partner pages", () => {
  it("should create a partner with its test key shown once, then a key revoked from the page stops working", async () => {
    const admin = await staffMember("admin");
    const created = await send("/staff/partners", admin.jwt, { name: "页面新建合作方" });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const key = /<code>(sk_test_[0-9A-Za-z]+)<\/code>/.exec(created.html)?.[1];
    expect(key).toBeDefined();
    expect((await call("/v1/verifications", { key })).status).toBe(200);
    const partnerId = /action="\/staff\/partners\/(ptn_[0-9A-Za-z]+)\/keys"/.exec(created.html)![1]!;
    // Shown again, the page has only its hint.
    const again = await send(`/staff/partners/${partnerId}`, admin.jwt);
    expect(again.html).not.toContain(key!);
    expect(again.html).toContain(`sk_test_…${key!.slice(-4)}`);
    const keyId = /data-key="(key_[0-9A-Za-z]+)"/.exec(again.html)![1]!;
    expect(await send(`/staff/partners/${partnerId}/keys/${keyId}/revoke`, admin.jwt, {})).toMatchObject({ status: 303 });
    expect((await call("/v1/verifications", { key })).status).toBe(401);
    const live = await send(`/staff/partners/${partnerId}/keys`, admin.jwt, { mode: "live" });
    expect(live.html).toMatch(/<code>sk_live_[0-9A-Za-z]+<\/code>/);
    const audit = await env.DB.prepare("select action, data from staff_audit where staff_id = ? order by created_at, rowid").bind(admin.id).all<{ action: string; data: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(["partner.created", "key.revoked", "key.created"]);
    expect(JSON.stringify(audit.results)).not.toContain(key!);
  });

  it("should keep reviewers out, and refuse a form from another site", async () => {
    const reviewer = await staffMember("reviewer");
    expect((await send("/staff/partners", reviewer.jwt)).status).toBe(403);
    const admin = await staffMember("admin");
    const forged = await worker.fetch(
      new Request(`${BASE}/staff/partners`, { method: "POST", body: new URLSearchParams({ name: "x" }), headers: { "cf-access-jwt-assertion": admin.jwt, origin: "https://evil.example" } }),
    );
    expect(forged.status).toBe(403);
    expect(textOf(await (await send("/staff/partners", admin.jwt)).html)).toContain("添加合作方");
  });
});
