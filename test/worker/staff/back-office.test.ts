// The back office's door and its first pages, in workerd: Cloudflare Access's JWT (here signed by
// the development key, checked the same way), roles, revocation, the audit log, cross-site forms,
// framing, and the case search by keyed hash.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { textOf } from "../applicant";
import { BASE, newPartner, newVerification } from "../helpers";
import { staffMember, staffToken } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;
async function get(path: string, jwt?: string, headers: Record<string, string> = {}) {
  const res = await worker.fetch(new Request(`${BASE}${path}`, { headers: { ...(jwt ? { "cf-access-jwt-assertion": jwt } : {}), "accept-language": "zh-CN", ...headers }, redirect: "manual" }));
  return { status: res.status, headers: res.headers, html: await res.text() };
}

async function post(path: string, jwt: string, fields: Record<string, string>, origin = BASE) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  const res = await worker.fetch(new Request(`${BASE}${path}`, { method: "POST", body, headers: { "cf-access-jwt-assertion": jwt, origin }, redirect: "manual" }));
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

async function auditRows(staffId: string) {
  const rows = await env.DB.prepare("select action, object_type, object_id, data from staff_audit where staff_id = ? order by created_at, rowid")
    .bind(staffId)
    .all<{ action: string; object_type: string | null; object_id: string | null; data: string }>();
  return rows.results.map((r) => ({ ...r, data: JSON.parse(r.data) }));
}

describe("the back office's sign-in", () => {
  it("should let in a staff member whom Access vouches for, and no one else", async () => {
    const reviewer = await staffMember("reviewer");
    const home = await get("/staff", reviewer.jwt);
    expect(home.status).toBe(200);
    expect(textOf(home.html)).toContain("审核员乙（审核员）");
    expect((await get("/staff")).status).toBe(401);
    for (const bad of [
      await staffToken(reviewer.email, { audience: "another-app" }),
      await staffToken(reviewer.email, { issuer: "https://evil.cloudflareaccess.com" }),
      await staffToken(reviewer.email, { expiresIn: "-1m" }),
      await staffToken("nobody@shiming.example"),
      await staffToken(reviewer.email, {
        key: { kty: "EC", crv: "P-256", x: "R_8IXWo0eK9EqO4iOdCE5CCkjtQ5uNlCNp4qyC6yVTk", y: "i2awSHXMz6ti5AAdkK-QvTFoXP1LaqnGBHyoSqFJ_UE", d: "CL9G3hdu5WoRq5cRpOMAuvI1gLrvVWG_A1PM4swsaAk" },
      }),
      "not-a-jwt",
    ]) {
      expect((await get("/staff", bad)).status).toBe(401);
    }
  });

  it("should refuse a revoked member at once, and keep reviewers out of the admins' pages", async () => {
    const admin = await staffMember("admin");
    const reviewer = await staffMember("reviewer");
    expect((await get("/staff/team", reviewer.jwt)).status).toBe(403);
    expect((await get("/staff/team", admin.jwt)).status).toBe(200);
    const revoked = await post(`/staff/team/${reviewer.id}/revoke`, admin.jwt, {});
    expect(revoked).toMatchObject({ status: 303, location: "/staff/team" });
    expect((await get("/staff", reviewer.jwt)).status).toBe(401);
    expect(await auditRows(admin.id)).toContainEqual(expect.objectContaining({ action: "staff.revoked", object_type: "staff", object_id: reviewer.id }));
  });

  it.each([
    ["Chromium's own form under a strict referrer policy", { origin: "null", "sec-fetch-site": "same-origin" }, 303],
    ["a browser that sends only its Origin", { origin: BASE }, 303],
    ["a form on another site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, 403],
    ["a sandboxed frame (Origin null, no vouching)", { origin: "null" }, 403],
    ["a same-site sibling", { origin: BASE, "sec-fetch-site": "same-site" }, 403],
  ] as const)("should judge a POST from %s by Sec-Fetch-Site first, then Origin", async (_, headers, status) => {
    const admin = await staffMember("admin");
    const body = new FormData();
    for (const [k, v] of Object.entries({ email: `h${Date.now()}${Math.random().toString(36).slice(2, 6)}@shiming.example`, name: "新同事", role: "reviewer" })) body.set(k, v);
    const res = await worker.fetch(new Request(`${BASE}/staff/team`, { method: "POST", body, headers: { "cf-access-jwt-assertion": admin.jwt, ...headers }, redirect: "manual" }));
    expect(res.status).toBe(status);
    expect(await res.text()).toBe(status === 403 ? "cross-site request refused" : "");
  });

  it("should add a member from the admins' page, refusing a form from another site", async () => {
    const admin = await staffMember("admin");
    const email = `new${Date.now()}@shiming.example`;
    expect((await post("/staff/team", admin.jwt, { email, name: "新同事", role: "reviewer" }, "https://evil.example")).status).toBe(403);
    expect((await post("/staff/team", admin.jwt, { email: "not-an-email", name: "x", role: "reviewer" })).status).toBe(422);
    expect((await post("/staff/team", admin.jwt, { email, name: "新同事", role: "reviewer" })).status).toBe(303);
    expect((await get("/staff", await staffToken(email))).status).toBe(200);
  });

  it("should not be framed or cached", async () => {
    const reviewer = await staffMember("reviewer");
    const page = await get("/staff", reviewer.jwt);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cache-control")).toBe("no-store");
  });

  it("should sign in locally through the development link, kept in a cookie for /staff only", async () => {
    const reviewer = await staffMember("reviewer");
    const res = await worker.fetch(new Request(`${BASE}/staff/dev-sign-in?token=${reviewer.jwt}`, { redirect: "manual" }));
    expect(res.status).toBe(303);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sm_staff_dev=/);
    expect(cookie).toMatch(/Path=\/staff/);
    expect(cookie).toMatch(/HttpOnly/);
    expect((await get("/staff", undefined, { cookie: cookie.split(";")[0]! })).status).toBe(200);
    expect((await worker.fetch(new Request(`${BASE}/staff/dev-sign-in?token=forged`, { redirect: "manual" }))).status).toBe(401);
  });
});

