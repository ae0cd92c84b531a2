// The operator API's staff: the same members and roles admins manage on /staff/team, for
// automation (a new reviewer on the first day, a leaver revoked at once). Each change is a
// staff_audit row by `operator_api`.
import { Hono } from "hono";
import { addStaff, auditInsert, isLastAdmin, listStaff, revokeStaff, type StaffMember, setStaffRole } from "../db/staff";
import { iso } from "../domain/clock";
import { createStaffRequest, updateStaffRequest } from "../http/admin-schemas";
import { adminAuth } from "../http/admin-auth";
import type { AppEnv } from "../http/app-env";
import { text } from "../http/api-messages";
import { ProblemError } from "../http/problem";
import { parseOrThrow, readJson } from "../http/validation";

export const adminStaff = new Hono<AppEnv>();
adminStaff.use("*", adminAuth);

const staffObject = (m: StaffMember) => ({
  id: m.id,
  object: "staff_member",
  email: m.email,
  name: m.name,
  role: m.role,
  created_at: iso(m.createdAt),
  revoked_at: iso(m.revokedAt),
});

/** Nothing changed: the last active admin is kept (409), anything else is not an active member (404). */
async function refused(c: { var: { db: Parameters<typeof isLastAdmin>[0] } }, id: string) {
  if (await isLastAdmin(c.var.db, id)) return new ProblemError("conflict", text("detail.staff_last_admin", { id }));
  return new ProblemError("not_found", text("detail.staff_not_found", { id }));
}

adminStaff.get("/staff", async (c) => c.json({ object: "list", data: (await listStaff(c.var.db)).map(staffObject) }));

adminStaff.post("/staff", async (c) => {
  const input = parseOrThrow(createStaffRequest, await readJson(c), "body");
  const added = await addStaff(c.var.db, input, c.var.now);
  if (!added) throw new ProblemError("conflict", text("detail.staff_exists", { email: input.email.toLowerCase() }));
  await auditInsert(c.var.db, "operator_api", { action: "staff.added", objectType: "staff", objectId: added.id, data: { role: added.role } }, c.var.now);
  return c.json(staffObject(added), 201);
});

adminStaff.patch("/staff/:id", async (c) => {
  const id = c.req.param("id");
  const input = parseOrThrow(updateStaffRequest, await readJson(c), "body");
  const updated = await setStaffRole(c.var.db, id, input.role);
  if (!updated) throw await refused(c, id);
  await auditInsert(c.var.db, "operator_api", { action: "staff.role_set", objectType: "staff", objectId: id, data: { role: input.role } }, c.var.now);
  return c.json(staffObject(updated));
});

adminStaff.post("/staff/:id/revoke", async (c) => {
  const id = c.req.param("id");
  if (!(await revokeStaff(c.var.db, id, c.var.now))) throw await refused(c, id);
  await auditInsert(c.var.db, "operator_api", { action: "staff.revoked", objectType: "staff", objectId: id }, c.var.now);
  const [member] = (await listStaff(c.var.db)).filter((m) => m.id === id);
  return c.json(staffObject(member!));
});
