// Verification rows and their event log. Partner-facing functions take a PartnerScope; the one
// deliberate exception (the hosted page, which the applicant reaches by unguessable id) says so
// in its name. Every write that changes a verification appends its event in the same batch.
import { and, desc, eq, gt, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type Actor, isOpen, OPEN_STATUSES } from "../domain/verification/status";
import { newId } from "../crypto/random";
import type { OutboxEntry } from "../webhooks/events";
import type { Database } from "./client";
import type { PartnerScope } from "./partner-scope";
import { partners, verificationEvents, verifications } from "./schema";
import { outboxInsert } from "./webhook-events";

export type VerificationRow = typeof verifications.$inferSelect;
export type NewVerificationRow = typeof verifications.$inferInsert;
export type VerificationPatch = Partial<Omit<VerificationRow, "id" | "partnerId" | "livemode" | "version">>;

// Callers that take the scope with these queries may keep importing it from here.
export type { PartnerScope } from "./partner-scope";

export interface EventInput {
  type: string;
  actor: Actor;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown>;
}

/** Inserts a verification with its first event (and webhook event) in one batch; answers the stored row, defaults included. */
/** `alongside`: other rows of the same batch, standing or falling with the insert (the funnel's count). */
export async function insertVerification(
  db: Database,
  row: NewVerificationRow,
  event: EventInput,
  outbox: OutboxEntry | null = null,
  alongside: readonly BatchItem<"sqlite">[] = [],
): Promise<VerificationRow> {
  const rest = [...(outbox ? [outboxInsert(db, outbox)] : []), ...alongside];
  const [inserted] = await db.batch([db.insert(verifications).values(row).returning(), db.insert(verificationEvents).values(eventRow(row, event)), ...rest]);
  return inserted[0]!;
}

function eventRow(v: { id: string; partnerId: string; createdAt?: number; updatedAt?: number }, e: EventInput) {
  return {
    id: newId("evt"),
    verificationId: v.id,
    partnerId: v.partnerId,
    type: e.type,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    actor: e.actor,
    data: e.data ?? {},
    createdAt: v.updatedAt ?? v.createdAt ?? Date.now(),
  };
}

export function getVerification(db: Database, scope: PartnerScope, id: string) {
  return db
    .select()
    .from(verifications)
    .where(and(eq(verifications.id, id), eq(verifications.partnerId, scope.partnerId), eq(verifications.livemode, scope.livemode)))
    .get();
}

/** Unscoped on purpose: the applicant holds the unguessable id, not a partner key. */
export async function getVerificationForApplicant(db: Database, id: string) {
  const found = await db
    .select({ row: verifications, partnerName: partners.name })
    .from(verifications)
    .innerJoin(partners, eq(partners.id, verifications.partnerId))
    .where(eq(verifications.id, id))
    .get();
  return found ? { ...found.row, partnerName: found.partnerName } : undefined;
}

export interface ListFilter {
  status?: string | undefined;
  reference?: string | undefined;
  limit: number;
  startingAfter?: { id: string; createdAt: number } | undefined;
}

export function listVerifications(db: Database, scope: PartnerScope, filter: ListFilter, now: number) {
  const conditions: (SQL | undefined)[] = [
    eq(verifications.partnerId, scope.partnerId),
    eq(verifications.livemode, scope.livemode),
    filter.reference === undefined ? undefined : eq(verifications.reference, filter.reference),
    filter.status === undefined ? undefined : statusCondition(filter.status, now),
    filter.startingAfter === undefined
      ? undefined
      : or(lt(verifications.createdAt, filter.startingAfter.createdAt), and(eq(verifications.createdAt, filter.startingAfter.createdAt), lt(verifications.id, filter.startingAfter.id))),
  ];
  return db
    .select()
    .from(verifications)
    .where(and(...conditions))
    .orderBy(desc(verifications.createdAt), desc(verifications.id))
    .limit(filter.limit + 1)
    .all();
}

// Filters by the status a reader sees (effectiveStatus), so an overdue open row counts as expired.
function statusCondition(status: string, now: number): SQL | undefined {
  const open = inArray(verifications.status, [...OPEN_STATUSES]);
  if (status === "expired") return or(eq(verifications.status, "expired"), and(open, lte(verifications.expiresAt, now)));
  if (isOpen(status)) return and(eq(verifications.status, status), gt(verifications.expiresAt, now));
  return eq(verifications.status, status);
}

/**
 * More writes for a change's batch. An array runs whether or not the guard holds (evidence of what
 * happened); a function gets the guard, for writes that stand or fall with the change.
 */
export type Extras = BatchItem<"sqlite">[] | ((guard: SQL) => BatchItem<"sqlite">[]);

export function extrasFor(extra: Extras | undefined, guard: SQL): BatchItem<"sqlite">[] {
  return typeof extra === "function" ? extra(guard) : (extra ?? []);
}

/**
 * Optimistic write: applies `patch` only if the row still has `version`, and appends the event
 * in the same transaction. The event insert, and the webhook outbox row when the status changes
 * to one partners hear about, are conditioned on the same version, so all happen or none does.
 * Returns false when another writer won.
 */
