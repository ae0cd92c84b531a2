// What staff read of cases: across partners (staff are Shiming's own), newest first, masked
// columns only; a case with its timeline, consents, webhook deliveries and reviews.
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { CaseQuery } from "../staff/search";
import type { Database } from "./client";
import { applicants, consents, partners, reviews, verificationEvents, verifications, webhookDeliveries, webhookEvents } from "./schema";

const LIMIT = 50;

const caseColumns = {
  id: verifications.id,
  partnerId: verifications.partnerId,
  partnerName: partners.name,
  livemode: verifications.livemode,
  type: verifications.type,
  status: verifications.status,
  method: verifications.method,
  reference: verifications.reference,
  personNameMasked: verifications.personNameMasked,
  personIdNumberMasked: verifications.personIdNumberMasked,
  personPhoneMasked: verifications.personPhoneMasked,
  orgName: verifications.orgName,
  orgCredentialCode: verifications.orgCredentialCode,
  orgLegalRepNameMasked: verifications.orgLegalRepNameMasked,
  orgRegistryStatus: verifications.orgRegistryStatus,
  operatorRole: verifications.operatorRole,
  parentId: verifications.parentId,
  failedAttempts: verifications.failedAttempts,
  failureReason: verifications.failureReason,
  createdAt: verifications.createdAt,
  completedAt: verifications.completedAt,
  expiresAt: verifications.expiresAt,
};

export type StaffCase = Awaited<ReturnType<typeof findCases>>[number];

export function findCases(db: Database, q: CaseQuery) {
  const where = (() => {
    switch (q.by) {
      case "id":
        return eq(verifications.id, q.value);
      case "reference":
        return eq(verifications.reference, q.value);
      case "credential_code":
        return eq(verifications.orgCredentialCode, q.value);
      case "id_number_hash":
        return or(eq(verifications.personIdNumberHash, q.value), eq(verifications.orgLegalRepIdNumberHash, q.value));
      case "phone_hash":
        // The method's phone, or the account's (the phone signed in with).
        return or(eq(verifications.personPhoneHash, q.value), inArray(verifications.applicantId, db.select({ id: applicants.id }).from(applicants).where(eq(applicants.phoneHash, q.value))));
    }
  })();
  return db.select(caseColumns).from(verifications).innerJoin(partners, eq(partners.id, verifications.partnerId)).where(where).orderBy(desc(verifications.createdAt)).limit(LIMIT);
}

export async function caseDetail(db: Database, id: string) {
  const [row] = await db.select(caseColumns).from(verifications).innerJoin(partners, eq(partners.id, verifications.partnerId)).where(eq(verifications.id, id)).limit(1);
  if (!row) return null;
  const [events, given, deliveries, children, asked] = await Promise.all([
    db.select().from(verificationEvents).where(eq(verificationEvents.verificationId, id)).orderBy(asc(verificationEvents.createdAt), asc(sql`rowid`)).all(),
    db.select().from(consents).where(eq(consents.verificationId, id)).orderBy(asc(consents.createdAt)).all(),
    db
      .select({ type: webhookEvents.type, status: webhookDeliveries.status, attempts: webhookDeliveries.attempts, endpointId: webhookDeliveries.endpointId, createdAt: webhookDeliveries.createdAt })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(and(eq(webhookEvents.verificationId, id)))
      .orderBy(asc(webhookDeliveries.createdAt))
      .all(),
    db.select({ id: verifications.id, status: verifications.status, role: verifications.parentRole }).from(verifications).where(eq(verifications.parentId, id)).all(),
    db
      .select({ id: reviews.id, kind: reviews.kind, status: reviews.status, reason: reviews.reason, createdAt: reviews.createdAt })
      .from(reviews)
      .where(eq(reviews.verificationId, id))
      .orderBy(asc(reviews.createdAt))
      .all(),
  ]);
  return { row, events, consents: given, deliveries, children, reviews: asked };
}
