// The review queue's rows (src/db/schema.ts `reviews`). Staff work across partners, so these
// queries are deliberately not partner-scoped (names say so). The claim and the decision are
// guarded updates: the WHERE holds the rule, so two requests at once cannot both win.
import { and, asc, eq, gt, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { newId } from "../crypto/random";
import { partners, reviews, staffMembers, verifications } from "./schema";
import type { VerificationRow } from "./verifications";

export type ReviewRow = typeof reviews.$inferSelect;

/** The review's row, written in the flow's batch: only if the verification's guarded update wins. */
/** A new review waiting for a person: nobody holds or has decided it yet. */
export function pendingReview(v: Pick<VerificationRow, "id" | "partnerId">, kind: ReviewRow["kind"], objectKey: string, contentType: string, now: number): ReviewRow {
  return {
    id: newId("rev"),
    verificationId: v.id,
    partnerId: v.partnerId,
    kind,
    status: "pending",
    objectKey,
    contentType,
    claimedBy: null,
    claimedUntil: null,
    decidedBy: null,
    decision: null,
    reason: null,
    note: null,
    createdAt: now,
    decidedAt: null,
  };
}

export function guardedReviewInsert(db: Database, r: ReviewRow, guard: SQL) {
  return db.insert(reviews).select(
    db
      .select({
        id: sql`${r.id}`.as("id"),
        verificationId: verifications.id,
        partnerId: verifications.partnerId,
        kind: sql`${r.kind}`.as("kind"),
        status: sql`${r.status}`.as("status"),
        objectKey: sql`${r.objectKey}`.as("object_key"),
        contentType: sql`${r.contentType}`.as("content_type"),
        claimedBy: sql`null`.as("claimed_by"),
        claimedUntil: sql`null`.as("claimed_until"),
        decidedBy: sql`null`.as("decided_by"),
        decision: sql`null`.as("decision"),
        reason: sql`null`.as("reason"),
        note: sql`null`.as("note"),
        createdAt: sql`${r.createdAt}`.as("created_at"),
        decidedAt: sql`null`.as("decided_at"),
      })
      .from(verifications)
      .where(guard),
  );
}

export async function getReviewAcrossPartners(db: Database, id: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).limit(1);
  return row ?? null;
}

/** Pending items of open verifications, oldest first, with who holds each (a lapsed claim is shown as none by the caller). */
export function pendingReviewsAcrossPartners(db: Database, limit = 200) {
  return db
    .select({
      id: reviews.id,
      kind: reviews.kind,
      verificationId: reviews.verificationId,
      partnerId: reviews.partnerId,
      partnerName: partners.name,
      orgName: verifications.orgName,
      orgCredentialCode: verifications.orgCredentialCode,
      claimedBy: reviews.claimedBy,
      claimedByName: staffMembers.name,
      claimedUntil: reviews.claimedUntil,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(verifications, eq(verifications.id, reviews.verificationId))
    .innerJoin(partners, eq(partners.id, reviews.partnerId))
    .leftJoin(staffMembers, eq(staffMembers.id, reviews.claimedBy))
    .where(and(eq(reviews.status, "pending"), eq(verifications.status, "requires_review")))
    .orderBy(asc(reviews.createdAt), asc(reviews.id))
    .limit(limit);
}

/** Claims (or renews) a pending item nobody else holds now. */
export async function claimReview(db: Database, id: string, staffId: string, now: number, ms: number): Promise<boolean> {
  const free = or(isNull(reviews.claimedBy), lte(reviews.claimedUntil, now), eq(reviews.claimedBy, staffId));
  const won = await db
    .update(reviews)
    .set({ claimedBy: staffId, claimedUntil: now + ms })
    .where(and(eq(reviews.id, id), eq(reviews.status, "pending"), free))
    .returning({ id: reviews.id });
  return won.length > 0;
}

export interface DecisionRow {
  status: "approved" | "rejected";
  decision: "approve" | "reject";
  decidedBy: string;
  reason: string | null;
  note: string | null;
}

/**
 * Decides a pending item: a reviewer only while holding a live claim, the API only while nobody
 * does. One UPDATE, so of two decisions at once exactly one matches the pending row.
 */
export async function decideReviewRow(db: Database, id: string, by: { staffId: string | null }, d: DecisionRow, now: number): Promise<boolean> {
  const claim = by.staffId ? and(eq(reviews.claimedBy, by.staffId), gt(reviews.claimedUntil, now)) : or(isNull(reviews.claimedBy), lte(reviews.claimedUntil, now));
  const won = await db
    .update(reviews)
    .set({ ...d, objectKey: null, decidedAt: now, claimedUntil: null })
    .where(and(eq(reviews.id, id), eq(reviews.status, "pending"), claim))
    .returning({ id: reviews.id });
  return won.length > 0;
}

/** One item with its verification's organization as typed (masked) and who holds the claim. */
export async function reviewDetailAcrossPartners(db: Database, id: string) {
  const [row] = await db
    .select({
      review: reviews,
      partnerName: partners.name,
      verificationStatus: verifications.status,
      orgName: verifications.orgName,
      orgCredentialCode: verifications.orgCredentialCode,
      orgLegalRepNameMasked: verifications.orgLegalRepNameMasked,
      orgLegalRepIdNumberMasked: verifications.orgLegalRepIdNumberMasked,
      claimedByName: staffMembers.name,
    })
    .from(reviews)
    .innerJoin(verifications, eq(verifications.id, reviews.verificationId))
    .innerJoin(partners, eq(partners.id, reviews.partnerId))
    .leftJoin(staffMembers, eq(staffMembers.id, reviews.claimedBy))
    .where(eq(reviews.id, id))
    .limit(1);
  return row ?? null;
}
