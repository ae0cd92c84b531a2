// Webhook deliveries (one event owed to one endpoint) and their attempt log. The consumer works
// on them by id across partners; the log is read through an endpoint the partner owns.
import { and, desc, eq, inArray, lt, lte, or } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { newId } from "../crypto/random";
import type { Database } from "./client";
import { webhookAttempts, webhookDeliveries, webhookEvents } from "./schema";

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

/**
 * Creates the deliveries of one event; returns the ids actually created. The automatic fan-out
 * (manual = false) is unique per event and endpoint, so a repeated event message adds nothing.
 */
export async function insertDeliveries(db: Database, eventId: string, endpointIds: string[], manual: boolean, now: number): Promise<{ id: string; endpointId: string }[]> {
  if (endpointIds.length === 0) return [];
  const rows = endpointIds.map((endpointId) => ({
    id: newId("dlv"),
    eventId,
    endpointId,
    manual,
    status: "pending" as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  // Ten rows per statement (D1 binds at most 100 parameters), all statements in one round trip.
  const inserts = [];
  for (let i = 0; i < rows.length; i += 10) {
    inserts.push(
      db
        .insert(webhookDeliveries)
        .values(rows.slice(i, i + 10))
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId }),
    );
  }
  const [first, ...rest] = inserts;
  return first ? (await db.batch([first, ...rest])).flat() : [];
}

/** By id alone, for the queue consumer: the message names the delivery, not the partner. */
export function getDeliveryForConsumer(db: Database, id: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
}

/**
 * Claims the next attempt: counts it and pushes `next_attempt_at` to `leaseUntil`, only if no
 * one else claimed it since `d` was read. Returns false when another consumer got there first.
 */
export async function claimAttempt(db: Database, d: DeliveryRow, leaseUntil: number, now: number): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ attempts: d.attempts + 1, nextAttemptAt: leaseUntil, updatedAt: now })
    .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.attempts, d.attempts)))
    .returning({ id: webhookDeliveries.id });
  return rows.length === 1;
}

/** The endpoint was deleted or disabled while the delivery waited: nothing more to send. */
export async function abandonDelivery(db: Database, id: string, now: number) {
  await db.update(webhookDeliveries).set({ status: "abandoned", nextAttemptAt: null, updatedAt: now }).where(eq(webhookDeliveries.id, id));
}

export type DeliveryOutcome = Pick<DeliveryRow, "status" | "nextAttemptAt">;

/** Logs the attempt and moves the delivery on, in one batch with whatever else must happen. */
export async function recordAttempt(db: Database, attempt: Omit<AttemptRow, "id">, outcome: DeliveryOutcome, also: BatchItem<"sqlite">[] = []) {
  await db.batch([
    db.insert(webhookAttempts).values({ id: newId("att"), ...attempt }),
    db
      .update(webhookDeliveries)
      .set({ ...outcome, updatedAt: attempt.attemptedAt })
      .where(eq(webhookDeliveries.id, attempt.deliveryId)),
    ...also,
  ]);
}

/**
 * Across partners, for the cron sweep: pending deliveries due before `dueBefore` (their message
 * seems lost), rescheduled to `now` in the same statement that picks them, so the next sweeps pass
 * them over for a whole window and the consumer drops any older message for them as stale.
 */
export function takeOverdueDeliveriesAcrossPartners(db: Database, dueBefore: number, now: number, limit: number) {
  const overdue = and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, dueBefore));
  const picked = db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(overdue).limit(limit);
  return db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: now, updatedAt: now })
    .where(and(inArray(webhookDeliveries.id, picked), overdue))
    .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
}

export interface AttemptListFilter {
  limit: number;
  startingAfter?: { id: string; attemptedAt: number } | undefined;
}

/** The log of one endpoint, newest first; the caller has checked the partner owns the endpoint. */
export function listAttempts(db: Database, endpointId: string, filter: AttemptListFilter) {
  const after = filter.startingAfter;
  return db
    .select({ attempt: webhookAttempts, eventType: webhookEvents.type })
    .from(webhookAttempts)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookAttempts.eventId))
    .where(
      and(
        eq(webhookAttempts.endpointId, endpointId),
        after === undefined ? undefined : or(lt(webhookAttempts.attemptedAt, after.attemptedAt), and(eq(webhookAttempts.attemptedAt, after.attemptedAt), lt(webhookAttempts.id, after.id))),
      ),
    )
    .orderBy(desc(webhookAttempts.attemptedAt), desc(webhookAttempts.id))
    .limit(filter.limit + 1)
    .all();
}

export function getAttempt(db: Database, endpointId: string, id: string) {
  return db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.endpointId, endpointId), eq(webhookAttempts.id, id)))
    .get();
}
