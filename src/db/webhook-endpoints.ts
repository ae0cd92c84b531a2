// Webhook endpoints, partner-scoped. A deleted endpoint is kept (its delivery log stays
// readable in D1) but vanishes from the API; the consumer reads one by id alone, and says so.
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "./client";
import { webhookEndpoints } from "./schema";
import type { PartnerScope } from "./partner-scope";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

const live = (scope: PartnerScope) => [eq(webhookEndpoints.partnerId, scope.partnerId), eq(webhookEndpoints.livemode, scope.livemode), isNull(webhookEndpoints.deletedAt)];

export async function insertEndpoint(db: Database, row: typeof webhookEndpoints.$inferInsert) {
  await db.insert(webhookEndpoints).values(row);
}

export async function countEndpoints(db: Database, scope: PartnerScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(and(...live(scope)));
  return row?.n ?? 0;
}

export function listEndpoints(db: Database, scope: PartnerScope) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(...live(scope)))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .all();
}

export function getEndpoint(db: Database, scope: PartnerScope, id: string) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), ...live(scope)))
    .get();
}

/** Enabled endpoints of the event's partner and mode that subscribe to `type`. */
export async function endpointsForEvent(db: Database, scope: PartnerScope, type: string) {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(...live(scope), eq(webhookEndpoints.status, "enabled")))
    .all();
  return rows.filter((e) => e.events === null || e.events.includes(type));
}

/** By id alone, for the queue consumer: a delivery names its endpoint. */
export function getEndpointForDelivery(db: Database, id: string) {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
}

export async function updateEndpoint(db: Database, scope: PartnerScope, id: string, patch: Partial<Omit<WebhookEndpointRow, "id" | "partnerId" | "livemode">>) {
  const rows = await db
    .update(webhookEndpoints)
    .set(patch)
    .where(and(eq(webhookEndpoints.id, id), ...live(scope)))
    .returning();
  return rows[0];
}

/** For the consumer's batch: a 410 answer turns the endpoint off. */
export function disableEndpointStatement(db: Database, id: string, reason: string, now: number) {
  return db.update(webhookEndpoints).set({ status: "disabled", disabledReason: reason, updatedAt: now }).where(eq(webhookEndpoints.id, id));
}
