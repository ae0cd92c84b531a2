// What a reviewer's decision on a business licence may do, and what it does to the flow. Pure: the
// caller reads the review and the clock, and applies the answer through the flow writer
// (src/reviews/decide.ts). A claim held by someone else forbids deciding; a lapsed claim is no claim.
import type { FlowEvent } from "../flow/transition";

export const CLAIM_MS = 30 * 60_000;
/** The target for a decision: 4 working hours; the queue turns amber past 3. */
export const TARGET_MS = 4 * 3_600_000;
export const WARN_MS = 3 * 3_600_000;

/**
 * A verification waiting on a person outlives its usual day: a licence sent on a Friday evening is
 * decided on Monday. Once decided, the operator has a day again to go on.
 */
export const AWAITING_REVIEW_MS = 3 * 24 * 3_600_000;
export const AFTER_DECISION_MS = 24 * 3_600_000;

/** The verification's expiry once a review is asked for (`window` = AWAITING_REVIEW_MS) or decided (AFTER_DECISION_MS): never earlier than it was. */
export function expiryAround(expiresAt: number, now: number, window: number): number {
  return Math.max(expiresAt, now + window);
}

export const LICENCE_REJECT_REASONS = ["licence_unreadable", "name_or_code_mismatch", "not_a_business_licence", "other"] as const;
export const LETTER_REJECT_REASONS = ["letter_unreadable", "letter_not_stamped", "letter_wrong_organization", "other"] as const;
export const REJECT_REASONS = [...new Set([...LICENCE_REJECT_REASONS, ...LETTER_REJECT_REASONS])] as unknown as readonly [RejectReason, ...RejectReason[]];
export type RejectReason = (typeof LICENCE_REJECT_REASONS)[number] | (typeof LETTER_REJECT_REASONS)[number];

export type ReviewKind = "business_licence" | "authorization_letter";

/** The reasons a reviewer may give for a kind of document: a licence's are not a letter's. */
export function rejectReasonsOf(kind: ReviewKind): readonly RejectReason[] {
  return kind === "authorization_letter" ? LETTER_REJECT_REASONS : LICENCE_REJECT_REASONS;
}

/** A rejection gives a reason of the document's kind (a letter is never "not a business licence"). */
export function reasonFits(kind: ReviewKind, decision: Decision): boolean {
  return decision.decision === "approve" || rejectReasonsOf(kind).includes(decision.reason);
}

export type Decision = { decision: "approve"; note: string } | { decision: "reject"; reason: RejectReason; note: string };

export interface ReviewFacts {
  status: "pending" | "approved" | "rejected" | "withdrawn";
  claimedBy: string | null;
  claimedUntil: number | null;
}

/** A reviewer in the back office must hold the claim; the operator API decides any item nobody holds. */
export type Decider = { kind: "staff"; id: string } | { kind: "api" };

export type DecideRefusal = "decided" | "withdrawn" | "claimed_by_other" | "not_claimed";

export function claimHolder(review: Pick<ReviewFacts, "claimedBy" | "claimedUntil">, now: number): string | null {
  return review.claimedBy && (review.claimedUntil ?? 0) > now ? review.claimedBy : null;
}

export function mayClaim(review: ReviewFacts, staffId: string, now: number): "decided" | "claimed_by_other" | null {
  if (review.status !== "pending") return "decided";
  const holder = claimHolder(review, now);
  return holder && holder !== staffId ? "claimed_by_other" : null;
}

export function mayDecide(review: ReviewFacts, by: Decider, now: number): DecideRefusal | null {
  if (review.status === "withdrawn") return "withdrawn";
  if (review.status !== "pending") return "decided";
  const holder = claimHolder(review, now);
  if (by.kind === "api") return holder ? "claimed_by_other" : null;
  if (holder === by.id) return null;
  return holder ? "claimed_by_other" : "not_claimed";
}

/** The organization check's move: approval passes it (a person's decision); rejection keeps the reason for the form. */
export function flowMoveOf(decision: Decision, step: string): FlowEvent {
  if (decision.decision === "approve") return { type: "step_passed", step };
  return { type: "step_data", step, data: { review_id: "", review_rejected: decision.reason } };
}
