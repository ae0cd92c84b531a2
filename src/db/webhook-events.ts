// Webhook events: the outbox rows written beside a status change, and the partner's event list.
// Partner-facing reads take a PartnerScope and see 30 days back; the queue consumer and the cron
// sweep read across partners, and their names say so.
import { and, asc, desc, eq, gte, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { DAY } from "../domain/clock";
import type { OutboxEntry } from "../webhooks/events";
import type { Database } from "./client";
import { webhookEvents, verifications } from "./schema";
import type { PartnerScope } from "./partner-scope";

export const EVENT_RETENTION = 30 * DAY;

export type WebhookEventRow = typeof webhookEvents.$inferSelect;

/**
 * The outbox insert for a batch. With `guard` (the verification's id-and-version condition) the
 * row is inserted only if that condition holds when the batch runs, so the event exists exactly
 * when the status change it reports does.
 */
export function outboxInsert(db: Database, e: OutboxEntry, guard?: SQL) {
  if (!guard) return db.insert(webhookEvents).values({ ...e, queuedAt: null });
  return db.insert(webhookEvents).select(
    db
      .select({
        id: sql`${e.id}`.as("id"),
        partnerId: verifications.partnerId,
        livemode: verifications.livemode,
        verificationId: verifications.id,
        type: sql`${e.type}`.as("type"),
        body: sql`${e.body}`.as("body"),
        createdAt: sql`${e.createdAt}`.as("created_at"),
        queuedAt: sql`null`.as("queued_at"),
      })
      .from(verifications)
      .where(guard),
  );
}

/** The consumer took the event: the cron sweep stops queueing it again. */
export async function markQueued(db: Database, id: string, now: number) {
  await db
    .update(webhookEvents)
    .set({ queuedAt: now })
    .where(and(eq(webhookEvents.id, id), isNull(webhookEvents.queuedAt)));
}

/** Across partners, for the cron sweep: events no consumer has taken yet (refused or lost sends), oldest first. */
export function listUnqueuedEventsAcrossPartners(db: Database, olderThan: number, limit: number) {
  return db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(isNull(webhookEvents.queuedAt), lte(webhookEvents.createdAt, olderThan)))
    .orderBy(asc(webhookEvents.createdAt))
    .limit(limit)
    .all();
}

/** By id alone, for the queue consumer: the message names the event, not the partner. */
export function getEventForDelivery(db: Database, id: string) {
  return db.select().from(webhookEvents).where(eq(webhookEvents.id, id)).get();
}

export function getEvent(db: Database, scope: PartnerScope, id: string, now: number) {
  return db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, id), ...inScope(scope, now)))
    .get();
}

export interface EventListFilter {
  type?: string | undefined;
  limit: number;
  startingAfter?: { id: string; createdAt: number } | undefined;
}

export function listEventsForPartner(db: Database, scope: PartnerScope, filter: EventListFilter, now: number) {
  const after = filter.startingAfter;
  return db
    .select()
    .from(webhookEvents)
    .where(
      and(
        ...inScope(scope, now),
        filter.type === undefined ? undefined : eq(webhookEvents.type, filter.type),
        after === undefined ? undefined : or(lt(webhookEvents.createdAt, after.createdAt), and(eq(webhookEvents.createdAt, after.createdAt), lt(webhookEvents.id, after.id))),
      ),
    )
    .orderBy(desc(webhookEvents.createdAt), desc(webhookEvents.id))
    .limit(filter.limit + 1)
    .all();
}

function inScope(scope: PartnerScope, now: number): SQL[] {
  return [eq(webhookEvents.partnerId, scope.partnerId), eq(webhookEvents.livemode, scope.livemode), gte(webhookEvents.createdAt, now - EVENT_RETENTION)];
}
