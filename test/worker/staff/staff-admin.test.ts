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