describe("case search", () => {
  it("should find a verification by a full ID number through its keyed hash, show it masked, and audit the kind of search only", async () => {
    const { testKey } = await newPartner("搜索合作方");
    const idNumber = "110101199003071233";
    const v = await newVerification(testKey, { type: "person", person: { name: "张三", id_number: idNumber }, reference: `ref-${Date.now()}` });
    const reviewer = await staffMember("reviewer");
    const found = await get(`/staff/cases?q=${idNumber}`, reviewer.jwt);
    expect(found.html).toContain(`data-case="${v.id}"`);
    expect(found.html).not.toContain(idNumber);
    expect(textOf(found.html)).toContain("*三 1101************33");
    const byRef = await get(`/staff/cases?q=${v.reference}`, reviewer.jwt);
    expect(byRef.html).toContain(`data-case="${v.id}"`);
    const audit = await auditRows(reviewer.id);
    expect(audit[0]).toMatchObject({ action: "case.searched", data: { by: "id_number_hash", results: 1 } });
    expect(JSON.stringify(audit)).not.toContain(idNumber);

    const opened = await get(`/staff/cases/${v.id}`, reviewer.jwt);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('data-event="verification.created"');
    expect(opened.html).not.toContain(idNumber);
    expect(await auditRows(reviewer.id)).toContainEqual(expect.objectContaining({ action: "case.viewed", object_type: "verification", object_id: v.id }));
  });

  it("should keep the audit log append-only", async () => {
    const reviewer = await staffMember("reviewer");
    await get("/staff/cases?q=nothing-matches", reviewer.jwt);
    await expect(env.DB.prepare("update staff_audit set action = 'x' where staff_id = ?").bind(reviewer.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("delete from staff_audit where staff_id = ?").bind(reviewer.id).run()).rejects.toThrow(/append-only/);
  });
});