export async function updateVerification(
  db: Database,
  current: Pick<VerificationRow, "id" | "partnerId" | "version">,
  patch: VerificationPatch & { updatedAt: number },
  event: EventInput,
  extraItems: Extras = [],
  outbox: OutboxEntry | null = null,
): Promise<boolean> {
  const { items, updateAt } = updateBatch(db, current, patch, event, extraItems, outbox);
  const results = await db.batch(items);
  return wrote(results[updateAt]);
}

/**
 * The same write, with one read after it in the same round trip (what the next page needs), so a
 * request that writes and then renders pays for one trip instead of two.
 */
export async function updateVerificationThenRead<Read extends BatchItem<"sqlite">>(
  db: Database,
  current: Pick<VerificationRow, "id" | "partnerId" | "version">,
  patch: VerificationPatch & { updatedAt: number },
  event: EventInput,
  extraItems: Extras,
  read: Read,
): Promise<{ written: boolean; read: Awaited<Read> }> {
  const { items, updateAt } = updateBatch(db, current, patch, event, extraItems, null);
  const results = await db.batch([...items, read]);
  return { written: wrote(results[updateAt]), read: results[results.length - 1] as Awaited<Read> };
}

function wrote(rows: unknown): boolean {
  return Array.isArray(rows) && rows.length === 1;
}

function updateBatch(
  db: Database,
  current: Pick<VerificationRow, "id" | "partnerId" | "version">,
  patch: VerificationPatch & { updatedAt: number },
  event: EventInput,
  extraItems: Extras,
  outbox: OutboxEntry | null,
): { items: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]; updateAt: number } {
  const guard = and(eq(verifications.id, current.id), eq(verifications.version, current.version))!;
  const extra = extrasFor(extraItems, guard);
  const update = db
    .update(verifications)
    .set({ ...patch, version: current.version + 1 })
    .where(guard)
    .returning({ id: verifications.id });
  const insertEvent = guardedEventInsert(db, current, event, patch.updatedAt, guard);
  // Guarded inserts run before the update: after it, the version no longer matches. The extras
  // (unguarded) go first, so what led to the change (a code checked) precedes it in the log.
  const outboxItems = outbox ? [outboxInsert(db, outbox, guard)] : [];
  const items: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] = [insertEvent, ...outboxItems, update];
  return { items: [...extra, ...items] as typeof items, updateAt: extra.length + items.length - 1 };
}

export function listEvents(db: Database, verificationId: string) {
  return db.select().from(verificationEvents).where(eq(verificationEvents.verificationId, verificationId)).orderBy(verificationEvents.createdAt, verificationEvents.id).all();
}

/** Appends an event that changes no status (an attempt, a code sent); no version guard needed. */
export async function appendEvent(db: Database, v: Pick<VerificationRow, "id" | "partnerId">, event: EventInput, now: number) {
  await eventInsert(db, v, event, now);
}

/** Several such events in one round trip (e.g. every provider call a check made). */
export async function appendEvents(db: Database, v: Pick<VerificationRow, "id" | "partnerId">, events: EventInput[], now: number) {
  const [first, ...rest] = events.map((e) => eventInsert(db, v, e, now));
  if (first) await db.batch([first, ...rest]);
}

/** An event that is written only if `guard` (a version check) still holds: it must run before the update it guards. */
export function guardedEventInsert(db: Database, v: Pick<VerificationRow, "id" | "partnerId">, event: EventInput, now: number, guard: SQL) {
  const e = eventRow({ id: v.id, partnerId: v.partnerId, createdAt: now }, event);
  return db.insert(verificationEvents).select(
    db
      .select({
        id: sql`${e.id}`.as("id"),
        verificationId: verifications.id,
        partnerId: verifications.partnerId,
        type: sql`${e.type}`.as("type"),
        fromStatus: sql`${e.fromStatus}`.as("from_status"),
        toStatus: sql`${e.toStatus}`.as("to_status"),
        actor: sql`${e.actor}`.as("actor"),
        data: sql`${JSON.stringify(e.data)}`.as("data"),
        createdAt: sql`${e.createdAt}`.as("created_at"),
      })
      .from(verifications)
      .where(guard),
  );
}

/** The insert of an event that changes no status, to run alone or inside another write's batch. */
export function eventInsert(db: Database, v: Pick<VerificationRow, "id" | "partnerId">, event: EventInput, now: number) {
  // Only id and partner: a whole row's updatedAt would win over `now` in eventRow.
  return db.insert(verificationEvents).values(eventRow({ id: v.id, partnerId: v.partnerId, createdAt: now }, event));
}

/** Across partners, for the cron: open verifications past their expiry, oldest first. */
export function listOverdueVerificationsAcrossPartners(db: Database, now: number, limit: number) {
  return db
    .select()
    .from(verifications)
    .where(and(inArray(verifications.status, [...OPEN_STATUSES]), lte(verifications.expiresAt, now)))
    .orderBy(verifications.expiresAt)
    .limit(limit)
    .all();
}
