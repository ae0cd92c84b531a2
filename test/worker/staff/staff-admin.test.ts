// Staff and roles managed by admins on /staff/team and through the operator API: add, set the
// role, revoke; every change audited; a member revoked or demoted is refused at once.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADMIN, BASE, call } from "../helpers";
import { staffMember, staffToken } from "./sign-in";

const worker = (exports as unknown as { default: Fetcher }).default;
const admin = (path: string, body?: unknown, method?: string) => call(`/admin/v1${path}`, { key: ADMIN, ...(body === undefined ? {} : { body }), ...(method ? { method } : {}) });
const get = async (path: string, jwt: string) => (await worker.fetch(new Request(`${BASE}${path}`, { headers: { "cf-access-jwt-assertion": jwt } }))).status;
const uniqueEmail = () => `m${Date.now()}${Math.random().toString(36).slice(2, 6)}@shiming.example`;

async function auditOf(id: string) {
  const rows = await env.DB.prepare("select staff_id, action, data from staff_audit where object_type = 'staff' and object_id = ? order by created_at, rowid")
    .bind(id)
    .all<{ staff_id: string; action: string; data: string }>();
  return rows.results.map((r) => ({ by: r.staff_id, action: r.action, data: JSON.parse(r.data) }));
}

describe("staff through the operator API", () => {
  it("should add, promote and revoke a member, each audited, the role taking effect at once", async () => {
    await staffMember("admin"); // another admin, so this one may be revoked
    const email = uniqueEmail();
    const added = await admin("/staff", { email: email.toUpperCase(), name: "新审核员", role: "reviewer" });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ object: "staff_member", email, name: "新审核员", role: "reviewer", revoked_at: null });
    const id = (added.json as { id: string }).id;
    const jwt = await staffToken(email);
    expect(await get("/staff/partners", jwt)).toBe(403);

    const promoted = await admin(`/staff/${id}`, { role: "admin" }, "PATCH");
    expect(promoted.json).toMatchObject({ id, role: "admin" });
    expect(await get("/staff/partners", jwt)).toBe(200);

    const listed = await admin("/staff");
    expect((listed.json as { data: { id: string; role: string }[] }).data.find((m) => m.id === id)).toMatchObject({ role: "admin" });

    const revoked = await admin(`/staff/${id}/revoke`, {});
    expect(revoked.json).toMatchObject({ id, revoked_at: expect.any(String) });
    expect(await get("/staff", jwt)).toBe(401);
    expect((await auditOf(id)).map((a) => [a.by, a.action, a.data.role])).toEqual([
      ["operator_api", "staff.added", "reviewer"],
      ["operator_api", "staff.role_set", "admin"],
      ["operator_api", "staff.revoked", undefined],
    ]);
  });

  it("should refuse a second member with the same email, a bad role, and a revoked member's new role, in problem+json", async () => {
    const email = uniqueEmail();
    expect((await admin("/staff", { email, name: "甲", role: "reviewer" })).status).toBe(201);
    const again = await admin("/staff", { email, name: "乙", role: "reviewer" });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ detail: `${email} is a staff member already.` });
    const bad = await admin("/staff", { email: uniqueEmail(), name: "丙", role: "owner" });
    expect(bad.status).toBe(400);
    expect((bad.json as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["role"]);
    const missing = await admin("/staff/stf_nobody/revoke", {});
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ detail: "No active staff member stf_nobody." });
    expect((await call("/admin/v1/staff")).status).toBe(401);
  });
});

describe("staff roles on /staff/team", () => {
  it("should let an admin set a member's role, audited, and refuse a reviewer", async () => {
    const boss = await staffMember("admin");
    const member = await staffMember("reviewer");
    const form = (role: string) => {
      const body = new FormData();
      body.set("role", role);
      return body;
    };
    const post = (jwt: string, role: string) =>
      worker.fetch(new Request(`${BASE}/staff/team/${member.id}/role`, { method: "POST", body: form(role), headers: { "cf-access-jwt-assertion": jwt, origin: BASE }, redirect: "manual" }));
    expect((await post(member.jwt, "admin")).status).toBe(403);
    expect((await post(boss.jwt, "owner")).status).toBe(422);
    expect((await post(boss.jwt, "admin")).status).toBe(303);
    expect(await get("/staff/team", member.jwt)).toBe(200);
    expect((await auditOf(member.id)).map((a) => [a.by, a.action, a.data.role])).toEqual([[boss.id, "staff.role_set", "admin"]]);
    const page = await (await worker.fetch(new Request(`${BASE}/staff/team`, { headers: { "cf-access-jwt-assertion": boss.jwt, "accept-language": "zh-CN" } }))).text();
    expect(page).toMatch(new RegExp(`<select id="f-role-${member.id}" name="role"><option value="reviewer">审核员</option><option value="admin" selected="">管理员</option>`));
  });
});

describe("the last admin", () => {
  it("should never be demoted or revoked, on the page or through the API, said in words", async () => {
    await env.DB.prepare("update staff_members set revoked_at = 1 where role = 'admin' and revoked_at is null").run();
    const last = await staffMember("admin", "最后的管理员");
    const demote = await admin(`/staff/${last.id}`, { role: "reviewer" }, "PATCH");
    expect(demote.status).toBe(409);
    expect(demote.json).toMatchObject({ detail: `Staff member ${last.id} is the last active admin: make another member admin first.` });
    expect((await admin(`/staff/${last.id}/revoke`, {})).status).toBe(409);
    const body = new FormData();
    body.set("role", "reviewer");
    const page = await worker.fetch(
      new Request(`${BASE}/staff/team/${last.id}/role`, { method: "POST", body, headers: { "cf-access-jwt-assertion": last.jwt, origin: BASE, "accept-language": "zh-CN" }, redirect: "manual" }),
    );
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("未修改：后台至少要有一名管理员。");
    expect(await get("/staff/team", last.jwt)).toBe(200);
    // With a second admin, the first may step down.
    await staffMember("admin");
    expect((await admin(`/staff/${last.id}`, { role: "reviewer" }, "PATCH")).json).toMatchObject({ role: "reviewer" });
  });
});
