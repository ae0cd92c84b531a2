// Staff members and their audit log.
import { and, desc, eq, isNull, not, sql } from "drizzle-orm";
import type { Database } from "./client";
import { staffAudit, staffMembers } from "./schema";
import { newId } from "../crypto/random";

export type StaffMember = typeof staffMembers.$inferSelect;
export type StaffRole = StaffMember["role"];

/** A member who may sign in now: known by the email Access vouched for, and not revoked. */
export async function activeStaffByEmail(db: Database, email: string): Promise<StaffMember | null> {
  const [row] = await db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.email, email), isNull(staffMembers.revokedAt)))
    .limit(1);
  return row ?? null;
}

export function listStaff(db: Database) {
  return db.select().from(staffMembers).orderBy(staffMembers.createdAt);
}

export async function addStaff(db: Database, input: { email: string; name: string; role: StaffRole }, now: number): Promise<StaffMember | null> {
  const row = { id: newId("stf"), email: input.email.toLowerCase(), name: input.name, role: input.role, createdAt: now, revokedAt: null };
  const inserted = await db.insert(staffMembers).values(row).onConflictDoNothing().returning();
  return inserted[0] ?? null;
}

/** The back office is never left without an admin: in the UPDATE itself, so two changes at once cannot both pass. */
const NOT_THE_LAST_ADMIN = not(and(eq(staffMembers.role, "admin"), sql`(select count(*) from ${staffMembers} where ${staffMembers.role} = 'admin' and ${staffMembers.revokedAt} is null) <= 1`)!);

/** A member's new role; a revoked member keeps theirs (revocation is final). Null when none changed (unknown, revoked, or the last admin). */
export async function setStaffRole(db: Database, id: string, role: StaffRole): Promise<StaffMember | null> {
  const [row] = await db
    .update(staffMembers)
    .set({ role })
    .where(and(eq(staffMembers.id, id), isNull(staffMembers.revokedAt), role === "admin" ? undefined : NOT_THE_LAST_ADMIN))
    .returning();
  return row ?? null;
}

/** Whether a change to this member was refused only because they are the last active admin. */
export async function isLastAdmin(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .select({ role: staffMembers.role })
    .from(staffMembers)
    .where(and(eq(staffMembers.id, id), isNull(staffMembers.revokedAt)))
    .limit(1);
  return row?.role === "admin";
}

export async function revokeStaff(db: Database, id: string, now: number): Promise<boolean> {
  const result = await db
    .update(staffMembers)
    .set({ revokedAt: now })
    .where(and(eq(staffMembers.id, id), isNull(staffMembers.revokedAt), NOT_THE_LAST_ADMIN))
    .returning({ id: staffMembers.id });
  return result.length > 0;
}

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  data?: Record<string, unknown>;
}

export function auditInsert(db: Database, staffId: string, entry: AuditEntry, now: number) {
  return db.insert(staffAudit).values({
    id: newId("aud"),
    staffId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    data: entry.data ?? {},
    createdAt: now,
  });
}

export function auditOf(db: Database, objectType: string, objectId: string) {
  return db
    .select()
    .from(staffAudit)
    .where(and(eq(staffAudit.objectType, objectType), eq(staffAudit.objectId, objectId)))
    .orderBy(desc(staffAudit.createdAt))
    .limit(100);
}
