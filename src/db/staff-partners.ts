// What admins read of partners in the back office: the list with their keys and endpoints
// counted, one partner with its keys (hints only), webhook endpoints and latest deliveries.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "./client";
import { apiKeys, partners, webhookDeliveries, webhookEndpoints, webhookEvents } from "./schema";

export function listPartners(db: Database) {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      createdAt: partners.createdAt,
      activeKeys: sql<number>`(select count(*) from ${apiKeys} where ${apiKeys.partnerId} = ${partners.id} and ${apiKeys.revokedAt} is null)`,
      endpoints: sql<number>`(select count(*) from ${webhookEndpoints} where ${webhookEndpoints.partnerId} = ${partners.id})`,
    })
    .from(partners)
    .orderBy(desc(partners.createdAt))
    .limit(200);
}

export async function partnerDetail(db: Database, id: string) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, id)).limit(1);
  if (!partner) return null;
  const [keys, endpoints, deliveries] = await Promise.all([
    db
      .select({ id: apiKeys.id, mode: apiKeys.mode, hint: apiKeys.hint, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(eq(apiKeys.partnerId, id))
      .orderBy(desc(apiKeys.createdAt))
      .all(),
    db
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, livemode: webhookEndpoints.livemode, status: webhookEndpoints.status })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.partnerId, id))
      .all(),
    db
      .select({
        eventId: webhookEvents.id,
        type: webhookEvents.type,
        verificationId: webhookEvents.verificationId,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        createdAt: webhookDeliveries.createdAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, and(eq(webhookEvents.id, webhookDeliveries.eventId), eq(webhookEvents.partnerId, id)))
      .orderBy(desc(webhookDeliveries.createdAt))
      .limit(50)
      .all(),
  ]);
  return { partner, keys, endpoints, deliveries };
}
